//! Broad sense only (PolNeAR's): an attribution written as a noun with its complement. The noun
//! is the cue, its possessor or the mention after "from" or "by" (if written) the holder, and
//! the complement the content: "the mayor's plan to widen the road", "the idea that taxes must
//! rise", "in hopes of winning"; and "S won support from H", where the subject is the content.
//! GGT counts none of these as speech, so the pass runs only when `broad` is set, after the
//! rules that read verbs: a noun inside what they found is part of that content, not a
//! statement of its own.

use super::object::POSSESSIVES;
use super::object::content_end;
use super::reported::{
    AUXILIARIES, WEEKDAYS, attribution, classify_content, complementiser, infinitive, lower_word_is,
};
use super::{Attribution, State};
use crate::cues::Cue;
use crate::doc::Doc;
use crate::lexicon::VerbClass;
use crate::mentions::Mention;
use crate::span::Span;
use crate::tokens::TokenKind;
use std::sync::LazyLock;

/// A data file of nouns, each with the lemma it is reported under ("plans" → "plan").
fn noun_lemmas(data: &'static str) -> Vec<(&'static str, &'static str)> {
    crate::lexicon::data_lines(data)
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let noun = parts.next()?;
            Some((noun, parts.next().unwrap_or(noun)))
        })
        .collect()
}

/// Nouns whose "to" infinitive is what was meant, chosen or proposed: "plan", "refusal".
static INTENTION_NOUNS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| noun_lemmas(include_str!("../data/intention_nouns.txt")));

/// Nouns whose "that" clause is what was believed, felt or claimed: "idea", "fears".
static BELIEF_NOUNS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| noun_lemmas(include_str!("../data/belief_nouns.txt")));

/// Nouns whose "of" gerund is what was hoped or meant: "hopes", "intention".
static GERUND_NOUNS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| noun_lemmas(include_str!("../data/gerund_nouns.txt")));

/// Nouns of support whose holder follows "from", "of" or "among": "support", "backing".
static BACKING_NOUNS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| noun_lemmas(include_str!("../data/backing_nouns.txt")));

/// Verbs whose subject receives or has what others hold toward it: "won", "enjoys".
static RECEIVING_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/receiving_verbs.txt"))
        .chain(crate::lexicon::data_lines(include_str!(
            "../data/having_verbs.txt"
        )))
        .collect()
});

/// Most words between a verb of receiving and its noun of support: "won the strongest
/// support".
const MAX_WORDS_BEFORE_BACKING: usize = 3;

/// Determiners that open the noun phrase when no possessor does: "the decision to …", "no
/// plans to …".
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "no", "any", "some", "such",
];
/// Prepositions before a bare noun, which so cannot be a verb: "with plans to …", "amid calls
/// to …".
const NOUN_PREPOSITIONS: &[&str] = &[
    "with", "against", "amid", "of", "for", "about", "despite", "over", "behind", "toward",
];

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for i in 1..doc.tokens.len().saturating_sub(2) {
        let t = &doc.tokens[i];
        // Most tokens are not a lower-case word before "to", "that", "of", "from" and the like:
        // decided first.
        if t.kind != TokenKind::Word
            || t.upper
            || !lower_word_is(
                doc,
                after_time(doc, i + 1),
                &["to", "not", "that", "from", "of", "among", "by"],
            )
            || !state.free_at(doc, i)
        {
            continue;
        }
        let Some(mut a) = noun_infinitive(doc, i)
            .or_else(|| noun_that_clause(doc, i))
            .or_else(|| noun_of_gerund(doc, i))
            .or_else(|| subject_receives_support(doc, i))
        else {
            continue;
        };
        if !(a.cue.map_or(i, |c| c.first)..=i).all(|k| state.free_at(doc, k)) {
            continue;
        }
        // The statement's extent, from its bytes (a token lookup at the end of the text can
        // fall past the last token).
        let noun = doc.tokens[i].span;
        let (start, end) = a.mention.map_or((noun.start, noun.end), |m| {
            (m.span.start.min(noun.start), m.span.end.max(noun.end))
        });
        let whole = Span::new(start.min(a.quote.start), end.max(a.quote.end));
        if state.overlaps_statement(whole) {
            // "The agreement to cut the tests reflects …, teachers who decried …": content that
            // runs into a later statement ends before it.
            let Some(cut) = cut_before_statement(doc, state, &a, whole) else {
                continue;
            };
            a.quote = cut;
        }
        classify_content(doc, state, &mut a);
        state.push(doc, a);
    }
}

