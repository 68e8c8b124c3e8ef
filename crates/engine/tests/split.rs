//! A split index answers as the whole index it was cut from, and refuses, by
//! name, a part that is not the one its root expects.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::{default_corpus, default_index, default_index_bytes, doc};
use fahras_core::format::split::{
    is_part_file, reseal, reseal_part, split, Layout, Split, PART_HEADER_LEN, ROOT_FILE, ROOT_FORMAT_VERSION,
};
use fahras_core::format::IndexError;
use fahras_engine::{Index, Order, QueryOptions};
use fahras_indexer::build_index;
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Query {
    q: String,
}

/// Every development query kept in the project.
fn queries() -> Vec<String> {
    let sets = [
        include_str!("../../../eval/variants.jsonl"),
        include_str!("../../../eval/clitics.jsonl"),
        include_str!("../../../eval/stems.jsonl"),
        include_str!("../../../eval/glued.jsonl"),
        include_str!("../../../eval/keyboard.jsonl"),
        include_str!("../../../eval/latin.jsonl"),
        include_str!("../../../eval/months.jsonl"),
        include_str!("data/seeds.jsonl"),
    ];
    let lines = sets.iter().flat_map(|s| s.lines()).filter(|l| !l.trim().is_empty());
    lines.map(|l| serde_json::from_str::<Query>(l).unwrap().q).collect()
}

/// Parts of 64 bytes, so that the default corpus makes many.
fn small() -> Layout {
    Layout { part_size: 64, ..Layout::default() }
}

/// A reader of a split index whose parts come from `files`, counting fetches.
struct Reader {
    index: Index,
    files: RefCell<HashMap<String, Vec<u8>>>,
    fetched: RefCell<usize>,
}

impl Reader {
    fn new(cut: &Split) -> Reader {
        Reader {
            index: Index::from_bytes(cut.root.clone()).expect("the root opens"),
            files: RefCell::new(cut.parts.iter().cloned().collect()),
            fetched: RefCell::new(0),
        }
    }

    fn answer<T>(&self, f: impl Fn(&Index) -> T) -> Result<T, IndexError> {
        self.index.with_parts(f, |names| {
            *self.fetched.borrow_mut() += names.len();
            let files = self.files.borrow();
            names.iter().map(|n| files.get(n).cloned().ok_or(format!("HTTP 404 for {n}"))).collect()
        })
    }
}

/// Everything a reader asks of an index, for one query, as JSON.
fn everything(index: &Index, q: &str) -> String {
    let page = |offset, limit| QueryOptions { offset, limit, ..QueryOptions::default() };
    let filtered = QueryOptions { filters: vec![("category".into(), vec!["أخبار".into()])], ..page(0, 10) };
    let sorted = QueryOptions { sort: Some(("date".into(), Order::Desc)), ..page(0, 10) };
    let results = index.query(q, &page(0, 10));
    let views: Vec<_> = results.hits.iter().map(|h| index.view(&h.id, Some(q))).collect();
    serde_json::to_string(&(
        &results,
        index.query(q, &page(2, 2)),
        index.query(q, &filtered),
        index.query(q, &sorted),
        views,
        index.suggest(q, 5),
        index.understand(q),
    ))
    .unwrap()
}

#[test]
fn a_split_index_answers_as_the_whole_index() {
    let whole = default_index();
    let mut queries = queries();
    // As typed, letter by letter.
    let typed: Vec<String> = queries[..6]
        .iter()
        .flat_map(|q| (1..=q.chars().count()).map(|n| q.chars().take(n).collect::<String>()))
        .collect();
    queries.extend(typed);
    queries.extend(["", "\"الخوذ البيضاء\"", "حلب -سوريا"].map(String::from));
    // Streams a document a part, and three (the last part holding fewer).
    for (size, docs) in [(64, 1), (900, 3)] {
        let cut = split(default_index_bytes(), Layout { part_size: size, stream_docs: docs }).unwrap();
        assert!(cut.parts.len() > 20, "{size}-byte parts: {} parts", cut.parts.len());
        let reader = Reader::new(&cut);
        for q in &queries {
            let got = reader.answer(|index| everything(index, q)).unwrap();
            assert_eq!(got, everything(&whole, q), "{size}-byte parts, query {q:?}");
        }
        for d in default_corpus() {
            let found = reader.answer(|index| index.find(&d.id)).unwrap();
            assert_eq!(found, whole.find(&d.id), "{}", d.id);
        }
        assert_eq!(reader.answer(|index| index.find("no such id")).unwrap(), None);
        assert_eq!(reader.index.info(), whole.info());
    }
}

