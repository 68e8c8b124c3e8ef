//! A split index: a small root, and parts a reader fetches only when a query
//! reads them.
//!
//! A whole index makes every reader download all of it before the first result.
//! Most of it is read a little at a time: a query looks up its own words in the
//! dictionaries, reads their stems' records, and the words and streams of the
//! documents it ranks and shows. So those sections (`Terms`, `Stems`,
//! `Postings`, `Words`, `Streams`) are cut into parts, and one more kind of
//! part, [`PartKind::Ids`], finds a document by id without reading every
//! stream. The root keeps what every query reads whole: each document's length
//! (ranking reads every candidate's), the fields (facets count every match),
//! the gaps, and per dictionary part the keys it holds.
//!
//! Parts are cut where a record starts (a dictionary key, a stem's record, a
//! block of the word table, a document's stream), so every read the engine
//! makes lies inside one part, and the section readers run on a part
//! unchanged: at the offset minus where the part starts. The engine does not know beforehand which parts a
//! query reads; it records the ones it reached and did not have, the caller
//! fetches them, and the query runs again (see the engine's `parts` module).
//!
//! ```text
//! root   magic "FAHRASr\n", root format version, analyzer version (u32 LE)
//!        checksum          CRC-32 of every other byte of the root
//!        build             the checksum of the whole index the parts were cut from
//!        whole length      bytes of that whole index
//!        word count        ids of the word table (its parts hold them)
//!        base              u32 LE length, then a whole index whose Terms,
//!                          Stems, Postings, Words, Streams and Docs sections
//!                          are empty
//!        lengths           document count, then per document its word count and
//!                          its title's (varints)
//!        per kind          part count, stride, and when the stride is 0 each
//!                          part's first key as the step from the last ([`PartTable`]; varints)
//!        per dictionary    per part: key count, count of its own prefixes,
//!                          first key, last key, the prefixes ([`KeyRange`];
//!                          varints, each key as the length it shares with the
//!                          key before, then the rest as length + bytes)
//! streams part payload     document count, each one's stream length
//!                          (varints), then the streams
//! part   magic "FAHRASp\n", build, kind, part number, payload length, payload
//!        CRC-32 (u32 LE each), then the payload
//! ```
//!
//! A part vouches for itself with its length and checksum, so the root lists no
//! more than where parts start, and for streams not even that: a part per few
//! documents would otherwise cost the root more than small parts save. A part
//! edited and resealed by hand passes those checks; the section readers refuse
//! or bound whatever it holds, as they do for a whole index resealed the same way.
//!
//! A part's key is what the engine looks it up by: a byte offset in `Postings`,
//! a word id, a document number (`Streams`), the hash of a document id, or, for
//! a dictionary, its place among the parts, found from its keys. The build is in
//! every part and in its file name, so a part left over from another build is
//! named as such, and parts can be cached for as long as their names live.

use super::crc32::crc32;
use super::documents::{self, DocEntry};
use super::postings::Postings;
use super::streams::Stream;
use super::strings::{self, Strings, BLOCK};
use super::varint;
use super::{dictionary, read_u32, to_u32, Header, IndexError, Section, SECTION_COUNT};
use crate::analysis::ANALYZER_VERSION;
use std::fmt;
use std::ops::Range;

pub const ROOT_MAGIC: [u8; 8] = *b"FAHRASr\n";
pub const PART_MAGIC: [u8; 8] = *b"FAHRASp\n";
/// The root's file name in a split index's directory.
pub const ROOT_FILE: &str = "root.fahras";
/// The version of the layout of a root and its parts. The base index inside a
/// root carries the whole index's format version, checked when it opens; this
/// one went its own way at 5, when parts came to carry their own checksums.
pub const ROOT_FORMAT_VERSION: u32 = 5;
/// Bytes a part holds at least (but the last of its kind, or one record larger than
/// this): measured with `examples/split.rs`, see docs/benchmarks.md.
pub const PART_SIZE: usize = 1 << 10;
/// Documents per stream part: measured the same way.
pub const STREAM_DOCS: u32 = 2;
/// Bytes before a part's payload.
pub const PART_HEADER_LEN: usize = 28;
const PART_LEN_AT: usize = 20;
const PART_CRC_AT: usize = 24;
/// Bytes before the base index.
const ROOT_FIXED_LEN: usize = 36;
const CHECKSUM_AT: usize = 16;

