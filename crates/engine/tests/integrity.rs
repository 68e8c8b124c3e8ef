//! Damaged index bytes are refused with an error that says what is wrong, never
//! with a panic: an index may arrive over a flaky network, from a cache, or from
//! someone else's build.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::default_index_bytes;
use common::{reseal, small_index_bytes};
use fahras_core::analysis::ANALYZER_VERSION;
use fahras_core::format::documents::ENTRY_LEN;
use fahras_core::format::header::{ANALYZER_VERSION_AT, CHECKSUM_AT, FORMAT_VERSION_AT, HEADER_LEN};
use fahras_core::format::{dictionary, IndexError, Section, FORMAT_VERSION};
use fahras_engine::Index;

/// Queries that reach every part of an index: exact words, a prefix, a stem
/// variant, a typo, a phrase, an exclusion, digits, Latin.
const PROBES: &[&str] = &["ريف حلب ", "حل", "المساعدات", "مساعدت ", "\"ريف حلب\" -ادلب", "3750 ", "search", "الرحمن"];

fn open_err(bytes: Vec<u8>) -> IndexError {
    match Index::from_bytes(bytes) {
        Ok(_) => panic!("damaged bytes were accepted"),
        Err(e) => e,
    }
}

/// Uses an index that opened despite an edit, in every way a page would.
fn exercise(index: &Index) {
    index.info();
    for q in PROBES {
        for hit in index.search(q, 10) {
            assert!(hit.score.is_finite());
        }
        index.suggest(q, 10);
    }
}

#[test]
fn a_fresh_index_opens_and_answers() {
    let index = Index::from_bytes(small_index_bytes()).unwrap();
    assert_eq!(index.info().documents, 4);
    assert_eq!(index.search("حلب ", 10)[0].id, "news");
}

/// Single-byte edits at `offsets`, each with a few masks: those that opened
/// anyway (after being used like a page would, which must not panic).
fn accepted_flips(bytes: &[u8], offsets: impl Iterator<Item = usize>) -> Vec<(usize, u8)> {
    let mut accepted = Vec::new();
    for at in offsets {
        for mask in [0x01, 0x80, 0xFF] {
            let mut b = bytes.to_vec();
            b[at] ^= mask;
            if let Ok(index) = Index::from_bytes(b) {
                exercise(&index);
                accepted.push((at, mask));
            }
        }
    }
    accepted
}

/// The checksum covers every byte but its own four, and those four are the
/// checksum: so no single-byte edit anywhere may open. (Before the checksum took
/// in the header, an in-bounds edit of the section table opened and then read
/// postings and stored text from the wrong bytes.)
#[test]
fn flipping_any_byte_is_refused() {
    let bytes = small_index_bytes();
    let accepted = accepted_flips(&bytes, 0..bytes.len());
    assert!(accepted.is_empty(), "accepted edits (offset, xor): {accepted:?}");
}

/// The default corpus's index is larger; a stride over it covers every section.
#[test]
fn flipping_bytes_of_the_default_index_is_refused() {
    let bytes = default_index_bytes();
    let stride = (bytes.len() / 500).max(1);
    for at in (HEADER_LEN..bytes.len()).step_by(stride) {
        let mut b = bytes.to_vec();
        b[at] ^= 0x20;
        assert!(matches!(open_err(b), IndexError::Checksum { .. }), "flip at {at}");
    }
}

/// A damaged index whose checksum was recomputed to match (a buggy writer, or a
/// deliberate attack) gets past the checksum: then the section checks and the
/// bounds-checked readers must hold on their own. Opening may succeed; using the
/// index must not panic.
#[test]
fn resealed_damage_never_panics() {
    let bytes = small_index_bytes();
    for at in HEADER_LEN..bytes.len() {
        for mask in [0x01, 0xFF] {
            let mut b = bytes.clone();
            b[at] ^= mask;
            reseal(&mut b);
            if let Ok(index) = Index::from_bytes(b) {
                exercise(&index);
            }
        }
    }
}

#[test]
fn truncation_is_refused_and_named() {
    let bytes = small_index_bytes();
    for len in 0..bytes.len() {
        let e = open_err(bytes[..len].to_vec());
        let msg = e.to_string();
        if len < HEADER_LEN {
            assert_eq!(e, IndexError::Truncated { len }, "at {len}");
            assert!(msg.contains("shorter than the header"), "at {len}: {msg}");
        } else {
            // The last section ends at the last byte, so any cut leaves it outside the file.
            assert!(matches!(e, IndexError::SectionBounds { .. }), "at {len}: {e:?}");
            assert!(msg.contains("truncated"), "at {len}: {msg}");
        }
    }
}

#[test]
fn not_an_index_is_named_as_such() {
    for bytes in
        [b"<!DOCTYPE html><html><body>404 Not Found</body></html>".to_vec(), vec![0; 4096], b"FAHRAS\n\0".repeat(20)]
    {
        let e = open_err(bytes);
        assert_eq!(e, IndexError::BadMagic);
        assert!(e.to_string().contains("not a Fahras index"), "{e}");
    }
    // A text-mode transfer turns \r\n into \n: the magic catches it.
    let mut b = small_index_bytes();
    b.remove(6);
    assert_eq!(open_err(b), IndexError::BadMagic);
}

