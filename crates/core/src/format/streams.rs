//! `Streams`: each document as the sequence of its written words and the gaps
//! between them, by id.
//!
//! ```text
//! per document   id, url              varint length + UTF-8 (url empty when there is none)
//!                title run, text run  per word: word id << 1 | (gap before it is not gap 0),
//!                                     then that gap's id when flagged; after the last word
//!                                     the id of the trailing gap (varints)
//! ```
//!
//! This is the stored text (gaps and words put back together give it byte for
//! byte) and the forward index in one: a word's position is its place in the
//! stream, so postings carry no positions. Written text repeats (chains of
//! narrators, formulas), and as ids it repeats in fewer, closer bytes, which is
//! what lets transfer compression find it.

use super::documents::DocEntry;
use super::varint::{self, Reader};

/// Positions skipped between a title and its text, so that a title's last word
/// and the text's first never count as neighbours.
pub const TITLE_GAP: u32 = 8;

/// One run of a document (its title or its text): per word its id and the id of
/// the gap before it, then the gap after the last word.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Run {
    pub words: Vec<u32>,
    pub gaps: Vec<u32>,
    pub tail: u32,
}

/// Appends the stream of document `id`.
pub fn write(out: &mut Vec<u8>, id: &str, url: &str, title: &Run, text: &Run) {
    for field in [id, url] {
        varint::write(out, field.len() as u64);
        out.extend_from_slice(field.as_bytes());
    }
    for run in [title, text] {
        for (&gap, &word) in run.gaps.iter().zip(&run.words) {
            varint::write(out, u64::from(word) << 1 | u64::from(gap != 0));
            if gap != 0 {
                varint::write(out, u64::from(gap));
            }
        }
        varint::write(out, u64::from(run.tail));
    }
}

/// A document's stream, opened at its first word.
pub struct Stream<'a> {
    /// Not yet checked as UTF-8: ranking reads past them for hundreds of documents.
    pub id: &'a [u8],
    pub url: &'a [u8],
    r: Reader<'a>,
    count: u32,
    title: u32,
}

impl<'a> Stream<'a> {
    /// The stream that `entry` (from `Docs`) points at in `streams`; `None` when
    /// the entry cannot be right.
    pub fn open(streams: &'a [u8], entry: DocEntry) -> Option<Stream<'a>> {
        let mut r = Reader::new(streams, entry.stream as usize);
        let (id, url) = (r.read_bytes()?, r.read_bytes()?);
        // Each word takes at least a byte: counts beyond the bytes left are damage.
        let left = streams.len().saturating_sub(r.position());
        let (count, title) = (entry.tokens, entry.title_tokens);
        (count as usize <= left && title <= count).then_some(Stream { id, url, r, count, title })
    }

    /// Title and text as runs; `None` if the stream is damaged.
    pub fn runs(mut self) -> Option<(Run, Run)> {
        let title = read_run(&mut self.r, self.title)?;
        let text = read_run(&mut self.r, self.count - self.title)?;
        Some((title, text))
    }

    /// Calls `f(word id, position)` for each word, title first (text positions
    /// start [`TITLE_GAP`] after the title's); stops early if the stream is
    /// damaged. Reading ids alone, without keeping them, is what ranking does for
    /// hundreds of candidates per query.
    pub fn for_each_word(self, mut f: impl FnMut(u32, u32)) {
        self.any_word(|word, position| {
            f(word, position);
            false
        });
    }

    /// [`Stream::for_each_word`] until `f` returns true; whether it did. A
    /// phrase is looked for in every document that has its words, and most
    /// that have it have it early.
    pub fn any_word(mut self, mut f: impl FnMut(u32, u32) -> bool) -> bool {
        let (count, title) = (self.count, self.title);
        for (first, len) in [(0, title), (title.saturating_add(TITLE_GAP), count - title)] {
            for i in 0..len {
                let Some((_, word)) = read_word(&mut self.r) else { return false };
                if f(word, first.saturating_add(i)) {
                    return true;
                }
            }
            if self.r.read().is_none() {
                return false;
            }
        }
        false
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let title = Run { words: vec![5, 0], gaps: vec![0, 3], tail: 0 };
        let text = Run { words: vec![1, 70_000, 2], gaps: vec![2, 0, 0], tail: 9 };
        let mut streams = vec![0xEE];
        write(&mut streams, "doc-1", "/a/", &title, &text);
        let entry = DocEntry { stream: 1, tokens: 5, title_tokens: 2 };
        let s = Stream::open(&streams, entry).unwrap();
        assert_eq!((s.id, s.url), (&b"doc-1"[..], &b"/a/"[..]));
        assert_eq!(s.runs(), Some((title, text)));
        let mut seen = Vec::new();
        Stream::open(&streams, entry).unwrap().for_each_word(|w, p| seen.push((w, p)));
        assert_eq!(seen, [(5, 0), (0, 1), (1, 2 + TITLE_GAP), (70_000, 3 + TITLE_GAP), (2, 4 + TITLE_GAP)]);
    }

    #[test]
    fn damage_is_none() {
        let mut streams = Vec::new();
        write(&mut streams, "d", "", &Run::default(), &Run { words: vec![1], gaps: vec![0], tail: 0 });
        let entry = DocEntry { stream: 0, tokens: 1, title_tokens: 0 };
        assert!(Stream::open(&streams, DocEntry { tokens: 50, ..entry }).is_none());
        assert!(Stream::open(&streams, DocEntry { title_tokens: 2, ..entry }).is_none());
        assert!(Stream::open(&streams, DocEntry { stream: 90, ..entry }).is_none());
        assert_eq!(Stream::open(&streams[..streams.len() - 1], entry).and_then(Stream::runs), None);
    }
}
