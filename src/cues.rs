//! Cues: the words that attribute content to a speaker ("said", "told", "according to").

use crate::doc::Doc;
use crate::lexicon::{Verb, VerbClass};
use crate::span::Span;
use crate::tokens::{Token, TokenKind};

/// The lemma of the one cue that is not a verb.
pub const ACCORDING_TO: &str = "according to";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// First and last token, inclusive ("according to" is two).
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub lemma: &'static str,
    pub class: VerbClass,
    /// A present participle ("adding that …"): its speaker is the subject of the main clause.
    pub participle: bool,
}

impl Cue {
    /// The cue that is the verb at token `i`.
    fn one_word(i: usize, span: Span, verb: Verb) -> Cue {
        Cue {
            first: i,
            last: i,
            span,
            lemma: verb.lemma,
            class: verb.class,
            participle: verb.participle,
        }
    }

    /// "according to": the speaker follows and the content is the rest of the sentence.
    pub fn is_according_to(&self) -> bool {
        self.lemma == ACCORDING_TO
    }
}

/// The cue that starts at token `i`, if any.
#[inline]
pub fn cue_at(doc: &Doc<'_>, i: usize) -> Option<Cue> {
    let t = doc.tokens.get(i)?;
    if !may_start_cue(t) {
        return None;
    }
    cue_from(doc, i)
}

/// Whether a cue may start at token `t`. Most tokens are neither "according" nor a verb a
/// lower-case cue can be: decided from the token alone, without reading its text.
#[inline]
pub fn may_start_cue(t: &Token) -> bool {
    t.kind == TokenKind::Word && (t.span.len() == "according".len() || !t.upper && t.verb())
}

/// A cue whose content may be its object: a verb of saying ([`cue_at`]) or of stance
/// ("endorsed"), lower-case.
pub fn object_cue_at(doc: &Doc<'_>, i: usize) -> Option<Cue> {
    if let Some(cue) = cue_at(doc, i) {
        return Some(cue);
    }
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Word || t.upper {
        return None;
    }
    Some(Cue::one_word(i, t.span, t.info?.stance?))
}

/// A capitalised verb of saying or stance in a finite form, as headlines write them: "Pence
/// Endorses Ryan", "Mayor Says Bridge Will Open".
pub fn headline_cue_at(doc: &Doc<'_>, i: usize) -> Option<Cue> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Word || !t.upper {
        return None;
    }
    let x = t.info?;
    let verb = x.verb.or(x.stance)?;
    (!verb.participle && !verb.base).then(|| Cue::one_word(i, t.span, verb))
}

/// [`cue_at`] for a word token that may be a cue.
fn cue_from(doc: &Doc<'_>, i: usize) -> Option<Cue> {
    let t = &doc.tokens[i];
    // The length first: most words are not "according", and are told so without their text.
    if t.span.len() == "according".len()
        && doc.word_bytes(i).eq_ignore_ascii_case(b"according")
        && doc.is_word(i + 1)
        && doc.word_bytes(i + 1).eq_ignore_ascii_case(b"to")
    {
        return Some(Cue {
            first: i,
            last: i + 1,
            span: doc.tokens_span(i, i + 1),
            lemma: ACCORDING_TO,
            class: VerbClass::Speech,
            participle: false,
        });
    }
    // "State" and "Post" are names; a capitalised verb would be sentence-initial and rare.
    if t.upper {
        return None;
    }
    // "points out that …": the cue is the verb ("points"), its particle goes with it.
    if let Some(verb) = t.info.and_then(|x| x.phrasal)
        && verb
            .particle
            .is_some_and(|p| doc.is_word(i + 1) && doc.word_bytes(i + 1) == p.as_bytes())
    {
        return Some(Cue {
            first: i,
            last: i + 1,
            span: t.span,
            lemma: verb.lemma,
            class: verb.class,
            participle: verb.participle,
        });
    }
    Some(Cue::one_word(i, t.span, t.info?.verb?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_verbs_and_according_to() {
        let text = "According to Tass, the minister <u>said</u> it.";
        let doc = Doc::new(text);
        let acc = cue_at(&doc, 0).unwrap();
        assert_eq!(
            (&text[acc.span], acc.lemma),
            ("According to", "according to")
        );
        let said = doc.token_at(text.find("said").unwrap());
        let cue = cue_at(&doc, said).unwrap();
        assert_eq!(
            (&text[cue.span], cue.lemma, cue.class),
            ("said", "say", VerbClass::Speech)
        );
        assert!(cue_at(&doc, said - 1).is_none());
    }

    #[test]
    fn points_out_is_a_cue() {
        let text = "She points out that the law is old.";
        let doc = Doc::new(text);
        let cue = cue_at(&doc, 1).unwrap();
        assert_eq!(
            (&text[cue.span], cue.lemma, cue.last),
            ("points", "point out", 2)
        );
        assert!(cue_at(&Doc::new("The points are out."), 1).is_none());
    }
}
