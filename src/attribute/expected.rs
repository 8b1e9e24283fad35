//! Expectations, hearsay, impressions and reputations, in the broad sense only: "X is expected
//! to …", "X reportedly …", "X seems to …" and "X is known for …" report what someone unnamed
//! expects, claims, perceives or knows, with the whole clause, subject included, as their
//! content.

use super::reported::lower_word_is;
use super::{Attribution, Doc, State};
use crate::cues::Cue;
use crate::lexicon::VerbClass;
use crate::span::Span;
use crate::statement::Kind;
use crate::tokens::TokenKind;

/// Words that open a clause, so the subject starts after them ("…, but Clinton is expected").
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "so", "while", "because", "although", "though", "as", "if", "when",
    "since", "after", "before", "whereas", "unless", "until",
];
/// Longest subject read back from the verb, in tokens.
const MAX_SUBJECT_TOKENS: usize = 20;

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for (pos, _) in doc.text.match_indices("expected to ") {
        let k = doc.token_at(pos);
        if doc.tokens.get(k).is_some_and(|t| t.span.start == pos)
            && let Some(a) = expected_clause(doc, state, k)
        {
            state.push(doc, a);
        }
    }
    for (pos, _) in doc.text.match_indices(" known") {
        let k = doc.token_at(pos + 1);
        if doc.tokens.get(k).is_some_and(|t| t.span.start == pos + 1)
            && let Some(a) = known_clause(doc, state, k)
        {
            state.push(doc, a);
        }
    }
    for (pos, _) in doc.text.match_indices("edly ") {
        let k = doc.token_at(doc.text[..pos].rfind(' ').map_or(0, |b| b + 1));
        if let Some(a) = hearsay_clause(doc, state, k) {
            state.push(doc, a);
        }
    }
}

/// Runs before the object rules, which would read "seems" as a stance taken by its subject.
pub(super) fn run_seeming(doc: &Doc<'_>, state: &mut State) {
    for k in 0..doc.tokens.len() {
        let seeming = doc.tokens[k]
            .info
            .and_then(|x| x.stance)
            .filter(|v| SEEMING.contains(&v.lemma));
        if let Some(v) = seeming
            && let Some(a) = seeming_clause(doc, state, k, v.lemma)
        {
            state.push(doc, a);
        }
    }
}

/// Verbs of seeming: the clause they stand in is an impression, the writer's or an unnamed one.
const SEEMING: &[&str] = &["seem", "appear"];
/// Words after "appear" that make it a verb of being present, not of seeming ("appeared on
/// television", "appeared Tuesday").
const PRESENCE: &[&str] = &[
    "on",
    "in",
    "at",
    "before",
    "with",
    "alongside",
    "onstage",
    "together",
    "for",
    "from",
    "during",
    "after",
    "live",
    "briefly",
    "again",
    "here",
    "there",
    "tomorrow",
    "today",
    "yesterday",
    "tonight",
];

/// SUBJECT seems/appears (to VP | ADJ | like …): the whole clause is an impression whose holder
/// goes unnamed.
///
/// Example: The mayor seemed ready to abandon the plan.
fn seeming_clause(
    doc: &Doc<'_>,
    state: &State,
    k: usize,
    lemma: &'static str,
) -> Option<Attribution> {
    if k == 0 || !state.free_at(doc, k) {
        return None;
    }
    let sentence = doc.sentence_range(k);
    let next = k + 1;
    let complement = next < sentence.end
        && doc.is_word(next)
        && !doc.tokens[next].upper
        && !lower_word_is(doc, next, PRESENCE)
        && !doc.word(next).bytes().all(|b| b.is_ascii_digit());
    if !complement {
        return None;
    }
    // Auxiliaries and adverbs before it belong to the verb: "may seem", "often seems".
    let mut verb = k;
    while verb > sentence.start
        && (crate::attribute::speaker::is_adverb(doc, verb - 1)
            || doc.tokens[verb - 1].info.is_some_and(|x| x.finite))
    {
        verb -= 1;
    }
    let start = subject_start(doc, &sentence, verb)?;
    let cue = Cue {
        first: k,
        last: k,
        span: doc.tokens[k].span,
        lemma,
        class: VerbClass::Cognition,
        participle: false,
    };
    unnamed(doc, &sentence, start, next, cue, "seeming_clause")
}

