//! Resolution: maps each speaker mention to the fullest name it refers to in the article.
//!
//! Names are gathered from the whole text first (`people`): runs of two to four capitalised
//! words, and one-word names described as people ("Yuni, a resident of …"). A run is a person for
//! sure when its first word is a known first name or a title stands before it ("strong"); any
//! other run ("Darian Lonechild") becomes a person once a speaker is referred to by its last word
//! ("Lonechild said"). Each person's gender comes from a title, the pronouns that follow the name
//! ("… has proven herself"), or else the first-name list. Names in photo captions are no
//! antecedents. Then, in document order: a surname resolves to the full name; a description
//! (`descriptions`) to the person or organisation it stands for ("the mayor", "the director of
//! …, Jeff Fraser,", "a statement from the EU", "the PBO", "the company"); "he"/"she"
//! (`pronouns`) to the speaker it continues or the person just introduced; "it"/"they" to the
//! latest organisation or group, spoken or not.

use crate::attribute::Attribution;
use crate::doc::Doc;
use crate::lexicon::{Gender, Number};
use crate::mentions::Mention;
use crate::statement::{SpeakerType, Statement};
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::Arc;

mod descriptions;
mod people;
mod pronouns;
#[cfg(test)]
mod tests;

use descriptions::*;
use people::*;
use pronouns::*;

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

/// The statements, with `speaker_name` resolved within the article.
pub fn resolve(doc: &Doc<'_>, found: &[Attribution]) -> Vec<Statement> {
    if found.is_empty() {
        // Nothing to resolve: the names of the article are not needed.
        return Vec::new();
    }
    let mut people = find_people(doc);
    let mut acronyms = HashMap::default();
    let mut definitions = HashMap::default();
    let mut out: Vec<Statement> = Vec::with_capacity(found.len());
    // The person each statement resolved to, for pronouns and inherited speakers.
    let mut resolved: Vec<Option<usize>> = Vec::with_capacity(found.len());
    // The sentence of the last statement's end: the next one's is at or after it, mostly.
    let mut sentence = 0;
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
            (Some(m), _) if let Some(full) = acronym_expansion(doc, &m, &mut acronyms) => {
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
                            speaker_name = Some(Name::from(name));
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
                            speaker_name = Some(shared(&doc.text[m.name.unwrap_or(m.span)]));
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
                        speaker_name = last_named_organisation(doc, &out, &resolved, &m)
                            .or_else(|| defined_organisation(doc, &m, &mut definitions))
                            .or_else(|| m.name.map(|n| shared(&doc.text[n])));
                    }
                    SpeakerType::Group if let Some(name) = joined_names(doc, &mut people, &m) => {
                        speaker_name = Some(name);
                    }
                    SpeakerType::Group => {
                        speaker_name = fuller_group(doc, &out, &resolved, &m)
                            .or_else(|| m.name.map(|n| shared(&doc.text[n])));
                    }
                    _ => speaker_name = m.name.map(|n| shared(&doc.text[n])),
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
            speaker_name = Some(people.people[p].shared_name());
        }
        resolved.push(person);
        let first = sentence_from(doc, &mut sentence, a.quote.start);
        let last = sentence_from(
            doc,
            &mut sentence,
            a.quote.end.saturating_sub(1).max(a.quote.start),
        );
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
            cue_lemma: a.cue.map(|c| c.lemma),
            confidence: crate::confidence::fitted_for(a.rule, a.mention.is_some(), speaker_type)
                .unwrap_or(a.confidence),
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
    people.recycle();
    out
}

/// "Both Sandmann and Phillips said": each of the names joined by "and" in its fullest form
/// ("Nick Sandmann and Nathan Phillips"), as a person's name would be.
fn joined_names<'t>(doc: &Doc<'t>, people: &mut People<'t>, m: &Mention) -> Option<Name> {
    let start = doc.token_at(m.name?.start);
    let and = crate::mentions::joining_and(doc, start, m.last)?;
    let mut names = Vec::with_capacity(2);
    for (first, last) in [(start, and - 1), (and + 1, m.last)] {
        let part = crate::mentions::classify(doc, first, last);
        let name = match person_named(doc, people, &part) {
            Some(p) => people.people[p].shared_name(),
            None => shared(&doc.text[part.name.unwrap_or(part.span)]),
        };
        names.push(name);
    }
    Some(shared(&names.join(" and ")))
}

