//! `whosaid::quotes::find_quotes`: no panic; every quotation's marks lie inside it, on char
//! boundaries, and quotations are sorted and do not overlap.
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
    let quotes = whosaid::quotes::find_quotes(text, &seg);
    let mut prev_end = 0;
    for q in &quotes {
        check_span(text, q.span);
        check_span(text, q.open);
        check_span(text, q.close);
        assert!(q.span.contains(q.open) && q.span.contains(q.close), "{q:?}");
        assert!(q.open.end <= q.close.start, "{q:?}");
        assert!(prev_end <= q.span.start, "quotations overlap");
        prev_end = q.span.end;
    }
});
