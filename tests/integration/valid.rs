//! What every result must satisfy, whatever the input: the checks shared by the property tests,
//! the adversarial inputs and the fuzz regressions.

use whosaid::wire::{self, WireDocument, WireSpan};
use whosaid::{Span, Statement};

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.fits(text),
        "{what} {s:?} does not slice a text of {} bytes on char boundaries",
        text.len()
    );
}

/// Code points before each byte offset that is a char boundary (`usize::MAX` elsewhere).
fn char_offsets(text: &str) -> Vec<usize> {
    let mut out = vec![usize::MAX; text.len() + 1];
    for (n, (b, _)) in text.char_indices().enumerate() {
        out[b] = n;
    }
    out[text.len()] = text.chars().count();
    out
}

fn check_wire_span(text: &str, chars: &[usize], w: &WireSpan) {
    assert_eq!(
        &text[w.byte_start..w.byte_end],
        w.text,
        "wire text is the byte slice"
    );
    assert_eq!(chars[w.byte_start], w.start, "code-point start of {w:?}");
    assert_eq!(chars[w.byte_end], w.end, "code-point end of {w:?}");
}

/// Runs the whole pipeline on `text` and checks every invariant of the result: spans in the text
/// on char boundaries, sentences and quotations sorted and disjoint, statements ordered by quote
/// start without overlapping quotes, the wire form equal to the slices it names (in bytes and
/// code points) and parsing back, the same result on a second run. Returns the wire document.
/// Statements: spans that slice the text, sentences in range, confidences in [0, 1], quotes in
/// order and disjoint.
/// With `nested`, a statement may lie wholly inside the one before it (a report inside a joined
/// attribution), but never partly.
fn check_statements(
    text: &str,
    seg: &whosaid::segment::Segmentation,
    found: &[Statement],
    nested: bool,
) {
    let mut last: Option<Span> = None;
    for s in found {
        for (what, span) in s.spans() {
            check_span(text, span, what);
        }
        assert!(s.sentences.0 <= s.sentences.1 && s.sentences.1 < seg.sentences.len().max(1));
        assert!((0.0..=1.0).contains(&s.confidence));
        if let Some(prev) = last {
            assert!(prev.start <= s.quote.start, "statements out of order");
            if nested && prev.contains(s.quote) {
                continue;
            }
            assert!(
                !prev.overlaps(s.quote),
                "quotes overlap: {prev:?} {:?}",
                s.quote
            );
        }
        last = Some(s.quote);
    }
}

pub fn check(text: &str) -> WireDocument {
    let seg = whosaid::segment::segment(text);
    let mut prev = 0;
    for p in &seg.paragraphs {
        check_span(text, p.span, "paragraph");
        assert!(prev <= p.span.start, "paragraphs overlap at {:?}", p.span);
        prev = p.span.end;
    }
    let mut prev = 0;
    for s in &seg.sentences {
        check_span(text, s.span, "sentence");
        assert!(prev <= s.span.start, "sentences overlap at {:?}", s.span);
        prev = s.span.end;
        assert!(seg.paragraphs[s.paragraph].span.contains(s.span));
    }
    let sentences = whosaid::segment::sentences(text);
    assert!(
        sentences
            .iter()
            .copied()
            .eq(seg.sentences.iter().map(|s| s.span))
    );

    let mut prev = 0;
    for q in whosaid::quotes::find_quotes(text, &seg) {
        for s in [q.span, q.open, q.close] {
            check_span(text, s, "quotation");
        }
        assert!(q.span.contains(q.open) && q.span.contains(q.close) && q.open.end <= q.close.start);
        assert!(prev <= q.span.start, "quotations overlap at {:?}", q.span);
        prev = q.span.end;
    }

    // PolNeAR's conventions meet the same invariants.
    let polnear = whosaid::Extractor {
        broad: true,
        join_split_quotes: true,
        ..whosaid::Extractor::default()
    };
    check_statements(text, &seg, &polnear.extract(text), true);
    let found = whosaid::extract(text);
    check_statements(text, &seg, &found, false);
    assert_eq!(whosaid::extract(text), found, "extraction is deterministic");

    let chars = char_offsets(text);
    let doc = wire::document("doc", text, &found);
    for s in doc.quotes.as_ref().unwrap() {
        check_wire_span(text, &chars, &s.quote);
        s.speaker
            .iter()
            .chain(&s.speaker_role)
            .chain(&s.cue)
            .for_each(|w| check_wire_span(text, &chars, w));
    }
    let index = wire::CharIndex::new(text);
    for &s in &sentences {
        check_wire_span(text, &chars, &index.span(s));
    }
    let json = serde_json::to_string(&doc).unwrap();
    assert!(!json.contains('\n'));
    let back: WireDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    doc
}
