#![doc = include_str!("../README.md")]

pub mod attribute;
pub mod confidence;
pub mod cues;
pub mod doc;
pub mod error;
pub mod join;
pub mod lexicon;
pub mod markup;
pub mod mentions;
pub mod quotes;
pub mod resolve;
pub mod role;
pub mod score;
pub mod segment;
pub mod span;
pub mod statement;
pub mod tokens;
pub mod wire;

use cues::ACCORDING_TO;
pub use error::{Error, Result};
pub use span::Span;
pub use statement::{Kind, SpeakerType, Statement};

/// Options for extraction. `Extractor::default()` is what [`extract`] uses.
///
/// ```
/// let extractor = whosaid::Extractor { min_confidence: 0.5, ..Default::default() };
/// let text = "“We agreed on joint steps,” Maria Zakharova said on Friday.";
/// let found = extractor.extract(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].speaker.unwrap()], "Maria Zakharova");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    /// Statements scored below this are dropped.
    pub min_confidence: f32,
    /// Report reported speech without quote marks (`indirect` statements).
    pub indirect: bool,
    /// Report attributions in the broad sense too: beliefs and intentions ("she believes that"),
    /// and findings of documents, polls and studies ("a poll shows that"). Off: speech only.
    /// On, PolNeAR's conventions also for what counts as a speaker: a participle ("…, adding
    /// that") names the main clause's subject, and any participle may report ("…, citing …").
    pub broad: bool,
    /// Report a quotation split by its attribution (“A,” she said, “B.”) as one statement over
    /// both pieces, and each attribution over all its pieces, as PolNeAR does (see
    /// [`crate::join`]); a report made inside the attribution is then also a statement nested in
    /// the joined one. Off: one statement a piece, as GGT does, and statements never overlap.
    pub join_split_quotes: bool,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            min_confidence: 0.0,
            indirect: true,
            broad: false,
            join_split_quotes: false,
        }
    }
}

impl Extractor {
    /// All statements in `text`, in order of their quote spans.
    pub fn extract(&self, text: &str) -> Vec<Statement> {
        let doc = doc::Doc::new(text);
        let attributions = attribute::attribute(&doc, self.broad);
        let mut statements = resolve::resolve(&doc, &attributions);
        if self.join_split_quotes {
            statements = join::join_split_quotes(&doc, statements);
        }
        if self.broad {
            for s in &mut statements {
                if let Some(p) =
                    confidence::fitted_broad_for(s.rule, s.speaker.is_some(), s.speaker_type)
                {
                    s.confidence = p;
                }
            }
        }
        statements.retain(|s| {
            s.confidence >= self.min_confidence && (self.indirect || s.kind != Kind::Indirect)
        });
        if !self.broad {
            // Speech only, the cue is a verb of speaking; "according to" is none (GGT's
            // convention). In the broad sense it is the cue (PolNeAR's); `rule` tells either way.
            for s in &mut statements {
                if s.cue_lemma == Some(ACCORDING_TO) {
                    s.cue = None;
                    s.cue_lemma = None;
                }
            }
        }
        statements
    }
}

/// All statements in `text` with the default options.
///
/// ```
/// let text = "“It was constructive,” she said.";
/// let statements = whosaid::extract(text);
/// assert_eq!(&text[statements[0].quote], "“It was constructive,”");
/// assert_eq!(&text[statements[0].cue.unwrap()], "said");
/// ```
pub fn extract(text: &str) -> Vec<Statement> {
    Extractor::default().extract(text)
}
