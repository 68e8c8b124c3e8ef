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
//! 24  sections       8 × (offset u32 LE, length u32 LE)
//! 88  section bytes
//! ```
//!
//! Sections:
//! - `Terms`: `fst::Map` from each normalized spelling to the offset of its
//!   document list in `Postings`.
//! - `Stems`: `fst::Map` from each light stem to the offset of its stem record in
//!   `Postings`.
//! - `Postings`: one stem record after another, in stem order.
//!   - A stem record: `df`; which written words have the stem (per id band of
//!     `Words`, `count` and, if not 0, `first id`; then `n` and `n` id deltas for
//!     words that have it only through their second spelling); then `k` and the
//!     document lists of its `k` spellings, back to back. The stem's own list is
//!     their union, made when a query needs it: stored, it would repeat every
//!     posting a second time.
//!   - A document list: `df`, then per document `doc delta << 2 | in title << 1 |
//!     (tf == 1)` and, only when tf is not 1, `tf` (varints). Most words occur once
//!     in a document, and the flag spares them a tf.
//! - `Words`: a [`strings`] table of every distinct written word, diacritics and
//!   all. Ids are grouped into [`WORD_BANDS`] by frequency (so common words take
//!   one byte in `Streams`), and inside a band by stem: a stem's words are one run
//!   of ids per band, which is how positions are found without storing them.
//! - `Gaps`: a [`strings`] table of the text between words; id 0 is the commonest.
//! - `Docs`: per document, `stream offset, token count, title token count` (u32 LE each).
//! - `Streams`: per document its `id` and `url` (varint-length-prefixed UTF-8,
//!   the url empty when there is none), then its title, then its text, each written as
//!   `word id << 1 | (gap before it is not gap 0)`, that gap's id when flagged,
//!   and after the last word the id of the trailing gap (varints). This is the
//!   stored text (gaps and words put back together give it byte for byte) and the
//!   forward index in one: a word's position is its place in the stream. Written
//!   text repeats (chains of narrators, formulas), and as ids it repeats in
//!   fewer, closer bytes, which is what lets transfer compression find it.
//! - `Stats`: total token count (u64 LE), for BM25's average document length.

mod crc32;
mod error;
pub mod strings;
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
pub const FORMAT_VERSION: u32 = 3;
pub const SECTION_COUNT: usize = 8;
pub const HEADER_LEN: usize = 24 + SECTION_COUNT * 8;
/// Bytes per entry in the `Docs` section.
pub const DOC_ENTRY_LEN: usize = 12;
/// Upper ends of the id bands of `Words`: ids below 64 take one byte in
/// `Streams` (after the gap flag), below 8192 two, the rest three or more.
pub const WORD_BANDS: [u32; 2] = [1 << 6, 1 << 13];
/// Number of id bands of `Words`.
pub const BAND_COUNT: usize = WORD_BANDS.len() + 1;
/// Positions skipped between a title and its text, so that a title's last word and
/// the text's first never count as neighbours.
pub const TITLE_GAP: u32 = 8;

/// The sections of an index, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Terms = 0,
    Stems = 1,
    Postings = 2,
    Words = 3,
    Gaps = 4,
    Docs = 5,
    Streams = 6,
    Stats = 7,
}

impl Section {
    pub const ALL: [Section; SECTION_COUNT] = [
        Section::Terms,
        Section::Stems,
        Section::Postings,
        Section::Words,
        Section::Gaps,
        Section::Docs,
        Section::Streams,
        Section::Stats,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Terms => "term dictionary",
            Section::Stems => "stem dictionary",
            Section::Postings => "postings",
            Section::Words => "word table",
            Section::Gaps => "gap table",
            Section::Docs => "document table",
            Section::Streams => "text stream",
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
