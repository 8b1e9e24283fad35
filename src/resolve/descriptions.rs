//! Descriptions instead of names: role nouns, appositives, messages ("a statement from X"),
//! acronyms, groups and organisation nouns ("the company"), each to whom it stands for.

use super::*;
use crate::lexicon::lowercase_in;

/// How far back, in tokens, an acronym looks for the words it abbreviates.
pub(super) const ACRONYM_WINDOW_TOKENS: usize = 4096;

/// Lower-case words an acronym skips: "Department of Justice" is "DOJ", "Food and Drug
/// Administration" is "FDA".
pub(super) const ACRONYM_GLUE: &[&str] = &["of", "and", "for", "the", "on"];

/// The words an all-capitals mention abbreviates, written out earlier in the article: "PBO" →
/// "Parliamentary Budget Officer". `None` when the mention is no acronym or is not spelt out.
///
/// `seen` remembers, per acronym, what was found and up to which token it was looked for, so a
/// run of mentions of one acronym scans the text before them once, not once each.
pub(super) fn acronym_expansion<'t>(
    doc: &Doc<'t>,
    m: &Mention,
    seen: &mut HashMap<&'t str, (usize, Option<Name>)>,
) -> Option<Name> {
    let k = m.last;
    let word = doc.word(k);
    let acronym = (2..=6).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && (m.first == k
            || m.first + 1 == k && doc.word_bytes(m.first).eq_ignore_ascii_case(b"the"));
    if !acronym {
        return None;
    }
    let letters = word.as_bytes();
    let lo = m.first.saturating_sub(ACRONYM_WINDOW_TOKENS);
    let mut ends_from = lo;
    if let Some((searched_to, found)) = seen.get(word) {
        if found.is_some() {
            return found.clone();
        }
        ends_from = ends_from.max(*searched_to);
    }
    // Ending at each capitalised word before the mention, nearest first, try to spell the
    // acronym backwards.
    let found = (ends_from..m.first).rev().find_map(|end| {
        let mut need = letters.len();
        let mut start = end;
        let mut k = end + 1;
        while need > 0 && k > lo {
            k -= 1;
            let t = &doc.tokens[k];
            if t.kind != TokenKind::Word {
                return None;
            }
            if t.upper && doc.word_bytes(k)[0] == letters[need - 1] {
                need -= 1;
                start = k;
            } else if !(k < end && doc.word_in(k, ACRONYM_GLUE)) {
                return None;
            }
        }
        (need == 0 && start < end).then(|| shared(&doc.text[doc.tokens_span(start, end)]))
    });
    seen.insert(word, (m.first, found.clone()));
    found
}

/// The mention names a message: "a statement", "her statement from Friday".
pub(super) fn is_message(doc: &Doc<'_>, m: &Mention) -> bool {
    (m.first..=m.last)
        .take_while(|&k| !(k > m.first && doc.is_word(k) && doc.word_bytes(k) == b"from"))
        .last()
        .is_some_and(|head| {
            doc.is_word(head)
                && (is_message_noun(doc.word(head))
                    || doc.tokens[head].info.is_some_and(|x| x.document))
        })
}

