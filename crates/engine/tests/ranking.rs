//! Each documented ranking step on documents where that step alone decides the
//! order: without it the documents would tie (and ties go to the earlier
//! document, which is always the one that should lose here) or go the other way.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::doc;
use fahras_engine::Index;
use fahras_indexer::{build_index, Document};

fn index(docs: &[Document]) -> Index {
    Index::from_bytes(build_index(docs)).expect("a fresh index opens")
}

fn order(index: &Index, query: &str) -> Vec<String> {
    index.search(query, 10).into_iter().map(|h| h.id).collect()
}

/// Documents that share no word with the queries below, so that every query
/// word keeps a moderate document frequency.
fn filler(n: usize) -> Vec<Document> {
    (0..n).map(|i| doc(&format!("filler-{i}"), "ملاحظات", "كلام عام عن الطقس والأسواق والطرق")).collect()
}

#[test]
fn a_query_word_in_the_title_counts_more() {
    // Same words, same lengths, the query word once in each: only where it stands differs.
    let mut docs =
        vec![doc("in-text", "مدينة قديمة", "تقرير عن حلب اليوم"), doc("in-title", "حلب قديمة", "تقرير عن مدينة اليوم")];
    docs.extend(filler(8));
    let index = index(&docs);
    let hits = index.search("حلب ", 10);
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["in-title", "in-text"]);
    assert!(hits[0].score > hits[1].score, "a tie would go to the earlier document: {hits:?}");
}

#[test]
fn a_document_with_every_query_word_beats_one_with_a_frequent_few() {
    // «المساعدات» is common (low idf) and «قافلة» rare: summed BM25 alone prefers
    // the document that repeats the rare word over the one that has both.
    let mut docs = vec![
        doc("one-word", "خبر", "قافلة قافلة قافلة قافلة قافلة وصلت ثم قافلة أخرى"),
        doc("both-words", "خبر", "قافلة وصلت إلى الريف بعد أيام من انتظار المساعدات"),
    ];
    for i in 0..12 {
        docs.push(doc(&format!("aid-{i}"), "تقرير", "المساعدات الغذائية توزع على الأسر"));
    }
    let index = index(&docs);
    assert_eq!(order(&index, "قافلة المساعدات ")[0], "both-words", "{:?}", order(&index, "قافلة المساعدات "));
}

#[test]
fn query_words_next_to_each_other_in_typed_order_rank_first() {
    // Both documents have both words once and the same length; only their distance differs.
    let mut docs = vec![
        doc("apart", "خبر", "ريف هادئ بعيد عن ضجيج المدن الكبرى مثل حلب"),
        doc("adjacent", "خبر", "هادئ بعيد عن ضجيج المدن الكبرى مثل ريف حلب"),
    ];
    docs.extend(filler(8));
    let index = index(&docs);
    let hits = index.search("ريف حلب ", 10);
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["adjacent", "apart"]);
    assert!(hits[0].score > hits[1].score, "{hits:?}");
}

#[test]
fn an_excluded_word_excludes_every_spelling_of_its_stem() {
    let docs = vec![
        doc("exact", "خبر", "حلب والمدارس مغلقة"),
        doc("other-spelling", "خبر", "حلب وبالمدارس طلاب"),
        doc("bare-stem", "خبر", "حلب مدارس كثيرة"),
        doc("kept", "خبر", "حلب والأسواق مفتوحة"),
    ];
    let index = index(&docs);
    assert_eq!(order(&index, "حلب ").len(), 4);
    assert_eq!(order(&index, "حلب -المدارس"), ["kept"]);
}
