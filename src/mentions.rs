//! Speaker mentions: the noun phrase next to a cue ("Russia's Foreign Ministry spokeswoman Maria
//! Zakharova", "she", "officials from both sides", "the U.S. State Department"), its type, and
//! the name inside it.

use crate::doc::Doc;
use crate::lexicon::{Gender, Number, WordInfo};
use crate::span::Span;
use crate::statement::SpeakerType;
use crate::tokens::TokenKind;

/// Longest speaker mention, in tokens.
const MAX_MENTION_TOKENS: usize = 14;

/// Lower-case words that may join the parts of a mention: "spokesperson for X", "head of Y".
const CONNECTORS: &[&str] = &["of", "for", "from", "at", "with", "in", "on", "to"];
/// Determiners that make a noun phrase plural.
const PLURAL_DETERMINERS: &[&str] = &[
    "two", "three", "four", "five", "many", "several", "both", "all", "some", "most", "few",
    "these", "those", "other",
];
/// Prepositions before which an "-ing" word is a gerund, not part of a name or noun.
const GERUND_TAKERS: &[&str] = &["for", "by", "of", "after", "before"];
/// Participles that tell who a poll asked, after the plural noun they describe: "voters polled".
const POLLED: &[&str] = &["polled", "surveyed", "interviewed", "questioned", "sampled"];
/// Determiners that stand alone for people: "Another said", "Some say", "Others argue".
const STANDALONE_DETERMINERS: &[&str] = &[
    "another", "others", "some", "many", "several", "both", "most",
];
/// Name particles: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin", "al",
    "ibn", "dos", "das",
];

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// First and last token, inclusive.
    pub first: usize,
    pub last: usize,
    pub kind: SpeakerType,
    /// The name inside the mention: a person's name without titles and roles, an organisation
    /// without its determiner.
    pub name: Option<Span>,
    pub gender: Gender,
    pub number: Number,
}

fn info<'a>(doc: &'a Doc<'_>, i: usize) -> Option<&'a WordInfo> {
    doc.tokens.get(i).and_then(|t| t.info)
}

fn is_upper_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Word && t.upper)
}

fn lower_word_in(doc: &Doc<'_>, i: usize, list: &[&str]) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Word && !t.upper)
        && doc.word_in(i, list)
}

/// Tokens `a` and `b` touch (no space between).
fn adjacent(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    doc.tokens[a].span.end == doc.tokens[b].span.start
}

/// The word follows a title ("Ms. May"): a month or other listed word is then a surname.
fn after_title(doc: &Doc<'_>, j: usize) -> bool {
    let title = |k: usize| is_upper_word(doc, k) && info(doc, k).is_some_and(|x| x.title.is_some());
    (j >= 2 && doc.is_abbreviation_dot(j - 1) && title(j - 2)) || (j >= 1 && title(j - 1))
}

/// A hyphen or apostrophe joining two parts of one name ("Jean-Pierre", "Nations’ panel").
fn is_joiner(doc: &Doc<'_>, i: usize) -> bool {
    if i == 0 || i + 1 >= doc.tokens.len() {
        return false;
    }
    if doc.is_punct(i, &["-", "‑"]) {
        return adjacent(doc, i - 1, i) && adjacent(doc, i, i + 1);
    }
    // Plural possessive: "Nations’ climate panel".
    doc.is_punct(i, &["’", "'"]) && doc.ends_possessive(i) && doc.is_word(i + 1)
}

/// A pronoun with a verb run into it ("he's", "We’re", "they’ve"): the byte length of the
/// pronoun's part, what follows the apostrophe, and the pronoun's gender and number.
fn pronoun_contraction<'t>(doc: &Doc<'t>, i: usize) -> Option<(usize, &'t str, Gender, Number)> {
    if !doc.is_word(i) {
        return None;
    }
    let cut = apostrophe_at(doc.word_bytes(i))?;
    let word = doc.word(i);
    let (gender, number) = crate::lexicon::lexicon().get(&word[..cut])?.pronoun?;
    let suffix = word[cut..].trim_start_matches(['\'', '’']);
    Some((cut, suffix, gender, number))
}

/// Where the first `'` or `’` (E2 80 99) of a word starts: `word.find(['\'', '’'])` on the
/// bytes, a test of two values per byte rather than a char decoded per character.
fn apostrophe_at(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let k = from
            + bytes[from..]
                .iter()
                .position(|&b| b == b'\'' || b == 0xE2)?;
        if bytes[k] == b'\'' || bytes[k + 1..].starts_with(&[0x80, 0x99]) {
            return Some(k);
        }
        from = k + 1;
    }
}

/// "he's", "they’re": a pronoun with "is" or "are" run into it (or "has", for "'s").
pub(crate) fn contracted_be(doc: &Doc<'_>, i: usize) -> bool {
    pronoun_contraction(doc, i).is_some_and(|(_, suffix, ..)| {
        suffix.eq_ignore_ascii_case("s") || suffix.eq_ignore_ascii_case("re")
    })
}

/// The pronoun of a contraction ([`pronoun_contraction`]) at `i`, before the verb at `verb`:
/// "he's saying", "they’ve said", "she'd said" → "he", "they", "she". The mention covers the
/// pronoun's part of the token. "is" and "are" make a form in "-ed" passive ("we're told"), so
/// with them only a form in "-ing" counts.
fn contracted_pronoun(doc: &Doc<'_>, i: usize, verb: usize) -> Option<Mention> {
    let (cut, suffix, gender, number) = pronoun_contraction(doc, i)?;
    // "he's also saying": past adverbs to the verb.
    let mut verb = verb;
    while verb < doc.tokens.len() && lower_word_adverb(doc, verb) {
        verb += 1;
    }
    let progressive = doc.is_word(verb) && doc.word(verb).ends_with("ing");
    // "he's said he …" has said; "he's said to be" is passive.
    let perfect = suffix.eq_ignore_ascii_case("s")
        && info(doc, verb)
            .and_then(|x| x.verb)
            .is_some_and(|v| !v.base && !v.third_person && !v.participle)
        && !lower_word_in(doc, verb + 1, &["to", "by"]);
    let have_will_had = ["ve", "d", "ll"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s));
    if !(have_will_had || progressive || perfect) {
        return None;
    }
    let start = doc.tokens[i].span.start;
    Some(Mention {
        span: Span::new(start, start + cut),
        first: i,
        last: i,
        kind: SpeakerType::Pronoun,
        name: None,
        gender,
        number,
    })
}

