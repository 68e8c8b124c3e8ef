//! The analyzer: how text, at index time and at query time alike, becomes terms.
//!
//! The indexer analyzes documents with it and the engine analyzes queries with it,
//! so the two can never drift apart. Any change to what a word becomes must bump
//! [`ANALYZER_VERSION`]: an index records the version it was built with and is
//! refused by another.
//!
//! Pipeline per word: presentation forms → word splitting → folding (diacritics,
//! tatweel, format characters dropped; alef, yeh, heh, kaf, digit variants unified;
//! Latin lowercased) → light stem.

mod normalize;
mod presentation;
mod stem;
mod tokenize;

pub use normalize::{fold, is_silent, normalize, Fold};
pub use stem::{stem, strip_prefix, strip_suffixes};
pub use tokenize::{spans, tokens, Spans, Token, Tokens, MAX_TERM_CHARS};

/// Version of the analysis rules; stored in every index.
pub const ANALYZER_VERSION: u32 = 1;

/// The Arabic letters a term is spelled with after folding (ة, ى and the hamza
/// forms are folded away): what a slip of the finger can type in one.
pub const FOLDED_LETTERS: &str = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
