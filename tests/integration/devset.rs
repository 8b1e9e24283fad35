//! The extractor on the development sets in `../shared/eval`: prints the figures and fails below
//! the floors, so a change cannot quietly lose accuracy. The floors sit about two points under
//! what the extractor reached when they were last raised.

use std::path::PathBuf;
use whosaid::Extractor;
use whosaid::score::{Report, evaluate, read_gold};

fn shared(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("note: {} is missing; dev-set test skipped", path.display());
        None
    }
}

fn score(rel: &str, extractor: &Extractor) -> Option<Report> {
    let gold = read_gold(&shared(rel)?).expect("gold file reads");
    let pred: Vec<_> = gold
        .iter()
        .map(|d| whosaid::wire::document(&d.id, &d.text, &extractor.extract(&d.text)))
        .collect();
    let report = evaluate(&gold, &pred, 0);
    println!("{rel}\n{}", report.to_text());
    Some(report)
}

fn at_least(what: &str, value: f64, floor: f64) {
    assert!(value >= floor, "{what} {value:.1} below its floor {floor}");
}

#[test]
fn ggt_dev_meets_floors() {
    let Some(r) = score("eval/ggt.dev.jsonl", &Extractor::default()) else {
        return;
    };
    at_least("cov30 F1", 100.0 * r.quotes.cov30.f1, 91.0);
    at_least("cov80 F1", 100.0 * r.quotes.cov80.f1, 90.0);
    at_least("exact F1", 100.0 * r.quotes.exact.f1, 86.0);
    at_least(
        "speaker accuracy",
        100.0 * r.attribution.speaker_accuracy,
        96.0,
    );
    at_least("name accuracy", 100.0 * r.attribution.name_accuracy, 90.0);
    at_least("cue accuracy", 100.0 * r.attribution.cue_accuracy, 96.0);
    assert!(
        r.calibration.ece <= 0.05,
        "ECE {:.3} above 0.05",
        r.calibration.ece
    );
}

#[test]
fn polnear_dev_meets_floors() {
    // PolNeAR's conventions: attributions in the broad sense, split quotations as one record.
    let polnear = Extractor {
        broad: true,
        join_split_quotes: true,
        ..Extractor::default()
    };
    let Some(r) = score("eval/polnear.dev.jsonl", &polnear) else {
        return;
    };
    at_least("cov30 F1", 100.0 * r.quotes.cov30.f1, 77.5);
    at_least("quote-marked F1", 100.0 * r.quote_marked.f1, 92.0);
    let recall = |kind: &str| {
        let k = r.recall_by_kind.iter().find(|k| k.kind == kind).unwrap();
        100.0 * k.cov30_recall
    };
    at_least("direct recall", recall("direct"), 94.0);
    at_least("mixed recall", recall("mixed"), 84.0);
    // Quotations and clauses found without their speaker (`quote_alone`, `cue_that_clause`,
    // `expected_clause`, `hearsay_clause`) count as matches with a wrong speaker: this floor is
    // lower than the GGT one by design.
    at_least(
        "speaker accuracy",
        100.0 * r.attribution.speaker_accuracy,
        80.0,
    );
    assert!(
        r.calibration.ece <= 0.05,
        "ECE {:.3} above 0.05",
        r.calibration.ece
    );
}