/// How a whole index is cut into parts.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Bytes a part of a cut section holds at least (see [`PART_SIZE`]).
    pub part_size: usize,
    /// Documents per stream part.
    pub stream_docs: u32,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout { part_size: PART_SIZE, stream_docs: STREAM_DOCS }
    }
}

/// The kinds of part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartKind {
    Postings,
    Words,
    Streams,
    /// `(hash of id, document number)` pairs in order: [`id_hash`].
    Ids,
    /// A range of the term dictionary's keys, as an fst map of its own whose
    /// values carry each spelling's document frequency too ([`pack`]).
    Terms,
    /// A range of the stem dictionary's keys, as an fst map of its own.
    Stems,
}

/// Number of kinds of part.
pub const KINDS: usize = 6;

impl PartKind {
    pub const ALL: [PartKind; KINDS] =
        [PartKind::Postings, PartKind::Words, PartKind::Streams, PartKind::Ids, PartKind::Terms, PartKind::Stems];
    /// The kinds that hold dictionary keys, and so have a [`KeyRange`] per part.
    pub const DICTIONARIES: [PartKind; 2] = [PartKind::Terms, PartKind::Stems];

    /// What file names and messages call it.
    pub fn name(self) -> &'static str {
        match self {
            PartKind::Postings => "postings",
            PartKind::Words => "words",
            PartKind::Streams => "streams",
            PartKind::Ids => "ids",
            PartKind::Terms => "terms",
            PartKind::Stems => "stems",
        }
    }

    pub fn from_u32(n: u32) -> Option<PartKind> {
        PartKind::ALL.get(n as usize).copied()
    }
}

/// One part, as the engine asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartId {
    pub kind: PartKind,
    pub number: u32,
}

/// The file name of a part of build `build`.
pub fn file_name(part: PartId, build: u32) -> String {
    format!("{}-{}.{build:08x}.part", part.kind.name(), part.number)
}

/// Whether `name` is the name of a part file (of any build): `kind-n.build.part`.
pub fn is_part_file(name: &str) -> bool {
    let Some((stem, build)) = name.strip_suffix(".part").and_then(|n| n.rsplit_once('.')) else { return false };
    let Some((kind, number)) = stem.rsplit_once('-') else { return false };
    PartKind::ALL.iter().any(|k| k.name() == kind)
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && build.len() == 8
        && build.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The hash a document id is found by in the [`PartKind::Ids`] parts.
pub fn id_hash(id: &[u8]) -> u32 {
    crc32(&[id])
}

/// What is wrong with a part's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartProblem {
    NotAPart,
    OtherBuild {
        found: u32,
        expected: u32,
    },
    OtherPart {
        found: String,
    },
    Truncated {
        len: usize,
        expected: usize,
    },
    Checksum,
    NoSuchPart,
    /// It could not be read or fetched, and why.
    Unavailable {
        reason: String,
    },
}

impl fmt::Display for PartProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartProblem::NotAPart => {
                write!(f, "not a part of a Fahras index (it does not start with the part magic bytes)")
            }
            PartProblem::OtherBuild { found, expected } => {
                write!(f, "it is from another build of the index ({found:08x}, the root is {expected:08x}); upload the parts and the root together")
            }
            PartProblem::OtherPart { found } => write!(f, "the file holds another part ({found})"),
            PartProblem::Truncated { len, expected } => {
                write!(f, "truncated or padded: {len} bytes, its header says {expected}")
            }
            PartProblem::Checksum => write!(f, "damaged: its bytes do not match its checksum"),
            PartProblem::NoSuchPart => write!(f, "the root lists no such part"),
            PartProblem::Unavailable { reason } => write!(f, "could not be read: {reason}"),
        }
    }
}

/// Where each part of one kind starts: listed, or every `stride` keys.
///
/// Stream parts hold a fixed number of documents, so the part of a document is
/// its number divided by that, and the root lists nothing for them: a first
/// result reads the streams of the documents it reranks, which lie anywhere in
/// the corpus, so small stream parts are what keeps it small, and a listed
/// start per small part would grow the root that every reader fetches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartTable {
    /// The key each part starts at, ascending from 0.
    Listed(Vec<u32>),
    /// `count` parts of `stride` keys each.
    Every { stride: u32, count: u32 },
}