/// Writes `value` at header offset `at` and reseals, so that only the version can
/// be what is refused.
fn with_header_u32(at: usize, value: u32) -> Vec<u8> {
    let mut b = small_index_bytes();
    b[at..at + 4].copy_from_slice(&value.to_le_bytes());
    reseal(&mut b);
    b
}

#[test]
fn another_format_version_is_named() {
    let found = FORMAT_VERSION + 1;
    let e = open_err(with_header_u32(FORMAT_VERSION_AT, found));
    assert_eq!(e, IndexError::FormatVersion { found, expected: FORMAT_VERSION });
    let msg = e.to_string();
    assert!(msg.contains(&format!("format version {found}")) && msg.contains("rebuild the index"), "{msg}");
}

#[test]
fn another_analyzer_version_is_named() {
    let found = ANALYZER_VERSION + 1;
    let e = open_err(with_header_u32(ANALYZER_VERSION_AT, found));
    assert_eq!(e, IndexError::AnalyzerVersion { found, expected: ANALYZER_VERSION });
    let msg = e.to_string();
    assert!(msg.contains(&format!("analyzer version {found}")) && msg.contains("rebuild the index"), "{msg}");
}

#[test]
fn a_wrong_checksum_is_named() {
    let mut b = small_index_bytes();
    b[CHECKSUM_AT] ^= 1;
    let e = open_err(b);
    assert!(matches!(e, IndexError::Checksum { .. }), "{e:?}");
    assert!(e.to_string().contains("damaged"), "{e}");
}

/// Section table entries that point outside the file, or overflow when added up.
#[test]
fn sections_outside_the_file_are_named() {
    let len = small_index_bytes().len() as u32;
    let (terms, docs, words) = (Section::Terms.entry_at(), Section::Docs.entry_at(), Section::Words.entry_at());
    for (at, value) in [(terms, 0), (terms, len), (terms + 4, u32::MAX), (docs, u32::MAX - 3), (words + 4, len)] {
        let e = open_err(with_header_u32(at, value));
        assert!(matches!(e, IndexError::SectionBounds { .. }), "table entry at {at} = {value}: {e:?}");
    }
}

/// Found by the `index_bytes` fuzz target (resealed input): a document whose
/// stored title word count is huge makes `title_words + TITLE_GAP` overflow in
/// `Index::search` (src/engine/search.rs, where a hit's snippet words are
/// placed): a panic in debug builds, a wrapped position in release. Each header
/// field is plausible on its own, so only arithmetic that saturates holds.
#[test]
fn a_huge_title_word_count_does_not_overflow() {
    let mut b = small_index_bytes();
    let at = Section::Docs.entry_at();
    let docs = u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize;
    // Entry of document 1 ("news"): record offset, token count, title token count.
    let title_count = docs + ENTRY_LEN + 8;
    b[title_count..title_count + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    reseal(&mut b);
    let index = Index::from_bytes(b).expect("every section is in bounds");
    exercise(&index);
}

/// Found by the `index_bytes` fuzz target (resealed input): a stem record that
/// claims more spelling lists than there are bytes made every search walk empty
/// lists for ever.
#[test]
fn a_stem_record_claiming_endless_lists_answers_promptly() {
    let mut bytes = include_bytes!("data/fuzz/stem-record-list-count.bin").to_vec();
    reseal(&mut bytes);
    common::bounded("search on the fuzzed index", common::BOUNDED, move || {
        let index =
            Index::from_bytes(bytes).expect("the damage lies inside a stem record, past every check at opening");
        exercise(&index);
        for n in 0..index.doc_count().min(64) {
            index.document(n);
        }
    });
}

/// The bytes of section `s` of an index file.
fn section_range(bytes: &[u8], s: Section) -> std::ops::Range<usize> {
    let at = s.entry_at();
    let word = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    word(at)..word(at) + word(at + 4)
}

/// Found by running these tests on wasm32: a dictionary whose footer names a root
/// address or key count past 4 GiB made fst panic while opening, on 32-bit
/// targets only (natively fst opened it and read the wrong bytes). Both checksums
/// resealed, as a crafted file would have them.
#[test]
fn a_dictionary_footer_past_32_bits_is_refused_by_name() {
    for (section, field_from_end) in [(Section::Terms, 12), (Section::Stems, 12), (Section::Terms, 20)] {
        let mut b = small_index_bytes();
        let range = section_range(&b, section);
        let at = range.end - field_from_end;
        b[at..at + 8].copy_from_slice(&(1u64 << 40).to_le_bytes());
        dictionary::reseal(&mut b[range]);
        reseal(&mut b);
        let e = open_err(b);
        assert!(matches!(e, IndexError::Dictionary { section: s, .. } if s == section.name()), "{e:?}");
        assert!(e.to_string().contains(section.name()), "{e}");
    }
}
