//! Attribution: ties quotations and reported clauses to speakers and cues.
//!
//! The rules run in three passes, each a module with one named function per rule:
//! 1. `direct`: each quotation with the cue and speaker beside it (“Q,” she said).
//! 2. `reported`: each unused cue with the clause it governs (S said that …; …, S said);
//!    `nominal`: speech written as a noun (S's statement that …); with `broad`, `object`: the
//!    object of a verb of saying or stance (S endorsed X), first `phrasal`: that of a verb in
//!    several words (S lashed out at X, S distanced herself from X).
//!    With `broad`, first `asked`: the question put in "Asked whether …, she said"; later
//!    `headline`: a title's verb ("Pence Endorses Ryan"); `expected`: "X is
//!    expected to …", an expectation whose holder goes unnamed.
//!    With `broad`, after the verb rules, `noun_complement`: an attribution written as a noun
//!    with its complement ("S's plan to …", "the idea that …", "S won support from H").
//!    With `broad`, after the floating rules, `label`: a line "LABEL: …" ("PENCE: Well, …").
//! 3. `floating`: quotations left over that belong to a statement nearby.
//! 4. `lead_in`: a quotation left over after a sentence about its speaker.
//!
//! Then overlapping candidates are settled: the one with the higher prior wins.

mod adjective;
mod as_said;
mod asked;
mod bylines;
mod direct;
mod expected;
mod floating;
mod headline;
mod in_source;
mod label;
mod lead_in;
mod nominal;
mod noun_complement;
mod object;
mod phrasal;
mod reported;
mod speaker;

use crate::cues::Cue;
pub use crate::doc::Doc;
use crate::mentions::Mention;
use crate::span::Span;
use crate::statement::Kind;
use std::collections::BTreeSet;

/// A statement before its speaker is resolved to a name.
#[derive(Debug, Clone)]
pub struct Attribution {
    pub kind: Kind,
    pub quote: Span,
    pub mention: Option<Mention>,
    pub cue: Option<Cue>,
    /// The statement this one takes its speaker from (floating quotes, continuations).
    pub inherits: Option<usize>,
    pub confidence: f32,
    pub rule: &'static str,
}

/// What the passes share: which quotations and cue tokens are taken.
struct State {
    out: Vec<Attribution>,
    /// `(quote start, index into out)` of every candidate, so the floating rules look only at
    /// the ones near a quotation.
    by_start: BTreeSet<(usize, usize)>,
    quote_used: Vec<bool>,
    cue_used: Vec<bool>,
    /// Attributions in the broad sense too (beliefs, documents); see [`crate::Extractor::broad`].
    broad: bool,
}

/// How many of the statements starting before a span [`State::inside_statement`] reads.
const MAX_ENCLOSING: usize = 4;

impl State {
    /// The span overlaps a statement found already that starts before its end (the last few
    /// such: bounded, so a run of lead-ins stays linear).
    fn overlaps_statement(&self, span: Span) -> bool {
        self.by_start
            .range(..(span.end, 0))
            .rev()
            .take(MAX_ENCLOSING)
            .any(|&(_, i)| self.out[i].quote.overlaps(span))
    }

    /// Token `k` may still open a statement: no cue took it, it stands outside quotation marks
    /// and outside the content of statements found already.
    fn free_at(&self, doc: &Doc<'_>, k: usize) -> bool {
        !self.cue_used[k]
            && doc.token_quote[k].is_none()
            && !self.inside_statement(doc.tokens[k].span)
    }

    /// A candidate whose cue lies inside the content of a statement found already stands on
    /// its own only after a clause boundary there, and the statement then ends before it:
    /// "Demonstrators said they want justice, but pledged to remain civil" is two statements,
    /// "aides said Obama believed in airing differences" one.
    fn split_nested(&mut self, doc: &Doc<'_>, a: &Attribution) -> bool {
        let Some(cue) = a.cue else { return true };
        let outer = self
            .by_start
            .range(..=(cue.span.start, usize::MAX))
            .rev()
            .take(MAX_ENCLOSING)
            .map(|&(_, i)| i)
            .find(|&i| self.out[i].quote.contains(cue.span));
        let Some(i) = outer else { return true };
        let outer = self.out[i].quote;
        let Some(lead) = lead_after_boundary(doc, a, outer) else {
            return false;
        };
        // A quotation in the part cut off would leave the statement's kind wrong: keep it whole.
        let mut cut_off = doc.token_at(lead)..doc.token_at(outer.end - 1) + 1;
        if self.out[i].kind != Kind::Indirect && cut_off.any(|k| doc.is_quote_mark(k)) {
            return false;
        }
        let Some(cut) = cut_outer(doc, outer, lead) else {
            return false;
        };
        self.out[i].quote = cut;
        true
    }

