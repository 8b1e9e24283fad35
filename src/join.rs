//! Each attribution as one statement over all its pieces, as PolNeAR annotates them: “A,” she
//! said, “B.” gives one statement from the opening mark of A to the closing mark of B, the
//! attribution included; so does reported speech split by its attribution ("A, she said, B"), a
//! quotation that goes on into the next paragraphs or past its attribution ("“A,” he said, that
//! B"), and a quoted description with the rest of its sentence. GGT, and whosaid by default, keep
//! the pieces apart.
//!
//! A report made inside the attribution (“A,” she said, referring to the flood. “B.”) goes into
//! the joined statement and stays a statement of its own, nested in it, as PolNeAR annotates it:
//! the only case where statements overlap, and then one lies wholly inside the other.

use crate::doc::Doc;
use crate::statement::{Kind, Statement};

/// Merges the pieces of each attribution into one statement and widens each over the rest of
/// what it covers (see the module documentation). `statements` are in document order and never
/// overlap; the result is in order of start (an outer statement before those nested in it), and
/// two of its statements either lie apart or one inside the other.
pub fn join_split_quotes(doc: &Doc<'_>, statements: Vec<Statement>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::with_capacity(statements.len());
    let mut nested: Vec<Statement> = Vec::new();
    let mut rest = statements.into_iter().peekable();
    while let Some(s) = rest.next() {
        let Some(prev) = out.last_mut() else {
            out.push(s);
            continue;
        };
        if continues(doc, prev, &s) {
            absorb(prev, s);
            continue;
        }
        // “A,” Trump said, referring to the debate. “B.”: reports inside the attribution go
        // into the joined quotation, and stay statements nested in it.
        if in_attribution(doc, prev, &s) {
            let mut inside = vec![s];
            while inside.len() < MAX_REPORTS_IN_ATTRIBUTION
                && let Some(n) = rest.next_if(|n| in_attribution(doc, prev, n))
            {
                inside.push(n);
            }
            if let Some(next) = rest.next_if(|next| continues(doc, prev, next)) {
                absorb(prev, next);
                nested.extend(inside);
            } else {
                out.extend(inside);
            }
            continue;
        }
        out.push(s);
    }
    for i in 0..out.len() {
        let floor = i.checked_sub(1).map_or(0, |p| out[p].quote.end);
        let limit = out.get(i + 1).map_or(doc.text.len(), |n| n.quote.start);
        let s = &out[i];
        let (mut start, mut end) = (s.quote.start, s.quote.end);
        // Each extension reads only up to the statements beside it: linear in a run of them.
        if let Some(e) = continued_after_attribution(doc, s, limit)
            .or_else(|| described_to_sentence_end(doc, s, limit))
        {
            end = e;
        }
        if let Some((a, b)) = around_parenthetical(doc, s, floor, limit) {
            (start, end) = (a, b.max(end));
        }
        out[i].quote = crate::Span::new(start, end);
    }
    if !nested.is_empty() {
        out.extend(nested);
        // Stable: an outer statement comes before those inside it.
        out.sort_by_key(|s| (s.quote.start, std::cmp::Reverse(s.quote.end)));
    }
    out
}

/// Most reports in one attribution that a joined quotation takes in.
const MAX_REPORTS_IN_ATTRIBUTION: usize = 4;

/// These sources, the lawyers said, “all command one conclusion” that he complies.: a
/// quotation after an attribution set off inside its sentence. The whole sentence (before its
/// final punctuation).
fn around_parenthetical(
    doc: &Doc<'_>,
    s: &Statement,
    floor: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    if s.rule != "speaker_cue_then_quote" {
        return None;
    }
    let m = doc.token_at(s.speaker?.start);
    let sentence = doc.sentence_range(m);
    let comma = m.checked_sub(1)?;
    let open = doc.token_at(s.quote.start);
    if comma <= sentence.start
        || !doc.is_punct(comma, &[","])
        || !doc.is_punct(open.checked_sub(1)?, &[","])
        || doc.tokens[sentence.start].span.start < floor
        || doc.tokens[sentence.end - 1].span.end > limit
    {
        return None;
    }
    // What comes before is part of the statement, not an opening adverbial ("In response,"):
    // a clause ("If he would debate, Roe said, “…”") or the subject of the quoted words
    // ("Clinton, an aide said, “is very confident”").
    let clause = (sentence.start..comma).any(|k| doc.tokens[k].info.is_some_and(|x| x.finite));
    // Quotations are in document order.
    let q = doc.quotes.partition_point(|q| q.span.start < s.quote.start);
    let continued = doc.text[doc.quotes.get(q)?.inner()]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    if !clause && !continued {
        return None;
    }
    let last = last_before_final_punctuation(doc, sentence.end, m + 1)?;
    Some((
        doc.tokens[sentence.start].span.start,
        doc.tokens[last].span.end,
    ))
}

/// Sen. Roe called it a “paperwork error” that was reported in a “hit piece”: a description in
/// quotation marks runs on to the end of its sentence.
fn described_to_sentence_end(doc: &Doc<'_>, s: &Statement, limit: usize) -> Option<usize> {
    if s.rule != "speaker_describes_as_quote" {
        return None;
    }
    let k = doc.token_at(s.quote.end);
    let sentence = doc.sentence_range(k.checked_sub(1)?);
    let last = last_before_final_punctuation(doc, sentence.end, k)?;
    (doc.tokens[last].span.end <= limit).then(|| doc.tokens[last].span.end)
}

