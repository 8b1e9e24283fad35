//! Wire format v1: the JSON that `whosaid` writes, one object per document.
//!
//! ```json
//! {"id": "doc-1", "quotes": [{"kind": "direct",
//!   "quote": {"text": "“We agreed,”", "start": 0, "end": 12, "byte_start": 0, "byte_end": 16},
//!   "speaker": {"text": "she", …}, "speaker_name": "Maria Zakharova", "speaker_type": "pronoun",
//!   "speaker_role": null, "cue": {"text": "said", …}, "cue_lemma": "say", "confidence": 0.9, "sentence": [0, 0],
//!   "rule": "quote_then_speaker_cue"}]}
//! ```
//!
//! A document that could not be read has `"error": {"message": …}` instead of `"quotes"`.
//! These types are kept apart from the core types so the format changes only on purpose.

mod jsonl;

use crate::span::Span;
use crate::statement::{Kind, SpeakerType, Statement};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// A span of the input: `start`/`end` in Unicode code points (what Python's `str` indexes),
/// `byte_start`/`byte_end` in UTF-8 bytes, end exclusive; `text` is exactly that slice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireStatement {
    /// `direct`, `mixed` or `indirect`.
    pub kind: WireKind,
    pub quote: WireSpan,
    pub speaker: Option<WireSpan>,
    pub speaker_name: Option<String>,
    /// `person`, `organization`, `group`, `pronoun` or `unknown`.
    pub speaker_type: WireSpeakerType,
    /// The role written beside the speaker's name ("Russia's Foreign Ministry spokeswoman"), or
    /// `null`.
    pub speaker_role: Option<WireSpan>,
    pub cue: Option<WireSpan>,
    pub cue_lemma: Option<String>,
    pub confidence: f32,
    /// `[first, last]` sentence index (0-based) the statement spans.
    pub sentence: [usize; 2],
    /// Name of the attribution rule that produced the statement.
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WireKind {
    Direct,
    Mixed,
    Indirect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WireSpeakerType {
    Person,
    Organization,
    Group,
    Pronoun,
    Unknown,
}

/// A document's error record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireError {
    pub message: String,
}

/// One output object: `quotes` on success, `error` when the document could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireDocument {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub quotes: Option<Vec<WireStatement>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<WireError>,
}

/// A sentence listing, as `whosaid sentences` writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireSentences {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sentences: Option<Vec<WireSpan>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<WireError>,
}

impl From<Kind> for WireKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Direct => WireKind::Direct,
            Kind::Mixed => WireKind::Mixed,
            Kind::Indirect => WireKind::Indirect,
        }
    }
}

impl From<SpeakerType> for WireSpeakerType {
    fn from(t: SpeakerType) -> Self {
        match t {
            SpeakerType::Person => WireSpeakerType::Person,
            SpeakerType::Organization => WireSpeakerType::Organization,
            SpeakerType::Group => WireSpeakerType::Group,
            SpeakerType::Pronoun => WireSpeakerType::Pronoun,
            SpeakerType::Unknown => WireSpeakerType::Unknown,
        }
    }
}

/// Converts byte offsets of one text to code-point offsets, with a checkpoint every
/// `STRIDE` bytes so each lookup counts at most one stride of bytes; for an ASCII text (a
/// third of news articles) the offsets are the same, and no checkpoint is made.
pub struct CharIndex<'t> {
    text: &'t str,
    /// Code points before each block, and one for the end; empty for an ASCII text.
    checkpoints: Vec<usize>,
}

