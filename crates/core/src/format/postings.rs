//! `Postings`: one record per stem, in stem order, each followed by the document
//! lists of the stem's spellings.
//!
//! ```text
//! stem record   df                       documents containing the stem
//!               per band of word ids:    count, and if count > 0 the first id
//!               n, then n id deltas      words that have the stem only through their second spelling
//!               k                        spelling lists that follow
//!               k document lists         one per spelling, back to back
//! document list df, then per document:   doc delta << 2 | in title << 1 | (tf == 1), then tf unless it is 1
//! ```
//!
//! All numbers are varints. A stem's own list is the union of its spellings'
//! lists, made when a query needs it: stored, it would repeat every posting a
//! second time. Most words occur once in a document, and the flag spares them a
//! tf. The bands record which written words have the stem without storing
//! positions: word ids are numbered by frequency band, then by stem (see
//! [`WORD_BANDS`]), so a stem's words are one run of ids per band, and a word's
//! position is its place in its document's stream.
//!
//! Every read is bounds-checked and stops at the first malformed varint, so a
//! damaged list ends early instead of panicking.

use super::varint::{self, Reader};

/// Upper ends of the id bands of the word table: ids below 64 take one byte in
/// a stream (after the gap flag), below 8192 two, the rest three or more.
pub const WORD_BANDS: [u32; 2] = [1 << 6, 1 << 13];
/// Number of id bands.
pub const BAND_COUNT: usize = WORD_BANDS.len() + 1;

/// The band of word id `id`.
pub fn band_of(id: u32) -> usize {
    WORD_BANDS.iter().take_while(|&&end| id >= end).count()
}

/// One document of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub tf: u32,
    /// The word occurs in the document's title.
    pub title: bool,
}

/// Appends a document list; `list` is in document order.
pub fn write_list(out: &mut Vec<u8>, list: &[Posting]) {
    varint::write(out, list.len() as u64);
    let mut prev = 0;
    for p in list {
        let flags = u64::from(p.title) << 1 | u64::from(p.tf == 1);
        varint::write(out, u64::from(p.doc - prev) << 2 | flags);
        if p.tf != 1 {
            varint::write(out, u64::from(p.tf));
        }
        prev = p.doc;
    }
}

/// The documents of a list, in document order.
pub struct Postings<'a> {
    r: Reader<'a>,
    left: u64,
    doc: u32,
}

impl<'a> Postings<'a> {
    /// The list at `offset` of `bytes` (the `Postings` section).
    pub fn new(bytes: &'a [u8], offset: u64) -> Self {
        let mut r = Reader::new(bytes, usize::try_from(offset).unwrap_or(usize::MAX));
        let left = r.read().unwrap_or(0);
        Postings { r, left, doc: 0 }
    }

    /// Number of documents the list says it holds.
    pub fn len(&self) -> u64 {
        self.left
    }

    pub fn is_empty(&self) -> bool {
        self.left == 0
    }

    fn read(&mut self) -> Option<Posting> {
        let v = self.r.read()?;
        let doc = self.doc.checked_add(u32::try_from(v >> 2).ok()?)?;
        let tf = if v & 1 == 1 { 1 } else { self.r.read_u32()? };
        Some(Posting { doc, tf, title: v & 2 == 2 })
    }
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        match self.read() {
            Some(p) => {
                self.doc = p.doc;
                Some(p)
            }
            None => {
                self.left = 0;
                None
            }
        }
    }
}

/// What a stem record says before its lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StemWords {
    /// Documents containing the stem.
    pub df: u64,
    /// Per band of word ids, `(count, first id)`.
    pub bands: [(u32, u32); BAND_COUNT],
    /// Words that have this stem only through their second spelling, ascending.
    pub extras: Vec<u32>,
}

/// Appends a stem record with its spellings' `lists`, returning where each list starts.
pub fn write_stem_record<'l>(
    out: &mut Vec<u8>,
    words: &StemWords,
    lists: impl ExactSizeIterator<Item = &'l [Posting]>,
) -> Vec<u64> {
    varint::write(out, words.df);
    for &(count, first) in &words.bands {
        varint::write(out, u64::from(count));
        if count > 0 {
            varint::write(out, u64::from(first));
        }
    }
    varint::write(out, words.extras.len() as u64);
    let mut prev = 0;
    for &id in &words.extras {
        varint::write(out, u64::from(id - prev));
        prev = id;
    }
    varint::write(out, lists.len() as u64);
    lists
        .map(|list| {
            let at = out.len() as u64;
            write_list(out, list);
            at
        })
        .collect()
}

/// A stem record as read: its words, and where its lists are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StemRecord {
    pub words: StemWords,
    /// Number of spelling lists, and where the first starts (the rest follow it).
    lists: (u64, u64),
}

