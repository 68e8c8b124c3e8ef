//! A real index edited as an attacker would: the input is a list of edits
//! (which section, where in it, what byte), applied to the default corpus's
//! index, after which both fst dictionaries' checksums and the file's checksum
//! are recomputed. Only the structural checks and the bounds-checked readers
//! stand between the edit and a panic. Edits favour the dictionaries, whose
//! reader, fst, trusts its bytes.
#![no_main]

mod exercise;

use fahras_core::format::header::{seal, Header};
use fahras_core::format::{dictionary, Section};
use fahras_engine::Index;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn base() -> &'static (Vec<u8>, Header) {
    static BASE: OnceLock<(Vec<u8>, Header)> = OnceLock::new();
    BASE.get_or_init(|| {
        let docs = fahras_indexer::read_corpus(concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus").as_ref())
            .expect("corpus/ reads");
        let bytes = fahras_indexer::build_index(&docs);
        let header = Header::read(&bytes).expect("a fresh index's header reads");
        (bytes, header)
    })
}

fuzz_target!(|edits: &[u8]| {
    let (base, header) = base();
    let mut bytes = base.clone();
    for edit in edits.chunks_exact(4) {
        // Three of four edits go to the two dictionaries.
        let section = match edit[0] % 16 {
            0..=5 => Section::Terms,
            6..=11 => Section::Stems,
            n => Section::ALL[usize::from(n) % Section::ALL.len()],
        };
        let range = header.sections[section as usize].clone();
        if range.is_empty() {
            continue;
        }
        let at = range.start + usize::from(u16::from_le_bytes([edit[1], edit[2]])) % range.len();
        bytes[at] = if edit[0] & 0x80 == 0 { edit[3] } else { bytes[at] ^ edit[3] };
    }
    for s in [Section::Terms, Section::Stems] {
        dictionary::reseal(&mut bytes[header.sections[s as usize].clone()]);
    }
    seal(&mut bytes);
    if let Ok(index) = Index::from_bytes(bytes) {
        exercise::exercise(&index);
    }
});
