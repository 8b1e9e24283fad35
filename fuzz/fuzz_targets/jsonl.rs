//! The JSONL contract through the library: a line parsed as `{"id", "text"}` (other fields
//! ignored), extracted, written as a wire document, and read back as a `WireDocument`.
//! A line that does not parse must become an error record that is itself valid wire JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use whosaid::wire::{self, WireDocument};

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

fuzz_target!(|data: &[u8]| {
    // One line at a time, as the reader splits them; invalid UTF-8 is a JSON error too.
    for (n, line) in data.split(|&b| b == b'\n').enumerate() {
        let doc = match serde_json::from_slice::<Record>(line) {
            Ok(r) => {
                let id = match r.id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(v) => v.to_string(),
                    None => format!("line {}", n + 1),
                };
                let found = whosaid::extract(&r.text);
                wire::document(&id, &r.text, &found)
            }
            Err(e) => wire::error_document(&format!("line {}", n + 1), e.to_string()),
        };
        let json = serde_json::to_string(&doc).unwrap();
        assert!(!json.contains('\n'), "a wire document must be one line");
        let back: WireDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        if let Some(quotes) = &back.quotes {
            let Ok(r) = serde_json::from_slice::<Record>(line) else {
                unreachable!()
            };
            for s in quotes {
                for sp in std::iter::once(&s.quote).chain(&s.speaker).chain(&s.cue) {
                    assert_eq!(&r.text[sp.byte_start..sp.byte_end], sp.text);
                }
            }
        }
    }
});
