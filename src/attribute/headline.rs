//! Headlines, in the broad sense only: a title in capitals whose verb of saying or stance
//! attributes the rest of the line to the words before it.

use super::{Attribution, Doc, State};
use crate::cues::headline_cue_at;
use crate::mentions::mention_before;
use crate::statement::Kind;
use crate::tokens::TokenKind;

/// Longest headline, in tokens.
const MAX_HEADLINE_TOKENS: usize = 30;
/// Fewest words after the cue.
const MIN_CONTENT_WORDS: usize = 2;

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for para in doc.paragraph_tokens.iter() {
        if para.len() > MAX_HEADLINE_TOKENS || !is_headline(doc, para.clone()) {
            continue;
        }
        if let Some(a) =
            (para.start + 1..para.end).find_map(|k| headline_verb(doc, state, k, para.end))
        {
            state.push(doc, a);
        }
    }
}

/// Capitalised words throughout (short function words aside), and no full stop before the
/// last token: "Pence Endorses Ryan With Trump’s Blessing".
fn is_headline(doc: &Doc<'_>, para: std::ops::Range<usize>) -> bool {
    let (mut words, mut content) = (0, 0);
    for k in para.clone().filter(|&k| doc.is_word(k)) {
        words += 1;
        if doc.word(k).chars().count() > 3 {
            if !doc.tokens[k].upper {
                return false;
            }
            content += 1;
        }
    }
    words >= 3
        && content >= 2
        && (para.start..para.end.saturating_sub(1)).all(|k| !doc.is_terminal(k))
}

/// SUBJECT VERB REST: the rest of the headline is what the subject said or stood for.
///
/// Example: Mayor Says Bridge Will Open in May
fn headline_verb(doc: &Doc<'_>, state: &State, k: usize, end: usize) -> Option<Attribution> {
    if state.cue_used[k] || doc.token_quote[k].is_some() {
        return None;
    }
    let cue = headline_cue_at(doc, k)?;
    let lo = doc.paragraph_range(k).start;
    let speaker = mention_before(doc, k, lo)?;
    // The subject opens the headline: "Hillary Clinton| Calls …".
    if speaker.first != lo {
        return None;
    }
    let mut last = end - 1;
    while last > k && doc.tokens[last].kind == TokenKind::Punct && !doc.is_quotation_mark(last) {
        last -= 1;
    }
    let words = (k + 1..=last).filter(|&j| doc.is_word(j)).count();
    if words < MIN_CONTENT_WORDS {
        return None;
    }
    Some(Attribution {
        kind: Kind::Indirect,
        quote: doc.tokens_span(k + 1, last),
        mention: Some(speaker),
        cue: Some(cue),
        inherits: None,
        confidence: 0.4,
        rule: "headline_verb",
    })
}

#[cfg(test)]
mod tests {
    use crate::attribute::broad_texts as broad;

    #[test]
    fn a_headline_verb_attributes_the_rest_of_the_line() {
        let got =
            broad("Mayor Jane Roe Says Bridge Will Open in May\n\nThe mayor spoke on Monday.");
        assert_eq!(
            got[0],
            (
                "Bridge Will Open in May".to_string(),
                Some("Mayor Jane Roe".to_string()),
                Some("Says".to_string())
            )
        );
    }

    #[test]
    fn prose_and_subjectless_titles_are_no_headlines() {
        assert!(broad("Calls Grow for a New Bridge in Town\n\nThe mayor spoke.").is_empty());
        assert!(broad("The Mayor Says. Bridge Will Open in May").is_empty());
    }
}
