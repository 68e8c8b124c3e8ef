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

/// A document's title and text runs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DocWords {
    pub title: Run,
    pub text: Run,
}

impl Index {
    /// The word and gap ids of document `n`; `None` if its stream is damaged.
    pub(crate) fn doc_words(&self, n: u32) -> Option<DocWords> {
        let (_, _, mut r) = self.doc_fields(n)?;
        let (_, count, title) = self.doc_entry(n)?;
        // Each word takes at least a byte: counts beyond the bytes left are damage.
        if count as usize > self.section(Section::Streams).len().saturating_sub(r.position()) || title > count {
            return None;
        }
        let title = read_run(&mut r, title)?;
        let text = read_run(&mut r, count - title.words.len() as u32)?;
        Some(DocWords { title, text })
    }

    /// The id and url of document `n`, and a reader at the start of its words.
    pub(crate) fn doc_fields(&self, n: u32) -> Option<(&str, &str, Reader<'_>)> {
        let (start, _, _) = self.doc_entry(n)?;
        let mut r = Reader::new(self.section(Section::Streams), start as usize);
        let (id, url) = (r.read_str()?, r.read_str()?);
        Some((id, url, r))
    }

    /// Calls `f(word id, position)` for each word of document `n`, title first;
    /// stops early if the stream is damaged. Reading ids alone, without keeping
    /// them, is what ranking does for hundreds of candidates per query.
    pub(crate) fn for_each_word(&self, n: u32, mut f: impl FnMut(u32, u32)) {
        let Some((start, count, title)) = self.doc_entry(n) else { return };
        let mut r = Reader::new(self.section(Section::Streams), start as usize);
        if r.read_bytes().and_then(|_| r.read_bytes()).is_none() {
            return;
        }
        let text_start = title.saturating_add(TITLE_GAP);
        let runs = [(0, title.min(count)), (text_start, count.saturating_sub(title))];
        for (first, len) in runs {
            for i in 0..len {
                let Some(v) = r.read() else { return };
                if v & 1 == 1 && r.read().is_none() {
                    return;
                }
                f(u32::try_from(v >> 1).unwrap_or(u32::MAX), first.saturating_add(i));
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

fn read_run(r: &mut Reader<'_>, count: u32) -> Option<Run> {
    let mut run = Run { words: Vec::with_capacity(count as usize), gaps: Vec::with_capacity(count as usize), tail: 0 };
    for _ in 0..count {
        let v = r.read()?;
        let gap = if v & 1 == 1 { r.read_u32()? } else { 0 };
        run.words.push(u32::try_from(v >> 1).ok()?);
        run.gaps.push(gap);
    }
    run.tail = r.read_u32()?;
    Some(run)
}