/// POSSESSOR|DETERMINER (ADJECTIVE) NOUN (not) to VERB …, with a noun of intention: the
/// infinitive is what the possessor, if written, meant, chose or proposed.
///
/// Example: Residents welcomed the mayor's plan to widen the bridge.
fn noun_infinitive(doc: &Doc<'_>, i: usize) -> Option<Attribution> {
    let sentence = doc.sentence_range(i);
    let start = after_time(doc, i + 1);
    let agent = agent_after(doc, start, sentence.end);
    let start = agent.map_or(start, |m| m.last + 1);
    let negated = lower_word_is(doc, start, &["not"]);
    let to = start + usize::from(negated);
    if !infinitive(doc, to) {
        return None;
    }
    let &(_, lemma) = INTENTION_NOUNS.iter().find(|(n, _)| *n == doc.word(i))?;
    let (first, holder) = noun_phrase_holder(doc, i, sentence.start)?;
    let holder = agent.or(holder);
    let end = content_end(doc, start, sentence.end);
    let end = subject_content_end(doc, first, to + 1, end, sentence.start);
    // "to" and its verb at least.
    if end < to + 2 {
        return None;
    }
    Some(attribution(
        doc.tokens_span(start, end - 1),
        holder,
        &noun_cue(doc, i, lemma),
        0.5,
        "noun_infinitive",
    ))
}

/// (POSSESSOR|DETERMINER) NOUN that CLAUSE, with a noun of belief, feeling or report: the
/// clause is what the possessor, if written, believed, felt or claimed.
///
/// Example: Economists rejected the idea that prices would fall soon.
fn noun_that_clause(doc: &Doc<'_>, i: usize) -> Option<Attribution> {
    let sentence = doc.sentence_range(i);
    let that = after_time(doc, i + 1);
    let agent = agent_after(doc, that, sentence.end);
    let that = agent.map_or(that, |m| m.last + 1);
    if !lower_word_is(doc, that, &["that"]) || !complementiser(doc, that) {
        return None;
    }
    let &(_, lemma) = BELIEF_NOUNS.iter().find(|(n, _)| *n == doc.word(i))?;
    // "the view that is common": "that" opens a relative clause when a verb follows it.
    let next = doc.tokens.get(that + 1)?;
    if next.kind != TokenKind::Word
        || !next.upper && (next.verb() || next.info.is_some_and(|x| x.finite))
    {
        return None;
    }
    let holder = agent.or_else(|| noun_phrase_holder(doc, i, sentence.start).and_then(|(_, m)| m));
    let end = content_end(doc, that + 1, sentence.end);
    // A subject and its verb at least.
    if end < that + 3 {
        return None;
    }
    Some(attribution(
        doc.tokens_span(that, end - 1),
        holder,
        &noun_cue(doc, i, lemma),
        0.5,
        "noun_that_clause",
    ))
}

/// The content of `a` cut short before the first statement found already that overlaps
/// `whole` (the candidate's holder, cue and content), when that statement starts after the cue
/// and the content keeps two words or more; `None` otherwise.
fn cut_before_statement(
    doc: &Doc<'_>,
    state: &State,
    a: &Attribution,
    whole: crate::span::Span,
) -> Option<crate::span::Span> {
    let cue = a.cue?;
    let start = state
        .by_start
        .range(..(whole.end, 0))
        .rev()
        .take(super::MAX_ENCLOSING)
        .map(|&(_, k)| &state.out[k])
        .filter(|b| b.quote.overlaps(whole))
        // Before its cue too: "parents who| decried the exams".
        .map(|b| {
            b.cue
                .map_or(b.quote.start, |c| c.span.start.min(b.quote.start))
        })
        .min()?;
    if start <= cue.span.end || start <= a.quote.start {
        return None;
    }
    let first = doc.token_at(a.quote.start);
    let mut last = doc.token_at(start).checked_sub(1)?;
    // Back over punctuation and the words that lead into the statement: "teachers who".
    while last > first
        && (doc.tokens[last].kind == TokenKind::Punct && !doc.is_quote_mark(last)
            || doc.tokens[last]
                .info
                .is_some_and(|x| x.clause_opener || x.pronoun.is_some())
            || lower_word_is(doc, last, &["and", "or", "but", "that", "who", "which"]))
    {
        last -= 1;
    }
    let words = (first..=last).filter(|&k| doc.is_word(k)).take(2).count();
    (words >= 2 && last >= first).then(|| doc.tokens_span(first, last))
}

