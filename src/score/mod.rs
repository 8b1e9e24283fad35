//! Scoring predictions against gold quote annotations (`whosaid eval`).
//!
//! Gold files are JSONL, one article per line (see `../shared/README.md`): `{"id", "text",
//! "quotes": [{"kind", "quote": {"start", "end", "text"}, "speaker": {…}|null, "cue": {…}|null,
//! "speaker_canonical"?: …}]}`, offsets in code points.
//!
//! [`evaluate`] matches predicted quotes to gold quotes one to one per document, greedily in
//! gold order (best prediction first), under four criteria ([`Criterion`]), and reports micro
//! precision/recall/F1, recall by kind, speaker/name/cue accuracy on the cov30 matches, a
//! reliability table for `confidence`, and the first errors. See [`report`] for the JSON shape.

mod gold;
pub mod matching;
pub mod report;

pub use gold::read_gold;
pub use matching::{Criterion, normalise_name};
pub use report::{
    Attribution, Calibration, CalibrationBin, CalibrationPoint, Errors, KindRecall, Missed, Prf,
    QuoteScores, Report, RuleRow, Spurious, WrongSpeaker, fit_confidence,
};

use crate::wire::{WireDocument, WireKind, WireStatement};
use matching::{QuoteRange, greedy_match, normalise_cue, overlaps};
use report::{ratio, truncate};
use std::collections::{HashMap, HashSet};

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

/// Kinds listed first in the recall table, in this order; others follow as met.
const KINDS: [&str; 3] = ["direct", "mixed", "indirect"];

/// Scores `pred` (matched to gold by id; a gold document without prediction counts as empty)
/// against `gold`, keeping up to `errors` missed and spurious quotes for the report.
///
/// Also keeps up to `errors` wrong-speaker matches. Predictions are read by code-point offsets
/// (`start`/`end`) into the gold text; their `text` is only shown in the error lists. Predicted
/// ids not in `gold`, and repeats of an id, are ignored and counted.
pub fn evaluate(gold: &[GoldDoc], pred: &[WireDocument], errors: usize) -> Report {
    let gold_ids: HashSet<&str> = gold.iter().map(|d| d.id.as_str()).collect();
    let mut by_id: HashMap<&str, &WireDocument> = HashMap::new();
    let (mut ignored_documents, mut ignored_quotes) = (0, 0);
    for p in pred {
        // The first prediction for an id counts; a repeat is ignored rather than merged, so a
        // doubled output file cannot inflate recall.
        if gold_ids.contains(p.id.as_str()) && !by_id.contains_key(p.id.as_str()) {
            by_id.insert(&p.id, p);
        } else {
            ignored_documents += 1;
            ignored_quotes += p.quotes.as_ref().map_or(0, Vec::len);
        }
    }
    let mut acc = Accumulator::new(errors);
    for doc in gold {
        let preds: &[WireStatement] = match by_id.get(doc.id.as_str()) {
            None => {
                acc.missing_documents += 1;
                &[]
            }
            Some(WireDocument {
                quotes: Some(q), ..
            }) => q,
            Some(_) => {
                acc.failed_documents += 1;
                &[]
            }
        };
        acc.add(doc, preds);
    }
    acc.finish(gold.len(), ignored_documents, ignored_quotes)
}

/// Double quotation marks: a quote holding one is quote-marked.
const DOUBLE_MARKS: [char; 6] = ['"', '“', '”', '„', '«', '»'];

/// Running totals over documents.
struct Accumulator {
    gold_quotes: usize,
    predicted_quotes: usize,
    missing_documents: usize,
    failed_documents: usize,
    /// Matched quotes per criterion, in `Criterion::ALL` order.
    matched: [usize; 4],
    /// Quote-marked gold, predicted and cov30-matched (see [`Report::quote_marked`]).
    quote_marked: [usize; 3],
    kinds: Vec<KindRecall>,
    attribution: Attribution,
    points: Vec<CalibrationPoint>,
    errors: Errors,
}

impl Accumulator {
    fn new(limit: usize) -> Accumulator {
        Accumulator {
            gold_quotes: 0,
            predicted_quotes: 0,
            missing_documents: 0,
            failed_documents: 0,
            matched: [0; 4],
            quote_marked: [0; 3],
            kinds: KINDS.iter().map(|k| kind_recall(k)).collect(),
            attribution: Attribution::default(),
            points: Vec::new(),
            errors: Errors {
                limit,
                ..Errors::default()
            },
        }
    }