    /// The span lies inside the content of a statement found already.
    fn inside_statement(&self, span: Span) -> bool {
        self.by_start
            .range(..=(span.start, usize::MAX))
            .rev()
            .take(MAX_ENCLOSING)
            .any(|&(_, i)| self.out[i].quote.contains(span))
    }

    fn push(&mut self, doc: &Doc<'_>, a: Attribution) {
        if in_link_line(doc, a.quote) {
            return;
        }
        if let Some(c) = a.cue {
            for u in &mut self.cue_used[c.first..=c.last] {
                *u = true;
            }
        }
        self.by_start.insert((a.quote.start, self.out.len()));
        self.out.push(a);
    }
}

/// All attributions in the document, ordered by quote span, without overlapping quotes.
pub fn attribute(doc: &Doc<'_>, broad: bool) -> Vec<Attribution> {
    let mut state = State {
        out: Vec::new(),
        by_start: BTreeSet::new(),
        quote_used: vec![false; doc.quotes.len()],
        cue_used: vec![false; doc.tokens.len()],
        broad,
    };
    direct::run(doc, &mut state);
    if broad {
        asked::run(doc, &mut state);
    }
    reported::run(doc, &mut state);
    nominal::run(doc, &mut state);
    if broad {
        expected::run_seeming(doc, &mut state);
        expected::run(doc, &mut state);
        in_source::run(doc, &mut state);
        adjective::run(doc, &mut state);
        phrasal::run(doc, &mut state);
        object::run(doc, &mut state);
        headline::run(doc, &mut state);
        noun_complement::run(doc, &mut state);
    }
    floating::run(doc, &mut state);
    lead_in::run(doc, &mut state);
    label::run_lead_ins(doc, &mut state);
    if broad {
        label::run(doc, &mut state);
    }
    settle(doc, state.out)
}

/// The span lies in a paragraph that opens with a label in capitals and a colon and does not end
/// as a sentence does, as links to other stories are: "READ MORE: Minister says talks will
/// resume", "WATCH: … (Jan. 6)". Such a line is a headline, not a statement. (A run-in heading
/// opens prose: "ANALYSIS: Some experts say … .")
fn in_link_line(doc: &Doc<'_>, span: Span) -> bool {
    let Some(para) = doc
        .paragraph_tokens
        .get(doc.seg.paragraph_at(span.start))
        .cloned()
    else {
        return false;
    };
    // Most paragraphs open with a word in lower case or a single capital: no label.
    let words = para
        .clone()
        .take(4)
        .take_while(|&k| {
            doc.is_word(k) && {
                let w = doc.word(k);
                w.len() >= 2 && !w.chars().any(char::is_lowercase)
            }
        })
        .count();
    if words == 0 || !doc.is_punct(para.start + words, &[":"]) {
        return false;
    }
    let ends_sentence = (para.start..para.end)
        .rev()
        .find(|&k| !doc.is_quote_mark(k))
        .is_some_and(|k| doc.is_punct(k, &[".", "?", "!", "…"]));
    !ends_sentence
}

