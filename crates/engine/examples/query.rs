//! Latency of result pages, natively: `search()` against `query()` with facets,
//! with a filter and with a date sort, and the document view.
//!
//! `cargo run --release --example query -- <index.bin> <queries.jsonl>...`
//!
//! Made for the corpus of `bench/mixed-corpus.mjs` (metadata `source`, `book`,
//! `date`); see docs/benchmarks.md. Each query's time is its fastest of 7 runs.

mod common;

use fahras_engine::{Index, Order, QueryOptions};
use std::time::Instant;

/// Fastest of 7 runs of `f`, in microseconds.
fn fastest<T>(mut f: impl FnMut() -> T) -> f64 {
    (0..7)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1e6
        })
        .fold(f64::INFINITY, f64::min)
}

fn report(name: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!("{name:<28} p50 {:>7.0} µs  p99 {:>7.0} µs  (n={})", pct(0.5), pct(0.99), times.len());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index, query_files @ ..] = &args[..] else {
        eprintln!("usage: query <index.bin> <queries.jsonl>...");
        std::process::exit(2);
    };
    let bytes = std::fs::read(index).expect("read index");
    let t = Instant::now();
    let index = Index::from_bytes(bytes).expect("open index");
    println!(
        "{} documents, {} bytes; opened (fully checked) in {:.1?}",
        index.doc_count(),
        index.info().index_bytes,
        t.elapsed()
    );
    let queries = common::read_queries(query_files);

    let page = QueryOptions::default();
    let filtered = QueryOptions { filters: vec![("source".into(), vec!["bukhari".into()])], ..QueryOptions::default() };
    let sorted = QueryOptions { sort: Some(("date".into(), Order::Desc)), ..QueryOptions::default() };
    // The first query pays for what is made once per index (lengths, fields).
    let t = Instant::now();
    index.query("الله", &page);
    println!("first query after opening: {:.0} µs", t.elapsed().as_secs_f64() * 1e6);
    let totals: Vec<usize> = queries.iter().map(|q| index.query(q, &page).total).collect();
    let mut sorted_totals = totals.clone();
    sorted_totals.sort_unstable();
    println!(
        "{} queries; matches per query: median {}, max {}",
        queries.len(),
        sorted_totals[sorted_totals.len() / 2],
        sorted_totals[sorted_totals.len() - 1]
    );
    let each = |f: &dyn Fn(&str) -> f64| queries.iter().map(|q| f(q)).collect::<Vec<f64>>();
    report("search(q, 10)", each(&|q| fastest(|| index.search(q, 10))));
    report("query: 3 facets", each(&|q| fastest(|| index.query(q, &page))));
    report("query: source filter", each(&|q| fastest(|| index.query(q, &filtered))));
    report("query: date sort", each(&|q| fastest(|| index.query(q, &sorted))));
    let deep = QueryOptions { offset: 1000, ..QueryOptions::default() };
    report("query: page at offset 1000", each(&|q| fastest(|| index.query(q, &deep))));
    let browse = QueryOptions { sort: Some(("date".into(), Order::Desc)), ..filtered.clone() };
    println!("{:<28} {:>11.0} µs", "browse: filter + date sort", fastest(|| index.query("", &browse)));

    let top: Vec<(String, &str)> =
        queries.iter().filter_map(|q| Some((index.search(q, 1).pop()?.id, q.as_str()))).collect();
    let t = Instant::now();
    index.find("");
    println!("{:<28} {:>11.0} µs (once per index)", "find: sorting the ids", t.elapsed().as_secs_f64() * 1e6);
    report("find(id)", top.iter().map(|(id, _)| fastest(|| index.find(id))).collect());
    report("view(id, q): highlight", top.iter().map(|(id, q)| fastest(|| index.view(id, Some(q)))).collect());
}
