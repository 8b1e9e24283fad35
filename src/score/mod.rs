//! Scoring predictions against gold quote annotations (`whosaid eval`).
//!
//! Gold files are JSONL, one article per line (see `../shared/README.md`): `{"id", "text",
//! "quotes": [{"kind", "quote": {"start", "end", "text"}, "speaker": {…}|null, "cue": {…}|null,
//! "speaker_canonical"?: …}]}`, offsets in code points.

use crate::wire::WireDocument;
use serde::Serialize;
use std::path::Path;

/// One gold article.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

/// One gold attribution. Offsets in code points, end exclusive.
#[derive(Debug, Clone)]
pub struct GoldQuote {
    pub kind: String,
    pub quote: (usize, usize),
    pub speaker: Option<(usize, usize)>,
    pub cue: Option<String>,
    pub speaker_canonical: Option<String>,
}

/// What `whosaid eval` prints: the figures, and the listed errors.
#[derive(Debug, Clone, Serialize)]
pub struct Report {}

/// Reads a gold JSONL file.
pub fn read_gold(_path: &Path) -> crate::Result<Vec<GoldDoc>> {
    todo!("scorer")
}

/// Scores `pred` (matched to gold by id; a gold document without prediction counts as empty)
/// against `gold`, keeping up to `errors` missed and spurious quotes for the report.
pub fn evaluate(_gold: &[GoldDoc], _pred: &[WireDocument], _errors: usize) -> Report {
    todo!("scorer")
}

impl Report {
    /// The report for people, as `whosaid eval` prints it.
    pub fn to_text(&self) -> String {
        todo!("scorer")
    }
}