fn lower_word_adverb(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_word(i) && !doc.tokens[i].upper && info(doc, i).is_some_and(|x| x.adverb)
}

fn is_pronoun(doc: &Doc<'_>, i: usize) -> bool {
    info(doc, i).is_some_and(|x| x.pronoun.is_some()) && doc.is_word(i)
}

/// The mention that ends just before token `end` (exclusive), not reaching before `lo`:
/// "… , officials from both sides| said", "Mr. Jonsson| said".
pub fn mention_before(doc: &Doc<'_>, end: usize, lo: usize) -> Option<Mention> {
    if end == 0 || end <= lo {
        return None;
    }
    // "a source close to him| said": an object pronoun after a preposition completes a phrase.
    let completes_phrase = end >= lo + 3
        && lower_word_in(doc, end - 1, &["him", "them", "me", "us"])
        && lower_word_in(doc, end - 2, &["to", "with", "of", "for"]);
    if is_pronoun(doc, end - 1) && !completes_phrase {
        return Some(classify(doc, end - 1, end - 1));
    }
    // A contraction is a pronoun or nothing: "We’re| told" is no name.
    if pronoun_contraction(doc, end - 1).is_some() {
        return contracted_pronoun(doc, end - 1, end);
    }
    // "to campaign in| states": a phrase does not end in a preposition.
    if lower_word_in(doc, end - 1, CONNECTORS) {
        return None;
    }
    let mut first = end;
    let mut i = end;
    if completes_phrase {
        first = end - 1;
        i = end - 1;
    }
    while i > lo && end - i < MAX_MENTION_TOKENS {
        let j = i - 1;
        let t = &doc.tokens[j];
        match t.kind {
            TokenKind::Punct => {
                // "42% say": a percentage counts people as a number does.
                if doc.is_punct(j, &["%"])
                    && j == end - 1
                    && j > lo
                    && doc.tokens[j - 1].kind == TokenKind::Number
                {
                    first = j - 1;
                    break;
                }
                if !(doc.is_abbreviation_dot(j) || is_joiner(doc, j) || doc.is_punct(j, &["&"])) {
                    break;
                }
            }
            TokenKind::Number => {
                // "a 57-year-old scientist": a number inside a compound adjective goes on.
                if j + 1 < end && is_joiner(doc, j + 1) {
                    first = j;
                    i = j;
                    continue;
                }
                // "two officials", "35 diplomats": a count opens the phrase, as "one in four" does.
                first = proportion_start(doc, j, lo);
                break;
            }
            TokenKind::Word => {
                let x = t.info;
                // "That person said": opening the clause, "that" is a demonstrative.
                if j == lo && demonstrative_that(doc, j, end) {
                    first = j;
                    break;
                }
                if x.is_some_and(|x| x.determiner) {
                    first = proportion_start(doc, j, lo);
                    if first < j {
                        break;
                    }
                    // "officials from both sides": a determiner after a connector continues.
                    if j >= 2
                        && j > lo + 1
                        && lower_word_in(doc, j - 1, CONNECTORS)
                        && is_nounish(doc, j - 2)
                    {
                        i = j - 1;
                        first = j - 1;
                        continue;
                    }
                    break;
                }
                if t.upper {
                    // "Even Veterans Affairs said": a sentence-initial adverb is no part of a name.
                    // "Ms. May said": after a title a month is a surname.
                    if !after_title(doc, j)
                        && x.is_some_and(|x| x.name_stop || x.clause_opener || x.adverb && j == lo)
                    {
                        break;
                    }
                } else if j > lo && j + 1 < end && joins_names(doc, j) {
                    // "the Securities and Exchange Commission", "Sen. Roe and Sen. Doe": names
                    // joined.
                } else if lower_word_in(doc, j, &["and", "or"])
                    && j > lo
                    && j + 1 < end
                    && ([j - 1, j + 1].iter().all(|&k| plain_modifier(doc, k))
                        || coordinated_roles(doc, j, end))
                {
                    // "current and former officials": coordinated modifiers; "the senator and
                    // Democratic presidential candidate": coordinated roles.
                } else if lower_word_in(doc, j, &["and", "or"])
                    && j > lo
                    && j + 1 < end
                    && in_complement(doc, j, lo)
                {
                    // "experts on North Korea and nuclear arms": both are the complement.
                } else if lower_word_in(doc, j, &["and", "or"])
                    && j > lo
                    && j + 2 == end
                    && plural_noun(doc, j - 1)
                    && plural_noun(doc, j + 1)
                {
                    // "Companies and individuals complain": two plural nouns joined.
                } else if completes_phrase && j + 2 == end {
                    // "close to| him": the preposition of the completing pronoun.
                } else if lower_word_in(doc, j, CONNECTORS)
                    && is_upper_word(doc, j + 1)
                    && j > lo
                    && info(doc, j - 1).is_some_and(|x| x.role.is_some() || x.group)
                {
                    // "aides to Clinton", "a spokesman for Nike": the name completes the noun.
                } else if j > lo && noun_after_determiner(doc, j) {
                    // "the email said", "secretary of state Jane Roe said": after a determiner
                    // or "of", a verb is a noun.
                } else if x.is_some_and(|x| {
                    x.clause_opener
                        || x.pronoun.is_some()
                        || x.adverb
                        || x.verb.is_some()
                        || x.finite
                }) && !x.is_some_and(|x| x.role.is_some() || x.group || x.org)
                {
                    break;
                } else if j > lo
                    && lower_word_in(doc, j, POLLED)
                    && j + 1 == end
                    && plural_noun(doc, j - 1)
                {
                    // "students polled support", "the senators surveyed say": those asked.
                } else if x.is_none()
                    && j > 0
                    && (doc.word_bytes(j).ends_with(b"ed")
                        && !(info(doc, j - 1).is_some_and(|x| x.determiner)
                            || is_upper_word(doc, j - 1))
                        || doc.word_bytes(j).ends_with(b"ing")
                            && lower_word_in(doc, j - 1, GERUND_TAKERS))
                {
                    // A past tense ends the phrase: "the government received| expert reports";
                    // so does a gerund: "the group responsible for sending| emails".
                    break;
                }
            }
        }
        first = j;
        i = j;
    }
    // A mention never starts with a connector or a stray dot.
    while first < end
        && (lower_word_in(doc, first, CONNECTORS)
            || lower_word_in(doc, first, &["by"])
            || doc.tokens[first].kind == TokenKind::Punct)
    {
        first += 1;
    }
    if first >= end {
        return None;
    }
    let m = classify(doc, first, end - 1);
    acceptable(doc, &m).then_some(m)
}

