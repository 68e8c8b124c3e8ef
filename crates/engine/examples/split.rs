//! A split index against the whole one: same answers, and what a reader fetches.
//!
//! `cargo run --release --example split -- <index.bin> <queries.jsonl>... [--sizes 4096,16384]`
//!
//! For each part size the whole index is cut, and every query is answered by
//! both: the answers (`query()` pages as JSON, then the top hit's document view)
//! must be byte-identical. Then it counts the bytes a reader fetches, raw and
//! gzipped (what a server sends): the root and parts before a first result (a
//! fresh reader per query), the new parts per later query (one reader answering
//! the queries in turn), and per keystroke when each query is typed letter by
//! letter, as the widget asks; and the round trips (runs that fetched) each took.

use fahras_core::format::split::{split, PartKind, ROOT_FILE};
use fahras_engine::{Index, QueryOptions};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Write;

#[derive(Deserialize)]
struct Query {
    q: String,
}

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
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

    /// Answers `f` fetching parts as needed: the answer, and the bytes (raw,
    /// gzipped) and round trips it took.
    fn answer(&mut self, f: impl Fn(&Index) -> String) -> (String, (usize, usize, usize)) {
        let (files, mut fetched) = (self.files, (0, 0, 0));
        let answer = self
            .index
            .with_parts(f, |names| {
                fetched.2 += 1;
                names
                    .iter()
                    .map(|name| {
                        let (bytes, gz) = files.get(name).ok_or(format!("no file {name}"))?;
                        fetched = (fetched.0 + bytes.len(), fetched.1 + gz, fetched.2);
                        Ok(bytes.clone())
                    })
                    .collect()
            })
            .expect("split answer");
        (answer, fetched)
    }
}

fn pct(mut v: Vec<usize>, p: f64) -> usize {
    v.sort_unstable();
    v.get(((v.len().max(1) - 1) as f64 * p) as usize).copied().unwrap_or(0)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes = vec![4 << 10, 16 << 10, 64 << 10];
    if let Some(at) = args.iter().position(|a| a == "--sizes") {
        sizes = args[at + 1].split(',').map(|s| s.parse().expect("--sizes n,n")).collect();
        args.drain(at..at + 2);
    }
    let [index, query_files @ ..] = &args[..] else {
        eprintln!("usage: split <index.bin> <queries.jsonl>... [--sizes 4096,16384]");
        std::process::exit(2);
    };
    let whole_bytes = std::fs::read(index).expect("read index");
    let queries: Vec<String> = query_files
        .iter()
        .flat_map(|f| std::fs::read_to_string(f).expect("read queries").lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Query>(&l).expect("query line").q)
        .collect();
    let whole = Index::from_bytes(whole_bytes.clone()).expect("open index");
    let (whole_len, whole_gz) = (whole_bytes.len(), gzip(&whole_bytes));
    println!("whole index: {whole_len} bytes, {whole_gz} gzipped; {} queries", queries.len());
    let page = QueryOptions::default();
    fn answer(index: &Index, q: &str) -> String {
        let results = index.query(q, &QueryOptions::default());
        let view = results.hits.first().map(|h| index.view(&h.id, Some(q)));
        serde_json::to_string(&(results, view)).expect("json")
    }
    let expected: Vec<String> = queries.iter().map(|q| answer(&whole, q)).collect();

    for size in sizes {
        let cut = split(&whole_bytes, size).expect("split");
        let files: HashMap<String, (Vec<u8>, usize)> =
            cut.parts.iter().map(|(name, bytes)| (name.clone(), (bytes.clone(), gzip(bytes)))).collect();
        let root_gz = gzip(&cut.root);
        println!(
            "\nparts of {size} bytes: {ROOT_FILE} {} bytes ({root_gz} gzipped), {} parts",
            cut.root.len(),
            cut.parts.len()
        );

        // Before a first result: a fresh reader per query.
        let mut first = (Vec::new(), Vec::new(), Vec::new());
        let mut differ = 0;
        let mut by_kind: [Vec<usize>; PartKind::ALL.len()] = Default::default();
        for (q, want) in queries.iter().zip(&expected) {
            let mut reader = Reader::new(&cut.root, &files);
            let (got, (raw, gz, trips)) = reader.answer(|index| answer(index, q));
            differ += usize::from(&got != want);
            for (k, b) in reader.index.part_bytes_held().into_iter().enumerate() {
                by_kind[k].push(b);
            }
            first.0.push(raw + cut.root.len());
            first.1.push(gz + root_gz);
            first.2.push(trips + 1);
        }
        // Later queries: one reader, queries in turn.
        let mut reader = Reader::new(&cut.root, &files);
        let mut later = (Vec::new(), Vec::new(), Vec::new());
        for (q, want) in queries.iter().zip(&expected) {
            let (got, (raw, gz, trips)) = reader.answer(|index| answer(index, q));
            differ += usize::from(&got != want);
            later.0.push(raw);
            later.1.push(gz);
            later.2.push(trips);
        }
        // Typed letter by letter, as the widget asks.
        let mut reader = Reader::new(&cut.root, &files);
        let mut keys = (Vec::new(), Vec::new());
        for q in &queries {
            let chars: Vec<char> = q.chars().collect();
            for n in 1..=chars.len() {
                let typed: String = chars[..n].iter().collect();
                let (_, (raw, gz, _)) =
                    reader.answer(|index| serde_json::to_string(&index.query(typed.trim(), &page)).expect("json"));
                keys.0.push(raw);
                keys.1.push(gz);
            }
        }
        let share = |b: usize, of: usize| 100.0 * b as f64 / of as f64;
        let line = |name: &str, raw: &Vec<usize>, gz: &Vec<usize>| {
            let (r50, r90, g50, g90) =
                (pct(raw.clone(), 0.5), pct(raw.clone(), 0.9), pct(gz.clone(), 0.5), pct(gz.clone(), 0.9));
            println!(
                "  {name:<22} median {r50:>8} B ({:.2}%) p90 {r90:>8} B ({:.2}%) | gzipped median {g50:>7} B ({:.2}%) p90 {g90:>7} B ({:.2}%)",
                share(r50, whole_len),
                share(r90, whole_len),
                share(g50, whole_gz),
                share(g90, whole_gz)
            );
        };
        let kinds = PartKind::ALL.map(|k| format!("{} {}", k.name(), pct(by_kind[k as usize].clone(), 0.5)));
        println!("  before first result, median bytes of parts by kind: {}", kinds.join(", "));
        println!("  answers differing from the whole index: {differ} of {}", 2 * queries.len());
        line("before first result", &first.0, &first.1);
        line("per later query", &later.0, &later.1);
        line("per keystroke", &keys.0, &keys.1);
        println!(
            "  round trips: first result median {} p90 {}; later query median {} p90 {}",
            pct(first.2.clone(), 0.5),
            pct(first.2, 0.9),
            pct(later.2.clone(), 0.5),
            pct(later.2, 0.9)
        );
        println!(
            "  a reader holds {} bytes of parts after all queries typed",
            reader.index.part_bytes_held().iter().sum::<usize>()
        );
    }
}
