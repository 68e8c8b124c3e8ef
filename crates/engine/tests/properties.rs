//! Properties that must hold for any input, checked with generated cases.
//!
//! Case counts are kept small so `cargo test` stays quick; the fuzz targets in
//! `fuzz/` explore the same ground for as long as one cares to run them.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::{check_snippet, default_corpus, default_index, doc};
use fahras_core::analysis::normalize;
use fahras_engine::{analyze, parse, Index};
use fahras_indexer::build_index;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Pieces that the analyzer and the query parser treat specially, so that
/// generated text hits those paths far more often than uniform Unicode would.
const PIECES: &[&str] = &[
    "كتاب",
    "ٱلْكِتَٰبِ",
    "بِسْمِ",
    "ٱلرَّحْمَٰنِ",
    "إِبۡرَٰهِـۧمَ",
    "ٱلصَّلَوٰةَ",
    "مـــكـــتـــبـــة",
    "وبالكتاب",
    "مسؤول",
    "مسئول",
    "ي\u{654}",
    "و\u{654}",
    "\u{654}",
    "\u{670}",
    "\u{6E6}",
    "\u{64E}\u{651}",
    "ـ",
    "ﻻ",
    "ﷺ",
    "ﺑ",
    "٣,٧٥٠",
    "١٬٠٠٠",
    "3.5",
    "۱۲",
    ".",
    ",",
    "'",
    "٫",
    "،",
    "؟",
    "«",
    "»",
    "…",
    "\"",
    "-",
    "--",
    "- ",
    " -",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u{0}",
    "\u{1b}",
    "\u{7f}",
    "\u{200c}",
    "\u{200d}",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "\u{ad}",
    "\u{fe0f}",
    "İ",
    "ß",
    "ﬁ",
    "Ǆ",
    "STRASSE",
    "search",
    "検索",
    "חיפוש",
    "खोज",
    "👍🏽",
    "🇸🇾",
    "<b>",
    "&amp;",
];

fn pieces(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

/// Uniform Unicode and the special pieces, half and half.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), pieces(24)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn normalize_is_idempotent(s in any_text()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once);
    }

    /// Spans are what highlighting and the JS `analyze` offsets rely on.
    #[test]
    fn analyzed_words_are_ordered_slices_of_the_input(s in any_text()) {
        let mut prev = 0..0;
        for t in analyze(&s) {
            // Words never go backwards. They may overlap: a ligature of several words
            // (ﷺ) yields each of them over its one span, and the first of them joins
            // a word written against it (كتابﷺ).
            prop_assert!(t.start < t.end && t.start >= prev.start && t.end >= prev.end, "{:?} after {:?}", t, prev);
            prop_assert_eq!(s.get(t.start..t.end), Some(t.text.as_str()));
            prop_assert!(!t.term.is_empty());
            // Words are cut at MAX_TERM_CHARS; the last letter let in may lowercase to three.
            prop_assert!(t.term.chars().count() <= fahras_core::analysis::MAX_TERM_CHARS + 2, "{:?}", t);
            prev = t.start..t.end;
        }
    }

    #[test]
    fn parsed_queries_respect_their_caps(s in any_text()) {
        let q = parse(&s);
        prop_assert!(q.words.len() <= fahras_engine::MAX_WORDS);
        for p in &q.phrases {
            prop_assert!(p.iter().all(|&w| w < q.words.len()));
        }
        for w in &q.words {
            prop_assert!(s.get(w.token.start..w.token.end).is_some(), "{w:?} is not a span of {s:?}");
        }
    }
}

