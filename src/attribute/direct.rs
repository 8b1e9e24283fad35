//! Pass 1: quotations with the cue and speaker beside them.

use super::speaker::{skip_adverbs_forward, speaker_before};
use super::{Attribution, State, bylines};
use crate::cues::{Cue, cue_at};
use crate::doc::Doc;
use crate::lexicon::VerbClass;
use crate::mentions::{Mention, mention_after};
use crate::span::Span;
use crate::statement::Kind;
use crate::tokens::TokenKind;

/// How far past a closing mark a cue may stand: “Q,” the U.S. State Department's spokesman said.
const MAX_AFTER_TOKENS: usize = 32;
/// How far before an opening mark a cue may stand: S said in a statement late Thursday: “Q”.
const MAX_BEFORE_TOKENS: usize = 10;

/// Fewest words of a quotation that follows its cue without a comma or colon.
const MIN_QUOTE_WORDS_WITHOUT_LEAD_IN: usize = 4;

/// The text at `span` has at least `n` words. Counts no further than `n`: quotations run long.
fn has_words(doc: &Doc<'_>, span: Span, n: usize) -> bool {
    n == 0 || doc.text[span].split_whitespace().nth(n - 1).is_some()
}

/// A quotation's place among the tokens.
pub(super) struct Site {
    pub(super) quote: usize,
    /// Opening mark token.
    pub(super) open: usize,
    /// First token after the quotation.
    pub(super) after: usize,
    /// Token range of the paragraph (of the opening mark / of the closing mark).
    pub(super) lo: usize,
    pub(super) hi: usize,
}

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for (qi, q) in doc.quotes.iter().enumerate() {
        let open = doc.token_at(q.open.start);
        let after = doc.token_at(q.span.end);
        if open >= doc.tokens.len() {
            continue;
        }
        let lo = doc.paragraph_range(open).start;
        let hi = if after > 0 {
            doc.paragraph_range(after - 1).end
        } else {
            lo
        };
        let site = Site {
            quote: qi,
            open,
            after,
            lo,
            hi,
        };
        let rules: [fn(&Doc<'_>, &Site) -> Option<Attribution>; 7] = [
            quote_then_speaker_cue,
            quote_then_cue_speaker,
            speaker_cue_then_quote,
            speaker_describes_as_quote,
            bylines::quote_then_dash_speaker,
            bylines::speaker_colon_quote,
            bylines::subject_clause_colon_quote,
        ];
        if let Some(a) = rules.iter().find_map(|rule| rule(doc, &site)) {
            state.quote_used[qi] = true;
            state.push(doc, a);
        }
    }
}

/// Sentence-final punctuation or a quote mark: a scan for a cue left of a quotation stops there.
/// Tested on the token's kind first: most tokens are words.
fn ends_clause(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Punct && (doc.is_terminal(k) || doc.is_quote_mark(k))
}

/// A cue that can attribute a quotation beside it.
fn quote_cue(doc: &Doc<'_>, i: usize) -> Option<Cue> {
    cue_at(doc, i).filter(|c| {
        matches!(c.class, VerbClass::Speech | VerbClass::Manner) && !c.is_according_to()
    })
}

/// The quotation opens a clause: at a paragraph or sentence start, or after `:`, `,`, `—`, `(`.
fn opens_clause(doc: &Doc<'_>, site: &Site) -> bool {
    site.open == site.lo
        || doc.is_punct(
            site.open - 1,
            &[".", "?", "!", ":", ",", "—", "–", "-", "(", ";", "…"],
        )
        || doc.is_quote_mark(site.open - 1)
}

/// The statement for a quotation: direct when it opens its clause, else mixed from the start of
/// its sentence ("Her time has been “life-changing,” she said").
pub(super) fn statement(
    doc: &Doc<'_>,
    site: &Site,
    mention: Option<Mention>,
    cue: Option<Cue>,
    confidence: f32,
    rule: &'static str,
) -> Attribution {
    let q = doc.quotes[site.quote];
    let (kind, quote) = if opens_clause(doc, site) {
        (Kind::Direct, q.span)
    } else {
        let first = doc.sentence_range(site.open).start.max(site.lo);
        (
            Kind::Mixed,
            Span::new(doc.tokens[first].span.start, q.span.end),
        )
    };
    Attribution {
        kind,
        quote,
        mention,
        cue,
        inherits: None,
        confidence,
        rule,
    }
}

