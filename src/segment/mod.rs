//! Paragraphs and sentences.
//!
//! Paragraphs end at blank lines and at line breaks that end a heading, a URL line or a short line.
//! Headings (`## …`) and URL lines are blocks of their own that never join a sentence or a quote.
//! Inline tags (see [`crate::markup`]) are transparent: they never end a sentence.

use crate::span::Span;

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
    // Placeholder until the real splitter lands: blank-line paragraphs, ". " + capital sentences.
    let mut seg = Segmentation::default();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let push_para = |seg: &mut Segmentation, s: usize, e: usize| {
        let span = Span::new(s, e).trim(text);
        if span.is_empty() {
            return;
        }
        let body = &text[span];
        let kind = if body.starts_with('#') {
            BlockKind::Heading
        } else if body.starts_with("http://") || body.starts_with("https://") {
            BlockKind::Url
        } else {
            BlockKind::Text
        };
        let p = seg.paragraphs.len();
        seg.paragraphs.push(Paragraph { span, kind });
        let mut s0 = span.start;
        let pb = &bytes[span.range()];
        for j in 0..pb.len() {
            if matches!(pb[j], b'.' | b'?' | b'!')
                && pb.get(j + 1) == Some(&b' ')
                && pb.get(j + 2).is_some_and(u8::is_ascii_uppercase)
            {
                let e = span.start + j + 1;
                seg.sentences.push(Sentence {
                    span: Span::new(s0, e),
                    paragraph: p,
                });
                s0 = e + 1;
            }
        }
        seg.sentences.push(Sentence {
            span: Span::new(s0, span.end).trim(text),
            paragraph: p,
        });
    };
    while i < bytes.len() {
        if bytes[i] == b'\n'
            && text[i + 1..]
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with('\n')
        {
            push_para(&mut seg, start, i);
            start = i + 1;
        }
        i += 1;
    }
    push_para(&mut seg, start, text.len());
    seg
}

/// Sentence spans of `text`.
pub fn sentences(text: &str) -> Vec<Span> {
    segment(text)
        .sentences
        .into_iter()
        .map(|s| s.span)
        .collect()
}
