//! The index file format: one byte string, read in place.
//!
//! The index is shipped to every reader inside the wasm module, so it is laid out
//! to be used where it lies: a fixed [`header`], then sections found through its
//! table. Opening an index reads the header and checks each section's shape;
//! there is no parsing step at start-up beyond that.
//!
//! Each section has one module here holding both its writer and its reader, so
//! that the two can only change together, and each module tests its own round
//! trip:
//!
//! | section | module | what it holds |
//! |---|---|---|
//! | `Terms`, `Stems` | [`dictionary`] | fst maps from normalized spellings and from light stems to their place in `Postings` |
//! | `Postings` | [`postings`] | per stem a record: which written words have it, then its spellings' document lists |
//! | `Words`, `Gaps` | [`strings`] | every distinct written word (diacritics and all), every distinct run of text between words |
//! | `Docs`, `Stats` | [`documents`] | per document where its stream starts and how many words it has; the corpus's word count |
//! | `Streams` | [`streams`] | per document its id, url, then title and text as word and gap ids: the stored text and the forward index in one |
//! | `Fields` | [`fields`] | per document its metadata (`meta`), language and direction |
//!
//! A large index can also be shipped as a split index ([`split`]): a root
//! holding the dictionaries, document table and fields, and the other sections
//! cut into parts that a reader fetches only when a query reaches them.
//!
//! Every reader is bounds-checked and returns `None` (or an empty result) on bytes
//! it cannot make sense of: index bytes may come from anywhere. The one structure
//! read by code that trusts its bytes, fst's, is verified node by node when an
//! untrusted index is opened ([`dictionary::verify`]).

mod crc32;
pub mod dictionary;
pub mod documents;
mod error;
pub mod fields;
pub mod header;
pub mod postings;
pub mod split;
pub mod streams;
pub mod strings;
pub mod varint;

pub use error::IndexError;
pub use header::{Header, Section, FORMAT_VERSION, MAGIC, SECTION_COUNT};

/// Reads a little-endian u32 at `at`, if the bytes are there.
pub fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Reads a little-endian u64 at `at`, if the bytes are there.
pub fn read_u64(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at.checked_add(8)?)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Some(u64::from_le_bytes(a))
}

/// A length or offset as stored: indexes are limited to 4 GiB.
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("index larger than 4 GiB")
}
