//! Paragraphs and sentences.
//!
//! Paragraphs end at blank lines and at line breaks that end a heading, a URL line or a short
//! title-like line; a single line break inside running text does not, and neither does a blank
//! line in the middle of a sentence (`…, as\n\nwell as …`, a scraping artefact).
//! Headings (`## …`) and URL lines are blocks of their own that never join a sentence or a quote.
//! Inline tags (see [`crate::markup`]) are transparent: they never end a sentence.
//!
//! Sentences ([`sentences`]): abbreviations, initials and dotted forms (`U.S.`) end a sentence only
//! before a likely sentence starter (`src/data/sentence_starters.txt`); `"…?" she asked` and
//! `X said "A. B."` stay one sentence while a stand-alone or comma-introduced quote splits;
//! closing quotes and brackets stay with the sentence they end; numbered, lettered and bulleted
//! list items and credit labels (`Image: …`) start units of their own.

use crate::span::Span;

mod abbrev;
pub use abbrev::abbreviation;
mod blocks;
mod chars;
pub(crate) use chars::Find3;
mod lists;
mod pairs;
mod sentences;
#[cfg(test)]
mod tests;

/// What a paragraph-level block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text.
    Text,
    /// A markdown heading (`## Related article: …`) or a heading-like line.
    Heading,
    /// A line that is only a URL.
    Url,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// From the first to the last non-space character of the block.
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// From the first to the last non-space character of the sentence.
    pub span: Span,
    /// Index into [`Segmentation::paragraphs`].
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    /// Index of the sentence containing byte `pos` (or the last one starting before it).
    pub fn sentence_at(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start <= pos)
            .saturating_sub(1)
    }

    /// Index of the paragraph containing byte `pos` (or the last one starting before it).
    pub fn paragraph_at(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.span.start <= pos)
            .saturating_sub(1)
    }
}

/// Splits `text` into paragraphs and sentences.
pub fn segment(text: &str) -> Segmentation {
    segment_tagged(text, &crate::markup::tags(text))
}

/// [`segment`] for a text whose [`crate::markup::tags`] are known.
pub fn segment_tagged(text: &str, tags: &[Span]) -> Segmentation {
    let mut seg = Segmentation::default();
    segment_into(text, tags, &mut seg, &mut Scratch::default());
    seg
}

/// What [`segment_into`] works in besides its result: kept by the caller for the next text,
/// so their room is not allocated again for each.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The text's lines.
    lines: Vec<Span>,
    /// The sentences of one paragraph.
    spans: Vec<Span>,
    /// The quote pairs of one paragraph.
    pairs: Vec<(usize, usize)>,
    /// The text's colons.
    colons: Vec<usize>,
}

/// [`segment_tagged`] into `seg`, whose vectors are cleared first and keep their room.
pub(crate) fn segment_into(
    text: &str,
    tags: &[Span],
    seg: &mut Segmentation,
    scratch: &mut Scratch,
) {
    let Scratch {
        lines,
        spans,
        pairs,
        colons,
    } = scratch;
    let splitter = sentences::Splitter::new(text, tags, std::mem::take(colons));
    blocks::paragraphs_into(text, lines, &mut seg.paragraphs);
    seg.sentences.clear();
    seg.sentences.reserve(text.len() / 100 + 1);
    // Reused for every paragraph: room for the sentences of most at once.
    spans.clear();
    spans.reserve(16);
    for (p, para) in seg.paragraphs.iter().enumerate() {
        spans.clear();
        match para.kind {
            // Headings and URL lines are one unit each: never split, never joined.
            BlockKind::Heading | BlockKind::Url => spans.push(para.span),
            BlockKind::Text => splitter.split(para.span, spans, pairs),
        }
        seg.sentences
            .extend(spans.iter().map(|&span| Sentence { span, paragraph: p }));
    }
    *colons = splitter.into_colons();
}

/// Sentence spans of `text`.
pub fn sentences(text: &str) -> Vec<Span> {
    let tags = crate::markup::tags(text);
    let splitter = sentences::Splitter::new(text, &tags, Vec::new());
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut pairs = Vec::new();
    for para in blocks::paragraphs(text) {
        match para.kind {
            BlockKind::Heading | BlockKind::Url => out.push(para.span),
            BlockKind::Text => splitter.split(para.span, &mut out, &mut pairs),
        }
    }
    out
}