/// The quotation's text inside its marks, up to its final punctuation.
fn inner_end<'t>(doc: &Doc<'t>, site: &Site) -> &'t str {
    doc.quotes[site.quote].inner_trimmed(doc.text)
}

/// The tokens from `from` up to the end of the clause that follows a quotation: stops at
/// sentence-final punctuation or another quotation's mark (not at an apostrophe: "Sanders'
/// campaign manager").
fn clause_end(doc: &Doc<'_>, from: usize, hi: usize, max: usize) -> usize {
    let mut k = from;
    while in_clause(doc, k, from, hi, max) {
        k += 1;
    }
    k
}

/// Token `k` is inside the clause [`clause_end`] finds from `from`. The kind first: most tokens
/// are words.
fn in_clause(doc: &Doc<'_>, k: usize, from: usize, hi: usize, max: usize) -> bool {
    k < hi
        && k - from < max
        && (doc.tokens[k].kind != TokenKind::Punct
            || !doc.is_terminal(k) && !doc.is_quotation_mark(k))
}

/// “Q,” S said. — the speaker, then the cue, after the closing mark.
///
/// Example: “It was constructive,” Russia's Foreign Ministry spokeswoman Maria Zakharova said.
fn quote_then_speaker_cue(doc: &Doc<'_>, site: &Site) -> Option<Attribution> {
    // “… what he represents.” ¶ Devine did not concede: the next line is not an attribution.
    if site.after < site.hi && doc.tokens[site.after].after_newline {
        return None;
    }
    let start = if doc.is_punct(site.after, &[","]) {
        site.after + 1
    } else {
        site.after
    };
    // The cues among the tokens up to the clause's end ([`clause_end`]), the end found on the
    // way: the cue mostly comes a word or two after the mark, well before the end.
    let in_clause = |k: usize| in_clause(doc, k, site.after, site.hi, MAX_AFTER_TOKENS);
    if !(site.after..=start).all(in_clause) {
        return None;
    }
    for k in (start + 1..).take_while(|&k| in_clause(k)) {
        let Some(cue) = quote_cue(doc, k) else {
            continue;
        };
        // After a determiner the form is a noun: “Q,” the report said.
        if doc.tokens[k - 1].info.is_some_and(|x| x.determiner) && !doc.tokens[k - 1].upper
            || doc.is_word(k - 1) && doc.word(k - 1) == "of"
        {
            continue;
        }
        // “… at the time.” Foster writes that …: after a quotation that ends its sentence, a cue
        // with a clause of its own opens the next statement.
        // So does a cue with an object: “… unhinged.” Rubio called the statement “…”.
        // So does a cue that introduces a quotation of its own: “… now.” He added, “What …”.
        if inner_end(doc, site).ends_with(['.', '?', '!'])
            && (super::reported::governs_clause(doc, &cue)
                || has_object(
                    doc,
                    &cue,
                    clause_end(doc, site.after, site.hi, MAX_AFTER_TOKENS),
                )
                || opens_quotation_after(doc, &cue, &[",", ":"]))
        {
            return None;
        }
        // A colon always leads into what follows: … “less advanced schools,” Trump said: “I …”.
        if opens_quotation_after(doc, &cue, &[":"]) {
            return None;
        }
        // To a question on the “privatization of jobs,” Roe said private firms cost more: a
        // quoted term inside the sentence, whose cue reports the clause after it.
        if doc.sentence_range(site.open).start < site.open
            && super::reported::governs_clause(doc, &cue)
        {
            return None;
        }
        let mut m = speaker_before(doc, k, start)?;
        // Only adverbs may come before the speaker: "then-Surrey mayoral candidate Doug McCallum".
        let lead = (start..m.first)
            .all(|j| doc.tokens[j].info.is_some_and(|x| x.adverb) || doc.is_punct(j, &["-"]));
        // A hyphenated modifier: “Q,” Texas-based Jane Roe said.
        let compound = m.first > start
            && (start..m.first).all(|j| doc.is_word(j) || doc.is_punct(j, &["-"]))
            && (start + 1..m.first).all(|j| doc.tokens[j].span.start == doc.tokens[j - 1].span.end)
            && (start..m.first).any(|j| doc.is_punct(j, &["-"]));
        if compound {
            // The modifier widens the mention, not the name.
            m.first = start;
            m.span = doc.tokens_span(start, m.last);
        } else if !lead {
            // Adjectives in a row may be set off by commas: “Q,” the tall, soft-spoken judge said.
            let described = m.first > start
                && doc.tokens[start].info.is_some_and(|x| x.determiner)
                && (start + 1..m.first).all(|j| {
                    doc.is_punct(j, &[",", "-"])
                        || doc.is_word(j) && !doc.tokens[j].upper && doc.tokens[j].info.is_none()
                });
            if !described {
                return None;
            }
            m = crate::mentions::classify(doc, start, m.last);
        }
        return Some(statement(
            doc,
            site,
            Some(m),
            Some(cue),
            0.9,
            "quote_then_speaker_cue",
        ));
    }
    None
}

