//! Word and punctuation tokens, with inline tags skipped (they are transparent to matching).

use crate::lexicon::{WordInfo, lexicon};
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes, hyphens inside).
    Word,
    /// Starts with a digit.
    Number,
    /// Any other single non-space grapheme: punctuation, quote marks, symbols.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Starts with an uppercase letter.
    pub upper: bool,
    /// A line break lies between the previous token and this one.
    pub after_newline: bool,
    /// What the lexicon says about the word, if it lists it.
    pub info: Option<&'static WordInfo>,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span]
    }
}

/// Tokens of `text`, skipping whitespace and the `tags` spans (sorted, from [`crate::markup::tags`]).
pub fn tokenize(text: &str, tags: &[Span]) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    let mut newline = false;
    for tag in tags
        .iter()
        .copied()
        .chain(std::iter::once(Span::new(text.len(), text.len())))
    {
        tokenize_piece(text, Span::new(pos, tag.start), &mut out, &mut newline);
        pos = tag.end;
    }
    out
}

fn tokenize_piece(text: &str, piece: Span, out: &mut Vec<Token>, newline: &mut bool) {
    for (i, w) in text[piece].split_word_bound_indices() {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            *newline |= w.contains('\n');
            continue;
        }
        let start = piece.start + i;
        let (kind, upper) = if first.is_alphabetic() {
            (TokenKind::Word, first.is_uppercase())
        } else if first.is_numeric() {
            (TokenKind::Number, false)
        } else {
            (TokenKind::Punct, false)
        };
        let info = if kind == TokenKind::Word {
            lexicon().get(w)
        } else {
            None
        };
        out.push(Token {
            span: Span::new(start, start + w.len()),
            kind,
            upper,
            after_newline: std::mem::take(newline),
            info,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::tags;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, &tags(text))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn tags_are_transparent() {
        assert_eq!(
            words("the ministry <u>said</u> on"),
            ["the", "ministry", "said", "on"]
        );
    }

    #[test]
    fn abbreviations_and_possessives_split_as_uax29_does() {
        // Later stages rely on this: "U.S." is "U.S" + "."; a plural possessive keeps its mark apart.
        assert_eq!(words("the U.S. panel"), ["the", "U.S", ".", "panel"]);
        assert_eq!(words("Mr. Smith"), ["Mr", ".", "Smith"]);
        assert_eq!(
            words("the Nations’ panel"),
            ["the", "Nations", "’", "panel"]
        );
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        assert_eq!(
            words("Russia's envoy didn't"),
            ["Russia's", "envoy", "didn't"]
        );
        assert_eq!(
            words("“Yes,” she said."),
            ["“", "Yes", ",", "”", "she", "said", "."]
        );
    }
}
