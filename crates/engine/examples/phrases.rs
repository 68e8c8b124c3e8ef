//! Development queries made from a corpus's own passages, for phenomena that
//! hand-written sets cover too thinly:
//!
//! `cargo run --release --example phrases -- <corpus.jsonl> order|typo <count> <seed> > eval/<kind>-<corpus>.jsonl`
//!
//! Each query is consecutive words of a document's text, as the analyzer reads
//! them (no diacritics, hamza and alef folded, as readers often type), with a
//! space after the last word.
//!
//! - `order`: ranking by typed order. Passages of 3 or 4 words a reader
//!   remembers word for word, each word in at least [`COMMON`] documents, at
//!   least [`TOGETHER`] documents with all of them, and at most [`WHOLE`] with
//!   them in a row as typed: those are the relevant documents. Ranking by words
//!   alone cannot find them; only the order can.
//! - `typo`: passages of 2 or 3 words in at most [`WHOLE`] documents (the
//!   relevant ones), one word of at least [`TYPO_CHARS`] letters typed with one
//!   slip anywhere in it (a letter changed, left out, added, or two swapped) that
//!   makes it a word the corpus does not have.

use fahras_core::analysis::{tokens, FOLDED_LETTERS};
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
/// Letters of a word given a slip, at least: shorter ones get no typo tolerance.
const TYPO_CHARS: usize = 4;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, kind, count, seed] = &args[..] else {
        eprintln!("usage: phrases <corpus.jsonl> order|typo <count> <seed>");
        std::process::exit(2);
    };
    let typo = match kind.as_str() {
        "order" => false,
        "typo" => true,
        _ => panic!("kind: order or typo"),
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
    let letters: Vec<char> = FOLDED_LETTERS.chars().collect();
    let mut seen = BTreeSet::new();
    let mut kept = 0;
    for _ in 0..count * TRIES {
        if kept == count {
            break;
        }
        let d = rng.below(docs.len());
        let n = if typo { 2 } else { 3 } + rng.below(2);
        let Some(start) = words[d].len().checked_sub(n).map(|last| rng.below(last + 1)) else { continue };
        let passage = &words[d][start..start + n];
        if !seen.insert(passage.to_vec()) || (!typo && passage.iter().any(|w| postings[w.as_str()].len() < COMMON)) {
            continue;
        }
        let together = passage.iter().skip(1).fold(postings[passage[0].as_str()].clone(), |acc, w| {
            acc.into_iter().filter(|d| postings[w.as_str()].binary_search(d).is_ok()).collect()
        });
        let whole: Vec<usize> =
            together.iter().copied().filter(|&d| words[d].windows(n).any(|run| run == passage)).collect();
        if (!typo && together.len() < TOGETHER) || whole.len() > WHOLE {
            continue;
        }
        let mut typed = passage.to_vec();
        if typo {
            let w = rng.below(n);
            let Some(slipped) = slip(&typed[w], &letters, &mut rng) else { continue };
            if postings.contains_key(slipped.as_str()) {
                continue;
            }
            typed[w] = slipped;
        }
        let relevant: Vec<&str> = whole.iter().map(|&d| docs[d].id.as_str()).collect();
        let q = format!("{} ", typed.join(" "));
        let line = match typo {
            // The passage as written, to measure what the slip costs.
            true => serde_json::json!({ "q": q, "relevant": relevant, "kind": kind, "written": passage.join(" ") }),
            false => serde_json::json!({ "q": q, "relevant": relevant, "kind": kind }),
        };
        println!("{line}");
        kept += 1;
    }
    if kept < count {
        eprintln!("only {kept} passages of {count} found");
    }
}

/// `word` with one slip at a random place, if it is long enough to be given one.
fn slip(word: &str, letters: &[char], rng: &mut Lcg) -> Option<String> {
    let mut w: Vec<char> = word.chars().collect();
    if w.len() < TYPO_CHARS || !w.iter().all(|c| letters.contains(c)) {
        return None;
    }
    let at = rng.below(w.len());
    let letter = letters[rng.below(letters.len())];
    match rng.below(4) {
        0 => w[at] = letter,
        1 => {
            w.remove(at);
        }
        2 => w.insert(at, letter),
        _ => {
            let next = (at + 1).min(w.len() - 1);
            w.swap(at, next);
        }
    }
    let slipped: String = w.into_iter().collect();
    (slipped != word).then_some(slipped)
}

/// A small deterministic generator, so that a seed gives the same set anywhere.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}
