//! A split index against the whole one: same answers, and what a reader fetches.
//!
//! `cargo run --release --example split -- <index.bin> <queries.jsonl>... [--sizes 4096,16384] [--stream-docs 1,4]`
//!
//! For each part size and number of documents per stream part the whole index is cut, and every query is answered by
//! both: the answers (a page of results, then the top hit's document) must be
//! byte-identical, from a fresh reader and from one that answered the others.
//! Then it counts what a reader fetches for a page of results: bytes raw and
//! gzipped (what a server sends), round trips (runs that fetched) and requests.
//! Before a first result: the root and parts (a fresh reader per query); per
//! later query: the new parts (one reader answering the queries in turn); per
//! keystroke: each query typed letter by letter, as the widget asks.

mod common;

use fahras_core::format::split::{split, Layout, PartKind, ROOT_FILE};
use fahras_engine::{Index, QueryOptions};
use std::collections::HashMap;
use std::io::Write;

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
}

/// What answering took: bytes raw and gzipped, round trips, requests.
#[derive(Default, Clone, Copy)]
struct Fetched {
    raw: usize,
    gz: usize,
    trips: usize,
    requests: usize,
}

/// A reader of one split index, fetching from `files` (bytes, gzipped length by name).
struct Reader<'a> {
    index: Index,
    files: &'a HashMap<String, (Vec<u8>, usize)>,
}

impl<'a> Reader<'a> {
    fn new(root: &[u8], files: &'a HashMap<String, (Vec<u8>, usize)>) -> Reader<'a> {
        let index = Index::from_bytes(root.to_vec()).expect("open root");
        Reader { index, files }
    }

    /// Answers `f` fetching parts as needed: the answer, and what it fetched.
    fn answer(&mut self, f: impl Fn(&Index) -> String) -> (String, Fetched) {
        let (files, mut fetched) = (self.files, Fetched::default());
        let answer = self
            .index
            .with_parts(f, |names| {
                fetched.trips += 1;
                fetched.requests += names.len();
                names
                    .iter()
                    .map(|name| {
                        let (bytes, gz) = files.get(name).ok_or(format!("no file {name}"))?;
                        fetched.raw += bytes.len();
                        fetched.gz += gz;
                        Ok(bytes.clone())
                    })
                    .collect()
            })
            .expect("split answer");
        (answer, fetched)
    }
}

/// Fastest of 7 runs of `f`, in microseconds.
fn fastest<T>(mut f: impl FnMut() -> T) -> usize {
    (0..7)
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_micros() as usize
        })
        .min()
        .unwrap_or(0)
}