/// A quotation opens after the cue and one of `marks` there: "He added, “…”", "said: “…”".
fn opens_quotation_after(doc: &Doc<'_>, cue: &Cue, marks: &[&str]) -> bool {
    let k = skip_adverbs_forward(doc, cue.last + 1, doc.tokens.len());
    if !doc.is_punct(k, marks) {
        return false;
    }
    let k = k + 1;
    k < doc.tokens.len()
        && doc.is_quote_mark(k)
        && doc.token_quote[k]
            .is_some_and(|q| doc.quotes[q as usize].span.start == doc.tokens[k].span.start)
}

/// The cue is followed, before `end`, by an object that opens with a determiner or a pronoun:
/// "called the statement", "told them".
fn has_object(doc: &Doc<'_>, cue: &Cue, end: usize) -> bool {
    let k = skip_adverbs_forward(doc, cue.last + 1, end);
    k < end
        && doc.is_word(k)
        && !doc.tokens[k].upper
        && doc.tokens[k]
            .info
            .is_some_and(|x| x.determiner || x.pronoun.is_some())
}

/// “Q,” said S. — the cue, then the speaker.
///
/// Example: “We agreed on joint steps,” said Maria Zakharova, the ministry's spokeswoman.
fn quote_then_cue_speaker(doc: &Doc<'_>, site: &Site) -> Option<Attribution> {
    let start = if doc.is_punct(site.after, &[","]) {
        site.after + 1
    } else {
        site.after
    };
    // Without a comma after the closing mark, the quotation ends its own sentence (“Q.” said S)
    // or it is a term inside one: “backstop” argue critics …
    let inner = inner_end(doc, site);
    if start == site.after && !inner.ends_with([',', '.', '?', '!', '…', '—', '-']) {
        return None;
    }
    let k = skip_adverbs_forward(doc, start, site.hi);
    let cue = quote_cue(doc, k)?;
    // "… a “bad earpiece,” claiming he had …": a participle after the quotation reports a clause
    // of its own; only a finite verb inverts with its speaker.
    if cue.participle {
        return None;
    }
    let m = mention_after(doc, skip_adverbs_forward(doc, k + 1, site.hi), site.hi)?;
    // "Joe Roe, host of “Morning Talk,” suggested the …": a title inside the subject, before
    // the verb; only a clause, its verb before the quotation or inside it, inverts with its
    // speaker ("Biden “has a role to play,” said Doyle").
    if !opens_clause(doc, site) {
        let first = doc.sentence_range(site.open).start.max(site.lo);
        if !super::reported::any_verb(doc, first, site.after) {
            return None;
        }
    }
    Some(statement(
        doc,
        site,
        Some(m),
        Some(cue),
        0.88,
        "quote_then_cue_speaker",
    ))
}

