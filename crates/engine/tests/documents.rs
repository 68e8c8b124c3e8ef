//! Stored documents read back whole: what a page shows and what its scripts
//! receive as JSON.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use fahras_engine::Index;
use fahras_indexer::{build_index, Document, Value};

#[test]
fn metadata_numbers_reach_json_as_the_numbers_written() {
    // Pages sort and filter by metadata: a year written 2023 must arrive as the
    // integer 2023 (not 2023.0), a rating 3.5 as that number, and text as text.
    let meta = vec![
        ("year".to_owned(), Value::Number("2023".into())),
        ("rating".to_owned(), Value::Number("3.5".into())),
        ("author".to_owned(), Value::Text("سعيد".into())),
    ];
    let d = Document { id: "d".into(), title: "عنوان".into(), text: "نص".into(), meta, ..Document::default() };
    let index = Index::from_bytes(build_index(&[d])).expect("a fresh index opens");
    let stored = index.document(0).expect("document 0 is there");
    let json = serde_json::to_string(&stored.meta).unwrap();
    assert_eq!(json, r#"{"author":"سعيد","rating":3.5,"year":2023}"#);
}
