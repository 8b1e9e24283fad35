//! Questions put to someone, in the broad sense only: "Asked whether …, she said" reports the
//! question, whose asker is named by "by" or not at all.

use super::reported::{WEEKDAYS, attribution, lower_word_is};
use super::speaker::skip_adverbs_forward;
use super::{Attribution, Doc, State};
use crate::cues::{Cue, cue_at, headline_cue_at};
use crate::mentions::mention_after;
use crate::span::Span;

/// Words before "asked" that make it a reduced clause of its own: "When asked whether …, …".
const FRONTING: &[&str] = &["when", "if", "after", "once", "while"];
/// Words before "asked" that make it passive: "was asked why".
const PASSIVE_BEFORE: &[&str] = &["was", "were", "is", "are", "being", "been", "be"];
/// Longest question before the comma that ends a fronted one, in tokens: a bound on the scan.
const MAX_QUESTION_TOKENS: usize = 80;
/// Words that open the question asked.
const QUESTION_WORDS: &[&str] = &[
    "whether", "if", "which", "what", "why", "how", "who", "when", "where",
];
/// Prepositions of an adverbial between "asked" and the question ("asked at a briefing Monday
/// whether").
const ADVERBIAL_PREPOSITIONS: &[&str] = &["on", "at", "in", "during"];
/// Longest adverbial phrase skipped after "asked", in tokens.
const MAX_ADVERBIAL_TOKENS: usize = 6;

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for (pos, _) in doc.text.match_indices("sked ") {
        let Some(start) = pos.checked_sub(1) else {
            continue;
        };
        let k = doc.token_at(start);
        let whole = doc
            .tokens
            .get(k)
            .is_some_and(|t| t.span == Span::new(start, pos + 4));
        // "Asked" opens a sentence in capitals, where `cue_at` reads no cue.
        let cue = (whole && state.free_at(doc, k))
            .then(|| cue_at(doc, k).or_else(|| headline_cue_at(doc, k)))
            .flatten();
        if let Some(cue) = cue
            && let Some(mut a) = asked_question(doc, &cue).or_else(|| asker_asked(doc, &cue))
        {
            super::reported::classify_content(doc, state, &mut a);
            state.push(doc, a);
        }
    }
}