impl Default for PartTable {
    fn default() -> PartTable {
        PartTable::Listed(Vec::new())
    }
}

impl PartTable {
    /// The part holding `key`: the last one starting at or before it.
    pub fn find(&self, key: u64) -> Option<usize> {
        match self {
            PartTable::Listed(first) => first.partition_point(|&f| u64::from(f) <= key).checked_sub(1),
            PartTable::Every { stride, count } => {
                let n = key / u64::from(*stride);
                (n < u64::from(*count)).then_some(n as usize)
            }
        }
    }

    /// The key part `number` starts at.
    pub fn first(&self, number: usize) -> u64 {
        match self {
            PartTable::Listed(first) => first.get(number).map_or(0, |&f| u64::from(f)),
            PartTable::Every { stride, .. } => number as u64 * u64::from(*stride),
        }
    }

    pub fn count(&self) -> usize {
        match self {
            PartTable::Listed(first) => first.len(),
            PartTable::Every { count, .. } => *count as usize,
        }
    }

    /// Writes the table: part count, stride (0 when listed), and when listed
    /// each part's first key as the step from the one before.
    fn write(&self, out: &mut Vec<u8>) {
        varint::write(out, self.count() as u64);
        match self {
            PartTable::Listed(first) => {
                varint::write(out, 0);
                let mut previous = 0;
                for &f in first {
                    varint::write(out, u64::from(f - previous));
                    previous = f;
                }
            }
            PartTable::Every { stride, .. } => varint::write(out, u64::from(*stride)),
        }
    }

    /// Reads a table, refusing one whose parts do not ascend from key 0 (a
    /// lookup could land in the wrong part) or that claims more parts than
    /// `most`.
    fn read(r: &mut varint::Reader<'_>, most: usize) -> Option<PartTable> {
        let count = r.read_u32().filter(|&c| c as usize <= most)?;
        let stride = r.read_u32()?;
        if stride > 0 {
            return Some(PartTable::Every { stride, count });
        }
        let mut first = Vec::with_capacity(count as usize);
        for n in 0..count {
            let step = r.read_u32()?;
            if (n == 0) != (step == 0) {
                return None;
            }
            first.push(first.last().copied().unwrap_or(0u32).checked_add(step)?);
        }
        Some(PartTable::Listed(first))
    }
}

/// The keys of one dictionary part: how many, the first and last, and the
/// prefixes they start with that no key of another part does.
///
/// Those prefixes are what a walk is checked against before the part is
/// fetched: an automaton that cannot match past any of them accepts none of the
/// part's keys. Keys in order share prefixes, so a part's keys take a few (a
/// key that begins a key of another part is one of them whole).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyRange {
    pub count: u32,
    pub first: Vec<u8>,
    pub last: Vec<u8>,
    pub prefixes: Vec<Vec<u8>>,
}

impl KeyRange {
    /// Writes the range, each key as the bytes it shares with the key written
    /// before it and the rest: keys in order share long prefixes, and these are
    /// the root's largest table after the documents' lengths.
    fn write(&self, out: &mut Vec<u8>, previous: &mut Vec<u8>) {
        varint::write(out, u64::from(self.count));
        varint::write(out, self.prefixes.len() as u64);
        for key in [&self.first, &self.last].into_iter().chain(&self.prefixes) {
            let shared = previous.iter().zip(key.iter()).take_while(|(a, b)| a == b).count();
            varint::write(out, shared as u64);
            varint::write(out, (key.len() - shared) as u64);
            out.extend_from_slice(&key[shared..]);
            previous.clone_from(key);
        }
    }

    fn read(r: &mut varint::Reader<'_>, previous: &mut Vec<u8>) -> Option<KeyRange> {
        let count = r.read_u32()?;
        let prefixes = r.read_u32().filter(|&n| n <= count)?;
        let mut key = || {
            let shared = usize::try_from(r.read()?).ok().filter(|&n| n <= previous.len())?;
            previous.truncate(shared);
            previous.extend_from_slice(r.read_bytes()?);
            Some(previous.clone())
        };
        let (first, last) = (key()?, key()?);
        let prefixes = (0..prefixes).map(|_| key()).collect::<Option<_>>()?;
        Some(KeyRange { count, first, last, prefixes })
    }
}