/// The mention that starts at token `start`, not reaching `hi` (exclusive): "said| Maria
/// Zakharova, …", "said| the spokesman for the mayor.".
pub fn mention_after(doc: &Doc<'_>, start: usize, hi: usize) -> Option<Mention> {
    if start >= hi.min(doc.tokens.len()) {
        return None;
    }
    if is_pronoun(doc, start) {
        return Some(classify(doc, start, start));
    }
    if let Some(m) = described_name_after(doc, start, hi) {
        return Some(m);
    }
    let mut last: Option<usize> = None;
    let mut i = start;
    let mut seen_head = false;
    while i < hi && i - start < MAX_MENTION_TOKENS {
        let t = &doc.tokens[i];
        let x = t.info;
        // "said Heart and Stroke senior manager Erin Kim": an organisation's name, then a
        // description and the person's name.
        if seen_head
            && t.kind == TokenKind::Word
            && !t.upper
            && let Some(described) = described_name_after(doc, i, hi)
            && (i..described.last)
                .find(|&k| is_upper_word(doc, k))
                .is_some_and(|name| info(doc, name - 1).is_some_and(|x| x.role.is_some()))
        {
            let m = classify(doc, start, described.last);
            return acceptable(doc, &m).then_some(m);
        }
        if seen_head
            && doc.is_word(i)
            && matches!(doc.word(i), "and" | "&")
            && is_upper_word(doc, i - 1)
            && is_upper_word(doc, i + 1)
        {
            last = Some(i);
            i += 1;
            continue;
        }
        let ok = match t.kind {
            TokenKind::Word
                if x.is_some_and(|x| x.determiner) && !t.upper
                    || (t.upper && x.is_some_and(|x| x.determiner) && i == start) =>
            {
                i == start || lower_word_in(doc, i - 1, CONNECTORS)
            }
            TokenKind::Word if t.upper => !(x.is_some_and(|x| x.name_stop) && i != start),
            TokenKind::Word if lower_word_in(doc, i, CONNECTORS) => {
                // Only after a noun that takes a complement ("spokesman for", "University of"),
                // or a part of a whole ("one of the advisers"), and only before more of the
                // phrase.
                let takes_complement = seen_head
                    && info(doc, i - 1).is_some_and(|x| x.role.is_some() || x.group || x.org);
                let part = i == start + 1
                    && doc.word(i) == "of"
                    && info(doc, start).is_some_and(|x| x.partitive);
                (takes_complement || part)
                    && (is_upper_word(doc, i + 1)
                        || info(doc, i + 1).is_some_and(|x| x.determiner)
                        || noun_after_determiner(doc, i + 1) && is_upper_word(doc, i + 2))
            }
            TokenKind::Word if lower_word_in(doc, i, PARTICLES) => is_upper_word(doc, i + 1),
            TokenKind::Word => {
                x.is_some_and(|x| x.role.is_some() || x.group || x.org)
                    || (i > start
                        && seen_head
                        && noun_after_determiner(doc, i)
                        && doc.word(i - 1) == "of")
                    || (!seen_head && last.is_some() && (x.is_none() || plain_modifier(doc, i)))
            }
            // "said the 46-year-old": a count in a compound after the article.
            TokenKind::Number => {
                i == start
                    || i == start + 1
                        && info(doc, start).is_some_and(|x| x.determiner)
                        && doc.is_punct(i + 1, &["-"])
            }
            TokenKind::Punct => {
                (doc.is_abbreviation_dot(i) && is_upper_word(doc, i + 1)) || is_joiner(doc, i)
            }
        };
        if !ok {
            break;
        }
        if t.kind == TokenKind::Word
            && (t.upper || x.is_some_and(|x| x.role.is_some() || x.group || x.org))
        {
            seen_head = true;
        }
        last = Some(i);
        i += 1;
    }
    let mut last = last?;
    while last > start
        && (lower_word_in(doc, last, CONNECTORS) || doc.tokens[last].kind == TokenKind::Punct)
    {
        last -= 1;
    }
    let m = classify(doc, start, last);
    acceptable(doc, &m).then_some(m)
}

/// Longest lower-case description before a name: "said oil and gas worker Mike Wipf".
const MAX_DESCRIPTION_TOKENS: usize = 6;

/// A name after a lower-case description of the person, without a determiner: "said oil and gas
/// worker Mike Wipf", "said Toronto police spokesperson Jane Doe".
fn described_name_after(doc: &Doc<'_>, start: usize, hi: usize) -> Option<Mention> {
    let t = doc.tokens.get(start)?;
    if t.kind != TokenKind::Word
        || t.upper
        || t.info
            .is_some_and(|x| x.determiner || x.clause_opener || x.verb.is_some() || x.adverb)
    {
        return None;
    }
    let limit = hi.min(start + MAX_DESCRIPTION_TOKENS).min(doc.tokens.len());
    let mut k = start;
    while k < limit {
        let t = &doc.tokens[k];
        if t.kind == TokenKind::Word && t.upper {
            break;
        }
        let plain_word = t.kind == TokenKind::Word
            && !t.info.is_some_and(|x| {
                x.determiner
                    || x.verb.is_some()
                    || x.pronoun.is_some()
                    || x.clause_opener && doc.word(k) != "and"
            });
        if !(plain_word || is_joiner(doc, k) || k > start && noun_after_determiner(doc, k)) {
            return None;
        }
        k += 1;
    }
    if k >= limit || !is_upper_word(doc, k) || info(doc, k).is_some_and(|x| x.name_stop) {
        return None;
    }
    let mut last = k;
    while last + 1 < hi.min(doc.tokens.len())
        && (is_upper_word(doc, last + 1) && !info(doc, last + 1).is_some_and(|x| x.name_stop)
            || doc.is_abbreviation_dot(last + 1) && is_upper_word(doc, last + 2)
            || is_joiner(doc, last + 1) && !doc.is_punct(last + 1, &["’", "'"]))
    {
        last += 1;
    }
    // The description must end in a noun that names a person or a kind of one.
    if k == start {
        return None;
    }
    Some(classify(doc, start, last))
}

