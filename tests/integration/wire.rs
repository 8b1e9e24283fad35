//! `whosaid extract` output parses back into the wire types, and every span's `text` is the
//! code-point slice `[start, end)` and the byte slice `[byte_start, byte_end)` of the input.

use super::cli::{TempDir, run};
use whosaid::wire::{WireDocument, WireSentences, WireSpan};

fn check(input: &str, span: &WireSpan) {
    let by_chars: String = input
        .chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect();
    assert_eq!(
        by_chars, span.text,
        "code points {}..{}",
        span.start, span.end
    );
    assert_eq!(&input[span.byte_start..span.byte_end], span.text);
}

fn check_extract(name: &str, input: &str) {
    let tmp = TempDir::new();
    tmp.file(name, input);
    let out = run(&tmp.0, &["extract", name], b"");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<WireDocument> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, name);
    for s in docs[0].quotes.as_ref().unwrap() {
        check(input, &s.quote);
        s.speaker
            .iter()
            .chain(&s.cue)
            .for_each(|sp| check(input, sp));
        assert!(s.sentence[0] <= s.sentence[1]);
        assert!((0.0..=1.0).contains(&s.confidence));
    }

    let out = run(&tmp.0, &["sentences", name], b"");
    let doc: WireSentences = serde_json::from_slice(&out.stdout).unwrap();
    doc.sentences
        .unwrap()
        .iter()
        .for_each(|sp| check(input, sp));
}

#[test]
fn invented_multilingual_text_round_trips() {
    let text = "«Мы готовы», — сказала Ольга Петрова. \
                “Prices fell 5 % 🙂,” the café’s owner, José Núñez, told reporters.\n\n\
                He said that the terrace would stay open.";
    check_extract("mixed.txt", text);
}

#[test]
fn bundled_example_round_trips() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/istanbul-talks.txt");
    check_extract(
        "istanbul-talks.txt",
        &std::fs::read_to_string(path).unwrap(),
    );
}
