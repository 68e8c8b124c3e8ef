//! Documents to index bytes (layout in [`crate::format`]).
//!
//! Two passes: the first analyzes every document, filling the inverted lists and
//! numbering written words and gaps in order of appearance; the second, once every
//! word's frequency and stem are known, gives words their final ids (frequency
//! band, then stem) and writes each document's stream with them.

use super::corpus::Document;
use crate::analysis::{stem, tokens, Token, ANALYZER_VERSION};
use crate::format::{
    self, strings, varint, Section, BAND_COUNT, DOC_ENTRY_LEN, FORMAT_VERSION, HEADER_LEN, MAGIC, WORD_BANDS,
};
use std::collections::{BTreeMap, HashMap};

/// A document in which a word occurs: how often, and whether in the title.
struct Posting {
    doc: u32,
    tf: u32,
    title: bool,
}

/// A written word as stored: the text shown for it and how it analyzes. The text
/// alone is not enough: the words a ligature (ﷺ) expands to show as the ligature
/// once and then as nothing.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Word {
    shown: String,
    term: String,
    alt: Option<String>,
}

/// Strings numbered in order of first appearance, with how often each occurs.
struct Interner<K> {
    ids: HashMap<K, u32>,
    keys: Vec<(K, u64)>,
}

impl<K> Default for Interner<K> {
    fn default() -> Self {
        Interner { ids: HashMap::new(), keys: Vec::new() }
    }
}

impl<K: Clone + Eq + std::hash::Hash> Interner<K> {
    fn id(&mut self, key: K) -> u32 {
        let next = self.keys.len() as u32;
        let id = *self.ids.entry(key.clone()).or_insert(next);
        if id == next {
            self.keys.push((key, 0));
        }
        self.keys[id as usize].1 += 1;
        id
    }

    /// The keys, commonest first (ties by `order`).
    fn ranked(&self, order: impl Fn(&K, &K) -> std::cmp::Ordering) -> Vec<&K> {
        let mut keys: Vec<&(K, u64)> = self.keys.iter().collect();
        keys.sort_by(|(ka, na), (kb, nb)| nb.cmp(na).then_with(|| order(ka, kb)));
        keys.into_iter().map(|(k, _)| k).collect()
    }

    /// For each first-appearance id, its place in `order` (which holds every key once).
    fn renumber(&self, order: &[&K]) -> Vec<u32> {
        let mut new = vec![0; self.keys.len()];
        for (i, k) in order.iter().enumerate() {
            new[self.ids[*k] as usize] = i as u32;
        }
        new
    }
}

/// One run of text (a title or a body): per word its gap and word ids, then the
/// trailing gap.
struct Run {
    words: Vec<(u32, u32)>,
    tail: u32,
}

#[derive(Default)]
struct Builder {
    terms: BTreeMap<String, Vec<Posting>>,
    words: Interner<Word>,
    gaps: Interner<String>,
}

impl Builder {
    fn post(list: &mut Vec<Posting>, doc: u32, title: bool) {
        match list.last_mut() {
            Some(p) if p.doc == doc => {
                p.tf += 1;
                p.title |= title;
            }
            _ => list.push(Posting { doc, tf: 1, title }),
        }
    }

    fn add(&mut self, doc: u32, token: &Token, title: bool) {
        let forms: Vec<&str> = token.forms().collect();
        for (i, form) in forms.iter().enumerate() {
            if !forms[..i].contains(form) {
                Builder::post(self.terms.entry((*form).to_owned()).or_default(), doc, title);
            }
        }
    }

