//! The scorer's report: figures for `--json` (serde, stable field names) and the text table.
//!
//! JSON shape (all rates are fractions in `0..=1`, `0` when their denominator is 0; the counts
//! next to them say which):
//!
//! ```text
//! {"documents", "gold_quotes", "predicted_quotes",
//!  "missing_documents", "failed_documents", "ignored_documents", "ignored_quotes",
//!  "quotes": {"cov30"|"cov80"|"jaccard"|"exact":
//!             {"matched", "gold", "predicted", "precision", "recall", "f1"}},
//!  "recall_by_kind": [{"kind", "gold", "cov30_matched", "cov30_recall",
//!                      "cov80_matched", "cov80_recall"}],
//!  "attribution": {"matches", "speaker_right", "speaker_accuracy", "with_canonical",
//!                  "name_right", "name_accuracy", "cue_right", "cue_accuracy"},
//!  "calibration": {"predictions", "ece",
//!                  "bins": [{"lower", "upper", "count", "mean_confidence"|null, "accuracy"|null}]},
//!  "by_rule": [{"rule", "feature", "predictions", "right", "accuracy", "mean_confidence"}],
//!  "errors": {"limit", "missed_total", "spurious_total", "wrong_speaker_total",
//!             "missed": [Missed], "spurious": [Spurious], "wrong_speaker": [WrongSpeaker]}}
//! ```

use serde::Serialize;
use std::fmt::Write;

/// Longest quote text kept in the error lists, in code points.
pub const MAX_TEXT: usize = 160;

/// What `whosaid eval` prints: the figures, and the listed errors.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Gold documents.
    pub documents: usize,
    /// Gold quotes.
    pub gold_quotes: usize,
    /// Predicted quotes in documents that are in the gold set.
    pub predicted_quotes: usize,
    /// Gold documents without a prediction (scored as predicting nothing).
    pub missing_documents: usize,
    /// Gold documents whose prediction is an error record (scored as predicting nothing).
    pub failed_documents: usize,
    /// Predicted documents whose id is not in the gold set, or repeats an earlier one.
    pub ignored_documents: usize,
    /// Quotes in the ignored documents.
    pub ignored_quotes: usize,
    /// Precision, recall and F1 at each match criterion.
    pub quotes: QuoteScores,
    /// Cov30 over quote-marked attributions only: gold of kind `direct` or `mixed` against
    /// predictions whose quote holds a double quotation mark (PolNeAR's test for its kinds).
    pub quote_marked: Prf,
    /// Recall per gold `kind`: `direct`, `mixed`, `indirect` first, then any other.
    pub recall_by_kind: Vec<KindRecall>,
    /// Speaker, name and cue accuracy on the cov30 matches.
    pub attribution: Attribution,
    /// Reliability of `confidence`.
    pub calibration: Calibration,
    /// How often each rule is right, per speaker feature.
    pub by_rule: Vec<RuleRow>,
    /// The first missed, spurious and wrong-speaker quotes.
    pub errors: Errors,
    /// Every prediction's confidence and whether it was right, in document order, for
    /// calibrating confidences later. Not serialised: it is as long as the predictions.
    #[serde(skip)]
    pub points: Vec<CalibrationPoint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteScores {
    pub cov30: Prf,
    pub cov80: Prf,
    pub jaccard: Prf,
    pub exact: Prf,
}