/// Token `and` joins two roles of one person: a role noun before it, and a lower-case role noun
/// after it before `end` ("the senator and Democratic presidential candidate"), not a name
/// ("the senator and Trump").
fn coordinated_roles(doc: &Doc<'_>, and: usize, end: usize) -> bool {
    let role = |k: usize| {
        doc.tokens[k].kind == TokenKind::Word
            && !doc.tokens[k].upper
            && info(doc, k).is_some_and(|x| x.role.is_some())
    };
    role(and - 1) && (and + 1..end).any(role)
}

/// Longest complement of a role or group noun that may hold an "and": "experts on North Korea
/// and| nuclear arms".
const MAX_COMPLEMENT_TOKENS: usize = 6;

/// The "and" at `and` joins two parts of the complement of a role or group noun: a connector
/// after such a noun comes before it, with only words between.
fn in_complement(doc: &Doc<'_>, and: usize, lo: usize) -> bool {
    let floor = and.saturating_sub(MAX_COMPLEMENT_TOKENS).max(lo + 1);
    (floor..and).rev().any(|c| {
        lower_word_in(doc, c, CONNECTORS)
            && info(doc, c - 1).is_some_and(|x| x.role.is_some() || x.group)
            && (c + 1..and).all(|k| doc.is_word(k) && !lower_word_in(doc, k, &["and", "or"]))
    })
}

/// The start of a proportion ending in the count at `j`: "one in| four" → "one"; else `j`.
fn proportion_start(doc: &Doc<'_>, j: usize, lo: usize) -> usize {
    // "in" first: one comparison, where a count word is one of ten.
    if j >= lo + 2 && lower_word_in(doc, j - 1, &["in"]) && is_count(doc, j) && is_count(doc, j - 2)
    {
        j - 2
    } else {
        j
    }
}

/// Number words that count people in a proportion: "one in four".
const COUNT_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// A number or a number word: "one in four".
fn is_count(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Number
        || doc.is_word(k)
            && COUNT_WORDS
                .iter()
                .any(|w| doc.word_bytes(k).eq_ignore_ascii_case(w.as_bytes()))
}

/// A word listed as a verb used as a noun: a determiner other than "that" (which may open a
/// relative clause), or "of", stands before it. "the email", "his tweet", "head of state".
fn noun_after_determiner(doc: &Doc<'_>, j: usize) -> bool {
    doc.tokens[j].kind == TokenKind::Word
        && !doc.tokens[j].upper
        && info(doc, j).is_some_and(|x| x.verb.is_some() && !x.finite)
        && !doc.word_bytes(j).ends_with(b"ed")
        && (info(doc, j - 1).is_some_and(|x| x.determiner)
            && !doc.word_bytes(j - 1).eq_ignore_ascii_case(b"that")
            || lower_word_in(doc, j - 1, &["of"]))
}

/// A word that can end the noun phrase a connector attaches to: "head| of", "officials| from".
fn is_nounish(doc: &Doc<'_>, i: usize) -> bool {
    is_upper_word(doc, i) || info(doc, i).is_some_and(|x| x.role.is_some() || x.group || x.org)
}

/// A lower-case word no list knows as a verb, pronoun, preposition or clause opener: an
/// adjective or noun that may be coordinated inside a phrase.
fn plain_modifier(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Word
        && !doc.tokens[k].upper
        && !doc.word_bytes(k).ends_with(b"ed")
        && !is_joiner(doc, k + 1)
        && !lower_word_in(doc, k, CONNECTORS)
        && info(doc, k).is_none_or(|x| {
            x.verb.is_none() && !x.finite && !x.clause_opener && x.pronoun.is_none() && !x.adverb
        })
}

/// A word in -s that reads as a plural noun ("advisers", "soldiers"), not "boss" or "status".
pub(crate) fn looks_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

/// The word at `k` looks plural and no list knows it as a verb: "soldiers", "retailers".
fn plural_noun(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_word(k)
        && looks_plural(doc.word(k))
        && info(doc, k).is_none_or(|x| x.verb.is_none() && x.stance.is_none())
}

/// Whether a scanned phrase can be a speaker at all.
fn acceptable(doc: &Doc<'_>, m: &Mention) -> bool {
    if m.kind == SpeakerType::Pronoun {
        return true;
    }
    // A determiner ends no speaker: "Sanders in the| state". A count may: "one in three".
    if info(doc, m.last).is_some_and(|x| x.determiner)
        && m.last > m.first
        && proportion_start(doc, m.last, m.first) == m.last
    {
        return false;
    }
    let head = head_token(doc, m.first, m.last);
    let x = info(doc, head);
    if is_upper_word(doc, head) && (!x.is_some_and(|x| x.name_stop) || after_title(doc, head)) {
        return true;
    }
    if x.is_some_and(|x| x.role.is_some() || x.group || x.org) {
        return true;
    }
    // "ISIS soldiers", "Republican senators": a capitalised modifier before a plural noun.
    if m.last > m.first
        && is_upper_word(doc, m.first)
        && !doc.tokens[head].upper
        && plural_noun(doc, head)
    {
        return true;
    }
    // "Recent polls show", "new fundraising reports show": a document with its modifiers.
    if m.last > m.first && x.is_some_and(|x| x.document) {
        return true;
    }
    // A possessive opens a phrase as a determiner does: "State's reviewers".
    let possessive = doc.is_possessive(m.first);
    let opens_with_determiner = info(doc, m.first).is_some_and(|x| x.determiner)
        || demonstrative_that(doc, m.first, m.last + 1)
        || doc.tokens[m.first].kind == TokenKind::Number
        || possessive;
    // "Another said", "Some say": a determiner that stands for people.
    let for_people = m.first == m.last
        && STANDALONE_DETERMINERS
            .iter()
            .any(|w| doc.word_bytes(m.first).eq_ignore_ascii_case(w.as_bytes()));
    // "six in 10 said": a proportion of people with its noun left out.
    let proportion = m.last == m.first + 2 && proportion_start(doc, m.last, m.first) == m.first;
    opens_with_determiner && m.last > m.first || for_people || proportion || bare_count(doc, m)
}

