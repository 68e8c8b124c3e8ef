//! `fahras`: index documents and web pages, and search them from a shell, with
//! the same code the browser runs. The npm package runs this very program,
//! compiled to WebAssembly (wasm32-wasip1), as `npx fahras`.

mod index;
mod terminal;

use fahras_core::format::split::ROOT_FILE;
use fahras_engine::{analyze, Index, Meta, Order, QueryOptions, Results};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  fahras index <file|dir>... -o <index> [--exclude <dir>]...
                                               index .txt .md .html .json .jsonl documents and web pages
  fahras index <file|dir>... --split -o <dir>/  the same, as a split index: a root and parts
                                               that readers fetch as their queries need them
                                               (--index takes the index file or the split directory)
  fahras build <file|dir>... --out <dir>       (npx fahras) a search page and script carrying the index
  fahras search --index <index> [--limit N] [--offset N] [--filter key=value]... [--sort key:asc|desc] [--json] <query>
                                               a page of results; --filter twice on one key: either value
  fahras show --index <index> [--query <query>] [--json] <id>
                                               one document, whole, with the query's words marked
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
    offset: usize,
    filters: Vec<(String, Vec<String>)>,
    sort: Option<(String, Order)>,
    query: Option<String>,
    json: bool,
    split: bool,
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
            "--offset" => o.offset = value()?.parse().map_err(|_| "--offset needs a whole number".to_string())?,
            "--filter" => {
                let filter = value()?;
                let (key, wanted) =
                    filter.split_once('=').ok_or(format!("--filter needs key=value, got {filter:?}"))?;
                match o.filters.iter_mut().find(|(k, _)| k == key) {
                    Some((_, values)) => values.push(wanted.to_owned()),
                    None => o.filters.push((key.to_owned(), vec![wanted.to_owned()])),
                }
            }
            "--sort" => {
                let sort = value()?;
                let order = match sort.rsplit_once(':') {
                    Some((key, "asc")) => (key.to_owned(), Order::Asc),
                    Some((key, "desc")) => (key.to_owned(), Order::Desc),
                    _ => return Err(format!("--sort needs key:asc or key:desc, got {sort:?}")),
                };
                o.sort = Some(order);
            }
            "--query" => o.query = Some(value()?),
            "--json" => o.json = true,
            "--split" => o.split = true,
            "-h" | "--help" => return Err(USAGE.into()),
            "--" => o.rest.extend(it.by_ref().cloned()),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}")),
            _ => o.rest.push(a.clone()),
        }
    }
    Ok(o)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {}", path.display(), fahras_indexer::io_error_text(&e)))
}

/// The index `--index` names: a file, or a split index's directory.
fn open(o: &Opts) -> Result<Index, String> {
    let path = o.index.as_ref().ok_or("needs --index <file> (write one with: fahras index <docs> -o search.idx)")?;
    let file = if path.is_dir() { path.join(ROOT_FILE) } else { path.clone() };
    Index::from_bytes(read(&file)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// What `answer` gives on `index`, reading the parts it needs from the split
/// index's directory.
fn answer<'i, T>(o: &Opts, index: &'i Index, answer: impl Fn(&'i Index) -> T) -> Result<T, String> {
    let dir = o.index.clone().unwrap_or_default();
    let found = index.with_parts(answer, |files| files.iter().map(|file| read(&dir.join(file))).collect());
    found.map_err(|e| format!("{}: {e}", dir.display()))
}

fn json<T: serde::Serialize>(v: &T) -> Result<(), String> {
    println!("{}", serde_json::to_string_pretty(v).map_err(|e| e.to_string())?);
    Ok(())
}

/// Segments as text, matched words in brackets.
fn marked(segments: &[fahras_engine::Segment]) -> String {
    segments.iter().map(|s| if s.hit { format!("[{}]", s.text) } else { s.text.clone() }).collect()
}

fn print_meta(indent: &str, meta: &Meta) {
    if !meta.is_empty() {
        let pairs: Vec<String> = meta.0.iter().map(|(k, v)| format!("{k}: {}", v.as_str())).collect();
        println!("{indent}{}", terminal::escape(&pairs.join(" · ")));
    }
}

fn print_results(results: &Results, offset: usize) {
    let total = results.total;
    let matches = if total == 1 { "1 document matches".to_owned() } else { format!("{total} documents match") };
    match results.hits.len() {
        0 => println!("{matches}"),
        n => println!("{matches}, showing {}-{}", offset + 1, offset + n),
    }
    let mut shown: Option<&str> = None;
    for (i, h) in results.hits.iter().enumerate() {
        // Hits found through a rewrite of the query say which reading found them.
        if let Some(u) = h.understood.as_deref().filter(|&u| shown != Some(u)) {
            println!("showing results for: {}", terminal::escape(u));
        }
        shown = h.understood.as_deref();
        let (title, id) = (terminal::escape(&h.title), terminal::escape(&h.id));
        println!("{}. {title} ({id})  score {:.3}", offset + i + 1, h.score);
        print_meta("   ", &h.meta);
        println!("   {}", terminal::escape(&marked(&h.snippet)));
    }
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
            index::run(&inputs, &o.excluded, out, o.split)
        }
        "search" => {
            let options = QueryOptions {
                limit: o.limit.unwrap_or(10),
                offset: o.offset,
                filters: o.filters.clone(),
                sort: o.sort.clone(),
                ..QueryOptions::default()
            };
            let index = open(&o)?;
            let results = answer(&o, &index, |index| index.query(&text, &options))?;
            if o.json {
                return json(&results);
            }
            print_results(&results, o.offset);
            Ok(())
        }
        "show" => {
            let [id] = &o.rest[..] else { return Err(format!("show needs one document id\n{USAGE}")) };
            let index = open(&o)?;
            let view = answer(&o, &index, |index| index.view(id, o.query.as_deref()))?;
            let view = view.ok_or(format!("no document has the id {id:?}"))?;
            if o.json {
                return json(&view);
            }
            let d = &view.doc;
            println!("{}\n{}", terminal::escape(&d.title), terminal::escape(d.id));
            if let Some(url) = d.url {
                println!("{}", terminal::escape(url));
            }
            print_meta("", &d.meta);
            let text = match &view.segments {
                Some(segments) => marked(segments),
                None => d.text.clone(),
            };
            println!("\n{}", terminal::escape_lines(&text));
            Ok(())
        }
        "suggest" => {
            let index = open(&o)?;
            let s = answer(&o, &index, |index| index.suggest(&text, o.limit.unwrap_or(10)))?;
            if o.json {
                return json(&s);
            }
            s.iter().for_each(|s| println!("{}", terminal::escape(s)));
            Ok(())
        }
        "analyze" if o.index.is_some() => {
            let index = open(&o)?;
            let understood = answer(&o, &index, |index| index.understand(&text))?;
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