/// Micro-averaged precision, recall and F1 over all documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub matched: usize,
    pub gold: usize,
    pub predicted: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(matched: usize, gold: usize, predicted: usize) -> Prf {
        let precision = ratio(matched, predicted);
        let recall = ratio(matched, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            matched,
            gold,
            predicted,
            precision,
            recall,
            f1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindRecall {
    pub kind: String,
    pub gold: usize,
    pub cov30_matched: usize,
    pub cov30_recall: f64,
    pub cov80_matched: usize,
    pub cov80_recall: f64,
}

/// Accuracy of what comes with a quote, over the cov30 matches.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Attribution {
    /// cov30 matches.
    pub matches: usize,
    /// Matches whose predicted and gold speaker mentions overlap, or are both absent.
    pub speaker_right: usize,
    pub speaker_accuracy: f64,
    /// Matches whose gold quote has a `speaker_canonical`.
    pub with_canonical: usize,
    /// Of those, matches whose normalised `speaker_name` equals the normalised canonical name.
    pub name_right: usize,
    pub name_accuracy: f64,
    /// Matches whose lower-cased, trimmed cue texts are equal, or both absent.
    pub cue_right: usize,
    pub cue_accuracy: f64,
}

/// One prediction for calibration: it is right when it is a cov30 match with the right speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationPoint {
    pub confidence: f64,
    pub right: bool,
    /// The rule that produced the prediction and its speaker feature (see [`speaker_feature`]).
    pub rule: String,
    pub feature: String,
}

/// The speaker feature confidences are fitted on: the speaker type, or `none` without a mention.
pub fn speaker_feature(speaker_present: bool, speaker_type: &str) -> String {
    crate::confidence::speaker_feature(speaker_present, speaker_type).to_string()
}

/// How often one rule, with one speaker feature, is right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleRow {
    pub rule: String,
    pub feature: String,
    pub predictions: usize,
    pub right: usize,
    pub accuracy: f64,
    pub mean_confidence: f64,
}

/// Rows per (rule, feature), most predictions first.
pub fn rule_rows(points: &[CalibrationPoint]) -> Vec<RuleRow> {
    let mut rows: Vec<RuleRow> = Vec::new();
    for p in points {
        let i = match rows
            .iter()
            .position(|r| r.rule == p.rule && r.feature == p.feature)
        {
            Some(i) => i,
            None => {
                rows.push(RuleRow {
                    rule: p.rule.clone(),
                    feature: p.feature.clone(),
                    predictions: 0,
                    right: 0,
                    accuracy: 0.0,
                    mean_confidence: 0.0,
                });
                rows.len() - 1
            }
        };
        let r = &mut rows[i];
        r.predictions += 1;
        r.right += usize::from(p.right);
        r.mean_confidence += p.confidence;
    }
    for r in &mut rows {
        r.accuracy = r.right as f64 / r.predictions as f64;
        r.mean_confidence /= r.predictions as f64;
    }
    rows.sort_by(|a, b| {
        b.predictions
            .cmp(&a.predictions)
            .then(a.rule.cmp(&b.rule))
            .then(a.feature.cmp(&b.feature))
    });
    rows
}

/// Pseudo-counts that pull a small (rule, feature) cell towards its rule's accuracy.
const SHRINKAGE: f64 = 8.0;

/// The confidence table `src/data/confidence.txt` holds, fitted on these predictions: per rule
/// and speaker feature, the share that was right, shrunk towards the rule's share for small cells.
pub fn fit_confidence(points: &[CalibrationPoint]) -> String {
    let rows = rule_rows(points);
    let mut out = String::from(
        "# Confidence per attribution rule and speaker feature: the share of predictions that were\n\
         # right (quote found at cov30, speaker right), fitted by `whosaid eval --fit-confidence`.\n\
         # rule feature probability predictions\n",
    );
    let mut lines: Vec<String> = Vec::new();
    for r in &rows {
        let (rule_n, rule_right) = rows
            .iter()
            .filter(|x| x.rule == r.rule)
            .fold((0usize, 0usize), |(n, k), x| {
                (n + x.predictions, k + x.right)
            });
        let rule_rate = (rule_right as f64 + 1.0) / (rule_n as f64 + 2.0);
        let p = (r.right as f64 + SHRINKAGE * rule_rate) / (r.predictions as f64 + SHRINKAGE);
        lines.push(format!(
            "{} {} {:.3} {}",
            r.rule, r.feature, p, r.predictions
        ));
    }
    lines.sort();
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// A 10-bin reliability table and the expected calibration error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    pub predictions: usize,
    /// Σ over bins of `count / predictions × |accuracy − mean_confidence|`.
    pub ece: f64,
    pub bins: Vec<CalibrationBin>,
}