/// A term dictionary part's value: a spelling's postings offset and its
/// document frequency, so that ranking completions by frequency reads no
/// postings (a prefix is completed from hundreds of spellings).
pub fn pack(offset: u64, df: u64) -> u64 {
    df.min(u64::from(u32::MAX)) << 32 | offset
}

/// `(offset, df)` of a packed value.
pub fn unpack(value: u64) -> (u64, u64) {
    (value & u64::from(u32::MAX), value >> 32)
}

/// A root as read.
#[derive(Clone)]
pub struct Root {
    pub build: u32,
    pub whole_len: u32,
    pub word_count: u32,
    /// Where the base index lies in the root's bytes.
    pub base: Range<usize>,
    /// Per kind, in [`PartKind::ALL`] order. A dictionary's parts are looked up
    /// by number (`first` is 0, 1, 2…), after finding it by key in `keys`.
    pub tables: [PartTable; KINDS],
    /// Per dictionary ([`PartKind::DICTIONARIES`] order), each part's keys.
    pub keys: [Vec<KeyRange>; 2],
    /// Per dictionary, every part's own prefixes mapped to the part's number:
    /// a walk follows its automaton through this map to the parts it may
    /// accept keys of, rather than trying every part.
    pub prefixes: [fst::Map<Vec<u8>>; 2],
    /// Per document, its words and its title's: every candidate's length counts
    /// in ranking (the rest of the document table is in the stream parts).
    pub lengths: Vec<(u32, u32)>,
}

impl Root {
    /// The part of dictionary `kind` that would hold `key`.
    pub fn dictionary_part(&self, kind: PartKind, key: &[u8]) -> Option<usize> {
        let ranges = &self.keys[kind as usize - PartKind::Terms as usize];
        ranges.partition_point(|r| r.first.as_slice() <= key).checked_sub(1)
    }
}

/// Whether `bytes` start like a root (rather than a whole index).
pub fn is_root(bytes: &[u8]) -> bool {
    bytes.starts_with(&ROOT_MAGIC)
}

