//! The index file format: one byte string, read in place.
//!
//! The index is shipped to every reader inside the wasm module, so it is laid out
//! to be used where it lies: a fixed header, then sections found through a table of
//! offsets. Opening an index reads the header and nothing else; there is no parsing
//! step at start-up, only bounds checks.
//!
//! ```text
//! 0   magic          "FAHRAS\r\n" (a text-mode transfer that mangles line ends shows at once)
//! 8   format version u32 LE
//! 12  analyzer ver.  u32 LE      index and query analysis must agree
//! 16  crc32          u32 LE      of every other byte of the file, header included
//! 20  reserved       u32 LE      zero
//! 24  sections       6 × (offset u32 LE, length u32 LE)
//! 72  section bytes
//! ```
//!
//! Sections:
//! - `Terms`: `fst::Map` from each normalized spelling to its postings offset.
//!   Postings: `df`, then per document `doc delta << 1 | (tf == 1)` and, only when
//!   tf is not 1, `tf` (varints).
//! - `Stems`: `fst::Map` from each light stem to its postings offset. Postings:
//!   `df`, then per document `doc delta << 1 | (tf == 1)`, then either the one
//!   position, or `tf, byte length of the positions, tf × position delta`
//!   (varints). Most words occur once in a document, and the flag spares them a
//!   tf and a length byte; the length lets readers skip the rest in O(1).
//!   Positions live only here: every word has a stem, so proximity and phrases
//!   work for exact, variant, prefix and fuzzy matches alike.
//! - `Postings`: the lists both maps point into.
//! - `Docs`: per document, `record offset, token count, title token count` (u32 LE each).
//! - `Store`: per document, `id, title, url, text` as varint-length-prefixed UTF-8.
//! - `Stats`: total token count (u64 LE), for BM25's average document length.

mod crc32;
mod error;
pub mod varint;

pub use crc32::crc32;

/// Where the checksum is stored.
pub const CHECKSUM_AT: usize = 16;

/// The checksum of a whole index file: every byte but the checksum's own four.
pub fn checksum(file: &[u8]) -> u32 {
    let (head, rest) = file.split_at(CHECKSUM_AT.min(file.len()));
    crc32(&[head, rest.get(4..).unwrap_or(&[])])
}
pub use error::IndexError;

pub const MAGIC: [u8; 8] = *b"FAHRAS\r\n";
/// Bumped whenever the byte layout changes.
pub const FORMAT_VERSION: u32 = 2;
pub const SECTION_COUNT: usize = 6;
pub const HEADER_LEN: usize = 24 + SECTION_COUNT * 8;
/// Bytes per entry in the `Docs` section.
pub const DOC_ENTRY_LEN: usize = 12;
/// Positions skipped between a title and its text, so that a title's last word and
/// the text's first never count as neighbours.
pub const TITLE_GAP: u32 = 8;

/// The sections of an index, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Terms = 0,
    Stems = 1,
    Postings = 2,
    Docs = 3,
    Store = 4,
    Stats = 5,
}

impl Section {
    pub const ALL: [Section; SECTION_COUNT] =
        [Section::Terms, Section::Stems, Section::Postings, Section::Docs, Section::Store, Section::Stats];

    pub fn name(self) -> &'static str {
        match self {
            Section::Terms => "term dictionary",
            Section::Stems => "stem dictionary",
            Section::Postings => "postings",
            Section::Docs => "document table",
            Section::Store => "stored text",
            Section::Stats => "statistics",
        }
    }
}

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