/// SUBJECT be expected to VP: the clause is an expectation whose holder goes unnamed.
///
/// Example: The senator is widely expected to win the primary in March.
fn expected_clause(doc: &Doc<'_>, state: &State, k: usize) -> Option<Attribution> {
    if k == 0 || !state.free_at(doc, k) {
        return None;
    }
    let sentence = doc.sentence_range(k);
    // "is widely expected", "was not expected": adverbs between the verb and its participle.
    let be = super::reported::be_before(doc, k, sentence.start)?;
    passive_of_belief(doc, &sentence, be, k, "expect", k + 2, "expected_clause")
}

/// SUBJECT be known (as|for) …: the clause is what is known of the subject, by people unnamed.
///
/// Example: The senator is best known for his work on the farm bill.
fn known_clause(doc: &Doc<'_>, state: &State, k: usize) -> Option<Attribution> {
    if !lower_word_is(doc, k, &["known"]) || !state.free_at(doc, k) {
        return None;
    }
    let sentence = doc.sentence_range(k);
    // "to" names who knows ("well known to voters"): a hearer-like phrase, not what is known.
    if lower_word_is(doc, k + 1, &["to"]) {
        return None;
    }
    // "is best known", "has long been known": adverbs between the verb and its participle.
    let mut verb = k;
    while verb > sentence.start && lower_word_is(doc, verb - 1, DEGREES) {
        verb -= 1;
    }
    let be = super::reported::be_before(doc, verb, sentence.start)?;
    passive_of_belief(doc, &sentence, be, k, "know", k + 1, "known_clause")
}

/// The clause around "be" at token `be` and a participle of belief at `participle` ("is
/// expected", "is known"), subject included, from the subject to the end of what follows token
/// `from`.
fn passive_of_belief(
    doc: &Doc<'_>,
    sentence: &std::ops::Range<usize>,
    be: usize,
    participle: usize,
    lemma: &'static str,
    from: usize,
    rule: &'static str,
) -> Option<Attribution> {
    let start = subject_start(doc, sentence, be)?;
    let cue = Cue {
        first: be,
        last: participle,
        span: doc.tokens_span(be, participle),
        lemma,
        class: VerbClass::Cognition,
        participle: false,
    };
    unnamed(doc, sentence, start, from, cue, rule)
}

/// Words of degree before "known" that no adverb list holds: "best known", "well known".
const DEGREES: &[&str] = &["best", "better", "well", "most", "long", "perhaps"];

/// Adverbs that report hearsay: the clause they stand in is someone's unnamed claim.
const HEARSAY: &[&str] = &["reportedly", "allegedly", "supposedly", "purportedly"];

/// SUBJECT reportedly VP: the clause is a report whose source goes unnamed.
///
/// Example: The council has reportedly delayed the vote until June.
fn hearsay_clause(doc: &Doc<'_>, state: &State, k: usize) -> Option<Attribution> {
    if state.cue_used[k] || doc.token_quote[k].is_some() || !lower_word_is(doc, k, HEARSAY) {
        return None;
    }
    let sentence = doc.sentence_range(k);
    // Past an auxiliary: "has reportedly", "was allegedly".
    let verb = if k > sentence.start && doc.tokens[k - 1].info.is_some_and(|x| x.finite) {
        k - 1
    } else {
        k
    };
    let start = subject_start(doc, &sentence, verb)?;
    let cue = Cue {
        first: k,
        last: k,
        span: doc.tokens[k].span,
        lemma: "report",
        class: VerbClass::Speech,
        participle: false,
    };
    unnamed(doc, &sentence, start, k + 1, cue, "hearsay_clause")
}

