//! The analyzer on arbitrary UTF-8: words, their spellings and stems, and the
//! spans highlighting relies on.
#![no_main]

use fahras_core::analysis::{normalize, stem, tokens};
use fahras_engine::analyze;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let once = normalize(text);
    assert_eq!(normalize(&once), once, "normalize is not idempotent");
    let _ = stem(&once);
    let mut prev = 0..0;
    for t in tokens(text) {
        // Same invariants as tests/properties.rs: words may overlap only the way a
        // multi-word ligature (ﷺ) makes them, never go backwards, and are slices.
        assert!(t.start < t.end && t.start >= prev.start && t.end >= prev.end, "{t:?} after {prev:?}");
        assert!(text.get(t.start..t.end).is_some(), "{t:?} is not a span of the input");
        assert!(!t.term.is_empty());
        for form in t.forms() {
            let _ = stem(form);
        }
        prev = t.start..t.end;
    }
    let _ = analyze(text);
});
