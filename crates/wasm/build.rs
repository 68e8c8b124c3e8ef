//! Embeds a corpus's index in the engine module, when `FAHRAS_CORPUS` names one.
//!
//! The index is made by the indexer crate, an ordinary build dependency, so the
//! embedded index is made by exactly the code `fahras index` runs. Without
//! `FAHRAS_CORPUS` the module carries no index: that is the npm package's engine,
//! which opens an index given to it or one added to its data by `fahras build`.
//! A relative path is taken from the repository root.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=FAHRAS_CORPUS");
    // A smaller stack than Rust's default megabyte: every engine is its own
    // instance, and no search recursion goes deep. Unoptimized builds (the
    // tests' build that traps on purpose) keep large tables on the stack.
    let optimized = std::env::var("OPT_LEVEL").is_ok_and(|level| level != "0");
    let stack = if optimized { 256 << 10 } else { 4 << 20 };
    println!("cargo:rustc-link-arg-cdylib=-zstack-size={stack}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("index.bin");
    let bytes = match std::env::var_os("FAHRAS_CORPUS").filter(|p| !p.is_empty()) {
        Some(corpus) => {
            let manifest =
                PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
            let corpus = manifest.join("../..").join(Path::new(&corpus));
            // A directory is watched recursively, so adding or editing a document rebuilds.
            println!("cargo:rerun-if-changed={}", corpus.display());
            match fahras_indexer::read_corpus(&corpus) {
                Ok(docs) => fahras_indexer::build_index(&docs),
                Err(e) => panic!("cannot index FAHRAS_CORPUS: {e}"),
            }
        }
        None => Vec::new(),
    };
    std::fs::write(&out, bytes).expect("write the index into OUT_DIR");
}