proptest! {
    // Each case searches the embedded index three ways: a few dozen are plenty here.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_query_answers_without_panicking(s in any_text()) {
        let index = default_index();
        for hit in index.search(&s, 10) {
            prop_assert!(!hit.id.is_empty());
            prop_assert!(hit.score.is_finite(), "{hit:?}");
        }
        prop_assert!(index.suggest(&s, 10).len() <= 10);
        analyze(&s);
    }

    /// Snippets of generated documents for generated queries: whatever is shown
    /// comes from the document, and only whole words are highlighted.
    #[test]
    fn snippets_are_faithful_pieces_of_the_text(
        texts in prop::collection::vec(pieces(60), 1..4),
        query in pieces(8),
    ) {
        let docs: Vec<_> = texts.iter().enumerate().map(|(i, t)| doc(&format!("d{i}"), "", t)).collect();
        let index = Index::from_bytes(build_index(&docs)).expect("a freshly built index opens");
        for hit in index.search(&query, docs.len()) {
            let d = docs.iter().find(|d| d.id == hit.id).expect("hits name indexed documents");
            // Search shows the title when there is no text; these have none.
            let source = if d.text.is_empty() { &d.title } else { &d.text };
            check_snippet(source, &hit).map_err(TestCaseError::fail)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// The stored text is kept as word and gap ids: put back together, titles and
    /// texts are the documents' own, byte for byte, whatever they hold.
    #[test]
    fn stored_text_round_trips(texts in prop::collection::vec((any_text(), pieces(60)), 1..4)) {
        let docs: Vec<_> = texts.iter().enumerate().map(|(i, (title, text))| doc(&format!("d{i}"), title, text)).collect();
        let index = Index::from_bytes(build_index(&docs)).expect("a freshly built index opens");
        for (n, d) in docs.iter().enumerate() {
            let stored = index.document(n as u32).expect("every document is stored");
            prop_assert_eq!(stored.id, d.id.as_str());
            prop_assert_eq!(&stored.title, &d.title);
            prop_assert_eq!(&stored.text, &d.text);
            prop_assert_eq!(stored.url, d.url.as_deref());
        }
    }
}

/// The default corpus comes back from the embedded index exactly as written.
#[test]
fn embedded_documents_come_back_byte_for_byte() {
    let index = default_index();
    for (n, d) in default_corpus().iter().enumerate() {
        let stored = index.document(n as u32).expect("every document is stored");
        assert_eq!(
            (stored.id, stored.title.as_str(), stored.text.as_str()),
            (d.id.as_str(), d.title.as_str(), d.text.as_str())
        );
    }
}

/// Nothing lost: every word of every document of the default corpus, searched
/// as written (a trailing space, so it is a whole word and not a prefix), finds
/// its document, and each snippet on the way is faithful to its text.
#[test]
fn every_indexed_word_finds_its_document() {
    let index = default_index();
    let docs = default_corpus();
    assert_eq!(docs.len() as u32, index.info().documents, "the embedded index is built from corpus/");
    // Each written word once, with every document it occurs in: one search per word.
    let mut words: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (n, d) in docs.iter().enumerate() {
        for text in [&d.title, &d.text] {
            for t in fahras_core::analysis::tokens(text) {
                words.entry(&text[t.start..t.end]).or_default().insert(n);
            }
        }
    }
    assert!(words.len() > 500, "the corpus should give hundreds of words, got {}", words.len());
    let mut lost = Vec::new();
    for (word, owners) in &words {
        let hits = index.search(&format!("{word} "), docs.len());
        for &n in owners {
            match hits.iter().find(|h| h.id == docs[n].id) {
                Some(hit) => {
                    if let Err(e) = check_snippet(&docs[n].text, hit) {
                        panic!("query {word:?}: {e}");
                    }
                }
                None => lost.push(format!("{word:?} in {}", docs[n].id)),
            }
        }
    }
    assert!(lost.is_empty(), "{} words do not find their document: {:?}", lost.len(), &lost[..lost.len().min(20)]);
}

/// Regression, found by `snippets_are_faithful_pieces_of_the_text`: ﷺ (U+FDFA)
/// is four words over one span, and the snippet used to show that span once per
/// matching word ("ﷺﷺﷺﷺ").
#[test]
fn a_multiword_ligature_is_shown_once_in_a_snippet() {
    let text = "قال النبي محمد ﷺ في الحديث";
    let index = Index::from_bytes(build_index(&[doc("h", "حديث", text)])).expect("opens");
    let hits = index.search("صلى الله عليه وسلم ", 1);
    assert_eq!(hits.len(), 1, "ﷺ is these four words");
    let shown: String = hits[0].snippet.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(shown.matches('ﷺ').count(), 1, "{:?}", hits[0].snippet);
    check_snippet(text, &hits[0]).unwrap();
}

/// Regression, found by `normalize_is_idempotent`: lowercasing İ (U+0130) gives
/// i + U+0307, which a second pass dropped, so "İstanbul" and the decomposed
/// "I\u{307}stanbul" were two spellings that never met.
#[test]
fn normalize_of_dotted_capital_i_is_idempotent() {
    let once = normalize("İstanbul");
    assert_eq!(normalize(&once), once);
    assert_eq!(normalize("İstanbul"), normalize("I\u{307}stanbul"));
}
