//! Confidence: the probability that a statement is right (its quote found, its speaker right),
//! looked up per attribution rule and speaker feature in `src/data/confidence.txt` (speech, fitted
//! on GGT) or `src/data/confidence_broad.txt` (the broad sense, fitted on PolNeAR with
//! `--broad --join-split-quotes`), which `whosaid eval --fit-confidence` fits on a development set. A rule the table does not list keeps
//! the prior its rule gave.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

type Table = HashMap<(&'static str, &'static str), f32>;

/// Speech only, fitted on GGT.
static TABLE: LazyLock<Table> = LazyLock::new(|| parse(include_str!("data/confidence.txt")));
/// In the broad sense with split quotations joined, fitted on PolNeAR.
static BROAD: LazyLock<Table> = LazyLock::new(|| parse(include_str!("data/confidence_broad.txt")));

fn parse(data: &'static str) -> Table {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (rule, feature, p) = (f.next()?, f.next()?, f.next()?.parse().ok()?);
            Some(((rule, feature), p))
        })
        .collect()
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
    TABLE.get(&(rule, feature)).copied()
}

/// [`fitted`] for attributions in the broad sense (PolNeAR's conventions).
pub fn fitted_broad(rule: &str, feature: &str) -> Option<f32> {
    BROAD.get(&(rule, feature)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_into_probabilities() {
        for table in [&*TABLE, &*BROAD] {
            assert!(!table.is_empty());
            assert!(table.values().all(|p| (0.0..=1.0).contains(p)));
        }
    }
}
