//! Reading gold JSONL files.
//!
//! Every span is checked against the article text on reading: an annotation whose code-point
//! slice is not its own `text` would silently score as a miss, so it is better refused with the
//! line it came from.

use super::{GoldDoc, GoldQuote};
use crate::Error;
use serde::Deserialize;
use std::path::Path;

/// A gold article as it appears on a line. Unknown fields (source, outlet, fragments…) are
/// ignored on purpose: the two corpora carry different extras.
#[derive(Deserialize)]
struct RawDoc {
    id: String,
    text: String,
    quotes: Vec<RawQuote>,
}

#[derive(Deserialize)]
struct RawQuote {
    kind: String,
    quote: RawSpan,
    speaker: Option<RawSpan>,
    cue: Option<RawSpan>,
    #[serde(default)]
    speaker_canonical: Option<String>,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
    text: String,
}

/// Reads a gold JSONL file; blank lines are skipped.
pub fn read_gold(path: &Path) -> crate::Result<Vec<GoldDoc>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        source_name: name.clone(),
        source,
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| Error::from_utf8(&name, e))?;
    // A byte-order mark would otherwise make the first line invalid JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::BadRecord {
            source_name: name.clone(),
            line: i + 1,
            message,
        };
        let raw: RawDoc =
            serde_json::from_str(line).map_err(|e| bad(format!("bad gold record: {e}")))?;
        docs.push(convert(raw).map_err(bad)?);
    }
    Ok(docs)
}

