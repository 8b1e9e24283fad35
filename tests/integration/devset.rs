//! The extractor on the development sets in `../shared/eval`: prints the figures and fails below
//! the floors, so a change cannot quietly lose accuracy.

use std::path::PathBuf;
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

fn score(rel: &str) -> Option<Report> {
    let gold = read_gold(&shared(rel)?).expect("gold file reads");
    let pred: Vec<_> = gold
        .iter()
        .map(|d| whosaid::wire::document(&d.id, &d.text, &whosaid::extract(&d.text)))
        .collect();
    let report = evaluate(&gold, &pred, 0);
    println!("{rel}\n{}", report.to_text());
    Some(report)
}

#[test]
fn ggt_dev_meets_floors() {
    let Some(r) = score("eval/ggt.dev.jsonl") else {
        return;
    };
    let f1 = 100.0 * r.quotes.cov30.f1;
    let speaker = 100.0 * r.attribution.speaker_accuracy;
    let cue = 100.0 * r.attribution.cue_accuracy;
    assert!(f1 >= 80.0, "cov30 F1 {f1:.1} below 80");
    assert!(speaker >= 88.0, "speaker accuracy {speaker:.1} below 88");
    assert!(cue >= 90.0, "cue accuracy {cue:.1} below 90");
}
