//! Decoding posting lists (layout in [`crate::format`]).
//!
//! Every read is bounds-checked and stops at the first malformed varint, so a
//! damaged list ends early instead of panicking.

use crate::format::varint::Reader;

/// Documents containing a spelling: `(doc, tf)` in document order.
pub struct TermPostings<'a> {
    r: Reader<'a>,
    left: u64,
    doc: u32,
}

impl<'a> TermPostings<'a> {
    pub(crate) fn new(bytes: &'a [u8], offset: u64) -> Self {
        let mut r = Reader::new(bytes, usize::try_from(offset).unwrap_or(usize::MAX));
        let left = r.read().unwrap_or(0);
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
        let delta = self.r.read_u32();
        let tf = self.r.read_u32();
        match (delta, tf) {
            (Some(d), Some(tf)) => {
                self.doc = self.doc.checked_add(d)?;
                Some((self.doc, tf))
            }
            _ => {
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
    /// Positions of the current document not yet read.
    unread: u32,
}

impl<'a> StemPostings<'a> {
    pub(crate) fn new(bytes: &'a [u8], offset: u64) -> Self {
        let mut r = Reader::new(bytes, usize::try_from(offset).unwrap_or(usize::MAX));
        let left = r.read().unwrap_or(0);
        StemPostings { r, left, doc: 0, unread: 0 }
    }

    pub fn len(&self) -> u64 {
        self.left
    }

    /// Advances to the next document: `(doc, tf)`. Positions of the previous one
    /// that were not read are skipped.
    pub fn next_doc(&mut self) -> Option<(u32, u32)> {
        while self.unread > 0 {
            self.unread -= 1;
            if self.r.read().is_none() {
                self.left = 0;
            }
        }
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        match (self.r.read_u32(), self.r.read_u32()) {
            (Some(d), Some(tf)) => {
                self.doc = self.doc.checked_add(d)?;
                self.unread = tf;
                Some((self.doc, tf))
            }
            _ => {
                self.left = 0;
                None
            }
        }
    }

    /// Appends the current document's positions to `out`.
    pub fn positions(&mut self, out: &mut Vec<u32>) {
        let mut p = 0u32;
        while self.unread > 0 {
            self.unread -= 1;
            match self.r.read_u32() {
                Some(d) => {
                    p = p.saturating_add(d);
                    out.push(p);
                }
                None => {
                    self.unread = 0;
                    self.left = 0;
                }
            }
        }
    }
}