/// S said, “Q.” / S said: “Q.” / S told reporters: “Q.” — speaker and cue before the quotation.
///
/// Example: Zakharova said in a statement: “The talks were constructive.”
fn speaker_cue_then_quote(doc: &Doc<'_>, site: &Site) -> Option<Attribution> {
    if site.open == site.lo {
        return None;
    }
    let mut b = site.open;
    let lead_in = doc.is_punct(b - 1, &[",", ":"]);
    if lead_in {
        b -= 1;
    }
    // The cue is the nearest one before the mark, with only an object or adverbial between; or,
    // further back, the cue of the first piece of a split quotation (checked below).
    let floor = b.saturating_sub(MAX_AFTER_TOKENS).max(site.lo);
    let cue = (floor..b)
        .rev()
        .take_while(|&k| !ends_clause(doc, k))
        .find_map(|k| {
            // "wrote in an email:": after a determiner the form is a noun.
            quote_cue(doc, k)
                .filter(|_| !(k > 0 && doc.tokens[k - 1].info.is_some_and(|x| x.determiner)))
        })?;
    // `S said “Q”` without `,`/`:` counts only when the quotation follows the cue directly, and
    // is a sentence rather than a term ("predicts “renovictions”").
    if !lead_in
        && (cue.last + 1 != site.open
            || !has_words(
                doc,
                doc.quotes[site.quote].inner(),
                MIN_QUOTE_WORDS_WITHOUT_LEAD_IN,
            ))
    {
        return None;
    }
    // "said in his 2012 book, “An American Son.”": a title after the words it names.
    if cue.last + 1 < b && is_title(doc, site) {
        return None;
    }
    if b - cue.last > MAX_BEFORE_TOKENS {
        let m = mention_after(doc, cue.last + 1, b).filter(|m| after_split_quote(doc, &cue, m))?;
        let mut a = statement(
            doc,
            site,
            Some(m),
            Some(cue),
            0.85,
            "speaker_cue_then_quote",
        );
        (a.kind, a.quote) = (Kind::Direct, doc.quotes[site.quote].span);
        return Some(a);
    }
    let sentence_lo = doc.sentence_range(cue.first).start.max(site.lo);
    let m = speaker_before(doc, cue.first, sentence_lo)
        .or_else(|| {
            mention_after(doc, cue.last + 1, b)
                .filter(|m| m.last + 1 == b || lead_in && after_split_quote(doc, &cue, m))
        })
        // "S said “Q1,” and added: “Q2.”": the subject of coordinated verbs.
        .or_else(|| super::reported::subject(doc, &cue, sentence_lo));
    let confidence = if m.is_some() { 0.85 } else { 0.5 };
    if m.is_none() && !cue.participle {
        return None;
    }
    let mut a = statement(
        doc,
        site,
        m,
        Some(cue),
        confidence,
        "speaker_cue_then_quote",
    );
    a.kind = Kind::Direct;
    a.quote = doc.quotes[site.quote].span;
    Some(a)
}

/// “A,” said S, an economist at X, “B.”: the cue follows the first piece of a split quotation, so
/// the speaker after it may carry an appositive up to the second piece.
fn after_split_quote(doc: &Doc<'_>, cue: &Cue, m: &Mention) -> bool {
    // The closing mark, or a comma after it: “A”, said S, …
    let mut k = cue.first;
    if k > 0 && doc.is_punct(k - 1, &[","]) {
        k -= 1;
    }
    k > 0 && doc.is_quotation_mark(k - 1) && doc.is_punct(m.last + 1, &[","])
}

/// Longest title in quotation marks, in words.
const MAX_TITLE_WORDS: usize = 5;

