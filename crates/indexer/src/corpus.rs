//! Reading a corpus: files and records to [`Document`]s.
//!
//! Accepted: `.txt`, `.md`, `.html`/`.htm`, and `.json` (one record or an array) /
//! `.jsonl` (one record per line) with `id`, `title`, `url`, `text`. A document's id
//! is its record `id`, else its path relative to the corpus root; its title is the
//! record or HTML title, else its first line. Files are read in path order so the
//! same corpus always gives the same index.

use crate::document::Document;
use crate::html::strip_html;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a corpus could not be read.
#[derive(Debug)]
pub enum CorpusError {
    Io { path: PathBuf, error: std::io::Error },
    Json { path: PathBuf, line: usize, error: serde_json::Error },
    Empty { path: PathBuf },
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            CorpusError::Json { path, line, error } => {
                write!(f, "{}:{line}: not a document record: {error}", path.display())
            }
            CorpusError::Empty { path } => {
                write!(f, "{}: no .txt, .md, .html, .json or .jsonl documents found", path.display())
            }
        }
    }
}

impl std::error::Error for CorpusError {}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    url: Option<String>,
    #[serde(default)]
    text: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum JsonFile {
    Many(Vec<Record>),
    One(Record),
}

/// Reads every document under `path` (a directory, searched recursively, or one file).
pub fn read_corpus(path: &Path) -> Result<Vec<Document>, CorpusError> {
    let io = |error| CorpusError::Io { path: path.to_owned(), error };
    let mut files = Vec::new();
    if path.is_dir() {
        collect_files(path, &mut files).map_err(io)?;
        files.sort();
    } else {
        files.push(path.to_owned());
    }
    let root = if path.is_dir() { path } else { path.parent().unwrap_or(path) };
    let mut docs = Vec::new();
    for file in &files {
        read_file(root, file, &mut docs)?;
    }
    if docs.is_empty() {
        return Err(CorpusError::Empty { path: path.to_owned() });
    }
    Ok(docs)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if extension(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

#[derive(PartialEq)]
enum Kind {
    Text,
    Html,
    Json,
    JsonLines,
}

fn extension(path: &Path) -> Option<Kind> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" | "md" | "markdown" => Some(Kind::Text),
        "html" | "htm" => Some(Kind::Html),
        "json" => Some(Kind::Json),
        "jsonl" | "ndjson" => Some(Kind::JsonLines),
        _ => None,
    }
}

fn read_file(root: &Path, path: &Path, docs: &mut Vec<Document>) -> Result<(), CorpusError> {
    let kind = extension(path);
    let content = std::fs::read(path).map_err(|error| CorpusError::Io { path: path.to_owned(), error })?;
    // Invalid UTF-8 is repaired rather than refused: one bad byte must not drop a document.
    let content = String::from_utf8_lossy(&content);
    let content = content.strip_prefix('\u{FEFF}').unwrap_or(&content);
    let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/");
    let json_err = |line, error| CorpusError::Json { path: path.to_owned(), line, error };
    match kind {
        Some(Kind::Html) => {
            let h = strip_html(content);
            docs.push(document(rel, h.title, None, h.text));
        }
        Some(Kind::Json) => match serde_json::from_str(content).map_err(|e| json_err(1, e))? {
            JsonFile::One(r) => docs.push(from_record(r, rel)),
            JsonFile::Many(rs) => {
                docs.extend(rs.into_iter().enumerate().map(|(i, r)| from_record(r, format!("{rel}#{}", i + 1))))
            }
        },
        Some(Kind::JsonLines) => {
            for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let r: Record = serde_json::from_str(line).map_err(|e| json_err(i + 1, e))?;
                docs.push(from_record(r, format!("{rel}#{}", i + 1)));
            }
        }
        _ => docs.push(document(rel, None, None, content.to_owned())),
    }
    Ok(())
}

fn from_record(r: Record, fallback_id: String) -> Document {
    let id = match r.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => fallback_id,
        Some(v) => v.to_string(),
    };
    document(id, r.title, r.url, r.text)
}

fn document(id: String, title: Option<String>, url: Option<String>, text: String) -> Document {
    let title = title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| first_line(&text));
    Document { id, title, url: url.filter(|u| !u.trim().is_empty()), text, ..Document::default() }
}

fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let line = line.trim_start_matches('#').trim();
    match line.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_owned(),
    }
}
