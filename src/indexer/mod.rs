//! Build time: documents in, index bytes out.
//!
//! Used by `build.rs` (which compiles this module into the build script, so the
//! embedded index is made by the same code as one made with the CLI) and by the
//! `fahras index` command.

mod corpus;
mod html;
mod writer;

pub use corpus::{read_corpus, CorpusError, Document};
pub use html::{strip_html, HtmlText};
pub use writer::build_index;