/// Predictions with `lower <= confidence < upper` (the last bin includes 1.0).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationBin {
    pub lower: f64,
    pub upper: f64,
    pub count: usize,
    /// `null` for an empty bin.
    pub mean_confidence: Option<f64>,
    /// `null` for an empty bin.
    pub accuracy: Option<f64>,
}

impl Calibration {
    pub const BINS: usize = 10;

    /// Confidences outside `0..=1` (or NaN) are clamped into the end bins.
    pub fn new(points: &[CalibrationPoint]) -> Calibration {
        let mut sums = [(0usize, 0.0f64, 0usize); Self::BINS];
        for p in points {
            let c = if p.confidence.is_nan() {
                0.0
            } else {
                p.confidence.clamp(0.0, 1.0)
            };
            // The epsilon keeps a value written as a bin edge (0.3) in the bin it starts, whatever
            // the float product rounds to.
            let bin = ((c * Self::BINS as f64 + 1e-9) as usize).min(Self::BINS - 1);
            sums[bin].0 += 1;
            sums[bin].1 += c;
            sums[bin].2 += usize::from(p.right);
        }
        let total = points.len();
        let mut ece = 0.0;
        let bins = sums
            .iter()
            .enumerate()
            .map(|(i, &(count, conf, right))| {
                let (mean_confidence, accuracy) = if count == 0 {
                    (None, None)
                } else {
                    let (m, a) = (conf / count as f64, ratio(right, count));
                    ece += count as f64 / total as f64 * (a - m).abs();
                    (Some(m), Some(a))
                };
                CalibrationBin {
                    lower: i as f64 / Self::BINS as f64,
                    upper: (i + 1) as f64 / Self::BINS as f64,
                    count,
                    mean_confidence,
                    accuracy,
                }
            })
            .collect();
        Calibration {
            predictions: total,
            ece,
            bins,
        }
    }
}

/// The first `limit` errors of each sort at cov30, in document order, and how many there were.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Errors {
    pub limit: usize,
    pub missed_total: usize,
    pub spurious_total: usize,
    pub wrong_speaker_total: usize,
    pub missed: Vec<Missed>,
    pub spurious: Vec<Spurious>,
    pub wrong_speaker: Vec<WrongSpeaker>,
}

/// A gold quote no prediction matched. Offsets in code points; `text` cut to 160 code points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missed {
    pub doc: String,
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_canonical: Option<String>,
    pub cue: Option<String>,
}

/// A prediction that matched no gold quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spurious {
    pub doc: String,
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub cue: Option<String>,
    pub rule: String,
    pub confidence: f64,
}

/// A match whose speaker is wrong. `text` is the gold quote's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongSpeaker {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub gold_speaker: Option<String>,
    pub gold_canonical: Option<String>,
    pub pred_speaker: Option<String>,
    pub pred_name: Option<String>,
    pub rule: String,
}

pub(crate) fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// `text` cut to [`MAX_TEXT`] code points, with `…` when cut.
pub(crate) fn truncate(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        Some((b, _)) => format!("{}…", &text[..b]),
        None => text.to_string(),
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}", 100.0 * x)
}

/// A text on one line, quoted, for the error lists.
fn quoted(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    format!("«{flat}»")
}

fn or_dash(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("-")
}

/// `she [Maria Zakharova]`, `- [Maria Zakharova]`, `she`, or `-`.
fn speaker(mention: &Option<String>, name: &Option<String>) -> String {
    match name {
        Some(n) => format!("{} [{n}]", or_dash(mention)),
        None => or_dash(mention).to_string(),
    }
}

