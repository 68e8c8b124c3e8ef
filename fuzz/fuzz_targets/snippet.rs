//! Snippets of arbitrary small documents for arbitrary queries: whatever is
//! shown must be a piece of the document, and highlights whole words of it.
#![no_main]

#[path = "../../crates/engine/tests/common/mod.rs"]
mod common;

use arbitrary::Arbitrary;
use fahras_engine::Index;
use fahras_indexer::build_index;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Case {
    docs: Vec<(String, String)>,
    queries: Vec<String>,
}

fuzz_target!(|case: Case| {
    if case.docs.is_empty() || case.docs.len() > 8 || case.queries.len() > 8 {
        return;
    }
    let docs: Vec<_> =
        case.docs.iter().enumerate().map(|(i, (title, text))| common::doc(&i.to_string(), title, text)).collect();
    let index = Index::from_bytes(build_index(&docs)).expect("a freshly built index opens");
    for q in &case.queries {
        for hit in index.search(q, docs.len()) {
            let d = docs.iter().find(|d| d.id == hit.id).expect("hits name indexed documents");
            // Search shows the title when a document has no text.
            let source = if d.text.is_empty() { &d.title } else { &d.text };
            if let Err(e) = common::check_snippet(source, &hit) {
                panic!("query {q:?}: {e}");
            }
        }
        index.suggest(q, 5);
    }
});
