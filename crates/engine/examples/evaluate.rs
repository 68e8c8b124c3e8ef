//! Quality and speed of the engine on a corpus and a query set:
//! `cargo run --release --example evaluate -- <corpus dir|file.jsonl|index.bin> <queries.jsonl> [--verbose]`
//!
//! `examples/queries/worst-case.jsonl` holds the costliest kinds of query (one-letter
//! prefixes, many typos, floods of common words, long pastes): run it with
//! `--verbose` against a large corpus to see the slowest searches.
//!
//! Queries are JSON Lines `{q, relevant: [ids or id prefixes], kind, must_not?}`.
//! Prints MRR@10, recall@10 and zero-hit rate (overall and per kind), index build
//! time, index size raw and gzipped against the gzipped corpus, and query latency
//! percentiles (each query's fastest of several runs). Per query-rewrite rule: how
//! often it changed the top 10 (fired) and how often that hurt (a relevant document
//! ranked lower, or a must-not document shown, against the same search without it).

use fahras_engine::{Hit, Index, Rule, Rules};
use fahras_indexer::{build_index, read_corpus};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

#[derive(Deserialize)]
struct Query {
    q: String,
    relevant: Vec<String>,
    #[serde(default)]
    must_not: Vec<String>,
    #[serde(default)]
    kind: String,
}

#[derive(Default)]
struct Tally {
    n: usize,
    rr: f64,
    recall: f64,
    zero: usize,
}

impl Tally {
    fn add(&mut self, rr: f64, recall: f64, zero: bool) {
        self.n += 1;
        self.rr += rr;
        self.recall += recall;
        self.zero += usize::from(zero);
    }
    fn line(&self, name: &str) -> String {
        let n = self.n.max(1) as f64;
        format!(
            "{name:<8} n={:<4} MRR@10 {:.3}  recall@10 {:.3}  zero-hit {:.1}%",
            self.n,
            self.rr / n,
            self.recall / n,
            100.0 * self.zero as f64 / n
        )
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, queries, rest @ ..] = &args[..] else {
        eprintln!("usage: evaluate <corpus> <queries.jsonl> [--verbose]");
        std::process::exit(2);
    };
    let verbose = rest.iter().any(|a| a == "--verbose");
    // An index file (from `fahras index`) is searched as it is; anything else is indexed first.
    let bytes = if corpus.ends_with(".bin") {
        std::fs::read(corpus).expect("read index")
    } else {
        let docs = read_corpus(corpus.as_ref()).expect("read corpus");
        let t = Instant::now();
        let bytes = build_index(&docs);
        let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        println!("{} documents, {} text bytes; index built in {:.2?}", docs.len(), text_bytes, t.elapsed());
        bytes
    };
    let index = Index::from_bytes(bytes.clone()).expect("open index");
    let corpus_gzip = if corpus.ends_with(".bin") { 0 } else { gzip_len(&read_all(corpus.as_ref())) };
    println!(
        "index {} bytes, gzip {} ({:.2}× the corpus's gzip of {} bytes)",
        bytes.len(),
        gzip_len(&bytes),
        gzip_len(&bytes) as f64 / corpus_gzip.max(1) as f64,
        corpus_gzip
    );
    if let Ok(path) = std::env::var("FAHRAS_EVAL_WRITE") {
        std::fs::write(path, &bytes).expect("write index");
    }