/// The quotation is a short title: every word capitalised ("An American Son").
fn is_title(doc: &Doc<'_>, site: &Site) -> bool {
    let inner = doc.quotes[site.quote].inner();
    let words: Vec<&str> = doc.text[inner]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= MAX_TITLE_WORDS
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// S described X as “Q”. / S called it “Q”. — a verb of manner with its object and the quotation.
///
/// Example: Zakharova described the discussions in Istanbul as “constructive and businesslike.”
fn speaker_describes_as_quote(doc: &Doc<'_>, site: &Site) -> Option<Attribution> {
    let sentence = doc.sentence_range(site.open);
    let lo = sentence.start.max(site.lo);
    let floor = site.open.saturating_sub(MAX_BEFORE_TOKENS).max(lo);
    let cue = (floor..site.open)
        .rev()
        .take_while(|&k| !ends_clause(doc, k))
        .find_map(|k| cue_at(doc, k).filter(|c| c.class == VerbClass::Manner))?;
    // "would call a porter “George”" is no statement; nor is "an app called “Meter”" (a noun
    // before the cue is what is named, not who names it).
    if cue.first > lo
        && doc.is_word(cue.first - 1)
        && matches!(
            doc.word(cue.first - 1),
            "would" | "could" | "might" | "may" | "will"
        )
    {
        return None;
    }
    // "…, calling it “a paperwork error”": a participle's speaker is its sentence's subject.
    let m = speaker_before(doc, cue.first, lo).or_else(|| {
        let after_comma = cue.participle && cue.first > lo && doc.is_punct(cue.first - 1, &[","]);
        after_comma
            .then(|| mention_after(doc, lo, cue.first))
            .flatten()
            .filter(|m| {
                doc.tokens[m.last].upper || m.kind == crate::statement::SpeakerType::Pronoun
            })
    })?;
    // A common noun right before the cue is what is named: "an app called “Meter”".
    let before = &doc.tokens[cue.first - 1];
    let thing = m.last + 1 == cue.first
        && !before.upper
        && before
            .info
            .is_none_or(|x| x.pronoun.is_none() && x.role.is_none() && !x.group && !x.org);
    if thing {
        return None;
    }
    let q = doc.quotes[site.quote];
    let quote = Span::new(doc.tokens[cue.last + 1].span.start, q.span.end);
    Some(Attribution {
        kind: Kind::Mixed,
        quote,
        mention: Some(m),
        cue: Some(cue),
        inherits: None,
        confidence: 0.75,
        rule: "speaker_describes_as_quote",
    })
}

#[cfg(test)]
mod tests {

    fn run(text: &str) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
        crate::attribute::texts(text)
    }

    #[test]
    fn a_quoted_term_before_a_cue_with_a_clause_is_not_its_content() {
        let got = run("Asked about the “jobs plan,” Roe said private firms cost more.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "private firms cost more");
        assert_eq!(got[0].3, "speaker_cue_clause");
    }

    #[test]
    fn quote_then_speaker_cue() {
        let got = run("“We agreed,” she said in a statement on Friday.");
        assert_eq!(got[0].0, "“We agreed,”");
        assert_eq!(got[0].1.as_deref(), Some("she"));
        assert_eq!(got[0].2.as_deref(), Some("said"));
        assert_eq!(got[0].3, "quote_then_speaker_cue");
    }

    #[test]
    fn an_apostrophe_after_the_quotation_does_not_end_its_clause() {
        let got = run("“We are winning,” Jane Roe, Sanders' campaign manager, said on Friday.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn phrasal_cues_go_on_and_put_it() {
        let got = run("“You know, it happens, right?” Jane Roe went on.");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        let got = run("As one voter put it, “It is a mess.”");
        assert_eq!(got[0].1.as_deref(), Some("one voter"));
        // Without its particle the verb is no cue.
        assert_eq!(run("“Hard times,” the sign went up on Monday."), vec![]);
    }

    #[test]
    fn a_cue_with_an_object_after_a_full_stop_opens_the_next_statement() {
        let got = run(
            "Jeb Bush called Trump “unhinged.” Rubio called the remark “offensive and outlandish.”",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Jeb Bush"));
        assert_eq!(got[1].1.as_deref(), Some("Rubio"));
        assert_eq!(got[1].0, "the remark “offensive and outlandish.”");
    }

    #[test]
    fn a_cue_that_introduces_a_quotation_after_a_full_stop_opens_the_next_statement() {
        let got = run(
            "Roe said the plan has drawn in people who are “involved in the system now.” He added, “What impresses me is that they stay.”",
        );
        let last = got.last().unwrap();
        assert_eq!(last.0, "“What impresses me is that they stay.”", "{got:?}");
        assert!(
            got.iter()
                .all(|g| g.2.as_deref() != Some("added") || g.0 == last.0),
            "{got:?}"
        );
    }

    #[test]
    fn a_hyphenated_modifier_before_the_speaker() {
        let got = run("“Carson is cratering,” Texas-based Jane Roe said.");
        assert_eq!(got[0].1.as_deref(), Some("Texas-based Jane Roe"));
        let got = crate::extract("“Carson is cratering,” Texas-based Jane Roe said.");
        assert_eq!(got[0].speaker_name.as_deref(), Some("Jane Roe"));
        let got = crate::extract("“We will talk,” Jane Smith-Jones said.");
        assert_eq!(got[0].speaker_name.as_deref(), Some("Jane Smith-Jones"));
    }

    #[test]
    fn the_next_line_is_not_an_attribution() {
        let got = run("Jane Roe said: “We want a vote.”\nRoe did not concede defeat.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "speaker_cue_then_quote");
    }

    #[test]
    fn a_split_quotation_with_a_long_appositive() {
        let text = "“This used to be their back yard,” said Jane Roe, director of security studies at an institute in London, “but it is changing.”";
        let got = run(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "“but it is changing.”");
        assert_eq!(got[1].1.as_deref(), Some("Jane Roe"));
        assert_eq!(got[1].3, "speaker_cue_then_quote");
        // Without a first piece, a cue that far back is not the quotation's.
        let got = run(
            "Jane Roe said the plan, which the city council passed on Monday after weeks of debate, “will work.”",
        );
        assert!(
            got.iter().all(|g| g.3 != "speaker_cue_then_quote"),
            "{got:?}"
        );
    }

    #[test]
    fn quote_then_cue_speaker() {
        let got = run("“We agreed,” said Maria Zakharova, the spokeswoman.");
        assert_eq!(got[0].1.as_deref(), Some("Maria Zakharova"));
        assert_eq!(got[0].3, "quote_then_cue_speaker");
        // A participle does not invert: what follows it is its own report.
        let got = run("Roe blamed a “bad earpiece,” claiming he had disavowed the group.");
        assert!(
            got.iter().all(|g| g.3 != "quote_then_cue_speaker"),
            "{got:?}"
        );
        // A title inside the subject is no quotation with its speaker after the cue; a mixed
        // quotation is, with its verb inside the marks.
        let got = run("Joe Roe, host of “Morning Talk,” said the refusal could cost him.");
        assert_eq!(got[0].0, "the refusal could cost him");
        assert_eq!(got[0].1.as_deref(), Some("Joe Roe"));
        let got = run("Biden “has a lot of good roles to play,” said Doyle.");
        assert_eq!(got[0].3, "quote_then_cue_speaker");
    }

    #[test]
    fn speaker_cue_then_quote() {
        for text in [
            "Zakharova said, “We agreed.”",
            "Zakharova said: “We agreed.”",
            "Zakharova told reporters: “We agreed.”",
        ] {
            let got = run(text);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].0, "“We agreed.”");
            assert_eq!(got[0].1.as_deref(), Some("Zakharova"));
            assert_eq!(got[0].3, "speaker_cue_then_quote");
        }
    }

    #[test]
    fn split_quote_gives_two_statements() {
        let got = run("“We agreed,” Zakharova said, “and we will meet again.”");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, got[1].1);
        assert_eq!(got[1].0, "“and we will meet again.”");
    }

    #[test]
    fn mixed_quote_before_attribution() {
        let got = run("Her time so far has been \"life-changing and heartbreaking,\" she said.");
        assert_eq!(
            got[0].0,
            "Her time so far has been \"life-changing and heartbreaking,\""
        );
        assert_eq!(got[0].1.as_deref(), Some("she"));
    }

    #[test]
    fn tag_wrapped_cue() {
        let text = "\"It went well,\" the U.S. State Department <u>said</u> late Thursday.";
        let got = run(text);
        assert_eq!(got[0].1.as_deref(), Some("the U.S. State Department"));
        assert_eq!(got[0].2.as_deref(), Some("said"));
    }

    #[test]
    fn describes_as_quote() {
        let got = run("Zakharova described the talks as “constructive and businesslike.”");
        assert_eq!(got[0].0, "the talks as “constructive and businesslike.”");
        assert_eq!(got[0].1.as_deref(), Some("Zakharova"));
        assert_eq!(got[0].2.as_deref(), Some("described"));
    }

    #[test]
    fn quote_marks_of_other_styles() {
        for text in [
            "«We agreed,» she said.",
            "„We agreed,“ she said.",
            "‹We agreed,› she said.",
            "「We agreed,」 she said.",
            "‘We agreed,’ she said.",
            "\"We agreed,\" she said.",
        ] {
            let got = run(text);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].1.as_deref(), Some("she"), "{text}");
        }
    }

    #[test]
    fn apostrophes_do_not_open_quotes() {
        let got =
            run("Ukraine's envoy didn't say much about the '90s, the students' teacher said.");
        assert!(
            got.iter().all(|g| g.3 != "quote_then_speaker_cue"),
            "{got:?}"
        );
    }

    #[test]
    fn unmatched_mark_swallows_nothing() {
        let text = "He left “early. \n\n“We agreed,” she said.";
        let got = run(text);
        assert_eq!(got.last().unwrap().0, "“We agreed,”");
    }

    #[test]
    fn a_term_in_quotes_is_not_a_quotation_before_its_cue() {
        let got = run("Critics of the so-called “backstop” argue it could last for years.");
        assert!(
            got.iter().all(|g| g.3 != "quote_then_cue_speaker"),
            "{got:?}"
        );
        // A nested quotation may hold the comma: “… for ‘insubordination,’” says S.
        let got = run("“I was fired for ‘insubordination,’” says the chef.");
        assert_eq!(got[0].1.as_deref(), Some("the chef"));
    }

    #[test]
    fn a_cue_with_its_own_clause_after_a_full_quotation_starts_anew() {
        let got = run("“We wish them well.” The historian writes that the law kept many out.");
        assert!(
            got.iter().all(|g| g.3 != "quote_then_speaker_cue"),
            "{got:?}"
        );
        assert_eq!(got.last().unwrap().0, "that the law kept many out");
    }

    #[test]
    fn apostrophes_inside_an_appositive() {
        let got = run("Kerr, the girls’ school principal, said “it was never acceptable.”");
        assert_eq!(got[0].1.as_deref(), Some("Kerr"));
    }

    #[test]
    fn a_document_noun_before_its_cue() {
        let got = run("“Little scrutiny is brought to bear on them,” the report said.");
        assert_eq!(got[0].1.as_deref(), Some("the report"));
        assert_eq!(got[0].2.as_deref(), Some("said"));
    }

    #[test]
    fn adjectives_set_off_by_commas_in_the_speaker() {
        let got = run("“No carmaker makes money here,” the tall, bearded professor said.");
        assert_eq!(got[0].1.as_deref(), Some("the tall, bearded professor"));
    }

    #[test]
    fn coordinated_cue_before_a_quotation() {
        let got =
            run("Jones said “nobody knows the story,” and added: “I promise you, they were told.”");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("Jones"));
    }

    #[test]
    fn naming_is_not_describing() {
        assert!(run("Riders would call the driver by the name “Sam.”").is_empty());
        let got = run("The firm withdrew an app called “Meter Plus” last week.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_noun_form_is_no_cue_before_a_lead_in() {
        let got = run("Jane Roe, a strategist, wrote in an email: “This was the worst day.”");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        assert_eq!(got[0].2.as_deref(), Some("wrote"));
    }

    #[test]
    fn a_participle_inside_the_appositive_does_not_block_the_speaker() {
        let got = run("Jane Roe, speaking to voters, said, “You have not voted yet.”");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_cue_with_a_clause_after_a_closed_quotation_opens_a_new_statement() {
        let got = run("The mayor told voters that “we are ready.” She says the bridge opens soon.");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, "the bridge opens soon");
    }

    #[test]
    fn a_title_after_the_noun_it_names_is_no_quotation() {
        let got = run("Her family stayed, Ms. Roe said in her 2012 book, “An American Daughter.”");
        assert_eq!(got[0].0, "Her family stayed");
    }
}
