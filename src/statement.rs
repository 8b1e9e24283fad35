//! The core result type: one attributed statement, in byte spans of the input.

use crate::span::Span;
use std::sync::Arc;

/// How the content is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The content is wholly inside quote marks.
    Direct,
    /// Reported speech that contains a quoted part.
    Mixed,
    /// Reported speech without quote marks.
    Indirect,
}

/// What kind of thing the speaker mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerType {
    Person,
    Organization,
    Group,
    Pronoun,
    Unknown,
}

impl SpeakerType {
    /// The name the wire format uses: `person`, `organization`, `group`, `pronoun`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Group => "group",
            SpeakerType::Pronoun => "pronoun",
            SpeakerType::Unknown => "unknown",
        }
    }
}

impl Statement {
    /// Every span of the statement, named as in the wire format: the quote, then the speaker,
    /// speaker role and cue that are present.
    pub fn spans(&self) -> impl Iterator<Item = (&'static str, Span)> + '_ {
        [
            ("quote", Some(self.quote)),
            ("speaker", self.speaker),
            ("speaker_role", self.speaker_role),
            ("cue", self.cue),
        ]
        .into_iter()
        .filter_map(|(name, span)| Some((name, span?)))
    }
}

/// One statement: who said what, with the cue that attributes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub kind: Kind,
    /// Direct: opening to closing mark inclusive. Mixed and indirect: the reported clause, from
    /// "that" when present, without the final period.
    pub quote: Span,
    /// The speaker mention as written that the cue attaches to.
    pub speaker: Option<Span>,
    /// The name the mention refers to, resolved within the article. Shared: the statements of
    /// one person hold one copy of the name.
    pub speaker_name: Option<Arc<str>>,
    pub speaker_type: SpeakerType,
    /// The role written beside the speaker's name ("Russia's Foreign Ministry spokeswoman",
    /// "a doctor at X"), when there is one.
    pub speaker_role: Option<Span>,
    /// The attribution verb or phrase as written ("said", "according to").
    pub cue: Option<Span>,
    /// The cue's dictionary form ("say", "according to"): one of the lexicon's, so not copied
    /// per statement.
    pub cue_lemma: Option<&'static str>,
    /// Probability-like score in [0, 1]; see the README for how it is set.
    pub confidence: f32,
    /// First and last sentence index the statement spans.
    pub sentences: (usize, usize),
    /// The attribution rule that produced it.
    pub rule: &'static str,
}