/// Drops candidates whose quote overlaps a stronger one; orders the rest; re-points `inherits`.
fn settle(doc: &Doc<'_>, mut found: Vec<Attribution>) -> Vec<Attribution> {
    let n = found.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        found[b]
            .confidence
            .total_cmp(&found[a].confidence)
            .then(found[a].quote.len().cmp(&found[b].quote.len()))
    });
    let mut keep = vec![false; n];
    // Kept quotes never overlap, so ordered by (start, end) their ends never decrease: of those
    // starting before a candidate ends, only the last can overlap it. Logarithmic per candidate,
    // where scanning every kept quote was quadratic in a run of 100,000 statements.
    let mut kept: BTreeSet<(usize, usize)> = BTreeSet::new();
    for i in order {
        let mut q = found[i].quote;
        let clash = |q: Span| {
            kept.range(..(q.end, 0))
                .next_back()
                .is_some_and(|&(start, end)| Span::new(start, end).overlaps(q))
        };
        if clash(q) {
            // "he said he found himself in tears … in what he called “the loneliest moment.”": a
            // report that runs into a stronger statement keeps what comes before it.
            let Some(cut) = cut_before(doc, &found[i], &kept).filter(|&c| !clash(c)) else {
                continue;
            };
            q = cut;
            found[i].quote = cut;
        }
        keep[i] = true;
        kept.insert((q.start, q.end));
    }
    let mut index: Vec<usize> = (0..n).filter(|&i| keep[i]).collect();
    index.sort_by_key(|&i| (found[i].quote.start, found[i].quote.end));
    let mut new_pos = vec![None; n];
    for (pos, &i) in index.iter().enumerate() {
        new_pos[i] = Some(pos);
    }
    for a in &mut found {
        a.inherits = a.inherits.and_then(|p| new_pos[p]);
    }
    let mut slots: Vec<Option<Attribution>> = found.into_iter().map(Some).collect();
    index.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Words that join a second clause to the first: "…, but pledged to …". ("and" and "which" join
/// more that PolNeAR reads as one statement than as two.)
const CLAUSE_JOINERS: &[&str] = &["but", "while", "whereas", "though", "although", "yet"];

/// Where the candidate's own words start (speaker, cue or content), when they lie inside
/// `outer` after a clause boundary: a comma, semicolon, dash or joining word.
fn lead_after_boundary(doc: &Doc<'_>, a: &Attribution, outer: Span) -> Option<usize> {
    let cue = a.cue?;
    let mut lead = a.quote.start.min(cue.span.start);
    // A speaker before the statement is shared: "S said A, but pledged B".
    if let Some(m) = a.mention.filter(|m| m.span.start > outer.start) {
        lead = lead.min(m.span.start);
    }
    if lead <= outer.start || a.quote.end > outer.end || cue.span.start < outer.start {
        return None;
    }
    let k = doc.token_at(lead);
    if k == 0 {
        return None;
    }
    let before = k - 1;
    // After a bare comma only a statement with a subject of its own: "…, 95 members favored";
    // and not the main clause after a subordinate one: "worried that if the state balked, the
    // firm could threaten to leave".
    let own_subject = a.mention.is_some_and(|m| m.span.start == lead);
    let boundary = doc.is_punct(before, &[";", "—", "–"])
        || doc.is_punct(before, &[","])
            && own_subject
            && !after_subordinate_clause(doc, outer, before)
        || joins_clauses(doc, before);
    boundary.then_some(lead)
}

/// The clause ending at the comma `comma` inside `outer` opens with a subordinator, after
/// "that" or at the start of the content: "(that) if the state balked,".
fn after_subordinate_clause(doc: &Doc<'_>, outer: Span, comma: usize) -> bool {
    let mut k = doc.token_at(outer.start);
    if doc.is_word(k) && !doc.tokens[k].upper && doc.word_in(k, &["that"]) {
        k += 1;
    }
    k < comma
        && doc.is_word(k)
        && reported::SUBORDINATORS
            .iter()
            .any(|w| doc.word(k).eq_ignore_ascii_case(w))
        && !(k + 1..comma).any(|j| doc.is_punct(j, &[",", ";"]))
}

/// Token `k` is one of the [`CLAUSE_JOINERS`].
fn joins_clauses(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_word(k) && !doc.tokens[k].upper && doc.word_in(k, CLAUSE_JOINERS)
}

/// `outer` cut short before the clause boundary ahead of `lead`, when three words or more are
/// left.
fn cut_outer(doc: &Doc<'_>, outer: Span, lead: usize) -> Option<Span> {
    let first = doc.token_at(outer.start);
    let mut last = doc.token_at(lead).checked_sub(1)?;
    while last > first
        && (doc.tokens[last].kind == crate::tokens::TokenKind::Punct && !doc.is_quote_mark(last)
            || joins_clauses(doc, last))
    {
        last -= 1;
    }
    let words = (first..=last).filter(|&k| doc.is_word(k)).take(3).count();
    (words >= 3 && last >= first).then(|| doc.tokens_span(first, last))
}

/// A reported clause cut short before the first kept statement inside it, when what is left
/// still reads as a clause (three words or more, not ending in a conjunction or preposition).
fn cut_before(doc: &Doc<'_>, a: &Attribution, kept: &BTreeSet<(usize, usize)>) -> Option<Span> {
    if a.kind == Kind::Direct {
        return None;
    }
    let q = a.quote;
    let &(inner, _) = kept.range((q.start, 0)..(q.end, 0)).next()?;
    let first = doc.token_at(q.start);
    let mut last = doc.token_at(inner).checked_sub(1)?;
    // Back over the words that lead into the inner statement: "in what he called".
    while last > first
        && (doc.tokens[last].kind == crate::tokens::TokenKind::Punct
            || doc.tokens[last]
                .info
                .is_some_and(|x| x.clause_opener || x.pronoun.is_some())
            || doc.tokens[last].verb()
            || doc.is_word(last)
                && [
                    "what", "in", "of", "to", "on", "at", "for", "with", "by", "as",
                ]
                .iter()
                .any(|w| doc.word(last).eq_ignore_ascii_case(w)))
    {
        last -= 1;
    }
    let words = (first..=last).filter(|&k| doc.is_word(k)).take(3).count();
    (words >= 3 && last >= first).then(|| doc.tokens_span(first, last))
}

/// For the rules' tests: each attribution of `text` as (quote, speaker, cue, rule) texts.
#[cfg(test)]
pub(crate) fn texts(text: &str) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
    let doc = Doc::new(text);
    attribute(&doc, false)
        .into_iter()
        .map(|a| {
            (
                text[a.quote].to_string(),
                a.mention.map(|m| text[m.span].to_string()),
                a.cue.map(|c| text[c.span].to_string()),
                a.rule,
            )
        })
        .collect()
}

