//! The web page extractor on anything a site may hold: no panic, bounded output,
//! and no markup leaking into the text: `<` followed by what starts a tag can
//! only come from a character reference (`&lt;`), never from the markup itself.
#![no_main]

use fahras_indexer::html::{extract, MAX_META_VALUE, MAX_PAIRS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let page = extract(html);
    let escaped = ["&lt", "&LT", "&#6", "&#x3", "&#X3", "&#0"].iter().any(|r| html.contains(r));
    for text in [Some(&page.body), page.main.as_ref(), page.marked_body.as_ref(), page.h1.as_ref(), page.title.as_ref()]
    {
        let Some(text) = text else { continue };
        let tag_like =
            text.as_bytes().windows(2).any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])));
        assert!(escaped || !tag_like, "markup leaked into {text:?}");
        // Tags become at most one separator each, and references are never longer than what they stand for.
        assert!(text.len() <= html.len() + 2, "text longer than the page");
    }
    assert!(page.meta.len() <= MAX_PAIRS && page.filters.len() <= MAX_PAIRS);
    for (key, value) in page.meta.iter().chain(&page.filters) {
        assert!(!key.is_empty() && !value.is_empty() && value.len() <= MAX_META_VALUE);
    }
});
