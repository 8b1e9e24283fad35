//! Attributions whose content is the object of the verb, in the broad sense only (PolNeAR's):
//! "Sanders endorsed Clinton", "She urged conservatives to obey the ruling", "He talked about
//! trade". GGT counts none of these as speech, so the pass runs only when `broad` is set.

use super::reported::{
    PERSON_RELATIVES, WEEKDAYS, agrees, attribution, classify_content, infinitive, lower_word_is,
    main_subject, negated_progressive, past_form, progressive, subject,
};
use super::speaker::{is_adverb, skip_adverbs_back, skip_adverbs_forward};
use super::{Doc, State};
use crate::cues::{Cue, object_cue_at};
use crate::lexicon::VerbClass;
use crate::mentions::Mention;
use crate::tokens::TokenKind;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Prepositions a verb may take before its content: "talked about", "railed against".
const PREPOSITIONS: &[&str] = &[
    "about", "of", "for", "on", "against", "to", "with", "over", "into", "toward", "towards",
    "upon", "behind", "at",
];
/// Prepositions that take a gerund whose subject is the main clause's: "by mentioning".
const GERUND_PREPOSITIONS: &[&str] = &[
    "by", "from", "of", "despite", "without", "after", "before", "while", "in", "for",
];
/// Words before the cue that make it passive or an infinitive: "was endorsed by", "to oppose".
const NOT_ACTIVE_BEFORE: &[&str] = &["to", "is", "was", "are", "were", "be", "been", "being"];
/// Lower-case words that open a new clause and so end the content.
const CLAUSE_BREAKS: &[&str] = &[
    "but", "while", "because", "although", "though", "whereas", "if", "unless", "since",
];
/// Words that open an adverbial, not an object: "said in a statement", "held by", "spoke this
/// week".
const ADVERBIAL_STARTS: &[&str] = &[
    "in",
    "at",
    "by",
    "during",
    "from",
    "with",
    "after",
    "before",
    "since",
    "under",
    "earlier",
    "later",
    "here",
    "there",
    "then",
    "today",
    "yesterday",
    "tonight",
    "last",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "decades",
    "year",
    "up",
    "down",
    "out",
    "back",
    "away",
    "off",
];
/// Longest object, in tokens.
const MAX_OBJECT_TOKENS: usize = 80;
/// Longest object before a colon that the words after it spell out ("one surefire method:").
const MAX_SPELLED_OUT_OBJECT_TOKENS: usize = 6;

/// Lemmas whose object is seldom content.
static NO_OBJECT: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/no_object_verbs.txt")).collect()
});
/// Lemmas whose content follows "to": "responded to the letter".
static TO_OBJECT: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/to_object_verbs.txt")).collect()
});
/// Lemmas whose content is their topic, after "about": "spoke about the shooting".
static ABOUT_OBJECT: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/about_object_verbs.txt")).collect()
});
/// Lemmas whose reflexive object is content: "cast himself as a reformer".
static SELF_DEPICTION: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/self_depiction_verbs.txt")).collect()
});
/// Most words between such a verb and its "about": "spoke with Breitbart News on Tuesday about".
const MAX_WORDS_BEFORE_ABOUT: usize = 5;
/// Words that open another clause or phrase, so an "about" after them is no topic of the verb.
const NOT_BEFORE_ABOUT: &[&str] = &[
    "who", "which", "that", "and", "or", "but", "what", "how", "when", "to", "if",
];

/// The "about" that opens the topic of a verb whose plain object is no content, starting at `k`:
/// "spoke out Tuesday about", "has spoken at length about", "spoke to CNN about".
fn topic_about(doc: &Doc<'_>, cue: &Cue, end: usize) -> Option<usize> {
    if !ABOUT_OBJECT.contains(&cue.lemma) {
        return None;
    }
    let k = cue.last + 1;
    // "spoke to CNN about": the one spoken to comes first.
    let opens_hearer = |j: usize| j == k && lower_word_is(doc, j, &["to"]);
    (k..end.min(k + MAX_WORDS_BEFORE_ABOUT + 1))
        .take_while(|&j| {
            doc.is_word(j) && (opens_hearer(j) || !lower_word_is(doc, j, NOT_BEFORE_ABOUT))
        })
        .find(|&j| lower_word_is(doc, j, &["about"]))
}

/// The last token of the one spoken to, starting at `k`: an object pronoun ("told them") or a
/// mention ("asked the mayor").
pub(super) fn hearer_last(doc: &Doc<'_>, k: usize, end: usize) -> Option<usize> {
    if lower_word_is(doc, k, OBJECT_PRONOUNS) {
        Some(k)
    } else {
        crate::mentions::mention_after(doc, k, end).map(|m| m.last)
    }
}

/// Pronouns that stand as a verb's object: "told them to …".
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "me", "us", "you"];
/// Possessive determiners look like pronouns but are no subject: "his plans to …".
pub(super) const POSSESSIVES: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// Verbs whose subject receives a stance rather than holds it: "drew criticism for".
static RECEIVING_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/receiving_verbs.txt")).collect()
});

/// Stance nouns and the prepositions they take: "criticism" → ["of", "over"].
static STANCE_NOUNS: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut nouns: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for (noun, preposition) in crate::lexicon::data_lines(include_str!("../data/stance_nouns.txt"))
        .filter_map(|line| line.split_once(' '))
    {
        nouns.entry(noun).or_default().push(preposition);
    }
    nouns
});

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    for i in 0..doc.tokens.len() {
        if state.cue_used[i] || doc.token_quote[i].is_some() {
            continue;
        }
        if let Some(mut a) = stance_noun_object(doc, i).filter(|a| state.split_nested(doc, a)) {
            classify_content(doc, state, &mut a);
            state.push(doc, a);
            continue;
        }
        let Some(cue) = object_cue_at(doc, i) else {
            continue;
        };
        // "appeared on television": where "appear" is no verb of seeming (`expected`), it is
        // one of being present, whose object is a place.
        if cue.lemma == "appear" {
            continue;
        }
        let cue = super::reported::catenated(doc, &cue).unwrap_or(cue);
        // "criticized Clinton for accepting donations", "said the mayor backed the plan": a verb
        // inside content already read is mostly part of it, not a statement of its own.
        if let Some(mut a) =
            speaker_verb_object(doc, &cue, state).or_else(|| passive_with_agent(doc, &cue))
            && state.split_nested(doc, &a)
        {
            classify_content(doc, state, &mut a);
            state.push(doc, a);
        }
    }
}

