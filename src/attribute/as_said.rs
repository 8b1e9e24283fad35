//! "As S said, …": a report introduced by "as" and its attribution, before or after the clause.

use super::reported::{adverbial_end, asserted, attribution, clause, hearer_end, rest_after};
use super::speaker::speaker_before;
use super::{Attribution, Doc, State};
use crate::cues::Cue;
use crate::mentions::mention_after;

/// Farthest "as" before the cue, in tokens: "As the former deputy mayor of the city said".
const MAX_AS_DISTANCE: usize = 16;

/// As S said, CLAUSE. / CLAUSE, as S said.
///
/// Example: As the mayor told reporters, the bridge will open in May.
pub(super) fn as_speaker_said(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    if cue.participle || !asserted(doc, cue) {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    // The bytes, not the text: no char boundary is checked for each of the window's words.
    let is_as = |k: usize| doc.is_word(k) && doc.word_bytes(k).eq_ignore_ascii_case(b"as");
    // Most cues have no "as" just before them: cheap to rule out before reading a speaker.
    let window = cue
        .first
        .saturating_sub(MAX_AS_DISTANCE)
        .max(sentence.start)..cue.first;
    if !window.clone().any(is_as) {
        return None;
    }
    // "As reported by the Journal, …": a passive with its agent.
    let by_agent = cue.first > sentence.start
        && is_as(cue.first - 1)
        && doc.is_word(cue.last + 1)
        && doc.word(cue.last + 1) == "by";
    let (m, as_word, end) = if by_agent {
        let m = mention_after(doc, cue.last + 2, sentence.end)?;
        (m, cue.first - 1, m.last)
    } else {
        let m = speaker_before(doc, cue.first, sentence.start)?;
        let as_word = m.first.checked_sub(1)?;
        let end = adverbial_end(doc, hearer_end(doc, cue, sentence.end), sentence.end);
        (m, as_word, end)
    };
    if as_word < sentence.start || !is_as(as_word) {
        return None;
    }
    // "As Roe said, …": at the start of the sentence, or after a conjunction or a connective
    // set off by a comma ("But as …", "Yet, as …").
    let connective = |k: usize| {
        doc.is_word(k)
            && ["and", "but", "yet", "so", "still", "indeed", "however"]
                .iter()
                .any(|w| doc.word(k).eq_ignore_ascii_case(w))
    };
    let opens = as_word == sentence.start
        || as_word == sentence.start + 1 && connective(sentence.start)
        || as_word == sentence.start + 2
            && connective(sentence.start)
            && doc.is_punct(sentence.start + 1, &[","]);
    let content = if opens {
        rest_after(doc, end, sentence.end, &[","])?
    } else if as_word > sentence.start + 1 && doc.is_punct(as_word - 1, &[","]) {
        // "…, as Roe said.": the attribution closes the sentence.
        let after = end + 1;
        if after < sentence.end && !doc.is_terminal(after) {
            return None;
        }
        clause(doc, sentence.start, as_word - 2)?
    } else {
        return None;
    };
    Some(attribution(content, Some(m), cue, 0.7, "as_speaker_said"))
}

#[cfg(test)]
mod tests {
    fn run(text: &str) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
        crate::attribute::texts(text)
    }

    #[test]
    fn as_the_speaker_said_then_the_clause() {
        let got = run("As the mayor told reporters, the bridge will open in May.");
        assert_eq!(got[0].0, "the bridge will open in May");
        assert_eq!(got[0].1.as_deref(), Some("the mayor"));
        assert_eq!(got[0].3, "as_speaker_said");
    }

    #[test]
    fn as_reported_by_a_source_then_the_clause() {
        let got = run("As reported by the Gazette, the bridge will open in May.");
        assert_eq!(got[0].0, "the bridge will open in May");
        assert_eq!(got[0].1.as_deref(), Some("the Gazette"));
        let got = run("Yet, as the mayor noted, the bridge will open in May.");
        assert_eq!(got[0].0, "the bridge will open in May");
    }

    #[test]
    fn the_clause_then_as_the_speaker_said() {
        let got = run("The bridge will open in May, as the mayor said.");
        assert_eq!(got[0].0, "The bridge will open in May");
        assert_eq!(got[0].3, "as_speaker_said");
    }

    #[test]
    fn as_mid_clause_is_no_attribution_of_this_kind() {
        let got = run("Voters stayed home as the mayor said nothing about the bridge.");
        assert!(got.iter().all(|g| g.3 != "as_speaker_said"), "{got:?}");
    }
}