/// `doc.seg.sentence_at(pos)`, found by stepping on from sentence `hint` (which it updates)
/// when `pos` is at or after that sentence's start: statements come in order, so most steps
/// are few, where each binary search walked the whole list.
#[inline]
fn sentence_from(doc: &Doc<'_>, hint: &mut usize, pos: usize) -> usize {
    /// Steps before the rest is left to a binary search.
    const STEPS: usize = 8;
    let sentences = &doc.seg.sentences;
    let k = *hint;
    let found = if sentences.get(k).is_some_and(|s| s.span.start <= pos) {
        // The last sentence starting at or before `pos`, from `k` on.
        let ahead = &sentences[k + 1..];
        match ahead.iter().take(STEPS).position(|s| s.span.start > pos) {
            Some(n) => k + n,
            None => k + ahead.partition_point(|s| s.span.start <= pos),
        }
    } else {
        doc.seg.sentence_at(pos)
    };
    debug_assert_eq!(found, doc.seg.sentence_at(pos));
    *hint = found;
    found
}

/// The statements before mention `m`, latest first, back to `paragraphs` paragraphs before its
/// own (at most [`MAX_LOOKBACK_STATEMENTS`]), each with the person it resolved to.
fn statements_before<'a>(
    doc: &'a Doc<'_>,
    out: &'a [Statement],
    resolved: &'a [Option<usize>],
    m: &Mention,
    paragraphs: usize,
) -> impl Iterator<Item = (&'a Statement, Option<usize>)> + 'a {
    let (pos, para) = (m.span.start, doc.seg.paragraph_at(m.span.start));
    out.iter()
        .zip(resolved)
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(move |(s, _)| s.speaker.map_or(s.quote.start, |sp| sp.start) < pos)
        .take_while(move |(s, _)| {
            para - doc.seg.paragraph_at(s.quote.start).min(para) <= paragraphs
        })
        .map(|(s, p)| (s, *p))
}

/// [`collapse`] without a copy when `s` is collapsed already (most names are), for a name
/// that is only looked up.
fn collapsed(s: &str) -> Cow<'_, str> {
    if is_collapsed_ascii(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(collapse(s))
    }
}

/// A speaker name as statements hold it.
type Name = Arc<str>;

/// [`collapse`] into a [`Name`], with no `String` between.
fn shared(s: &str) -> Name {
    Name::from(collapsed(s).as_ref())
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(&mut out, s);
    out
}

/// [`collapse`] into `out` (cleared first), so a loop can reuse one buffer.
fn collapse_into(out: &mut String, s: &str) {
    out.clear();
    if is_collapsed_ascii(s) {
        // Most names: nothing to collapse, and no Unicode whitespace test per character.
        out.push_str(s);
        return;
    }
    for (k, w) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// `s` is ASCII with single spaces between non-space characters only, so [`collapse`] gives
/// it back unchanged (any other whitespace, and any non-ASCII character, says no).
fn is_collapsed_ascii(s: &str) -> bool {
    // One pass: a space only after a character that is not one (so none first, and no two
    // together), and none last.
    let mut after_space = true;
    for &c in s.as_bytes() {
        if c == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c > b' ' && c < 0x7f {
            after_space = false;
        } else {
            return false;
        }
    }
    !after_space || s.is_empty()
}

/// `word` lower-cased, as `str::to_lowercase` gives it: the word itself when it is ASCII with
/// no capital (most roles: "spokeswoman"), without a copy.
fn lowercase(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// "McCallum’s" → "McCallum".
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// [`strip_possessive`] of a word's bytes. By slice patterns: the last byte is tested
/// first, and no comparison with a suffix is made for most words.
fn strip_possessive_bytes(word: &[u8]) -> &[u8] {
    match word {
        [rest @ .., b'\'', b's'] => rest,
        // "’" is E2 80 99.
        [rest @ .., 0xe2, 0x80, 0x99, b's'] => rest,
        _ => word,
    }
}

fn last_word(name: &str) -> &str {
    // `rfind` searches with `memrchr`; `rsplit` went a character at a time.
    name.rfind(' ').map_or(name, |k| &name[k + 1..])
}
