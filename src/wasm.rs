//! JavaScript bindings: a thin layer over [`crate::engine`], no logic of its own
//! beyond turning Rust values into plain JS objects and errors into `Error`s.

use crate::engine::{analyze, AnalyzedToken, Index};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A search engine over one index.
#[wasm_bindgen]
pub struct Engine {
    index: Index,
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
impl Engine {
    /// The corpus compiled into this module.
    pub fn embedded() -> Result<Engine, JsError> {
        Index::embedded().map(|index| Engine { index }).map_err(|e| JsError::new(&e.to_string()))
    }

    /// An index made by `fahras index`; throws an `Error` naming what is wrong
    /// with bytes that are not a usable index.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Engine, JsError> {
        Index::from_bytes(bytes).map(|index| Engine { index }).map_err(|e| JsError::new(&e.to_string()))
    }

    /// `[{ id, title, url?, score, snippet: [{ text, hit }] }]`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        to_js(&self.index.search(query, limit))
    }

    /// Whole-query completions or corrections for what is being typed.
    pub fn suggest(&self, prefix: &str, limit: usize) -> Result<JsValue, JsError> {
        to_js(&self.index.suggest(prefix, limit))
    }

    /// The words of `text` as the engine sees them, with `start`/`end` as UTF-16
    /// offsets so that `text.slice(start, end)` works in JavaScript.
    pub fn analyze(&self, text: &str) -> Result<JsValue, JsError> {
        // Tokens come in order, so one running count converts every offset.
        let (mut byte, mut unit) = (0, 0);
        let tokens: Vec<AnalyzedToken> = analyze(text)
            .into_iter()
            .map(|mut t| {
                unit += utf16_len(&text[byte..t.start]);
                byte = t.start;
                t.start = unit;
                t.end = unit + utf16_len(&t.text);
                t
            })
            .collect();
        to_js(&tokens)
    }

    /// `{ documents, terms, stems, indexBytes, formatVersion, analyzerVersion }`.
    pub fn info(&self) -> Result<JsValue, JsError> {
        to_js(&self.index.info())
    }
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}
