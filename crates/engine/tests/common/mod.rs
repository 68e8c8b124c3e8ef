//! Shared helpers of the hardening tests (`properties`, `integrity`, `hostile_input`).
//!
//! Each integration test is its own crate and uses only part of this module.
#![allow(dead_code)]

pub mod eval;

use fahras_core::format::header;
use fahras_engine::{Hit, Index};
use fahras_indexer::{build_index, Document, Value};
use std::ops::Range;
use std::sync::OnceLock;
use std::time::Duration;

/// A generous ceiling for work that must be bounded: the point is "finishes", not
/// a benchmark, so it has to hold in a debug build on a busy two-core machine.
pub const BOUNDED: Duration = Duration::from_secs(2);

pub fn doc(id: &str, title: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        title: title.into(),
        url: Some(format!("/{id}")),
        text: text.into(),
        ..Document::default()
    }
}

/// A few documents covering what the analyzer treats specially: full
/// vocalisation, Uthmani script, hamza seats, tatweel, Arabic-Indic digits with
/// separators, Latin, and a document with no words at all.
pub fn small_corpus() -> Vec<Document> {
    vec![
        doc("quran", "سورة الفاتحة", "بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ"),
        doc("news", "ريف حلب", "وصلت قافلة المساعدات إلى ريف حلب الشمالي، وتضم ٣,٧٥٠ سلة غذائية — «عاجل»."),
        doc("mixed", "Fahras فهرس", "Full-text search بحث نصي كامل in WebAssembly; مـــكـــتـــبـــة 3.5 MB."),
        doc("marks", "…", "؟؟ «» — ، ؛ !!"),
    ]
}

pub fn small_index_bytes() -> Vec<u8> {
    build_index(&small_corpus())
}

pub fn small_index() -> Index {
    Index::from_bytes(small_index_bytes()).expect("a freshly built index opens")
}

/// The index of the default corpus, as the demo embeds it.
pub fn default_index() -> Index {
    Index::from_bytes(default_index_bytes().to_vec()).expect("the default corpus's index opens")
}

pub fn default_index_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| build_index(&default_corpus()))
}

/// The five news articles of `corpus/` at the repository's root, with the titles
/// and metadata of its `fahras.meta.json`, compiled in so that the tests run on
/// wasm32 too (where there are no files); a test in `search.rs` checks them
/// against the directory.
pub fn default_corpus() -> Vec<Document> {
    macro_rules! article {
        ($name:literal) => {
            Document::from_text($name.into(), include_str!(concat!("../../../../corpus/", $name)))
        };
    }
    let mut docs = vec![
        article!("000_1f2a782e47503e45.txt"),
        article!("001_cd241d92d5ce8430.txt"),
        article!("002_476ee6e4ef6eac65.txt"),
        article!("003_487f630e01fa605e.txt"),
        article!("004_0f6bbfd19ba965b2.txt"),
    ];
    let sidecar: serde_json::Value = serde_json::from_str(include_str!("../../../../corpus/fahras.meta.json")).unwrap();
    for doc in &mut docs {
        let entry = &sidecar[&doc.id];
        doc.title = entry["title"].as_str().unwrap().to_owned();
        let meta = entry["meta"].as_object().unwrap();
        doc.meta = meta.iter().map(|(k, v)| (k.clone(), Value::Text(v.as_str().unwrap().to_owned()))).collect();
    }
    docs
}

/// Recomputes the header checksum, so that a deliberate edit is judged on its
/// content rather than refused by the checksum alone.
pub fn reseal(bytes: &mut [u8]) {
    header::seal(bytes);
}

/// Runs `f` on another thread and fails if it has not returned within `limit`.
/// A hang then fails this one test instead of stalling the whole suite, and a
/// panic inside `f` is reported as the panic it is. (wasm32 has no threads: there
/// `f` runs in place, and a hang stalls the run instead.)
#[cfg(not(target_arch = "wasm32"))]
pub fn bounded<T: Send + 'static>(what: &str, limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    use std::sync::mpsc;
    let (tx, rx) = mpsc::channel();
    let started = std::time::Instant::now();
    let worker = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker sends before returning"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {:?} (limit {limit:?})", started.elapsed())
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub fn bounded<T>(_what: &str, _limit: Duration, f: impl FnOnce() -> T) -> T {
    f()
}

/// Checks that a hit's snippet shows `source` faithfully: with an optional "…"
/// at either end, the segments put together are a piece of `source`, and every
/// highlighted segment is exactly one whole word of it (per the analyzer's own
/// word boundaries, so a highlight never cuts a vowel sign off its letter).
pub fn check_snippet(source: &str, hit: &Hit) -> Result<(), String> {
    let joined: String = hit.snippet.iter().map(|s| s.text.as_str()).collect();
    let mut hits: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for s in &hit.snippet {
        if s.hit {
            hits.push(at..at + s.text.len());
        }
        at += s.text.len();
    }
    let words: Vec<(usize, usize)> = fahras_core::analysis::tokens(source).map(|t| (t.start, t.end)).collect();
    const ELLIPSIS: &str = "…";
    let leads: &[usize] = if joined.starts_with(ELLIPSIS) { &[0, ELLIPSIS.len()] } else { &[0] };
    let trails: &[usize] = if joined.ends_with(ELLIPSIS) { &[0, ELLIPSIS.len()] } else { &[0] };
    for &lead in leads {
        for &trail in trails {
            if lead + trail > joined.len() {
                continue;
            }
            let body = &joined[lead..joined.len() - trail];
            if hits.iter().any(|h| h.start < lead || h.end > lead + body.len()) {
                continue;
            }
            // The same piece can occur more than once; any faithful placement will do.
            let placed = (0..=source.len().saturating_sub(body.len()))
                .filter(|&i| source.is_char_boundary(i) && source[i..].starts_with(body))
                .any(|i| hits.iter().all(|h| words.contains(&(i + h.start - lead, i + h.end - lead))));
            if placed {
                return Ok(());
            }
        }
    }
    Err(format!("snippet {:?} of document {:?} is not a faithful piece of its text {:?}", hit.snippet, hit.id, source))
}
