//! Resolution: maps each speaker mention to the fullest name it refers to in the article.
//!
//! Names are gathered from the whole text first: runs of two to four capitalised words. A run is
//! a person for sure when its first word is a known first name or a title stands before it
//! ("strong"); any other run ("Darian Lonechild") becomes a person once a speaker is referred to
//! by its last word ("Lonechild said"). Each person's gender comes from a first name or title, or
//! from the pronouns that follow the name ("… has proven herself"). Then, in document order:
//! a surname resolves to the full name, a role noun ("the mayor") to the person who carries that
//! role, "he"/"she" to the most recent person of that gender, "it"/"they" to the most recent
//! organisation or group speaker.

use crate::attribute::Attribution;
use crate::doc::Doc;
use crate::lexicon::{Gender, Number};
use crate::mentions::Mention;
use crate::statement::{SpeakerType, Statement};
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap as HashMap;

/// How far after a name a gendered pronoun still counts as evidence of its gender.
const GENDER_EVIDENCE_TOKENS: usize = 25;
/// How many paragraphs back a pronoun's antecedent may be.
const MAX_ANTECEDENT_PARAGRAPHS: usize = 6;
/// How many paragraphs back the previous speaker is still the one "he" or "she" continues.
const SPEAKER_PARAGRAPHS: usize = 2;
/// How many earlier statements a pronoun or "the company" looks back over for its speaker, so a
/// run of 100,000 statements with none to find resolves in linear time (no real article comes
/// near: scanning them all was quadratic).
const MAX_LOOKBACK_STATEMENTS: usize = 256;
/// How many earlier name occurrences a pronoun looks back over (within its paragraphs), for the
/// same reason.
const MAX_LOOKBACK_OCCURRENCES: usize = 1024;

#[derive(Debug, Clone)]
struct Person {
    /// The fullest form seen, words joined by single spaces.
    name: String,
    gender: Gender,
    /// Certainly a person (see the module docs); weak names count once referred to.
    strong: bool,
    /// Lower-cased titles and roles written before the name ("mayor", "spokeswoman").
    roles: Vec<String>,
    /// The gender the first name usually marks: a guess that the pronouns written after the
    /// name overrule (a census list knows "Lu" as a woman's name, not as Lu Kang's).
    first_name_gender: Gender,
}

/// An occurrence of a person's name (full or partial) at a token.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    token: usize,
    person: usize,
    /// In a photo caption: no antecedent for a pronoun (see [`is_caption`]).
    caption: bool,
}

struct People {
    people: Vec<Person>,
    /// In token order.
    occurrences: Vec<Occurrence>,
    /// Index of each name in `people`.
    by_name: HashMap<String, usize>,
    /// For each last word (first word, role) of the multi-word names (the names with that role),
    /// the indices into `occurrences` of their occurrences, in token order: the nearest one is a
    /// binary search away, where scanning every occurrence for each mention was quadratic.
    by_last: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
    by_role: HashMap<String, Vec<usize>>,
}

impl People {
    /// The person of the latest occurrence in `index[key]` at or before token `at` (before it when
    /// not `inclusive`), or else, when `or_after`, of the first one after it.
    fn nearest(
        &self,
        index: &HashMap<String, Vec<usize>>,
        key: &str,
        at: usize,
        inclusive: bool,
        or_after: bool,
    ) -> Option<usize> {
        self.nearest_occurrence(index, key, at, inclusive, or_after)
            .map(|o| o.person)
    }

    /// As [`People::nearest`], the occurrence itself.
    fn nearest_occurrence(
        &self,
        index: &HashMap<String, Vec<usize>>,
        key: &str,
        at: usize,
        inclusive: bool,
        or_after: bool,
    ) -> Option<Occurrence> {
        let list = index.get(key)?;
        let split =
            list.partition_point(|&k| self.occurrences[k].token < at + usize::from(inclusive));
        let k = match split {
            0 if or_after => *list.first()?,
            0 => return None,
            _ => list[split - 1],
        };
        Some(self.occurrences[k])
    }
}

