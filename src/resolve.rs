//! Resolution: maps each speaker mention to the fullest name it refers to in the article.

use crate::attribute::Attribution;
use crate::doc::Doc;
use crate::statement::{SpeakerType, Statement};

/// The statements, with `speaker_name` resolved within the article.
pub fn resolve(doc: &Doc<'_>, found: &[Attribution]) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::with_capacity(found.len());
    for a in found {
        let (speaker_name, speaker_type) = match (a.mention, a.inherits) {
            (Some(m), _) => (m.name.map(|n| doc.text[n].to_string()), m.kind),
            (None, Some(p)) if p < out.len() => (out[p].speaker_name.clone(), out[p].speaker_type),
            _ => (None, SpeakerType::Unknown),
        };
        let first = doc.seg.sentence_at(a.quote.start);
        let last = doc.seg.sentence_at(a.quote.end.saturating_sub(1).max(a.quote.start));
        out.push(Statement {
            kind: a.kind,
            quote: a.quote,
            speaker: a.mention.map(|m| m.span),
            speaker_name,
            speaker_type,
            cue: a.cue.map(|c| c.span),
            cue_lemma: a.cue.map(|c| c.lemma.to_string()),
            confidence: a.confidence,
            sentences: (first, last),
            rule: a.rule,
        });
    }
    out
}