/// Longest subject of a passive read back from its "be", in tokens.
const MAX_PASSIVE_SUBJECT_TOKENS: usize = 12;

/// X be V-ed by S: the subject is what S said, wanted or stood for.
///
/// Example: The plan was endorsed by the mayor on Tuesday.
fn passive_with_agent(doc: &Doc<'_>, cue: &Cue) -> Option<super::Attribution> {
    let sentence = doc.sentence_range(cue.first);
    if cue.participle || !lower_word_is(doc, cue.last + 1, &["by"]) {
        return None;
    }
    let be = super::reported::be_before(doc, cue.first, sentence.start)?;
    let m = crate::mentions::mention_after(doc, cue.last + 2, sentence.end)?;
    // The subject: back from "be" to the clause's start.
    let lo = sentence
        .start
        .max(be.saturating_sub(MAX_PASSIVE_SUBJECT_TOKENS));
    let start = (lo..be)
        .rev()
        .find(|&j| {
            doc.is_punct(j, &[",", ";", ":", "—", "–", "(", ")"])
                || doc.is_quote_mark(j)
                || doc.tokens[j]
                    .info
                    .is_some_and(|x| x.clause_opener && !x.determiner)
        })
        .map_or(lo, |j| j + 1);
    if start >= be || start == lo && lo > sentence.start {
        return None;
    }
    Some(attribution(
        doc.tokens_span(start, be - 1),
        Some(m),
        cue,
        0.45,
        "passive_with_agent",
    ))
}