/// The statements, with `speaker_name` resolved within the article.
pub fn resolve(doc: &Doc<'_>, found: &[Attribution]) -> Vec<Statement> {
    let mut people = find_people(doc);
    let mut out: Vec<Statement> = Vec::with_capacity(found.len());
    // The person each statement resolved to, for pronouns and inherited speakers.
    let mut resolved: Vec<Option<usize>> = Vec::with_capacity(found.len());
    for a in found {
        let (mut speaker_name, mut speaker_type, mut person) = (None, SpeakerType::Unknown, None);
        match (a.mention, a.inherits) {
            (Some(m), _) if is_message(doc, &m) => {
                // "A statement from the EU said": the speaker is who issued it.
                speaker_type = m.kind;
                let source = message_source(doc, &people, &out, &resolved, &m);
                (speaker_name, person) = source;
                if let Some(p) = person {
                    speaker_type = SpeakerType::Person;
                    people.people[p].strong = true;
                }
            }
            (Some(m), _) if let Some(full) = acronym_expansion(doc, &m) => {
                // "the PBO said" after "The Parliamentary Budget Officer".
                speaker_type = SpeakerType::Organization;
                speaker_name = Some(full);
            }
            (Some(m), _) => {
                speaker_type = m.kind;
                match m.kind {
                    SpeakerType::Pronoun
                        if m.number == Number::Plural || m.gender == Gender::Neuter =>
                    {
                        let neuter = m.gender == Gender::Neuter;
                        speaker_name = last_collective(&out, m.span.start, neuter)
                            .or_else(|| collective_before(doc, &m, neuter));
                    }
                    SpeakerType::Pronoun => {
                        // A person introduced as a sentence's subject after the last speaker
                        // spoke is who "he" or "she" now is.
                        let speaker = last_speaker(doc, &people, &out, &resolved, &m);
                        let introduced = introduced_subject(doc, &people, &m)
                            .filter(|&(token, _)| speaker.is_none_or(|(at, _)| token > at));
                        person = introduced
                            .map(|(_, p)| p)
                            .or(speaker.map(|(_, p)| p))
                            .or_else(|| antecedent(doc, &people, &m))
                    }
                    SpeakerType::Person | SpeakerType::Unknown => {
                        person = person_named(doc, &mut people, &m)
                            .or_else(|| appositive_name(doc, &people, &m))
                            .or_else(|| person_by_role(doc, &people, &m));
                        let earlier = person
                            .is_none()
                            .then(|| same_description(doc, &out, &resolved, &m))
                            .flatten();
                        if let Some(name) =
                            appositive_first_name(doc, &m).filter(|_| person.is_none())
                        {
                            // "Spindler's father, Joseph, says".
                            speaker_name = Some(name.to_string());
                        } else if let Some((name, p)) = earlier {
                            // "The justice official told reporters … ¶ “…,” the official said."
                            speaker_name = name;
                            person = p;
                        } else {
                            person = person.or_else(|| definite_description(doc, &people, &m));
                        }
                        if person.is_some() || speaker_name.is_some() {
                            speaker_type = SpeakerType::Person;
                        } else {
                            // Unresolved, a described person is named by the description:
                            // "a spokesperson", "the father".
                            speaker_name = Some(collapse(&doc.text[m.name.unwrap_or(m.span)]));
                        }
                    }
                    SpeakerType::Organization
                        if let Some(p) = appositive_name(doc, &people, &m) =>
                    {
                        // "the head of the agency, Jeff Frase, said".
                        person = Some(p);
                        speaker_type = SpeakerType::Person;
                    }
                    SpeakerType::Organization
                        if m.name
                            .is_none_or(|n| !doc.text[n].chars().any(char::is_uppercase)) =>
                    {
                        // "the company": the organisation named as speaker before, else the one
                        // the article introduced with that noun, if any.
                        speaker_name = last_named_organisation(&out, m.span.start)
                            .or_else(|| defined_organisation(doc, &m))
                            .or_else(|| m.name.map(|n| collapse(&doc.text[n])));
                    }
                    SpeakerType::Group => {
                        speaker_name = fuller_group(doc, &out, &m)
                            .or_else(|| m.name.map(|n| collapse(&doc.text[n])));
                    }
                    _ => speaker_name = m.name.map(|n| collapse(&doc.text[n])),
                }
            }
            (None, Some(p)) if p < out.len() => {
                speaker_name = out[p].speaker_name.clone();
                speaker_type = out[p].speaker_type;
                person = resolved[p];
            }
            _ => {}
        }
        if let Some(p) = person {
            speaker_name = Some(people.people[p].name.clone());
        }
        resolved.push(person);
        let first = doc.seg.sentence_at(a.quote.start);
        let last = doc
            .seg
            .sentence_at(a.quote.end.saturating_sub(1).max(a.quote.start));
        let speaker_role = a.mention.and_then(|m| {
            let described_before = appositive_name(doc, &people, &m).is_some()
                || appositive_first_name(doc, &m).is_some();
            crate::role::speaker_role(doc, &m, described_before)
        });
        out.push(Statement {
            kind: a.kind,
            quote: a.quote,
            speaker: a.mention.map(|m| m.span),
            speaker_name,
            speaker_type,
            speaker_role,
            cue: a.cue.map(|c| c.span),
            cue_lemma: a.cue.map(|c| c.lemma.to_string()),
            confidence: {
                let feature = if a.mention.is_some() {
                    speaker_type.as_str()
                } else {
                    "none"
                };
                crate::confidence::fitted(a.rule, feature).unwrap_or(a.confidence)
            },
            sentences: (first, last),
            rule: a.rule,
        });
    }
    // Pieces that take their speaker from a later statement (the first paragraph of a quote
    // attributed at its end) are filled in once that one is resolved.
    for (i, a) in found.iter().enumerate() {
        if let (None, Some(p)) = (a.mention, a.inherits)
            && p > i
            && p < out.len()
        {
            out[i].speaker_name = out[p].speaker_name.clone();
            out[i].speaker_type = out[p].speaker_type;
        }
    }
    out
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(&mut out, s);
    out
}

