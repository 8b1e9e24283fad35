//! Resolution: maps each speaker mention to the fullest name it refers to in the article.
//!
//! People are gathered from the whole text first (capitalised runs of two or more words that
//! look like names: a known first name or a title in front), with every later occurrence of
//! their surname. A surname mention then resolves to the full name ("Zakharova" → "Maria
//! Zakharova"), and a pronoun to the nearest person before it whose gender agrees, preferring
//! the speaker of the statement before.

use crate::attribute::Attribution;
use crate::doc::Doc;
use crate::lexicon::{Gender, Number};
use crate::mentions::Mention;
use crate::statement::{SpeakerType, Statement};
use crate::tokens::TokenKind;

/// A person named in the article.
#[derive(Debug, Clone)]
struct Person {
    /// The fullest form seen, words joined by single spaces.
    name: String,
    gender: Gender,
}

/// An occurrence of a person's name (full or partial) at a token.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    token: usize,
    person: usize,
}

struct People {
    people: Vec<Person>,
    /// In token order.
    occurrences: Vec<Occurrence>,
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
            (Some(m), _) => {
                speaker_type = m.kind;
                match m.kind {
                    SpeakerType::Pronoun => {
                        person = antecedent(doc, &people, &out, &resolved, &m);
                        if person.is_none() && m.number == Number::Plural {
                            speaker_name = last_collective(&out, m.span.start);
                        }
                    }
                    SpeakerType::Person | SpeakerType::Unknown => {
                        person = person_named(doc, &mut people, &m);
                        if person.is_some() {
                            speaker_type = SpeakerType::Person;
                        } else {
                            speaker_name = m.name.map(|n| collapse(&doc.text[n]));
                        }
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
            if let (Some(m), Gender::Unknown) = (a.mention, people.people[p].gender) {
                // "she said" about someone whose first name told us nothing.
                if m.kind == SpeakerType::Pronoun && m.gender != Gender::Unknown {
                    people.people[p].gender = m.gender;
                }
            }
        }
        resolved.push(person);
        let first = doc.seg.sentence_at(a.quote.start);
        let last = doc.seg.sentence_at(a.quote.end.saturating_sub(1).max(a.quote.start));
        out.push(Statement {
            kind: a.kind,
            quote: a.quote,
            speaker: a.mention.map(|m| m.span),
            speaker_name,
            speaker_type,
            cue: a.cue.map(|c| c.span),
            cue_lemma: a.cue.map(|c| c.lemma.to_string()),
            confidence: a.confidence,
            sentences: (first, last),
            rule: a.rule,
        });
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The person a name mention refers to: the fullest known name that ends (or starts) with it.
fn person_named(doc: &Doc<'_>, people: &mut People, m: &Mention) -> Option<usize> {
    let name = collapse(&doc.text[m.name?]);
    if let Some(p) = people.people.iter().position(|p| p.name == name) {
        if people.people[p].gender == Gender::Unknown {
            people.people[p].gender = m.gender;
        }
        return Some(p);
    }
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() == 1 {
        let w = words[0];
        // The latest person before the mention whose last (then first) name this is.
        let before = |pred: &dyn Fn(&Person) -> bool| {
            people
                .occurrences
                .iter()
                .rev()
                .filter(|o| o.token <= m.first)
                .map(|o| o.person)
                .chain(0..people.people.len())
                .find(|&p| pred(&people.people[p]))
        };
        return before(&|p: &Person| p.name.rsplit(' ').next() == Some(w))
            .or_else(|| before(&|p: &Person| p.name.split(' ').next() == Some(w)));
    }
    if m.kind == SpeakerType::Person {
        people.people.push(Person { name, gender: m.gender });
        return Some(people.people.len() - 1);
    }
    None
}

/// The person a pronoun refers to: the speaker of the latest statement before it, if the
/// gender agrees, else the latest person named before it whose gender agrees.
fn antecedent(doc: &Doc<'_>, people: &People, out: &[Statement], resolved: &[Option<usize>], m: &Mention) -> Option<usize> {
    if m.number == Number::Plural {
        return None;
    }
    let agrees = |p: usize| {
        let g = people.people[p].gender;
        g == Gender::Unknown || m.gender == Gender::Unknown || g == m.gender
    };
    let para = doc.seg.paragraph_at(m.span.start);
    let last_speaker = out
        .iter()
        .zip(resolved)
        .rev()
        .take_while(|(s, _)| para.saturating_sub(doc.seg.paragraph_at(s.quote.start)) <= 3)
        .filter_map(|(_, r)| *r)
        .find(|&p| agrees(p));
    let last_named = people
        .occurrences
        .iter()
        .rev()
        .filter(|o| o.token < m.first)
        .map(|o| o.person)
        .find(|&p| agrees(p) && people.people[p].gender == m.gender);
    let last_named_any = people.occurrences.iter().rev().filter(|o| o.token < m.first).map(|o| o.person).find(|&p| agrees(p));
    // A named person of the right gender beats a speaker whose gender is unknown.
    match (last_speaker, last_named) {
        (Some(s), _) if people.people[s].gender == m.gender => Some(s),
        (_, Some(n)) => Some(n),
        (Some(s), None) => Some(s),
        (None, None) => last_named_any,
    }
}

/// The latest organisation or group speaker before `pos`, for "they".
fn last_collective(out: &[Statement], pos: usize) -> Option<String> {
    out.iter()
        .rev()
        .filter(|s| s.quote.start < pos || s.speaker.is_some_and(|sp| sp.start < pos))
        .find(|s| matches!(s.speaker_type, SpeakerType::Organization | SpeakerType::Group))
        .and_then(|s| s.speaker_name.clone())
}

/// People named in the text, and where their names occur.
fn find_people(doc: &Doc<'_>) -> People {
    let mut people: Vec<Person> = Vec::new();
    let mut occurrences = Vec::new();
    let tokens = &doc.tokens;
    let mut i = 0;
    while i < tokens.len() {
        let Some((start, end, gender)) = name_run(doc, i) else {
            i += 1;
            continue;
        };
        let name = (start..end).filter(|&k| tokens[k].kind == TokenKind::Word).map(|k| doc.word(k)).collect::<Vec<_>>().join(" ");
        let p = match people.iter().position(|p| p.name == name) {
            Some(p) => p,
            None => {
                people.push(Person { name, gender });
                people.len() - 1
            }
        };
        occurrences.push(Occurrence { token: start, person: p });
        i = end;
    }
    // Later surname-only occurrences: "Zakharova said" after "Maria Zakharova".
    let mut extra = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || !t.upper {
            continue;
        }
        let w = doc.word(k);
        if let Some(p) = people.iter().position(|p| p.name.contains(' ') && p.name.rsplit(' ').next() == Some(w)) {
            extra.push(Occurrence { token: k, person: p });
        }
    }
    occurrences.extend(extra);
    occurrences.sort_by_key(|o| o.token);
    occurrences.dedup_by_key(|o| o.token);
    People { people, occurrences }
}

/// A person's name starting at token `i`: two to four capitalised words, the first a known first
/// name or right after a title. Returns its token range and the gender its first name or title marks.
fn name_run(doc: &Doc<'_>, i: usize) -> Option<(usize, usize, Gender)> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word || !t.upper {
        return None;
    }
    let x = t.info;
    if x.is_some_and(|x| x.name_stop || x.title.is_some() || x.role.is_some() || x.org) {
        return None;
    }
    let first_name = x.and_then(|x| x.first_name);
    // A title right before: "Mr. Jonsson", "Sen. Jane Doe".
    let mut title_gender = None;
    let mut b = i;
    if b > 0 && doc.is_abbreviation_dot(b - 1) {
        b -= 1;
    }
    if b > 0 && doc.tokens[b - 1].upper {
        title_gender = doc.tokens[b - 1].info.and_then(|x| x.title);
    }
    let mut end = i + 1;
    let mut words = 1;
    while end < doc.tokens.len() && words < 4 {
        let t = &doc.tokens[end];
        let ok_word = t.kind == TokenKind::Word
            && t.upper
            && !t.info.is_some_and(|x| x.name_stop || x.org || x.title.is_some() || x.role.is_some())
            && !doc.text[t.span].ends_with("'s")
            && !doc.text[t.span].ends_with("’s");
        if ok_word {
            words += 1;
            end += 1;
        } else if doc.is_abbreviation_dot(end) && end + 1 < doc.tokens.len() && doc.tokens[end + 1].upper {
            // An initial inside the name: "John F. Kennedy".
            end += 1;
        } else {
            break;
        }
    }
    if words < 2 || (first_name.is_none() && title_gender.is_none()) {
        return None;
    }
    let gender = title_gender.filter(|g| *g != Gender::Unknown).or(first_name).unwrap_or(Gender::Unknown);
    Some((i, end, gender))
}

#[cfg(test)]
mod tests {
    use crate::extract;

    fn names(text: &str) -> Vec<Option<String>> {
        extract(text).into_iter().map(|s| s.speaker_name).collect()
    }

    #[test]
    fn surname_resolves_to_full_name() {
        let text = "Maria Zakharova spoke on Friday. The talks went well, Zakharova said.";
        assert_eq!(names(text), [Some("Maria Zakharova".to_string())]);
    }

    #[test]
    fn pronoun_resolves_to_named_person_of_matching_gender() {
        let text = "Maria Lopez met John Smith. “It went well,” she said. “We agree,” he said.";
        assert_eq!(names(text), [Some("Maria Lopez".to_string()), Some("John Smith".to_string())]);
    }

    #[test]
    fn title_marks_gender() {
        let text = "Mr. Stefan Jonsson spoke. Mrs. Ana Diaz listened. “No,” he said.";
        assert_eq!(names(text), [Some("Stefan Jonsson".to_string())]);
    }

    #[test]
    fn organisation_name_drops_determiner() {
        let text = "“It went well,” the U.S. State Department said.";
        assert_eq!(names(text), [Some("U.S. State Department".to_string())]);
    }
}
