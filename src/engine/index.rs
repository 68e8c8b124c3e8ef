//! An index opened over its bytes, read in place.

use crate::analysis::ANALYZER_VERSION;
use crate::format::{self, read_u32, read_u64, IndexError, Section, DOC_ENTRY_LEN, FORMAT_VERSION, HEADER_LEN, MAGIC};
use fst::{Automaton, IntoStreamer, Streamer};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use super::postings::{DecodedList, Postings, StemRecord};
use crate::format::strings::Strings;

/// Lists of at least this many documents are decoded once and kept.
const HOT_DF: u64 = 512;
/// Most memory kept for decoded lists, in 4-byte words (16 MiB).
const HOT_BUDGET: usize = 4 << 20;

/// A search index: the bytes of an index file, and where its sections lie.
pub struct Index {
    bytes: Cow<'static, [u8]>,
    sections: [Range<usize>; format::SECTION_COUNT],
    doc_count: u32,
    avg_doc_len: f32,
    /// Per document, the length part of BM25's denominator: made at the first
    /// search rather than at start-up, then reused by every posting of every query.
    length_norms: OnceLock<Vec<f32>>,
    /// Decoded lists of common words, by postings offset, and the words they hold.
    hot: Mutex<(HashMap<u64, Arc<DecodedList>>, usize)>,
}

/// One stored document: id and url borrowed from the index bytes, title and text
/// put back together from their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDoc<'a> {
    pub id: &'a str,
    pub title: String,
    pub url: Option<&'a str>,
    pub text: String,
}

/// Facts about an index, for display and diagnostics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    pub documents: u32,
    pub terms: u64,
    pub stems: u64,
    pub index_bytes: u64,
    pub format_version: u32,
    pub analyzer_version: u32,
}

