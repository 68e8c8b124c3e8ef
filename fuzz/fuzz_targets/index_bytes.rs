//! Opening an index from arbitrary bytes, then using it if it opens.
//!
//! Random bytes almost never carry a matching CRC, so each input is also tried
//! with its checksum recomputed: that is what lets the fuzzer past the checksum
//! and into the section checks and the postings, store and fst readers.
#![no_main]

mod exercise;

use fahras_core::format::header::{seal, HEADER_LEN};
use fahras_engine::Index;
use libfuzzer_sys::fuzz_target;

fn open_and_use(bytes: Vec<u8>) {
    if let Ok(index) = Index::from_bytes(bytes) {
        exercise::exercise(&index);
    }
}

fuzz_target!(|data: &[u8]| {
    open_and_use(data.to_vec());
    if data.len() >= HEADER_LEN {
        let mut sealed = data.to_vec();
        seal(&mut sealed);
        open_and_use(sealed);
    }
});
