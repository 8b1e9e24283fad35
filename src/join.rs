//! Split quotations as one statement: “A,” she said, “B.” gives one statement from the opening
//! mark of A to the closing mark of B, the attribution included, as PolNeAR annotates them; so
//! does reported speech split by its attribution ("A, she said, B"). GGT, and whosaid by default,
//! keep the pieces apart.

use crate::doc::Doc;
use crate::statement::{Kind, Statement};

/// Merges runs of direct statements in one paragraph that have the same resolved speaker.
/// `statements` are in document order; so is the result.
pub fn join_split_quotes(doc: &Doc<'_>, statements: Vec<Statement>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::with_capacity(statements.len());
    let mut rest = statements.into_iter().peekable();
    while let Some(s) = rest.next() {
        if let Some(prev) = out.last_mut() {
            if continues(doc, prev, &s) {
                absorb(prev, s);
                continue;
            }
            // “A,” Trump said, referring to the debate. “B.”: a report inside the attribution
            // goes into the joined quotation (statements never overlap).
            if in_attribution(doc, prev, &s)
                && let Some(next) = rest.next_if(|next| continues(doc, prev, next))
            {
                absorb(prev, next);
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// `s` is a report in the sentence of the direct quotation `prev`, after it: in its attribution.
fn in_attribution(doc: &Doc<'_>, prev: &Statement, s: &Statement) -> bool {
    prev.kind == Kind::Direct
        && s.kind != Kind::Direct
        && s.quote.start >= prev.quote.end
        && prev.cue.is_some_and(|cue| {
            doc.sentence_of(doc.token_at(cue.start)) == doc.sentence_of(doc.token_at(s.quote.start))
        })
}

/// `next` is another piece of `prev`'s quotation: both direct, of one speaker, `next` has no
/// attribution of its own (“A,” he said, “B.” / “A,” he said. “B.”) and is in the same
/// paragraph or a paragraph that only carries the quotation on; “A,” he said. “B,” he added.
/// are two statements.
fn continues(doc: &Doc<'_>, prev: &Statement, next: &Statement) -> bool {
    // "A, he said, B.": two pieces of a report around one attribution.
    if prev.cue.is_some() && next.cue == prev.cue {
        return true;
    }
    prev.kind == Kind::Direct
        && next.kind == Kind::Direct
        && (next.cue.is_none() || next.cue == prev.cue)
        && prev.speaker_name == next.speaker_name
        && (doc.seg.paragraph_at(prev.quote.start) == doc.seg.paragraph_at(next.quote.start)
            // A paragraph that reopens the quotation, or is only a quotation that goes on.
            || matches!(next.rule, "quote_continuation" | "floating_quote"))
}

/// Widens `prev` over `next`, keeping whichever speaker mention, role and cue were written.
fn absorb(prev: &mut Statement, next: Statement) {
    prev.quote = crate::Span::new(prev.quote.start, next.quote.end);
    if prev.speaker.is_none() {
        prev.speaker = next.speaker;
        prev.speaker_role = next.speaker_role;
        prev.speaker_type = next.speaker_type;
    }
    if prev.cue.is_none() {
        prev.cue = next.cue;
        prev.cue_lemma = next.cue_lemma;
    }
    prev.confidence = prev.confidence.max(next.confidence);
    prev.sentences.1 = next.sentences.1;
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn joined(text: &str) -> Vec<String> {
        let extractor = Extractor {
            join_split_quotes: true,
            ..Extractor::default()
        };
        extractor
            .extract(text)
            .iter()
            .map(|s| text[s.quote].to_string())
            .collect()
    }

    #[test]
    fn a_split_quotation_is_one_statement() {
        let text = "“We are ready,” the mayor said. “The bridge opens Monday.”";
        assert_eq!(joined(text), vec![text.to_string()]);
        // By default the pieces stay apart.
        assert_eq!(crate::extract(text).len(), 2);
    }

    #[test]
    fn a_piece_with_its_own_attribution_stays_apart() {
        let text = "“We are ready,” the mayor said. “We are proud,” she added.";
        assert_eq!(joined(text).len(), 2);
        let text = "“We are ready,” the mayor said, “and we are proud.”";
        assert_eq!(joined(text), vec![text.to_string()]);
    }

    #[test]
    fn a_report_split_by_its_attribution_is_one_statement() {
        let text = "The bridge, the mayor said, would open in May.";
        assert_eq!(
            joined(text),
            vec!["The bridge, the mayor said, would open in May".to_string()]
        );
    }

    #[test]
    fn a_quotation_that_goes_on_in_the_next_paragraphs_is_one_statement() {
        // Reopened after an open-ended paragraph, or a paragraph that is only the quotation.
        let text =
            "“We are ready,” the mayor said. “The bridge opens Monday.\n\n“And the road in May.”";
        assert_eq!(joined(text), vec![text.to_string()]);
        let text = "“We are ready,” the mayor said.\n\n“The bridge opens Monday.”";
        assert_eq!(joined(text), vec![text.to_string()]);
    }

    #[test]
    fn a_report_inside_the_attribution_joins_the_quotation() {
        let text =
            "“We are ready,” the mayor said, referring to the flood. “The bridge opens Monday.”";
        assert_eq!(joined(text), vec![text.to_string()]);
    }

    #[test]
    fn other_speakers_and_paragraphs_stay_apart() {
        let text = "“We are ready,” the mayor said. “We are not,” Jane Roe said.";
        assert_eq!(joined(text).len(), 2);
        let text = "“We are ready,” Jane Roe said.\n\n“The bridge opens Monday,” Roe added.";
        assert_eq!(joined(text).len(), 2);
    }
}
