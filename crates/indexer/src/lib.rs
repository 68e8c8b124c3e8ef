//! Build time: documents in, index bytes out.
//!
//! Used by the `fahras` command (natively, and compiled to WebAssembly for the
//! npm package's `npx fahras`) and by the wasm crate's build script, which embeds
//! a corpus's index in the engine: every index is made by this one code.

mod builder;
mod corpus;
mod document;
pub mod html;
mod site;

pub use builder::build_index;
pub use corpus::{io_error_text, read_corpus, read_inputs, CorpusError, Event, Location, MAX_FILE_BYTES};
pub use document::{Document, Value, MAX_DOCUMENT_WORDS};
