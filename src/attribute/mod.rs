//! Attribution: ties quotations and reported clauses to speakers and cues.

use crate::markup;
use crate::quotes::{self, Quotation};
use crate::segment::{self, Segmentation};
use crate::span::Span;
use crate::statement::{Kind, SpeakerType, Statement};
use crate::tokens::{self, Token};

/// Everything the earlier stages found in one text.
pub struct Doc<'t> {
    pub text: &'t str,
    pub tags: Vec<Span>,
    pub seg: Segmentation,
    pub quotes: Vec<Quotation>,
    pub tokens: Vec<Token>,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Self {
        let tags = markup::tags(text);
        let seg = segment::segment(text);
        let quotes = quotes::find_quotes(text, &seg);
        let tokens = tokens::tokenize(text, &tags);
        Doc {
            text,
            tags,
            seg,
            quotes,
            tokens,
        }
    }
}

/// All statements in the document, in order.
pub fn attribute(doc: &Doc<'_>) -> Vec<Statement> {
    doc.quotes
        .iter()
        .map(|q| Statement {
            kind: Kind::Direct,
            quote: q.span,
            speaker: None,
            speaker_name: None,
            speaker_type: SpeakerType::Unknown,
            cue: None,
            cue_lemma: None,
            confidence: 0.5,
            sentences: (
                doc.seg.sentence_at(q.span.start),
                doc.seg.sentence_at(q.span.end),
            ),
            rule: "bare_quote",
        })
        .collect()
}