/// [`collapse`] into `out` (cleared first), so a loop can reuse one buffer.
fn collapse_into(out: &mut String, s: &str) {
    out.clear();
    for (k, w) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// "McCallum’s" → "McCallum".
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn first_word(name: &str) -> &str {
    name.split(' ').next().unwrap_or(name)
}

/// The person a name mention refers to: the same name, or the fullest known name that ends (then
/// starts) with a one-word mention, nearest before it (or else the first after it).
fn person_named(doc: &Doc<'_>, people: &mut People, m: &Mention) -> Option<usize> {
    let name = collapse(&doc.text[m.name?]);
    let found = if name.contains(' ') {
        // "Al Hashish" → "Fouzia Al Hashish": the latest longer name before it that ends with it,
        // else the same name.
        let suffix = format!(" {name}");
        let before = people.occurrences.partition_point(|o| o.token <= m.first);
        let longer = people.occurrences[..before]
            .iter()
            .rev()
            .take(MAX_LOOKBACK_OCCURRENCES)
            .map(|o| o.person)
            .find(|&p| people.people[p].name.ends_with(&suffix));
        longer.or_else(|| people.by_name.get(&name).copied())
    } else {
        // A first name alone ("Justin said") stands for the full name, but a capitalised word
        // that opens some longer name need not: "Facebook" is not "Facebook Research".
        let first_name = doc.tokens[m.first]
            .info
            .is_some_and(|x| x.first_name.is_some());
        people
            .nearest(&people.by_last, &name, m.first, true, true)
            .or_else(|| {
                // Or a titled person's first word, which is the surname in names written
                // surname first: "Vice-President Wang Qishan … Wang said".
                // A lone first name stands for someone named recently, not for a namesake
                // far back.
                let para = doc.paragraph_of(m.first);
                people
                    .nearest_occurrence(&people.by_first, &name, m.first, true, true)
                    .filter(|o| {
                        doc.paragraph_of(o.token).abs_diff(para) <= MAX_ANTECEDENT_PARAGRAPHS
                    })
                    .map(|o| o.person)
                    .filter(|&p| first_name || !people.people[p].roles.is_empty())
            })
    };
    match found {
        Some(p) => {
            let person = &mut people.people[p];
            person.strong = true;
            if person.gender == Gender::Unknown {
                person.gender = m.gender;
            }
            Some(p)
        }
        None if m.kind == SpeakerType::Person && name.contains(' ') => {
            people.by_name.insert(name.clone(), people.people.len());
            people.people.push(Person {
                name,
                gender: m.gender,
                strong: true,
                roles: Vec::new(),
                first_name_gender: Gender::Unknown,
            });
            Some(people.people.len() - 1)
        }
        None => None,
    }
}

/// "the mayor", "the spokeswoman": the latest person before the mention written with that role.
fn person_by_role(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    if m.name.is_some() {
        return None;
    }
    let role = doc.word(m.last).to_lowercase();
    people.nearest(&people.by_role, &role, m.first, false, false)
}

/// How far back, in tokens, an acronym looks for the words it abbreviates.
const ACRONYM_WINDOW_TOKENS: usize = 4096;

/// Lower-case words an acronym skips: "Department of Justice" is "DOJ", "Food and Drug
/// Administration" is "FDA".
const ACRONYM_GLUE: &[&str] = &["of", "and", "for", "the", "on"];

/// The words an all-capitals mention abbreviates, written out earlier in the article: "PBO" →
/// "Parliamentary Budget Officer". `None` when the mention is no acronym or is not spelt out.
fn acronym_expansion(doc: &Doc<'_>, m: &Mention) -> Option<String> {
    let k = m.last;
    let word = doc.word(k);
    let acronym = (2..=6).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && (m.first == k || m.first + 1 == k && doc.word(m.first).eq_ignore_ascii_case("the"));
    if !acronym {
        return None;
    }
    let letters = word.as_bytes();
    let lo = m.first.saturating_sub(ACRONYM_WINDOW_TOKENS);
    // Ending at each capitalised word before the mention, nearest first, try to spell the
    // acronym backwards.
    (lo..m.first).rev().find_map(|end| {
        let mut need = letters.len();
        let mut start = end;
        let mut k = end + 1;
        while need > 0 && k > lo {
            k -= 1;
            let t = &doc.tokens[k];
            if t.kind != TokenKind::Word {
                return None;
            }
            if t.upper && doc.word(k).as_bytes()[0] == letters[need - 1] {
                need -= 1;
                start = k;
            } else if !(k < end && ACRONYM_GLUE.contains(&doc.word(k))) {
                return None;
            }
        }
        (need == 0 && start < end).then(|| collapse(&doc.text[doc.tokens_span(start, end)]))
    })
}

/// The mention names a message: "a statement", "her statement from Friday".
fn is_message(doc: &Doc<'_>, m: &Mention) -> bool {
    (m.first..=m.last)
        .take_while(|&k| !(k > m.first && doc.is_word(k) && doc.word(k) == "from"))
        .last()
        .is_some_and(|head| {
            doc.is_word(head)
                && (MESSAGE_NOUNS.contains(&doc.word(head).to_lowercase().as_str())
                    || doc.tokens[head].info.is_some_and(|x| x.document))
        })
}

/// Who issued a message: "a statement from the EU" → the EU; "her statement" → whom "her"
/// refers to; "the statement" → the speaker of the latest statement, a paragraph or two back.
/// The resolved name, and the person when it is one.
fn message_source(
    doc: &Doc<'_>,
    people: &People,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> (Option<String>, Option<usize>) {
    if let Some(from) = (m.first..m.last).find(|&k| doc.is_word(k) && doc.word(k) == "from") {
        let mut first = from + 1;
        while first < m.last && doc.tokens[first].info.is_some_and(|x| x.determiner) {
            first += 1;
        }
        let text = collapse(&doc.text[doc.tokens_span(first, m.last)]);
        return match people.by_name.get(&text) {
            Some(&p) => (None, Some(p)),
            None => (Some(text), None),
        };
    }
    // "Foster's book", "Infrastructure Canada's database": the owner.
    if let Some(s) = (m.first..m.last).find(|&k| {
        doc.tokens[k].upper && (doc.word(k).ends_with("'s") || doc.word(k).ends_with("’s"))
    }) {
        let mut first = s;
        while first > m.first && doc.tokens[first - 1].upper && doc.is_word(first - 1) {
            first -= 1;
        }
        let text = collapse(&doc.text[doc.tokens_span(first, s)]);
        let text = strip_possessive(&text).to_string();
        let owner = if text.contains(' ') {
            people.by_name.get(&text).copied()
        } else {
            people.nearest(&people.by_last, &text, m.first, true, true)
        };
        return match owner {
            Some(p) => (None, Some(p)),
            None => (Some(text), None),
        };
    }
    let owner = doc.tokens[m.first].info.and_then(|x| x.gender_form);
    if !MESSAGE_NOUNS.contains(&doc.word(m.last).to_lowercase().as_str()) {
        // A study or data set without an owner is its own source.
        return (m.name.map(|n| collapse(&doc.text[n])), None);
    }
    let para = doc.seg.paragraph_at(m.span.start);
    let previous = out
        .iter()
        .zip(resolved)
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|(s, _)| s.quote.start < m.span.start)
        .take_while(|(s, _)| {
            para - doc.seg.paragraph_at(s.quote.start).min(para) <= SPEAKER_PARAGRAPHS
        })
        .find(|(s, p)| match owner {
            // "her statement": the latest speaker of that gender.
            Some(g) => p.is_some_and(|p| people.people[p].gender == g),
            None => s.speaker_name.is_some(),
        });
    match (previous, owner) {
        (Some((s, p)), _) => (s.speaker_name.clone(), *p),
        // "her statement" with no speaker before: whom "her" refers to.
        (None, Some(gender)) => match antecedent(doc, people, &Mention { gender, ..*m }) {
            Some(p) => (None, Some(p)),
            None => (m.name.map(|n| collapse(&doc.text[n])), None),
        },
        (None, None) => (m.name.map(|n| collapse(&doc.text[n])), None),
    }
}

/// The name set off after a description: "the director of operations for EHS, Jeff Fraser,
/// says" is Jeff Fraser.
fn appositive_name(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    let described = doc.tokens[m.first].info.is_some_and(|x| x.determiner)
        && !doc.tokens[m.first].upper
        || m.name.is_none();
    if !described || !doc.is_punct(m.last + 1, &[","]) {
        return None;
    }
    let run = name_run(doc, m.last + 2)?;
    if !doc.is_punct(run.end, &[","]) {
        return None;
    }
    let name = collapse(&doc.text[doc.tokens_span(run.start, run.end - 1)]);
    people.by_name.get(&name).copied()
}

/// A lone first name set off after a description: "Spindler's father, Joseph, says".
fn appositive_first_name<'t>(doc: &Doc<'t>, m: &Mention) -> Option<&'t str> {
    let k = m.last + 2;
    let named = m.name.is_none()
        && doc.is_punct(m.last + 1, &[","])
        && doc.is_punct(k + 1, &[","])
        && doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word && t.upper && t.info.is_some_and(|x| x.first_name.is_some())
        });
    named.then(|| doc.word(k))
}

/// The speaker of a recent statement whose mention has the same head noun as this definite one:
/// "The justice official told reporters …" then "the official said" is the same official.
fn same_description(
    doc: &Doc<'_>,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> Option<(Option<String>, Option<usize>)> {
    if m.name.is_some() || !doc.word(m.first).eq_ignore_ascii_case("the") || m.first == m.last {
        return None;
    }
    let head = doc.word(m.last);
    let para = doc.seg.paragraph_at(m.span.start);
    out.iter()
        .zip(resolved)
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|(s, _)| s.quote.start < m.span.start)
        .take_while(|(s, _)| {
            para - doc.seg.paragraph_at(s.quote.start).min(para) <= MAX_ANTECEDENT_PARAGRAPHS
        })
        .find(|(s, _)| {
            s.speaker.is_some_and(|sp| {
                doc.text[sp]
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(head))
            })
        })
        .map(|(s, p)| (s.speaker_name.clone(), *p))
}

/// Longest short group mention that takes a fuller description from an earlier speaker.
const SHORT_GROUP_TOKENS: usize = 2;

