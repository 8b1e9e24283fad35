//! Confidence: the probability that a statement is right (its quote found, its speaker right),
//! looked up per attribution rule and speaker feature in `src/data/confidence.txt` (speech, fitted
//! on GGT) or `src/data/confidence_broad.txt` (the broad sense, fitted on PolNeAR with
//! `--broad --join-split-quotes`), which `whosaid eval --fit-confidence` fits on a development set. A rule the table does not list keeps
//! the prior its rule gave.

use crate::statement::SpeakerType;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The speaker features, in the order of a [`Row`].
const FEATURES: [&str; 6] = [
    "none",
    "person",
    "organization",
    "group",
    "pronoun",
    "unknown",
];

/// A rule's confidence per speaker feature (in the order of [`FEATURES`]).
type Row = [Option<f32>; FEATURES.len()];

/// Per rule, its row: one string hashed per lookup, where keying by the pair hashed two.
/// Lines with a feature that is none of [`FEATURES`] are never written, and are skipped.
struct Table {
    rules: HashMap<&'static str, Row>,
}

/// Speech only, fitted on GGT.
static TABLE: LazyLock<Table> = LazyLock::new(|| parse(include_str!("data/confidence.txt")));
/// In the broad sense with split quotations joined, fitted on PolNeAR.
static BROAD: LazyLock<Table> = LazyLock::new(|| parse(include_str!("data/confidence_broad.txt")));

fn parse(data: &'static str) -> Table {
    let mut table = Table {
        rules: HashMap::default(),
    };
    let rows = data
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (rule, feature, p) = (f.next()?, f.next()?, f.next()?.parse().ok()?);
            Some((rule, feature, p))
        });
    // In file order, so a repeated pair keeps its last value, as collecting into a map did.
    for (rule, feature, p) in rows {
        if let Some(k) = FEATURES.iter().position(|&f| f == feature) {
            table.rules.entry(rule).or_default()[k] = Some(p);
        }
    }
    table
}

impl Table {
    fn get(&self, rule: &str, feature: &str) -> Option<f32> {
        let k = FEATURES.iter().position(|&f| f == feature)?;
        self.rules.get(rule)?[k]
    }

    fn get_typed(
        &self,
        rule: &str,
        speaker_present: bool,
        speaker_type: SpeakerType,
    ) -> Option<f32> {
        self.rules.get(rule)?[feature_index(speaker_present, speaker_type)]
    }
}

/// The index in [`FEATURES`] of [`speaker_feature`]`(speaker_present, speaker_type.as_str())`.
fn feature_index(speaker_present: bool, speaker_type: SpeakerType) -> usize {
    if !speaker_present {
        return 0;
    }
    match speaker_type {
        SpeakerType::Person => 1,
        SpeakerType::Organization => 2,
        SpeakerType::Group => 3,
        SpeakerType::Pronoun => 4,
        SpeakerType::Unknown => 5,
    }
}

/// The speaker feature a confidence is looked up by: the speaker type, or `none` without a
/// speaker mention.
pub fn speaker_feature(speaker_present: bool, speaker_type: &str) -> &str {
    if speaker_present {
        speaker_type
    } else {
        "none"
    }
}

/// The fitted confidence for `rule` with a speaker of `feature` (a speaker type, or `none`).
pub fn fitted(rule: &str, feature: &str) -> Option<f32> {
    TABLE.get(rule, feature)
}

/// [`fitted`] for the feature of a speaker of `speaker_type`, or none when not
/// `speaker_present`: no feature string to compare.
pub fn fitted_for(rule: &str, speaker_present: bool, speaker_type: SpeakerType) -> Option<f32> {
    TABLE.get_typed(rule, speaker_present, speaker_type)
}

/// [`fitted`] for attributions in the broad sense (PolNeAR's conventions).
pub fn fitted_broad(rule: &str, feature: &str) -> Option<f32> {
    BROAD.get(rule, feature)
}

/// [`fitted_for`] in the broad sense.
pub fn fitted_broad_for(
    rule: &str,
    speaker_present: bool,
    speaker_type: SpeakerType,
) -> Option<f32> {
    BROAD.get_typed(rule, speaker_present, speaker_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_into_probabilities() {
        for table in [&*TABLE, &*BROAD] {
            assert!(!table.rules.is_empty());
            let mut all = table.rules.values().flatten().flatten();
            assert!(all.all(|p| (0.0..=1.0).contains(p)));
        }
        // Every line names a known feature: none is skipped.
        for data in [
            include_str!("data/confidence.txt"),
            include_str!("data/confidence_broad.txt"),
        ] {
            for line in data
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            {
                let feature = line.split_whitespace().nth(1);
                assert!(feature.is_some_and(|f| FEATURES.contains(&f)), "{line}");
            }
        }
    }

    #[test]
    fn typed_lookup_is_the_feature_lookup() {
        use SpeakerType::*;
        for (rule, _) in TABLE.rules.iter().chain(BROAD.rules.iter()) {
            for present in [false, true] {
                for t in [Person, Organization, Group, Pronoun, Unknown] {
                    let feature = speaker_feature(present, t.as_str());
                    assert_eq!(fitted_for(rule, present, t), fitted(rule, feature));
                    assert_eq!(
                        fitted_broad_for(rule, present, t),
                        fitted_broad(rule, feature)
                    );
                }
            }
        }
    }
}