/// A word with a slip is corrected, and its rewrites tried, only by runs that
/// reached no missing part, so its reads come in layers: on Sahih al-Bukhari cut
/// into 64-byte parts, «وعقوق الوالدني وكان» takes 17 runs, 16 of them fetching. However many it
/// takes, a split index answers as the whole one.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_query_takes_as_many_runs_as_its_reads_need() {
    let Some(bytes) = common::eval::shared_corpus_bytes("bukhari") else { return };
    let whole = Index::from_bytes(bytes.clone()).unwrap();
    let cut = split(&bytes, small()).unwrap();
    for q in common::eval::set("typo-bukhari") {
        let (reader, options) = (Reader::new(&cut), QueryOptions::default());
        let got = reader.answer(|index| index.query(&q.q, &options)).unwrap_or_else(|e| panic!("{}: {e}", q.q));
        assert_eq!(got, whole.query(&q.q, &options), "{}", q.q);
    }
}

#[test]
fn stream_parts_cost_the_root_nothing() {
    // A document's stream part is its number divided by the documents a part
    // holds, so a part per document grows the root no more than a part per three.
    let cut = |docs| split(default_index_bytes(), Layout { part_size: 64, stream_docs: docs }).unwrap();
    let (one, three) = (cut(1), cut(3));
    assert_eq!(one.root.len(), three.root.len());
    let streams = |cut: &Split| cut.parts.iter().filter(|(n, _)| n.starts_with("streams-")).count();
    let docs = default_corpus().len();
    assert_eq!((streams(&one), streams(&three)), (docs, docs.div_ceil(3)));
}

#[test]
fn a_query_fetches_only_the_parts_it_reads() {
    let cut = split(default_index_bytes(), small()).unwrap();
    let reader = Reader::new(&cut);
    reader.answer(|index| index.query("الخوذ البيضاء", &QueryOptions::default())).unwrap();
    let first = *reader.fetched.borrow();
    assert!(first > 0 && first < cut.parts.len() / 2, "{first} of {} parts", cut.parts.len());
    // Asked again, it has them all.
    reader.answer(|index| index.query("الخوذ البيضاء", &QueryOptions::default())).unwrap();
    assert_eq!(*reader.fetched.borrow(), first);
}

/// The parts of `cut` that answering `q` fetches, in order of name.
fn parts_read(cut: &Split, q: &str) -> Vec<String> {
    let reader = Reader::new(cut);
    let names = RefCell::new(Vec::new());
    let files: HashMap<String, Vec<u8>> = cut.parts.iter().cloned().collect();
    reader
        .index
        .with_parts(
            |index| index.search(q, 10),
            |asked| {
                names.borrow_mut().extend(asked.iter().cloned());
                asked.iter().map(|n| Ok(files[n].clone())).collect()
            },
        )
        .unwrap();
    let mut names = names.into_inner();
    names.sort();
    names
}

#[test]
fn a_part_that_is_not_the_one_named_is_refused_by_name() {
    let cut = split(default_index_bytes(), small()).unwrap();
    let (q, elsewhere) = ("الخوذ البيضاء", "رونالدو");
    let theirs = parts_read(&cut, elsewhere);
    let victim = parts_read(&cut, q).into_iter().find(|n| n.starts_with("streams-") && !theirs.contains(n));
    let victim = victim.expect("a stream part only the query reads");
    let good = cut.parts.iter().find(|(n, _)| *n == victim).unwrap().1.clone();
    // Another build: one document more, cut the same way, its part of the same name.
    let mut other_docs = default_corpus();
    other_docs.push(doc("other", "وثيقة أخرى", "نص آخر"));
    let other = split(&build_index(&other_docs), small()).unwrap();
    let (kind_number, _) = victim.rsplit_once('.').unwrap().0.rsplit_once('.').unwrap();
    let foreign = other.parts.iter().find(|(n, _)| n.starts_with(&format!("{kind_number}."))).expect("same part");
    let neighbour = cut.parts.iter().find(|(n, _)| n.starts_with("streams-") && *n != victim).unwrap().1.clone();
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x20;
    let cases: [(Option<Vec<u8>>, &str); 5] = [
        (None, "could not be read: HTTP 404"),
        (Some(good[..good.len() - 3].to_vec()), "truncated"),
        (Some(flipped), "damaged"),
        (Some(foreign.1.clone()), "another build"),
        (Some(neighbour), "another part"),
    ];
    for (bytes, reason) in cases {
        let reader = Reader::new(&cut);
        match bytes {
            Some(b) => reader.files.borrow_mut().insert(victim.clone(), b),
            None => reader.files.borrow_mut().remove(&victim),
        };
        let error = reader.answer(|index| index.search(q, 10)).unwrap_err().to_string();
        assert!(error.contains(&victim) && error.contains(reason), "{reason}: {error}");
        // The reader stays usable: a query that needs other parts works...
        let other = reader.answer(|index| index.search(elsewhere, 10)).unwrap();
        assert_eq!(other, default_index().search(elsewhere, 10));
        // ...and the failed one does once the part is right.
        reader.files.borrow_mut().insert(victim.clone(), good.clone());
        assert_eq!(reader.answer(|index| index.search(q, 10)).unwrap(), default_index().search(q, 10));
    }
}