/// The fuller description of a group that spoke shortly before under the same noun: "sources
/// familiar with the talks said …" then "the sources said" or "sources added".
fn fuller_group(doc: &Doc<'_>, out: &[Statement], m: &Mention) -> Option<String> {
    if m.last - m.first >= SHORT_GROUP_TOKENS {
        return None;
    }
    let head = doc.word(m.last);
    let para = doc.seg.paragraph_at(m.span.start);
    out.iter()
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|s| s.quote.start < m.span.start)
        .take_while(|s| {
            para - doc.seg.paragraph_at(s.quote.start).min(para) <= MAX_ANTECEDENT_PARAGRAPHS
        })
        .filter(|s| !matches!(s.speaker_type, SpeakerType::Person | SpeakerType::Pronoun))
        .find_map(|s| {
            let name = s.speaker_name.as_deref()?;
            let words: Vec<&str> = name.split(' ').collect();
            (words.len() > m.last - m.first + 1
                && words.iter().any(|w| w.eq_ignore_ascii_case(head)))
            .then(|| name.to_string())
        })
}

/// A definite description with a role or title at its head and no earlier holder of that role:
/// "the Kentucky Republican said", "the prime minister said". News writes it for the person
/// last named, as it would write "he" or "she".
fn definite_description(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    let head = doc.tokens[m.last].info?;
    // Occupations, not kin: "the father" is no one named before.
    let role_head = head.role == Some(Gender::Unknown);
    if m.name.is_some() || !role_head || !doc.word(m.first).eq_ignore_ascii_case("the") {
        return None;
    }
    antecedent(doc, people, m)
}

/// The speaker "he" or "she" most likely continues: the person of the latest statement before it,
/// a few paragraphs back at most, whose gender agrees; with the token its mention starts at.
fn last_speaker(
    doc: &Doc<'_>,
    people: &People,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> Option<(usize, usize)> {
    let para = doc.seg.paragraph_at(m.span.start);
    out.iter()
        .zip(resolved)
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|(s, _)| s.speaker.map_or(s.quote.start, |sp| sp.start) < m.span.start)
        .take_while(|(s, _)| {
            para - doc.seg.paragraph_at(s.quote.start).min(para) <= SPEAKER_PARAGRAPHS
        })
        .filter_map(|(s, p)| {
            Some((
                doc.token_at(s.speaker.map_or(s.quote.start, |sp| sp.start)),
                (*p)?,
            ))
        })
        .find(|&(_, p)| {
            let g = people.people[p].gender;
            g == m.gender || g == Gender::Unknown || m.gender == Gender::Unknown
        })
}

/// The latest person of the right gender who opens a sentence before the pronoun, in its
/// paragraph or the one before ("Mamadou Dia was on a business trip … ¶ “…,” he said."); with
/// the token the name starts at.
fn introduced_subject(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<(usize, usize)> {
    let para = doc.seg.paragraph_at(m.span.start);
    let before = people.occurrences.partition_point(|o| o.token < m.first);
    people.occurrences[..before]
        .iter()
        .rev()
        .take_while(|o| para - doc.seg.paragraph_at(doc.tokens[o.token].span.start) <= 1)
        .take(MAX_LOOKBACK_OCCURRENCES)
        .filter(|o| !o.caption && opens_sentence(doc, o.token))
        // Its gender must be known to agree: from a first name, a title or the pronouns after it.
        .find(|o| people.people[o.person].gender == m.gender)
        .map(|o| (o.token, o.person))
}

/// The name at `token` opens its sentence, after nothing but capitalised words and titles:
/// "Chinese Foreign Ministry spokesperson Lu Kang gave …".
fn opens_sentence(doc: &Doc<'_>, token: usize) -> bool {
    (doc.sentence_range(token).start..token).all(|k| {
        let t = &doc.tokens[k];
        let x = t.info;
        t.kind == TokenKind::Word
            && (t.upper && !x.is_some_and(|x| x.name_stop || x.clause_opener)
                || x.is_some_and(|x| x.title.is_some() || x.role.is_some()))
            || doc.is_abbreviation_dot(k)
    })
}

/// The person "he" or "she" refers to: the most recent person named before it, recently enough,
/// whose gender agrees (an unknown gender agrees with both).
fn antecedent(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    let para = doc.seg.paragraph_at(m.span.start);
    // Paragraphs only grow in token order, so the window can be cut before the filter.
    let before = people.occurrences.partition_point(|o| o.token < m.first);
    let candidates = people.occurrences[..before]
        .iter()
        .rev()
        .take_while(|o| {
            para - doc.seg.paragraph_at(doc.tokens[o.token].span.start) <= MAX_ANTECEDENT_PARAGRAPHS
        })
        .take(MAX_LOOKBACK_OCCURRENCES)
        .filter(|o| !o.caption && people.people[o.person].strong);
    let agrees = |p: usize, strict: bool| {
        let g = people.people[p].gender;
        g == m.gender || (!strict && (g == Gender::Unknown || m.gender == Gender::Unknown))
    };
    candidates.map(|o| o.person).find(|&p| agrees(p, false))
}

/// The latest organisation (for "it"; also a group for "they") speaking before `pos`.
fn last_collective(out: &[Statement], pos: usize, organisation_only: bool) -> Option<String> {
    out.iter()
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|s| s.speaker.map_or(s.quote.start, |sp| sp.start) < pos)
        .find(|s| {
            s.speaker_type == SpeakerType::Organization
                || (!organisation_only && s.speaker_type == SpeakerType::Group)
                || (organisation_only
                    && s.speaker_type == SpeakerType::Unknown
                    && s.speaker_name
                        .as_deref()
                        .is_some_and(|n| n.starts_with(char::is_uppercase)))
        })
        .and_then(|s| s.speaker_name.clone())
}

/// How many sentences back "they" or "it" looks for a collective noun that no one quoted.
const COLLECTIVE_SENTENCES: usize = 2;

/// The nearest collective written with "the" before a pronoun, in its sentence or the two before,
/// when no organisation or group has spoken: "the union started a campaign. … they tweeted
/// that …" → "union"; "the Liberals" for "they". For "it" (`neuter`), organisations only.
fn collective_before(doc: &Doc<'_>, m: &Mention, neuter: bool) -> Option<String> {
    let sentence = doc.sentence_of(m.first);
    let lo = doc
        .sentence_tokens
        .get(sentence.saturating_sub(COLLECTIVE_SENTENCES))
        .map_or(0, |r| r.start);
    (lo.max(1)..m.first).rev().find_map(|k| {
        let t = &doc.tokens[k];
        if t.kind != TokenKind::Word || !doc.word(k - 1).eq_ignore_ascii_case("the") {
            return None;
        }
        let x = t.info;
        let word = doc.word(k);
        let collective = if neuter {
            x.is_some_and(|x| x.org)
        } else {
            x.is_some_and(|x| x.group || x.org)
                || t.upper && word.len() > 3 && word.ends_with('s') && x.is_none()
        };
        // The head noun: the next word must not continue the phrase ("the union's").
        let head = !doc.is_word(k + 1)
            || !doc.tokens[k + 1]
                .info
                .is_some_and(|x| x.org || x.group || x.role.is_some());
        (collective && head).then(|| word.to_string())
    })
}

/// How far back, in tokens, "the group" looks for where the article said which group it is.
const DEFINITION_WINDOW_TOKENS: usize = 2048;

