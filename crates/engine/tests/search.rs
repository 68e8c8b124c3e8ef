//! End-to-end search on the default corpus (corpus/): the hand-written
//! queries of tests/data/seeds.jsonl, then each query feature on its own.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::{default_index as index, default_index_bytes, doc};
use fahras_engine::{Hit, Index};
use fahras_indexer::build_index;
use serde::Deserialize;

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| &h.id[..3]).collect()
}

fn first(q: &str) -> String {
    index().search(q, 10).first().map(|h| h.id[..3].to_owned()).unwrap_or_default()
}

#[derive(Deserialize)]
struct Seed {
    q: String,
    relevant: Vec<String>,
    #[serde(default)]
    must_not: Vec<String>,
    kind: String,
}

#[test]
fn every_seed_query_puts_a_relevant_document_first() {
    let text = include_str!("data/seeds.jsonl");
    let seeds: Vec<Seed> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(seeds.len(), 30);
    let index = index();
    let mut rr = 0.0;
    for s in &seeds {
        let hits = index.search(&s.q, 10);
        let got = ids(&hits);
        if s.relevant.is_empty() {
            assert!(hits.is_empty(), "[{}] {:?} should find nothing, got {got:?}", s.kind, s.q);
            rr += 1.0;
            continue;
        }
        assert!(
            got.first().is_some_and(|id| s.relevant.iter().any(|r| r == id)),
            "[{}] {:?}: first hit {got:?}, want one of {:?}",
            s.kind,
            s.q,
            s.relevant
        );
        for banned in &s.must_not {
            assert!(!got.contains(&banned.as_str()), "[{}] {:?} must not return {banned}: {got:?}", s.kind, s.q);
        }
        rr += 1.0 / (1 + got.iter().position(|id| s.relevant.iter().any(|r| r == id)).unwrap()) as f64;
    }
    let mrr = rr / seeds.len() as f64;
    assert!(mrr >= 0.95, "MRR@10 {mrr:.3}");
}

#[test]
fn exact_spelling_outranks_stem_and_variant_matches() {
    // 000, 002 and 003 have «الحرب» itself; 001 has «حرب» and 004 «الحربية», which
    // only share its stem.
    let hits = index().search("الحرب ", 10);
    let mut head = ids(&hits)[..3].to_vec();
    head.sort();
    assert_eq!(head, ["000", "002", "003"], "{:?}", ids(&hits));
    assert_eq!(hits.len(), 5);
}

#[test]
fn the_last_word_is_a_prefix_while_typing() {
    assert_eq!(first("رياض حج"), "003");
    assert!(index().search("رياض حج ", 10).first().is_none_or(|h| h.id.starts_with("003")));
    assert_eq!(first("كريستيا"), "000");
}

#[test]
fn typos_are_tolerated_but_never_beat_exact_words() {
    assert_eq!(first("كريستيانو رونالدوو "), "000");
    assert_eq!(first("جى كى رولنغ"), "000");
    // Short words get no typo tolerance: too many real neighbours.
    assert!(index().search("قطز ", 10).is_empty());
}

#[test]
fn phrases_require_consecutive_words() {
    let phrase = index().search("\"ريف حلب\"", 10);
    assert_eq!(ids(&phrase), ["004"]);
    let loose = index().search("ريف حلب ", 10);
    assert!(loose.len() > phrase.len());
    assert!(index().search("\"حلب ريف\"", 10).is_empty(), "order matters in a phrase");
}

#[test]
fn a_phrase_is_found_wherever_it_stands_and_never_across_the_title() {
    let docs = [
        doc("start", "عنوان أول", "ريف حلب في أول النص ثم كلام آخر"),
        doc("end", "عنوان ثان", "كلام كثير قبل أن نصل إلى ريف حلب"),
        doc("title", "أخبار ريف حلب", "نص لا يذكرها"),
        doc("across", "أخبار ريف", "حلب في أول النص"),
        doc("twice", "عنوان", "قال قال الراوي ثم ريف بعيد وحلب"),
        doc("both", "عنوان", "سوق المدينة مزدحم وفي ريف حلب مطر"),
    ];
    let index = Index::from_bytes(build_index(&docs)).unwrap();
    let found = |q: &str| {
        let mut ids: Vec<String> = index.search(q, 10).into_iter().map(|h| h.id).collect();
        ids.sort();
        ids
    };
    assert_eq!(found("\"ريف حلب\""), ["both", "end", "start", "title"]);
    // A repeated word, and two phrases that must both stand.
    assert_eq!(found("\"قال قال\""), ["twice"]);
    assert_eq!(found("\"سوق المدينة\" \"ريف حلب\""), ["both"]);
    assert!(found("\"قال قال\" \"ريف حلب\"").is_empty());
}

#[test]
fn minus_excludes_documents() {
    let with = index().search("حلب ", 10);
    let without = index().search("حلب -ادلب", 10);
    assert!(without.len() < with.len());
    for h in &without {
        assert!(!["001", "004"].contains(&&h.id[..3]), "{} mentions إدلب", h.id);
    }
}

#[test]
fn snippets_show_the_original_text_and_mark_whole_words() {
    let hits = index().search("بشار الاسد", 1);
    let segments = &hits[0].snippet;
    let marked: Vec<&str> = segments.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect();
    assert!(marked.contains(&"بشار") && marked.contains(&"الأسد"), "{marked:?}");
    // The original spelling (hamza) is shown, not the folded one.
    assert!(!marked.contains(&"الاسد"));
    let index = fahras_engine::Index::from_bytes(fahras_indexer::build_index(&[fahras_indexer::Document {
        id: "q".into(),
        title: "الفاتحة".into(),
        url: None,
        text: "ٱلۡحَمۡدُ لِلَّهِ رَبِّ ٱلۡعَٰلَمِينَ".into(),
        ..Default::default()
    }]))
    .unwrap();
    let hit = &index.search("رب العالمين", 1)[0];
    let marked: Vec<&str> = hit.snippet.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect();
    assert_eq!(marked, ["رَبِّ", "ٱلۡعَٰلَمِينَ"], "highlights keep their diacritics");
}

#[test]
fn title_matches_count_more() {
    // «دولي» is in the title of 003 and in the texts of 001 to 004: without the
    // boost, 002 comes first.
    assert_eq!(first("دولي "), "003");
}

#[test]
fn suggestions_complete_the_last_word_as_written() {
    let s = index().suggest("المرصد السو", 5);
    assert_eq!(s.first().map(String::as_str), Some("المرصد السوري"));
    assert!(s.iter().all(|x| x.starts_with("المرصد ")));
    // Corrections when nothing starts with the word; shown with hamza and ة as written.
    let fixed = index().suggest("الدوله الاسلاميي", 3);
    assert!(fixed.iter().any(|x| x == "الدوله الإسلامية"), "{fixed:?}");
    assert!(index().suggest("", 5).is_empty());
}

#[test]
fn info_describes_the_index() {
    let info = index().info();
    assert_eq!(info.documents, 5);
    assert!(info.terms > 1000 && info.stems > 500, "{info:?}");
    assert_eq!(info.index_bytes, default_index_bytes().len() as u64);
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_compiled_in_default_corpus_is_the_directory() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    assert_eq!(fahras_indexer::read_corpus(&dir).expect("corpus/ reads"), common::default_corpus());
}
