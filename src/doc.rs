//! One analysed text: what the earlier stages found, indexed for the attribution rules.

use crate::markup;
use crate::quotes::{self, Quotation};
use crate::segment::{self, Segmentation};
use crate::span::Span;
use crate::tokens::{self, Token, TokenKind};
use std::ops::Range;

pub struct Doc<'t> {
    pub text: &'t str,
    pub seg: Segmentation,
    pub quotes: Vec<Quotation>,
    pub tokens: Vec<Token>,
    /// Sentence index of each token.
    pub token_sentence: Vec<u32>,
    /// Token range of each sentence.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Token range of each paragraph.
    pub paragraph_tokens: Vec<Range<usize>>,
    /// The quotation each token lies in (marks included), if any.
    pub token_quote: Vec<Option<u32>>,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Self {
        let tags = markup::tags(text);
        let seg = segment::segment(text);
        let quotes = quotes::find_quotes(text, &seg);
        let tokens = tokens::tokenize(text, &tags);
        let token_sentence = assign(&tokens, seg.sentences.iter().map(|s| s.span));
        let sentence_tokens = ranges(&tokens, seg.sentences.iter().map(|s| s.span));
        let paragraph_tokens = ranges(&tokens, seg.paragraphs.iter().map(|p| p.span));
        let mut token_quote = Vec::with_capacity(tokens.len());
        let mut k = 0;
        for t in &tokens {
            while k < quotes.len() && quotes[k].span.end <= t.span.start {
                k += 1;
            }
            let inside = k < quotes.len() && quotes[k].span.contains(t.span);
            token_quote.push(inside.then_some(k as u32));
        }
        Doc {
            text,
            seg,
            quotes,
            tokens,
            token_sentence,
            sentence_tokens,
            paragraph_tokens,
            token_quote,
        }
    }

    /// The token's text.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].span]
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The token is punctuation equal to one of `marks`.
    #[inline]
    pub fn is_punct(&self, i: usize, marks: &[&str]) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && {
                let w = &self.text.as_bytes()[t.span.start..t.span.end];
                marks.iter().any(|m| short_eq(m.as_bytes(), w))
            }
        })
    }

    /// The token's text is one of `words` (compared without a `memcmp` call per entry).
    #[inline]
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let t = &self.tokens[i];
        let w = &self.text.as_bytes()[t.span.start..t.span.end];
        words.iter().any(|m| short_eq(m.as_bytes(), w))
    }

    /// The token is a quote mark (of any style).
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && self.text[t.span]
                    .chars()
                    .next()
                    .is_some_and(quotes::is_mark)
        })
    }

    pub fn sentence_of(&self, i: usize) -> usize {
        self.token_sentence.get(i).copied().unwrap_or(0) as usize
    }

    pub fn paragraph_of(&self, i: usize) -> usize {
        self.tokens
            .get(i)
            .map_or(0, |t| self.seg.paragraph_at(t.span.start))
    }

    /// Token range of the paragraph holding token `i`.
    pub fn paragraph_range(&self, i: usize) -> Range<usize> {
        self.paragraph_tokens
            .get(self.paragraph_of(i))
            .cloned()
            .unwrap_or(0..self.tokens.len())
    }

    /// Token range of the sentence holding token `i`.
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        self.sentence_tokens
            .get(self.sentence_of(i))
            .cloned()
            .unwrap_or(0..self.tokens.len())
    }

    /// A "." that belongs to an abbreviation or an initial: "U.S.", "Mr.", "J.".
    pub fn is_abbreviation_dot(&self, i: usize) -> bool {
        if i == 0 || !self.is_punct(i, &["."]) {
            return false;
        }
        let prev = &self.tokens[i - 1];
        if prev.kind != TokenKind::Word || !prev.upper || prev.span.end != self.tokens[i].span.start
        {
            return false;
        }
        let w = &self.text[prev.span];
        w.contains('.')
            || w.chars().count() <= 2
            || prev.info.is_some_and(|x| x.title.is_some())
            || crate::segment::abbreviation(w).is_some()
    }

    /// Sentence-final punctuation (not an abbreviation's dot).
    pub fn is_terminal(&self, i: usize) -> bool {
        self.is_punct(i, &[".", "?", "!", ";"]) && !self.is_abbreviation_dot(i)
    }

    /// Span from the start of token `a` to the end of token `b` (inclusive).
    pub fn tokens_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }
}

/// `a == b` for the short strings of tokens, without a call to `memcmp`.
#[inline]
fn short_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// For each token, the index of the last span (sorted, non-overlapping) starting at or before it.
fn assign(tokens: &[Token], spans: impl Iterator<Item = Span>) -> Vec<u32> {
    let starts: Vec<usize> = spans.map(|s| s.start).collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut k = 0;
    for t in tokens {
        while k + 1 < starts.len() && starts[k + 1] <= t.span.start {
            k += 1;
        }
        out.push(k as u32);
    }
    out
}

/// Token range of each span (sorted, non-overlapping).
fn ranges(tokens: &[Token], spans: impl Iterator<Item = Span>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    for s in spans {
        while i < tokens.len() && tokens[i].span.start < s.start {
            i += 1;
        }
        let a = i;
        while i < tokens.len() && tokens[i].span.end <= s.end {
            i += 1;
        }
        out.push(a..i);
    }
    out
}