/// The last token from `first` of the sentence ending before token `end` that is neither its
/// final punctuation nor a stray mark after it.
fn last_before_final_punctuation(doc: &Doc<'_>, end: usize, first: usize) -> Option<usize> {
    (first..end)
        .rev()
        .find(|&k| !(doc.is_terminal(k) || doc.is_quote_mark(k) && doc.token_quote[k].is_none()))
}

/// Fewest words of an unquoted continuation after an attribution.
const MIN_CONTINUATION_WORDS: usize = 2;

/// “It's our bad luck,” he said, that both men went there.: a quotation whose sentence goes on
/// after its attribution, past a comma, with more of what was said. The end of that sentence
/// (before its final punctuation).
fn continued_after_attribution(doc: &Doc<'_>, s: &Statement, limit: usize) -> Option<usize> {
    let cue = s.cue?;
    if s.kind == Kind::Indirect || cue.start < s.quote.end {
        return None;
    }
    let attribution_end = s.speaker.map_or(cue.end, |m| m.end.max(cue.end));
    let comma = doc.token_at(attribution_end);
    if !doc.is_punct(comma, &[","])
        || doc.sentence_of(comma) != doc.sentence_of(doc.token_at(cue.start))
    {
        return None;
    }
    let sentence = doc.sentence_range(comma);
    let last = last_before_final_punctuation(doc, sentence.end, comma + 1)?;
    if doc.tokens[last].span.end > limit {
        return None;
    }
    let words = (comma + 1..=last).filter(|&k| doc.is_word(k)).count();
    // More of the statement, not an appositive or an adverbial: "that …", a finite verb ("would
    // use"), or a quotation ("and still “got to sit in”").
    let next = comma + 1;
    let goes_on = doc.is_word(next)
        && !doc.tokens[next].upper
        && (doc.word(next) == "that" || doc.tokens[next].info.is_some_and(|x| x.finite))
        || (next..=last).any(|k| doc.is_quotation_mark(k));
    (goes_on && words >= MIN_CONTINUATION_WORDS).then(|| doc.tokens[last].span.end)
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
    // A quotation beside a report of the same speaker goes on with it: "Roe said the plan
    // failed. “We tried everything.”"
    if next.rule == "quote_beside_statement"
        && next.speaker_name == prev.speaker_name
        && doc.seg.paragraph_at(prev.quote.start) == doc.seg.paragraph_at(next.quote.start)
    {
        return true;
    }
    // The first piece may be mixed: Prices are “too high,” she said. “We will act.”
    matches!(prev.kind, Kind::Direct | Kind::Mixed)
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
    fn a_mixed_first_piece_joins_the_quotation_after_it() {
        let text = "Prices are “far too high,” the mayor said. “We will act on it.”";
        assert_eq!(joined(text), vec![text.to_string()]);
    }

    #[test]
    fn a_quotation_beside_a_report_of_its_speaker_goes_on_with_it() {
        let text = "The mayor said the bridge would open on Monday. “We have waited long enough.”";
        assert_eq!(
            joined(text),
            vec!["the bridge would open on Monday. “We have waited long enough.”".to_string()]
        );
        assert_eq!(crate::extract(text).len(), 2);
    }

    #[test]
    fn a_quoted_description_runs_to_the_end_of_its_sentence() {
        let text = "Jane Roe called it a “paperwork error” that a rival paper made up.";
        assert_eq!(
            joined(text),
            vec!["it a “paperwork error” that a rival paper made up".to_string()]
        );
    }

    #[test]
    fn a_quotation_around_a_parenthetical_attribution() {
        for text in [
            "If the mayor would debate, Jane Roe said, “I will help you.”",
            "The plan, an aide said, “is very sound” and will pass.",
        ] {
            assert_eq!(joined(text), vec![text.trim_end_matches('.').to_string()]);
        }
        // An opening adverbial is no part of it.
        let text = "In response, Jane Roe said, “I will help you.”";
        assert_eq!(joined(text), vec!["“I will help you.”".to_string()]);
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
    fn a_report_inside_the_attribution_joins_the_quotation_and_stays_nested() {
        let text =
            "“We are ready,” the mayor said, referring to the flood. “The bridge opens Monday.”";
        assert_eq!(joined(text), vec![text.to_string()]);
        // In the broad sense "referring to the flood" is a statement: nested in the joined one.
        let broad = Extractor {
            join_split_quotes: true,
            broad: true,
            ..Extractor::default()
        };
        let got: Vec<&str> = broad.extract(text).iter().map(|s| &text[s.quote]).collect();
        assert_eq!(got, [text, "the flood"]);
    }

    #[test]
    fn a_sentence_that_goes_on_after_the_attribution() {
        let text = "“It was bad luck,” he said, that both men went to that mosque.";
        assert_eq!(
            joined(text),
            vec!["“It was bad luck,” he said, that both men went to that mosque".to_string()]
        );
        // An appositive or an adverbial is no more of the quotation.
        for text in [
            "“It was bad luck,” said Jane Roe, a teacher at the school.",
            "“It was bad luck,” she said, in a speech on Monday.",
        ] {
            assert_eq!(
                joined(text),
                vec![text[..text.find(" s").unwrap()].to_string()]
            );
        }
    }

    #[test]
    fn other_speakers_and_paragraphs_stay_apart() {
        let text = "“We are ready,” the mayor said. “We are not,” Jane Roe said.";
        assert_eq!(joined(text).len(), 2);
        let text = "“We are ready,” Jane Roe said.\n\n“The bridge opens Monday,” Roe added.";
        assert_eq!(joined(text).len(), 2);
    }
}