/// S V (DET ADJ …) NOUN from|of|among H, with a verb of receiving or having and a noun of
/// support: the subject S is what H supports.
///
/// Example: The mayor won strong support from Governor Ana Lee.
fn subject_receives_support(doc: &Doc<'_>, i: usize) -> Option<Attribution> {
    if !lower_word_is(doc, i + 1, &["from", "of", "among"]) {
        return None;
    }
    let &(_, lemma) = BACKING_NOUNS.iter().find(|(n, _)| *n == doc.word(i))?;
    let sentence = doc.sentence_range(i);
    // Back over the words that describe the noun to the verb: "won| the strongest support".
    let verb = (i
        .saturating_sub(MAX_WORDS_BEFORE_BACKING + 1)
        .max(sentence.start)..i)
        .rev()
        .take_while(|&k| doc.is_word(k) && !doc.tokens[k].upper)
        .find(|&k| doc.word_in(k, &RECEIVING_VERBS))?;
    // "has" is an auxiliary before a participle: "has won support".
    if (verb + 1..i).any(|k| doc.word_in(k, &RECEIVING_VERBS)) {
        return None;
    }
    let lead = super::speaker::skip_adverbs_back(doc, verb, sentence.start);
    let subject = crate::mentions::mention_before(doc, lead, sentence.start)?;
    if subject.last + 1 != lead || doc.ends_possessive(subject.last) {
        return None;
    }
    let holder =
        crate::mentions::mention_after(doc, i + 2, sentence.end).filter(|m| m.first == i + 2);
    let cue = Cue {
        first: verb,
        last: i,
        span: doc.tokens_span(verb, i),
        lemma,
        class: VerbClass::Stance,
        participle: false,
    };
    Some(attribution(
        subject.span,
        holder,
        &cue,
        0.5,
        "subject_receives_support",
    ))
}

/// The mention after "from", "by" or "among" at `k`, whose the noun before is: "complaints
/// from farmers that …", "a decision by the board to …".
fn agent_after(doc: &Doc<'_>, k: usize, end: usize) -> Option<Mention> {
    if !lower_word_is(doc, k, &["from", "by", "among"]) {
        return None;
    }
    crate::mentions::mention_after(doc, k + 1, end).filter(|m| m.first == k + 1)
}

/// Periods a time adverbial names after "last", "this" or "next".
const PERIODS: &[&str] = &["week", "weekend", "month", "year"];

/// The token after a time adverbial opening at `k` ("Friday", "on Tuesday night", "last
/// month"), or `k` when none does: "the governor's pledge last month to …".
fn after_time(doc: &Doc<'_>, k: usize) -> usize {
    let weekday = |j: usize| doc.is_word(j) && doc.word_in(j, WEEKDAYS);
    let mut j = k + usize::from(lower_word_is(doc, k, &["on"]) && weekday(k + 1));
    if weekday(j) {
        j += 1;
    } else if lower_word_is(doc, j, &["last", "this", "next"]) && lower_word_is(doc, j + 1, PERIODS)
    {
        j += 2;
    } else {
        return k;
    }
    if lower_word_is(doc, j, &["night", "morning", "afternoon", "evening"]) {
        j += 1;
    }
    j
}

/// NOUN of (not) V-ing …, with a noun of hope or intention: the gerund is what the possessor,
/// if written, hoped or meant to do.
///
/// Example: The council met again in hopes of settling the dispute.
fn noun_of_gerund(doc: &Doc<'_>, i: usize) -> Option<Attribution> {
    if !lower_word_is(doc, i + 1, &["of"]) {
        return None;
    }
    let start = i + 2;
    let verb = start + usize::from(lower_word_is(doc, start, &["not"]));
    if !doc.is_word(verb) || doc.tokens[verb].upper || !doc.word(verb).ends_with("ing") {
        return None;
    }
    let &(_, lemma) = GERUND_NOUNS.iter().find(|(n, _)| *n == doc.word(i))?;
    let sentence = doc.sentence_range(i);
    let holder = noun_phrase_holder(doc, i, sentence.start).and_then(|(_, m)| m);
    let end = content_end(doc, start, sentence.end);
    if end <= verb + 1 {
        return None;
    }
    Some(attribution(
        doc.tokens_span(start, end - 1),
        holder,
        &noun_cue(doc, i, lemma),
        0.5,
        "noun_of_gerund",
    ))
}