/// "…, and 43 said …": a count with its noun left out, after a comma or conjunction that joins
/// it to the report it counts against. A year ("In 2016 said") is no count.
fn bare_count(doc: &Doc<'_>, m: &Mention) -> bool {
    let k = m.first;
    m.first == m.last
        && doc.tokens[k].kind == TokenKind::Number
        && doc.word(k).bytes().all(|b| b.is_ascii_digit())
        && doc.word(k).len() < 4
        && k > 0
        && (doc.is_punct(k - 1, &[","]) || lower_word_in(doc, k - 1, &["and", "but", "while"]))
}

/// "That" opening a sentence before a lower-case noun, the phrase ending before `end`: "That
/// person said". Inside a sentence "that" mostly opens a clause.
fn demonstrative_that(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    j + 2 == end
        && doc.is_word(j)
        && doc.word_bytes(j) == b"That"
        && doc.is_word(j + 1)
        && !doc.tokens[j + 1].upper
        && !info(doc, j + 1).is_some_and(|x| x.pronoun.is_some() || x.verb.is_some() || x.finite)
}

/// The head noun: the last token before a connector ("officials| from both sides"), else the last.
pub(crate) fn head_token(doc: &Doc<'_>, first: usize, last: usize) -> usize {
    // Asked again for the mention just classified: the last answer is kept.
    if let Some((f, l, head)) = doc.last_head.get()
        && (f, l) == (first, last)
    {
        return head;
    }
    let head = find_head_token(doc, first, last);
    doc.last_head.set(Some((first, last, head)));
    head
}

/// [`head_token`], found. Kept out of line: the kept answer is returned without this
/// function's large frame being set up.
#[inline(never)]
fn find_head_token(doc: &Doc<'_>, first: usize, last: usize) -> usize {
    // "Joseph Biden Jr.": a suffix's dot is not the head.
    // "the senators surveyed": the participle of a poll is not the head either.
    let last =
        if last > first && (doc.is_abbreviation_dot(last) || lower_word_in(doc, last, POLLED)) {
            last - 1
        } else {
            last
        };
    // A name at the end after a lower-case description is the head: "minister of infrastructure
    // Amarjeet Sohi", "University of the Fraser Valley political scientist Hamish Telford".
    let mut run = last;
    while run > first && (is_upper_word(doc, run - 1) || doc.is_abbreviation_dot(run - 1)) {
        run -= 1;
    }
    let described = run > first
        && doc.is_word(run - 1)
        && !doc.tokens[run - 1].upper
        && !lower_word_in(doc, run - 1, CONNECTORS);
    // Not after a determiner: "Tim Guest with the| Nova Scotia Health Authority" ends in an
    // organisation's name, not a person's.
    let after_determiner = run > first && info(doc, run - 1).is_some_and(|x| x.determiner);
    // "U.S. Secretary of State Mike Pompeo": a first name in the final run makes it a name too,
    // unless a lone word after "of" is a place ("Jane Roe of Raleigh").
    // "aides to Clinton": a name that completes a group or role noun is not the head.
    // "supporters of Hillary Clinton": so does a full name after a group noun.
    let completes_noun = run > first + 1
        && lower_word_in(doc, run - 1, CONNECTORS)
        && info(doc, run - 2).is_some_and(|x| x.group || x.role.is_some() && run == last);
    let place = run == last && run > first && lower_word_in(doc, run - 1, &["of", "from", "in"]);
    let first_named = !completes_noun
        && !place
        && (run..=last).any(|k| doc.tokens[k].info.is_some_and(|x| x.first_name.is_some()));
    if is_upper_word(doc, last) && !after_determiner && (described || first_named && run > first) {
        return last;
    }
    let mut from = first + 1;
    while let Some(c) = (from..=last).find(|&i| lower_word_in(doc, i, CONNECTORS)) {
        // "half of GOP voters", "one of the officials": the part names no speaker; the whole does.
        let partitive =
            doc.word_bytes(c) == b"of" && c < last && info(doc, c - 1).is_some_and(|x| x.partitive);
        if !partitive {
            return c - 1;
        }
        from = c + 1;
    }
    last
}

