//! `fahras`: index your own documents and search them from a shell, with the same
//! code the browser runs.

use fahras_engine::{analyze, Index};
use fahras_indexer::{build_index, read_corpus};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  fahras index <dir|file> -o <index.bin>      index .txt .md .html .json .jsonl documents
  fahras search [--index <index.bin>] [--limit N] [--json] <query>
  fahras suggest [--index <index.bin>] [--limit N] <prefix>
  fahras analyze <text>                        show the terms the engine sees
  fahras info [--index <index.bin>]

Without --index, the corpus embedded at build time is searched.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fahras: {e}");
            ExitCode::from(2)
        }
    }
}

/// Options shared by the commands, in any order around the positional argument.
#[derive(Default)]
struct Opts {
    index: Option<PathBuf>,
    output: Option<PathBuf>,
    limit: Option<usize>,
    json: bool,
    rest: Vec<String>,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--index" => o.index = Some(value()?.into()),
            "-o" | "--output" => o.output = Some(value()?.into()),
            "--limit" => o.limit = Some(value()?.parse().map_err(|_| "--limit needs a number".to_string())?),
            "--json" => o.json = true,
            "-h" | "--help" => return Err(USAGE.into()),
            _ => o.rest.push(a.clone()),
        }
    }
    Ok(o)
}

fn open(o: &Opts) -> Result<Index, String> {
    let path = o.index.as_ref().ok_or("needs --index <file> (write one with: fahras index <docs> -o search.idx)")?;
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Index::from_bytes(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn json<T: serde::Serialize>(v: &T) -> Result<(), String> {
    println!("{}", serde_json::to_string_pretty(v).map_err(|e| e.to_string())?);
    Ok(())
}

fn run(args: &[String]) -> Result<(), String> {
    let (cmd, args) = args.split_first().ok_or(USAGE)?;
    let o = parse(args)?;
    let text = o.rest.join(" ");
    match cmd.as_str() {
        "index" => {
            let [input] = &o.rest[..] else { return Err(USAGE.into()) };
            let out = o.output.as_ref().ok_or("index needs -o <index.bin>")?;
            let docs = read_corpus(input.as_ref()).map_err(|e| e.to_string())?;
            let bytes = build_index(&docs);
            std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
            eprintln!("indexed {} documents into {} ({} bytes)", docs.len(), out.display(), bytes.len());
            Ok(())
        }
        "search" => {
            let hits = open(&o)?.search(&text, o.limit.unwrap_or(10));
            if o.json {
                return json(&hits);
            }
            for (i, h) in hits.iter().enumerate() {
                let snippet: String =
                    h.snippet.iter().map(|s| if s.hit { format!("[{}]", s.text) } else { s.text.clone() }).collect();
                println!("{}. {} ({})  score {:.3}\n   {}", i + 1, h.title, h.id, h.score, snippet.replace('\n', " "));
            }
            Ok(())
        }
        "suggest" => {
            let s = open(&o)?.suggest(&text, o.limit.unwrap_or(10));
            if o.json {
                return json(&s);
            }
            s.iter().for_each(|s| println!("{s}"));
            Ok(())
        }
        "analyze" => json(&analyze(&text)),
        "info" => json(&open(&o)?.info()),
        _ => Err(USAGE.into()),
    }
}
