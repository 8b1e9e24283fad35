//! Labelled lines, in the broad sense only: a line that opens with a short label and a colon,
//! as transcripts and headlines write them ("PENCE: Well, look, …", "Poll: Voters Abandon
//! Party"). What follows the colon is the label's statement.

use super::{Attribution, Doc, State};
use crate::mentions::classify;
use crate::span::Span;
use crate::statement::{Kind, SpeakerType};
use crate::tokens::TokenKind;
use std::sync::LazyLock;

/// Most words in a label.
const MAX_LABEL_WORDS: usize = 4;
/// Fewest words after the colon.
const MIN_CONTENT_WORDS: usize = 3;

static NON_SPEAKER_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/non_speaker_labels.txt")).collect()
});

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for para in doc.paragraph_tokens.iter() {
        if let Some(a) = label_colon_line(doc, state, para.clone()) {
            state.push(doc, a);
        }
    }
}

/// LABEL: CONTENT, on a line of its own.
///
/// Example: Mayor Roe: The Bridge Will Open in May
fn label_colon_line(
    doc: &Doc<'_>,
    state: &State,
    para: std::ops::Range<usize>,
) -> Option<Attribution> {
    let start = para.start;
    // The label: capitalised words up to the colon.
    let colon = (start..para.end.min(start + MAX_LABEL_WORDS + 1))
        .find(|&k| doc.tokens[k].kind == TokenKind::Punct)?;
    if colon == start
        || !doc.is_punct(colon, &[":"])
        || !(start..colon).all(|k| doc.is_word(k) && doc.tokens[k].upper)
        || doc.token_quote[start].is_some()
        || state.cue_used[start..colon].iter().any(|&u| u)
    {
        return None;
    }
    let first = doc.word(start);
    if NON_SPEAKER_LABELS
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let mut last = para.end - 1;
    while last > colon && doc.tokens[last].kind == TokenKind::Punct && !doc.is_quotation_mark(last)
    {
        last -= 1;
    }
    let words = (colon + 1..=last).filter(|&k| doc.is_word(k)).count();
    if words < MIN_CONTENT_WORDS {
        return None;
    }
    // One letter ("Q:", "A:") is an interview's turn, not a name.
    let m = classify(doc, start, colon - 1);
    let mention =
        (doc.word(start).len() > 1 && colon - start <= 3 && m.kind != SpeakerType::Unknown
            || m.kind == SpeakerType::Person)
            .then_some(m);
    Some(Attribution {
        kind: Kind::Indirect,
        quote: Span::new(doc.tokens[colon + 1].span.start, doc.tokens[last].span.end),
        mention,
        cue: None,
        inherits: None,
        confidence: 0.4,
        rule: "label_colon_line",
    })
}

#[cfg(test)]
mod tests {
    use crate::attribute::broad_texts as broad;

    #[test]
    fn a_label_and_a_colon_open_a_statement() {
        let got = broad("Mayor Roe: The Bridge Will Open in May\n\nThe mayor spoke on Monday.");
        assert_eq!(got[0].0, "The Bridge Will Open in May");
        assert_eq!(got[0].1.as_deref(), Some("Mayor Roe"));
        let got = broad("ROE: Well, look, the bridge is safe and it will open.");
        assert_eq!(got[0].0, "Well, look, the bridge is safe and it will open");
    }

    #[test]
    fn notes_and_long_labels_are_not_speakers() {
        assert!(broad("Editor’s note: This story was updated on Monday.").is_empty());
        assert!(broad("The Mayor Of The Old Town Said: the bridge will open in May.").is_empty());
    }
}
