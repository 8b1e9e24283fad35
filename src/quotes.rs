//! Quotations: paired quote marks, by style, across paragraphs where news convention says so.

use crate::segment::Segmentation;
use crate::span::Span;

/// One quotation: an opening mark, its closing mark and what lies between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// Opening mark to closing mark inclusive.
    pub span: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark.
    pub close: Span,
    /// This piece continues the previous quotation, which was left open at the end of its
    /// paragraph (newspaper convention: the next paragraph reopens the quote). Both pieces share
    /// a speaker.
    pub continues: bool,
}

impl Quotation {
    /// The content between the marks.
    pub fn inner(&self) -> Span {
        Span::new(self.open.end, self.close.start)
    }
}

/// All top-level quotations in `text`, in order. Nested quotations belong to the outer one and
/// are not listed; unmatched marks produce nothing.
pub fn find_quotes(text: &str, seg: &Segmentation) -> Vec<Quotation> {
    // Placeholder until the real quote finder lands: " and “ ” pairs within a paragraph.
    let mut out = Vec::new();
    for p in &seg.paragraphs {
        let mut open: Option<Span> = None;
        for (i, c) in text[p.span].char_indices() {
            let at = Span::new(p.span.start + i, p.span.start + i + c.len_utf8());
            match (c, open) {
                ('"' | '“', None) => open = Some(at),
                ('"' | '”', Some(o)) => {
                    out.push(Quotation {
                        span: o.cover(at),
                        open: o,
                        close: at,
                        continues: false,
                    });
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}
