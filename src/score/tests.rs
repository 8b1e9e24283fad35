//! `evaluate` on small hand-made documents, and on the real gold scored against itself.

use super::*;
use crate::wire::{WireKind, WireSpan, WireSpeakerType, WireStatement};
use std::path::Path;

/// The code-point span of the first `needle` in `text` (searching from byte `from`).
fn span_from(text: &str, needle: &str, from: usize) -> WireSpan {
    // Falls back to the whole text when the needle only occurs before `from`.
    let b = match text[from..].find(needle) {
        Some(b) => from + b,
        None => text.find(needle).unwrap_or_else(|| panic!("{needle:?}")),
    };
    let start = text[..b].chars().count();
    WireSpan {
        text: needle.to_string(),
        start,
        end: start + needle.chars().count(),
        byte_start: b,
        byte_end: b + needle.len(),
    }
}

fn span(text: &str, needle: &str) -> WireSpan {
    span_from(text, needle, 0)
}

fn range(s: &WireSpan) -> (usize, usize) {
    (s.start, s.end)
}

struct G<'a> {
    kind: &'a str,
    quote: &'a str,
    speaker: Option<&'a str>,
    cue: Option<&'a str>,
    canonical: Option<&'a str>,
}

fn gold_doc(id: &str, text: &str, quotes: &[G]) -> GoldDoc {
    GoldDoc {
        id: id.into(),
        text: text.into(),
        quotes: quotes
            .iter()
            .map(|g| GoldQuote {
                kind: g.kind.into(),
                quote: range(&span(text, g.quote)),
                speaker: g.speaker.map(|s| range(&span(text, s))),
                cue: g.cue.map(str::to_string),
                speaker_canonical: g.canonical.map(str::to_string),
            })
            .collect(),
    }
}

struct P<'a> {
    quote: &'a str,
    speaker: Option<&'a str>,
    name: Option<&'a str>,
    cue: Option<&'a str>,
    confidence: f32,
}

fn statement(text: &str, p: &P) -> WireStatement {
    let quote = span(text, p.quote);
    // Look for the speaker and cue after the quote's start, as an extractor would find them
    // near it.
    let after = quote.byte_start;
    WireStatement {
        kind: WireKind::Direct,
        speaker: p.speaker.map(|s| span_from(text, s, after)),
        speaker_name: p.name.map(str::to_string),
        speaker_type: WireSpeakerType::Person,
        speaker_role: None,
        cue: p.cue.map(|c| span_from(text, c, after)),
        cue_lemma: None,
        confidence: p.confidence,
        sentence: [0, 0],
        rule: "test_rule".into(),
        quote,
    }
}

fn pred_doc(id: &str, text: &str, preds: &[P]) -> WireDocument {
    WireDocument {
        id: id.into(),
        quotes: Some(preds.iter().map(|p| statement(text, p)).collect()),
        error: None,
    }
}

const T1: &str = "“We agreed on joint steps,” Maria Zakharova said on Friday. \
She added that talks would go on. “It was constructive,” she told reporters.";
const T2: &str = "«Да», — сказал он. Глава МИД заявил, что переговоры продолжатся.";