impl Report {
    /// The report for people, as `whosaid eval` prints it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut out);
        out
    }

    fn write_text(&self, out: &mut String) -> std::fmt::Result {
        writeln!(
            out,
            "documents {}  gold {}  predicted {}",
            self.documents, self.gold_quotes, self.predicted_quotes
        )?;
        if self.missing_documents + self.failed_documents > 0 {
            writeln!(
                out,
                "no prediction for {} documents, error records for {} (scored as empty)",
                self.missing_documents, self.failed_documents
            )?;
        }
        if self.ignored_documents > 0 {
            writeln!(
                out,
                "ignored {} predicted documents ({} quotes) with ids not in gold or repeated",
                self.ignored_documents, self.ignored_quotes
            )?;
        }
        writeln!(out, "match        P      R     F1  matched")?;
        let q = &self.quotes;
        for (name, s) in [
            ("cov30", q.cov30),
            ("cov80", q.cov80),
            ("jaccard", q.jaccard),
            ("exact", q.exact),
        ] {
            writeln!(
                out,
                "{name:<7} {:>6} {:>6} {:>6}  {}",
                pct(s.precision),
                pct(s.recall),
                pct(s.f1),
                s.matched
            )?;
        }
        let m = &self.quote_marked;
        writeln!(
            out,
            "quote-marked (direct and mixed) cov30: P {}  R {}  F1 {}  matched {} of {} gold, {} predicted",
            pct(m.precision),
            pct(m.recall),
            pct(m.f1),
            m.matched,
            m.gold,
            m.predicted
        )?;
        for label in ["cov30", "cov80"] {
            write!(out, "recall by kind ({label}):")?;
            for k in &self.recall_by_kind {
                let recall = if label == "cov30" {
                    k.cov30_recall
                } else {
                    k.cov80_recall
                };
                write!(out, "  {} {} ({})", k.kind, pct(recall), k.gold)?;
            }
            writeln!(out)?;
        }
        let a = &self.attribution;
        writeln!(
            out,
            "on cov30 matches ({}): speaker {}  name {} (of {} with canonical)  cue {}",
            a.matches,
            pct(a.speaker_accuracy),
            pct(a.name_accuracy),
            a.with_canonical,
            pct(a.cue_accuracy)
        )?;
        let c = &self.calibration;
        writeln!(
            out,
            "calibration: ECE {:.3} over {} predictions",
            c.ece, c.predictions
        )?;
        writeln!(out, "  bin          n   conf    acc")?;
        for b in &c.bins {
            let fmt = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.3}"));
            writeln!(
                out,
                "  {:.1}-{:.1} {:>6} {:>6} {:>6}",
                b.lower,
                b.upper,
                b.count,
                fmt(b.mean_confidence),
                fmt(b.accuracy)
            )?;
        }
        writeln!(
            out,
            "by rule:                         feature          n  right   conf"
        )?;
        for r in &self.by_rule {
            writeln!(
                out,
                "  {:<30} {:<12} {:>6} {:>6} {:>6.3}",
                r.rule,
                r.feature,
                r.predictions,
                pct(r.accuracy),
                r.mean_confidence
            )?;
        }
        let e = &self.errors;
        writeln!(
            out,
            "errors at cov30: missed {}  spurious {}  wrong speaker {}",
            e.missed_total, e.spurious_total, e.wrong_speaker_total
        )?;
        if !e.missed.is_empty() {
            writeln!(
                out,
                "missed (first {} of {}):",
                e.missed.len(),
                e.missed_total
            )?;
            for m in &e.missed {
                writeln!(
                    out,
                    "  {}  {} {}..{}  {}  speaker {}  cue {}",
                    m.doc,
                    m.kind,
                    m.start,
                    m.end,
                    quoted(&m.text),
                    speaker(&m.speaker, &m.speaker_canonical),
                    or_dash(&m.cue)
                )?;
            }
        }
        if !e.spurious.is_empty() {
            writeln!(
                out,
                "spurious (first {} of {}):",
                e.spurious.len(),
                e.spurious_total
            )?;
            for s in &e.spurious {
                writeln!(
                    out,
                    "  {}  {} {}..{}  {}  speaker {}  cue {}  rule {} ({:.2})",
                    s.doc,
                    s.kind,
                    s.start,
                    s.end,
                    quoted(&s.text),
                    speaker(&s.speaker, &s.speaker_name),
                    or_dash(&s.cue),
                    s.rule,
                    s.confidence
                )?;
            }
        }
        if !e.wrong_speaker.is_empty() {
            writeln!(
                out,
                "wrong speaker (first {} of {}):",
                e.wrong_speaker.len(),
                e.wrong_speaker_total
            )?;
            for w in &e.wrong_speaker {
                writeln!(
                    out,
                    "  {}  {}..{}  {}  gold {}  pred {}  rule {}",
                    w.doc,
                    w.start,
                    w.end,
                    quoted(&w.text),
                    speaker(&w.gold_speaker, &w.gold_canonical),
                    speaker(&w.pred_speaker, &w.pred_name),
                    w.rule
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(confidence: f64, right: bool) -> CalibrationPoint {
        CalibrationPoint {
            confidence,
            right,
            rule: "r".into(),
            feature: "person".into(),
        }
    }

    #[test]
    fn rule_rows_and_fitted_table() {
        let mut points = vec![point(0.5, true), point(0.5, true), point(0.5, false)];
        points.push(CalibrationPoint {
            rule: "s".into(),
            ..point(0.9, false)
        });
        let rows = rule_rows(&points);
        assert_eq!(
            (rows[0].rule.as_str(), rows[0].predictions, rows[0].right),
            ("r", 3, 2)
        );
        let table = fit_confidence(&points);
        let line = table.lines().find(|l| l.starts_with("r person")).unwrap();
        let p: f64 = line.split(' ').nth(2).unwrap().parse().unwrap();
        // (2 right + 8 pseudo-counts at the rule's smoothed share 3/5) / (3 + 8).
        assert!((p - 6.8 / 11.0).abs() < 1e-3, "{line}");
    }

    #[test]
    fn ece_of_a_known_table() {
        // Bin 9: conf 0.9 and 1.0, one right → mean 0.95, acc 0.5, gap 0.45.
        // Bin 2: conf 0.2 and 0.25, neither right → mean 0.225, acc 0, gap 0.225.
        let c = Calibration::new(&[
            point(0.9, true),
            point(1.0, false),
            point(0.2, false),
            point(0.25, false),
        ]);
        assert_eq!(c.predictions, 4);
        assert_eq!(c.bins.len(), 10);
        assert_eq!(c.bins[9].count, 2);
        assert!((c.bins[9].mean_confidence.unwrap() - 0.95).abs() < 1e-12);
        assert_eq!(c.bins[9].accuracy, Some(0.5));
        assert_eq!(c.bins[2].count, 2);
        assert_eq!(c.bins[0].mean_confidence, None);
        assert!(
            (c.ece - (0.5 * 0.45 + 0.5 * 0.225)).abs() < 1e-12,
            "{}",
            c.ece
        );
    }

    #[test]
    fn perfectly_calibrated_and_empty() {
        let c = Calibration::new(&[point(1.0, true), point(0.0, false)]);
        assert_eq!(c.ece, 0.0);
        let c = Calibration::new(&[]);
        assert_eq!((c.ece, c.predictions), (0.0, 0));
        // Out-of-range confidences land in the end bins instead of panicking.
        let c = Calibration::new(&[point(1.7, true), point(-0.2, false), point(f64::NAN, false)]);
        assert_eq!((c.bins[9].count, c.bins[0].count), (1, 2));
    }

    #[test]
    fn prf_handles_zero() {
        let p = Prf::new(0, 0, 0);
        assert_eq!((p.precision, p.recall, p.f1), (0.0, 0.0, 0.0));
        let p = Prf::new(3, 4, 6);
        assert!((p.f1 - 0.6).abs() < 1e-12);
    }

    #[test]
    fn truncates_by_code_points() {
        let long = "ж".repeat(MAX_TEXT + 5);
        let t = truncate(&long);
        assert_eq!(t.chars().count(), MAX_TEXT + 1);
        assert!(t.ends_with('…'));
        assert_eq!(truncate("короткий"), "короткий");
    }
}
