//! Pass 2: cues with the clause they govern (reported speech, with or without quoted parts).

use super::speaker::{skip_adverbs_back, skip_adverbs_forward, speaker_after, speaker_before};
use super::{Attribution, State};
use crate::cues::{Cue, cue_at};
use crate::doc::Doc;
use crate::lexicon::VerbClass;
use crate::mentions::{Mention, mention_before};
use crate::span::Span;
use crate::statement::Kind;
use crate::tokens::TokenKind;

/// Fewest words a reported clause has: "He said no." is not a statement worth reporting.
const MIN_CLAUSE_WORDS: usize = 3;
/// How far after the cue "that" may open the clause: "told reporters in Moscow on Friday that".
const MAX_THAT_DISTANCE: usize = 10;

/// Verbs whose first object is the hearer: "told reporters that".
const HEARER_VERBS: &[&str] = &["tell", "inform", "assure", "reassure", "remind", "warn", "advise", "notify", "promise", "caution", "brief", "urge"];
/// Prepositions that open an adverbial between cue and clause: "said in a statement the …".
const ADVERBIAL_PREPOSITIONS: &[&str] = &["in", "on", "at", "during", "via", "through", "over", "after", "before", "from", "by", "to", "with"];
/// Words right before a cue that make it passive or infinitive: "is said to", "declined to say".
const NOT_ASSERTED_BEFORE: &[&str] = &["to", "is", "was", "are", "were", "be", "been", "being", "not", "never"];

type Rule = fn(&Doc<'_>, &Cue, &State) -> Option<Attribution>;

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    let rules: [Rule; 6] = [
        according_to_then_clause,
        clause_then_according_to,
        speaker_cue_clause,
        clause_then_speaker_cue,
        clause_then_cue_speaker,
        participle_clause,
    ];
    let mut i = 0;
    while i < doc.tokens.len() {
        let cue = (!state.cue_used[i] && doc.token_quote[i].is_none())
            .then(|| cue_at(doc, i))
            .flatten()
            .filter(|c| c.class == VerbClass::Speech);
        if let Some(cue) = cue {
            if let Some(mut a) = rules.iter().find_map(|rule| rule(doc, &cue, state)) {
                classify_content(doc, state, &mut a);
                state.push(a);
            }
        }
        i += 1;
    }
}

/// Mixed when the content holds a quotation (which is then taken), direct when it is one.
fn classify_content(doc: &Doc<'_>, state: &mut State, a: &mut Attribution) {
    // Quotations are sorted and disjoint: only those from the first ending after the content's
    // start can overlap it (scanning them all was quadratic).
    let from = doc.quotes.partition_point(|q| q.span.end <= a.quote.start);
    for (qi, q) in doc.quotes.iter().enumerate().skip(from).take_while(|(_, q)| q.span.start < a.quote.end) {
        if q.span.overlaps(a.quote) {
            state.quote_used[qi] = true;
            a.kind = if q.span == a.quote { Kind::Direct } else { Kind::Mixed };
        }
    }
}

fn attribution(quote: Span, mention: Option<Mention>, cue: &Cue, confidence: f32, rule: &'static str) -> Attribution {
    Attribution { kind: Kind::Indirect, quote, mention, cue: Some(*cue), inherits: None, confidence, rule }
}

fn lower_word_is(doc: &Doc<'_>, i: usize, words: &[&str]) -> bool {
    doc.is_word(i) && !doc.tokens[i].upper && words.contains(&doc.word(i))
}

/// The cue is asserted: not passive ("is said to") nor an infinitive ("declined to say").
fn asserted(doc: &Doc<'_>, cue: &Cue) -> bool {
    !(cue.first > 0 && lower_word_is(doc, cue.first - 1, NOT_ASSERTED_BEFORE))
        && !lower_word_is(doc, cue.last + 1, &["to", "by"])
}