impl Root {
    /// Reads and checks a root: magic, versions, checksum, and that its tables are whole.
    pub fn read(bytes: &[u8]) -> Result<Root, IndexError> {
        if !is_root(bytes) {
            return Err(IndexError::BadMagic);
        }
        if bytes.len() < ROOT_FIXED_LEN {
            return Err(IndexError::Truncated { len: bytes.len() });
        }
        let field = |at| read_u32(bytes, at).unwrap_or(0);
        let (found, expected) = (field(8), ROOT_FORMAT_VERSION);
        if found != expected {
            return Err(IndexError::FormatVersion { found, expected });
        }
        let (found, expected) = (field(12), ANALYZER_VERSION);
        if found != expected {
            return Err(IndexError::AnalyzerVersion { found, expected });
        }
        let found = root_checksum(bytes);
        if found != field(CHECKSUM_AT) {
            return Err(IndexError::Checksum { found, expected: field(CHECKSUM_AT) });
        }
        let corrupt = IndexError::Corrupt { section: "split index root" };
        let base_len = field(ROOT_FIXED_LEN - 4) as usize;
        let base = ROOT_FIXED_LEN
            ..ROOT_FIXED_LEN.checked_add(base_len).filter(|&e| e <= bytes.len()).ok_or(corrupt.clone())?;
        let mut r = varint::Reader::new(bytes, base.end);
        let count = r.read_u32().ok_or(corrupt.clone())?;
        // Two varints a document, at least a byte each.
        if count as usize > bytes.len().saturating_sub(r.position()) / 2 {
            return Err(corrupt);
        }
        let mut lengths = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let (tokens, title) = (r.read_u32().ok_or(corrupt.clone())?, r.read_u32().ok_or(corrupt.clone())?);
            if title > tokens {
                return Err(corrupt);
            }
            lengths.push((tokens, title));
        }
        let mut tables: [PartTable; KINDS] = Default::default();
        for table in &mut tables {
            // A listed part takes a byte at least; a stride cuts documents.
            let most = bytes.len().max(lengths.len());
            *table = PartTable::read(&mut r, most).ok_or(corrupt.clone())?;
        }
        let mut keys: [Vec<KeyRange>; 2] = Default::default();
        for (ranges, kind) in keys.iter_mut().zip(PartKind::DICTIONARIES) {
            let mut previous = Vec::new();
            for _ in 0..tables[kind as usize].count() {
                ranges.push(KeyRange::read(&mut r, &mut previous).ok_or(corrupt.clone())?);
            }
            // Ranges must ascend, or a key could be looked up in the wrong part.
            if ranges.windows(2).any(|w| w[0].last >= w[1].first) || ranges.iter().any(|k| k.first > k.last) {
                return Err(corrupt);
            }
        }
        if r.position() != bytes.len() {
            return Err(corrupt);
        }
        // Parts' prefixes ascend from part to part (each sorts before the next
        // part's keys), so they make one map; a root whose do not is refused.
        let mut prefixes = Vec::with_capacity(2);
        for ranges in &keys {
            let mut map = dictionary::MapWriter::new();
            for (n, range) in ranges.iter().enumerate() {
                for prefix in &range.prefixes {
                    map.insert(prefix, n as u64).map_err(|_| corrupt.clone())?;
                }
            }
            prefixes.push(fst::Map::new(map.finish()).map_err(|_| corrupt.clone())?);
        }
        let prefixes: [fst::Map<Vec<u8>>; 2] = prefixes.try_into().map_err(|_| corrupt.clone())?;
        Ok(Root {
            build: field(20),
            whole_len: field(24),
            word_count: field(28),
            base,
            tables,
            keys,
            lengths,
            prefixes,
        })
    }

    /// The name of a part of this build.
    pub fn file_name(&self, part: PartId) -> String {
        file_name(part, self.build)
    }

    /// The payload of `bytes`, if they are part `part` of this build, whole.
    pub fn check_part<'b>(&self, part: PartId, bytes: &'b [u8]) -> Result<&'b [u8], IndexError> {
        let problem = |problem| IndexError::Part { file: self.file_name(part), problem };
        let table = &self.tables[part.kind as usize];
        let n = part.number as usize;
        if n >= table.count() {
            return Err(problem(PartProblem::NoSuchPart));
        }
        if !bytes.starts_with(&PART_MAGIC) {
            return Err(problem(PartProblem::NotAPart));
        }
        if bytes.len() < PART_HEADER_LEN {
            return Err(problem(PartProblem::Truncated { len: bytes.len(), expected: PART_HEADER_LEN }));
        }
        let field = |at| read_u32(bytes, at).unwrap_or(0);
        if field(8) != self.build {
            return Err(problem(PartProblem::OtherBuild { found: field(8), expected: self.build }));
        }
        let found = (PartKind::from_u32(field(12)), field(16));
        if found != (Some(part.kind), part.number) {
            let found = match found {
                (Some(kind), number) => file_name(PartId { kind, number }, self.build),
                (None, _) => "a part of no known kind".to_owned(),
            };
            return Err(problem(PartProblem::OtherPart { found }));
        }
        let payload = &bytes[PART_HEADER_LEN..];
        let expected = field(PART_LEN_AT) as usize;
        if payload.len() != expected {
            return Err(problem(PartProblem::Truncated { len: bytes.len(), expected: expected + PART_HEADER_LEN }));
        }
        if crc32(&[payload]) != field(PART_CRC_AT) {
            return Err(problem(PartProblem::Checksum));
        }
        // fst's reader trusts its bytes, and a part's checksum is only its own
        // word, so a dictionary part is walked as a whole index's dictionaries are.
        if PartKind::DICTIONARIES.contains(&part.kind) {
            dictionary::verify(payload).map_err(|_| problem(PartProblem::Checksum))?;
        }
        Ok(payload)
    }
}

fn root_checksum(root: &[u8]) -> u32 {
    crc32(&[&root[..CHECKSUM_AT], root.get(CHECKSUM_AT + 4..).unwrap_or(&[])])
}

/// Rewrites a root's checksum to match its bytes, as anyone crafting a split
/// index can: how tests make an edited root reach the structural checks rather
/// than stop at the checksum.
pub fn reseal(root: &mut [u8]) {
    if root.len() >= ROOT_FIXED_LEN {
        let sum = root_checksum(root);
        root[CHECKSUM_AT..CHECKSUM_AT + 4].copy_from_slice(&sum.to_le_bytes());
    }
}

