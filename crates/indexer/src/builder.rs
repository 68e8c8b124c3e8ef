//! Documents to index bytes (layout in [`fahras_core::format`]).
//!
//! Two passes: the first analyzes every document, filling the inverted lists and
//! numbering written words and gaps in order of appearance; the second, once every
//! word's frequency and stem are known, gives words their final ids (frequency
//! band, then stem) and writes each document's stream with them. Each section is
//! written by its own module of the format, the one that also reads it.

use crate::document::Document;
use fahras_core::analysis::{stem, tokens, Token};
use fahras_core::format::fields::{FieldsWriter, Kind, Value};
use fahras_core::format::postings::{band_of, write_stem_record, Posting, StemWords};
use fahras_core::format::streams::{self, Run};
use fahras_core::format::{dictionary, documents, header, strings, to_u32};
use std::collections::{BTreeMap, HashMap};

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
        let next = to_u32(self.keys.len());
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
            new[self.ids[*k] as usize] = to_u32(i);
        }
        new
    }
}

/// What the first pass gathers.
#[derive(Default)]
struct Collected {
    /// Per normalized spelling, the documents it occurs in.
    terms: BTreeMap<String, Vec<Posting>>,
    words: Interner<Word>,
    gaps: Interner<String>,
    /// Per document, its title and text with first-appearance ids.
    runs: Vec<(Run, Run)>,
    total_tokens: u64,
}

impl Collected {
    fn post(&mut self, doc: u32, token: &Token, title: bool) {
        let forms: Vec<&str> = token.forms().collect();
        for (i, form) in forms.iter().enumerate() {
            if forms[..i].contains(form) {
                continue;
            }
            let list = self.terms.entry((*form).to_owned()).or_default();
            match list.last_mut() {
                Some(p) if p.doc == doc => {
                    p.tf += 1;
                    p.title |= title;
                }
                _ => list.push(Posting { doc, tf: 1, title }),
            }
        }
    }

    /// Analyzes `text`, splitting it into gaps and shown words that put back
    /// together give the text byte for byte.
    fn run(&mut self, doc: u32, text: &str, title: bool) -> Run {
        let mut run = Run::default();
        let mut at = 0;
        for t in tokens(text) {
            // Words of one ligature share its span: the first shows it, the rest nothing.
            let gap = text.get(at..t.start).unwrap_or("");
            let shown = text.get(at.max(t.start)..t.end).unwrap_or("");
            at = at.max(t.end);
            self.post(doc, &t, title);
            run.gaps.push(self.gaps.id(gap.to_owned()));
            run.words.push(self.words.id(Word { shown: shown.to_owned(), term: t.term, alt: t.alt }));
        }
        run.tail = self.gaps.id(text[at..].to_owned());
        run
    }

    fn add(&mut self, doc: u32, d: &Document) {
        let title = self.run(doc, &d.title, true);
        let text = self.run(doc, &d.text, false);
        self.total_tokens += (title.words.len() + text.words.len()) as u64;
        self.runs.push((title, text));
    }
}

/// Builds the index of `docs`, in the order given.
pub fn build_index(docs: &[Document]) -> Vec<u8> {
    let mut c = Collected::default();
    for (n, doc) in docs.iter().enumerate() {
        c.add(to_u32(n), doc);
    }
    let words = order_words(&c.words);
    let word_ids = c.words.renumber(&words);
    let gaps = c.gaps.ranked(|a, b| a.cmp(b));
    let gap_ids = c.gaps.renumber(&gaps);

    let mut doc_table = Vec::with_capacity(docs.len() * documents::ENTRY_LEN);
    let mut stream_bytes = Vec::new();
    let renumber = |run: &Run| Run {
        words: run.words.iter().map(|&w| word_ids[w as usize]).collect(),
        gaps: run.gaps.iter().map(|&g| gap_ids[g as usize]).collect(),
        tail: gap_ids[run.tail as usize],
    };
    for (doc, (title, text)) in docs.iter().zip(&c.runs) {
        let entry = documents::DocEntry {
            stream: to_u32(stream_bytes.len()),
            tokens: to_u32(title.words.len() + text.words.len()),
            title_tokens: to_u32(title.words.len()),
        };
        entry.write(&mut doc_table);
        streams::write(&mut stream_bytes, &doc.id, doc.url.as_deref().unwrap_or(""), &renumber(title), &renumber(text));
    }

    let (terms, stems, postings) = write_postings(&c.terms, &words);
    let words = strings::write(&words.iter().map(|w| w.shown.as_str()).collect::<Vec<_>>());
    let gaps = strings::write(&gaps);
    let stats = documents::write_stats(c.total_tokens);
    let fields = write_fields(docs);
    header::write([terms, stems, postings, words, gaps, doc_table, stream_bytes, stats, fields])
}

