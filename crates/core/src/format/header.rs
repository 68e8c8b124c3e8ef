//! The fixed header: what the bytes are, which rules made them, whether they
//! arrived intact, and where each section lies.
//!
//! ```text
//! 0   magic            "FAHRAS\r\n" (a text-mode transfer that mangles line ends shows at once)
//! 8   format version   u32 LE      bumped whenever the byte layout changes
//! 12  analyzer version u32 LE      index and query analysis must agree
//! 16  checksum         u32 LE      CRC-32 of every other byte of the file, header included
//! 20  reserved         u32 LE      zero
//! 24  section table    SECTION_COUNT × (offset u32 LE, length u32 LE), in [`Section`] order
//! ```
//!
//! The checksum covers the header too: an in-bounds edit of the section table
//! would otherwise open and then read postings and text from the wrong bytes.

use super::{crc32::crc32, read_u32, to_u32, IndexError};
use crate::analysis::ANALYZER_VERSION;
use std::ops::Range;

pub const MAGIC: [u8; 8] = *b"FAHRAS\r\n";
/// Version 4 added the `Fields` section (document metadata, language, direction).
pub const FORMAT_VERSION: u32 = 4;
pub const SECTION_COUNT: usize = 9;

/// Where each header field starts.
pub const FORMAT_VERSION_AT: usize = 8;
pub const ANALYZER_VERSION_AT: usize = 12;
pub const CHECKSUM_AT: usize = 16;
pub const SECTION_TABLE_AT: usize = 24;
/// Bytes per section table entry: offset, then length.
pub const SECTION_ENTRY_LEN: usize = 8;
pub const HEADER_LEN: usize = SECTION_TABLE_AT + SECTION_COUNT * SECTION_ENTRY_LEN;

/// The sections of an index, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Terms,
    Stems,
    Postings,
    Words,
    Gaps,
    Docs,
    Streams,
    Stats,
    Fields,
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
        Section::Fields,
    ];

    /// What an error message calls it.
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
            Section::Fields => "document fields",
        }
    }

    /// Where its table entry starts.
    pub fn entry_at(self) -> usize {
        SECTION_TABLE_AT + self as usize * SECTION_ENTRY_LEN
    }
}

/// A header as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub checksum: u32,
    pub sections: [Range<usize>; SECTION_COUNT],
}

impl Header {
    /// Reads and checks the header of `file`: magic, versions, and that every
    /// section lies inside the file. The checksum is read, not verified
    /// ([`Header::verify_checksum`]).
    pub fn read(file: &[u8]) -> Result<Header, IndexError> {
        if file.len() < HEADER_LEN {
            // Too short for a header: say "not an index" only if what is there shows it.
            let foreign = file.len() >= MAGIC.len() && file[..MAGIC.len()] != MAGIC;
            return Err(if foreign { IndexError::BadMagic } else { IndexError::Truncated { len: file.len() } });
        }
        if file[..MAGIC.len()] != MAGIC {
            return Err(IndexError::BadMagic);
        }
        let field = |at| read_u32(file, at).unwrap_or(0);
        let (found, expected) = (field(FORMAT_VERSION_AT), FORMAT_VERSION);
        if found != expected {
            return Err(IndexError::FormatVersion { found, expected });
        }
        let (found, expected) = (field(ANALYZER_VERSION_AT), ANALYZER_VERSION);
        if found != expected {
            return Err(IndexError::AnalyzerVersion { found, expected });
        }
        let mut sections: [Range<usize>; SECTION_COUNT] = Default::default();
        for s in Section::ALL {
            let (start, len) = (field(s.entry_at()) as usize, field(s.entry_at() + 4) as usize);
            let end = start.checked_add(len).filter(|&e| start >= HEADER_LEN && e <= file.len());
            sections[s as usize] = start..end.ok_or(IndexError::SectionBounds { section: s.name() })?;
        }
        Ok(Header { checksum: field(CHECKSUM_AT), sections })
    }

    /// Refuses a file whose bytes are not the ones written.
    pub fn verify_checksum(&self, file: &[u8]) -> Result<(), IndexError> {
        let found = checksum(file);
        if found != self.checksum {
            return Err(IndexError::Checksum { found, expected: self.checksum });
        }
        Ok(())
    }
}

/// The checksum of a whole index file: every byte but the checksum's own four.
pub fn checksum(file: &[u8]) -> u32 {
    let (head, rest) = file.split_at(CHECKSUM_AT.min(file.len()));
    crc32(&[head, rest.get(4..).unwrap_or(&[])])
}

/// Writes the checksum of `file` into its header: the last step of writing an
/// index (and how tests make a deliberate edit pass the checksum).
pub fn seal(file: &mut [u8]) {
    let crc = checksum(file);
    file[CHECKSUM_AT..CHECKSUM_AT + 4].copy_from_slice(&crc.to_le_bytes());
}

/// A whole index file: the header, then `sections` in [`Section`] order.
pub fn write(sections: [Vec<u8>; SECTION_COUNT]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + sections.iter().map(Vec::len).sum::<usize>());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&ANALYZER_VERSION.to_le_bytes());
    out.extend_from_slice(&[0; 8]); // checksum (sealed below), reserved
    let mut at = HEADER_LEN;
    for s in &sections {
        out.extend_from_slice(&to_u32(at).to_le_bytes());
        out.extend_from_slice(&to_u32(s.len()).to_le_bytes());
        at += s.len();
    }
    for s in &sections {
        out.extend_from_slice(s);
    }
    seal(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections() -> [Vec<u8>; SECTION_COUNT] {
        std::array::from_fn(|i| vec![i as u8; i * 3])
    }

    #[test]
    fn round_trip() {
        let file = write(sections());
        let h = Header::read(&file).unwrap();
        h.verify_checksum(&file).unwrap();
        for (range, written) in h.sections.iter().zip(sections()) {
            assert_eq!(file[range.clone()], written[..]);
        }
        assert_eq!(h.sections[0].start, HEADER_LEN);
        assert_eq!(h.sections[SECTION_COUNT - 1].end, file.len());
    }

    #[test]
    fn every_field_is_checked() {
        let file = write(sections());
        let edit = |at: usize, v: u32| {
            let mut f = file.clone();
            f[at..at + 4].copy_from_slice(&v.to_le_bytes());
            Header::read(&f)
        };
        assert_eq!(edit(FORMAT_VERSION_AT, 3), Err(IndexError::FormatVersion { found: 3, expected: FORMAT_VERSION }));
        assert_eq!(
            edit(ANALYZER_VERSION_AT, 99),
            Err(IndexError::AnalyzerVersion { found: 99, expected: ANALYZER_VERSION })
        );
        let fields = Section::Fields;
        assert_eq!(edit(fields.entry_at() + 4, 1000), Err(IndexError::SectionBounds { section: fields.name() }));
        assert_eq!(edit(Section::Terms.entry_at(), 3), Err(IndexError::SectionBounds { section: "term dictionary" }));
        let mut f = file.clone();
        f[HEADER_LEN + 1] ^= 1;
        assert!(matches!(Header::read(&f).unwrap().verify_checksum(&f), Err(IndexError::Checksum { .. })));
        assert_eq!(Header::read(&file[..10]), Err(IndexError::Truncated { len: 10 }));
        assert_eq!(Header::read(b"<!doctype html>"), Err(IndexError::BadMagic));
    }
}