fn sample() -> (Vec<GoldDoc>, Vec<WireDocument>) {
    let gold = vec![
        gold_doc(
            "d1",
            T1,
            &[
                G {
                    kind: "direct",
                    quote: "“We agreed on joint steps,”",
                    speaker: Some("Maria Zakharova"),
                    cue: Some("said"),
                    canonical: Some("Maria Zakharova"),
                },
                G {
                    kind: "indirect",
                    quote: "that talks would go on",
                    speaker: Some("She"),
                    cue: Some("added"),
                    canonical: Some("Maria Zakharova"),
                },
                G {
                    kind: "direct",
                    quote: "“It was constructive,”",
                    speaker: Some("she"),
                    cue: Some("told"),
                    canonical: Some("Maria Zakharova"),
                },
            ],
        ),
        gold_doc(
            "d2",
            T2,
            &[
                G {
                    kind: "direct",
                    quote: "«Да»,",
                    speaker: Some("он"),
                    // Differs from the prediction's only in case.
                    cue: Some("Сказал"),
                    canonical: None,
                },
                G {
                    kind: "indirect",
                    quote: "что переговоры продолжатся",
                    speaker: Some("Глава МИД"),
                    cue: Some("заявил"),
                    canonical: None,
                },
            ],
        ),
    ];
    let pred = vec![
        pred_doc(
            "d1",
            T1,
            &[
                // Exact after trimming; right speaker, name and cue.
                P {
                    quote: "We agreed on joint steps",
                    speaker: Some("Maria Zakharova"),
                    name: Some("maria zakharova"),
                    cue: Some("said"),
                    confidence: 0.95,
                },
                // Spurious.
                P {
                    quote: "on Friday",
                    speaker: None,
                    name: None,
                    cue: None,
                    confidence: 0.15,
                },
                // A cov80 match of the third quote with the wrong speaker and cue.
                P {
                    quote: "“It was constructive,” she",
                    speaker: Some("reporters"),
                    name: Some("Reporters"),
                    cue: Some("said"),
                    confidence: 0.85,
                },
            ],
        ),
        pred_doc(
            "d2",
            T2,
            &[
                P {
                    quote: "«Да»,",
                    speaker: Some("он"),
                    name: None,
                    cue: Some("сказал"),
                    confidence: 0.9,
                },
                // Covers 10 of 26 code points of the indirect quote: cov30 but not cov80.
                P {
                    quote: "что перего",
                    speaker: Some("МИД"),
                    name: None,
                    cue: Some("заявил"),
                    confidence: 0.6,
                },
            ],
        ),
        // Not in gold: ignored, but counted.
        pred_doc("elsewhere", T1, &[]),
    ];
    (gold, pred)
}

#[test]
fn scores_the_sample() {
    let (gold, pred) = sample();
    let r = evaluate(&gold, &pred, 10);
    assert_eq!((r.documents, r.gold_quotes, r.predicted_quotes), (2, 5, 5));
    assert_eq!((r.ignored_documents, r.ignored_quotes), (1, 0));
    assert_eq!((r.missing_documents, r.failed_documents), (0, 0));
    assert_eq!(r.quotes.cov30.matched, 4);
    assert_eq!(r.quotes.cov80.matched, 3);
    assert_eq!(r.quotes.jaccard.matched, 3);
    assert_eq!(r.quotes.exact.matched, 2);
    assert!((r.quotes.cov30.precision - 0.8).abs() < 1e-12);
    assert!((r.quotes.cov30.recall - 0.8).abs() < 1e-12);
    // Quote-marked: three direct gold quotes; two predictions hold a double mark ("We agreed
    // on joint steps" is trimmed of its marks), and both match.
    let m = r.quote_marked;
    assert_eq!((m.gold, m.predicted, m.matched), (3, 2, 2));

    let kinds: Vec<_> = r
        .recall_by_kind
        .iter()
        .map(|k| (k.kind.as_str(), k.gold, k.cov30_matched, k.cov80_matched))
        .collect();
    assert_eq!(
        kinds,
        [
            ("direct", 3, 3, 3),
            ("mixed", 0, 0, 0),
            ("indirect", 2, 1, 0)
        ]
    );

    let a = &r.attribution;
    assert_eq!(a.matches, 4);
    // Wrong: "reporters" vs "she". Right: Zakharova, он, МИД inside Глава МИД.
    assert_eq!(a.speaker_right, 3);
    // Canonical only in d1: Zakharova right, Reporters wrong.
    assert_eq!((a.with_canonical, a.name_right), (2, 1));
    // Wrong: said vs told. gold Сказал and predicted сказал equal lower-cased.
    assert_eq!(a.cue_right, 3);

    let e = &r.errors;
    assert_eq!(
        (e.missed_total, e.spurious_total, e.wrong_speaker_total),
        (1, 1, 1)
    );
    assert_eq!(e.missed[0].text, "that talks would go on");
    assert_eq!(e.missed[0].speaker.as_deref(), Some("She"));
    assert_eq!(e.spurious[0].text, "on Friday");
    assert_eq!(e.wrong_speaker[0].gold_speaker.as_deref(), Some("she"));
    assert_eq!(
        e.wrong_speaker[0].pred_speaker.as_deref(),
        Some("reporters")
    );

    // Right = cov30 match with the right speaker: 0.95, 0.9, 0.6 yes; 0.15, 0.85 no.
    let rights: Vec<_> = r.points.iter().map(|p| p.right).collect();
    assert_eq!(rights, [true, false, false, true, true]);
    let c = &r.calibration;
    assert_eq!(c.predictions, 5);
    // Bins: 1 {0.15 ✗} gap .15; 6 {0.6 ✓} gap .4; 8 {0.85 ✗} gap .85; 9 {0.95 ✓, 0.9 ✓} gap .075.
    let ece = (0.15 + 0.4 + 0.85 + 2.0 * 0.075) / 5.0;
    assert!((c.ece - ece).abs() < 1e-6, "{} vs {ece}", c.ece);
}

