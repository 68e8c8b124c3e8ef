//! Decoding posting lists (layout in [`crate::format`]).
//!
//! Every read is bounds-checked and stops at the first malformed varint, so a
//! damaged list ends early instead of panicking.

use crate::format::varint::Reader;

/// Reads a document delta and its "occurs once" flag: `(delta, once)`.
fn read_doc(r: &mut Reader<'_>) -> Option<(u32, bool)> {
    let v = r.read()?;
    Some((u32::try_from(v >> 1).ok()?, v & 1 == 1))
}

fn open(bytes: &[u8], offset: u64) -> (Reader<'_>, u64) {
    let mut r = Reader::new(bytes, usize::try_from(offset).unwrap_or(usize::MAX));
    let len = r.read().unwrap_or(0);
    (r, len)
}

/// Documents containing a spelling: `(doc, tf)` in document order.
pub struct TermPostings<'a> {
    r: Reader<'a>,
    left: u64,
    doc: u32,
}

impl<'a> TermPostings<'a> {
    pub(crate) fn new(bytes: &'a [u8], offset: u64) -> Self {
        let (r, left) = open(bytes, offset);
        TermPostings { r, left, doc: 0 }
    }

    /// Number of documents in the list.
    pub fn len(&self) -> u64 {
        self.left
    }
}

impl Iterator for TermPostings<'_> {
    type Item = (u32, u32);

    fn next(&mut self) -> Option<(u32, u32)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let entry = (|| {
            let (delta, once) = read_doc(&mut self.r)?;
            let tf = if once { 1 } else { self.r.read_u32()? };
            Some((self.doc.checked_add(delta)?, tf))
        })();
        match entry {
            Some((doc, tf)) => {
                self.doc = doc;
                Some((doc, tf))
            }
            None => {
                self.left = 0;
                None
            }
        }
    }
}

/// Documents containing a stem, with the positions where it occurs.
pub struct StemPostings<'a> {
    r: Reader<'a>,
    left: u64,
    doc: u32,
    tf: u32,
    /// The position of a document where the stem occurs once (read with its entry).
    only: Option<u32>,
    /// Where the next document's entry starts.
    next: usize,
}

impl<'a> StemPostings<'a> {
    pub(crate) fn new(bytes: &'a [u8], offset: u64) -> Self {
        let (r, left) = open(bytes, offset);
        let next = r.position();
        StemPostings { r, left, doc: 0, tf: 0, only: None, next }
    }

    pub fn len(&self) -> u64 {
        self.left
    }

    /// Advances to the next document: `(doc, tf)`, skipping any positions of the
    /// previous one that were not read.
    pub fn next_doc(&mut self) -> Option<(u32, u32)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        self.r.seek(self.next);
        let entry = (|| {
            let (delta, once) = read_doc(&mut self.r)?;
            let doc = self.doc.checked_add(delta)?;
            if once {
                let only = self.r.read_u32()?;
                return Some((doc, 1, Some(only), self.r.position()));
            }
            let tf = self.r.read_u32()?;
            let block = usize::try_from(self.r.read()?).ok()?;
            Some((doc, tf, None, self.r.position().checked_add(block)?))
        })();
        match entry {
            Some((doc, tf, only, next)) => {
                (self.doc, self.tf, self.only, self.next) = (doc, tf, only, next);
                Some((doc, tf))
            }
            None => {
                self.left = 0;
                None
            }
        }
    }

    /// Appends the current document's positions to `out`.
    pub fn positions(&mut self, out: &mut Vec<u32>) {
        if let Some(only) = self.only.take() {
            out.push(only);
            self.tf = 0;
            return;
        }
        let mut p = 0u32;
        for _ in 0..self.tf {
            if self.r.position() >= self.next {
                break;
            }
            match self.r.read_u32() {
                Some(d) => {
                    p = p.saturating_add(d);
                    out.push(p);
                }
                None => break,
            }
        }
        self.tf = 0;
    }

    /// The current document's first position, if any.
    pub fn first_position(&mut self) -> Option<u32> {
        if let Some(only) = self.only.take() {
            self.tf = 0;
            return Some(only);
        }
        if self.tf == 0 || self.r.position() >= self.next {
            return None;
        }
        self.tf = 0;
        self.r.read_u32()
    }
}

/// A posting list decoded into arrays. Common words (الله, قال, حدثنا) are read by
/// most queries that use them; decoded once, they are scored from plain arrays, and a
/// stem's positions in any document are a binary search away instead of a walk
/// through the whole list. Spelling lists have no positions.
pub struct DecodedList {
    docs: Vec<u32>,
    tfs: Vec<u32>,
    /// Where each document's positions start in `positions` (one more entry than `docs`).
    starts: Vec<u32>,
    positions: Vec<u32>,
}

impl DecodedList {
    fn with_capacity(len: u64) -> DecodedList {
        let n = usize::try_from(len).unwrap_or(0).min(1 << 24);
        DecodedList { docs: Vec::with_capacity(n), tfs: Vec::with_capacity(n), starts: vec![0], positions: Vec::new() }
    }

    fn push(&mut self, doc: u32, tf: u32) {
        self.docs.push(doc);
        self.tfs.push(tf);
        self.starts.push(u32::try_from(self.positions.len()).unwrap_or(u32::MAX));
    }

    pub fn stems(mut p: StemPostings<'_>) -> DecodedList {
        let mut l = DecodedList::with_capacity(p.len());
        while let Some((doc, tf)) = p.next_doc() {
            p.positions(&mut l.positions);
            l.push(doc, tf);
        }
        l
    }

    pub fn terms(p: TermPostings<'_>) -> DecodedList {
        let mut l = DecodedList::with_capacity(p.len());
        p.for_each(|(doc, tf)| l.push(doc, tf));
        l
    }

    /// `(doc, tf, positions)` in document order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u32, &[u32])> {
        (0..self.docs.len()).map(|i| (self.docs[i], self.tfs[i], self.at(i)))
    }

    /// The positions in `doc`, empty if the stem is not in it.
    pub fn positions_in(&self, doc: u32) -> &[u32] {
        self.docs.binary_search(&doc).map_or(&[], |i| self.at(i))
    }

    fn at(&self, i: usize) -> &[u32] {
        let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
        self.positions.get(a..b).unwrap_or(&[])
    }

    /// Memory held, in 4-byte words.
    pub fn words(&self) -> usize {
        self.docs.len() * 3 + self.positions.len()
    }
}
