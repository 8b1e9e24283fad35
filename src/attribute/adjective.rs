//! Adjectives that report a clause, in the broad sense only: "Aides are confident that the deal
//! will hold", "She made it clear that she would run". The subject holds the clause.

use super::reported::{
    BE_FORMS, attribution, clause_to_end, complementiser, lower_word_is, subject,
};
use super::speaker::is_adverb;
use super::{Attribution, Doc, State};
use crate::cues::Cue;
use crate::lexicon::VerbClass;
use crate::tokens::TokenKind;
use std::sync::LazyLock;

static CLAUSE_ADJECTIVES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/clause_adjectives.txt")).collect()
});

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    // Most sentences hold no "that" after an adjective: the adjective is read only before one.
    for k in 1..doc.tokens.len() {
        if doc.tokens[k].kind == TokenKind::Word
            && (doc.word(k) == "that" || doc.word_in(k, SUBJECT_PRONOUNS))
            && let Some(a) = adjective_that_clause(doc, state, k - 1)
        {
            state.push(doc, a);
        }
    }
}

/// Pronouns that open a clause reported without "that": "sure they would win".
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "I", "you"];

/// S is ADJ that CLAUSE; S made (it) ADJ that CLAUSE.
///
/// Example: Aides are confident that the deal will hold.
fn adjective_that_clause(doc: &Doc<'_>, state: &State, adj: usize) -> Option<Attribution> {
    let word = doc.word(adj);
    let lemma = *CLAUSE_ADJECTIVES.iter().find(|&&a| a == word)?;
    if doc.tokens[adj].upper || !state.free_at(doc, adj) {
        return None;
    }
    let sentence = doc.sentence_range(adj);
    // "so clear that we saw …": a result, not a report.
    if adj > sentence.start && lower_word_is(doc, adj - 1, &["so", "too"]) {
        return None;
    }
    // "are increasingly confident", "was not sure": adverbs stand between.
    let mut verb = adj;
    while verb > sentence.start
        && is_adverb(doc, verb - 1)
        && !lower_word_is(doc, verb - 1, BE_FORMS)
    {
        verb -= 1;
    }
    let verb = verb.checked_sub(1).filter(|&v| v >= sentence.start)?;
    // "made it clear", "made clear".
    let made = |k: usize| lower_word_is(doc, k, &["made", "makes", "make", "making"]);
    let verb = if lower_word_is(doc, verb, &["it"]) && verb > sentence.start && made(verb - 1) {
        verb - 1
    } else {
        verb
    };
    if !(lower_word_is(doc, verb, BE_FORMS) || made(verb)) {
        return None;
    }
    // "confident that she will win", or without "that": "confident she will win".
    let that = adj + 1;
    if doc.word(that) == "that" && !complementiser(doc, that) {
        return None;
    }
    let cue = Cue {
        first: verb,
        last: adj,
        span: doc.tokens_span(verb, adj),
        lemma,
        class: VerbClass::Cognition,
        participle: false,
    };
    let m = subject(doc, &cue, sentence.start)?;
    // "It is clear that …": the writer's own judgement.
    if doc.word(m.first).eq_ignore_ascii_case("it") {
        return None;
    }
    let content = clause_to_end(doc, that, sentence.end)?;
    Some(attribution(
        content,
        Some(m),
        &cue,
        0.5,
        "adjective_that_clause",
    ))
}

#[cfg(test)]
mod tests {
    use crate::attribute::broad_texts as broad;

    #[test]
    fn an_adjective_of_certainty_reports_its_clause() {
        let got = broad("Aides are increasingly confident that the deal will hold.");
        assert_eq!(got[0].0, "that the deal will hold");
        assert_eq!(got[0].1.as_deref(), Some("Aides"));
        let got = broad("Aides were sure they would win the vote.");
        assert_eq!(got[0].0, "they would win the vote");
        let got = broad("The senator made it clear that she would run again.");
        assert_eq!(got[0].0, "that she would run again");
        assert_eq!(got[0].1.as_deref(), Some("The senator"));
    }

    #[test]
    fn the_writers_own_judgement_is_no_one_elses() {
        assert!(broad("It is clear that the deal will hold.").is_empty());
        let got = broad("The sky was so clear that we saw the stars.");
        assert!(
            got.iter().all(|g| g.0 != "that we saw the stars"),
            "{got:?}"
        );
    }
}
