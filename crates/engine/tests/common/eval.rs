//! Development query sets (`eval/`, JSON Lines `{q, relevant, must_not?}`) and
//! the corpora they are for.

use fahras_engine::{Hit, Index, Rules};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Query {
    pub q: String,
    pub relevant: Vec<String>,
    #[serde(default)]
    pub must_not: Vec<String>,
}

pub fn queries(text: &str) -> Vec<Query> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// An id matches a relevant entry exactly or, for the default corpus's file
/// names, by its prefix (as `examples/evaluate.rs` counts).
fn is(id: &str, set: &[String]) -> bool {
    set.iter().any(|r| id == r || (id.starts_with(r.as_str()) && !r.contains(':')))
}

/// MRR@10 of `set` with `rules`, failing on any must-not hit.
pub fn mrr(index: &Index, set: &[Query], rules: Rules) -> f64 {
    let mut total = 0.0;
    for q in set {
        let hits: Vec<Hit> = index.search_with(&q.q, 10, rules);
        let banned: Vec<&str> = hits.iter().filter(|h| is(&h.id, &q.must_not)).map(|h| h.id.as_str()).collect();
        assert!(banned.is_empty(), "{:?} shows must-not {banned:?}", q.q);
        total += if q.relevant.is_empty() {
            f64::from(u8::from(hits.is_empty()))
        } else {
            hits.iter().position(|h| is(&h.id, &q.relevant)).map_or(0.0, |r| 1.0 / (r + 1) as f64)
        };
    }
    total / set.len() as f64
}

/// The project's `eval/<name>.jsonl`.
#[cfg(not(target_arch = "wasm32"))]
pub fn set(name: &str) -> Vec<Query> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../eval/{name}.jsonl"));
    queries(&std::fs::read_to_string(path).unwrap())
}

/// The index of `../shared/corpora/<name>.jsonl` (the Quran, Sahih al-Bukhari),
/// or None with a note when the shared corpora are not beside the project.
#[cfg(not(target_arch = "wasm32"))]
pub fn shared_corpus(name: &str) -> Option<Index> {
    Some(Index::from_bytes(shared_corpus_bytes(name)?).unwrap())
}

/// [`shared_corpus`]'s index bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn shared_corpus_bytes(name: &str) -> Option<Vec<u8>> {
    use fahras_indexer::{build_index, read_corpus};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../../shared/corpora/{name}.jsonl"));
    if !path.exists() {
        eprintln!("skipped: {} is not there", path.display());
        return None;
    }
    Some(build_index(&read_corpus(&path).unwrap()))
}

/// Each shared corpus keeps MRR@10 `floor` on `eval/<kind>-<corpus>.jsonl`
/// (corpora not beside the project are skipped).
#[cfg(not(target_arch = "wasm32"))]
pub fn keeps_floors(kind: &str, floors: &[(&str, f64)]) {
    for &(corpus, floor) in floors {
        let Some(index) = shared_corpus(corpus) else { continue };
        let got = mrr(&index, &set(&format!("{kind}-{corpus}")), Rules::ALL);
        assert!(got >= floor, "{kind}-{corpus}: MRR@10 {got:.3} < {floor}");
    }
}