/// S V OBJECT: the object (after a preposition, when the verb takes one) up to the end of the
/// clause is what S said, wanted or stood for.
///
/// Example: The senator endorsed the governor's plan for a new bridge.
pub(super) fn speaker_verb_object(
    doc: &Doc<'_>,
    cue: &Cue,
    state: &State,
) -> Option<super::Attribution> {
    // "is promising to …" is active; "was endorsed by" and "to oppose" are not. A participle
    // after a comma tells more of the main clause's subject: "Trump spoke, attacking Clinton".
    let sentence = doc.sentence_range(cue.first);
    // An adverb may stand between: "…, often citing trust".
    let lead = skip_adverbs_back(doc, cue.first, sentence.start);
    let after_comma = lead > sentence.start && doc.is_punct(lead - 1, &[","]);
    // An adverb may stand between: "was also endorsed", "is widely expected".
    let before = (sentence.start..cue.first)
        .rev()
        .find(|&k| !is_adverb(doc, k) || lower_word_is(doc, k, NOT_ACTIVE_BEFORE));
    // "a Democrat supporting Clinton", "a letter urging voters to …": a participle of stance,
    // or one in -ing of saying, right after its noun.
    let modifies_noun = || {
        (cue.class == VerbClass::Stance
            || cue.class == VerbClass::Speech && doc.word(cue.first).ends_with("ing"))
            && crate::mentions::mention_before(doc, cue.first, sentence.start).is_some_and(|m| {
                m.kind != crate::statement::SpeakerType::Pronoun && nominal_head(doc, &m)
            })
    };
    // "by mentioning …", "despite challenging …", "stopped short of endorsing …": a gerund after
    // a preposition is the main clause subject's act.
    let gerund = cue.participle
        && doc.word(cue.first).ends_with("ing")
        && before.is_some_and(|k| {
            lower_word_is(doc, k, GERUND_PREPOSITIONS)
                // ", urging voters to wait and promising …": a second participle.
                || lower_word_is(doc, k, &["and"])
                    && (sentence.start..k).any(|j| doc.is_punct(j, &[","]))
        });
    // "While celebrating his wins, Trump mocked …": a gerund in an opening adverbial is the act
    // of the subject after it.
    let fronted = cue.participle
        && doc.word(cue.first).ends_with("ing")
        && before == Some(sentence.start)
        && doc.is_word(sentence.start)
        && GERUND_PREPOSITIONS
            .iter()
            .any(|p| doc.word(sentence.start).eq_ignore_ascii_case(p));
    if fronted {
        return fronted_gerund_object(doc, cue, &sentence);
    }
    let after_comma = after_comma || gerund;
    // "Clinton was asked about the speeches": the one asked answers about them.
    let asked_about = cue.lemma == "ask"
        && !cue.participle
        && lower_word_is(doc, cue.last + 1, &["about"])
        && before.is_some_and(|k| lower_word_is(doc, k, super::reported::BE_FORMS));
    // A negated progressive tells a stance too: "the candidates aren't offering specifics".
    let active = if cue.participle {
        progressive(doc, cue) || negated_progressive(doc, cue) || after_comma || modifies_noun()
    } else {
        asked_about || !before.is_some_and(|k| lower_word_is(doc, k, NOT_ACTIVE_BEFORE))
    };
    let to_object = TO_OBJECT.contains(&cue.lemma) && lower_word_is(doc, cue.last + 1, &["to"]);
    let topic = topic_about(doc, cue, sentence.end);
    // "told voters not to worry": a hearer and an infinitive make a directive, whatever the verb.
    let directive = || {
        hearer_last(doc, cue.last + 1, sentence.end).is_some_and(|last| {
            let to = last + 1;
            infinitive(doc, to)
                || lower_word_is(doc, to, &["not", "never"]) && infinitive(doc, to + 1)
        })
    };
    if !active
        || cue.is_according_to()
        || NO_OBJECT.contains(&cue.lemma) && !to_object && topic.is_none() && !directive()
    {
        return None;
    }
    // "rebel-held cities": part of a compound adjective.
    if cue.first > 0 && doc.is_punct(cue.first - 1, &["-", "‑"]) {
        return None;
    }
    // "Do you support …?": a question asserts nothing.
    let last = (sentence.start..sentence.end)
        .rev()
        .find(|&k| !doc.is_quote_mark(k));
    if last.is_some_and(|k| doc.is_punct(k, &["?"])) {
        return None;
    }
    let m = if cue.participle && after_comma {
        participle_subject(doc, cue, &sentence, state)?
    } else if cue.participle && !progressive(doc, cue) && !negated_progressive(doc, cue) {
        crate::mentions::mention_before(doc, cue.first, sentence.start)?
    } else if let Some(m) = subject(doc, cue, sentence.start) {
        if !agrees(doc, cue, &m) {
            return None;
        }
        m
    } else if after_comma && past_after_comma(doc, cue, sentence.end) {
        // "A federal judge, in response to a request, ordered …", "Roe speculated about the
        // cost, referred to …": the clause's subject stands before the aside or list.
        participle_subject(doc, cue, &sentence, state)?
    } else {
        return None;
    };
    if !plausible_subject(doc, cue, &m) {
        return None;
    }
    // "a firm focused on", "a group called": a participle after an indefinite noun describes it,
    // unless the noun opens the clause as its subject ("On Monday, a survey showed …").
    let opens_clause = m.first == sentence.start || doc.is_punct(m.first - 1, &[","]);
    let describes = m.last + 1 == cue.first
        && lower_word_is(doc, m.first, &["a", "an"])
        && doc.word(cue.first).ends_with("ed")
        && !opens_clause;
    if describes {
        return None;
    }
    let mut start = topic.unwrap_or_else(|| skip_adverbs_forward(doc, cue.last + 1, sentence.end));
    // "vowed Tuesday to …", "vowed on Tuesday night to …": a day is an adverbial.
    let day = |k: usize| k < sentence.end && doc.word_in(k, WEEKDAYS);
    let on_day = lower_word_is(doc, start, &["on"]) && day(start + 1);
    if on_day || day(start) {
        let mut k = start + 1 + usize::from(on_day);
        if lower_word_is(doc, k, &["night", "morning", "afternoon", "evening"]) {
            k += 1;
        }
        start = skip_adverbs_forward(doc, k, sentence.end);
    }
    // A verb of saying takes its topic after "about" or "of" ("talked about"); "confirmed on
    // Facebook" names a medium.
    let prepositions = if to_object {
        &["to"][..]
    } else if cue.class == VerbClass::Speech {
        &["about", "of"][..]
    } else {
        PREPOSITIONS
    };
    if start < sentence.end
        && lower_word_is(doc, start, prepositions)
        && (to_object || !infinitive(doc, start))
    {
        start += 1;
    }
    let self_portrait =
        start < sentence.end && reflexive(doc.word(start)) && SELF_DEPICTION.contains(&cue.lemma);
    if start >= sentence.end || !(opens_object(doc, start) || self_portrait) {
        return None;
    }
    let mut end = content_end(doc, start, sentence.end);
    // "The mayor, who criticized the plan, left early": a relative clause set off by commas
    // ends at the next one.
    let relative = skip_adverbs_back(doc, cue.first, sentence.start);
    if relative >= sentence.start + 2
        && (lower_word_is(doc, relative - 1, PERSON_RELATIVES)
            || lower_word_is(doc, relative - 1, &["which"]))
        && doc.is_punct(relative - 2, &[","])
        && let Some(comma) =
            (start + 1..end).find(|&k| doc.is_punct(k, &[","]) && doc.token_quote[k].is_none())
    {
        end = comma;
    }
    // "A pastor supporting the mayor| left early": the sentence's own verb ends the object.
    if cue.participle && !after_comma && !progressive(doc, cue) && !negated_progressive(doc, cue) {
        end = (start + 1..end)
            .find(|&k| {
                let t = &doc.tokens[k];
                t.kind == TokenKind::Word
                    && !t.upper
                    && (t.info.is_some_and(|x| x.finite) || doc.word(k).ends_with("ed"))
            })
            .unwrap_or(end);
    }
    // A verb of saying with a one-word object ("said no") reports no content.
    let words = (start..end).filter(|&k| doc.is_word(k)).take(2).count();
    if words == 0 || words == 1 && cue.class == VerbClass::Speech {
        return None;
    }
    let confidence = if cue.class == VerbClass::Speech {
        0.55
    } else {
        0.5
    };
    Some(attribution(
        doc.tokens_span(start, end - 1),
        Some(m),
        cue,
        confidence,
        "speaker_verb_object",
    ))
}

/// While V-ing OBJECT, S …: the object is what the main clause's subject said or stood for.
///
/// Example: While praising the new bridge, the mayor warned of its cost.
fn fronted_gerund_object(
    doc: &Doc<'_>,
    cue: &Cue,
    sentence: &std::ops::Range<usize>,
) -> Option<super::Attribution> {
    let start = skip_adverbs_forward(doc, cue.last + 1, sentence.end);
    if start >= sentence.end || !opens_object(doc, start) {
        return None;
    }
    let comma = (start + 1..sentence.end.min(start + MAX_OBJECT_TOKENS))
        .find(|&k| doc.is_punct(k, &[","]) && doc.token_quote[k].is_none())?;
    let m = crate::mentions::mention_after(doc, comma + 1, sentence.end).filter(|m| {
        m.first == comma + 1
            && (m.kind != crate::statement::SpeakerType::Unknown || doc.tokens[m.last].upper)
            // "…, it is fair to ask": an expletive acts on nothing.
            && !doc.word(m.first).eq_ignore_ascii_case("it")
    })?;
    let end = content_end(doc, start, comma);
    if end <= start || !(start..end).any(|k| doc.is_word(k)) {
        return None;
    }
    Some(attribution(
        doc.tokens_span(start, end - 1),
        Some(m),
        cue,
        0.5,
        "speaker_verb_object",
    ))
}

