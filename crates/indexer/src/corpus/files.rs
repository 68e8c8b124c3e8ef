//! One file to documents, by its kind.

use super::walk::Found;
use super::{CorpusError, Event, Kind, Location, MAX_FILE_BYTES};
use crate::document::{Document, Value};
use crate::site::Page;
use serde::Deserialize;
use std::path::Path;

/// A document read, or a web page whose text is chosen once every page is read.
pub enum Source {
    Document(Document),
    Page(Page),
}

/// A JSON record as written.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    url: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    meta: serde_json::Map<String, serde_json::Value>,
    lang: Option<String>,
    dir: Option<String>,
}

/// Reads `found`, adding what it holds to `out`; a file that is not text is
/// skipped with an event.
pub fn read(
    found: &Found,
    out: &mut Vec<(Source, Location)>,
    events: &mut dyn FnMut(Event),
) -> Result<(), CorpusError> {
    let path = &found.path;
    let io = |error| CorpusError::Io { path: path.clone(), error };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        let why = format!("larger than {} MiB; split it into smaller files", MAX_FILE_BYTES >> 20);
        events(Event::Skipped { path, why: &why });
        return Ok(());
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let Some(content) = text(path, &bytes, events) else { return Ok(()) };
    let content = content.strip_prefix('\u{FEFF}').unwrap_or(content);
    let at = |line| Location { path: path.clone(), line };
    let before = out.len();
    match found.kind {
        Kind::Html => out.push((Source::Page(Page::read(content, &found.rel)), at(None))),
        Kind::Text => out.push((Source::Document(Document::from_text(found.rel.clone(), content)), at(None))),
        Kind::Json => {
            let json: serde_json::Value = serde_json::from_str(content)
                .map_err(|e| CorpusError::Record { at: at(Some(e.line())), why: e.to_string() })?;
            let many = json.is_array();
            let records = if let serde_json::Value::Array(items) = json { items } else { vec![json] };
            for (i, record) in records.into_iter().enumerate() {
                let fallback = if many { format!("{}#{}", found.rel, i + 1) } else { found.rel.clone() };
                let doc = from_record(serde_json::from_value(record), fallback)
                    .map_err(|why| CorpusError::Record { at: at(None), why: format!("record {}: {why}", i + 1) })?;
                out.push((Source::Document(doc), at(None)));
            }
        }
        Kind::JsonLines => {
            for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let doc = from_record(serde_json::from_str(line), format!("{}#{}", found.rel, i + 1))
                    .map_err(|why| CorpusError::Record { at: at(Some(i + 1)), why })?;
                out.push((Source::Document(doc), at(Some(i + 1))));
            }
        }
    }
    events(Event::Read { path, documents: out.len() - before });
    Ok(())
}

/// `bytes` as text, or `None` (with an event) for a binary file or one in
/// another encoding than UTF-8.
fn text<'b>(path: &Path, bytes: &'b [u8], events: &mut dyn FnMut(Event)) -> Option<&'b str> {
    let why = if bytes.contains(&0) {
        "a binary file, not text"
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => return Some(s),
            Err(_) => "not UTF-8 text (for Windows-1256 Arabic: iconv -f cp1256 -t utf-8)",
        }
    };
    events(Event::Skipped { path, why });
    None
}

fn from_record(record: Result<Record, serde_json::Error>, fallback_id: String) -> Result<Document, String> {
    let r = record.map_err(|e| e.to_string())?;
    let id = match r.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => fallback_id,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => return Err(format!("id must be a string or a number, not {other}")),
    };
    let meta = r.meta.into_iter().map(|(key, value)| meta_entry(key, value)).collect::<Result<_, _>>()?;
    Ok(Document { id, title: r.title.unwrap_or_default(), url: r.url, text: r.text, meta, lang: r.lang, dir: r.dir }
        .completed())
}

/// A metadata entry as JSON gives it: its value must be a string or a number.
pub fn meta_entry(key: String, value: serde_json::Value) -> Result<(String, Value), String> {
    match value {
        serde_json::Value::String(s) => Ok((key, Value::Text(s))),
        serde_json::Value::Number(n) => Ok((key, Value::Number(n.to_string()))),
        other => Err(format!("meta.{key} must be a string or a number, not {other}")),
    }
}
