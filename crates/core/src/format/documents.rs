//! `Docs` and `Stats`: the fixed-size facts per document, and the corpus's.
//!
//! ```text
//! Docs    per document: stream offset, token count, title token count (u32 LE each)
//! Stats   total token count (u64 LE), for BM25's average document length
//! ```
//!
//! Fixed-size entries make document `n` one multiplication away: ranking reads
//! the length of every candidate.

use super::{read_u32, read_u64};

/// Bytes per entry in `Docs`.
pub const ENTRY_LEN: usize = 12;

/// One document's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocEntry {
    /// Where its stream starts in `Streams`.
    pub stream: u32,
    /// Words of title and text.
    pub tokens: u32,
    /// Words of the title.
    pub title_tokens: u32,
}

impl DocEntry {
    pub fn write(&self, out: &mut Vec<u8>) {
        for v in [self.stream, self.tokens, self.title_tokens] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    /// Entry `n` of `docs` (the `Docs` section).
    pub fn read(docs: &[u8], n: u32) -> Option<DocEntry> {
        let at = (n as usize).checked_mul(ENTRY_LEN)?;
        Some(DocEntry {
            stream: read_u32(docs, at)?,
            tokens: read_u32(docs, at + 4)?,
            title_tokens: read_u32(docs, at + 8)?,
        })
    }
}

/// Number of documents in `docs`; `None` when it is not a whole number of entries.
pub fn count(docs: &[u8]) -> Option<u32> {
    (docs.len() % ENTRY_LEN == 0).then(|| u32::try_from(docs.len() / ENTRY_LEN).ok()).flatten()
}

/// The `Stats` section.
pub fn write_stats(total_tokens: u64) -> Vec<u8> {
    total_tokens.to_le_bytes().to_vec()
}

/// Total token count from `Stats`.
pub fn read_stats(stats: &[u8]) -> Option<u64> {
    (stats.len() == 8).then(|| read_u64(stats, 0)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let entries =
            [DocEntry { stream: 0, tokens: 10, title_tokens: 2 }, DocEntry { stream: 99, tokens: 0, title_tokens: 0 }];
        let mut docs = Vec::new();
        entries.iter().for_each(|e| e.write(&mut docs));
        assert_eq!(count(&docs), Some(2));
        assert_eq!(DocEntry::read(&docs, 1), Some(entries[1]));
        assert_eq!(DocEntry::read(&docs, 2), None);
        assert_eq!(count(&docs[1..]), None);
        assert_eq!(read_stats(&write_stats(1 << 40)), Some(1 << 40));
        assert_eq!(read_stats(&[0; 7]), None);
    }
}
