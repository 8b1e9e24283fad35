//! Colon lead-ins. In the broad sense only, labelled lines: a line that opens with a short label
//! and a colon, as transcripts and headlines write them ("PENCE: Well, look, …", "Poll: Voters
//! Abandon Party"). What follows the colon is the label's statement. In both senses, a paragraph
//! that ends "… he said:" introduces the paragraph after it, quoted as a block without marks.

use super::{Attribution, Doc, State};
use crate::lexicon::VerbClass;
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

/// Paragraphs that end in a cue and a colon, with the paragraph they introduce.
pub(super) fn run_lead_ins(doc: &Doc<'_>, state: &mut State) {
    for pair in doc.paragraph_tokens.windows(2) {
        if let Some(a) = cue_colon_paragraph(doc, state, pair[0].clone(), pair[1].clone()) {
            state.push(doc, a);
        }
    }
}

/// Farthest cue before the colon that ends a lead-in, in tokens: "observing of the candidate:".
const MAX_CUE_TO_COLON: usize = 6;

/// S V: / PARAGRAPH. A lead-in ends its paragraph with a verb of saying and a colon; the next
/// paragraph, without quotation marks, is what was said.
///
/// Example: In a speech last July, the governor said:
fn cue_colon_paragraph(
    doc: &Doc<'_>,
    state: &State,
    lead: std::ops::Range<usize>,
    next: std::ops::Range<usize>,
) -> Option<Attribution> {
    let colon = lead.end.checked_sub(1)?;
    if colon <= lead.start || !doc.is_punct(colon, &[":"]) || next.is_empty() {
        return None;
    }
    if doc.is_quote_mark(next.start) || doc.token_quote[colon].is_some() {
        return None;
    }
    let floor = colon.saturating_sub(MAX_CUE_TO_COLON).max(lead.start);
    let cue = (floor..colon)
        .rev()
        .filter(|&k| !state.cue_used[k])
        .find_map(|k| crate::cues::cue_at(doc, k))
        .filter(|c| {
            matches!(c.class, VerbClass::Speech | VerbClass::Manner)
                || state.broad && c.class != VerbClass::Stance
        })?;
    let sentence = doc.sentence_range(cue.first);
    let mention = if cue.participle {
        super::reported::main_subject(doc, &sentence, cue.first)
    } else {
        super::speaker::speaker_before(doc, cue.first, sentence.start)
    };
    // "(Note: … we add:": a lead-in names its speaker.
    mention?;
    let mut last = next.end - 1;
    while last > next.start && doc.tokens[last].kind == TokenKind::Punct && doc.is_terminal(last) {
        last -= 1;
    }
    let quote = Span::new(doc.tokens[next.start].span.start, doc.tokens[last].span.end);
    let words = (next.start..=last).filter(|&k| doc.is_word(k)).count();
    // Already someone's: a statement of its own inside the paragraph.
    let taken = state.overlaps_statement(quote);
    if words < MIN_CONTENT_WORDS || taken {
        return None;
    }
    Some(Attribution {
        kind: Kind::Indirect,
        quote,
        mention,
        cue: Some(cue),
        inherits: None,
        confidence: 0.5,
        rule: "cue_colon_paragraph",
    })
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
    fn a_lead_in_ending_in_a_colon_introduces_the_next_paragraph() {
        let text = "In a speech last July, the governor said:\n\nThe bridge will open in May, \
                    and it will be safe.\n\nShe left.";
        let got = crate::attribute::texts(text);
        assert_eq!(got[0].0, "The bridge will open in May, and it will be safe");
        assert_eq!(got[0].1.as_deref(), Some("the governor"));
        // A quotation after the colon is the direct rules'.
        let got = broad("The governor said:\n\n“The bridge will open in May.”");
        assert!(
            got.iter().all(|g| g.0 != "The bridge will open in May"),
            "{got:?}"
        );
    }

    #[test]
    fn notes_and_long_labels_are_not_speakers() {
        assert!(broad("Editor’s note: This story was updated on Monday.").is_empty());
        assert!(broad("The Mayor Of The Old Town Said: the bridge will open in May.").is_empty());
    }
}
