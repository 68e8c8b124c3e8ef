//! Reading the inputs: files, records and web pages to [`Document`]s.
//!
//! Accepted: `.txt` and `.md` (one document per file), `.json` (one record or an
//! array) and `.jsonl` (one record per line) with `id`, `title`, `url`, `text`,
//! `meta`, `lang`, `dir`, and `.html`/`.htm` web pages (one document per page,
//! see [`crate::site`]). A directory's `fahras.meta.json` gives its plain-text
//! files titles, urls and metadata (see [`sidecar`]).
//!
//! The rules that keep a run predictable whatever the inputs hold:
//! - files are read in path order, so the same inputs always give the same index;
//! - a file that is not UTF-8 text (binary, or another encoding) is skipped with a
//!   warning naming it, and so is a file larger than [`MAX_FILE_BYTES`];
//! - an unreadable file, a malformed record, a duplicate id, a sidecar that does
//!   not fit its directory, or inputs with no documents at all stop the run with
//!   an error naming the file and line (or the sidecar's entry);
//! - a document longer than [`MAX_DOCUMENT_WORDS`] words is split into parts
//!   (see [`crate::document::Document::split`]), with a warning.

mod files;
mod sidecar;
mod walk;

use crate::document::{Document, MAX_DOCUMENT_WORDS};
use files::Source;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are skipped: indexing one would need several times
/// its size in memory, more than a WebAssembly indexer can have.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// What a file holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Json,
    JsonLines,
}

impl Kind {
    pub fn of(path: &Path) -> Option<Kind> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" | "md" | "markdown" => Some(Kind::Text),
            "html" | "htm" => Some(Kind::Html),
            "json" => Some(Kind::Json),
            "jsonl" | "ndjson" => Some(Kind::JsonLines),
            _ => None,
        }
    }
}

/// Where a document came from: a file, and the line or record within it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// What happens while the inputs are read, for progress and warnings.
#[derive(Debug)]
pub enum Event<'a> {
    /// A file was read and gave `documents` documents.
    Read { path: &'a Path, documents: usize },
    /// A file or directory was passed over, and why.
    Skipped { path: &'a Path, why: &'a str },
    /// A document was split into `parts` parts.
    Split { at: &'a Location, parts: usize },
}

/// Why the inputs could not be read.
#[derive(Debug)]
pub enum CorpusError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Record {
        at: Location,
        why: String,
    },
    DuplicateId {
        id: String,
        first: Location,
        again: Location,
    },
    /// A `fahras.meta.json` that cannot be applied, and the entry at fault.
    Sidecar {
        path: PathBuf,
        entry: Option<String>,
        why: String,
    },
    Empty {
        inputs: Vec<PathBuf>,
    },
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Io { path, error } => write!(f, "{}: {}", path.display(), io_error_text(error)),
            CorpusError::Record { at, why } => write!(f, "{at}: not a document record: {why}"),
            CorpusError::DuplicateId { id, first, again } => {
                write!(f, "duplicate document id {id:?}: at {first} and again at {again} (ids must be unique)")
            }
            CorpusError::Sidecar { path, entry: Some(entry), why } => {
                write!(f, "{}: entry {entry:?}: {why}", path.display())
            }
            CorpusError::Sidecar { path, entry: None, why } => write!(f, "{}: {why}", path.display()),
            CorpusError::Empty { inputs } => {
                let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
                write!(f, "{}: no .txt, .md, .html, .json or .jsonl documents found", names.join(", "))
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// An I/O error as a person reads it: its description without the platform's
/// error number, which differs between the native and the WebAssembly command.
pub fn io_error_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_owned(),
        _ => text,
    }
}

/// The documents of `inputs`, in input order and path order within each,
/// leaving out the directories `excluded` (a build's own output, say).
pub fn read_inputs(
    inputs: &[PathBuf],
    excluded: &[PathBuf],
    events: &mut dyn FnMut(Event),
) -> Result<Vec<Document>, CorpusError> {
    // A directory that does not exist yet excludes nothing.
    let excluded: HashSet<PathBuf> = excluded.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    let mut read: Vec<(Source, Location)> = Vec::new();
    for input in inputs {
        let io = |error| CorpusError::Io { path: input.clone(), error };
        let (sidecars, found): (Vec<_>, Vec<_>) =
            walk::walk(input, &excluded, events).map_err(io)?.into_iter().partition(sidecar::is_sidecar);
        let mut described = HashMap::new();
        for s in &sidecars {
            described.extend(sidecar::read(s, &found)?);
        }
        for f in &found {
            let before = read.len();
            files::read(f, &mut read, events)?;
            if let Some(entry) = described.get(&f.rel) {
                for (source, _) in &mut read[before..] {
                    if let Source::Document(doc) = source {
                        entry.apply(doc);
                    }
                }
            }
        }
    }
    // A site that marks its pages' bodies marks the pages to index: like Pagefind,
    // once any page has data-fahras-body, pages without one are left out.
    let marked = read.iter().any(|(s, _)| matches!(s, Source::Page(p) if p.has_marked_body()));
    let mut docs = Vec::with_capacity(read.len());
    for (source, at) in read {
        let doc = match source {
            Source::Document(doc) => doc,
            Source::Page(page) => match page.into_document(marked) {
                Some(doc) => doc.completed(),
                None => {
                    events(Event::Skipped { path: &at.path, why: "no data-fahras-body, while other pages have one" });
                    continue;
                }
            },
        };
        let parts = doc.split(MAX_DOCUMENT_WORDS);
        if parts.len() > 1 {
            events(Event::Split { at: &at, parts: parts.len() });
        }
        docs.extend(parts.into_iter().map(|d| (d, at.clone())));
    }
    let mut seen: HashMap<&str, &Location> = HashMap::new();
    for (doc, at) in &docs {
        if let Some(first) = seen.insert(&doc.id, at) {
            return Err(CorpusError::DuplicateId { id: doc.id.clone(), first: first.clone(), again: at.clone() });
        }
    }
    if docs.is_empty() {
        return Err(CorpusError::Empty { inputs: inputs.to_vec() });
    }
    Ok(docs.into_iter().map(|(d, _)| d).collect())
}

/// The documents under one path, warnings dropped: for build scripts and tests.
pub fn read_corpus(path: &Path) -> Result<Vec<Document>, CorpusError> {
    read_inputs(&[path.to_owned()], &[], &mut |_| {})
}