fn pct(mut v: Vec<usize>, p: f64) -> usize {
    v.sort_unstable();
    v.get(((v.len().max(1) - 1) as f64 * p) as usize).copied().unwrap_or(0)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut list = |flag: &str, default: usize| -> Vec<usize> {
        let Some(at) = args.iter().position(|a| a == flag) else { return vec![default] };
        let list = args[at + 1].split(',').map(|s| s.parse().expect("a list of numbers: n,n")).collect();
        args.drain(at..at + 2);
        list
    };
    let sizes = list("--sizes", Layout::default().part_size);
    let stream_docs = list("--stream-docs", Layout::default().stream_docs as usize);
    let [index, query_files @ ..] = &args[..] else {
        eprintln!("usage: split <index.bin> <queries.jsonl>... [--sizes 4096,16384] [--stream-docs 1,4]");
        std::process::exit(2);
    };
    let whole_bytes = std::fs::read(index).expect("read index");
    let queries = common::read_queries(query_files);
    let whole = Index::from_bytes(whole_bytes.clone()).expect("open index");
    let (whole_len, whole_gz) = (whole_bytes.len(), gzip(&whole_bytes));
    println!("whole index: {whole_len} bytes, {whole_gz} gzipped; {} queries", queries.len());
    /// A page of results, as a reader first sees them.
    fn results(index: &Index, q: &str) -> String {
        serde_json::to_string(&index.query(q, &QueryOptions::default())).expect("json")
    }
    /// The page and the first hit's document, as the whole index gives them.
    fn answer(index: &Index, q: &str) -> String {
        let results = index.query(q, &QueryOptions::default());
        let view = results.hits.first().map(|h| index.view(&h.id, Some(q)));
        serde_json::to_string(&(results, view)).expect("json")
    }
    let expected: Vec<String> = queries.iter().map(|q| answer(&whole, q)).collect();

    let layouts = sizes
        .iter()
        .flat_map(|&part_size| stream_docs.iter().map(move |&docs| Layout { part_size, stream_docs: docs as u32 }));
    for layout in layouts {
        let cut = split(&whole_bytes, layout).expect("split");
        let files: HashMap<String, (Vec<u8>, usize)> =
            cut.parts.iter().map(|(name, bytes)| (name.clone(), (bytes.clone(), gzip(bytes)))).collect();
        let root_gz = gzip(&cut.root);
        println!(
            "\nparts of {} bytes, {} documents a stream part: {ROOT_FILE} {} bytes ({root_gz} gzipped), {} parts",
            layout.part_size,
            layout.stream_docs,
            cut.root.len(),
            cut.parts.len()
        );

        // Before a first result: a fresh reader per query.
        let root = Fetched { raw: cut.root.len(), gz: root_gz, trips: 1, requests: 1 };
        let (mut first, mut later, mut keys) = (Vec::new(), Vec::new(), Vec::new());
        let mut differ = 0;
        let mut by_kind: [Vec<usize>; PartKind::ALL.len()] = Default::default();
        for q in &queries {
            let mut reader = Reader::new(&cut.root, &files);
            let (_, f) = reader.answer(|index| results(index, q));
            for (k, b) in reader.index.part_bytes_held().into_iter().enumerate() {
                by_kind[k].push(b);
            }
            first.push(Fetched {
                raw: f.raw + root.raw,
                gz: f.gz + root.gz,
                trips: f.trips + root.trips,
                requests: f.requests + root.requests,
            });
        }
        // Later queries: one reader, queries in turn.
        let mut reader = Reader::new(&cut.root, &files);
        for q in &queries {
            later.push(reader.answer(|index| results(index, q)).1);
        }
        // The same answers as the whole index, fresh and after other queries.
        for reader in [&mut Reader::new(&cut.root, &files), &mut reader] {
            for (q, want) in queries.iter().zip(&expected) {
                differ += usize::from(&reader.answer(|index| answer(index, q)).0 != want);
            }
        }
        // Typed letter by letter, as the widget asks.
        let mut reader = Reader::new(&cut.root, &files);
        for q in &queries {
            let chars: Vec<char> = q.chars().collect();
            for n in 1..=chars.len() {
                let typed: String = chars[..n].iter().collect();
                keys.push(reader.answer(|index| results(index, typed.trim())).1);
            }
        }
        let kinds = PartKind::ALL.map(|k| format!("{} {}", k.name(), pct(by_kind[k as usize].clone(), 0.5)));
        println!("  before first result, median bytes of parts by kind: {}", kinds.join(", "));
        println!("  answers differing from the whole index: {differ} of {}", 2 * queries.len());
        let share = |b: usize, of: usize| 100.0 * b as f64 / of as f64;
        for (name, runs) in [("before first result", &first), ("per later query", &later), ("per keystroke", &keys)] {
            let of = |f: fn(&Fetched) -> usize, p| pct(runs.iter().map(f).collect(), p);
            let (r50, r90, g50, g90) = (of(|f| f.raw, 0.5), of(|f| f.raw, 0.9), of(|f| f.gz, 0.5), of(|f| f.gz, 0.9));
            println!(
                "  {name:<20} raw median {r50:>8} B ({:.2}%) p90 {r90:>8} B ({:.2}%) | gzipped median {g50:>7} B ({:.2}%) p90 {g90:>7} B ({:.2}%) | round trips median {} p90 {}, requests median {} p90 {}",
                share(r50, whole_len),
                share(r90, whole_len),
                share(g50, whole_gz),
                share(g90, whole_gz),
                of(|f| f.trips, 0.5),
                of(|f| f.trips, 0.9),
                of(|f| f.requests, 0.5),
                of(|f| f.requests, 0.9),
            );
        }
        println!(
            "  a reader holds {} bytes of parts after all queries typed",
            reader.index.part_bytes_held().iter().sum::<usize>()
        );
        // With its parts at hand, a split index answers as fast as the whole one.
        let page = QueryOptions::default();
        let mut times = (Vec::new(), Vec::new());
        for q in &queries {
            reader.answer(|index| results(index, q));
            times.0.push(fastest(|| whole.query(q, &page)));
            times.1.push(fastest(|| reader.index.query(q, &page)));
        }
        for (name, t) in [("whole", times.0), ("split, parts at hand", times.1)] {
            println!("  {name:<22} query p50 {:>5} µs p99 {:>5} µs", pct(t.clone(), 0.5), pct(t, 0.99));
        }
    }
}