/// Content from token `from` to the end of the sentence (exclusive token `end`), without the final
/// period; `None` when it is too short to be a statement.
fn clause_to_end(doc: &Doc<'_>, from: usize, end: usize) -> Option<Span> {
    let mut last = end.checked_sub(1)?;
    while last > from && doc.tokens[last].kind == TokenKind::Punct && doc.is_terminal(last) {
        last -= 1;
    }
    clause(doc, from, last)
}

/// Content from token `first` to `last` inclusive, if it has enough words.
fn clause(doc: &Doc<'_>, first: usize, last: usize) -> Option<Span> {
    if first > last || last >= doc.tokens.len() {
        return None;
    }
    // Counting stops at the few words needed: a clause can be a whole unpunctuated page.
    let words = (first..=last).filter(|&k| doc.tokens[k].kind != TokenKind::Punct).take(MIN_CLAUSE_WORDS).count();
    (words >= MIN_CLAUSE_WORDS).then(|| doc.tokens_span(first, last))
}

/// Where the reported clause after a cue begins: at "that" when present, else after the hearer
/// ("told reporters") and adverbials ("on Friday", "in a statement"). `None` when the cue is
/// followed by punctuation, i.e. governs nothing to its right.
fn clause_start(doc: &Doc<'_>, cue: &Cue, end: usize) -> Option<usize> {
    let mut k = cue.last + 1;
    for j in k..end.min(k + MAX_THAT_DISTANCE) {
        if lower_word_is(doc, j, &["that"]) {
            return Some(j);
        }
        if (doc.tokens[j].kind == TokenKind::Punct && !doc.is_abbreviation_dot(j)) || doc.is_quote_mark(j) {
            break;
        }
        if j > k && cue_at(doc, j).is_some() {
            break;
        }
    }
    if HEARER_VERBS.contains(&cue.lemma) {
        if let Some(m) = speaker_after(doc, k, end) {
            k = m.last + 1;
        } else if lower_word_is(doc, k, &["him", "her", "them", "me", "us", "you", "reporters"]) {
            k += 1;
        }
    }
    k = skip_adverbs_forward(doc, k, end);
    while k < end && lower_word_is(doc, k, ADVERBIAL_PREPOSITIONS) {
        k += 1;
        let phrase_start = k;
        if k < end && doc.tokens[k].info.is_some_and(|x| x.determiner) {
            k += 1;
        }
        while k < end && k - phrase_start < 6 {
            let t = &doc.tokens[k];
            let opens_clause = t.info.is_some_and(|x| x.determiner || x.pronoun.is_some());
            if opens_clause || lower_word_is(doc, k, &["that"]) || (t.kind == TokenKind::Punct && !doc.is_abbreviation_dot(k)) {
                break;
            }
            k += 1;
        }
        k = skip_adverbs_forward(doc, k, end);
    }
    if k >= end || (doc.tokens[k].kind == TokenKind::Punct && !doc.is_quote_mark(k)) {
        return None;
    }
    Some(k)
}

/// The speaker left of the cue, also through a relative pronoun: "supporters who said …".
fn subject(doc: &Doc<'_>, cue: &Cue, lo: usize) -> Option<Mention> {
    if let Some(m) = speaker_before(doc, cue.first, lo) {
        return Some(m);
    }
    let k = skip_adverbs_back(doc, cue.first, lo);
    (k > lo && lower_word_is(doc, k - 1, &["who", "which", "that"])).then(|| mention_before(doc, k - 1, lo)).flatten()
}

/// Whether the cue may report a clause without "that": a verb that does so, in a form that is
/// not also a noun after its subject ("they report the …", not "a report the …").
fn takes_bare_clause(doc: &Doc<'_>, cue: &Cue, subject: &Mention) -> bool {
    let Some(verb) = doc.tokens[cue.first].info.and_then(|x| x.verb) else {
        return false;
    };
    if !verb.bare_clause {
        return false;
    }
    // The base form agrees only with a plural subject or I/you/we/they.
    !verb.base || subject.number == crate::lexicon::Number::Plural || subject.kind == crate::statement::SpeakerType::Pronoun
}