/// NOUN PREP OBJECT, with a stance noun: the object is what its possessor, if written, stood for.
///
/// Example: The governor's criticism of the new bridge plan surprised no one.
fn stance_noun_object(doc: &Doc<'_>, i: usize) -> Option<super::Attribution> {
    let t = &doc.tokens[i];
    // Most tokens are not a lower-case word before a preposition: decided before any lookup.
    // "by" only after a word of feeling: "angered by the deal".
    if t.kind != TokenKind::Word
        || t.upper
        || !(lower_word_is(doc, i + 1, PREPOSITIONS) || lower_word_is(doc, i + 1, &["by"]))
    {
        return None;
    }
    let (lemma, prepositions) = STANCE_NOUNS.get_key_value(doc.word(i))?;
    if !prepositions.contains(&doc.word(i + 1)) {
        return None;
    }
    let sentence = doc.sentence_range(i);
    // "The support for the bridge grew": no one is said to hold it.
    if i > sentence.start
        && doc.is_word(i - 1)
        && ["the", "a", "an"]
            .iter()
            .any(|w| doc.word(i - 1).eq_ignore_ascii_case(w))
    {
        return None;
    }
    let start = i + 2;
    if start >= sentence.end || !opens_object(doc, start) {
        return None;
    }
    // To the end of the clause, as the annotators of stance read it.
    let end = content_end(doc, start, sentence.end);
    if end <= start {
        return None;
    }
    // "The mayor drew criticism for …": the subject receives the stance, someone else holds it.
    let received = i > sentence.start && lower_word_is(doc, i - 1, &RECEIVING_VERBS);
    // "Trump's criticism of", "her support for": the possessor holds the stance.
    let possessor = if i > sentence.start && lower_word_is(doc, i - 1, POSSESSIVES) {
        Some(crate::mentions::classify(doc, i - 1, i - 1))
    } else if i > sentence.start && doc.is_possessive(i - 1) {
        crate::mentions::mention_before(doc, i, sentence.start)
    } else if received {
        None
    } else {
        // "Clinton has expressed support for …": the clause's subject.
        main_subject(doc, &sentence, i).filter(|m| m.kind != crate::statement::SpeakerType::Unknown)
    };
    let cue = Cue {
        first: i,
        last: i + 1,
        span: doc.tokens_span(i, i + 1),
        lemma,
        class: VerbClass::Stance,
        participle: false,
    };
    Some(attribution(
        doc.tokens_span(start, end - 1),
        possessor,
        &cue,
        0.35,
        "stance_noun_object",
    ))
}

/// Whose act a participle after a comma tells: the speaker of a statement found before it in the
/// sentence ("“…,” added Murphy, referring to the killings"), else the main clause's subject.
/// The cue after a comma is a verb in the past of the clause's subject rather than a participle
/// describing a noun: not passive ("…, opposed by House Republicans, …") and not a comparison
/// ("compared with").
fn past_after_comma(doc: &Doc<'_>, cue: &Cue, end: usize) -> bool {
    let w = doc.word(cue.first);
    !cue.participle
        && past_form(doc, cue.first)
        && !w.eq_ignore_ascii_case("compared")
        && !(cue.last + 1..end.min(cue.last + 4)).any(|k| lower_word_is(doc, k, &["by"]))
}

fn participle_subject(
    doc: &Doc<'_>,
    cue: &Cue,
    sentence: &std::ops::Range<usize>,
    state: &State,
) -> Option<Mention> {
    let span = doc.tokens_span(sentence.start, cue.first);
    let before = state
        .out
        .iter()
        .rev()
        .take(MAX_NEARBY_STATEMENTS)
        .find(|a| a.cue.is_some_and(|c| span.contains(c.span)))
        .and_then(|a| a.mention);
    before.or_else(|| main_subject(doc, sentence, cue.first - 1))
}

/// How many of the latest statements a participle looks back over for its speaker.
const MAX_NEARBY_STATEMENTS: usize = 64;

/// The mention's head reads as a noun, so a participle after it can describe it: a name, a
/// role, group, organisation or document, or a plural ("a Democrat supporting", "voters
/// backing", "a report describing", "42% preferring"); not an
/// adjective ("a loyal| voting bloc").
pub(super) fn nominal_head(doc: &Doc<'_>, m: &Mention) -> bool {
    let head = crate::mentions::head_token(doc, m.first, m.last);
    let t = &doc.tokens[head];
    t.upper
        || t.info
            .is_some_and(|x| x.role.is_some() || x.group || x.org || x.document)
        || crate::mentions::looks_plural(doc.word(head))
        || m.number == crate::lexicon::Number::Plural
}

/// The mention can be the verb's subject: not a possessor ("Clinton's attacks on", "its
/// calls to"), and not the head of a naming phrase ("a group called Ginbot 7").
fn plausible_subject(doc: &Doc<'_>, cue: &Cue, m: &Mention) -> bool {
    // "He's praising": a pronoun with "is" run into it is no possessor.
    let possessive = |k: usize| {
        (doc.ends_possessive(k) && !crate::mentions::contracted_be(doc, k))
            || lower_word_is(doc, k, POSSESSIVES)
    };
    let naming = cue.lemma == "call" && lower_word_is(doc, m.first, &["a", "an"]);
    !(possessive(m.last) || naming)
}

