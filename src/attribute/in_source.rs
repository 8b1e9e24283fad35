//! Findings and words placed "in" their source, in the broad sense only: "In a poll released
//! Sunday, most voters disapproved", "Trump leads by 20 points in the latest survey". The source
//! (a poll, a statement, an interview) holds the clause as "according to" would.

use super::reported::{attribution, clause, rest_after};
use super::{Attribution, Doc, State};
use crate::cues::Cue;
use crate::lexicon::VerbClass;
use crate::mentions::classify;
use crate::tokens::TokenKind;
use std::sync::LazyLock;

/// Nouns for where words were said or findings published, besides the lexicon's documents.
static SOURCE_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/source_nouns.txt")).collect()
});

/// Longest source phrase after "In", in tokens: "In an ABC News/Washington Post poll released
/// Sunday".
const MAX_SOURCE_TOKENS: usize = 16;

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for sentence in doc.sentence_tokens.iter() {
        let found = in_source_then_clause(doc, state, sentence.clone())
            .or_else(|| clause_then_in_poll(doc, state, sentence.clone()));
        if let Some(a) = found {
            state.push(doc, a);
        }
    }
}

/// The token is a source noun: a document the lexicon knows ("poll", "survey") or one of
/// [`SOURCE_NOUNS`] ("statement", "interview").
fn is_source(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.kind == TokenKind::Word
        && (t.info.is_some_and(|x| x.document) || !t.upper && SOURCE_NOUNS.contains(&doc.word(k)))
}

/// The cue "in" at token `k`.
fn in_cue(doc: &Doc<'_>, k: usize) -> Cue {
    Cue {
        first: k,
        last: k,
        span: doc.tokens[k].span,
        lemma: "in",
        class: VerbClass::Evidence,
        participle: false,
    }
}

/// No cue in `range` is taken: the clause is nobody's statement yet.
fn untaken(state: &State, range: std::ops::Range<usize>) -> bool {
    !state.cue_used[range].iter().any(|&u| u)
}

/// In SOURCE, CLAUSE.
///
/// Example: In a poll released Sunday, most voters said the economy came first.
fn in_source_then_clause(
    doc: &Doc<'_>,
    state: &State,
    sentence: std::ops::Range<usize>,
) -> Option<Attribution> {
    let k = sentence.start;
    if !(doc.is_word(k) && doc.word(k) == "In") {
        return None;
    }
    let comma = (k + 1..sentence.end.min(k + 2 + MAX_SOURCE_TOKENS)).find(|&j| {
        doc.tokens[j].kind == TokenKind::Punct
            && !doc.is_abbreviation_dot(j)
            && !doc.is_punct(j, &["/", "-", "’", "'"])
    })?;
    if !doc.is_punct(comma, &[","]) || !(k + 1..comma).any(|j| is_source(doc, j)) {
        return None;
    }
    let content = rest_after(doc, comma - 1, sentence.end, &[","])?;
    if !untaken(state, comma..sentence.end) {
        return None;
    }
    let source = classify(doc, k + 1, comma - 1);
    Some(attribution(
        content,
        Some(source),
        &in_cue(doc, k),
        0.3,
        "in_source_clause",
    ))
}

/// CLAUSE in the POLL. A document that closes the sentence holds what it says.
///
/// Example: The governor leads by ten points in the latest statewide poll.
fn clause_then_in_poll(
    doc: &Doc<'_>,
    state: &State,
    sentence: std::ops::Range<usize>,
) -> Option<Attribution> {
    let mut last = sentence.end.checked_sub(1)?;
    while last > sentence.start && doc.tokens[last].kind == TokenKind::Punct {
        last -= 1;
    }
    let head = last;
    if doc.tokens[head].upper || !doc.tokens[head].info.is_some_and(|x| x.document) {
        return None;
    }
    let lo = head
        .saturating_sub(MAX_SOURCE_TOKENS)
        .max(sentence.start + 1);
    let in_word = (lo..head)
        .rev()
        .find(|&j| doc.is_word(j) && doc.word(j) == "in")?;
    // Nothing but the source's own words between "in" and its head.
    if (in_word + 1..head)
        .any(|j| doc.tokens[j].kind == TokenKind::Punct && !doc.is_punct(j, &["/", "-", "’", "'"]))
    {
        return None;
    }
    if !untaken(state, sentence.start..in_word) || doc.is_punct(in_word - 1, &[","]) {
        return None;
    }
    let content = clause(doc, sentence.start, in_word - 1)?;
    let source = classify(doc, in_word + 1, head);
    Some(attribution(
        content,
        Some(source),
        &in_cue(doc, in_word),
        0.3,
        "clause_then_in_poll",
    ))
}

#[cfg(test)]
mod tests {
    use crate::attribute::broad_texts as broad;

    #[test]
    fn a_source_set_before_the_clause_holds_it() {
        let got = broad("In a poll released Sunday, three of four voters disapproved of the plan.");
        assert_eq!(got[0].0, "three of four voters disapproved of the plan");
        assert_eq!(got[0].1.as_deref(), Some("a poll released Sunday"));
        // The whole clause, before the object of a verb inside it is read.
        let got = broad("In a statement, President Roe condemned the test as provocative.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "President Roe condemned the test as provocative");
        assert_eq!(got[0].2.as_deref(), Some("In"));
    }

    #[test]
    fn a_poll_that_closes_the_sentence_holds_the_clause() {
        let got = broad("The governor leads by ten points in the latest statewide poll.");
        assert_eq!(got[0].0, "The governor leads by ten points");
        assert_eq!(got[0].1.as_deref(), Some("the latest statewide poll"));
    }

    #[test]
    fn places_and_times_are_no_source() {
        assert!(broad("In Ohio, the governor leads by ten points.").is_empty());
        assert!(broad("The governor spoke in the main hall.").is_empty());
    }

    #[test]
    fn a_clause_with_its_own_speaker_is_left_to_it() {
        let got = broad("In an interview, the mayor said the bridge would open in May.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("the mayor"));
    }
}