#[test]
fn offsets_are_code_points_not_bytes() {
    let (gold, mut pred) = sample();
    // The same quote given with byte offsets (as a buggy extractor might) misses under exact.
    let quotes = pred[1].quotes.as_mut().unwrap();
    let q = &mut quotes[1].quote;
    let (bs, be) = (q.byte_start, q.byte_end);
    assert_ne!((bs, be), (q.start, q.end));
    q.start = bs;
    q.end = be;
    let r = evaluate(&gold, &pred, 0);
    assert_eq!(r.quotes.cov30.matched, 3);
    // And with code points, «Да», is exact on the Cyrillic text.
    assert_eq!(r.quotes.exact.matched, 2);
}

#[test]
fn speaker_both_absent_is_right_one_absent_is_wrong() {
    let text = "“Enough,” came the reply. “More,” said Ana.";
    let gold = vec![gold_doc(
        "f",
        text,
        &[
            G {
                kind: "direct",
                quote: "“Enough,”",
                speaker: None,
                cue: None,
                canonical: Some("Ana Silva"),
            },
            G {
                kind: "direct",
                quote: "“More,”",
                speaker: Some("Ana"),
                cue: Some("said"),
                canonical: Some("Ana Silva"),
            },
        ],
    )];
    let pred = vec![pred_doc(
        "f",
        text,
        &[
            P {
                quote: "“Enough,”",
                speaker: None,
                name: Some("Ana Silva"),
                cue: None,
                confidence: 0.5,
            },
            P {
                quote: "“More,”",
                speaker: None,
                name: Some("Ána Silva’s"),
                cue: Some("said"),
                confidence: 0.5,
            },
        ],
    )];
    let r = evaluate(&gold, &pred, 5);
    let a = &r.attribution;
    assert_eq!((a.matches, a.speaker_right), (2, 1));
    assert_eq!((a.with_canonical, a.name_right), (2, 2));
    assert_eq!(a.cue_right, 2);
    assert_eq!(
        r.errors.wrong_speaker[0].gold_speaker.as_deref(),
        Some("Ana")
    );
    assert_eq!(r.errors.wrong_speaker[0].pred_speaker, None);
}

#[test]
fn missing_failed_and_repeated_documents() {
    let (gold, mut pred) = sample();
    pred[1] = crate::wire::error_document("d2", "could not read");
    let repeat = pred[0].clone();
    pred.push(repeat);
    // The repeated d1 is ignored with "elsewhere"; d2 failed.
    let r = evaluate(&gold, &pred, 3);
    assert_eq!((r.missing_documents, r.failed_documents), (0, 1));
    assert_eq!((r.ignored_documents, r.ignored_quotes), (2, 3));
    assert_eq!(r.predicted_quotes, 3);

    let r = evaluate(&gold, &[], 3);
    assert_eq!((r.missing_documents, r.predicted_quotes), (2, 0));
    assert_eq!(r.quotes.cov30.recall, 0.0);
    assert_eq!(r.errors.missed.len(), 3);
    assert_eq!(r.errors.missed_total, 5);
    // Document order: d1's quotes first.
    assert_eq!(r.errors.missed[0].doc, "d1");
}