impl<'t> CharIndex<'t> {
    const STRIDE: usize = 64;

    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharIndex {
                text,
                checkpoints: Vec::new(),
            };
        }
        // One per block, and one for the end.
        let mut checkpoints = Vec::with_capacity(bytes.len().div_ceil(Self::STRIDE) + 1);
        let mut chars = 0;
        let (blocks, rest) = bytes.as_chunks::<{ CharIndex::STRIDE }>();
        for block in blocks {
            checkpoints.push(chars);
            chars += count_block(block);
        }
        if !rest.is_empty() {
            checkpoints.push(chars);
            chars += count_chars(bytes, bytes.len() - rest.len(), bytes.len());
        }
        checkpoints.push(chars);
        CharIndex { text, checkpoints }
    }

    /// Code points before byte `offset` (which must be a char boundary). In a block of ASCII
    /// (most blocks of most text) that is the checkpoint plus the bytes into the block, with
    /// nothing to count; else the bytes are counted from the nearer end of the block.
    pub fn char_offset(&self, offset: usize) -> usize {
        if self.checkpoints.is_empty() {
            return offset;
        }
        let bytes = self.text.as_bytes();
        let block = offset / Self::STRIDE;
        let start = block * Self::STRIDE;
        let chars = self.checkpoints[block];
        let Some(&next) = self.checkpoints.get(block + 1) else {
            // The end of a text that fills its last block.
            return chars;
        };
        let end = (start + Self::STRIDE).min(bytes.len());
        if next - chars == end - start {
            chars + (offset - start)
        } else if offset - start <= end - offset {
            chars + count_chars(bytes, start, offset)
        } else {
            next - count_chars(bytes, offset, end)
        }
    }

    /// The code-point offsets of `span`'s ends: a short span's end counted on from its start.
    pub(crate) fn char_span(&self, span: Span) -> (usize, usize) {
        let start = self.char_offset(span.start);
        let end = if self.checkpoints.is_empty() {
            span.end
        } else if span.end - span.start <= Self::STRIDE / 2 {
            start + count_chars(self.text.as_bytes(), span.start, span.end)
        } else {
            self.char_offset(span.end)
        };
        (start, end)
    }

    pub fn span(&self, span: Span) -> WireSpan {
        let (start, end) = self.char_span(span);
        WireSpan {
            text: self.text[span].to_string(),
            start,
            end,
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

/// Code points in a whole block of the index: counted in u8 lanes (a block is shorter than
/// 256 bytes), which vectorises well.
fn count_block(block: &[u8; CharIndex::STRIDE]) -> usize {
    // A UTF-8 code point starts at every byte that is not a continuation byte (10xxxxxx).
    usize::from(
        block
            .iter()
            .fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40)),
    )
}

/// Code points in `bytes[start..end]` (part of a block, or a short span): counted in u8
/// lanes, which vectorises.
fn count_chars(bytes: &[u8], start: usize, end: usize) -> usize {
    let part = &bytes[start..end];
    debug_assert!(part.len() < 256);
    usize::from(
        part.iter()
            .fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40)),
    )
}

/// The wire form of one statement of `text`.
pub fn statement(index: &CharIndex<'_>, s: &Statement) -> WireStatement {
    WireStatement {
        kind: s.kind.into(),
        quote: index.span(s.quote),
        speaker: s.speaker.map(|sp| index.span(sp)),
        speaker_name: s.speaker_name.as_deref().map(str::to_string),
        speaker_type: s.speaker_type.into(),
        speaker_role: s.speaker_role.map(|r| index.span(r)),
        cue: s.cue.map(|c| index.span(c)),
        cue_lemma: s.cue_lemma.map(str::to_string),
        confidence: (s.confidence * 1000.0).round() / 1000.0,
        sentence: [s.sentences.0, s.sentences.1],
        rule: s.rule.to_string(),
    }
}

/// The wire document for `statements` found in `text`.
pub fn document(id: &str, text: &str, statements: &[Statement]) -> WireDocument {
    let index = CharIndex::new(text);
    WireDocument {
        id: id.to_string(),
        quotes: Some(statements.iter().map(|s| statement(&index, s)).collect()),
        error: None,
    }
}

/// The wire document for `statements` found in `text`, borrowed: it serialises exactly as
/// [`document`]`(id, text, statements)` does, without copying any text into new strings.
///
/// ```
/// let text = "“We agreed,” she said.";
/// let found = whosaid::extract(text);
/// let borrowed = whosaid::wire::DocumentRef { id: "d", text, statements: &found };
/// let owned = whosaid::wire::document("d", text, &found);
/// assert_eq!(serde_json::to_string(&borrowed)?, serde_json::to_string(&owned)?);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DocumentRef<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub statements: &'a [Statement],
}

impl Serialize for DocumentRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let index = CharIndex::new(self.text);
        let mut doc = serializer.serialize_struct("WireDocument", 2)?;
        doc.serialize_field("id", self.id)?;
        doc.serialize_field(
            "quotes",
            &QuotesRef {
                index: &index,
                statements: self.statements,
            },
        )?;
        doc.end()
    }
}

struct QuotesRef<'a, 't> {
    index: &'a CharIndex<'t>,
    statements: &'a [Statement],
}