    fn add(&mut self, doc: &GoldDoc, preds: &[WireStatement]) {
        // Code points of the text, so spans index it directly. Built per document, so only one
        // article's worth is alive at a time.
        let chars: Vec<char> = doc.text.chars().collect();
        let slice = |(s, e): (usize, usize)| -> String {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect()
        };
        let gold: Vec<QuoteRange> = doc
            .quotes
            .iter()
            .map(|q| QuoteRange::new(&chars, q.quote))
            .collect();
        let pred: Vec<QuoteRange> = preds
            .iter()
            .map(|p| QuoteRange::new(&chars, (p.quote.start, p.quote.end)))
            .collect();
        self.gold_quotes += gold.len();
        self.predicted_quotes += pred.len();

        let matches: Vec<Vec<Option<usize>>> = Criterion::ALL
            .iter()
            .map(|&c| greedy_match(c, &gold, &pred))
            .collect();
        for (total, m) in self.matched.iter_mut().zip(&matches) {
            *total += m.iter().flatten().count();
        }
        let (cov30, cov80) = (&matches[0], &matches[1]);
        self.add_quote_marked(doc, preds, &gold, &pred);

        let mut right = vec![false; preds.len()];
        let limit = self.errors.limit;
        for (i, q) in doc.quotes.iter().enumerate() {
            let k = match self.kinds.iter().position(|k| k.kind == q.kind) {
                Some(k) => k,
                None => {
                    self.kinds.push(kind_recall(&q.kind));
                    self.kinds.len() - 1
                }
            };
            let k = &mut self.kinds[k];
            k.gold += 1;
            k.cov30_matched += usize::from(cov30[i].is_some());
            k.cov80_matched += usize::from(cov80[i].is_some());

            let Some(j) = cov30[i] else {
                self.errors.missed_total += 1;
                if self.errors.missed.len() < limit {
                    self.errors.missed.push(Missed {
                        doc: doc.id.clone(),
                        kind: q.kind.clone(),
                        start: q.quote.0,
                        end: q.quote.1,
                        text: truncate(&slice(q.quote)),
                        speaker: q.speaker.map(slice),
                        speaker_canonical: q.speaker_canonical.clone(),
                        cue: q.cue.clone(),
                    });
                }
                continue;
            };
            let p = &preds[j];
            let a = &mut self.attribution;
            a.matches += 1;
            let speaker_right = match (q.speaker, &p.speaker) {
                (None, None) => true,
                (Some(g), Some(s)) => overlaps(g, (s.start, s.end)),
                _ => false,
            };
            right[j] = speaker_right;
            a.speaker_right += usize::from(speaker_right);
            if let Some(canonical) = &q.speaker_canonical {
                a.with_canonical += 1;
                let name_right = p
                    .speaker_name
                    .as_deref()
                    .is_some_and(|n| normalise_name(n) == normalise_name(canonical));
                a.name_right += usize::from(name_right);
            }
            let cue_right = normalise_cue(q.cue.as_deref())
                == normalise_cue(p.cue.as_ref().map(|c| c.text.as_str()));
            a.cue_right += usize::from(cue_right);
            if !speaker_right {
                self.errors.wrong_speaker_total += 1;
                if self.errors.wrong_speaker.len() < limit {
                    self.errors.wrong_speaker.push(WrongSpeaker {
                        doc: doc.id.clone(),
                        start: q.quote.0,
                        end: q.quote.1,
                        text: truncate(&slice(q.quote)),
                        gold_speaker: q.speaker.map(slice),
                        gold_canonical: q.speaker_canonical.clone(),
                        pred_speaker: p.speaker.as_ref().map(|s| s.text.clone()),
                        pred_name: p.speaker_name.clone(),
                        rule: p.rule.clone(),
                    });
                }
            }
        }

        let mut matched = vec![false; preds.len()];
        for j in cov30.iter().flatten() {
            matched[*j] = true;
        }
        for (j, p) in preds.iter().enumerate() {
            let speaker_type = serde_json::to_value(p.speaker_type).ok();
            let speaker_type = speaker_type
                .as_ref()
                .and_then(|v| v.as_str())
                .unwrap_or("unknown");
            self.points.push(CalibrationPoint {
                confidence: confidence(p.confidence),
                right: right[j],
                rule: p.rule.clone(),
                feature: report::speaker_feature(p.speaker.is_some(), speaker_type),
            });
            if matched[j] {
                continue;
            }
            self.errors.spurious_total += 1;
            if self.errors.spurious.len() < limit {
                self.errors.spurious.push(Spurious {
                    doc: doc.id.clone(),
                    kind: kind_name(p.kind).to_string(),
                    start: p.quote.start,
                    end: p.quote.end,
                    text: truncate(&p.quote.text),
                    speaker: p.speaker.as_ref().map(|s| s.text.clone()),
                    speaker_name: p.speaker_name.clone(),
                    cue: p.cue.as_ref().map(|c| c.text.clone()),
                    rule: p.rule.clone(),
                    confidence: confidence(p.confidence),
                });
            }
        }
    }