/// The object starts here: a word that is no preposition of time or place ("said in a
/// statement", "held by"), no reflexive ("found himself") and no punctuation but a quote mark.
fn opens_object(doc: &Doc<'_>, start: usize) -> bool {
    let t = &doc.tokens[start];
    if t.kind == TokenKind::Punct {
        return doc.is_quote_mark(start);
    }
    !lower_word_is(doc, start, ADVERBIAL_STARTS)
        && !doc.word_in(start, WEEKDAYS)
        && !reflexive(doc.word(start))
        // After a participle an auxiliary is the sentence's own verb, so the participle
        // described a noun: "A merger announced Monday| would turn …".
        && !lower_word_is(doc, start, super::reported::AUXILIARIES)
}

/// "himself", "themselves".
pub(super) fn reflexive(word: &str) -> bool {
    word.ends_with("self") || word.ends_with("selves")
}

/// Longest note in brackets after a name, in tokens: "(R-Fla.)", "(I-VT)".
const MAX_NOTE_TOKENS: usize = 6;

/// The closing bracket of a short note that opens at token `k` right after a capitalised word.
fn name_note_end(doc: &Doc<'_>, k: usize, start: usize, end: usize) -> Option<usize> {
    if k <= start || !doc.is_punct(k, &["("]) || !doc.tokens[k - 1].upper {
        return None;
    }
    (k + 1..end.min(k + 2 + MAX_NOTE_TOKENS)).find(|&j| doc.is_punct(j, &[")"]))
}

/// Where the object that starts at `start` ends (exclusive): at a clause break, a comma, colon,
/// semicolon, dash or bracket outside quotation marks, or the end of the sentence without its
/// final punctuation.
/// A cue at token `k` in a form that is no noun, so after "and" it is a second verb: "calling
/// him a fraud and accusing him of …", "thanked the chair and congratulated …".
pub(super) fn second_cue(doc: &Doc<'_>, k: usize) -> bool {
    let w = doc.word(k);
    (w.ends_with("ing") || w.ends_with("ed")) && crate::cues::object_cue_at(doc, k).is_some()
}