/// Rewrites a part's length and checksum to match its payload, as anyone
/// crafting a part can: how tests make an edited part reach the section readers.
pub fn reseal_part(part: &mut [u8]) {
    if part.len() >= PART_HEADER_LEN {
        let (header, payload) = part.split_at_mut(PART_HEADER_LEN);
        header[PART_LEN_AT..PART_LEN_AT + 4].copy_from_slice(&to_u32(payload.len()).to_le_bytes());
        header[PART_CRC_AT..PART_CRC_AT + 4].copy_from_slice(&crc32(&[payload]).to_le_bytes());
    }
}

/// A whole index cut into a root and parts.
pub struct Split {
    pub root: Vec<u8>,
    /// Each part's file name and bytes.
    pub parts: Vec<(String, Vec<u8>)>,
}

/// Cuts the whole index `whole` into a root and parts as `layout` says.
pub fn split(whole: &[u8], layout: Layout) -> Result<Split, IndexError> {
    let Layout { part_size, stream_docs } = layout;
    let stream_docs = stream_docs.max(1);
    let header = Header::read(whole)?;
    header.verify_checksum(whole)?;
    let section = |s: Section| &whole[header.sections[s as usize].clone()];
    let corrupt = |s: Section| IndexError::Corrupt { section: s.name() };
    let docs = section(Section::Docs);
    let doc_count = documents::count(docs).ok_or(corrupt(Section::Docs))?;
    let entries: Vec<DocEntry> = (0..doc_count).filter_map(|n| DocEntry::read(docs, n)).collect();
    let streams = section(Section::Streams);

    // Postings: cut where a stem's record starts (the stem dictionary's values).
    let stems = dictionary::open(section(Section::Stems)).ok_or(corrupt(Section::Stems))?;
    let mut records: Vec<u64> = Vec::with_capacity(stems.len());
    let mut stream = fst::IntoStreamer::into_stream(&stems);
    while let Some((_, offset)) = fst::Streamer::next(&mut stream) {
        records.push(offset);
    }
    records.sort_unstable();
    let postings = section(Section::Postings);
    let mut tables: [Vec<(u32, Vec<u8>)>; KINDS] = Default::default();
    tables[PartKind::Postings as usize] = cut_bytes(postings, &records, part_size);

    // Streams: `stream_docs` whole documents a part, in order; each part says
    // where each of its documents' streams starts, so the root needs no stream
    // offsets.
    let ends = entries.iter().skip(1).map(|e| e.stream as usize).chain([streams.len()]);
    let mut all = Vec::with_capacity(entries.len());
    for (entry, end) in entries.iter().zip(ends) {
        all.push(streams.get(entry.stream as usize..end).ok_or(corrupt(Section::Docs))?);
    }
    for (n, docs) in all.chunks(stream_docs as usize).enumerate() {
        let mut payload = Vec::new();
        varint::write(&mut payload, docs.len() as u64);
        for stream in docs {
            varint::write(&mut payload, stream.len() as u64);
        }
        docs.iter().for_each(|stream| payload.extend_from_slice(stream));
        tables[PartKind::Streams as usize].push((to_u32(n) * stream_docs, payload));
    }

    // Words: whole blocks of the table, each part a table of its own.
    let words = Strings::new(section(Section::Words)).ok_or(corrupt(Section::Words))?;
    let mut all = Vec::with_capacity(words.len() as usize);
    for id in 0..words.len() {
        all.push(words.get(id).ok_or(corrupt(Section::Words))?);
    }
    let mut parts = Vec::new();
    let (mut first, mut bytes) = (0, 0);
    for (id, word) in all.iter().enumerate() {
        if id % BLOCK == 0 && bytes >= part_size {
            parts.push((to_u32(first), strings::write(&all[first..id])));
            (first, bytes) = (id, 0);
        }
        bytes += word.len() + 2;
    }
    parts.push((to_u32(first), strings::write(&all[first..])));
    tables[PartKind::Words as usize] = parts;

    // Ids: (hash, document) in order, cut only where the hash changes.
    let mut ids = Vec::with_capacity(entries.len());
    for (n, &entry) in entries.iter().enumerate() {
        let id = Stream::open(streams, entry).ok_or(corrupt(Section::Streams))?.id;
        ids.push((id_hash(id), to_u32(n)));
    }
    ids.sort_unstable();
    let mut parts: Vec<(u32, Vec<u8>)> = Vec::new();
    for (i, &(hash, doc)) in ids.iter().enumerate() {
        let full = parts.last().map_or(true, |(_, b)| b.len() >= part_size);
        if full && (i == 0 || ids[i - 1].0 != hash) {
            parts.push((if i == 0 { 0 } else { hash }, Vec::new()));
        }
        let bytes = &mut parts.last_mut().expect("a part was started").1;
        bytes.extend_from_slice(&hash.to_le_bytes());
        bytes.extend_from_slice(&doc.to_le_bytes());
    }
    tables[PartKind::Ids as usize] = parts;

    // Dictionaries: ranges of keys, each an fst of its own.
    let terms = dictionary::open(section(Section::Terms)).ok_or(corrupt(Section::Terms))?;
    let df = |offset: u64| Postings::new(postings, offset).len();
    let mut keys: [Vec<KeyRange>; 2] = Default::default();
    for (d, (map, packed)) in [(&terms, true), (&stems, false)].into_iter().enumerate() {
        let mut entries: Vec<(Vec<u8>, u64)> = Vec::with_capacity(map.len());
        let mut stream = fst::IntoStreamer::into_stream(map);
        while let Some((key, offset)) = fst::Streamer::next(&mut stream) {
            entries.push((key.to_vec(), if packed { pack(offset, df(offset)) } else { offset }));
        }
        // A part of about `part_size` key bytes takes about that much as an fst:
        // what sharing prefixes saves, the values cost.
        let mut cuts = vec![0];
        let mut bytes = 0;
        for (i, (key, _)) in entries.iter().enumerate() {
            if bytes >= part_size {
                cuts.push(i);
                bytes = 0;
            }
            bytes += key.len();
        }
        cuts.push(entries.len());
        let mut parts = Vec::new();
        for (n, w) in cuts.windows(2).enumerate() {
            let part = &entries[w[0]..w[1]];
            let mut writer = dictionary::MapWriter::new();
            for (key, value) in part {
                writer.insert(key, *value).map_err(|_| corrupt(Section::Terms))?;
            }
            parts.push((to_u32(n), writer.finish()));
            let neighbours = [w[0].checked_sub(1).map(|i| &entries[i].0), entries.get(w[1]).map(|e| &e.0)];
            keys[d].push(KeyRange {
                count: to_u32(part.len()),
                first: part.first().map(|e| e.0.clone()).unwrap_or_default(),
                last: part.last().map(|e| e.0.clone()).unwrap_or_default(),
                prefixes: own_prefixes(part.iter().map(|e| e.0.as_slice()), neighbours),
            });
        }
        tables[PartKind::DICTIONARIES[d] as usize] = parts;
    }

    // The base: the whole index, its cut sections empty.
    let empty_map = dictionary::MapWriter::new().finish();
    let base: [Vec<u8>; SECTION_COUNT] = std::array::from_fn(|i| match Section::ALL[i] {
        Section::Postings | Section::Streams | Section::Docs => Vec::new(),
        Section::Words => strings::write::<&str>(&[]),
        Section::Terms | Section::Stems => empty_map.clone(),
        s => section(s).to_vec(),
    });
    let base = super::header::write(base);
    let build = header.checksum;

    let mut root = Vec::new();
    root.extend_from_slice(&ROOT_MAGIC);
    for v in [ROOT_FORMAT_VERSION, ANALYZER_VERSION, 0, build, to_u32(whole.len()), words.len(), to_u32(base.len())] {
        root.extend_from_slice(&v.to_le_bytes());
    }
    root.extend_from_slice(&base);
    varint::write(&mut root, entries.len() as u64);
    for e in &entries {
        varint::write(&mut root, u64::from(e.tokens));
        varint::write(&mut root, u64::from(e.title_tokens));
    }
    let mut files = Vec::new();
    for kind in PartKind::ALL {
        let parts = &tables[kind as usize];
        let table = match kind {
            PartKind::Streams => PartTable::Every { stride: stream_docs, count: to_u32(parts.len()) },
            _ => PartTable::Listed(parts.iter().map(|(first, _)| *first).collect()),
        };
        table.write(&mut root);
        for (number, (_, payload)) in parts.iter().enumerate() {
            let mut file = Vec::with_capacity(PART_HEADER_LEN + payload.len());
            file.extend_from_slice(&PART_MAGIC);
            for v in [build, kind as u32, to_u32(number), to_u32(payload.len()), crc32(&[payload])] {
                file.extend_from_slice(&v.to_le_bytes());
            }
            file.extend_from_slice(payload);
            files.push((file_name(PartId { kind, number: to_u32(number) }, build), file));
        }
    }
    for ranges in &keys {
        let mut previous = Vec::new();
        for range in ranges {
            range.write(&mut root, &mut previous);
        }
    }
    let sum = root_checksum(&root);
    root[CHECKSUM_AT..CHECKSUM_AT + 4].copy_from_slice(&sum.to_le_bytes());
    Ok(Split { root, parts: files })
}