#[test]
fn a_damaged_root_is_refused() {
    let cut = split(default_index_bytes(), small()).unwrap();
    let mut flipped = cut.root.clone();
    flipped[100] ^= 1;
    assert!(matches!(Index::from_bytes(flipped), Err(IndexError::Checksum { .. })));
    // A root of the layout before parts carried their own checksums.
    let mut older = cut.root.clone();
    older[8..12].copy_from_slice(&4u32.to_le_bytes());
    reseal(&mut older);
    let found = Index::from_bytes(older).err();
    assert_eq!(found, Some(IndexError::FormatVersion { found: 4, expected: ROOT_FORMAT_VERSION }));
    for len in [10, 40, cut.root.len() - 1] {
        assert!(Index::from_bytes(cut.root[..len].to_vec()).is_err(), "a root cut to {len} bytes");
    }
    // The file names are the ones a directory of parts is cleaned by.
    assert!(cut.parts.iter().all(|(n, _)| is_part_file(n)));
    assert!(!is_part_file(ROOT_FILE) && !is_part_file("notes-1.0badc0de.part") && !is_part_file("words-1.part"));
}

/// A generator of numbers from a seed, for edits the same on every run.
fn numbers(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n.max(1)
    }
}

#[test]
fn crafted_roots_and_parts_give_errors_or_answers_never_panics() {
    let cut = split(default_index_bytes(), small()).unwrap();
    let mut next = numbers(11);
    let queries = ["الخوذ البيضاء", "حلب", "رون", "سوريا -حلب", "\"ريف حلب\""];
    // A root edited anywhere (and resealed, as anyone can).
    let mut opened = 0;
    for _ in 0..300 {
        let mut root = cut.root.clone();
        for _ in 0..1 + next(3) {
            let at = next(root.len());
            root[at] = next(256) as u8;
        }
        reseal(&mut root);
        let Ok(index) = Index::from_bytes(root) else { continue };
        opened += 1;
        let files: HashMap<String, Vec<u8>> = cut.parts.iter().cloned().collect();
        for q in queries {
            let fetch = |names: &[String]| names.iter().map(|n| files.get(n).cloned().ok_or(n.clone())).collect();
            let _ =
                index.with_parts(|index| (index.query(q, &QueryOptions::default()), index.view("x", Some(q))), fetch);
        }
    }
    assert!(opened > 30, "edits that still open, so reach the queries: {opened} of 300");
    // A part whose payload is edited, its length and checksum made to match.
    let mut answered = 0;
    for _ in 0..300 {
        let (name, bytes) = &cut.parts[next(cut.parts.len())];
        let mut bytes = bytes.clone();
        for _ in 0..1 + next(4) {
            let at = PART_HEADER_LEN + next(bytes.len() - PART_HEADER_LEN);
            bytes[at] = next(256) as u8;
        }
        reseal_part(&mut bytes);
        let index = Index::from_bytes(cut.root.clone()).unwrap();
        let mut files: HashMap<String, Vec<u8>> = cut.parts.iter().cloned().collect();
        files.insert(name.clone(), bytes);
        for q in queries {
            let fetch = |names: &[String]| names.iter().map(|n| Ok(files[n].clone())).collect();
            let found =
                index.with_parts(|index| (index.query(q, &QueryOptions::default()), index.view("000", Some(q))), fetch);
            answered += usize::from(found.is_ok());
        }
    }
    assert!(answered > 1000, "crafted parts that pass the checks, so are read: {answered} of 1500 queries");
}

#[test]
fn a_word_the_index_has_fetches_nothing_for_the_walks_of_unknown_words() {
    // Until its own parts are there, a word looks unknown: typo corrections,
    // completions under other clitics and the fallback rewrites would walk the
    // term dictionary for it. They wait for the run that knows.
    let cut = split(default_index_bytes(), small()).unwrap();
    let terms = |q: &str| parts_read(&cut, q).iter().filter(|n| n.starts_with("terms-")).count();
    let known = terms("مدينة ");
    assert!((1..=10).contains(&known), "{known} term parts for a word the index has");
    // A word it lacks still gets them: its corrections are found.
    assert!(terms("ندينة ") > known);
}