    /// Analyzes `text`, splitting it into gaps and shown words that put back
    /// together give the text byte for byte.
    fn run(&mut self, doc: u32, text: &str, title: bool) -> Run {
        let mut words = Vec::new();
        let mut at = 0;
        for t in tokens(text) {
            // Words of one ligature share its span: the first shows it, the rest nothing.
            let gap = text.get(at..t.start).unwrap_or("");
            let shown = text.get(at.max(t.start)..t.end).unwrap_or("");
            at = at.max(t.end);
            self.add(doc, &t, title);
            let gap = self.gaps.id(gap.to_owned());
            let word = self.words.id(Word { shown: shown.to_owned(), term: t.term, alt: t.alt });
            words.push((gap, word));
        }
        Run { words, tail: self.gaps.id(text[at..].to_owned()) }
    }
}

/// Builds the index of `docs`, in the order given.
pub fn build_index(docs: &[Document]) -> Vec<u8> {
    let mut b = Builder::default();
    let mut runs = Vec::with_capacity(docs.len());
    let mut total_tokens = 0u64;
    for (n, doc) in docs.iter().enumerate() {
        let n = u32::try_from(n).expect("more than 4 billion documents");
        let title = b.run(n, &doc.title, true);
        let text = b.run(n, &doc.text, false);
        total_tokens += (title.words.len() + text.words.len()) as u64;
        runs.push((title, text));
    }

    let words = order_words(&b.words);
    let word_ids = b.words.renumber(&words);
    let gaps = b.gaps.ranked(|a, b| a.cmp(b));
    let gap_ids = b.gaps.renumber(&gaps);
    let mut doc_table = Vec::with_capacity(docs.len() * DOC_ENTRY_LEN);
    let mut streams = Vec::new();
    for (doc, (title, text)) in docs.iter().zip(&runs) {
        let count = offset(title.words.len() + text.words.len());
        for v in [offset(streams.len()), count, offset(title.words.len())] {
            doc_table.extend_from_slice(&v.to_le_bytes());
        }
        for field in [&doc.id, doc.url.as_deref().unwrap_or("")] {
            varint::write(&mut streams, field.len() as u64);
            streams.extend_from_slice(field.as_bytes());
        }
        for run in [title, text] {
            for &(gap, word) in &run.words {
                let (gap, word) = (gap_ids[gap as usize], word_ids[word as usize]);
                varint::write(&mut streams, u64::from(word) << 1 | u64::from(gap != 0));
                if gap != 0 {
                    varint::write(&mut streams, u64::from(gap));
                }
            }
            varint::write(&mut streams, u64::from(gap_ids[run.tail as usize]));
        }
    }

    // A stem is what its spellings share, and its documents are theirs: each
    // spelling's list is written inside the record of its stem.
    let mut spellings: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for term in b.terms.keys() {
        spellings.entry(stem(term).to_owned()).or_default().push(term);
    }
    let mut postings = Vec::new();
    let mut term_offsets: HashMap<&String, u64> = HashMap::new();
    let ranges = stem_ranges(&words);
    let stems = map(&spellings, |key, own| {
        let at = postings.len() as u64;
        let mut docs: Vec<u32> = own.iter().flat_map(|t| b.terms[*t].iter().map(|p| p.doc)).collect();
        docs.sort_unstable();
        docs.dedup();
        varint::write(&mut postings, docs.len() as u64);
        let (bands, extras) = ranges.get(key.as_str()).cloned().unwrap_or_default();
        for (count, first) in bands {
            varint::write(&mut postings, u64::from(count));
            if count > 0 {
                varint::write(&mut postings, u64::from(first));
            }
        }
        varint::write(&mut postings, extras.len() as u64);
        let mut prev = 0;
        for id in extras {
            varint::write(&mut postings, u64::from(id - prev));
            prev = id;
        }
        varint::write(&mut postings, own.len() as u64);
        for term in own {
            term_offsets.insert(term, postings.len() as u64);
            write_list(&mut postings, &b.terms[*term]);
        }
        at
    });
    let terms = map(&b.terms, |key, _| term_offsets[key]);
    let words = strings::write(&words.iter().map(|w| w.shown.as_str()).collect::<Vec<_>>());
    let gaps = strings::write(&gaps.iter().map(|g| g.as_str()).collect::<Vec<_>>());
    let stats = total_tokens.to_le_bytes().to_vec();
    assemble([terms, stems, postings, words, gaps, doc_table, streams, stats])
}

