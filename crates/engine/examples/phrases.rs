//! Development queries for ranking by typed order: passages a reader remembers
//! word for word, made of words so common that many documents have them all.
//!
//! `cargo run --release --example phrases -- <corpus.jsonl> <count> <seed> > eval/order-<corpus>.jsonl`
//!
//! Each query is 3 or 4 consecutive words of a document's text, as the analyzer
//! reads them (no diacritics, hamza and alef folded, as readers often type),
//! with a space after the last word. It is kept when every word is in at least
//! [`COMMON`] documents, at least [`TOGETHER`] documents have all the words,
//! and at most [`WHOLE`] have them in a row as typed: those are the relevant
//! documents. Ranking by words alone cannot find them; only the order can.

use fahras_core::analysis::tokens;
use fahras_indexer::read_corpus;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Documents each query word must be in.
const COMMON: usize = 30;
/// Documents that must have every word of the query.
const TOGETHER: usize = 10;
/// Documents with the passage itself, at most.
const WHOLE: usize = 3;
/// Passages tried per query kept, at most, before giving up.
const TRIES: usize = 2000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, count, seed] = &args[..] else {
        eprintln!("usage: phrases <corpus.jsonl> <count> <seed>");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("count");
    let mut rng = Lcg(seed.parse().expect("seed"));
    let docs = read_corpus(Path::new(corpus)).expect("read corpus");
    let words: Vec<Vec<String>> = docs.iter().map(|d| tokens(&d.text).map(|t| t.term).collect()).collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (d, ws) in words.iter().enumerate() {
        for w in ws.iter().collect::<BTreeSet<_>>() {
            postings.entry(w).or_default().push(d);
        }
    }
    let mut seen = BTreeSet::new();
    let mut kept = 0;
    for _ in 0..count * TRIES {
        if kept == count {
            break;
        }
        let d = rng.below(docs.len());
        let n = 3 + rng.below(2);
        let Some(start) = words[d].len().checked_sub(n).map(|last| rng.below(last + 1)) else { continue };
        let passage = &words[d][start..start + n];
        if !seen.insert(passage.to_vec()) || passage.iter().any(|w| postings[w.as_str()].len() < COMMON) {
            continue;
        }
        let together = passage.iter().skip(1).fold(postings[passage[0].as_str()].clone(), |acc, w| {
            acc.into_iter().filter(|d| postings[w.as_str()].binary_search(d).is_ok()).collect()
        });
        let whole: Vec<usize> =
            together.iter().copied().filter(|&d| words[d].windows(n).any(|run| run == passage)).collect();
        if together.len() < TOGETHER || whole.len() > WHOLE {
            continue;
        }
        let relevant: Vec<&str> = whole.iter().map(|&d| docs[d].id.as_str()).collect();
        let q = format!("{} ", passage.join(" "));
        println!("{}", serde_json::json!({ "q": q, "relevant": relevant, "kind": "order" }));
        kept += 1;
    }
    if kept < count {
        eprintln!("only {kept} passages of {count} found");
    }
}

/// A small deterministic generator, so that a seed gives the same set anywhere.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}
