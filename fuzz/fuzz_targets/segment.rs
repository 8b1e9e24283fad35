//! `whosaid::segment::segment` and `sentences`: no panic; paragraphs and sentences are sorted,
//! non-overlapping, on char boundaries, and every sentence lies in its paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::Span;

fn check_span(text: &str, s: Span) {
    assert!(s.fits(text), "{s:?} does not slice the text");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let seg = whosaid::segment::segment(text);
    let mut prev_end = 0;
    for p in &seg.paragraphs {
        check_span(text, p.span);
        assert!(prev_end <= p.span.start, "paragraphs overlap");
        prev_end = p.span.end;
    }
    let mut prev_end = 0;
    for s in &seg.sentences {
        check_span(text, s.span);
        assert!(prev_end <= s.span.start, "sentences overlap");
        prev_end = s.span.end;
        assert!(
            seg.paragraphs[s.paragraph].span.contains(s.span),
            "sentence outside its paragraph"
        );
    }
    let plain = whosaid::segment::sentences(text);
    let spans: Vec<Span> = seg.sentences.iter().map(|s| s.span).collect();
    assert_eq!(plain, spans);
});