/// The term dictionary, the stem dictionary and the postings they point into.
/// A stem is what its spellings share, and its documents are theirs: each
/// spelling's list is written inside the record of its stem.
fn write_postings(terms: &BTreeMap<String, Vec<Posting>>, words: &[&Word]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut spellings: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for term in terms.keys() {
        spellings.entry(stem(term).to_owned()).or_default().push(term);
    }
    let mut postings = Vec::new();
    let mut term_offsets: HashMap<&String, u64> = HashMap::new();
    let mut stem_words = stem_words(words);
    let stems = dictionary::write(&spellings, |key, own| {
        let at = postings.len() as u64;
        let mut docs: Vec<u32> = own.iter().flat_map(|t| terms[*t].iter().map(|p| p.doc)).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut words = stem_words.remove(key.as_str()).unwrap_or_default();
        words.df = docs.len() as u64;
        let offsets = write_stem_record(&mut postings, &words, own.iter().map(|t| terms[*t].as_slice()));
        term_offsets.extend(own.iter().copied().zip(offsets));
        at
    });
    let terms = dictionary::write(terms, |key, _| term_offsets[key]);
    (terms, stems, postings)
}

/// Words in final id order: bands by frequency (see [`fahras_core::format::postings::WORD_BANDS`]),
/// then inside each band by stem, so that a stem's words are one run of ids per band.
fn order_words(words: &Interner<Word>) -> Vec<&Word> {
    let mut ordered = words.ranked(|a, b| (&a.term, &a.alt, &a.shown).cmp(&(&b.term, &b.alt, &b.shown)));
    let mut start = 0;
    for end in fahras_core::format::postings::WORD_BANDS.iter().map(|&e| e as usize).chain([usize::MAX]) {
        let end = end.min(ordered.len());
        ordered[start..end].sort_by(|a, b| {
            (stem(&a.term), &a.term, &a.alt, &a.shown).cmp(&(stem(&b.term), &b.term, &b.alt, &b.shown))
        });
        start = end;
    }
    ordered
}

/// Per stem: its words' id run in each band, and the ids of words whose second
/// spelling alone has this stem (its document count is filled in later).
fn stem_words<'a>(words: &[&'a Word]) -> HashMap<&'a str, StemWords> {
    let mut out: HashMap<&str, StemWords> = HashMap::new();
    for (id, w) in words.iter().enumerate() {
        let id = to_u32(id);
        let band = &mut out.entry(stem(&w.term)).or_default().bands[band_of(id)];
        if band.0 == 0 {
            band.1 = id;
        }
        band.0 += 1;
        if let Some(alt) = w.alt.as_deref().map(stem).filter(|&s| s != stem(&w.term)) {
            out.entry(alt).or_default().extras.push(id);
        }
    }
    out
}

fn write_fields(docs: &[Document]) -> Vec<u8> {
    let mut fields = FieldsWriter::default();
    for (n, d) in docs.iter().enumerate() {
        let n = to_u32(n);
        for (key, value) in &d.meta {
            fields.set(n, Kind::Meta, key, value.clone());
        }
        for (kind, value) in [(Kind::Lang, &d.lang), (Kind::Dir, &d.dir)] {
            if let Some(v) = value {
                fields.set(n, kind, "", Value::Text(v.clone()));
            }
        }
    }
    fields.write(to_u32(docs.len()))
}
