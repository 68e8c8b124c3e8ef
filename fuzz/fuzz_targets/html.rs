//! The web page extractor on anything a site may hold: no panic, bounded output,
//! and no markup leaking into the text. A `<` in the text must be one the page
//! wrote as text: a `<` that starts no tag (browsers keep `a < b` and a trailing
//! `</` as they are) or a character reference (`&lt;`, `&#60;`). Not checked where
//! browsers read markup as text too: `<title>`, `<textarea>` and `<xmp>` up to
//! their end tag (a title left open takes the rest of the page with it), and all
//! that follows `<plaintext>`.
#![no_main]

use fahras_indexer::html::{extract, MAX_META_VALUE, MAX_PAIRS};
use libfuzzer_sys::fuzz_target;

/// How many `<` the page may show as text.
fn textual_lts(html: &str) -> usize {
    let bytes = html.as_bytes();
    let literal = (0..bytes.len())
        .filter(|&i| bytes[i] == b'<')
        .filter(|&i| !bytes.get(i + 1).is_some_and(|&c| c.is_ascii_alphabetic() || b"/!?".contains(&c)) || i + 2 >= bytes.len())
        .count();
    let lower = html.to_ascii_lowercase();
    literal + lower.matches("&lt").count() + lower.matches("&#").count()
}

fuzz_target!(|html: &str| {
    let page = extract(html);
    let lower = html.to_ascii_lowercase();
    let rcdata = ["<textarea", "<xmp", "<plaintext"].iter().any(|tag| lower.contains(tag));
    let allowed = textual_lts(html);
    for text in [Some(&page.body), page.main.as_ref(), page.marked_body.as_ref(), page.h1.as_ref()] {
        let Some(text) = text else { continue };
        assert!(rcdata || text.matches('<').count() <= allowed, "markup leaked into {text:?}");
        // Tags become at most one separator each, and references are never longer than what they stand for.
        assert!(text.len() <= html.len() + 2, "text longer than the page");
    }
    assert!(page.title.as_ref().is_none_or(|t| t.len() <= html.len()));
    assert!(page.meta.len() <= MAX_PAIRS && page.filters.len() <= MAX_PAIRS);
    for (key, value) in page.meta.iter().chain(&page.filters) {
        assert!(!key.is_empty() && !value.is_empty() && value.len() <= MAX_META_VALUE);
    }
});
