//! `whosaid::extract`, with the default options and PolNeAR's, on any UTF-8 text: no panic, every span on char boundaries inside the
//! text, statements ordered by quote start and not overlapping (with PolNeAR's, one may lie
//! wholly inside the one before it: a report inside a joined attribution), and the wire form
//! round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::Span;
use whosaid::wire::{self, WireDocument};

fn check_span(text: &str, s: Span) {
    assert!(s.fits(text), "{s:?} does not slice the text");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Speech only, and PolNeAR's conventions (the broad sense, split quotations joined).
    let polnear = whosaid::Extractor {
        broad: true,
        join_split_quotes: true,
        ..whosaid::Extractor::default()
    };
    check(text, &polnear.extract(text), true);
    check(text, &whosaid::extract(text), false);
});

fn check(text: &str, found: &[whosaid::Statement], nested: bool) {
    let mut last: Option<Span> = None;
    for s in found {
        s.spans().for_each(|(_, span)| check_span(text, span));
        assert!(s.sentences.0 <= s.sentences.1);
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
    let doc = wire::document("fuzz", text, found);
    let json = serde_json::to_string(&doc).unwrap();
    let back: WireDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
}