/// Types a phrase and finds the name inside it.
pub fn classify(doc: &Doc<'_>, first: usize, last: usize) -> Mention {
    let span = doc.tokens_span(first, last);
    if first == last && is_pronoun(doc, first) {
        let (gender, number) = info(doc, first)
            .and_then(|x| x.pronoun)
            .unwrap_or((Gender::Unknown, Number::Singular));
        return Mention {
            span,
            first,
            last,
            kind: SpeakerType::Pronoun,
            name: None,
            gender,
            number,
        };
    }
    if let Some(joined) = joined_names(doc, first, last) {
        return joined;
    }
    let head = head_token(doc, first, last);
    let hx = info(doc, head);
    // The name: the capitalised run that ends at the head, after any title or role word.
    let mut name_start = head + 1;
    let mut titled = false;
    let mut gender = Gender::Unknown;
    let mut k = head + 1;
    while k > first {
        let j = k - 1;
        let x = info(doc, j);
        let part_of_name = (is_upper_word(doc, j)
            && (after_title(doc, j)
                || !x.is_some_and(|x| {
                    x.title.is_some() || x.role.is_some() || x.name_stop || x.org
                })))
            || doc.is_abbreviation_dot(j)
                && j >= 1
                && info(doc, j - 1).is_none_or(|x| x.title.is_none())
            || is_joiner(doc, j) && !doc.is_punct(j, &["’", "'"])
            || lower_word_in(doc, j, PARTICLES) && name_start <= head;
        if !part_of_name {
            break;
        }
        name_start = j;
        k = j;
    }
    for j in first..=head {
        if let Some(x) = info(doc, j)
            && let Some(g) = x.title.or(x.role)
            && (j < name_start || name_start > head)
        {
            titled = true;
            if g != Gender::Unknown {
                gender = g;
            }
        }
    }
    // Possessive words ("Russia's") never start a person's name.
    while name_start <= head && doc.is_possessive(name_start) {
        name_start += 1;
    }
    let has_name = name_start <= head && is_upper_word(doc, head);
    let org_word =
        (first..=head).any(|j| info(doc, j).is_some_and(|x| x.org) && (j >= name_start || !titled));
    let first_name = has_name
        .then(|| info(doc, name_start).and_then(|x| x.first_name))
        .flatten();
    if gender == Gender::Unknown
        && let Some(g) = first_name
    {
        gender = g;
    }
    let name_len = if has_name {
        (name_start..=head).filter(|&j| doc.is_word(j)).count()
    } else {
        0
    };
    let org_word_in_name =
        has_name && (name_start..=head).any(|j| info(doc, j).is_some_and(|x| x.org));
    // A group noun is capitalised only at the start of a sentence: "Aides say …".
    let sentence_initial = head == first && doc.sentence_range(first).start == first;
    // "one in five": a proportion of people.
    let proportion = last >= first + 2 && proportion_start(doc, last, first) == last - 2;
    let (kind, number) = if proportion
        || hx.is_some_and(|x| x.group) && (!doc.tokens[head].upper || sentence_initial)
    {
        (SpeakerType::Group, Number::Plural)
    } else if has_name && (titled || first_name.is_some()) && !org_word_in_name {
        (SpeakerType::Person, Number::Singular)
    } else if org_word {
        (SpeakerType::Organization, Number::Singular)
    } else if hx.is_some_and(|x| x.role.is_some()) || has_name && name_len >= 2 {
        (SpeakerType::Person, Number::Singular)
    } else {
        (SpeakerType::Unknown, Number::Singular)
    };
    let name = match kind {
        SpeakerType::Person if has_name => Some(doc.tokens_span(name_start, head)),
        SpeakerType::Organization | SpeakerType::Unknown => {
            // A capitalised name after lower-case words is the name: "the business newspaper
            // Kommersant" → "Kommersant"; otherwise the phrase without its determiner.
            let lower_before = (first..head)
                .rev()
                .find(|&j| doc.is_word(j) && !doc.tokens[j].upper);
            let start = match lower_before {
                Some(j)
                    if is_upper_word(doc, head) && !info(doc, j).is_some_and(|x| x.determiner) =>
                {
                    j + 1
                }
                // Not the part of a whole: "One of those advisers".
                _ if info(doc, first).is_some_and(|x| x.determiner)
                    && first < last
                    && !lower_word_in(doc, first + 1, &["of"]) =>
                {
                    first + 1
                }
                _ => first,
            };
            Some(doc.tokens_span(start, last))
        }
        SpeakerType::Group => Some(span),
        _ => None,
    };
    // "50 member states", "two officials", "many analysts": a count makes the phrase plural.
    let counted = match doc.tokens[first].kind {
        TokenKind::Number => doc.word(first) != "1",
        // At a sentence start too: "Most Republicans say".
        // Each of them is a determiner in the lexicon (checked in the tests): the flag first,
        // the list only for determiners.
        _ => {
            first < last
                && doc.is_word(first)
                && doc.tokens[first].info.is_some_and(|x| x.determiner)
                && PLURAL_DETERMINERS
                    .iter()
                    .any(|w| doc.word_bytes(first).eq_ignore_ascii_case(w.as_bytes()))
        }
    };
    let number = if counted { Number::Plural } else { number };
    // "Many Out of the Cold users": counted, capitalised words name no person but a group.
    let (kind, name) = if counted && kind == SpeakerType::Person {
        (SpeakerType::Group, Some(span))
    } else {
        (kind, name)
    };

    Mention {
        span,
        first,
        last,
        kind,
        name,
        gender,
        number,
    }
}

/// The token `k` is an "and" between two capitalised words: "Roe and Doe", "Securities and
/// Exchange".
fn joins_names(doc: &Doc<'_>, k: usize) -> bool {
    k > 0
        && lower_word_in(doc, k, &["and"])
        && is_upper_word(doc, k - 1)
        && is_upper_word(doc, k + 1)
}

/// The first "and" joining names ([`joins_names`]) strictly inside tokens `first..=last`.
pub fn joining_and(doc: &Doc<'_>, first: usize, last: usize) -> Option<usize> {
    (first + 1..last).find(|&k| joins_names(doc, k))
}

