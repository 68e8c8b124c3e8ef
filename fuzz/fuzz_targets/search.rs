//! The query parser, search and suggestions over the default corpus's index,
//! for anything typed or pasted into a search box.
#![no_main]

use fahras_engine::{parse, Index, MAX_WORDS};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let docs = fahras_indexer::read_corpus(concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus").as_ref())
            .expect("corpus/ reads");
        Index::from_bytes(fahras_indexer::build_index(&docs)).expect("the default index opens")
    })
}

fuzz_target!(|query: &str| {
    let q = parse(query);
    assert!(q.words.len() <= MAX_WORDS);
    let index = index();
    for hit in index.search(query, 20) {
        assert!(hit.score.is_finite(), "{hit:?}");
    }
    assert!(index.suggest(query, 8).len() <= 8);
});