/// S said (that) CLAUSE.
///
/// Example: Lonechild said that the relationship between youth and police needs work.
fn speaker_cue_clause(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    if cue.participle || !asserted(doc, cue) {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let m = subject(doc, cue, sentence.start)?;
    let start = clause_start(doc, cue, sentence.end)?;
    let with_that = lower_word_is(doc, start, &["that"]);
    if !with_that && !takes_bare_clause(doc, cue, &m) {
        return None;
    }
    let content = clause_to_end(doc, start, sentence.end)?;
    let confidence = if with_that { 0.75 } else { 0.7 };
    Some(attribution(content, Some(m), cue, confidence, "speaker_cue_clause"))
}

/// Nothing but adverbials between the cue and the end of the sentence or a comma:
/// "…, Zakharova said on Friday." / "…, she said, adding …".
fn cue_ends_clause(doc: &Doc<'_>, cue: &Cue, end: usize) -> bool {
    let k = skip_adverbs_forward(doc, cue.last + 1, end);
    k >= end || doc.is_terminal(k) || doc.is_punct(k, &[","]) || clause_start(doc, cue, end).is_none()
}

/// CLAUSE, S said.
///
/// Example: Moscow is seeking the return of six properties, Zakharova said.
fn clause_then_speaker_cue(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    if cue.participle || !asserted(doc, cue) {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let m = speaker_before(doc, cue.first, sentence.start)?;
    if m.first <= sentence.start + 1 || !doc.is_punct(m.first - 1, &[",", "—", "–"]) || !cue_ends_clause(doc, cue, sentence.end) {
        return None;
    }
    let content = clause(doc, sentence.start, m.first - 2)?;
    Some(attribution(content, Some(m), cue, 0.75, "clause_then_speaker_cue"))
}

/// CLAUSE, said S.
///
/// Example: The talks will resume in the spring, said a spokesman for the ministry.
fn clause_then_cue_speaker(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    let sentence = doc.sentence_range(cue.first);
    let k = skip_adverbs_back(doc, cue.first, sentence.start);
    if k <= sentence.start + 1 || !doc.is_punct(k - 1, &[","]) || cue.participle {
        return None;
    }
    let m = speaker_after(doc, cue.last + 1, sentence.end)?;
    let next = m.last + 1;
    if !(next >= sentence.end || doc.is_terminal(next) || doc.is_punct(next, &[","])) {
        return None;
    }
    let content = clause(doc, sentence.start, k - 2)?;
    Some(attribution(content, Some(m), cue, 0.72, "clause_then_cue_speaker"))
}

/// According to S, CLAUSE.
///
/// Example: According to the ministry, the talks lasted six hours.
fn according_to_then_clause(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    if !cue.is_according_to() {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let m = speaker_after(doc, cue.last + 1, sentence.end)?;
    if !doc.is_punct(m.last + 1, &[","]) {
        return None;
    }
    let content = clause_to_end(doc, m.last + 2, sentence.end)?;
    Some(attribution(content, Some(m), cue, 0.72, "according_to_then_clause"))
}

/// CLAUSE, according to S.
///
/// Example: The talks lasted six hours, according to the ministry.
fn clause_then_according_to(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    if !cue.is_according_to() || cue.first == 0 || !doc.is_punct(cue.first - 1, &[","]) {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let m = speaker_after(doc, cue.last + 1, sentence.end)?;
    let content = clause(doc, sentence.start, cue.first.checked_sub(2)?)?;
    Some(attribution(content, Some(m), cue, 0.72, "clause_then_according_to"))
}

/// …, adding (that) CLAUSE: the participle's speaker is the one of the statement before it in
/// the same sentence.
///
/// Example: Zakharova described the talks as “constructive,” adding that both sides would meet.
fn participle_clause(doc: &Doc<'_>, cue: &Cue, state: &State) -> Option<Attribution> {
    // The comma may stand inside a closing mark: “constructive,” adding …
    if !cue.participle || cue.first == 0 || !(doc.is_punct(cue.first - 1, &[","]) || doc.is_quote_mark(cue.first - 1)) {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let sentence_span = doc.tokens_span(sentence.start, sentence.end.checked_sub(1)?);
    // The latest few only: scanning every statement for each participle was quadratic.
    let before = state.out.iter().rev().take(256).find(|a| a.cue.is_some_and(|c| sentence_span.contains(c.span) && c.first < cue.first))?;
    let m = before.mention?;
    let start = clause_start(doc, cue, sentence.end)?;
    let content = clause_to_end(doc, start, sentence.end)?;
    Some(attribution(content, Some(m), cue, 0.6, "participle_clause"))
}

#[cfg(test)]
mod tests {
    use crate::attribute::{Doc, attribute};

    fn run(text: &str) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
        let doc = Doc::new(text);
        attribute(&doc)
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

    #[test]
    fn speaker_cue_clause() {
        let got = run("Lonechild said that the relationship with police needs work.");
        assert_eq!(got[0].0, "that the relationship with police needs work");
        assert_eq!(got[0].1.as_deref(), Some("Lonechild"));
        assert_eq!(got[0].3, "speaker_cue_clause");
    }

    #[test]
    fn hearer_and_adverbials_are_skipped() {
        let got = run("The minister told reporters on Friday the talks had stalled.");
        assert_eq!(got[0].0, "the talks had stalled");
        let got = run("The ministry said in a statement the talks had stalled.");
        assert_eq!(got[0].0, "the talks had stalled");
    }

    #[test]
    fn clause_then_speaker_cue() {
        let got = run("Moscow is seeking the return of six properties, Zakharova said.");
        assert_eq!(got[0].0, "Moscow is seeking the return of six properties");
        assert_eq!(got[0].1.as_deref(), Some("Zakharova"));
        let got = run("Diplomats held talks on Thursday, officials from both sides said.");
        assert_eq!(got[0].1.as_deref(), Some("officials from both sides"));
    }

    #[test]
    fn clause_then_cue_speaker() {
        let got = run("The talks will resume in the spring, said a spokesman for the ministry.");
        assert_eq!(got[0].0, "The talks will resume in the spring");
        assert_eq!(got[0].1.as_deref(), Some("a spokesman for the ministry"));
    }

    #[test]
    fn according_to() {
        let got = run("According to the ministry, the talks lasted six hours.");
        assert_eq!((got[0].0.as_str(), got[0].1.as_deref()), ("the talks lasted six hours", Some("the ministry")));
        let got = run("The talks lasted six hours, according to the ministry.");
        assert_eq!((got[0].0.as_str(), got[0].1.as_deref()), ("The talks lasted six hours", Some("the ministry")));
    }

    #[test]
    fn mixed_clause_with_partial_quote() {
        let text = "Zakharova said officials \"agreed on joint steps to ensure financing.\"";
        let doc = Doc::new(text);
        let got = attribute(&doc);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind, crate::Kind::Mixed);
        assert_eq!(&text[got[0].quote], "officials \"agreed on joint steps to ensure financing.\"");
    }

    #[test]
    fn participle_inherits_speaker() {
        let got = run("Zakharova described the talks as “constructive,” adding that both sides had agreed to continue.");
        let last = got.last().unwrap();
        assert_eq!(last.0, "that both sides had agreed to continue");
        assert_eq!(last.1.as_deref(), Some("Zakharova"));
    }

    #[test]
    fn passive_and_infinitive_cues_are_not_statements() {
        assert!(run("Rogers is said to have two interested parties.").is_empty());
        assert!(run("The minister declined to say whether the talks would resume.").is_empty());
    }
}
