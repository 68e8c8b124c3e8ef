//! An index opened over its bytes, read in place.

use crate::dictionary::Dictionary;
use crate::lists::{Cache, DecodedList};
use crate::parts::Parts;
use crate::sort::SortCache;
use fahras_core::analysis::ANALYZER_VERSION;
use fahras_core::format::documents::{self, DocEntry};
use fahras_core::format::fields::Fields;
use fahras_core::format::postings::{Posting, Postings, StemRecord};
use fahras_core::format::split::{self, PartKind, Root};
use fahras_core::format::strings::Strings;
use fahras_core::format::{dictionary, to_u32, Header, IndexError, Section, FORMAT_VERSION, SECTION_COUNT};
use fst::Automaton;
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// A search index: the bytes of an index file, and where its sections lie.
pub struct Index {
    bytes: Cow<'static, [u8]>,
    sections: [Range<usize>; SECTION_COUNT],
    doc_count: u32,
    avg_doc_len: f32,
    /// Per document, the length part of BM25's denominator: made at the first
    /// search rather than at start-up, then reused by every posting of every query.
    length_norms: OnceLock<Vec<f32>>,
    /// Decoded at first use, or at opening when the bytes are untrusted.
    fields: OnceLock<Fields>,
    /// Document numbers in order of id, made at the first [`Index::find`].
    pub(crate) by_id: OnceLock<Vec<u32>>,
    pub(crate) sort_cache: SortCache,
    hot: Cache,
    /// A split index's parts; `None` for a whole index.
    pub(crate) parts: Option<Parts>,
}