/// Names joined by "and" in tokens `first..=last`: one organisation's name ("the Securities and
/// Exchange Commission"), else several speakers named together ("Sen. Roe and Sen. Doe",
/// "China and Russia"), a group.
fn joined_names(doc: &Doc<'_>, first: usize, last: usize) -> Option<Mention> {
    let and = joining_and(doc, first, last)?;
    // Names and titles only, after a determiner: not "Heart and Stroke senior manager Jane Roe".
    let start = if info(doc, first).is_some_and(|x| x.determiner) {
        first + 1
    } else {
        first
    };
    let named = |k: usize| is_upper_word(doc, k) || doc.is_abbreviation_dot(k) || k == and;
    if start >= and || !(start..=last).all(named) {
        return None;
    }
    let (left, right) = (classify(doc, start, and - 1), classify(doc, and + 1, last));
    let span = doc.tokens_span(first, last);
    let one_organisation =
        right.kind == SpeakerType::Organization && left.kind != SpeakerType::Person;
    let (kind, number, name) = if one_organisation {
        let start = left.name.unwrap_or(left.span).start;
        let end = right.name.unwrap_or(right.span).end;
        (
            SpeakerType::Organization,
            Number::Singular,
            Span::new(start, end),
        )
    } else {
        (
            SpeakerType::Group,
            Number::Plural,
            doc.tokens_span(start, last),
        )
    };
    Some(Mention {
        span,
        first,
        last,
        kind,
        name: Some(name),
        gender: Gender::Unknown,
        number,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_determiners_are_determiners_in_any_case() {
        for w in PLURAL_DETERMINERS {
            let text = format!(
                "{w} {} {}",
                w.to_uppercase(),
                w[..1].to_uppercase() + &w[1..]
            );
            let doc = Doc::new(&text);
            for t in &doc.tokens {
                assert!(t.info.is_some_and(|x| x.determiner), "{}", t.text(&text));
            }
        }
    }

    #[test]
    fn apostrophe_at_finds_what_str_find_finds() {
        for word in [
            "",
            "he's",
            "We’re",
            "they’ve",
            "rock'n'roll",
            "a–b’c",
            "–",
            "’",
            "x’",
            "é’s",
            "plain",
        ] {
            assert_eq!(
                apostrophe_at(word.as_bytes()),
                word.find(['\'', '’']),
                "{word:?}"
            );
        }
    }

    fn before(text: &str, cue: &str) -> Option<(String, SpeakerType, Option<String>)> {
        let doc = Doc::new(text);
        let cue_at = text.find(cue).unwrap();
        let end = doc.token_at(cue_at);
        let lo = doc.paragraph_range(end).start;
        mention_before(&doc, end, lo).map(|m| {
            (
                text[m.span].to_string(),
                m.kind,
                m.name.map(|n| text[n].to_string()),
            )
        })
    }

    fn after(text: &str, from: &str) -> Option<(String, SpeakerType, Option<String>)> {
        let doc = Doc::new(text);
        let at = text.find(from).unwrap();
        let start = doc.token_at(at);
        let hi = doc.paragraph_range(start).end;
        mention_after(&doc, start, hi).map(|m| {
            (
                text[m.span].to_string(),
                m.kind,
                m.name.map(|n| text[n].to_string()),
            )
        })
    }

    #[test]
    fn a_verb_after_a_determiner_or_of_is_a_noun() {
        let got = before("The email said it.", "said").unwrap();
        assert_eq!(got.0, "The email");
        let got = before("Then his tweet read: no.", "read").unwrap();
        assert_eq!(got.0, "his tweet");
        let got = before("Secretary of state Jane Roe said it.", "said").unwrap();
        assert_eq!(got.2.as_deref(), Some("Jane Roe"));
        let got = after("It is, said former secretary of state Jane Roe.", "former").unwrap();
        assert_eq!(got.0, "former secretary of state Jane Roe");
    }

    #[test]
    fn a_complement_may_hold_an_and() {
        let got = before("Experts on Korea and arms control said it.", "said").unwrap();
        assert_eq!(got.0, "Experts on Korea and arms control");
        // Without a role or group noun before the connector, "and" ends the mention.
        let got = before("He sang on stage and the crowd said no.", "said").unwrap();
        assert_eq!(got.0, "the crowd");
    }

    #[test]
    fn a_full_name_after_a_group_noun_completes_it() {
        let doc = Doc::new("Supporters of Jane Roe say so.");
        let m = mention_before(&doc, doc.token_at(20), 0).unwrap();
        assert_eq!(m.kind, SpeakerType::Group);
        assert_eq!(m.number, Number::Plural);
    }

    #[test]
    fn a_proportion_is_a_group() {
        let got = before("One in three said no.", "said").unwrap();
        assert_eq!(got.0, "One in three");
        let got = before("Yet 2 in 5 voters said no.", "said").unwrap();
        assert_eq!(got.0, "2 in 5 voters");
        let got = before("Most agreed, but six in 10 said no.", "said").unwrap();
        assert_eq!(got.0, "six in 10");
    }

    #[test]
    fn a_bare_count_after_a_comma_or_conjunction_counts_people() {
        let got = before("Most agreed, and 43 said no.", "said").unwrap();
        assert_eq!(got.0, "43");
        assert!(before("Most agreed. 43 said no.", "said").is_none());
        assert!(before("It grew in 2016 said no one.", "said").is_none());
    }

    #[test]
    fn a_name_suffix_with_a_dot_ends_the_mention() {
        let got = before("Jane Roe Jr. said it.", "said").unwrap();
        assert_eq!(got.0, "Jane Roe Jr.");
        assert_eq!(got.1, SpeakerType::Person);
    }

    #[test]
    fn a_place_after_of_is_not_the_name() {
        let (span, _, name) = before("Harry Bond of Raleigh said so.", "said").unwrap();
        assert_eq!(span, "Harry Bond of Raleigh");
        assert_eq!(name.as_deref(), Some("Harry Bond"));
        // A first name in the last run still names the person: "with Taylor".
        let (_, _, name) = before("Secretary of State Mike Pompeo said so.", "said").unwrap();
        assert_eq!(name.as_deref(), Some("Mike Pompeo"));
    }

    #[test]
    fn an_age_or_a_lower_case_first_name_in_a_description() {
        let (span, _, _) = after("“We won,” said the 46-year-old.", "the").unwrap();
        assert_eq!(span, "the 46-year-old");
        // "young" is also a first name, but not in lower case.
        let (span, _, _) = after("“We won,” said the young spokesman.", "the").unwrap();
        assert_eq!(span, "the young spokesman");
    }

    #[test]
    fn names_joined_by_and_are_one_mention() {
        let got = before(
            "The Securities and Exchange Commission said the rules failed.",
            "said",
        );
        assert_eq!(
            got,
            Some((
                "The Securities and Exchange Commission".into(),
                SpeakerType::Organization,
                Some("Securities and Exchange Commission".into())
            ))
        );
        let got = before("Both Sen. Roe and Sen. Doe said the rules failed.", "said");
        assert_eq!(
            got,
            Some((
                "Both Sen. Roe and Sen. Doe".into(),
                SpeakerType::Group,
                Some("Sen. Roe and Sen. Doe".into())
            ))
        );
        // A role between the names is no joining: one person, named last.
        let got = before(
            "Heart and Stroke senior manager Jane Roe said it failed.",
            "said",
        );
        assert_eq!(
            got.map(|g| (g.1, g.2)),
            Some((SpeakerType::Person, Some("Jane Roe".into())))
        );
    }

    #[test]
    fn an_object_pronoun_after_a_preposition_completes_the_phrase() {
        let (span, _, _) = before("A source close to him said so.", "said").unwrap();
        assert_eq!(span, "A source close to him");
        // Alone, the pronoun is the mention.
        let (span, _, _) = before("Then he said so.", "said").unwrap();
        assert_eq!(span, "he");
    }

    #[test]
    fn that_opening_a_sentence_before_a_noun_is_a_demonstrative() {
        let (span, _, _) = before("That person said so.", "said").unwrap();
        assert_eq!(span, "That person");
        // Inside a sentence it opens a clause.
        let doc = Doc::new("He told them that nobody would say so.");
        let m = mention_before(&doc, 5, 3);
        assert!(m.is_none_or(|m| m.first > 3), "{m:?}");
    }

    #[test]
    fn those_a_poll_asked_are_the_subject() {
        let (span, _, _) = before("Most students polled support the plan.", "support").unwrap();
        assert_eq!(span, "Most students polled");
        // The noun is the head, so the phrase is plural and agrees with "support".
        let doc = Doc::new("The senators surveyed support the plan.");
        let m = mention_before(&doc, 3, 0).unwrap();
        assert_eq!(m.number, Number::Plural);
    }

    #[test]
    fn two_joined_plural_nouns_are_one_subject() {
        let (span, _, _) = before(
            "Farmers and retailers complain that prices fell.",
            "complain",
        )
        .unwrap();
        assert_eq!(span, "Farmers and retailers");
    }

    #[test]
    fn coordinated_roles_of_one_person() {
        let (span, kind, _) = before(
            "The Vermont senator and Democratic presidential candidate said so.",
            "said",
        )
        .unwrap();
        assert_eq!(
            span,
            "The Vermont senator and Democratic presidential candidate"
        );
        assert_eq!(kind, SpeakerType::Person);
        let (span, _, _) = before("He met the senator and Jane Roe said so.", "said").unwrap();
        assert_eq!(span, "Jane Roe");
    }

    #[test]
    fn one_of_a_group() {
        let (span, _, name) = after("“We won,” said one of those advisers.", "one").unwrap();
        assert_eq!(span, "one of those advisers");
        assert_eq!(name.as_deref(), Some("one of those advisers"));
    }

    #[test]
    fn titled_person_before_cue() {
        let (span, kind, name) = before(
            "On Friday, Russia's Foreign Ministry spokeswoman Maria Zakharova said it.",
            "said",
        )
        .unwrap();
        assert_eq!(
            span,
            "Russia's Foreign Ministry spokeswoman Maria Zakharova"
        );
        assert_eq!(kind, SpeakerType::Person);
        assert_eq!(name.as_deref(), Some("Maria Zakharova"));
    }

    #[test]
    fn a_part_of_a_group_is_the_group() {
        let (span, kind, _) =
            before("In Ohio, half of GOP primary voters said no.", "said").unwrap();
        assert_eq!(
            (span.as_str(), kind),
            ("half of GOP primary voters", SpeakerType::Group)
        );
        let (_, kind, _) = before("One of the officials said no.", "said").unwrap();
        assert_eq!(kind, SpeakerType::Group);
    }

    #[test]
    fn a_name_completes_a_group_or_role_noun() {
        let (span, kind, _) = before("Aides to Clinton say she will run.", "say").unwrap();
        assert_eq!(
            (span.as_str(), kind),
            ("Aides to Clinton", SpeakerType::Group)
        );
        // A full name after a title still heads the phrase.
        let (_, _, name) = before("U.S. Secretary of State Mike Pompeo said no.", "said").unwrap();
        assert_eq!(name.as_deref(), Some("Mike Pompeo"));
    }

    #[test]
    fn a_gerund_or_passive_agent_is_no_part_of_the_mention() {
        let text = "The texts came from the group responsible for sending emails that said so.";
        assert_eq!(before(text, "emails"), None);
        let (span, _, _) =
            before("The case was brought by Canadians who contend it.", "who").unwrap();
        assert_eq!(span, "Canadians");
    }

    #[test]
    fn abbreviated_title_and_surname() {
        let (span, kind, name) = before("Mr. Jonsson said the party would grow.", "said").unwrap();
        assert_eq!(
            (span.as_str(), kind, name.as_deref()),
            ("Mr. Jonsson", SpeakerType::Person, Some("Jonsson"))
        );
    }

    #[test]
    fn organisation_with_abbreviation() {
        let (span, kind, name) =
            before("Later the U.S. State Department said so.", "said").unwrap();
        assert_eq!(span, "the U.S. State Department");
        assert_eq!(kind, SpeakerType::Organization);
        assert_eq!(name.as_deref(), Some("U.S. State Department"));
    }

    #[test]
    fn group_with_prepositional_phrase() {
        let (span, kind, _) =
            before("Talks went well, officials from both sides said.", "said").unwrap();
        assert_eq!(
            (span.as_str(), kind),
            ("officials from both sides", SpeakerType::Group)
        );
    }

    #[test]
    fn stops_at_clause_openers() {
        assert_eq!(
            before("Though Justice Dunphy said no, he paid.", "said")
                .unwrap()
                .0,
            "Justice Dunphy"
        );
        assert_eq!(
            before("It stalled as city staff said they could not talk.", "said")
                .unwrap()
                .0,
            "city staff"
        );
        assert_eq!(
            before("It is needed, the company said.", "said").unwrap().0,
            "the company"
        );
        assert!(before("People who know him said so.", "said").is_none());
    }

    #[test]
    fn possessive_plural_inside_mention() {
        let (span, ..) = before(
            "Cuts that the United Nations’ climate change panel says are needed.",
            "says",
        )
        .unwrap();
        assert_eq!(span, "the United Nations’ climate change panel");
    }

    #[test]
    fn pronoun_and_newspaper() {
        assert_eq!(
            before("“Yes,” she said.", "said").unwrap().1,
            SpeakerType::Pronoun
        );
        let (span, kind, _) = before(
            "In November, the business newspaper Kommersant reported that",
            "reported",
        )
        .unwrap();
        assert_eq!(
            (span.as_str(), kind),
            (
                "the business newspaper Kommersant",
                SpeakerType::Organization
            )
        );
        assert_eq!(
            before(
                "In November, the business newspaper Kommersant reported that",
                "reported"
            )
            .unwrap()
            .2
            .as_deref(),
            Some("Kommersant")
        );
    }

    #[test]
    fn mention_after_cue() {
        let (span, kind, name) =
            after("“No,” said Maria Zakharova, the spokeswoman.", "Maria").unwrap();
        assert_eq!(
            (span.as_str(), kind, name.as_deref()),
            (
                "Maria Zakharova",
                SpeakerType::Person,
                Some("Maria Zakharova")
            )
        );
        assert_eq!(
            after("“No,” said the spokesman for the mayor.", "the spokesman")
                .unwrap()
                .0,
            "the spokesman for the mayor"
        );
        assert_eq!(
            after("“No,” said Smith in a statement.", "Smith")
                .unwrap()
                .0,
            "Smith"
        );
        let (span, kind, name) = after("“No,” said oil and gas worker Mike Wipf.", "oil").unwrap();
        assert_eq!(
            (span.as_str(), kind, name.as_deref()),
            (
                "oil and gas worker Mike Wipf",
                SpeakerType::Person,
                Some("Mike Wipf")
            )
        );
        assert!(after("“No,” said repeatedly in Moscow.", "repeatedly").is_none());
        assert_eq!(
            after("“No,” said Sen. Jane Doe, D-Mass.", "Sen")
                .unwrap()
                .2
                .as_deref(),
            Some("Jane Doe")
        );
    }
}