/// Who issued a message: "a statement from the EU" → the EU; "her statement" → whom "her"
/// refers to; "the statement" → the speaker of the latest statement, a paragraph or two back.
/// The resolved name, and the person when it is one.
pub(super) fn message_source(
    doc: &Doc<'_>,
    people: &People,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> (Option<Name>, Option<usize>) {
    if let Some(from) = (m.first..m.last).find(|&k| doc.is_word(k) && doc.word_bytes(k) == b"from")
    {
        let mut first = from + 1;
        while first < m.last && doc.tokens[first].info.is_some_and(|x| x.determiner) {
            first += 1;
        }
        let text = collapse(&doc.text[doc.tokens_span(first, m.last)]);
        return match people.by_name.get(text.as_str()) {
            Some(&p) => (None, Some(p)),
            None => (Some(Name::from(text)), None),
        };
    }
    // "Foster's book", "Infrastructure Canada's database": the owner.
    if let Some(s) = (m.first..m.last).find(|&k| doc.tokens[k].upper && doc.is_possessive(k)) {
        let mut first = s;
        while first > m.first && doc.tokens[first - 1].upper && doc.is_word(first - 1) {
            first -= 1;
        }
        let text = collapse(&doc.text[doc.tokens_span(first, s)]);
        let text = strip_possessive(&text).to_string();
        let owner = if text.contains(' ') {
            people.by_name.get(text.as_str()).copied()
        } else {
            people
                .nearest(Key::Last, &text, m.first, true, true)
                .map(|o| o.person)
        };
        return match owner {
            Some(p) => (None, Some(p)),
            None => (Some(Name::from(text)), None),
        };
    }
    let owner = doc.tokens[m.first].info.and_then(|x| x.gender_form);
    if !is_message_noun(doc.word(m.last)) {
        // A study or data set without an owner is its own source.
        return (m.name.map(|n| shared(&doc.text[n])), None);
    }
    let previous =
        statements_before(doc, out, resolved, m, SPEAKER_PARAGRAPHS).find(|(s, p)| match owner {
            // "her statement": the latest speaker of that gender.
            Some(g) => p.is_some_and(|p| people.gender(doc, p) == g),
            None => s.speaker_name.is_some(),
        });
    match (previous, owner) {
        (Some((s, p)), _) => (s.speaker_name.clone(), p),
        // "her statement" with no speaker before: whom "her" refers to.
        (None, Some(gender)) => match antecedent(doc, people, &Mention { gender, ..*m }) {
            Some(p) => (None, Some(p)),
            None => (m.name.map(|n| shared(&doc.text[n])), None),
        },
        (None, None) => (m.name.map(|n| shared(&doc.text[n])), None),
    }
}

/// The name set off after a description: "the director of operations for EHS, Jeff Fraser,
/// says" is Jeff Fraser.
pub(super) fn appositive_name(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
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
    let name = collapsed(&doc.text[doc.tokens_span(run.start, run.end - 1)]);
    people.by_name.get(name.as_ref()).copied()
}

/// A lone first name set off after a description: "Spindler's father, Joseph, says".
pub(super) fn appositive_first_name<'t>(doc: &Doc<'t>, m: &Mention) -> Option<&'t str> {
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
pub(super) fn same_description(
    doc: &Doc<'_>,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> Option<(Option<Name>, Option<usize>)> {
    if m.name.is_some() || !doc.word(m.first).eq_ignore_ascii_case("the") || m.first == m.last {
        return None;
    }
    let head = doc.word(m.last);
    statements_before(doc, out, resolved, m, MAX_ANTECEDENT_PARAGRAPHS)
        .find(|(s, _)| {
            // An earlier description with an article ("The justice official"), not a
            // possessive one ("His father"), which names someone by someone else.
            s.speaker.is_some_and(|sp| {
                let first = doc.word(doc.token_at(sp.start));
                let opens_with_article = ["a", "an", "the"]
                    .iter()
                    .any(|a| first.eq_ignore_ascii_case(a));
                opens_with_article
                    && doc.text[sp]
                        .rsplit(char::is_whitespace)
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case(head))
            })
        })
        .map(|(s, p)| (s.speaker_name.clone(), p))
}

/// Longest short group mention that takes a fuller description from an earlier speaker.
pub(super) const SHORT_GROUP_TOKENS: usize = 2;

/// The fuller description of a group that spoke shortly before under the same noun: "sources
/// familiar with the talks said …" then "the sources said" or "sources added".
pub(super) fn fuller_group(
    doc: &Doc<'_>,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> Option<Name> {
    if m.last - m.first >= SHORT_GROUP_TOKENS {
        return None;
    }
    let head = doc.word(m.last);
    statements_before(doc, out, resolved, m, MAX_ANTECEDENT_PARAGRAPHS)
        .map(|(s, _)| s)
        .filter(|s| !matches!(s.speaker_type, SpeakerType::Person | SpeakerType::Pronoun))
        .find_map(|s| {
            let name = s.speaker_name.as_ref()?;
            let words: Vec<&str> = name.split(' ').collect();
            (words.len() > m.last - m.first + 1
                && words.iter().any(|w| w.eq_ignore_ascii_case(head)))
            .then(|| name.clone())
        })
}

/// A definite description with a role or title at its head and no earlier holder of that role:
/// "the Kentucky Republican said", "the prime minister said". News writes it for the person
/// last named, as it would write "he" or "she".
pub(super) fn definite_description(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    let head = doc.tokens[m.last].info?;
    // Occupations, not kin: "the father" is no one named before.
    let role_head = head.role == Some(Gender::Unknown);
    if m.name.is_some() || !role_head || !doc.word(m.first).eq_ignore_ascii_case("the") {
        return None;
    }
    antecedent(doc, people, m)
}

/// How far back, in tokens, "the group" looks for where the article said which group it is.
pub(super) const DEFINITION_WINDOW_TOKENS: usize = 2048;

/// Per organisation noun, lower-cased: up to which token its definition was looked for, and the
/// nearest one found (its token and the name).
pub(super) type Definitions = HashMap<String, (usize, Option<(usize, Name)>)>;