/// Asked (by S) whether|about|to Q — the question or request put, with the asker after "by" as
/// its speaker.
///
/// Example: Asked by a reporter whether the plan would pass, the mayor shrugged.
fn asked_question(doc: &Doc<'_>, cue: &Cue) -> Option<Attribution> {
    if cue.lemma != "ask" || !doc.word(cue.first).ends_with("ed") {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let before = (sentence.start..cue.first)
        .rev()
        .find(|&k| !super::speaker::is_adverb(doc, k) || lower_word_is(doc, k, PASSIVE_BEFORE));
    // Passive or a reduced clause: "Asked …" opens the sentence, or "when asked", "was asked".
    let fronted = before.is_none_or(|k| {
        doc.is_word(k) && FRONTING.iter().any(|w| doc.word(k).eq_ignore_ascii_case(w))
    });
    if !(fronted || before.is_some_and(|k| lower_word_is(doc, k, PASSIVE_BEFORE))) {
        return None;
    }
    let end = sentence.end;
    let mut k = skip_adverbs_forward(doc, cue.last + 1, end);
    let mut asker = None;
    if lower_word_is(doc, k, &["by"]) {
        let m = mention_after(doc, k + 1, end)?;
        asker = Some(m);
        k = skip_adverbs_forward(doc, m.last + 1, end);
    }
    k = skip_adverbials(doc, k, end);
    // "Roe was asked about the plan" is left to the object rules: the one asked answers.
    let start = if fronted && lower_word_is(doc, k, &["about"]) {
        k + 1
    } else if lower_word_is(doc, k, QUESTION_WORDS) || super::reported::infinitive(doc, k) {
        k
    } else {
        return None;
    };
    // A fronted question ends at its comma, before the main clause ("Asked whether …, she
    // said …"); one after "was asked", or at the end, may run to the end of the sentence.
    let comma = fronted
        .then(|| {
            (start + 1..end.min(start + MAX_QUESTION_TOKENS))
                .find(|&j| doc.is_punct(j, &[","]) && doc.token_quote[j].is_none())
        })
        .flatten();
    let last = comma
        .unwrap_or_else(|| super::object::content_end(doc, start, end))
        .checked_sub(1)?;
    if last < start || !(start..=last).any(|j| doc.is_word(j)) {
        return None;
    }
    Some(attribution(
        doc.tokens_span(start, last),
        asker,
        cue,
        0.6,
        "asked_question",
    ))
}

/// S asked (HEARER) whether|if|how … Q — the question S put.
///
/// Example: Then a voter asked the mayor whether the bridge would open.
fn asker_asked(doc: &Doc<'_>, cue: &Cue) -> Option<Attribution> {
    if cue.lemma != "ask" || doc.tokens[cue.first].upper {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let m = super::reported::subject(doc, cue, sentence.start)
        .filter(|m| super::reported::agrees(doc, cue, m))?;
    let end = sentence.end;
    let mut k = skip_adverbs_forward(doc, cue.last + 1, end);
    if !lower_word_is(doc, k, QUESTION_WORDS) {
        // The one asked: a name, a description or a pronoun before the question.
        k = super::object::hearer_last(doc, k, end)? + 1;
    }
    // "if" after a hearer may open a condition ("asked them, if …"): only without a comma.
    if !lower_word_is(doc, k, QUESTION_WORDS) {
        return None;
    }
    let last = super::object::content_end(doc, k, end).checked_sub(1)?;
    (last > k).then(|| attribution(doc.tokens_span(k, last), Some(m), cue, 0.6, "asker_asked"))
}

/// The token after the time and place adverbials from `k`: "Monday", "on Monday", "at a briefing
/// Monday in Washington", "recently".
fn skip_adverbials(doc: &Doc<'_>, mut k: usize, end: usize) -> usize {
    loop {
        k = skip_adverbs_forward(doc, k, end);
        if k < end && doc.word_in(k, WEEKDAYS) {
            k += 1;
            continue;
        }
        if !lower_word_is(doc, k, ADVERBIAL_PREPOSITIONS) {
            return k;
        }
        // Up to the question word, within a few tokens and no punctuation.
        let Some(next) = (k + 1..end.min(k + 1 + MAX_ADVERBIAL_TOKENS))
            .take_while(|&j| doc.is_word(j) || doc.is_abbreviation_dot(j))
            .find(|&j| {
                lower_word_is(doc, j, QUESTION_WORDS)
                    || lower_word_is(doc, j, &["about"])
                    || doc.word_in(j, WEEKDAYS)
                    || lower_word_is(doc, j, ADVERBIAL_PREPOSITIONS)
            })
        else {
            return k;
        };
        k = next;
    }
}

#[cfg(test)]
mod tests {
    use crate::attribute::broad_texts as run;

    fn asked(text: &str) -> Option<(String, Option<String>)> {
        run(text)
            .into_iter()
            .find(|g| {
                g.2.as_deref()
                    .is_some_and(|c| c.eq_ignore_ascii_case("asked"))
            })
            .map(|g| (g.0, g.1))
    }

    #[test]
    fn a_fronted_question_ends_at_its_comma() {
        let got =
            asked("Asked whether the mayor would run again, Okoro said no decision was made.");
        assert_eq!(
            got,
            Some(("whether the mayor would run again".into(), None))
        );
    }

    #[test]
    fn the_asker_follows_by() {
        let got = asked("When asked by a reporter whether the rules differed, Okoro shrugged.");
        assert_eq!(
            got,
            Some((
                "whether the rules differed".into(),
                Some("a reporter".into())
            ))
        );
    }

    #[test]
    fn adverbials_and_about_open_the_question() {
        let got = asked("Asked at a briefing Monday about the new budget, Okoro left.");
        assert_eq!(got.map(|g| g.0), Some("the new budget".into()));
        let got = asked("Okoro was asked why the vote had been delayed.");
        assert_eq!(
            got.map(|g| g.0),
            Some("why the vote had been delayed".into())
        );
    }

    #[test]
    fn an_active_asked_puts_the_question_of_its_subject() {
        let got = run("Okoro asked whether the vote had been delayed.");
        assert_eq!(got[0].1.as_deref(), Some("Okoro"), "{got:?}");
        let got = asked("A blogger asked the mayor if the bridge would open in May.");
        assert_eq!(
            got,
            Some((
                "if the bridge would open in May".into(),
                Some("A blogger".into())
            ))
        );
    }
}