/// The organisation the article introduced with the same noun: "Rally Canada, the group that
/// organized the event, …", "the security firm Cisco Talos" or "the City of Surrey" before "the
/// group said", "the firm said", "the city said".
fn defined_organisation(doc: &Doc<'_>, m: &Mention) -> Option<String> {
    let head = doc.word(m.last);
    let lo = m.first.saturating_sub(DEFINITION_WINDOW_TOKENS);
    (lo + 1..m.first).rev().find_map(|k| {
        if !doc.is_word(k) || !doc.word(k).eq_ignore_ascii_case(head) {
            return None;
        }
        if doc.tokens[k].upper {
            // "the City of Surrey", "the Department of Justice" for "the city", "the department".
            let of =
                doc.is_word(k + 1) && doc.word(k + 1) == "of" && is_upper_name_part(doc, k + 2);
            if !of {
                return None;
            }
            let mut end = k + 3;
            while end < m.first && is_upper_name_part(doc, end) {
                end += 1;
            }
            return Some(collapse(&doc.text[doc.tokens_span(k, end - 1)]));
        }
        // "the firm Cisco Talos": the name right after the noun.
        let mut end = k + 1;
        while end < m.first && is_upper_name_part(doc, end) {
            end += 1;
        }
        if end > k + 1 {
            return Some(collapse(&doc.text[doc.tokens_span(k + 1, end - 1)]));
        }
        // "Rally Canada, the group": the name before a comma and "the".
        if k >= 3 && doc.word(k - 1) == "the" && doc.is_punct(k - 2, &[","]) {
            let end = k - 3;
            let mut start = end + 1;
            while start > lo && is_upper_name_part(doc, start - 1) {
                start -= 1;
            }
            if start <= end {
                return Some(collapse(&doc.text[doc.tokens_span(start, end)]));
            }
        }
        None
    })
}

/// A capitalised word that may be part of an organisation's name.
fn is_upper_name_part(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.kind == TokenKind::Word && t.upper && !t.info.is_some_and(|x| x.name_stop || x.determiner)
}

/// The latest organisation speaker before `pos` that was named with a capital ("Facebook").
fn last_named_organisation(out: &[Statement], pos: usize) -> Option<String> {
    out.iter()
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|s| s.speaker.is_some_and(|sp| sp.start < pos))
        .filter(|s| {
            matches!(
                s.speaker_type,
                SpeakerType::Organization | SpeakerType::Unknown
            )
        })
        .filter_map(|s| s.speaker_name.clone())
        .find(|n| n.chars().next().is_some_and(char::is_uppercase))
}

/// Names in the text, and where they occur.
fn find_people(doc: &Doc<'_>) -> People {
    let mut people: Vec<Person> = Vec::new();
    let mut occurrences = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    let tokens = &doc.tokens;
    let mut name = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(run) = name_run(doc, i) else {
            i += 1;
            continue;
        };
        collapse_into(
            &mut name,
            &doc.text[doc.tokens_span(run.start, run.end - 1)],
        );
        let stem = strip_possessive(&name).len();
        name.truncate(stem);
        let p = match by_name.get(name.as_str()) {
            Some(&p) => p,
            None => {
                people.push(Person {
                    name: name.clone(),
                    gender: Gender::Unknown,
                    strong: false,
                    roles: Vec::new(),
                    first_name_gender: Gender::Unknown,
                });
                by_name.insert(name.clone(), people.len() - 1);
                people.len() - 1
            }
        };
        let person = &mut people[p];
        person.strong |= run.strong;
        if person.gender == Gender::Unknown {
            person.gender = run.title_gender;
        }
        if person.first_name_gender == Gender::Unknown {
            person.first_name_gender = run.first_name_gender;
        }
        if let Some(role) = run.role {
            let role = doc.word(role).to_lowercase();
            if !person.roles.contains(&role) {
                person.roles.push(role);
            }
        }
        if !in_credit(doc, run.start, run.end) {
            occurrences.push(Occurrence {
                token: run.start,
                person: p,
                caption: false,
            });
        }
        i = run.end;
    }
    // Later one-word occurrences: "Zakharova said" after "Maria Zakharova".
    let mut extra = Vec::new();
    let mut titled: Vec<(usize, String)> = Vec::new();
    let mut first_with_last: HashMap<&str, usize> = HashMap::default();
    for (p, person) in people
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, p)| p.name.contains(' '))
    {
        first_with_last.insert(last_word(&person.name), p);
    }
    for (k, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word
            && t.upper
            && !in_credit(doc, k, k + 1)
            && let Some(&p) = first_with_last.get(strip_possessive(doc.word(k)))
        {
            // "Mayor McCallum": the title is a role the person carries.
            if let Some(r) = k.checked_sub(1).filter(|&r| {
                doc.tokens[r]
                    .info
                    .is_some_and(|x| x.title.is_some() || x.role.is_some())
            }) {
                titled.push((p, doc.word(r).to_lowercase()));
            }
            extra.push(Occurrence {
                token: k,
                person: p,
                caption: false,
            });
        }
    }
    drop(first_with_last);
    for (p, role) in titled {
        if !people[p].roles.contains(&role) {
            people[p].roles.push(role);
        }
    }
    occurrences.extend(extra);
    occurrences.sort_by_key(|o| o.token);
    occurrences.dedup_by_key(|o| o.token);
    let mut captions: Vec<Option<bool>> = vec![None; doc.paragraph_tokens.len()];
    for o in &mut occurrences {
        let paragraph = doc.paragraph_of(o.token);
        if let Some(known) = captions.get_mut(paragraph) {
            o.caption = *known.get_or_insert_with(|| is_caption(doc, paragraph));
        }
    }
    vote_genders(doc, &mut people, &occurrences);
    let (mut by_last, mut by_first, mut by_role) =
        (HashMap::default(), HashMap::default(), HashMap::default());
    // Each person's keys are looked up once, not once per occurrence; lists shared by several
    // people are put back in token order at the end.
    let mut by_person = vec![Vec::new(); people.len()];
    for (k, o) in occurrences.iter().enumerate() {
        by_person[o.person].push(k);
    }
    for (person, ks) in people.iter().zip(&by_person) {
        if ks.is_empty() {
            continue;
        }
        if person.name.contains(' ') {
            push_to(&mut by_last, last_word(&person.name), ks);
            push_to(&mut by_first, first_word(&person.name), ks);
        }
        for role in &person.roles {
            push_to(&mut by_role, role, ks);
        }
    }
    for list in by_last
        .values_mut()
        .chain(by_first.values_mut())
        .chain(by_role.values_mut())
    {
        list.sort_unstable();
    }
    People {
        people,
        occurrences,
        by_name,
        by_last,
        by_first,
        by_role,
    }
}