/// Checks every span against the text and keeps what the scorer needs.
fn convert(raw: RawDoc) -> Result<GoldDoc, String> {
    // Byte offset of every code point, plus the end, so spans can be sliced and checked.
    let bounds: Vec<usize> = raw
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(raw.text.len()))
        .collect();
    let check = |what: &str, n: usize, span: &RawSpan| -> Result<(usize, usize), String> {
        let (s, e) = (span.start, span.end);
        if s > e || e >= bounds.len() {
            return Err(format!(
                "doc {:?}: quote {n}: {what} span {s}..{e} is outside the text ({} code points)",
                raw.id,
                bounds.len() - 1
            ));
        }
        if raw.text[bounds[s]..bounds[e]] != span.text {
            return Err(format!(
                "doc {:?}: quote {n}: {what} span {s}..{e} is not its text {:?}",
                raw.id, span.text
            ));
        }
        Ok((s, e))
    };
    let mut quotes = Vec::with_capacity(raw.quotes.len());
    for (n, q) in raw.quotes.iter().enumerate() {
        let quote = check("quote", n, &q.quote)?;
        let speaker = q
            .speaker
            .as_ref()
            .map(|s| check("speaker", n, s))
            .transpose()?;
        if let Some(c) = &q.cue {
            check("cue", n, c)?;
        }
        quotes.push(GoldQuote {
            kind: q.kind.clone(),
            quote,
            speaker,
            cue: q.cue.as_ref().map(|c| c.text.clone()),
            speaker_canonical: q.speaker_canonical.clone(),
        });
    }
    Ok(GoldDoc {
        id: raw.id,
        text: raw.text,
        quotes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const GGT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/ggt.dev.jsonl");
    const POLNEAR: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/polnear.dev.jsonl"
    );

    /// A scratch file unique to this process and test.
    fn scratch(name: &str, contents: &[u8]) -> PathBuf {
        let path =
            std::env::temp_dir().join(format!("whosaid-score-{}-{name}.jsonl", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn slice(text: &str, (s, e): (usize, usize)) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn reads_both_real_gold_files() {
        for (path, docs, quotes) in [(GGT, 49, 795), (POLNEAR, 924, 22_024)] {
            if !Path::new(path).exists() {
                eprintln!("note: {path} is absent; skipping");
                continue;
            }
            let gold = read_gold(Path::new(path)).unwrap();
            assert_eq!(gold.len(), docs, "{path}");
            assert_eq!(gold.iter().map(|d| d.quotes.len()).sum::<usize>(), quotes);
            // Re-slice independently of `convert` (by `chars()`), on a sample to stay fast
            // in debug builds.
            for doc in gold.iter().step_by(7) {
                for q in &doc.quotes {
                    assert!(!slice(&doc.text, q.quote).is_empty());
                    if let Some(sp) = q.speaker {
                        assert!(!slice(&doc.text, sp).is_empty());
                    }
                    assert!(["direct", "mixed", "indirect"].contains(&q.kind.as_str()));
                }
            }
        }
        if Path::new(GGT).exists() {
            let gold = read_gold(Path::new(GGT)).unwrap();
            // GGT gives a canonical name for every quote, PolNeAR for none.
            assert!(gold[0].quotes.iter().all(|q| q.speaker_canonical.is_some()));
        }
    }

    #[test]
    fn spans_are_code_points() {
        let path = scratch(
            "cp",
            "{\"id\":\"a\",\"text\":\"«Да», — сказал он.\",\"quotes\":[{\"kind\":\"direct\",\
             \"quote\":{\"start\":0,\"end\":5,\"text\":\"«Да»,\"},\
             \"speaker\":{\"start\":15,\"end\":17,\"text\":\"он\"},\
             \"cue\":{\"start\":8,\"end\":14,\"text\":\"сказал\"},\"extra\":1}],\"url\":\"x\"}\n"
                .as_bytes(),
        );
        let gold = read_gold(&path).unwrap();
        std::fs::remove_file(&path).ok();
        let q = &gold[0].quotes[0];
        assert_eq!((q.quote, q.speaker), ((0, 5), Some((15, 17))));
        assert_eq!(q.cue.as_deref(), Some("сказал"));
        assert_eq!(q.speaker_canonical, None);
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let ok = r#"{"id":"a","text":"x","quotes":[]}"#;
        let path = scratch(
            "bad",
            format!("{ok}\n\n{{\"id\": \"b\", \"text\": 3}}\n").as_bytes(),
        );
        let err = read_gold(&path).unwrap_err();
        std::fs::remove_file(&path).ok();
        match &err {
            Error::BadRecord {
                source_name, line, ..
            } => {
                assert_eq!(*line, 3);
                assert!(source_name.ends_with("-bad.jsonl"));
            }
            other => panic!("expected a bad record, got {other:?}"),
        }
        let message = err.to_string();
        assert!(message.contains("line 3"), "{message}");
        assert_eq!(message, message.to_lowercase());

        // Truncated JSON, and a record without `quotes`, on the first line.
        for line in [r#"{"id": "a", "text": "#, r#"{"id":"a","text":"x"}"#] {
            let path = scratch("trunc", format!("{line}\n{ok}\n").as_bytes());
            let err = read_gold(&path).unwrap_err();
            std::fs::remove_file(&path).ok();
            assert!(matches!(err, Error::BadRecord { line: 1, .. }), "{err:?}");
        }
    }

    #[test]
    fn span_not_matching_its_text_is_a_bad_record() {
        let line = r#"{"id":"a","text":"He said hi.","quotes":[{"kind":"indirect","quote":{"start":8,"end":10,"text":"ho"},"speaker":null,"cue":null}]}"#;
        let path = scratch("mismatch", line.as_bytes());
        let err = read_gold(&path).unwrap_err();
        std::fs::remove_file(&path).ok();
        assert!(matches!(err, Error::BadRecord { line: 1, .. }), "{err:?}");
        assert!(err.to_string().contains("not its text"), "{err}");

        let line = r#"{"id":"a","text":"Hi","quotes":[{"kind":"direct","quote":{"start":0,"end":9,"text":"Hi"},"speaker":null,"cue":null}]}"#;
        let path = scratch("outside", line.as_bytes());
        let err = read_gold(&path).unwrap_err();
        std::fs::remove_file(&path).ok();
        assert!(err.to_string().contains("outside the text"), "{err}");
    }

    #[test]
    fn missing_file_and_bad_utf8() {
        let err = read_gold(Path::new("/nonexistent/whosaid/gold.jsonl")).unwrap_err();
        assert!(matches!(err, Error::Io { .. }), "{err:?}");
        let path = scratch("utf8", b"{\"id\":\"a\xff\"}\n");
        let err = read_gold(&path).unwrap_err();
        std::fs::remove_file(&path).ok();
        assert!(
            matches!(err, Error::InvalidUtf8 { offset: 8, .. }),
            "{err:?}"
        );
    }
}