/// A spelling of the term dictionary, where its document list is, and in how
/// many documents: the frequency candidates are ranked by, known from the walk
/// that found them (a split index's term parts carry it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spelling {
    pub key: String,
    pub offset: u64,
    pub df: u64,
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
    /// The bytes may be a whole index or a split index's root; a root's parts
    /// are then added as queries reach them ([`Index::add_part`]).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index, IndexError> {
        if !split::is_root(&bytes) {
            return Index::open(Cow::Owned(bytes), true, None);
        }
        let root = Root::read(&bytes)?;
        // The base has no document table: the root has the documents' lengths.
        let docs = Some(to_u32(root.lengths.len()));
        let mut index = Index::open(Cow::Owned(bytes[root.base.clone()].to_vec()), true, docs)?;
        index.parts = Some(Parts::new(root));
        Ok(index)
    }

    /// Opens index bytes that are part of the program (compiled or bundled into
    /// it by the same build). The checksum and the dictionaries' node-by-node
    /// check are skipped: those bytes cannot have been damaged in transit, and
    /// skipping them keeps start-up free of any pass over the data.
    pub fn from_static(bytes: &'static [u8]) -> Result<Index, IndexError> {
        Index::open(Cow::Borrowed(bytes), false, None)
    }

    /// Opens `bytes`; `docs` is the document count when they have no document
    /// table of their own (a split index's base).
    fn open(bytes: Cow<'static, [u8]>, untrusted: bool, docs: Option<u32>) -> Result<Index, IndexError> {
        let b: &[u8] = &bytes;
        let header = Header::read(b)?;
        if untrusted {
            header.verify_checksum(b)?;
        }
        let section = |s: Section| &b[header.sections[s as usize].clone()];
        let corrupt = |s: Section| IndexError::Corrupt { section: s.name() };
        let doc_count = match docs {
            Some(n) => n,
            None => documents::count(section(Section::Docs)).ok_or(corrupt(Section::Docs))?,
        };
        let total = documents::read_stats(section(Section::Stats)).ok_or(corrupt(Section::Stats))?;
        for s in [Section::Words, Section::Gaps] {
            Strings::new(section(s)).ok_or(corrupt(s))?;
        }
        for s in [Section::Terms, Section::Stems] {
            if untrusted {
                dictionary::verify(section(s))
                    .map_err(|damage| IndexError::Dictionary { section: s.name(), damage })?;
            }
            dictionary::open(section(s)).ok_or(corrupt(s))?;
        }
        let fields = OnceLock::new();
        if untrusted {
            let decoded = Fields::read(section(Section::Fields), doc_count).ok_or(corrupt(Section::Fields))?;
            let _ = fields.set(decoded);
        }
        let avg_doc_len = avg_doc_len(total, doc_count);
        Ok(Index {
            sections: header.sections,
            bytes,
            doc_count,
            avg_doc_len,
            length_norms: OnceLock::new(),
            fields,
            by_id: OnceLock::new(),
            sort_cache: SortCache::default(),
            hot: Cache::default(),
            parts: None,
        })
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

    /// The normalized-spelling dictionary. `open` checked that it opens.
    pub(crate) fn terms(&self) -> Option<Dictionary<'_>> {
        self.dictionary(Section::Terms, PartKind::Terms)
    }

    /// The light-stem dictionary.
    pub(crate) fn stems(&self) -> Option<Dictionary<'_>> {
        self.dictionary(Section::Stems, PartKind::Stems)
    }

    fn dictionary(&self, section: Section, kind: PartKind) -> Option<Dictionary<'_>> {
        match &self.parts {
            None => dictionary::open(self.section(section)).map(Dictionary::Whole),
            Some(_) => Some(Dictionary::Split(self, kind)),
        }
    }

    /// Up to `keep` spellings accepted by `aut`, most frequent first (ties in key
    /// order), looking at no more than `scan` keys. Completions, corrections and
    /// suggestions all rank candidates this way.
    pub(crate) fn frequent_terms<A: Automaton>(&self, aut: A, scan: usize, keep: usize) -> Vec<Spelling> {
        let Some(terms) = self.terms() else { return Vec::new() };
        // Keys stream in order, so (df, arrival) ranks ties alphabetically; only the
        // kept head is sorted.
        // (df, where the key starts in `keys`, key length, postings offset)
        let mut found: Vec<(std::cmp::Reverse<u64>, usize, usize, u64)> = Vec::new();
        let mut keys = String::new();
        terms.search(aut, scan, |key, off, df| {
            if let Ok(key) = std::str::from_utf8(key) {
                let df = df.unwrap_or_else(|| self.postings(off).len());
                found.push((std::cmp::Reverse(df), keys.len(), key.len(), off));
                keys.push_str(key);
            }
        });
        if found.len() > keep {
            found.select_nth_unstable(keep);
            found.truncate(keep);
        }
        found.sort_unstable();
        found
            .into_iter()
            .map(|(df, at, len, offset)| Spelling { key: keys[at..at + len].to_owned(), offset, df: df.0 })
            .collect()
    }

    /// The bytes holding `key` of a section that a split index cuts into parts,
    /// and the key they start at: in a whole index, the whole section. A missing
    /// part reads as no bytes (and is recorded: see [`crate::parts`]).
    pub(crate) fn located(&self, kind: PartKind, key: u64) -> (&[u8], u64) {
        match &self.parts {
            None => match kind {
                PartKind::Postings => (self.section(Section::Postings), 0),
                PartKind::Words => (self.section(Section::Words), 0),
                PartKind::Streams => (self.section(Section::Streams), 0),
                PartKind::Ids | PartKind::Terms | PartKind::Stems => (&[], key),
            },
            Some(parts) => parts.get(kind, key).unwrap_or((&[], key)),
        }
    }

    /// Part `number` of `kind`, as [`Index::located`] gives it.
    pub(crate) fn located_part(&self, kind: PartKind, number: usize) -> Option<(&[u8], u64)> {
        self.parts.as_ref()?.get(kind, number as u64)
    }

    /// The document list at `offset` (of a spelling).
    pub(crate) fn postings(&self, offset: u64) -> Postings<'_> {
        let (bytes, start) = self.located(PartKind::Postings, offset);
        Postings::new(bytes, offset - start)
    }

    /// The stem record at `offset`; `None` if it is damaged (or not at hand).
    pub(crate) fn stem_record(&self, offset: u64) -> Option<StemRecord> {
        let (bytes, start) = self.located(PartKind::Postings, offset);
        StemRecord::read(bytes, offset - start, self.word_count())
    }

    /// Every posting of the stem record read at `offset`.
    pub(crate) fn record_postings(&self, record: &StemRecord, offset: u64) -> Vec<Posting> {
        record.postings(self.located(PartKind::Postings, offset).0)
    }

    /// The decoded document list at `offset`, for a common word; `None` for a
    /// word too rare to be worth keeping, or once the memory budget is spent.
    pub(crate) fn hot_list(&self, offset: u64) -> Option<Arc<DecodedList>> {
        let postings = self.postings(offset);
        self.hot.get(offset, postings.len(), || DecodedList::new(postings))
    }

    /// The document list of a stem: its spellings' lists merged, kept once made
    /// for a common stem.
    pub(crate) fn stem_list(&self, record: &StemRecord, offset: u64) -> Arc<DecodedList> {
        let merge = || DecodedList::merge(self.record_postings(record, offset));
        self.hot.get(offset, record.df(), merge).unwrap_or_else(|| Arc::new(merge()))
    }

    /// Number of written words (ids of the word table).
    pub(crate) fn word_count(&self) -> u32 {
        match &self.parts {
            None => self.strings(Section::Words).len(),
            Some(parts) => parts.root.word_count,
        }
    }

    /// Appends written word `id`; `None` (and `out` unchanged) if the id is
    /// damaged or its part is not at hand.
    pub(crate) fn word_into(&self, id: u32, out: &mut String) -> Option<()> {
        let (bytes, first) = self.located(PartKind::Words, u64::from(id));
        Strings::new(bytes)?.get_into(id - first as u32, out)
    }

    /// Written word `id`, as [`Index::word_into`].
    pub(crate) fn word(&self, id: u32) -> Option<String> {
        let mut s = String::new();
        self.word_into(id, &mut s).map(|()| s)
    }

    /// A string table section. `open` checked that it opens.
    fn strings(&self, s: Section) -> Strings<'_> {
        Strings::new(self.section(s)).unwrap_or(Strings::EMPTY)
    }

    /// The gaps between words, as [`Index::words`].
    pub(crate) fn gaps(&self) -> Strings<'_> {
        self.strings(Section::Gaps)
    }

    /// Document `n`'s entry in the document table.
    pub(crate) fn doc_entry(&self, n: u32) -> Option<DocEntry> {
        DocEntry::read(self.section(Section::Docs), n)
    }

    /// `norm(token count)` for every document, computed once.
    pub(crate) fn length_norms(&self, norm: impl Fn(f32) -> f32) -> &[f32] {
        self.length_norms.get_or_init(|| match &self.parts {
            None => (0..self.doc_count).map(|d| norm(self.doc_entry(d).map_or(0, |e| e.tokens) as f32)).collect(),
            Some(parts) => parts.root.lengths.iter().map(|&(tokens, _)| norm(tokens as f32)).collect(),
        })
    }

    /// Every document's fields; none if the section is damaged (only trusted
    /// bytes get this far unchecked).
    pub(crate) fn fields(&self) -> &Fields {
        self.fields.get_or_init(|| Fields::read(self.section(Section::Fields), self.doc_count).unwrap_or_default())
    }

    pub fn info(&self) -> Info {
        Info {
            documents: self.doc_count,
            terms: self.terms().map_or(0, |m| m.len()),
            stems: self.stems().map_or(0, |m| m.len()),
            index_bytes: self.parts.as_ref().map_or(self.bytes.len() as u64, |p| u64::from(p.root.whole_len)),
            format_version: FORMAT_VERSION,
            analyzer_version: ANALYZER_VERSION,
        }
    }
}

/// Words per document on average (at least 1), for BM25.
fn avg_doc_len(total: u64, doc_count: u32) -> f32 {
    if doc_count == 0 {
        1.0
    } else {
        (total as f64 / f64::from(doc_count)).max(1.0) as f32
    }
}