impl Index {
    /// Opens index bytes from an untrusted source: checks the header, versions,
    /// checksum and the shape of every section before answering any query.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index, IndexError> {
        Index::open(Cow::Owned(bytes), true)
    }

    /// Opens index bytes that are part of the program (compiled in by `build.rs`).
    /// The checksum is skipped: those bytes cannot have been damaged in transit,
    /// and skipping it keeps start-up free of any pass over the data.
    pub fn from_static(bytes: &'static [u8]) -> Result<Index, IndexError> {
        Index::open(Cow::Borrowed(bytes), false)
    }

    fn open(bytes: Cow<'static, [u8]>, verify_checksum: bool) -> Result<Index, IndexError> {
        let b: &[u8] = &bytes;
        if b.len() < HEADER_LEN {
            // Too short for a header: say "not an index" only if what is there shows it.
            let foreign = b.len() >= MAGIC.len() && b[..MAGIC.len()] != MAGIC;
            return Err(if foreign { IndexError::BadMagic } else { IndexError::Truncated { len: b.len() } });
        }
        if b[..8] != MAGIC {
            return Err(IndexError::BadMagic);
        }
        let header = |at| read_u32(b, at).unwrap_or(0);
        let (format_version, analyzer_version, checksum) = (header(8), header(12), header(format::CHECKSUM_AT));
        if format_version != FORMAT_VERSION {
            return Err(IndexError::FormatVersion { found: format_version, expected: FORMAT_VERSION });
        }
        if analyzer_version != ANALYZER_VERSION {
            return Err(IndexError::AnalyzerVersion { found: analyzer_version, expected: ANALYZER_VERSION });
        }
        let mut sections: [Range<usize>; format::SECTION_COUNT] = Default::default();
        for s in Section::ALL {
            let at = 24 + s as usize * 8;
            let (start, len) = (header(at) as usize, header(at + 4) as usize);
            let end = start.checked_add(len).filter(|&e| start >= HEADER_LEN && e <= b.len());
            let end = end.ok_or(IndexError::SectionBounds { section: s.name() })?;
            sections[s as usize] = start..end;
        }
        if verify_checksum {
            let found = format::checksum(b);
            if found != checksum {
                return Err(IndexError::Checksum { found, expected: checksum });
            }
        }
        let corrupt = |s: Section| IndexError::Corrupt { section: s.name() };
        let docs = &b[sections[Section::Docs as usize].clone()];
        if docs.len() % DOC_ENTRY_LEN != 0 {
            return Err(corrupt(Section::Docs));
        }
        let doc_count = u32::try_from(docs.len() / DOC_ENTRY_LEN).map_err(|_| corrupt(Section::Docs))?;
        let total = read_u64(&b[sections[Section::Stats as usize].clone()], 0).ok_or(corrupt(Section::Stats))?;
        for s in [Section::Words, Section::Gaps] {
            Strings::new(&b[sections[s as usize].clone()]).ok_or(corrupt(s))?;
        }
        for s in [Section::Terms, Section::Stems] {
            let map = fst::Map::new(&b[sections[s as usize].clone()]).map_err(|_| corrupt(s))?;
            // fst traversal trusts its bytes; untrusted ones get its own checksum pass too.
            if verify_checksum {
                map.as_fst().verify().map_err(|_| corrupt(s))?;
            }
        }
        let avg_doc_len = if doc_count == 0 { 1.0 } else { (total as f64 / f64::from(doc_count)).max(1.0) as f32 };
        Ok(Index { bytes, sections, doc_count, avg_doc_len, length_norms: OnceLock::new(), hot: Mutex::default() })
    }

    pub(crate) fn section(&self, s: Section) -> &[u8] {
        &self.bytes[self.sections[s as usize].clone()]
    }

    pub fn doc_count(&self) -> u32 {
        self.doc_count
    }

    pub(crate) fn avg_doc_len(&self) -> f32 {
        self.avg_doc_len
    }

    /// The normalized-spelling dictionary. Opening an fst map reads only its footer;
    /// `open` already checked that it opens, so `None` never happens in practice.
    pub(crate) fn terms(&self) -> Option<fst::Map<&[u8]>> {
        fst::Map::new(self.section(Section::Terms)).ok()
    }

    /// Up to `keep` spellings accepted by `aut`, most frequent first (ties in key
    /// order), looking at no more than `scan` keys: (spelling, postings offset).
    /// Completions, corrections and suggestions all rank candidates this way.
    pub(crate) fn frequent_terms<A: Automaton>(&self, aut: A, scan: usize, keep: usize) -> Vec<(String, u64)> {
        let Some(terms) = self.terms() else { return Vec::new() };
        // Keys stream in order, so (df, arrival) ranks ties alphabetically; only the
        // kept head is sorted.
        let mut stream = terms.search(aut).into_stream();
        // (df, where the key starts in `keys`, key length, postings offset)
        let mut found: Vec<(std::cmp::Reverse<u64>, usize, usize, u64)> = Vec::new();
        let mut keys = String::new();
        while let Some((key, off)) = stream.next() {
            if found.len() == scan {
                break;
            }
            if let Ok(key) = std::str::from_utf8(key) {
                found.push((std::cmp::Reverse(self.postings(off).len()), keys.len(), key.len(), off));
                keys.push_str(key);
            }
        }
        if found.len() > keep {
            found.select_nth_unstable(keep);
            found.truncate(keep);
        }
        found.sort_unstable();
        found.into_iter().map(|(_, at, len, off)| (keys[at..at + len].to_owned(), off)).collect()
    }

    /// The light-stem dictionary.
    pub(crate) fn stems(&self) -> Option<fst::Map<&[u8]>> {
        fst::Map::new(self.section(Section::Stems)).ok()
    }

    /// The document list at `offset` (of a spelling, or a stem's [`StemRecord::list`]).
    pub(crate) fn postings(&self, offset: u64) -> Postings<'_> {
        Postings::new(self.section(Section::Postings), offset)
    }

    /// The stem record at `offset`; `None` if it is damaged.
    pub(crate) fn stem_record(&self, offset: u64) -> Option<StemRecord> {
        StemRecord::read(self.section(Section::Postings), offset, self.words().len())
    }

    /// The decoded document list at `offset`, for a common word (see
    /// [`DecodedList`]); `None` for a word too rare to be worth keeping, or once
    /// the memory budget is spent.
    pub(crate) fn hot_list(&self, offset: u64) -> Option<Arc<DecodedList>> {
        let postings = self.postings(offset);
        self.hot(offset, postings.len(), || DecodedList::new(postings))
    }

    /// The document list of a stem: its spellings' lists merged, kept once made
    /// for a common stem.
    pub(crate) fn stem_list(&self, record: &StemRecord, offset: u64) -> Arc<DecodedList> {
        let merge = || DecodedList::merge(record.postings(self.section(Section::Postings)));
        self.hot(offset, record.df, merge).unwrap_or_else(|| Arc::new(merge()))
    }

    /// The written words. `open` checked that the table opens.
    pub(crate) fn words(&self) -> Strings<'_> {
        Strings::new(self.section(Section::Words)).unwrap_or(Strings::EMPTY)
    }

    /// The gaps between words, as [`Index::words`].
    pub(crate) fn gaps(&self) -> Strings<'_> {
        Strings::new(self.section(Section::Gaps)).unwrap_or(Strings::EMPTY)
    }

    fn hot(&self, offset: u64, df: u64, decode: impl FnOnce() -> DecodedList) -> Option<Arc<DecodedList>> {
        if df < HOT_DF {
            return None;
        }
        let mut hot = self.hot.lock().ok()?;
        if let Some(list) = hot.0.get(&offset) {
            return Some(Arc::clone(list));
        }
        if hot.1 >= HOT_BUDGET {
            return None;
        }
        let list = Arc::new(decode());
        hot.1 += list.words();
        hot.0.insert(offset, Arc::clone(&list));
        Some(list)
    }

    /// Stream offset, token count and title token count of document `n`.
    pub(crate) fn doc_entry(&self, n: u32) -> Option<(u32, u32, u32)> {
        let at = (n as usize).checked_mul(DOC_ENTRY_LEN)?;
        let docs = self.section(Section::Docs);
        Some((read_u32(docs, at)?, read_u32(docs, at + 4)?, read_u32(docs, at + 8)?))
    }

    /// Token count of document `n` (title included).
    fn doc_len(&self, n: u32) -> u32 {
        self.doc_entry(n).map_or(0, |e| e.1)
    }

    /// `norm(token count)` for every document, computed once.
    pub(crate) fn length_norms(&self, norm: impl Fn(f32) -> f32) -> &[f32] {
        self.length_norms.get_or_init(|| (0..self.doc_count).map(|d| norm(self.doc_len(d) as f32)).collect())
    }

    /// Stored fields of document `n`.
    pub fn document(&self, n: u32) -> Option<StoredDoc<'_>> {
        let d = self.doc_words(n)?;
        let (title, text) = (self.run_text(&d.title), self.run_text(&d.text));
        Some(StoredDoc { id: d.id, title, url: (!d.url.is_empty()).then_some(d.url), text })
    }

    pub fn info(&self) -> Info {
        Info {
            documents: self.doc_count,
            terms: self.terms().map_or(0, |m| m.len() as u64),
            stems: self.stems().map_or(0, |m| m.len() as u64),
            index_bytes: self.bytes.len() as u64,
            format_version: FORMAT_VERSION,
            analyzer_version: ANALYZER_VERSION,
        }
    }
}
