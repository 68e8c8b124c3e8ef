//! `fahras.meta.json`: titles, urls and metadata for the plain-text files of
//! one directory, which have no place of their own to carry them.
//!
//! ```json
//! { "article.txt": { "title": "…", "url": "/a", "meta": { "date": "2018-07", "source": "…" } } }
//! ```
//!
//! Every name must be a `.txt` or `.md` file of that very directory: a name that
//! matches nothing is most likely a typo or a renamed file, and indexing on
//! without its metadata would go unnoticed until a reader filters by it.

use super::files::meta_entry;
use super::walk::Found;
use super::{CorpusError, Kind};
use crate::document::{Document, Value};
use std::collections::HashMap;

/// The file name of a sidecar.
pub const SIDECAR: &str = "fahras.meta.json";

/// What a sidecar says about one file.
#[derive(Debug, Default)]
pub struct Entry {
    title: Option<String>,
    url: Option<String>,
    meta: Vec<(String, Value)>,
}

impl Entry {
    /// Gives `doc` (read from the file) what the entry says.
    pub fn apply(&self, doc: &mut Document) {
        if let Some(title) = self.title.as_ref().filter(|t| !t.trim().is_empty()) {
            doc.title = title.clone();
        }
        if let Some(url) = self.url.as_ref().filter(|u| !u.trim().is_empty()) {
            doc.url = Some(url.clone());
        }
        for (key, value) in &self.meta {
            match doc.meta.iter_mut().find(|(k, _)| k == key) {
                Some((_, v)) => *v = value.clone(),
                None => doc.meta.push((key.clone(), value.clone())),
            }
        }
    }
}

/// Whether `found` is a sidecar rather than a document.
pub fn is_sidecar(found: &Found) -> bool {
    found.path.file_name().is_some_and(|name| name == SIDECAR)
}

/// The entries of the sidecar `found`, by the path of the file each describes
/// (as [`Found::rel`]); `files` are the files found beside it.
pub fn read(found: &Found, files: &[Found]) -> Result<HashMap<String, Entry>, CorpusError> {
    let path = &found.path;
    let error = |entry: Option<&str>, why: String| CorpusError::Sidecar {
        path: path.clone(),
        entry: entry.map(str::to_owned),
        why,
    };
    let text = std::fs::read_to_string(path).map_err(|e| CorpusError::Io { path: path.clone(), error: e })?;
    let json: serde_json::Value = serde_json::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(&text))
        .map_err(|e| error(None, format!("not valid JSON: {e}")))?;
    let serde_json::Value::Object(names) = json else {
        return Err(error(None, "must be an object mapping file names to { title, url, meta }".to_owned()));
    };
    let dir = &found.rel[..found.rel.len() - SIDECAR.len()];
    let mut entries = HashMap::with_capacity(names.len());
    for (name, value) in names {
        let rel = format!("{dir}{name}");
        match files.iter().find(|f| f.rel == rel) {
            Some(f) if f.kind == Kind::Text => {}
            Some(_) => return Err(error(Some(&name), "only .txt and .md files take their metadata from here".into())),
            None => return Err(error(Some(&name), "no such .txt or .md file in this directory".into())),
        }
        let entry = entry(value).map_err(|why| error(Some(&name), why))?;
        entries.insert(rel, entry);
    }
    Ok(entries)
}

fn entry(value: serde_json::Value) -> Result<Entry, String> {
    let serde_json::Value::Object(fields) = value else {
        return Err("must be an object with title, url or meta".to_owned());
    };
    let mut entry = Entry::default();
    for (field, value) in fields {
        let text = |value: serde_json::Value| match value {
            serde_json::Value::String(s) => Ok(s),
            other => Err(format!("{field} must be a string, not {other}")),
        };
        match field.as_str() {
            "title" => entry.title = Some(text(value)?),
            "url" => entry.url = Some(text(value)?),
            "meta" => {
                let serde_json::Value::Object(meta) = value else {
                    return Err(format!("meta must be an object, not {value}"));
                };
                entry.meta = meta.into_iter().map(|(key, value)| meta_entry(key, value)).collect::<Result<_, _>>()?;
            }
            other => return Err(format!("unknown field {other:?} (expected title, url, meta)")),
        }
    }
    Ok(entry)
}
