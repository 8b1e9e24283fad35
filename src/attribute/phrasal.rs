//! Broad sense only (PolNeAR's): the object of a verb of stance or speech written in several
//! words, a verb with its particles or fixed words: "lashed out at the plan", "weighed in on the
//! vote", "distanced himself from the remark", "threw their support behind the mayor". The
//! phrase is the cue, its subject the holder and its object, to the end of the clause, the
//! content. The phrases are listed in `src/data/phrasal_stance.txt`; most of their verbs are no
//! cue on their own ("lashed", "weighed"), so the lexicon flags none of them. GGT counts none of
//! these as speech, so the pass runs only when `broad` is set, before the object rule: the
//! phrase is read whole before a noun in its object ("doubled down on his attacks on …") is
//! read as a stance of its own.

use super::object::POSSESSIVES;
use super::object::{reflexive, speaker_verb_object};
use super::reported::{catenated, classify_content};
use super::{Doc, State};
use crate::cues::Cue;
use crate::lexicon::VerbClass;
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// A phrase of the data file: its lemma ("lash out at") and the words after the verb.
struct Phrase {
    lemma: String,
    words: Vec<&'static str>,
    /// The verb's base form ends in "-ing", so a form in "-ing" is no participle.
    base_ing: bool,
}

/// The phrases, and for each verb form (lower case) the phrases it may open.
struct Phrases {
    phrases: Vec<Phrase>,
    by_form: HashMap<&'static str, Vec<usize>>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut phrases = Phrases {
        phrases: Vec::new(),
        by_form: HashMap::default(),
    };
    for line in crate::lexicon::data_lines(include_str!("../data/phrasal_stance.txt")) {
        let Some((forms, words)) = line.split_once('/') else {
            continue;
        };
        let forms: Vec<&'static str> = forms.split_whitespace().collect();
        let words: Vec<&'static str> = words.split_whitespace().collect();
        let Some(&base) = forms.first() else { continue };
        if words.is_empty() {
            continue;
        }
        let lemma = std::iter::once(base)
            .chain(words.iter().map(|&w| match w {
                "SELF" => "oneself",
                "POSS" => "one's",
                w => w,
            }))
            .collect::<Vec<_>>()
            .join(" ");
        let index = phrases.phrases.len();
        phrases.phrases.push(Phrase {
            lemma,
            words,
            base_ing: base.ends_with("ing"),
        });
        for form in forms {
            phrases.by_form.entry(form).or_default().push(index);
        }
    }
    phrases
});

/// Longest verb form of the data file, in bytes, with room to spare.
const MAX_FORM_BYTES: usize = 24;

/// Particles that may end a phrase, with its object right after them: "called out", "backed
/// off".
const PARTICLES: &[&str] = &["out", "back", "off", "up", "down", "aside", "forward"];

/// Words after a phrase that ends in a particle ("called out", "walked back") that make the
/// particle one of place or direction, not of the verb: "called out to the crowd", "walked back
/// into the hall".
const NOT_AN_OBJECT: &[&str] = &[
    "to", "into", "of", "from", "at", "in", "on", "onto", "over", "through", "toward", "towards",
    "across", "down", "up", "with", "for", "and", "or",
];

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for i in 0..doc.tokens.len().saturating_sub(2) {
        if doc.tokens[i].kind != TokenKind::Word || state.cue_used[i] {
            continue;
        }
        let Some(cue) = phrase_at(doc, i) else {
            continue;
        };
        if (cue.first..=cue.last).any(|k| state.cue_used[k] || doc.token_quote[k].is_some()) {
            continue;
        }
        let cue = catenated(doc, &cue).unwrap_or(cue);
        if let Some(mut a) = phrasal_verb_object(doc, &cue, state)
            && state.split_nested(doc, &a)
        {
            classify_content(doc, state, &mut a);
            state.push(doc, a);
        }
    }
}

/// The longest phrase of the data file whose verb is token `i`, as a cue from the verb to the
/// phrase's last word.
fn phrase_at(doc: &Doc<'_>, i: usize) -> Option<Cue> {
    let word = doc.word(i);
    // A capitalised form ("Come Out Against") is lower-cased on the stack: the listed verbs are
    // short ASCII words, so no allocation per capitalised word.
    let mut buffer = [0u8; MAX_FORM_BYTES];
    let form = if doc.tokens[i].upper {
        let lower = buffer.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).ok()?
    } else {
        word
    };
    let candidates = PHRASES.by_form.get(form)?;
    let (phrase, last) = candidates
        .iter()
        .map(|&p| &PHRASES.phrases[p])
        .filter_map(|p| matches_after(doc, i + 1, &p.words).map(|last| (p, last)))
        .max_by_key(|&(_, last)| last)?;
    Some(Cue {
        first: i,
        last,
        span: doc.tokens_span(i, last),
        lemma: phrase.lemma.as_str(),
        class: VerbClass::Stance,
        participle: form.ends_with("ing") && !phrase.base_ing,
    })
}