/// Words in final id order: bands by frequency (see [`WORD_BANDS`]), then inside
/// each band by stem, so that a stem's words are one run of ids per band.
fn order_words(words: &Interner<Word>) -> Vec<&Word> {
    let mut ordered = words.ranked(|a, b| (&a.term, &a.alt, &a.shown).cmp(&(&b.term, &b.alt, &b.shown)));
    let mut start = 0;
    for end in WORD_BANDS.iter().map(|&e| e as usize).chain([usize::MAX]) {
        let end = end.min(ordered.len());
        ordered[start..end].sort_by(|a, b| {
            (stem(&a.term), &a.term, &a.alt, &a.shown).cmp(&(stem(&b.term), &b.term, &b.alt, &b.shown))
        });
        start = end;
    }
    ordered
}

/// Per stem: its words' id run in each band `(count, first id)`, and the ids of
/// words whose second spelling alone has this stem.
fn stem_ranges<'a>(words: &[&'a Word]) -> HashMap<&'a str, ([(u32, u32); BAND_COUNT], Vec<u32>)> {
    let mut out: HashMap<&str, ([(u32, u32); BAND_COUNT], Vec<u32>)> = HashMap::new();
    for (id, w) in words.iter().enumerate() {
        let id = id as u32;
        let band = WORD_BANDS.iter().take_while(|&&end| id >= end).count();
        let (bands, _) = out.entry(stem(&w.term)).or_default();
        if bands[band].0 == 0 {
            bands[band].1 = id;
        }
        bands[band].0 += 1;
        if let Some(alt) = w.alt.as_deref().map(stem).filter(|&s| s != stem(&w.term)) {
            out.entry(alt).or_default().1.push(id);
        }
    }
    out
}

/// Appends a document list.
fn write_list(out: &mut Vec<u8>, list: &[Posting]) {
    varint::write(out, list.len() as u64);
    let mut prev = 0;
    for p in list {
        let flags = u64::from(p.title) << 1 | u64::from(p.tf == 1);
        varint::write(out, u64::from(p.doc - prev) << 2 | flags);
        if p.tf != 1 {
            varint::write(out, u64::from(p.tf));
        }
        prev = p.doc;
    }
}

/// An fst map from each key of `lists` to the offset `write` returns for it.
fn map<T>(lists: &BTreeMap<String, T>, mut write: impl FnMut(&String, &T) -> u64) -> Vec<u8> {
    let mut builder = fst::MapBuilder::memory();
    for (key, list) in lists {
        // Keys come sorted and unique from the BTreeMap, which is all insert needs.
        builder.insert(key, write(key, list)).expect("sorted unique keys");
    }
    builder.into_inner().expect("in-memory fst")
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("index larger than 4 GiB")
}

fn assemble(sections: [Vec<u8>; format::SECTION_COUNT]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + sections.iter().map(Vec::len).sum::<usize>());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&ANALYZER_VERSION.to_le_bytes());
    out.extend_from_slice(&[0; 8]); // checksum, reserved
    let mut at = HEADER_LEN;
    for s in &sections {
        out.extend_from_slice(&offset(at).to_le_bytes());
        out.extend_from_slice(&offset(s.len()).to_le_bytes());
        at += s.len();
    }
    debug_assert_eq!(out.len(), HEADER_LEN);
    debug_assert_eq!(Section::ALL.len(), sections.len());
    for s in &sections {
        out.extend_from_slice(s);
    }
    let crc = format::checksum(&out);
    out[format::CHECKSUM_AT..format::CHECKSUM_AT + 4].copy_from_slice(&crc.to_le_bytes());
    out
}
