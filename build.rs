//! Compiles the corpus into the index embedded in the library.
//!
//! The analyzer and indexer are the crate's own modules, compiled into this build
//! script by path: the embedded index is made by exactly the code that reads it.
//! The corpus is `corpus/` unless `FAHRAS_CORPUS` names another directory or file.

#[allow(dead_code, unused_imports)]
#[path = "src/analysis/mod.rs"]
mod analysis;
#[allow(dead_code, unused_imports)]
#[path = "src/format/mod.rs"]
mod format;
#[allow(dead_code, unused_imports)]
#[path = "src/indexer/mod.rs"]
mod indexer;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=FAHRAS_CORPUS");
    for dir in ["src/analysis", "src/format", "src/indexer"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let corpus = match std::env::var_os("FAHRAS_CORPUS") {
        Some(p) => manifest.join(p),
        None => manifest.join("corpus"),
    };
    // A directory is watched recursively, so adding or editing a document rebuilds.
    println!("cargo:rerun-if-changed={}", corpus.display());
    let docs = match indexer::read_corpus(&corpus) {
        Ok(docs) => docs,
        Err(e) => panic!("cannot index the corpus (set FAHRAS_CORPUS to a directory or file of documents): {e}"),
    };
    let bytes = indexer::build_index(&docs);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("index.bin");
    std::fs::write(&out, bytes).expect("write the index into OUT_DIR");
}