pub(super) fn content_end(doc: &Doc<'_>, start: usize, end: usize) -> usize {
    // Objects are short; a cap keeps an unpunctuated run of verbs linear.
    let end = end.min(start + MAX_OBJECT_TOKENS);
    let mut k = start;
    while k < end {
        // "Sen. Bernie Sanders (I-VT) leading …": a short note after a name goes on with it.
        if let Some(close) = name_note_end(doc, k, start, end) {
            k = close + 1;
            continue;
        }
        let t = &doc.tokens[k];
        let quoted = doc.token_quote[k].is_some() && !doc.is_quote_mark(k);
        // A verb of saying starts the main clause: "Supporters who backed Clinton| said …".
        let report = t.verb()
            && past_form(doc, k)
            && crate::cues::cue_at(doc, k).is_some_and(|c| c.class == VerbClass::Speech)
            && k > start
            && !lower_word_is(doc, k - 1, &["had", "has", "have", "to"])
            // "decried Trump’s repeated calls": after a possessive the form describes a noun.
            && !doc.ends_possessive(k - 1)
            && crate::mentions::mention_before(doc, k, start).is_some();
        // "supporting Brooks| and has been in touch": a second verb ends the object.
        let second_verb = lower_word_is(doc, k, &["and", "or", "yet"])
            && doc.tokens.get(k + 1).is_some_and(|n| {
                !n.upper
                    && (n.info.is_some_and(|x| x.finite || x.verb.is_some())
                        || second_cue(doc, k + 1))
            });
        // A comma ends the object only before a new clause: ", saying …", ", but …", or the
        // main verb after a participle set off by commas ("Roe, citing a verse, endorsed …").
        let comma_clause = doc.is_punct(k, &[","])
            && doc.tokens.get(k + 1).is_some_and(|n| {
                n.kind == TokenKind::Word
                    && !n.upper
                    && (doc.word(k + 1).ends_with("ing") && n.verb()
                        || lower_word_is(doc, k + 1, CLAUSE_BREAKS)
                        || n.info
                            .and_then(|x| x.verb.or(x.stance))
                            .is_some_and(|v| !v.base && !v.third_person && !v.participle))
            });
        // "suggested one method: a speech that …": a short object goes on with what the colon
        // spells out.
        let spelled_out = doc.is_punct(k, &[":"])
            && k - start <= MAX_SPELLED_OUT_OBJECT_TOKENS
            && k + 1 < end
            && (doc.is_word(k + 1) || doc.is_quote_mark(k + 1));
        let breaks = !quoted
            && (second_verb
                || comma_clause
                || t.kind == TokenKind::Punct
                    && !spelled_out
                    && doc.is_punct(k, &[";", ":", "—", "–", "(", ")", "[", "]"])
                || lower_word_is(doc, k, CLAUSE_BREAKS)
                || report);
        if breaks && k > start {
            break;
        }
        k += 1;
    }
    // "demands accountability, yet refuses …": the comma before a break is no part of it.
    while k > start && (doc.is_terminal(k - 1) || doc.is_punct(k - 1, &[","])) {
        k -= 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use crate::attribute::broad_texts as run;

    #[test]
    fn catenative_adjectives_and_floating_quantifiers() {
        let got = run("Her strategists were reluctant to endorse the plan.");
        assert_eq!(got[0].2.as_deref(), Some("were reluctant to endorse"));
        let got = run("The ministers all urged a larger role for the country.");
        assert_eq!(got[0].1.as_deref(), Some("The ministers"));
        // "each" is left alone: "Lee and Roe each added a goal" is a box score.
        let got = run("Lee and Roe each added a goal.");
        assert!(got.iter().all(|g| g.1.as_deref() != Some("Roe")), "{got:?}");
    }

    #[test]
    fn listing_documenting_remembering_and_nominating_take_objects() {
        let got = run("The mayor then listed the costs of the bridge.");
        assert_eq!(got[0].0, "the costs of the bridge");
        let got = run("The audit documented several cases of waste.");
        assert_eq!(got[0].1.as_deref(), Some("The audit"));
        let got = run("Her coach remembered Roe as a gifted runner.");
        assert_eq!(got[0].0, "Roe as a gifted runner");
        let got = run("In 1972 the party nominated a senator from the West.");
        assert_eq!(got[0].1.as_deref(), Some("the party"));
        // "nominating" is left out: mostly an adjective.
        assert!(run("The nominating contest opens in the spring.").is_empty());
    }

    #[test]
    fn alluding_and_pivoting_take_their_content_after_to() {
        let got = run("The governor pivoted to the economy in the second half.");
        assert_eq!(got[0].0, "the economy in the second half");
        let got = run("She was alluding to the scandal of last year.");
        assert_eq!(got[0].0, "the scandal of last year");
    }

    #[test]
    fn a_stance_verb_may_take_its_content_after_at_or_with() {
        let got = run("Several senators balked at the cost of the program.");
        assert_eq!(got[0].0, "the cost of the program");
        let got = run("The judge sided with the tenants.");
        assert_eq!(got[0].0, "the tenants");
    }

    #[test]
    fn verbs_of_praise_regret_and_deliberation_take_objects() {
        let got = run("The chancellor lauded the agreement as a milestone.");
        assert_eq!(got[0].0, "the agreement as a milestone");
        let got = run("The board is mulling a new offer from the union.");
        assert_eq!(got[0].1.as_deref(), Some("The board"));
    }

    #[test]
    fn an_adjective_of_stance_takes_its_object_after_its_preposition() {
        let got = run("The unions are opposed to the merger.");
        assert_eq!(got[0].0, "the merger");
        assert_eq!(got[0].1.as_deref(), Some("The unions"));
        let got = run("Farmers were upbeat about the harvest.");
        assert_eq!(got[0].0, "the harvest");
        let got = run("Many officials were angered by the deal.");
        assert_eq!(got[0].0, "the deal");
        assert_eq!(got[0].1.as_deref(), Some("Many officials"));
    }

    #[test]
    fn a_reflexive_object_of_self_depiction_is_content() {
        let got = run("She described herself as a moderate on most issues.");
        assert_eq!(got[0].0, "herself as a moderate on most issues");
        let got = run("The governor has called himself a fiscal hawk.");
        assert_eq!(got[0].0, "himself a fiscal hawk");
        // Other verbs: a reflexive is no content.
        assert!(run("As a student he supported himself with odd jobs.").is_empty());
    }

    #[test]
    fn a_past_verb_after_a_comma_shares_the_clause_subject() {
        let got = run("Roe praised the plan, criticized the budget and left early.");
        assert_eq!(got[1].0, "the budget");
        assert_eq!(got[1].1.as_deref(), Some("Roe"));
        // Passive, it describes a noun.
        assert!(run("The bill, opposed by the union, never became law.").is_empty());
    }

    #[test]
    fn introducing_presenting_and_painting_take_objects() {
        let got = run("The senator introduced a bill to cap rents.");
        assert_eq!(got[0].0, "a bill to cap rents");
        let got = run("Her ads painted the mayor as a spendthrift.");
        assert_eq!(got[0].0, "the mayor as a spendthrift");
    }

    #[test]
    fn a_second_cue_after_and_ends_the_object() {
        let got = run("She opened the rally, thanking the mayor and congratulating the winners.");
        assert_eq!(got[0].0, "the mayor");
        assert_eq!(got[1].0, "the winners");
        // So it ends what one calls something.
        let got = run("Roe hit back, calling him a coward and accusing him of lying.");
        assert_eq!(got[0].0, "him a coward");
        assert_eq!(got[1].0, "him of lying");
        // A noun after "and" goes on with the object, even in -ing.
        let got = run("The senator criticized the ruling and spending on the bridge.");
        assert_eq!(got[0].0, "the ruling and spending on the bridge");
    }

    #[test]
    fn a_participle_of_saying_after_its_noun_takes_an_object() {
        let got = run("The union sent a letter urging members to reject the offer.");
        assert_eq!(got[0].0, "members to reject the offer");
        assert_eq!(got[0].1.as_deref(), Some("a letter"));
        // A participle in -ed after a noun describes it: "a letter sent to members".
        assert!(run("The union read a letter sent to members on Monday.").is_empty());
    }

    #[test]
    fn a_capitalised_modifier_before_a_plural_noun_is_a_subject() {
        let got = run("ISIS soldiers mocked the tactics of the army.");
        assert_eq!(got[0].1.as_deref(), Some("ISIS soldiers"));
    }

    #[test]
    fn a_hyphenated_adverb_opens_the_object() {
        let got = run("The senator has sharply criticized long-standing trade deals.");
        assert_eq!(got[0].0, "long-standing trade deals");
        let got = run("Women support the senator by a wide margin.");
        assert_eq!(got[0].1.as_deref(), Some("Women"));
    }

    #[test]
    fn a_note_after_a_name_and_a_gerund_inside_the_object_go_on_with_it() {
        let got = run("A new poll shows Sen. Jane Roe (D-Ore.) leading the field nationally.");
        assert_eq!(
            got[0].0,
            "Sen. Jane Roe (D-Ore.) leading the field nationally"
        );
        let got = run("He has criticized the mayor for accepting donations from developers.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].0,
            "the mayor for accepting donations from developers"
        );
    }

    #[test]
    fn a_verb_inside_a_report_is_part_of_it() {
        let got = run("The mayor said the council backed the plan for a new bridge.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "the council backed the plan for a new bridge");
    }

    #[test]
    fn an_opening_gerund_is_the_act_of_the_subject_after_it() {
        let got = run("While praising the new bridge, the mayor warned of its cost.");
        assert_eq!(got[0].0, "the new bridge");
        assert_eq!(got[0].1.as_deref(), Some("the mayor"));
        // Not when no speaker follows the comma.
        let got = run("While praising the new bridge, it is fair to ask about its cost.");
        assert!(got.iter().all(|g| g.0 != "the new bridge"), "{got:?}");
    }

    #[test]
    fn verbs_that_double_their_last_consonant_are_found() {
        // The lexicon once listed "slamed" and "bloged".
        let got = run("Sanders slammed Clinton for her paid speeches.");
        assert_eq!(got[0].2.as_deref(), Some("slammed"));
        let got = run("The senator blogged about the new tax plan last week.");
        assert_eq!(got[0].2.as_deref(), Some("blogged"));
    }

    #[test]
    fn a_base_form_after_a_modal_or_do_agrees_with_any_subject() {
        let got = run("The mayor will support the plan for the bridge.");
        assert_eq!(got[0].0, "the plan for the bridge");
        assert_eq!(got[0].1.as_deref(), Some("The mayor"));
        let got = run("The mayor didn't support the plan for the bridge.");
        assert_eq!(got[0].1.as_deref(), Some("The mayor"));
    }

    #[test]
    fn what_a_verb_of_answering_answers_follows_to() {
        let got = run("The mayor did not respond to requests for comment.");
        assert_eq!(got[0].0, "requests for comment");
        assert!(run("The mayor responded with a letter.").is_empty());
    }

    #[test]
    fn the_topic_of_speaking_or_writing_follows_about() {
        let got = run("Jane Roe spoke out Tuesday about the closing of the bridge.");
        assert_eq!(got[0].0, "the closing of the bridge");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        let got = run("The mayor has written at length about her ties to the port.");
        assert_eq!(got[0].0, "her ties to the port");
        let got = run("The mayor spoke to reporters about the delays.");
        assert_eq!(got[0].0, "the delays");
        // Their plain object is no content, and an "about" in a later clause is no topic.
        assert!(run("The mayor spoke French.").is_empty());
        let got = run("The mayor spoke to voters who worry about the delays.");
        assert!(
            got.iter().all(|g| g.2.as_deref() != Some("spoke")),
            "{got:?}"
        );
    }

    #[test]
    fn the_one_asked_about_something_answers_about_it() {
        let got = run("The mayor was asked about the delays at the bridge.");
        assert_eq!(got[0].0, "the delays at the bridge");
        assert_eq!(got[0].1.as_deref(), Some("The mayor"));
        // Asked to do something, the mayor says nothing: the request is the asker's, unnamed.
        let got = run("The mayor was asked to leave.");
        assert_eq!(got, vec![("to leave".into(), None, Some("asked".into()))]);
    }

    #[test]
    fn a_hearer_and_an_infinitive_after_tell_are_a_directive() {
        let got = run("Okoro told voters not to worry about the vote.");
        assert_eq!(got[0].0, "voters not to worry about the vote");
        assert_eq!(got[0].1.as_deref(), Some("Okoro"));
        let got = run("Okoro told them to leave the hall.");
        assert_eq!(got[0].0, "them to leave the hall");
        // A hearer alone is no content.
        assert!(run("Okoro told reporters at the hall.").is_empty());
    }

    #[test]
    fn a_day_after_the_verb_is_no_object() {
        for text in [
            "The campaign vowed Tuesday to remain in the fight.",
            "The campaign vowed on Tuesday night to remain in the fight.",
        ] {
            let got = run(text);
            assert_eq!(got[0].0, "to remain in the fight", "{text}");
        }
    }

    #[test]
    fn a_participle_set_off_by_commas_ends_before_the_main_verb() {
        let got = run("Pastor Tim Okoro, citing a verse from the Bible, endorsed Senator Dunn.");
        let pieces: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.2.as_deref())).collect();
        assert_eq!(
            pieces,
            vec![
                ("a verse from the Bible", Some("citing")),
                ("Senator Dunn", Some("endorsed"))
            ]
        );
        assert_eq!(got[1].1.as_deref(), Some("Pastor Tim Okoro"));
    }

    #[test]
    fn a_verb_after_yet_ends_the_object_and_its_comma() {
        let got = run("Okoro praised the plan for the bridge, yet said it would cost too much.");
        assert_eq!(got[0].0, "the plan for the bridge");
    }

    #[test]
    fn a_contracted_or_negated_progressive_takes_an_object() {
        let got = run("He’s also praising the former governor.");
        assert_eq!(got[0].0, "the former governor");
        assert_eq!(got[0].1.as_deref(), Some("He"));
        let got = run("The candidates aren't offering specifics on the plan.");
        assert_eq!(got[0].0, "specifics on the plan");
        assert_eq!(got[0].1.as_deref(), Some("The candidates"));
    }

    #[test]
    fn a_participle_before_the_sentences_auxiliary_has_no_object() {
        let got = run("A draft document approved Saturday would move the party to the left.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_possessor_and_a_participle_inside_the_object_go_on_with_it() {
        let got = run("Khan decried Okoro’s repeated calls to ban all imports.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Okoro’s repeated calls to ban all imports");
        assert_eq!(got[0].1.as_deref(), Some("Khan"));
    }

    #[test]
    fn a_short_object_goes_on_with_what_a_colon_spells_out() {
        let got = run("They suggested one sure method: a speech by the mayor that explains it.");
        assert_eq!(
            got[0].0,
            "one sure method: a speech by the mayor that explains it"
        );
        // A long object ends at its colon.
        let got =
            run("They backed the long and costly plan for a new bridge over the river: it passed.");
        assert_eq!(
            got[0].0,
            "the long and costly plan for a new bridge over the river"
        );
    }

    #[test]
    fn a_passive_with_its_agent_reports_its_subject() {
        let got = run("The new plan was endorsed by the mayor on Tuesday.");
        assert_eq!(
            got,
            vec![(
                "The new plan".into(),
                Some("the mayor".into()),
                Some("endorsed".into())
            )]
        );
        // Without an agent the passive names no one here.
        assert!(run("The new plan was endorsed on Tuesday.").is_empty());
    }

    #[test]
    fn object_of_a_stance_verb() {
        assert_eq!(
            run("The senator endorsed the governor's plan for a new bridge."),
            vec![(
                "the governor's plan for a new bridge".to_string(),
                Some("The senator".to_string()),
                Some("endorsed".to_string())
            )]
        );
    }

    #[test]
    fn a_comma_inside_the_object_does_not_end_it() {
        let got = run("Roe criticized Tulsa, Okla., officer Jane Doe for the shooting.");
        assert_eq!(got[0].0, "Tulsa, Okla., officer Jane Doe for the shooting");
        // Before a participle or a clause break it does.
        let got = run("The mayor praised the budget, saying it was fair.");
        assert_eq!(got[0].0, "the budget");
    }

    #[test]
    fn the_object_of_a_stance_noun() {
        let got = run("The governor's criticism of the bridge plan surprised no one.");
        assert_eq!(got[0].1.as_deref(), Some("The governor's"));
        assert_eq!(got[0].2.as_deref(), Some("criticism of"));
        assert_eq!(got[0].0, "the bridge plan surprised no one");
        let got = run("Jane Roe has long had doubts about the new bridge.");
        assert_eq!(got[0].0, "the new bridge");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        // Who draws criticism does not hold it.
        let got = run("Jane Roe drew criticism over the new bridge.");
        assert_eq!(got[0].1, None);
        // Only the listed preposition: "support from" names who gives it.
        assert!(run("The plan won support from the council.").is_empty());
    }

    #[test]
    fn a_gerund_after_a_preposition_is_the_subjects_act() {
        let got = run("Jane Roe has refrained from endorsing the mayor's plan.");
        assert_eq!(got[0].0, "the mayor's plan");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        let got = run("She spoke for an hour, urging calm and promising new roads.");
        assert!(got.iter().any(|g| g.0 == "new roads"), "{got:?}");
    }

    #[test]
    fn preposition_and_clause_break() {
        let got = run("The mayor talked about the budget, but the council left early.");
        assert_eq!(got[0].0, "the budget");
        assert_eq!(got[0].2.as_deref(), Some("talked"));
    }

    #[test]
    fn infinitive_object() {
        let got = run("The union threatened to strike in May.");
        assert_eq!(got[0].0, "to strike in May");
    }

    #[test]
    fn nouns_and_possessives_are_not_cues() {
        assert!(run("His plans leave little room for a bridge.").is_empty());
        assert!(run("The support for the bridge grew.").is_empty());
    }

    #[test]
    fn nouns_after_a_plural_possessive_or_have_are_not_cues() {
        assert!(run("But the builders' plans leave little room for parks.").is_empty());
        assert!(run("The mayor and the council had reasons to wait.").is_empty());
    }

    #[test]
    fn an_indefinite_subject_after_an_opening_phrase_is_no_description() {
        let got = run("On Tuesday, a survey showed the mayor leading.");
        assert_eq!(got[0].0, "the mayor leading");
        assert!(run("She runs a firm focused on real estate.").is_empty());
    }

    #[test]
    fn relative_clauses_name_their_subject_and_end_at_their_comma() {
        let got = run("The mayor, who criticized the plan, left early.");
        assert_eq!(got[0].0, "the plan");
        let got = run("Lee met Jane Roe, who's called for new roads.");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_deref()),
            ("new roads", Some("Jane Roe"))
        );
        let got = run("The vote drew a reaction from Tavi Okoro, who criticized the result.");
        assert_eq!(got[0].1.as_deref(), Some("Tavi Okoro"));
        let got = run("Roe, who'd previously endorsed Doe in the race, switched sides.");
        assert_eq!(got[0].1.as_deref(), Some("Roe"));
    }

    #[test]
    fn a_participle_after_an_adjective_modifies_a_noun() {
        assert!(run("The town has been a loyal voting bloc for years.").is_empty());
        let got = run("A teacher supporting the strike spoke first.");
        assert_eq!(got[0].0, "the strike");
        let got = run("Some 40 percent backing the mayor stayed home.");
        assert_eq!(got[0].0, "the mayor");
    }

    #[test]
    fn passives_descriptions_and_media_are_not_objects() {
        // A passive's agent is its speaker, its subject the content, never "by" and after.
        let got = run("The mayor was also endorsed by the union.");
        assert_eq!(
            got.iter()
                .map(|g| (g.0.as_str(), g.1.as_deref()))
                .collect::<Vec<_>>(),
            vec![("The mayor", Some("the union"))]
        );
        assert!(run("She runs a firm focused on real estate.").is_empty());
        assert!(
            run("The school confirmed on Facebook that it closed.")
                .iter()
                .all(|s| s.0 != "Facebook")
        );
    }

    #[test]
    fn a_second_verb_ends_the_object() {
        let got = run("The chair is supporting Jane Roe and has been in touch with her.");
        assert_eq!(got[0].0, "Jane Roe");
    }

    #[test]
    fn a_participle_after_a_statement_takes_its_speaker() {
        let got = run("“We met today,” Jane Roe added, referring to the board.");
        let referring = got
            .iter()
            .find(|g| g.2.as_deref() == Some("referring"))
            .unwrap();
        assert_eq!(referring.0, "the board");
        assert_eq!(referring.1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_participle_of_stance_after_its_noun() {
        let got = run("A pastor supporting the mayor left early on Sunday.");
        let supporting = got
            .iter()
            .find(|g| g.2.as_deref() == Some("supporting"))
            .unwrap();
        assert_eq!(supporting.0, "the mayor");
        assert_eq!(supporting.1.as_deref(), Some("A pastor"));
    }

    #[test]
    fn speech_only_extraction_ignores_objects() {
        let text = "The senator endorsed the governor's plan for a new bridge.";
        assert!(crate::Extractor::default().extract(text).is_empty());
    }
}