/// The organisation the article introduced with the same noun: "Rally Canada, the group that
/// organized the event, …", "the security firm Cisco Talos" or "the City of Surrey" before "the
/// group said", "the firm said", "the city said".
///
/// `seen` remembers, per noun, the nearest definition found and up to which token it was looked
/// for, so a run of "the company said" scans the text before it once, not once each.
pub(super) fn defined_organisation(
    doc: &Doc<'_>,
    m: &Mention,
    seen: &mut Definitions,
) -> Option<Name> {
    let head = doc.word(m.last);
    let lo = m.first.saturating_sub(DEFINITION_WINDOW_TOKENS);
    let key = head.to_ascii_lowercase();
    let (searched_to, earlier) = seen.remove(&key).unwrap_or((0, None));
    let found = (lo.max(searched_to) + 1..m.first)
        .rev()
        .find_map(|k| definition_at(doc, k, head, lo, m.first).map(|name| (k, name)))
        .or(earlier.filter(|&(k, _)| k > lo));
    let name = found.as_ref().map(|(_, name)| name.clone());
    seen.insert(key, (m.first.saturating_sub(1), found));
    name
}

/// The organisation defined at token `k` with the noun `head`, if any (see
/// [`defined_organisation`]); names end before token `limit`.
fn definition_at(doc: &Doc<'_>, k: usize, head: &str, lo: usize, limit: usize) -> Option<Name> {
    {
        // On the bytes, length first: most of the tokens scanned are other words, turned away
        // without slicing the text.
        let t = &doc.tokens[k];
        let same = t.kind == TokenKind::Word
            && t.span.end - t.span.start == head.len()
            && doc.text.as_bytes()[t.span.start..t.span.end].eq_ignore_ascii_case(head.as_bytes());
        if !same {
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
            while end < limit && is_upper_name_part(doc, end) {
                end += 1;
            }
            return Some(shared(&doc.text[doc.tokens_span(k, end - 1)]));
        }
        // "the firm Cisco Talos": the name right after the noun.
        let mut end = k + 1;
        while end < limit && is_upper_name_part(doc, end) {
            end += 1;
        }
        if end > k + 1 {
            return Some(shared(&doc.text[doc.tokens_span(k + 1, end - 1)]));
        }
        // "Rally Canada, the group": the name before a comma and "the".
        if k >= 3 && doc.word(k - 1) == "the" && doc.is_punct(k - 2, &[","]) {
            let end = k - 3;
            let mut start = end + 1;
            while start > lo && is_upper_name_part(doc, start - 1) {
                start -= 1;
            }
            if start <= end {
                return Some(shared(&doc.text[doc.tokens_span(start, end)]));
            }
        }
        None
    }
}

/// A capitalised word that may be part of an organisation's name.
pub(super) fn is_upper_name_part(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.kind == TokenKind::Word && t.upper && !t.info.is_some_and(|x| x.name_stop || x.determiner)
}

/// The latest organisation speaker before the mention, a few paragraphs back at most, that was
/// named with a capital ("Facebook").
pub(super) fn last_named_organisation(
    doc: &Doc<'_>,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> Option<Name> {
    statements_before(doc, out, resolved, m, MAX_ANTECEDENT_PARAGRAPHS)
        .map(|(s, _)| s)
        .filter(|s| s.speaker.is_some())
        .filter(|s| {
            matches!(
                s.speaker_type,
                SpeakerType::Organization | SpeakerType::Unknown
            )
        })
        .filter_map(|s| s.speaker_name.clone())
        .find(|n| n.chars().next().is_some_and(char::is_uppercase))
}

/// Nouns for a message that carries someone's words (see [`is_message`]).
pub(super) static MESSAGE_NOUNS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::data_lines(include_str!("../data/message_nouns.txt")).collect()
    });

/// `word` lower-cased is one of [`MESSAGE_NOUNS`]. Every mention's head is tested: most are
/// turned away by their length and first letter before the list is read.
#[inline]
fn is_message_noun(word: &str) -> bool {
    static SHAPES: std::sync::LazyLock<[u64; 26]> = std::sync::LazyLock::new(|| {
        let mut shapes = [0; 26];
        for noun in MESSAGE_NOUNS.iter() {
            if let Some(b) = noun.bytes().next().filter(u8::is_ascii_lowercase) {
                shapes[usize::from(b - b'a')] |= 1 << noun.len().min(63);
            }
        }
        shapes
    });
    let shaped = match word.bytes().next() {
        Some(b) if b.is_ascii_alphabetic() && word.is_ascii() => {
            SHAPES[usize::from(b.to_ascii_lowercase() - b'a')] & 1 << word.len().min(63) != 0
        }
        // Anything else is left to the full test.
        _ => true,
    };
    shaped && lowercase_in(word, &MESSAGE_NOUNS)
}