/// For the broad-sense rules' tests: each statement of `text` as (quote, speaker, cue) texts.
#[cfg(test)]
pub(crate) fn broad_texts(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    crate::Extractor {
        broad: true,
        ..crate::Extractor::default()
    }
    .extract(text)
    .into_iter()
    .map(|s| {
        (
            text[s.quote].to_string(),
            s.speaker.map(|m| text[m].to_string()),
            s.cue.map(|c| text[c].to_string()),
        )
    })
    .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn link_lines_are_not_statements() {
        assert!(texts("READ MORE: Mayor says the new arena will open in spring").is_empty());
        assert!(texts("WATCH: What the minister called “a bad deal” (Jan. 6)").is_empty());
        let got = texts("ANALYSIS: Some experts say the vote will be close.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn the_main_clause_after_a_subordinate_one_is_no_second_statement() {
        let got = super::broad_texts(
            "Tenants worried that if the city sold the land, the owner could threaten to evict them.",
        );
        assert_eq!(
            got[0].0,
            "that if the city sold the land, the owner could threaten to evict them"
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_second_statement_after_a_clause_boundary_ends_the_first() {
        let got = super::broad_texts(
            "Demonstrators said they want justice for the victims, but pledged to remain civil.",
        );
        let quotes: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            quotes,
            ["they want justice for the victims", "to remain civil"]
        );
        assert_eq!(got[1].1.as_deref(), Some("Demonstrators"));
        let got = super::broad_texts(
            "Most teachers said they wanted to endorse Sanders, while 95 members favored Clinton.",
        );
        assert_eq!(got[0].0, "they wanted to endorse Sanders", "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("95 members"));
        // A quotation before the boundary stays with the first statement.
        let got = super::broad_texts(
            "Demonstrators said the plan “works well” for the victims, but pledged to remain civil.",
        );
        assert_eq!(got[0].0, "the plan “works well” for the victims", "{got:?}");
        // Without a boundary the verb is part of what was said.
        let got = super::broad_texts("Aides said Obama believed in airing differences.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    use super::texts;
}
