//! Decoding document lists and stem records (layout in [`crate::format`]).
//!
//! Every read is bounds-checked and stops at the first malformed varint, so a
//! damaged list ends early instead of panicking.

use crate::format::varint::Reader;
use crate::format::BAND_COUNT;

/// One document of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub tf: u32,
    /// The word occurs in the document's title.
    pub title: bool,
}

/// The documents containing a spelling or a stem, in document order.
pub struct Postings<'a> {
    r: Reader<'a>,
    left: u64,
    doc: u32,
}

impl<'a> Postings<'a> {
    pub(crate) fn new(bytes: &'a [u8], offset: u64) -> Self {
        let mut r = Reader::new(bytes, usize::try_from(offset).unwrap_or(usize::MAX));
        let left = r.read().unwrap_or(0);
        Postings { r, left, doc: 0 }
    }

    /// Number of documents in the list.
    pub fn len(&self) -> u64 {
        self.left
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

/// A stem's record: how many documents and which written words have it, and the
/// lists of its spellings, which together are its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StemRecord {
    /// Documents containing the stem.
    pub df: u64,
    /// Per band of word ids, `(count, first id)`.
    bands: [(u32, u32); BAND_COUNT],
    /// Words that have this stem only through their second spelling.
    extras: Vec<u32>,
    /// Number of spelling lists, and where the first starts (the rest follow it).
    lists: (u64, u64),
}

impl StemRecord {
    /// Reads the record at `offset`; `None` if it is damaged or names word ids at
    /// or beyond `word_count`.
    pub(crate) fn read(bytes: &[u8], offset: u64, word_count: u32) -> Option<StemRecord> {
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
        Some(StemRecord { df, bands, extras, lists: (count, r.position() as u64) })
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
    pub fn words(&self) -> impl Iterator<Item = u32> + '_ {
        let runs = self.bands.iter().flat_map(|&(count, first)| first..first + count);
        runs.chain(self.extras.iter().copied())
    }
}

/// A document list decoded into an array. Common words (الله, قال, حدثنا) are read
/// by most queries that use them; decoded once, they are scored from a plain array.
pub struct DecodedList(Vec<Posting>);

impl DecodedList {
    pub fn new(p: Postings<'_>) -> DecodedList {
        let mut list = Vec::with_capacity(usize::try_from(p.len()).unwrap_or(0).min(1 << 24));
        list.extend(p);
        DecodedList(list)
    }

    /// One list of the postings of several, in document order: a document in more
    /// than one has their tfs summed.
    pub fn merge(mut list: Vec<Posting>) -> DecodedList {
        list.sort_unstable_by_key(|p| p.doc);
        list.dedup_by(|b, a| {
            let same = a.doc == b.doc;
            if same {
                a.tf = a.tf.saturating_add(b.tf);
                a.title |= b.title;
            }
            same
        });
        DecodedList(list)
    }

    pub fn iter(&self) -> impl Iterator<Item = Posting> + '_ {
        self.0.iter().copied()
    }

    /// Memory held, in 4-byte words.
    pub fn words(&self) -> usize {
        self.0.len() * 3
    }
}