impl Serialize for QuotesRef<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.statements.iter().map(|s| StatementRef {
            kind: s.kind.into(),
            quote: self.index.span_ref(s.quote),
            speaker: s.speaker.map(|sp| self.index.span_ref(sp)),
            speaker_name: s.speaker_name.as_deref(),
            speaker_type: s.speaker_type.into(),
            speaker_role: s.speaker_role.map(|r| self.index.span_ref(r)),
            cue: s.cue.map(|c| self.index.span_ref(c)),
            cue_lemma: s.cue_lemma,
            confidence: (s.confidence * 1000.0).round() / 1000.0,
            sentence: [s.sentences.0, s.sentences.1],
            rule: s.rule,
        }))
    }
}

/// [`WireStatement`] with borrowed strings; same fields in the same order.
#[derive(Serialize)]
struct StatementRef<'a> {
    kind: WireKind,
    quote: SpanRef<'a>,
    speaker: Option<SpanRef<'a>>,
    speaker_name: Option<&'a str>,
    speaker_type: WireSpeakerType,
    speaker_role: Option<SpanRef<'a>>,
    cue: Option<SpanRef<'a>>,
    cue_lemma: Option<&'a str>,
    confidence: f32,
    sentence: [usize; 2],
    rule: &'a str,
}

/// [`WireSpan`] with a borrowed text; same fields in the same order.
#[derive(Serialize)]
struct SpanRef<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

impl<'t> CharIndex<'t> {
    fn span_ref(&self, span: Span) -> SpanRef<'t> {
        let (start, end) = self.char_span(span);
        SpanRef {
            text: &self.text[span],
            start,
            end,
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

/// The error record for a document that could not be read.
pub fn error_document(id: &str, message: impl Into<String>) -> WireDocument {
    WireDocument {
        id: id.to_string(),
        quotes: None,
        error: Some(WireError {
            message: message.into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "«Да», — сказал он. ".repeat(100);
        let index = CharIndex::new(&text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(bytes), chars);
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn char_offsets_in_mixed_text_at_every_boundary() {
        // ASCII, two-, three- and four-byte characters, across block edges, and blocks of
        // ASCII alone before, between and after them.
        let plain = "plain ascii ".repeat(30);
        let text = plain.clone() + &"a“b”c é ñ 😀 Да — x".repeat(7) + &plain + "“end”" + &plain;
        let index = CharIndex::new(&text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(bytes), chars, "at byte {bytes}");
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn char_spans_count_code_points() {
        // Short and long spans, in mixed text and in ASCII (which has no checkpoints).
        let mixed = "a“b”c é ñ 😀 Да — x ".repeat(9);
        let ascii = "plain ascii text, ".repeat(9);
        for text in [mixed.as_str(), ascii.as_str()] {
            let index = CharIndex::new(text);
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&k| text.is_char_boundary(k))
                .collect();
            for (i, &start) in boundaries.iter().enumerate() {
                for &end in &boundaries[i..] {
                    let chars = text[..start].chars().count();
                    let expected = (chars, chars + text[start..end].chars().count());
                    assert_eq!(index.char_span(Span::new(start, end)), expected);
                }
            }
        }
    }

    #[test]
    fn count_chars_agrees_with_chars() {
        let long = "“quoted” — text, über 😀".repeat(4);
        for s in [
            long.as_str(),
            "",
            "a",
            "é",
            "12345678",
            "1234567é",
            "é1234567",
            "😀😀😀",
            "“quoted” — text, über",
        ] {
            let bytes = s.as_bytes();
            assert_eq!(count_chars(bytes, 0, s.len()), s.chars().count(), "{s:?}");
            let boundaries = || (0..=s.len()).filter(|&k| s.is_char_boundary(k));
            for start in boundaries() {
                for end in boundaries().filter(|&end| end >= start) {
                    let chars = s[start..end].chars().count();
                    assert_eq!(
                        count_chars(bytes, start, end),
                        chars,
                        "{s:?} {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn empty_text_has_offset_zero() {
        assert_eq!(CharIndex::new("").char_offset(0), 0);
    }

    #[test]
    fn borrowed_document_serialises_as_the_owned_one() {
        let text = include_str!("../../examples/istanbul-talks.txt");
        let found = crate::extract(text);
        assert!(found.len() > 5);
        let borrowed = DocumentRef {
            id: "x",
            text,
            statements: &found,
        };
        let owned = document("x", text, &found);
        assert_eq!(
            serde_json::to_string(&borrowed).unwrap(),
            serde_json::to_string(&owned).unwrap()
        );
        assert_eq!(
            serde_json::to_string_pretty(&borrowed).unwrap(),
            serde_json::to_string_pretty(&owned).unwrap()
        );
    }
}
