//! Query time: searches, suggestions and stored documents, answered from index
//! bytes read in place.
//!
//! [`Index`] opens index bytes (made by `fahras-indexer`); [`Index::query`]
//! (and its shorthand [`Index::search`]), [`Index::suggest`], [`Index::find`],
//! [`Index::document`], [`Index::highlight`] and [`Index::info`] answer from them;
//! [`Index::understand`] says how a query is read besides as typed.
//! Nothing here allocates per document at start-up.

mod chars;
mod dictionary;
mod facets;
mod fuzzy;
mod index;
mod lists;
mod matcher;
mod parts;
mod query;
mod results;
mod rewrite;
mod search;
mod snippet;
mod sort;
mod stored;
mod suggest;

pub use facets::{Facets, MAX_FACET_VALUES};
pub use fahras_core::format::split::{PartId, PartKind};
pub use index::{Index, Info};
pub use query::{parse, Query, QueryWord, MAX_QUERY_CHARS, MAX_WORDS};
pub use results::{QueryOptions, Results};
pub use rewrite::{Rewrite, Rule, Rules, MAX_REWRITES};
pub use search::{Hit, MAX_LIMIT};
pub use snippet::Segment;
pub use sort::Order;
pub use stored::{DocumentView, Meta, StoredDoc};
pub use suggest::MAX_SUGGESTIONS;

use fahras_core::analysis::{stem, tokens};
use serde::Serialize;

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
