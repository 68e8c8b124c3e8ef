//! The stored text, read back from its word ids (layout in [`crate::format`]).
//!
//! A document is kept as its sequence of written-word ids and gap ids. Put back
//! together they give the original text byte for byte, for titles and snippets;
//! and a word's place in the sequence is its position, so phrases, proximity and
//! highlights need no positions in the postings.

use super::index::Index;
use crate::format::{varint::Reader, Section, TITLE_GAP};

/// One run of a document (its title or its text): per word its id and the id of
/// the gap before it, then the gap after the last word.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Run {
    pub words: Vec<u32>,
    pub gaps: Vec<u32>,
    pub tail: u32,
}

/// A stored document: id and url borrowed from the index, title and text as ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocWords<'a> {
    pub id: &'a str,
    pub url: &'a str,
    pub title: Run,
    pub text: Run,
}

/// Document `n`'s stream: its id and url, then a reader at its first word, with
/// its word count and title word count.
struct Stream<'a> {
    /// Not yet checked as UTF-8: ranking reads past them for hundreds of documents.
    id: &'a [u8],
    url: &'a [u8],
    r: Reader<'a>,
    count: u32,
    title: u32,
}

impl Index {
    fn stream(&self, n: u32) -> Option<Stream<'_>> {
        let (start, count, title) = self.doc_entry(n)?;
        let mut r = Reader::new(self.section(Section::Streams), start as usize);
        let (id, url) = (r.read_bytes()?, r.read_bytes()?);
        // Each word takes at least a byte: counts beyond the bytes left are damage.
        let left = self.section(Section::Streams).len().saturating_sub(r.position());
        (count as usize <= left && title <= count).then_some(Stream { id, url, r, count, title })
    }

    /// Document `n` as ids; `None` if its stream is damaged.
    pub(crate) fn doc_words(&self, n: u32) -> Option<DocWords<'_>> {
        let Stream { id, url, mut r, count, title } = self.stream(n)?;
        let title = read_run(&mut r, title)?;
        let text = read_run(&mut r, count - title.words.len() as u32)?;
        let (id, url) = (std::str::from_utf8(id).ok()?, std::str::from_utf8(url).ok()?);
        Some(DocWords { id, url, title, text })
    }

    /// Calls `f(word id, position)` for each word of document `n`, title first;
    /// stops early if the stream is damaged. Reading ids alone, without keeping
    /// them, is what ranking does for hundreds of candidates per query.
    pub(crate) fn for_each_word(&self, n: u32, mut f: impl FnMut(u32, u32)) {
        let Some(Stream { mut r, count, title, .. }) = self.stream(n) else { return };
        for (first, len) in [(0, title), (title.saturating_add(TITLE_GAP), count - title)] {
            for i in 0..len {
                let Some((_, word)) = read_word(&mut r) else { return };
                f(word, first.saturating_add(i));
            }
            if r.read().is_none() {
                return;
            }
        }
    }

    /// A run put back together as text.
    pub(crate) fn run_text(&self, run: &Run) -> String {
        let mut out = String::new();
        for (&gap, &word) in run.gaps.iter().zip(&run.words) {
            self.gap_into(gap, &mut out);
            self.word_into(word, &mut out);
        }
        self.gap_into(run.tail, &mut out);
        out
    }

    /// Appends written word `id` (nothing if the id is damaged).
    pub(crate) fn word_into(&self, id: u32, out: &mut String) {
        let _ = self.words().get_into(id, out);
    }

    /// Appends gap `id` (nothing if the id is damaged).
    pub(crate) fn gap_into(&self, id: u32, out: &mut String) {
        let _ = self.gaps().get_into(id, out);
    }
}

/// Reads one word: `(gap id, word id)`.
#[inline]
fn read_word(r: &mut Reader<'_>) -> Option<(u32, u32)> {
    let v = r.read()?;
    let gap = if v & 1 == 1 { r.read_u32()? } else { 0 };
    Some((gap, u32::try_from(v >> 1).ok()?))
}

fn read_run(r: &mut Reader<'_>, count: u32) -> Option<Run> {
    let mut run = Run { words: Vec::with_capacity(count as usize), gaps: Vec::with_capacity(count as usize), tail: 0 };
    for _ in 0..count {
        let (gap, word) = read_word(r)?;
        run.words.push(word);
        run.gaps.push(gap);
    }
    run.tail = r.read_u32()?;
    Some(run)
}
