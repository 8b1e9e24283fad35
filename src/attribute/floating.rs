//! Pass 3: quotations left over that belong to a statement nearby. They carry no speaker
//! mention of their own (the speaker was named before), only the statement they inherit from.

use super::{Attribution, State};
use crate::doc::Doc;
use crate::statement::Kind;

/// How many paragraphs back a floating quote may find its speaker.
const MAX_FLOATING_DISTANCE: usize = 3;
/// How many statements on each side of a quotation, by position, the rules below look at: all of
/// them in any real article, a bounded number in a run of thousands (scanning every statement for
/// every quotation was quadratic: 1.3 s for 20,000 “a,” she said. “b.”).
const MAX_NEARBY: usize = 256;

type Rule = fn(&Doc<'_>, &State, usize) -> Option<Attribution>;

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for qi in 0..doc.quotes.len() {
        if state.quote_used[qi] {
            continue;
        }
        let rules: [Rule; 3] = [quote_continuation, floating_quote, quote_beside_statement];
        let found = rules.iter().find_map(|rule| rule(doc, state, qi));
        let found = found.or_else(|| state.broad.then(|| quote_alone(doc, state, qi)).flatten());
        if let Some(a) = found {
            state.quote_used[qi] = true;
            state.push(doc, a);
        }
    }
    continuation_before_attribution(doc, state);
}

fn inherited(
    doc: &Doc<'_>,
    qi: usize,
    from: usize,
    confidence: f32,
    rule: &'static str,
) -> Attribution {
    let _ = doc;
    Attribution {
        kind: Kind::Direct,
        quote: doc.quotes[qi].span,
        mention: None,
        cue: None,
        inherits: Some(from),
        confidence,
        rule,
    }
}

/// The statement whose quote is `span`'s, if any.
fn statement_of(state: &State, doc: &Doc<'_>, qi: usize) -> Option<usize> {
    let span = doc.quotes[qi].span;
    // Containing or contained, a statement starts before the quotation ends.
    state
        .by_start
        .range(..=(span.end, usize::MAX))
        .rev()
        .take(MAX_NEARBY)
        .map(|&(_, i)| i)
        .filter(|&i| state.out[i].quote.contains(span) || span.contains(state.out[i].quote))
        .min()
}

/// The latest statement before byte `pos` with a speaker (its own or inherited).
fn latest_before(state: &State, pos: usize) -> Option<usize> {
    state
        .by_start
        .range(..=(pos, usize::MAX))
        .rev()
        .take(MAX_NEARBY)
        .map(|&(_, i)| (i, &state.out[i]))
        .filter(|(_, a)| a.quote.end <= pos && (a.mention.is_some() || a.inherits.is_some()))
        .max_by_key(|&(i, a)| (a.quote.end, i))
        .map(|(i, _)| i)
}

/// A piece of a quotation that runs over paragraphs takes the speaker of the piece before.
///
/// Example: “We will meet again. ¶ “And we will agree,” she said. (the first piece, left open)
fn quote_continuation(doc: &Doc<'_>, state: &State, qi: usize) -> Option<Attribution> {
    if qi == 0 || !doc.quotes[qi].continues {
        return None;
    }
    let from = statement_of(state, doc, qi - 1)?;
    Some(inherited(doc, qi, from, 0.8, "quote_continuation"))
}

/// A paragraph that is only a quotation, after a statement whose speaker was named.
///
/// Example: “We agreed,” Zakharova said. ¶ “The next round will be in Moscow.”
fn floating_quote(doc: &Doc<'_>, state: &State, qi: usize) -> Option<Attribution> {
    let q = doc.quotes[qi];
    let open = doc.token_at(q.open.start);
    let para = doc.paragraph_range(open);
    let close = doc.token_at(q.span.end);
    let only_quote = para.start == open
        && (close..para.end).all(|k| doc.is_terminal(k) || doc.is_punct(k, &[","]));
    // A quoted subheading ('Hard to be in such close quarters') is no statement.
    let inner = q.inner_trimmed(doc.text);
    if !only_quote || !inner.ends_with(['.', '?', '!', '…', ',']) && !q.is_open_ended() {
        return None;
    }
    let from = latest_before(state, q.span.start)?;
    let distance =
        doc.seg.paragraph_at(q.span.start) - doc.seg.paragraph_at(state.out[from].quote.start);
    (distance <= MAX_FLOATING_DISTANCE).then(|| inherited(doc, qi, from, 0.65, "floating_quote"))
}

/// A whole-sentence quotation in a paragraph whose other sentence names the speaker.
///
/// Example: Zakharova addressed reporters. “We agreed,” she said. “The next round is in Moscow.”
fn quote_beside_statement(doc: &Doc<'_>, state: &State, qi: usize) -> Option<Attribution> {
    let q = doc.quotes[qi];
    let open = doc.token_at(q.open.start);
    let para = doc.paragraph_range(open);
    // After a closing mark, not after an apostrophe: "on CBS’ “Face the Nation.”" is a title.
    // A conjunction may open the sentence: “…,” he said. But “….”
    let after_opener = |k: usize| {
        doc.tokens[k].upper
            && doc.tokens[k].info.is_some_and(|x| x.clause_opener)
            && (k == para.start || doc.is_terminal(k - 1))
    };
    let starts_sentence = open == para.start
        || doc.is_terminal(open - 1)
        || doc.is_quotation_mark(open - 1)
        || after_opener(open - 1);
    if !starts_sentence || !q.inner_trimmed(doc.text).ends_with(['.', '?', '!', '…']) {
        return None;
    }
    let para_span = doc.seg.paragraphs[doc.seg.paragraph_at(q.span.start)].span;
    let before = state
        .by_start
        .range((para_span.start, 0)..(q.span.start, 0))
        .rev()
        .take(MAX_NEARBY);
    let after = state
        .by_start
        .range((q.span.start, 0)..=(para_span.end, usize::MAX))
        .take(MAX_NEARBY);
    let from = before
        .chain(after)
        .map(|&(_, i)| (i, &state.out[i]))
        .filter(|(_, a)| para_span.contains(a.quote) && a.mention.is_some())
        .min_by_key(|&(i, a)| (a.quote.start.abs_diff(q.span.start), i))
        .map(|(i, _)| i)?;
    Some(inherited(doc, qi, from, 0.6, "quote_beside_statement"))
}

