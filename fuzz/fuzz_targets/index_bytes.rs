//! Opening an index from arbitrary bytes, then using it if it opens.
//!
//! Random bytes almost never carry a matching CRC, so each input is also tried
//! with its checksum recomputed: that is what lets the fuzzer past the checksum
//! and into the section checks and the postings, store and fst readers.
#![no_main]

use fahras_core::format::header::{seal, HEADER_LEN};
use fahras_engine::Index;
use libfuzzer_sys::fuzz_target;

const PROBES: &[&str] = &["ريف حلب ", "حل", "المساعدات", "مساعدت ", "\"ريف حلب\" -ادلب", "3750 ", "search", "a"];

fn exercise(bytes: Vec<u8>) {
    if let Ok(index) = Index::from_bytes(bytes) {
        index.info();
        for q in PROBES {
            index.search(q, 10);
            index.suggest(q, 10);
        }
        for n in 0..index.doc_count().min(64) {
            index.document(n);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    exercise(data.to_vec());
    if data.len() >= HEADER_LEN {
        let mut sealed = data.to_vec();
        seal(&mut sealed);
        exercise(sealed);
    }
});