/// Nouns for a message that carries someone's words (see [`is_message`]).
static MESSAGE_NOUNS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    include_str!("data/message_nouns.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Words of a photo credit, lower-cased.
static CREDIT_WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    include_str!("data/credit_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Most tokens in a credit at the end of a caption.
const MAX_CREDIT_TOKENS: usize = 16;

/// A photo caption: a paragraph that ends with a credit, in parentheses ("… at Windsor station.
/// ( THE CANADIAN PRESS FILE PHOTO )") or after the last sentence ("… on Carita beach.
/// RONALD/AFP/Getty Images"). The people it names are shown, not speaking, so it holds no
/// antecedent for a pronoun in the story around it.
fn is_caption(doc: &Doc<'_>, paragraph: usize) -> bool {
    let Some(range) = doc.paragraph_tokens.get(paragraph) else {
        return false;
    };
    if range.is_empty() {
        return false;
    }
    let last = range.end - 1;
    let lo = range.start.max(last.saturating_sub(MAX_CREDIT_TOKENS));
    let credit_start = if doc.is_punct(last, &[")"]) {
        match (lo..last).rev().find(|&k| doc.is_punct(k, &["("])) {
            Some(open) => open,
            None => return false,
        }
    } else if doc.is_terminal(last) {
        return false;
    } else {
        // Unpunctuated: the credit is the words after the last sentence's end.
        (lo..last)
            .rev()
            .find(|&k| doc.is_terminal(k))
            .map_or(lo, |k| k + 1)
    };
    (credit_start..=last).any(|k| {
        doc.is_punct(k, &["/"])
            || doc.is_word(k) && CREDIT_WORDS.contains(&doc.word(k).to_lowercase().as_str())
    })
}

/// Appends `ks` to `index[key]`, allocating the key only when it is new.
fn push_to(index: &mut HashMap<String, Vec<usize>>, key: &str, ks: &[usize]) {
    match index.get_mut(key) {
        Some(list) => list.extend_from_slice(ks),
        None => {
            index.insert(key.to_string(), ks.to_vec());
        }
    }
}

/// A photo or byline credit: "(Luis Tato/AFP)", "Kirill Zharov / TASS". Its name is nobody
/// the article quotes, so it is no antecedent.
fn in_credit(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let slash_after = doc.is_punct(end, &["/"]);
    let in_parentheses =
        start > 0 && doc.is_punct(start - 1, &["("]) && doc.is_punct(end, &[")", "/"]);
    slash_after || in_parentheses
}

/// Gives each name of unknown gender the one the pronouns right after it mark.
/// The gender of "he" or "she" opening the sentence after one that a name opens, in the same
/// paragraph: "Spokesman Lu Kang gave no details. But he said …".
fn next_subject_pronoun(doc: &Doc<'_>, token: usize) -> Option<Gender> {
    if !opens_sentence(doc, token) {
        return None;
    }
    let next = doc.sentence_range(token).end;
    if next >= doc.tokens.len() || doc.paragraph_of(next) != doc.paragraph_of(token) {
        return None;
    }
    let k = if doc.tokens[next].info.is_some_and(|x| x.clause_opener) {
        next + 1
    } else {
        next
    };
    doc.tokens
        .get(k)
        .filter(|t| t.kind == TokenKind::Word)
        .and_then(|t| t.info)
        .and_then(|x| x.pronoun)
        .map(|(gender, _)| gender)
        .filter(|g| matches!(g, Gender::Male | Gender::Female))
}

fn vote_genders(doc: &Doc<'_>, people: &mut [Person], occurrences: &[Occurrence]) {
    let mut votes = vec![(0u32, 0u32); people.len()];
    for (n, o) in occurrences.iter().enumerate() {
        // Only within the name's sentence: "Darian Lonechild has proven herself."
        // Up to the next person certainly named: a place or a firm in between ("Mamadou Dia
        // was on a trip from Paris for STP Consultants when he …") is nobody "he" could be.
        let limit = occurrences[n + 1..]
            .iter()
            .find(|next| people[next.person].strong)
            .map_or(doc.tokens.len(), |next| next.token)
            .min(o.token + GENDER_EVIDENCE_TOKENS)
            .min(doc.sentence_range(o.token).end);
        let found = (o.token + 1..limit)
            .find_map(|k| doc.tokens[k].info.and_then(|x| x.gender_form))
            .or_else(|| next_subject_pronoun(doc, o.token));
        match found {
            Some(Gender::Male) => votes[o.person].0 += 1,
            Some(Gender::Female) => votes[o.person].1 += 1,
            _ => {}
        }
    }
    for (person, (male, female)) in people.iter_mut().zip(votes) {
        if person.gender != Gender::Unknown {
            continue;
        }
        person.gender = match male.cmp(&female) {
            std::cmp::Ordering::Greater => Gender::Male,
            std::cmp::Ordering::Less => Gender::Female,
            std::cmp::Ordering::Equal => person.first_name_gender,
        };
    }
}

/// A capitalised run that may be a person's name.
struct NameRun {
    start: usize,
    end: usize,
    /// The gender a title or role before it marks ("Mr.", "spokeswoman").
    title_gender: Gender,
    first_name_gender: Gender,
    /// A first name or a title marks it as a person's.
    strong: bool,
    /// The title or role word right before it.
    role: Option<usize>,
}

/// Tokens an appositive may take before its role noun: "Yuni, a resident of", "Roman, a
/// 42-year-old fisherman".
const APPOSITIVE_ROLE_TOKENS: usize = 5;

/// A one-word name described as a person right after it: "Yuni, a resident of Lampung, …".
fn described_as_person(doc: &Doc<'_>, end: usize) -> bool {
    if !doc.is_punct(end, &[","])
        || !doc.tokens.get(end + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.upper && t.info.is_some_and(|x| x.determiner)
        })
    {
        return false;
    }
    (end + 2..(end + 2 + APPOSITIVE_ROLE_TOKENS).min(doc.tokens.len()))
        .take_while(|&k| doc.tokens[k].kind != TokenKind::Punct || doc.is_punct(k, &["-"]))
        .any(|k| doc.tokens[k].info.is_some_and(|x| x.role.is_some()))
}

/// A capitalised possessive that would be a name word without its "'s": "Garnier's".
fn is_possessive_name_word(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.tokens[k];
    let w = &doc.text[t.span];
    let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
    t.kind == TokenKind::Word
        && t.upper
        && stem.is_some_and(|s| !s.is_empty())
        && !crate::lexicon::lexicon()
            .get(stem.unwrap_or_default())
            .is_some_and(|x| x.name_stop || x.org || x.title.is_some() || x.role.is_some())
}

#[inline]
fn is_name_word(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.tokens[k];
    let w = || &doc.text[t.span];
    t.kind == TokenKind::Word
        && t.upper
        && !t.info.is_some_and(|x| {
            x.name_stop
                || x.org
                || x.determiner
                || x.title.is_some()
                || x.role.is_some()
                || x.clause_opener
        })
        && !w().ends_with("'s")
        && !w().ends_with("’s")
}

/// "Vice-President": token `k` opens a hyphenated title, which is no part of a name ("Chinese
/// Vice-President Wang Qishan").
fn hyphenated_title(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_punct(k + 1, &["-"])
        && doc.tokens.get(k + 2).is_some_and(|t| {
            t.info
                .is_some_and(|x| x.title.is_some() || x.role.is_some())
        })
}

/// A name starting at token `i`: two to four capitalised words ("Maria Zakharova",
/// "John F. Kennedy", "Kim Jong-un").
fn name_run(doc: &Doc<'_>, i: usize) -> Option<NameRun> {
    if !is_name_word(doc, i)
        || (i > 0
            && is_name_word(doc, i - 1)
            && doc.tokens[i - 1].span.end + 1 >= doc.tokens[i].span.start)
    {
        return None;
    }
    if hyphenated_title(doc, i) {
        return None;
    }
    let first_name = doc.tokens[i].info.and_then(|x| x.first_name);
    // A title or role right before: "Mr. Jonsson", "Mayor Doug McCallum", "spokeswoman Maria".
    let mut b = i;
    if b > 0 && doc.is_abbreviation_dot(b - 1) {
        b -= 1;
    }
    let role = (b > 0).then(|| b - 1).filter(|&r| {
        doc.tokens[r]
            .info
            .is_some_and(|x| x.title.is_some() || x.role.is_some())
    });
    let title_gender = role
        .and_then(|r| doc.tokens[r].info)
        .and_then(|x| x.title.or(x.role));
    let mut end = i + 1;
    let mut words = 1;
    // A name never runs over a line break: "… across Canada¶¶Derek Horneland attended".
    while end < doc.tokens.len() && words < 4 && !doc.tokens[end].after_newline {
        // After a first name or a title, a month is a surname: "Theresa May", "Ms. May".
        let month_surname = (first_name.is_some() || title_gender.is_some())
            && doc.tokens[end].upper
            && doc.tokens[end]
                .info
                .is_some_and(|x| x.name_stop && !x.determiner && x.pronoun.is_none())
            && doc.is_word(end)
            && doc.word(end).len() > 2;
        if hyphenated_title(doc, end) {
            break;
        } else if is_name_word(doc, end) || month_surname {
            words += 1;
            end += 1;
        } else if is_possessive_name_word(doc, end) {
            // "Christopher Garnier's benefits": the possessive word ends the name.
            words += 1;
            end += 1;
            break;
        } else if doc.is_abbreviation_dot(end)
            && end + 1 < doc.tokens.len()
            && is_name_word(doc, end + 1)
        {
            // An initial inside the name: "John F. Kennedy".
            end += 1;
        } else if doc.is_punct(end, &["-"])
            && end + 1 < doc.tokens.len()
            && doc.is_word(end + 1)
            && doc.tokens[end].span.start == doc.tokens[end - 1].span.end
        {
            // "Kim Jong-un": the hyphenated part belongs to the name.
            end += 2;
        } else {
            break;
        }
    }
    // Words of an organisation's name: "Federation of Sovereign Indigenous Nations".
    let org_after = end < doc.tokens.len()
        && doc.tokens[end].upper
        && doc.tokens[end].info.is_some_and(|x| x.org);
    let org_before = i >= 2
        && doc.is_word(i - 1)
        && doc.word(i - 1) == "of"
        && doc.tokens[i - 2].info.is_some_and(|x| x.org);
    if org_after || org_before || (words < 2 && !(end == i + 1 && described_as_person(doc, end))) {
        return None;
    }
    // Written like a person, with an age: "Babatunji Farinloye, 50,".
    let aged = doc.is_punct(end, &[","])
        && doc
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && doc.is_punct(end + 2, &[",", ")"]);
    let strong = first_name.is_some() || title_gender.is_some() || aged || words == 1;
    Some(NameRun {
        start: i,
        end,
        title_gender: title_gender.unwrap_or(Gender::Unknown),
        first_name_gender: first_name.unwrap_or(Gender::Unknown),
        strong,
        role,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract;

    fn names(text: &str) -> Vec<Option<String>> {
        extract(text).into_iter().map(|s| s.speaker_name).collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn surname_resolves_to_full_name() {
        let text = "Maria Zakharova spoke on Friday. The talks went well, Zakharova said.";
        assert_eq!(names(text), [some("Maria Zakharova")]);
    }

    #[test]
    fn unknown_first_name_resolves_through_surname() {
        let text = "Darian Lonechild is new to advocacy. Lonechild said the work matters to youth.";
        assert_eq!(names(text), [some("Darian Lonechild")]);
    }

    #[test]
    fn possessive_and_multiword_surnames() {
        let text =
            "The news about Christopher Garnier's benefits came out. Garnier said he was sorry.";
        assert_eq!(names(text), [some("Christopher Garnier")]);
        let text = "Fouzia Al Hashish arrived in 2016. Al Hashish said life was hard at first.";
        assert_eq!(names(text), [some("Fouzia Al Hashish")]);
    }

    #[test]
    fn pronoun_resolves_to_named_person_of_matching_gender() {
        let text = "Maria Lopez met John Smith. “It went well,” she said. “We agree,” he said.";
        assert_eq!(names(text), [some("Maria Lopez"), some("John Smith")]);
    }

    #[test]
    fn gender_from_following_pronouns() {
        let text = "Darian Lonechild has proven herself. Lonechild said the work matters to youth. She met Olek \
                    Brant.\n\n“It went well,” she said.";
        assert_eq!(
            names(text),
            [some("Darian Lonechild"), some("Darian Lonechild")]
        );
    }

    #[test]
    fn pronoun_after_a_newly_introduced_subject() {
        let text = "“We left early,” John Smith said.\n\nMamadou Dia was on a trip when he was trapped.\n\n“They came for us,” he said.";
        assert_eq!(names(text), [some("John Smith"), some("Mamadou Dia")]);
    }

    #[test]
    fn month_names_are_surnames_after_first_names() {
        let text =
            "Prime Minister Theresa May spoke. After the vote, Ms. May said she would stay on.";
        assert_eq!(names(text), [some("Theresa May")]);
    }

    #[test]
    fn title_marks_gender() {
        let text = "Mr. Stefan Jonsson spoke. Mrs. Ana Diaz listened. “No,” he said.";
        assert_eq!(names(text), [some("Stefan Jonsson")]);
    }

    #[test]
    fn role_noun_resolves_to_person_with_that_role() {
        let text =
            "Mayor Doug McCallum opened the session. The budget is balanced, the mayor said.";
        assert_eq!(names(text), [some("Doug McCallum")]);
    }

    #[test]
    fn it_resolves_to_organisation() {
        let text = "“We are investigating,” the U.S. State Department said. It said the review would take weeks.";
        assert_eq!(
            names(text),
            [some("U.S. State Department"), some("U.S. State Department")]
        );
    }

    #[test]
    fn organisation_name_drops_determiner() {
        let text = "“It went well,” the U.S. State Department said.";
        assert_eq!(names(text), [some("U.S. State Department")]);
    }
    #[test]
    fn name_stops_at_a_line_break() {
        let text = "Protests spread across Canada\n\nDerek Holm joined the rally.\n\n“It was calm,” Holm said.";
        assert_eq!(names(text), [some("Derek Holm")]);
    }

    #[test]
    fn gender_evidence_reaches_past_places_and_firms() {
        let text = "“We left early,” John Smith said.\n\nMamadou Dia was on a trip from Paris for Acme Consultants when he was trapped.\n\n“They came for us,” he said.";
        assert_eq!(names(text), [some("John Smith"), some("Mamadou Dia")]);
    }

    #[test]
    fn caption_names_no_antecedent() {
        let text = "Cecil Foster has written a book. “It took years,” he said.\n\nBenjamin Layne, a retired porter, looks at photos in Montreal. ( THE CANADIAN PRESS FILE PHOTO )\n\n“They were heroes,” he said.";
        assert_eq!(names(text), [some("Cecil Foster"), some("Cecil Foster")]);
    }

    #[test]
    fn description_then_appositive_name() {
        let text =
            "But the director of operations for the agency, Jeff Frase, says the system works.";
        assert_eq!(names(text), [some("Jeff Frase")]);
    }

    #[test]
    fn title_before_surname_gives_a_role() {
        let text = "Doug Callan won the vote. Mayor Callan spoke first.\n\nThe budget is sound, the mayor said.";
        assert_eq!(names(text), [some("Doug Callan")]);
    }

    #[test]
    fn definite_description_refers_to_the_person_last_named() {
        let text = "Senate leader Mitch Connell blamed activists for the attacks.\n\n“They isolated a few seconds of video,” the Kentucky Republican said.";
        assert_eq!(names(text), [some("Mitch Connell")]);
    }

    #[test]
    fn kin_nouns_are_no_definite_description() {
        let text = "Mitch Connell spoke on Monday.\n\n“He is gone,” the father said.";
        assert_eq!(names(text), [some("the father")]);
    }

    #[test]
    fn message_speaks_for_whoever_issued_it() {
        let text = "“We are concerned,” a statement from the EU said.";
        assert_eq!(names(text), [some("EU")]);
        let text = "Shannon Phelps welcomed the ruling. “It is a good day,” her statement said.";
        assert_eq!(names(text), [some("Shannon Phelps")]);
    }

    #[test]
    fn one_word_name_described_as_a_person() {
        let text = "“We got out,” Ana Ruiz said.\n\nYuni, a resident of Lampung, was at home when she heard the water.\n\n“It came quickly,” she said.";
        assert_eq!(names(text), [some("Ana Ruiz"), some("Yuni")]);
    }

    #[test]
    fn first_word_of_a_longer_name_is_not_a_first_name() {
        let text = "Acmebook Research published a paper. Acmebook said it was fixing the bug.";
        assert_eq!(names(text), [some("Acmebook")]);
    }
    #[test]
    fn they_refers_to_a_collective_no_one_quoted() {
        let text = "On Monday, the union started a campaign.\n\nOn Tuesday, they tweeted that only one unit was free.";
        assert_eq!(names(text), [some("union")]);
        let text = "The Conservatives believe voters agree; they say their research shows it.";
        assert_eq!(names(text), [some("Conservatives")]);
    }

    #[test]
    fn same_description_as_an_earlier_speaker() {
        let text = "The justice official told reporters most requests succeed.\n\n“Most of those go through,” the official said.";
        assert_eq!(
            names(text),
            [some("The justice official"), some("The justice official")]
        );
    }

    #[test]
    fn possessive_owner_of_a_document_is_the_source() {
        let text = "Cecil Fortune spent years on the porters. Canada wanted white settlers, according to Fortune's book.";
        let found = crate::Extractor {
            broad: true,
            ..Default::default()
        }
        .extract(text);
        let names: Vec<_> = found.into_iter().map(|s| s.speaker_name).collect();
        assert_eq!(names, [some("Cecil Fortune")]);
    }

    #[test]
    fn name_after_a_description_opens_the_sentence() {
        let text = "“We talked,” Donald Tramp said.\n\nForeign Ministry spokesman Lu Kang gave no details. But he said that details would follow.";
        assert_eq!(names(text), [some("Donald Tramp"), some("Lu Kang")]);
    }
    #[test]
    fn acronym_resolves_to_the_words_it_abbreviates() {
        let text = "The Parliamentary Budget Officer released a valuation on Thursday.\n\nBut the PBO added that the range assumes no delays.";
        assert_eq!(names(text), [some("Parliamentary Budget Officer")]);
    }

    #[test]
    fn person_with_an_organisation_after_with() {
        let text = "Tim Guesto with the Nova Scotia Health Authority says there are many reasons.";
        assert_eq!(names(text), [some("Tim Guesto")]);
    }

    #[test]
    fn hyphenated_title_is_no_part_of_the_name() {
        let text = "Chinese Vice-President Wang Qishan spoke in Davos. Wang said that blame would not help.";
        assert_eq!(names(text), [some("Wang Qishan")]);
    }
    #[test]
    fn lone_first_name_after_a_description() {
        let text = "Spindler's father, Joseph, says his son grew up in Houston.";
        assert_eq!(names(text), [some("Joseph")]);
    }

    #[test]
    fn organisation_description_then_name_after_the_cue() {
        let text = "Results are “very exciting,” says Heart and Stroke senior manager Erin Kimball, who leads it.";
        assert_eq!(names(text), [some("Erin Kimball")]);
    }
    #[test]
    fn short_group_takes_the_fuller_description() {
        let text = "Trump is committed, according to administration officials unauthorized to speak publicly.\n\nBut the idea only emboldens him, the officials said.";
        assert_eq!(
            names(text),
            [
                some("administration officials unauthorized to speak publicly"),
                some("administration officials unauthorized to speak publicly")
            ]
        );
    }

    #[test]
    fn past_tense_verb_is_no_part_of_a_mention() {
        let text = "He heard students shout, “Build that wall!”";
        let found = extract(text);
        assert!(
            found
                .iter()
                .all(|s| s.speaker.is_none_or(|sp| !text[sp].contains("heard")))
        );
    }
    #[test]
    fn organisation_noun_to_the_organisation_it_introduced() {
        let text = "Rally Westland, the group that organized the event, wants a say.\n\nThe group says those people include hikers and campers.";
        assert_eq!(names(text), [some("Rally Westland")]);
        let text = "The threats were traced by the security firm Cisco Talon.\n\nThe firm said that the emails were fake.";
        assert_eq!(names(text), [some("Cisco Talon")]);
    }
    #[test]
    fn pronouns_overrule_the_first_name_list() {
        let text = "“We talked,” Donald Tramp said.\n\nLu Kang gave no details. But he said that more would follow.";
        assert_eq!(names(text), [some("Donald Tramp"), some("Lu Kang")]);
    }
}
