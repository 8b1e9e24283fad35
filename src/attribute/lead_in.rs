//! Pass 4: a quotation standing as a sentence of its own right after a sentence about someone,
//! with no cue: the news convention of naming the speaker first ("The minister addressed
//! reporters on Friday. “We are ready.”").

use super::{Attribution, State};
use crate::doc::Doc;
use crate::lexicon::Gender;
use crate::mentions::mention_after;
use crate::statement::{Kind, SpeakerType};
use crate::tokens::TokenKind;

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for qi in 0..doc.quotes.len() {
        if state.quote_used[qi] {
            continue;
        }
        if let Some(a) = subject_sentence_then_quote(doc, state, qi) {
            state.quote_used[qi] = true;
            state.push(doc, a);
        }
    }
}

/// S VERB …. “Q.” — the quotation is its own sentence, in the same paragraph as the sentence
/// before it, which opens with a speaker and holds no statement of its own.
///
/// Example: The minister addressed reporters on Friday. “We are ready.”
fn subject_sentence_then_quote(doc: &Doc<'_>, state: &State, qi: usize) -> Option<Attribution> {
    let q = doc.quotes[qi].span;
    let first = doc.token_at(q.start);
    let sentence = doc.sentence_range(first);
    let last = doc.token_at(q.end.saturating_sub(1));
    // The quotation is the whole sentence, closing punctuation aside.
    let whole = sentence.start == first
        && (last + 1..sentence.end).all(|k| doc.tokens[k].kind == TokenKind::Punct);
    if !whole || sentence.start == 0 {
        return None;
    }
    let before = doc.sentence_range(sentence.start - 1);
    // Or the paragraph before, when it leads in with a colon: "Jane Roe says: ¶ “Q.”"
    let lead_in = doc.is_punct(before.end - 1, &[":"])
        && doc.paragraph_of(before.start) + 1 == doc.paragraph_of(first);
    if doc.paragraph_of(before.start) != doc.paragraph_of(first) && !lead_in
        || (before.start..before.end).any(|k| doc.token_quote[k].is_some())
    {
        return None;
    }
    let m = mention_after(doc, before.start, before.end)?;
    let speaker = match m.kind {
        SpeakerType::Person | SpeakerType::Organization => true,
        // "he", "she", "they"; "it" is seldom someone.
        SpeakerType::Pronoun => m.gender != Gender::Neuter,
        _ => false,
    };
    let verb_follows = doc
        .tokens
        .get(m.last + 1)
        .is_some_and(|t| t.kind == TokenKind::Word && !t.upper);
    let stated_before = state
        .by_start
        .range((doc.tokens[before.start].span.start, 0)..(q.start, 0))
        .next()
        .is_some();
    if !speaker || !verb_follows || stated_before || m.first != before.start {
        return None;
    }
    Some(Attribution {
        kind: Kind::Direct,
        quote: q,
        mention: Some(m),
        cue: None,
        inherits: None,
        confidence: 0.6,
        rule: "subject_sentence_then_quote",
    })
}

#[cfg(test)]
mod tests {
    use super::super::texts;

    #[test]
    fn subject_sentence_then_quote() {
        let got = texts("The minister addressed reporters on Friday. “We are ready.”");
        assert_eq!(
            got,
            [(
                "“We are ready.”".to_string(),
                Some("The minister".to_string()),
                None,
                "subject_sentence_then_quote"
            )]
        );
    }

    #[test]
    fn not_across_paragraphs() {
        assert!(texts("The minister addressed reporters.\n\n“We are ready.”").is_empty());
    }

    #[test]
    fn across_paragraphs_after_a_colon() {
        let got = texts("The minister listed her reasons:\n\n“We are ready. We have waited.”");
        assert_eq!(got[0].1.as_deref(), Some("The minister"));
        assert_eq!(got[0].3, "subject_sentence_then_quote");
    }

    #[test]
    fn not_after_a_sentence_without_a_speaker_subject() {
        assert!(texts("It rained all day. “We are ready.”").is_empty());
    }
}
