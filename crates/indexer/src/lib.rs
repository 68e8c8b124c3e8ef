//! Build time: documents in, index bytes out.
//!
//! Used by the `fahras` command (natively, and compiled to WebAssembly for the
//! npm package's `npx fahras`) and by the wasm crate's build script, which embeds
//! a corpus's index in the engine: every index is made by this one code.

mod builder;
mod corpus;
mod document;
mod html;

pub use builder::build_index;
pub use corpus::{read_corpus, CorpusError};
pub use document::{Document, Value};
pub use html::{strip_html, HtmlText};
