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