/// The shortest prefixes of `keys` (in order) that no key of `neighbours` (the
/// keys just before and after them) starts with: every key starts with one,
/// and no key elsewhere does, since keys that share a prefix are neighbours.
/// A key that begins a neighbour is its own prefix.
fn own_prefixes<'k>(keys: impl Iterator<Item = &'k [u8]>, neighbours: [Option<&Vec<u8>>; 2]) -> Vec<Vec<u8>> {
    let shared = |a: &[u8], b: &[u8]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let mut prefixes: Vec<Vec<u8>> = Vec::new();
    for key in keys {
        let taken = neighbours.iter().flatten().map(|n| shared(key, n) + 1).max().unwrap_or(1);
        let prefix = &key[..taken.min(key.len())];
        if !prefixes.last().is_some_and(|p| key.starts_with(p)) {
            prefixes.push(prefix.to_vec());
        }
    }
    prefixes
}

/// Document `i` of a stream part's payload: the streams, and where its starts.
pub fn stream_in_part(payload: &[u8], i: u32) -> Option<(&[u8], u32)> {
    let mut r = varint::Reader::new(payload, 0);
    let count = r.read_u32()?;
    if i >= count {
        return None;
    }
    let mut at = 0u64;
    for _ in 0..i {
        at = at.checked_add(r.read()?)?;
    }
    r.read()?;
    for _ in i + 1..count {
        r.read()?;
    }
    let streams = &payload[r.position()..];
    Some((streams, u32::try_from(at).ok().filter(|&a| (a as usize) < streams.len().max(1))?))
}