/// The noun at `i` as a cue.
fn noun_cue(doc: &Doc<'_>, i: usize, lemma: &'static str) -> Cue {
    Cue {
        first: i,
        last: i,
        span: doc.tokens[i].span,
        lemma,
        class: VerbClass::Stance,
        participle: false,
    }
}

/// What opens the noun phrase of the noun at `i`, with at most one word between: a possessor,
/// whose mention is the holder ("the mayor's", "her"), or a determiner, with no holder ("the",
/// "a"); with the phrase's first token. `None` when neither does, so the noun may be a verb
/// ("Trump plans to …").
fn noun_phrase_holder(doc: &Doc<'_>, i: usize, lo: usize) -> Option<(usize, Option<Mention>)> {
    let opener = |k: usize| {
        if word_is(doc, k, POSSESSIVES) {
            Some((k, Some(crate::mentions::classify(doc, k, k))))
        } else if doc.ends_possessive(k) {
            let m = crate::mentions::mention_before(doc, k + 1, lo).map(|m| without_s(doc, m));
            Some((m.map_or(k, |m| m.first), m))
        } else if word_is(doc, k, DETERMINERS) {
            Some((k, None))
        } else if lower_word_is(doc, k, NOUN_PREPOSITIONS) {
            Some((k + 1, None))
        } else {
            None
        }
    };
    if i <= lo {
        return None;
    }
    opener(i - 1).or_else(|| {
        // "his latest plan to …": one lower-case word between.
        let adjective = i - 1;
        // "the court's 2015 decision to …": or a year.
        (adjective > lo
            && matches!(
                doc.tokens[adjective].kind,
                TokenKind::Word | TokenKind::Number
            )
            && !doc.tokens[adjective].upper
            && !doc.tokens[adjective].verb())
        .then(|| opener(adjective - 1))
        .flatten()
    })
}

/// Token `k` is one of `words`, in any case ("Her plan …" opens a sentence).
fn word_is(doc: &Doc<'_>, k: usize, words: &[&str]) -> bool {
    doc.is_word(k) && words.iter().any(|w| doc.word(k).eq_ignore_ascii_case(w))
}

/// The possessor's mention without its "'s": "the mayor's" → "the mayor".
fn without_s(doc: &Doc<'_>, mut m: Mention) -> Mention {
    if doc.is_possessive(m.last) {
        let w = doc.word(m.last);
        let s_len = if w.ends_with("’s") { "’s".len() } else { 2 };
        m.span.end -= s_len;
        if let Some(name) = m.name.as_mut().filter(|n| n.end > m.span.end) {
            name.end = m.span.end;
        }
    }
    m
}

/// Where the content from `start` ends when the noun phrase opening at `first` is the
/// sentence's subject: before the main verb's auxiliary ("Her plan to widen the road| is
/// popular"). Otherwise `end`.
fn subject_content_end(
    doc: &Doc<'_>,
    first: usize,
    start: usize,
    end: usize,
    sentence_start: usize,
) -> usize {
    if first != sentence_start {
        return end;
    }
    (start + 2..end)
        .find(|&k| lower_word_is(doc, k, AUXILIARIES))
        .map_or(end, |k| {
            let mut k = k;
            while k > start + 2 && doc.is_punct(k - 1, &[",", "—", "–"]) {
                k -= 1;
            }
            k
        })
}

#[cfg(test)]
mod tests {
    use super::super::broad_texts;