impl StemRecord {
    /// Reads the record at `offset` of `bytes` (the `Postings` section); `None`
    /// if it is damaged or names word ids at or beyond `word_count`.
    pub fn read(bytes: &[u8], offset: u64, word_count: u32) -> Option<StemRecord> {
        let mut r = Reader::new(bytes, usize::try_from(offset).ok()?);
        let df = r.read()?;
        let mut bands = [(0, 0); BAND_COUNT];
        for band in &mut bands {
            let count = r.read_u32()?;
            if count > 0 {
                let first = r.read_u32()?;
                first.checked_add(count).filter(|&end| end <= word_count)?;
                *band = (count, first);
            }
        }
        let n = r.read()?;
        // Every id takes at least a byte: a count beyond the bytes left is damage.
        let n = usize::try_from(n).ok().filter(|&n| n <= bytes.len().saturating_sub(r.position()))?;
        let mut extras = Vec::with_capacity(n);
        let mut id = 0u32;
        for _ in 0..n {
            id = id.checked_add(r.read_u32()?).filter(|&id| id < word_count)?;
            extras.push(id);
        }
        // Every list takes at least a byte (its df): more lists than bytes left is damage.
        let count = r.read().filter(|&k| k <= bytes.len().saturating_sub(r.position()) as u64)?;
        Some(StemRecord { words: StemWords { df, bands, extras }, lists: (count, r.position() as u64) })
    }

    /// Documents containing the stem.
    pub fn df(&self) -> u64 {
        self.words.df
    }

    /// Every posting of every spelling of the stem, list after list.
    pub fn postings(&self, bytes: &[u8]) -> Vec<Posting> {
        let (count, mut at) = self.lists;
        let mut out = Vec::new();
        for _ in 0..count {
            let mut list = Postings::new(bytes, at);
            out.extend(list.by_ref());
            // A list that ends where it began is damage: nothing after it can be trusted.
            let end = list.r.position() as u64;
            if end <= at {
                break;
            }
            at = end;
        }
        out
    }

    /// Ids of the written words with this stem, most frequent band first.
    pub fn word_ids(&self) -> impl Iterator<Item = u32> + '_ {
        let runs = self.words.bands.iter().flat_map(|&(count, first)| first..first + count);
        runs.chain(self.words.extras.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(doc: u32, tf: u32, title: bool) -> Posting {
        Posting { doc, tf, title }
    }

    #[test]
    fn list_round_trip() {
        let list = [p(0, 1, false), p(3, 2, true), p(1000, 1, true), p(u32::MAX, 70_000, false)];
        let mut bytes = vec![0xAA];
        write_list(&mut bytes, &list);
        let read = Postings::new(&bytes, 1);
        assert_eq!(read.len(), 4);
        assert_eq!(read.collect::<Vec<_>>(), list);
        // Cut short, a list ends early rather than inventing postings.
        assert_eq!(Postings::new(&bytes[..bytes.len() - 2], 1).count(), 3);
        assert_eq!(Postings::new(&bytes, 99).count(), 0);
    }

    #[test]
    fn an_empty_list_says_so() {
        // What a caller checks before reading a list: a spelling with no
        // documents left, or an offset past the section, holds nothing.
        let mut bytes = Vec::new();
        write_list(&mut bytes, &[]);
        write_list(&mut bytes, &[p(4, 1, false)]);
        assert!(Postings::new(&bytes, 0).is_empty());
        assert!(!Postings::new(&bytes, 1).is_empty());
        assert!(Postings::new(&bytes, 99).is_empty());
    }

    #[test]
    fn stem_record_round_trip() {
        let words = StemWords { df: 3, bands: [(2, 10), (0, 0), (1, 9000)], extras: vec![4, 70, 9100] };
        let lists = [vec![p(0, 1, false), p(5, 3, false)], vec![p(2, 1, true)]];
        let mut bytes = vec![1, 2, 3];
        let offsets = write_stem_record(&mut bytes, &words, lists.iter().map(Vec::as_slice));
        let record = StemRecord::read(&bytes, 3, 10_000).unwrap();
        assert_eq!(record.words, words);
        assert_eq!(record.word_ids().collect::<Vec<_>>(), [10, 11, 9000, 4, 70, 9100]);
        assert_eq!(record.postings(&bytes), [lists[0].clone(), lists[1].clone()].concat());
        for (offset, list) in offsets.into_iter().zip(&lists) {
            assert_eq!(&Postings::new(&bytes, offset).collect::<Vec<_>>(), list);
        }
        // Word ids beyond the word table, or a record cut short, are damage.
        assert_eq!(StemRecord::read(&bytes, 3, 9050), None);
        assert_eq!(StemRecord::read(&bytes[..8], 3, 10_000), None);
    }

    #[test]
    fn bands() {
        assert_eq!((band_of(0), band_of(63), band_of(64), band_of(8191), band_of(8192)), (0, 0, 1, 1, 2));
    }
}
