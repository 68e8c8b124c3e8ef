//! The engine as JavaScript sees it: the real wasm bindings, run by
//! `cargo test --target wasm32-unknown-unknown` in Node, or in Chromium with
//! `WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver`.
#![cfg(target_arch = "wasm32")]

use fahras::indexer::{build_index, Document};
use fahras::wasm::Engine;
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn json(v: Result<JsValue, wasm_bindgen::JsError>) -> Value {
    let v = v.unwrap_or_else(|_| panic!("the call returned an error"));
    serde_wasm_bindgen::from_value(v).expect("a plain JS value")
}

fn embedded() -> Engine {
    Engine::embedded().unwrap_or_else(|_| panic!("the embedded index opens"))
}

#[wasm_bindgen_test]
fn searches_the_embedded_corpus() {
    let hits = json(embedded().search("ريف حلب الغربي", 5));
    let first = &hits[0];
    assert!(first["id"].as_str().unwrap().starts_with("004"), "{first}");
    assert!(first["score"].as_f64().unwrap() > 0.0);
    let marked: Vec<&str> = first["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["hit"] == true)
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(marked.contains(&"حلب"), "{marked:?}");
    assert!(first.get("url").is_none(), "no url key for documents without one");
}

#[wasm_bindgen_test]
fn loads_an_index_made_by_the_indexer_and_refuses_damaged_bytes() {
    let doc = Document {
        id: "a".into(),
        title: "عنوان".into(),
        url: Some("https://example.org/a".into()),
        text: "ٱلۡحَمۡدُ لِلَّهِ رَبِّ ٱلۡعَٰلَمِينَ".into(),
    };
    let bytes = build_index(&[doc]);
    let engine = Engine::from_bytes(bytes.clone()).unwrap_or_else(|_| panic!("a fresh index opens"));
    let hits = json(engine.search("رب العالمين", 5));
    assert_eq!(hits[0]["id"], "a");
    assert_eq!(hits[0]["url"], "https://example.org/a");
    let mut damaged = bytes;
    let at = damaged.len() / 2;
    damaged[at] ^= 0x40;
    assert!(Engine::from_bytes(damaged.clone()).is_err());
    damaged.truncate(10);
    assert!(Engine::from_bytes(damaged).is_err());
    assert!(Engine::from_bytes(Vec::new()).is_err());
}

#[wasm_bindgen_test]
fn analyze_reports_utf16_offsets() {
    // The emoji is two UTF-16 units and four UTF-8 bytes: offsets must be JS's.
    let text = "😀 الكِتَابُ";
    let tokens = json(embedded().analyze(text));
    let t = &tokens[0];
    assert_eq!((t["start"].as_u64(), t["end"].as_u64()), (Some(3), Some(12)));
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16(&utf16[3..12]).unwrap(), "الكِتَابُ");
    assert_eq!(t["term"], "الكتاب");
    assert_eq!(t["stem"], "كتاب");
}

#[wasm_bindgen_test]
fn suggest_and_info() {
    let engine = embedded();
    let s = json(engine.suggest("المرصد السو", 3));
    assert_eq!(s[0], "المرصد السوري");
    let info = json(engine.info());
    assert_eq!(info["documents"], 5);
    assert_eq!(info["formatVersion"], fahras::format::FORMAT_VERSION);
}

#[wasm_bindgen_test]
fn hostile_input_answers_without_trapping() {
    let engine = embedded();
    for q in ["", " ", "\u{FFFD}", "\u{064E}\u{0651}\u{064B}", "\"", "-", "-\"", "؟؟؟", "\0\u{1}\u{7f}"] {
        assert!(json(engine.search(q, 10)).is_array(), "{q:?}");
        assert!(json(engine.suggest(q, 10)).is_array(), "{q:?}");
        assert!(json(engine.analyze(q)).is_array(), "{q:?}");
    }
    let paste = "حلب ".repeat(25_000);
    assert!(json(engine.search(&paste, 10)).is_array());
    assert!(json(engine.search("حلب", 1_000_000)).as_array().unwrap().len() <= 5);
}
