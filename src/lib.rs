//! Fahras (فهرس): instant, offline, Arabic-first full-text search.
//!
//! The crate has four layers, each usable on its own:
//! - [`analysis`]: text to terms, shared by index time and query time;
//! - [`indexer`]: build time, corpus files to index bytes (used by `build.rs` and the CLI);
//! - [`engine`]: run time, queries against index bytes read in place;
//! - `wasm` (wasm32 only): the JavaScript bindings, a thin layer over [`engine`].

pub mod analysis;
pub mod engine;
pub mod format;
pub mod indexer;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