/// `bytes` cut at record `starts` into parts of at least `size` bytes (the last
/// may be smaller): (first offset, bytes) per part.
fn cut_bytes(bytes: &[u8], starts: &[u64], size: usize) -> Vec<(u32, Vec<u8>)> {
    let mut cuts = vec![0usize];
    for &s in starts {
        let s = s as usize;
        if s < bytes.len() && s >= cuts[cuts.len() - 1] + size {
            cuts.push(s);
        }
    }
    cuts.push(bytes.len());
    cuts.windows(2).map(|w| (to_u32(w[0]), bytes[w[0]..w[1]].to_vec())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_in_the_last_part_starting_at_or_before_it() {
        let table = PartTable::Listed(vec![0, 10, 25]);
        let found: Vec<Option<usize>> = [0, 9, 10, 24, 25, 1000].iter().map(|&k| table.find(k)).collect();
        assert_eq!(found, [Some(0), Some(0), Some(1), Some(1), Some(2), Some(2)]);
        assert_eq!(PartTable::default().find(0), None);
        let every = PartTable::Every { stride: 4, count: 3 };
        let found: Vec<Option<usize>> = [0, 3, 4, 11, 12].iter().map(|&k| every.find(k)).collect();
        assert_eq!(found, [Some(0), Some(0), Some(1), Some(2), None]);
        assert_eq!((every.first(2), table.first(2)), (8, 25));
    }

    #[test]
    fn records_are_never_cut() {
        let bytes: Vec<u8> = (0..100).collect();
        let parts = cut_bytes(&bytes, &[0, 7, 30, 31, 64, 90], 20);
        let firsts: Vec<u32> = parts.iter().map(|p| p.0).collect();
        assert_eq!(firsts, [0, 30, 64, 90]);
        assert_eq!(parts.iter().flat_map(|p| p.1.clone()).collect::<Vec<u8>>(), bytes);
    }
}
