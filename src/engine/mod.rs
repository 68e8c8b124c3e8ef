//! Run time: queries against an index, read in place.
//!
//! [`Index`] opens index bytes (the embedded corpus, or bytes made by `fahras
//! index`); [`Index::search`], [`Index::suggest`] and [`Index::info`] answer from
//! them. Nothing here allocates per document at start-up.

mod forward;
mod fuzzy;
mod index;
mod matcher;
mod postings;
mod query;
mod search;
mod snippet;
mod suggest;

pub use index::{Index, Info, StoredDoc};
pub use query::{parse, Query, QueryWord, MAX_QUERY_CHARS, MAX_WORDS};
pub use search::{Hit, MAX_LIMIT};
pub use snippet::Segment;
pub use suggest::MAX_SUGGESTIONS;

use crate::analysis::{stem, tokens};
use crate::format::IndexError;
use serde::Serialize;

/// The index of the corpus compiled in by `build.rs` (`corpus/`, or `$FAHRAS_CORPUS`).
pub static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

impl Index {
    /// The embedded corpus's index.
    pub fn embedded() -> Result<Index, IndexError> {
        Index::from_static(EMBEDDED_INDEX)
    }
}

/// A word as the engine sees it, for readers who want to know why something matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalyzedToken {
    /// The word as written.
    pub text: String,
    /// Its normalized spelling.
    pub term: String,
    /// Its Uthmani spelling with small letters written out, where that differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// Its light stem.
    pub stem: String,
    /// Byte span in the input.
    pub start: usize,
    pub end: usize,
}

/// The words of `text` as indexing and search see them.
pub fn analyze(text: &str) -> Vec<AnalyzedToken> {
    tokens(text)
        .map(|t| AnalyzedToken {
            text: text[t.start..t.end].to_owned(),
            stem: stem(&t.term).to_owned(),
            term: t.term,
            alt: t.alt,
            start: t.start,
            end: t.end,
        })
        .collect()
}