    /// Scores the quote-marked subsets of a document's gold and predicted quotes.
    fn add_quote_marked(
        &mut self,
        doc: &GoldDoc,
        preds: &[WireStatement],
        gold: &[QuoteRange],
        pred: &[QuoteRange],
    ) {
        let gold: Vec<QuoteRange> = doc
            .quotes
            .iter()
            .zip(gold)
            .filter(|(q, _)| q.kind == "direct" || q.kind == "mixed")
            .map(|(_, r)| *r)
            .collect();
        let pred: Vec<QuoteRange> = preds
            .iter()
            .zip(pred)
            .filter(|(p, _)| p.quote.text.contains(DOUBLE_MARKS))
            .map(|(_, r)| *r)
            .collect();
        let matched = greedy_match(Criterion::Cov30, &gold, &pred);
        self.quote_marked[0] += gold.len();
        self.quote_marked[1] += pred.len();
        self.quote_marked[2] += matched.iter().flatten().count();
    }

    fn finish(self, documents: usize, ignored_documents: usize, ignored_quotes: usize) -> Report {
        let prf = |i: usize| Prf::new(self.matched[i], self.gold_quotes, self.predicted_quotes);
        let mut attribution = self.attribution;
        attribution.speaker_accuracy = ratio(attribution.speaker_right, attribution.matches);
        attribution.name_accuracy = ratio(attribution.name_right, attribution.with_canonical);
        attribution.cue_accuracy = ratio(attribution.cue_right, attribution.matches);
        let recall_by_kind = self
            .kinds
            .into_iter()
            .map(|mut k| {
                k.cov30_recall = ratio(k.cov30_matched, k.gold);
                k.cov80_recall = ratio(k.cov80_matched, k.gold);
                k
            })
            .collect();
        Report {
            documents,
            gold_quotes: self.gold_quotes,
            predicted_quotes: self.predicted_quotes,
            missing_documents: self.missing_documents,
            failed_documents: self.failed_documents,
            ignored_documents,
            ignored_quotes,
            quotes: QuoteScores {
                cov30: prf(0),
                cov80: prf(1),
                jaccard: prf(2),
                exact: prf(3),
            },
            quote_marked: Prf::new(
                self.quote_marked[2],
                self.quote_marked[0],
                self.quote_marked[1],
            ),
            recall_by_kind,
            attribution,
            calibration: Calibration::new(&self.points),
            by_rule: report::rule_rows(&self.points),
            errors: self.errors,
            points: self.points,
        }
    }
}

/// A wire confidence as f64. The wire rounds to 3 decimals in f32, so `0.9` arrives as
/// 0.899999976…; rounding to 6 decimals restores the written value and keeps it out of the
/// calibration bin below.
fn confidence(c: f32) -> f64 {
    (f64::from(c) * 1e6).round() / 1e6
}

fn kind_recall(kind: &str) -> KindRecall {
    KindRecall {
        kind: kind.to_string(),
        gold: 0,
        cov30_matched: 0,
        cov30_recall: 0.0,
        cov80_matched: 0,
        cov80_recall: 0.0,
    }
}

fn kind_name(kind: WireKind) -> &'static str {
    match kind {
        WireKind::Direct => "direct",
        WireKind::Mixed => "mixed",
        WireKind::Indirect => "indirect",
    }
}

#[cfg(test)]
mod tests;