/// The last token of `words` read from token `k` on, if they are there.
fn matches_after(doc: &Doc<'_>, k: usize, words: &[&str]) -> Option<usize> {
    let mut j = k;
    for &w in words {
        if !doc.is_word(j) {
            return None;
        }
        let found = doc.word(j);
        let ok = match w {
            "SELF" => reflexive(found),
            "POSS" => POSSESSIVES.iter().any(|p| found.eq_ignore_ascii_case(p)),
            w => found.eq_ignore_ascii_case(w),
        };
        if !ok {
            return None;
        }
        j += 1;
    }
    Some(j - 1)
}

/// S PHRASE OBJECT, with a multi-word verb of stance or speech: the object, up to the end of
/// the clause, is what S said, held or stood for or against. The subject, the object and their
/// bounds are read as for a one-word verb (`object`).
///
/// Example: The senator lashed out at the governor's plan for a new bridge.
fn phrasal_verb_object(doc: &Doc<'_>, cue: &Cue, state: &State) -> Option<super::Attribution> {
    // "called out to the crowd", "walked back into the hall": the particle is one of direction.
    let after = cue.last + 1;
    if PARTICLES.iter().any(|p| lower_last(doc, cue.last, p))
        && doc.is_word(after)
        && doc.word_in(after, NOT_AN_OBJECT)
    {
        return None;
    }
    let mut a = speaker_verb_object(doc, cue, state)?;
    a.rule = "phrasal_verb_object";
    Some(a)
}

/// Token `k` is the word `w`, in any case.
fn lower_last(doc: &Doc<'_>, k: usize, w: &str) -> bool {
    doc.is_word(k) && doc.word(k).eq_ignore_ascii_case(w)
}

#[cfg(test)]
mod tests {
    use super::super::broad_texts;

    fn find<'a>(
        got: &'a [(String, Option<String>, Option<String>)],
        cue: &str,
    ) -> Option<&'a (String, Option<String>, Option<String>)> {
        got.iter()
            .find(|g| g.2.as_deref().is_some_and(|c| c.ends_with(cue)))
    }

    #[test]
    fn phrasal_verb_object() {
        let got = broad_texts("The senator lashed out at the governor's plan for a new bridge.");
        let g = find(&got, "lashed out at").expect("lashed out at");
        assert_eq!(g.0, "the governor's plan for a new bridge");
        assert_eq!(g.1.as_deref(), Some("The senator"));
        let got = broad_texts("Two council members weighed in on the budget dispute.");
        let g = find(&got, "weighed in on").expect("weighed in on");
        assert_eq!(g.0, "the budget dispute");
        assert_eq!(g.1.as_deref(), Some("Two council members"));
        let got = broad_texts("The union has pushed back against the new schedule.");
        let g = find(&got, "pushed back against").expect("pushed back against");
        assert_eq!(g.0, "the new schedule");
    }

    #[test]
    fn fixed_words_may_stand_between_verb_and_object() {
        let got = broad_texts("The governor shrugged off the criticism from farmers.");
        let g = find(&got, "shrugged off").expect("shrugged off");
        assert_eq!(g.0, "the criticism from farmers");
        let got = broad_texts("She made no secret of her doubts about the deal.");
        let g = find(&got, "made no secret of").expect("made no secret of");
        assert_eq!(g.0, "her doubts about the deal");
        assert_eq!(g.1.as_deref(), Some("She"));
        let got = broad_texts("The mayor later backed off her pledge to cut fares.");
        let g = find(&got, "backed off").expect("backed off");
        assert_eq!(g.0, "her pledge to cut fares");
    }

    #[test]
    fn a_reflexive_or_possessive_stands_inside_the_phrase() {
        let got = broad_texts("The mayor quickly distanced herself from the remarks.");
        let g = find(&got, "distanced herself from").expect("distanced herself from");
        assert_eq!(g.0, "the remarks");
        assert_eq!(g.1.as_deref(), Some("The mayor"));
        let got = broad_texts("Local farmers threw their support behind the new tariff.");
        let g = find(&got, "threw their support behind").expect("support behind");
        assert_eq!(g.0, "the new tariff");
    }

    #[test]
    fn a_participle_and_a_title_read_as_the_verb_does() {
        let got =
            broad_texts("The senator spoke for an hour, zeroing in on the cost of the stadium.");
        let g = find(&got, "zeroing in on").expect("zeroing in on");
        assert_eq!(g.0, "the cost of the stadium");
        assert_eq!(g.1.as_deref(), Some("The senator"));
        let got = broad_texts("Farm Groups Come Out Against Water Rules");
        let g = find(&got, "Come Out Against").expect("Come Out Against");
        assert_eq!(g.0, "Water Rules");
    }

    #[test]
    fn a_particle_of_direction_or_a_missing_word_is_no_phrase() {
        let got = broad_texts("The coach called out to the players on the field.");
        assert!(find(&got, "called out").is_none(), "{got:?}");
        let got = broad_texts("The guests walked back into the hall after dinner.");
        assert!(find(&got, "walked back").is_none(), "{got:?}");
        let got = broad_texts("The climbers backed off from the ledge before dark.");
        assert!(find(&got, "backed off").is_none(), "{got:?}");
        // "distanced" without a reflexive.
        let got = broad_texts("The runner distanced the field from the start.");
        assert!(find(&got, "from").is_none(), "{got:?}");
        // Passive.
        let got = broad_texts("The plan was singled out by the auditors.");
        assert!(find(&got, "singled out").is_none(), "{got:?}");
    }
}