/// Where the subject before token `verb` starts: after the sentence start, a clause break or a
/// conjunction, within [`MAX_SUBJECT_TOKENS`].
fn subject_start(doc: &Doc<'_>, sentence: &std::ops::Range<usize>, verb: usize) -> Option<usize> {
    let lo = sentence.start.max(verb.saturating_sub(MAX_SUBJECT_TOKENS));
    let start = (lo..verb)
        .rev()
        .find(|&j| {
            doc.is_punct(j, &[",", ";", ":", "—", "–", "(", ")"])
                || lower_word_is(doc, j, CLAUSE_OPENERS)
                || doc.is_quote_mark(j)
        })
        .map_or(lo, |j| j + 1);
    let found = start < verb
        && (start..verb).any(|j| doc.is_word(j))
        && !(start == lo && lo > sentence.start);
    found.then_some(start)
}

/// The clause from `start` to the end of what follows token `from`, held by no one named.
fn unnamed(
    doc: &Doc<'_>,
    sentence: &std::ops::Range<usize>,
    start: usize,
    from: usize,
    cue: Cue,
    rule: &'static str,
) -> Option<Attribution> {
    let end = super::object::content_end(doc, from, sentence.end);
    let last = (from..end)
        .rev()
        .find(|&j| doc.tokens[j].kind != TokenKind::Punct || doc.is_quotation_mark(j))?;
    Some(Attribution {
        kind: Kind::Indirect,
        quote: Span::new(doc.tokens[start].span.start, doc.tokens[last].span.end),
        mention: None,
        cue: Some(cue),
        inherits: None,
        confidence: 0.3,
        rule,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribute::broad_texts as broad;

    #[test]
    fn a_reputation_is_the_whole_clause_without_a_speaker() {
        let got = broad("The senator is best known for his work on the farm bill.");
        assert_eq!(
            got,
            vec![(
                "The senator is best known for his work on the farm bill".into(),
                None,
                Some("is best known".into())
            )]
        );
        // Who knows the subject is named by "to": no reputation.
        assert!(broad("Both women are well known to voters.").is_empty());
    }

    #[test]
    fn an_expectation_is_the_whole_clause_without_a_speaker() {
        let got = broad("The senator is widely expected to win the primary in March.");
        assert_eq!(
            got,
            vec![(
                "The senator is widely expected to win the primary in March".to_string(),
                None,
                Some("is widely expected".to_string())
            )]
        );
        // The expectation comes before the object of the verb inside it.
        let got = broad("The White House is expected to sign the measure next week.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2.as_deref(), Some("is expected"));
    }

    #[test]
    fn the_clause_starts_after_a_conjunction_and_stops_before_the_next() {
        let got = broad(
            "The vote was close, but the bill is expected to pass next week, because leaders agreed.",
        );
        assert_eq!(got[0].0, "the bill is expected to pass next week");
    }

    #[test]
    fn hearsay_is_the_whole_clause_without_a_source() {
        let got = broad("The council has reportedly delayed the vote until June.");
        assert_eq!(
            got[0].0,
            "The council has reportedly delayed the vote until June"
        );
        assert_eq!(got[0].1, None);
        assert_eq!(got[0].2.as_deref(), Some("reportedly"));
    }

    #[test]
    fn an_impression_is_the_whole_clause_without_a_holder() {
        let got = broad("The mayor seemed ready to abandon the plan.");
        assert_eq!(
            got,
            vec![(
                "The mayor seemed ready to abandon the plan".to_string(),
                None,
                Some("seemed".to_string())
            )]
        );
        let got = broad("Voters may often seem to be tired of the race.");
        assert_eq!(got[0].0, "Voters may often seem to be tired of the race");
    }

    #[test]
    fn appearing_somewhere_is_no_impression() {
        assert!(broad("The governor appeared on television on Sunday.").is_empty());
        assert!(broad("The senator appeared Tuesday at a rally.").is_empty());
    }

    #[test]
    fn an_active_expectation_is_its_subjects() {
        let got = broad("Officials expected to see the mayor at the meeting.");
        assert_eq!(got[0].1.as_deref(), Some("Officials"));
    }
}
