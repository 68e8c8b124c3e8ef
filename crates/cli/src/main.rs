//! `fahras`: index documents and web pages, and search them from a shell, with
//! the same code the browser runs. The npm package runs this very program,
//! compiled to WebAssembly (wasm32-wasip1), as `npx fahras`.

mod index;
mod terminal;

use fahras_engine::{analyze, Index};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  fahras index <file|dir>... -o <index> [--exclude <dir>]...
                                               index .txt .md .html .json .jsonl documents and web pages
  fahras build <file|dir>... --out <dir>       (npx fahras) a search page and script carrying the index
  fahras search --index <index> [--limit N] [--json] <query>
  fahras suggest --index <index> [--limit N] [--json] <prefix>
  fahras analyze [--index <index>] <text>        show the words the engine sees and, with
                                               an index, how it reads the query besides
  fahras info --index <index>";

fn main() -> ExitCode {
    // WebAssembly has no working directory of its own: the npm launcher passes it.
    #[cfg(target_os = "wasi")]
    if let Some(dir) = std::env::var_os("PWD") {
        let _ = std::env::set_current_dir(dir);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fahras: {e}");
            ExitCode::from(2)
        }
    }
}

/// Options shared by the commands, in any order around the positional arguments.
#[derive(Default)]
struct Opts {
    index: Option<PathBuf>,
    output: Option<PathBuf>,
    excluded: Vec<PathBuf>,
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
            "--exclude" => o.excluded.push(value()?.into()),
            "--limit" => o.limit = Some(value()?.parse().map_err(|_| "--limit needs a whole number".to_string())?),
            "--json" => o.json = true,
            "-h" | "--help" => return Err(USAGE.into()),
            "--" => o.rest.extend(it.by_ref().cloned()),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}")),
            _ => o.rest.push(a.clone()),
        }
    }
    Ok(o)
}

fn open(o: &Opts) -> Result<Index, String> {
    let path = o.index.as_ref().ok_or("needs --index <file> (write one with: fahras index <docs> -o search.idx)")?;
    let bytes =
        std::fs::read(path).map_err(|e| format!("{}: {}", path.display(), fahras_indexer::io_error_text(&e)))?;
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
            let out = o.output.as_ref().ok_or("index needs -o <file>")?;
            if o.rest.is_empty() {
                return Err(format!("index needs at least one file or directory\n{USAGE}"));
            }
            let inputs: Vec<PathBuf> = o.rest.iter().map(PathBuf::from).collect();
            index::run(&inputs, &o.excluded, out)
        }
        "search" => {
            let hits = open(&o)?.search(&text, o.limit.unwrap_or(10));
            if o.json {
                return json(&hits);
            }
            let mut shown: Option<&str> = None;
            for (i, h) in hits.iter().enumerate() {
                // Hits found through a rewrite of the query say which reading found them.
                if let Some(u) = h.understood.as_deref().filter(|&u| shown != Some(u)) {
                    println!("showing results for: {}", terminal::escape(u));
                }
                shown = h.understood.as_deref();
                let snippet: String =
                    h.snippet.iter().map(|s| if s.hit { format!("[{}]", s.text) } else { s.text.clone() }).collect();
                let (title, id) = (terminal::escape(&h.title), terminal::escape(&h.id));
                println!("{}. {title} ({id})  score {:.3}\n   {}", i + 1, h.score, terminal::escape(&snippet));
            }
            Ok(())
        }
        "suggest" => {
            let s = open(&o)?.suggest(&text, o.limit.unwrap_or(10));
            if o.json {
                return json(&s);
            }
            s.iter().for_each(|s| println!("{}", terminal::escape(s)));
            Ok(())
        }
        "analyze" if o.index.is_some() => {
            let understood = open(&o)?.understand(&text);
            json(&serde_json::json!({ "words": analyze(&text), "understood": understood }))
        }
        "analyze" => json(&analyze(&text)),
        "info" => json(&open(&o)?.info()),
        "build" => Err("build writes a page and a script for the browser: run it as `npx fahras build`".into()),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown command {cmd:?}\n{USAGE}")),
    }
}
