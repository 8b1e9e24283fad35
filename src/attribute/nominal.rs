//! Pass 2b: speech written as a noun: "Zakharova's statement that the talks had failed", "her
//! warning that prices would rise". The noun is the cue, its possessor the speaker, and the
//! "that" clause the content.

use super::{Attribution, State};
use crate::cues::Cue;
use crate::doc::Doc;
use crate::lexicon::{Gender, Number, VerbClass};
use crate::mentions::Mention;
use crate::span::Span;
use crate::statement::{Kind, SpeakerType};
use crate::tokens::TokenKind;
use std::sync::LazyLock;

/// Nouns of speech, with the lemma each is reported under ("remarks" → "remark").
static SPEECH_NOUNS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/speech_nouns.txt"))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let noun = parts.next()?;
            Some((noun, parts.next().unwrap_or(noun)))
        })
        .collect()
});

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    // The rule needs "that" after the noun: only the words before one are tried.
    for i in doc.that_tokens.iter().filter_map(|&k| k.checked_sub(1)) {
        if i == 0 || state.cue_used[i] || doc.token_quote[i].is_some() {
            continue;
        }
        if let Some(a) = possessor_noun_that_clause(doc, i) {
            state.push(doc, a);
        }
    }
}

/// S's NOUN that CLAUSE, where the noun names speech.
///
/// Example: Diplomats cited Zakharova's statement that the talks had failed.
fn possessor_noun_that_clause(doc: &Doc<'_>, i: usize) -> Option<Attribution> {
    // "that" next is rare; checked first, the noun list is read only there.
    if doc.tokens[i].upper || !(doc.is_word(i + 1) && doc.word(i + 1) == "that") {
        return None;
    }
    let word = doc.word(i);
    let &(_, lemma) = SPEECH_NOUNS.iter().find(|(noun, _)| *noun == word)?;
    let sentence = doc.sentence_range(i);
    let mention = possessor(doc, i - 1)?;
    // As the subject the clause's end is unclear ("S's claim that X surprised Y"): only an
    // object or a complement runs to the end of the sentence.
    if mention.first <= sentence.start {
        return None;
    }
    let end = clause_end(doc, i + 2, sentence.end);
    if end <= i + 2 {
        return None;
    }
    Some(Attribution {
        kind: Kind::Indirect,
        quote: doc.tokens_span(i + 1, end - 1),
        mention: Some(mention),
        cue: Some(Cue {
            first: i,
            last: i,
            span: doc.tokens[i].span,
            lemma,
            class: VerbClass::Speech,
            participle: false,
        }),
        inherits: None,
        confidence: 0.6,
        rule: "possessor_noun_that_clause",
    })
}

/// The possessor ending at token `k`: "Zakharova's", "Maria Zakharova's", "her".
fn possessor(doc: &Doc<'_>, k: usize) -> Option<Mention> {
    let t = &doc.tokens[k];
    if t.kind != TokenKind::Word {
        return None;
    }
    if let Some(gender) = t.info.and_then(|x| x.gender_form).filter(|_| !t.upper)
        && matches!(doc.word(k), "his" | "her")
    {
        return Some(Mention {
            span: t.span,
            first: k,
            last: k,
            kind: SpeakerType::Pronoun,
            name: None,
            gender,
            number: Number::Singular,
        });
    }
    let word = doc.word(k);
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .filter(|s| !s.is_empty() && t.upper)?;
    let mut first = k;
    while first > 0 && doc.tokens[first - 1].upper && doc.is_word(first - 1) {
        first -= 1;
    }
    let start = doc.tokens[first].span.start;
    let name = Span::new(start, t.span.start + stem.len());
    Some(Mention {
        span: name,
        first,
        last: k,
        kind: SpeakerType::Unknown,
        name: Some(name),
        gender: Gender::Unknown,
        number: Number::Singular,
    })
}

/// Where the clause from token `from` ends: the end of the sentence, before its final period,
/// or a comma or dash before it.
fn clause_end(doc: &Doc<'_>, from: usize, sentence_end: usize) -> usize {
    (from..sentence_end)
        .find(|&k| doc.is_punct(k, &[",", "—", "–", ";"]) || doc.is_terminal(k))
        .unwrap_or(sentence_end)
}

#[cfg(test)]
mod tests {
    use super::super::texts;

    #[test]
    fn possessor_noun_that_clause() {
        let got = texts("Diplomats cited Zakharova's statement that the talks had failed.");
        assert_eq!(
            got,
            [(
                "that the talks had failed".to_string(),
                Some("Zakharova".to_string()),
                Some("statement".to_string()),
                "possessor_noun_that_clause"
            )]
        );
    }

    #[test]
    fn pronoun_possessor() {
        let got = texts("Analysts pointed to her warning that prices would rise.");
        assert_eq!(got[0].0, "that prices would rise");
        assert_eq!(got[0].1.as_deref(), Some("her"));
    }

    #[test]
    fn no_subject_noun_phrase() {
        assert!(
            texts("Zakharova's statement that the talks had failed surprised diplomats.")
                .is_empty()
        );
    }

    #[test]
    fn noun_without_that_is_no_statement() {
        assert!(texts("Diplomats cited Zakharova's statement on Friday.").is_empty());
    }
}