    let queries: Vec<Query> = std::fs::read_to_string(queries)
        .expect("read queries")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("query line"))
        .collect();
    let is = |id: &str, set: &[String]| set.iter().any(|r| id == r || (id.starts_with(r.as_str()) && !r.contains(':')));
    let mut all = Tally::default();
    let mut kinds: BTreeMap<String, Tally> = BTreeMap::new();
    let mut failures = 0;
    let rr_of = |hits: &[Hit], q: &Query| {
        let rr = hits.iter().position(|h| is(&h.id, &q.relevant)).map_or(0.0, |r| 1.0 / (r + 1) as f64);
        let banned = hits.iter().any(|h| is(&h.id, &q.must_not));
        (if q.relevant.is_empty() { f64::from(u8::from(hits.is_empty())) } else { rr }, banned)
    };
    // Per rule: (fired, hurt, helped).
    let mut rules = [(0usize, 0usize, 0usize); Rule::ALL.len()];
    let mut plain = 0.0;
    for q in &queries {
        let hits = index.search(&q.q, 10);
        let (with, banned_with) = rr_of(&hits, q);
        plain += rr_of(&index.search_with(&q.q, 10, Rules::NONE), q).0;
        for (tally, &rule) in rules.iter_mut().zip(&Rule::ALL) {
            let without = index.search_with(&q.q, 10, Rules::ALL.without(rule));
            if without.iter().map(|h| &h.id).ne(hits.iter().map(|h| &h.id)) {
                let (before, banned_before) = rr_of(&without, q);
                tally.0 += 1;
                tally.1 += usize::from(with < before || (banned_with && !banned_before));
                tally.2 += usize::from(with > before);
            }
        }
        let rank = hits.iter().position(|h| is(&h.id, &q.relevant));
        let rr = rank.map_or(0.0, |r| 1.0 / (r + 1) as f64);
        let found = hits.iter().filter(|h| is(&h.id, &q.relevant)).count();
        let recall = if q.relevant.is_empty() {
            f64::from(u8::from(hits.is_empty()))
        } else {
            found as f64 / q.relevant.len().min(10) as f64
        };
        let rr = if q.relevant.is_empty() { recall } else { rr };
        let banned = hits.iter().any(|h| is(&h.id, &q.must_not));
        let zero = hits.is_empty();
        all.add(rr, recall, zero);
        kinds.entry(q.kind.clone()).or_default().add(rr, recall, zero);
        if rr < 1.0 || banned {
            failures += 1;
            if verbose {
                let top: Vec<&str> = hits.iter().take(3).map(|h| h.id.as_str()).collect();
                println!(
                    "  miss [{}] {:?} rank={:?} top={:?} want={:?}{}",
                    q.kind,
                    q.q,
                    rank.map(|r| r + 1),
                    top,
                    &q.relevant[..q.relevant.len().min(3)],
                    if banned { " MUST_NOT" } else { "" }
                );
            }
        }
    }
    println!("{}", all.line("all"));
    for (k, t) in &kinds {
        println!("{}", t.line(k));
    }
    println!("not first: {failures}");
    println!("MRR@10 with no rewrite rule: {:.3}", plain / queries.len().max(1) as f64);
    for (&(fired, hurt, helped), rule) in rules.iter().zip(Rule::ALL) {
        if fired > 0 {
            println!("rule {:<8} fired {fired:<4} helped {helped:<4} hurt {hurt}", rule.name());
        }
    }

    // Each query's fastest of several runs: on a shared machine the other runs
    // measure the neighbours, not the engine.
    let mut times: Vec<(f64, &str)> = queries
        .iter()
        .map(|q| {
            let best = (0..7)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(index.search(&q.q, 10));
                    t.elapsed().as_secs_f64() * 1e6
                })
                .fold(f64::INFINITY, f64::min);
            (best, q.q.as_str())
        })
        .collect();
    if times.is_empty() {
        return;
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    if verbose {
        for (t, q) in times.iter().rev().take(8) {
            println!("  slow {t:.0}µs {q:?}");
        }
    }
    let times: Vec<f64> = times.into_iter().map(|(t, _)| t).collect();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "latency µs: p50 {:.0}  p90 {:.0}  p99 {:.0}  max {:.0}",
        pct(0.5),
        pct(0.9),
        pct(0.99),
        times[times.len() - 1]
    );
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("in memory");
    e.finish().expect("in memory").len()
}

/// The corpus's files, concatenated in path order.
fn read_all(path: &Path) -> Vec<u8> {
    if path.is_file() {
        return std::fs::read(path).expect("read corpus");
    }
    let mut files: Vec<_> = std::fs::read_dir(path).expect("read corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files.iter().filter(|p| p.is_file()).flat_map(|p| std::fs::read(p).expect("read file")).collect()
}