#[test]
fn error_lists_respect_the_limit() {
    let (gold, pred) = sample();
    let r = evaluate(&gold, &pred, 0);
    assert!(r.errors.missed.is_empty() && r.errors.spurious.is_empty());
    assert_eq!(r.errors.missed_total, 1);
    assert!(!r.to_text().contains("missed (first"));
}

#[test]
fn text_and_json_output() {
    let (gold, pred) = sample();
    let r = evaluate(&gold, &pred, 10);
    let text = r.to_text();
    println!("{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "documents 2  gold 5  predicted 5");
    assert!(text.contains("cov30     80.0   80.0   80.0  4\n"), "{text}");
    assert!(text.contains("exact     40.0   40.0   40.0  2\n"), "{text}");
    assert!(
        text.contains(
            "recall by kind (cov30):  direct 100.0 (3)  mixed 0.0 (0)  indirect 50.0 (2)"
        )
    );
    assert!(
        text.contains(
            "on cov30 matches (4): speaker 75.0  name 50.0 (of 2 with canonical)  cue 75.0"
        )
    );
    assert!(text.contains("calibration: ECE 0.310"), "{text}");
    assert!(text.contains("missed (first 1 of 1):\n  d1  indirect"));

    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["quotes"]["cov30"]["matched"], 4);
    assert_eq!(json["recall_by_kind"][2]["kind"], "indirect");
    assert_eq!(json["attribution"]["with_canonical"], 2);
    assert_eq!(json["calibration"]["bins"].as_array().unwrap().len(), 10);
    assert!(json["calibration"]["bins"][0]["accuracy"].is_null());
    assert_eq!(json["errors"]["spurious"][0]["rule"], "test_rule");
    assert!(json.get("points").is_none());
}

/// Gold turned into predictions scores 100 everywhere: a check of reading and matching
/// together on real data, and of speed (PolNeAR has 22k quotes).
#[test]
fn real_gold_against_itself_is_perfect() {
    for name in ["ggt.dev.jsonl", "polnear.dev.jsonl"] {
        let path = format!("{}/../shared/eval/{name}", env!("CARGO_MANIFEST_DIR"));
        if !Path::new(&path).exists() {
            eprintln!("note: {path} is absent; skipping");
            continue;
        }
        let gold = read_gold(Path::new(&path)).unwrap();
        let pred: Vec<WireDocument> = gold.iter().map(as_prediction).collect();
        let r = evaluate(&gold, &pred, 5);
        for s in [
            r.quotes.cov30,
            r.quotes.cov80,
            r.quotes.jaccard,
            r.quotes.exact,
        ] {
            assert_eq!(s.matched, r.gold_quotes, "{name}");
        }
        let a = &r.attribution;
        assert_eq!(a.speaker_right, a.matches, "{name}");
        assert_eq!(a.cue_right, a.matches, "{name}");
        assert_eq!(a.name_right, a.with_canonical, "{name}");
        assert_eq!(r.errors.missed_total + r.errors.spurious_total, 0);
        assert_eq!(r.calibration.ece, 0.0);
    }
}

fn as_prediction(doc: &GoldDoc) -> WireDocument {
    let chars: Vec<char> = doc.text.chars().collect();
    let wire = |(s, e): (usize, usize)| WireSpan {
        text: chars[s..e].iter().collect(),
        start: s,
        end: e,
        byte_start: 0,
        byte_end: 0,
    };
    WireDocument {
        id: doc.id.clone(),
        quotes: Some(
            doc.quotes
                .iter()
                .map(|q| WireStatement {
                    kind: WireKind::Direct,
                    quote: wire(q.quote),
                    speaker: q.speaker.map(wire),
                    speaker_name: q.speaker_canonical.clone(),
                    speaker_type: WireSpeakerType::Unknown,
                    speaker_role: None,
                    // Only the text of a cue is compared.
                    cue: q.cue.as_ref().map(|c| WireSpan {
                        text: c.clone(),
                        start: 0,
                        end: 0,
                        byte_start: 0,
                        byte_end: 0,
                    }),
                    cue_lemma: None,
                    confidence: 1.0,
                    sentence: [0, 0],
                    rule: "gold".into(),
                })
                .collect(),
        ),
        error: None,
    }
}