    fn find<'a>(
        got: &'a [(String, Option<String>, Option<String>)],
        cue: &str,
    ) -> Option<&'a (String, Option<String>, Option<String>)> {
        got.iter().find(|g| g.2.as_deref() == Some(cue))
    }

    #[test]
    fn noun_infinitive() {
        let got = broad_texts("Residents marched against the mayor's plan to widen the bridge.");
        let g = find(&got, "plan").expect("plan");
        assert_eq!(g.0, "to widen the bridge");
        assert_eq!(g.1.as_deref(), Some("the mayor"));
        let got = broad_texts("Protests followed her refusal on Monday to sign the treaty.");
        let g = find(&got, "refusal").expect("refusal");
        assert_eq!(g.0, "to sign the treaty");
        assert_eq!(g.1.as_deref(), Some("her"));
        // Negated, after an adjective, without a holder.
        let got = broad_texts("Fares stayed low after the sudden decision not to raise them.");
        let g = find(&got, "decision").expect("decision");
        assert_eq!(g.0, "not to raise them");
        assert_eq!(g.1, None);
    }

    #[test]
    fn noun_infinitive_needs_a_noun_phrase_and_an_infinitive() {
        // A verb, not a noun: no determiner or possessor before it. The verb's rule reads it.
        let got = broad_texts("Engineers plan to widen the bridge soon.");
        assert_eq!(got[0].1.as_deref(), Some("Engineers"), "{got:?}");
        // "to" before a noun phrase opens no infinitive.
        let got = broad_texts("She sent her proposal to the council on Monday.");
        assert!(find(&got, "proposal").is_none(), "{got:?}");
        // A noun that names no intention.
        let got = broad_texts("He praised the bridge's ability to carry trucks.");
        assert!(find(&got, "ability").is_none(), "{got:?}");
    }

    #[test]
    fn subject_noun_phrase_ends_before_the_main_verb() {
        let got = broad_texts("Her plan to widen the bridge is popular with drivers.");
        let g = find(&got, "plan").expect("plan");
        assert_eq!(g.0, "to widen the bridge");
    }

    #[test]
    fn noun_that_clause() {
        let got = broad_texts("Economists rejected the idea that prices would fall soon.");
        assert!(
            got.iter().any(|g| g.0.contains("prices would fall soon")),
            "{got:?}"
        );
        let got = broad_texts("Local traders voiced fears that the market would close.");
        assert!(
            got.iter().any(|g| g.0.contains("the market would close")),
            "{got:?}"
        );
        let got = broad_texts("There is growing evidence that the river is drying up.");
        let g = find(&got, "evidence").expect("evidence");
        assert_eq!(g.0, "that the river is drying up");
    }

    #[test]
    fn content_ends_before_a_later_statement() {
        let got =
            broad_texts("The agreement to drop the tests angered parents who decried the exams.");
        let g = find(&got, "agreement").expect("agreement");
        assert_eq!(g.0, "to drop the tests angered parents", "{got:?}");
        assert!(find(&got, "decried").is_some(), "{got:?}");
    }

    #[test]
    fn noun_of_gerund() {
        let got = broad_texts("The council met again in hopes of settling the dispute.");
        let g = find(&got, "hopes").expect("hopes");
        assert_eq!(g.0, "settling the dispute");
        let got = broad_texts("She had no intention of leaving the party.");
        let g = find(&got, "intention").expect("intention");
        assert_eq!(g.0, "leaving the party");
        // No gerund after "of".
        let got = broad_texts("The council met again in hopes of a deal.");
        assert!(find(&got, "hopes").is_none(), "{got:?}");
    }

    #[test]
    fn subject_receives_support() {
        let got = broad_texts("The mayor won strong support from Governor Ana Lee.");
        let g = find(&got, "won strong support").expect("support");
        assert_eq!(g.0, "The mayor");
        assert_eq!(g.1.as_deref(), Some("Governor Ana Lee"));
        let got = broad_texts("Yet she still enjoys the backing of most farmers.");
        let g = find(&got, "enjoys the backing").expect("backing");
        assert_eq!(g.0, "she");
    }

    #[test]
    fn support_without_a_verb_of_receiving_is_no_statement() {
        let got = broad_texts("The mayor asked for support from local teachers.");
        assert!(got.iter().all(|g| g.0 != "The mayor"), "{got:?}");
        let got = broad_texts("The mayor's support from teachers has faded.");
        assert!(got.iter().all(|g| g.0 != "The mayor"), "{got:?}");
    }

    #[test]
    fn holder_after_by_or_from() {
        let got = broad_texts(
            "Farms flooded despite warnings from Governor Ana Lee that the river would rise.",
        );
        let g = find(&got, "warnings").expect("warnings");
        assert_eq!(g.0, "that the river would rise");
        assert_eq!(g.1.as_deref(), Some("Governor Ana Lee"));
        let got =
            broad_texts("Fares rose after the decision by the city council to cut subsidies.");
        let g = find(&got, "decision").expect("decision");
        assert_eq!(g.0, "to cut subsidies");
        assert_eq!(g.1.as_deref(), Some("the city council"));
    }

    #[test]
    fn relative_that_is_no_clause() {
        let got = broad_texts("It was a view that was common among farmers.");
        assert!(find(&got, "view").is_none(), "{got:?}");
        let got = broad_texts("Those are signs that show the way to town.");
        assert!(find(&got, "signs").is_none(), "{got:?}");
    }
}