/// Fewest words of a quotation with no attribution that [`quote_alone`] reports.
const MIN_ALONE_WORDS: usize = 4;

/// In the broad sense only, a quotation of four words or more that no rule attributed is still a
/// statement: someone said it, though whoever it is was not found. Its speaker is left unknown
/// (the latest speaker nearby was seldom the right one), and its confidence is low, so any other
/// statement over it wins.
///
/// Example: The campaign ended on Friday. “We have done all we could, and it was not enough.”
fn quote_alone(doc: &Doc<'_>, state: &State, qi: usize) -> Option<Attribution> {
    let q = doc.quotes[qi];
    let inner = q.inner_trimmed(doc.text);
    inner.split_whitespace().nth(MIN_ALONE_WORDS - 1)?;
    // A quotation right after another one, in the same or the next paragraph, goes on with it.
    let from = latest_before(state, q.span.start).filter(|&from| {
        let before = &state.out[from];
        before.kind != Kind::Indirect
            && doc.seg.paragraph_at(q.span.start) <= doc.seg.paragraph_at(before.quote.end) + 1
    });
    let mut a = inherited(doc, qi, 0, 0.35, "quote_alone");
    a.inherits = from;
    Some(a)
}

/// The first piece of a quotation over paragraphs, when only a later piece was attributed:
/// “We will meet again. ¶ “And we will agree,” she said.
fn continuation_before_attribution(doc: &Doc<'_>, state: &mut State) {
    for qi in (0..doc.quotes.len().saturating_sub(1)).rev() {
        if state.quote_used[qi] || !doc.quotes[qi + 1].continues {
            continue;
        }
        if let Some(from) = statement_of(state, doc, qi + 1) {
            state.quote_used[qi] = true;
            state.push(doc, inherited(doc, qi, from, 0.75, "quote_continuation"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract;

    #[test]
    fn floating_quote_inherits_speaker() {
        let text = "“We agreed,” Maria Zakharova said.\n\n“The next round will be in Moscow.”";
        let got = extract(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].speaker, None);
        assert_eq!(got[1].speaker_name.as_deref(), Some("Maria Zakharova"));
        assert_eq!(got[1].rule, "floating_quote");
    }

    #[test]
    fn quote_beside_statement_inherits_speaker() {
        let text = "“We agreed,” Maria Zakharova said. “The next round will be in Moscow.”";
        let got = extract(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].speaker_name.as_deref(), Some("Maria Zakharova"));
    }

    #[test]
    fn quote_beside_statement_after_a_conjunction_or_ending_in_a_nested_quote() {
        for text in [
            "“We agreed,” Jane Roe said. But “the next round will be in Moscow.”",
            "“We agreed,” Jane Roe said. “Or they will say, ‘Let us meet in Moscow.’”",
        ] {
            let got = extract(text);
            assert_eq!(got.len(), 2, "{text}: {got:?}");
            assert_eq!(got[1].rule, "quote_beside_statement");
            assert_eq!(got[1].speaker_name.as_deref(), Some("Jane Roe"));
        }
    }

    #[test]
    fn quote_over_paragraphs_takes_the_speaker_of_its_last_piece() {
        let text = "“We will meet again in Moscow.\n\n“And we will agree on the embassies,” Maria Zakharova said.";
        let got = extract(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].speaker_name.as_deref(), Some("Maria Zakharova"));
        assert_eq!(got[0].rule, "quote_continuation");
        assert_eq!(got[1].speaker_name.as_deref(), Some("Maria Zakharova"));
    }

    #[test]
    fn quote_over_paragraphs_keeps_the_speaker_of_its_first_piece() {
        let text = "Maria Zakharova said: “We will meet again in Moscow.\n\n“And we will agree on the embassies.”";
        let got = extract(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].speaker_name.as_deref(), Some("Maria Zakharova"));
    }

    #[test]
    fn a_title_after_a_possessive_is_not_a_sentence() {
        let text = "“We will win,” Jane Doe said on CBS’ “Morning Show.”";
        let got = extract(text);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_quotation_alone_is_a_statement_in_the_broad_sense_only() {
        let text =
            "The campaign ended on Friday.\n\n“We have done all we could, and it was not enough.”";
        assert_eq!(extract(text).len(), 0);
        let broad = crate::Extractor {
            broad: true,
            ..crate::Extractor::default()
        };
        let got = broad.extract(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].rule, "quote_alone");
        assert_eq!(got[0].speaker, None);
        assert_eq!(got[0].speaker_name, None);
        // A short quoted phrase is no statement of its own.
        assert!(broad.extract("It was “a real mess” all week.").is_empty());
        // Right after a speaker's quotation, it goes on with it.
        let text = "“We agreed,” Jane Roe said.\n\nThe talks ran late. “We have done all we could, and it was not enough.”";
        let got = broad.extract(text);
        assert_eq!(
            got.last().unwrap().speaker_name.as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn unrelated_quote_far_away_gets_nothing() {
        let text = "“We agreed,” Maria Zakharova said.\n\nA.\n\nB.\n\nC.\n\nD.\n\n“Far away.”";
        assert_eq!(extract(text).len(), 1);
    }
}
