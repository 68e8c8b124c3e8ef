//! `Fields`: what is known about each document besides its text: metadata
//! (`meta: { date, author, category, … }`), its language and its direction.
//!
//! ```text
//! K                          columns (varint)
//! per column  kind           0 metadata, 1 language, 2 direction (one byte)
//!             name           varint length + UTF-8 (the metadata key; empty for the others)
//!             V              distinct values, sorted
//!             V values       0 text / 1 number (one byte), varint length + UTF-8
//!             per document   its value's number + 1, or 0 when it has none (varint)
//! ```
//!
//! Stored by column, with each distinct value once: a news archive's 25,000
//! articles share a handful of sources and categories, and filtering or counting
//! by a key then reads one array.

use super::varint::{self, Reader};
use std::collections::BTreeMap;

/// Which property of a document a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Meta,
    Lang,
    Dir,
}

impl Kind {
    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(code: u8) -> Option<Kind> {
        [Kind::Meta, Kind::Lang, Kind::Dir].get(usize::from(code)).copied()
    }
}

/// A field value. A number keeps the text it was written with (`2023`, `3.5`),
/// so that it reads back exactly as given.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    Text(String),
    Number(String),
}

impl Value {
    pub fn as_str(&self) -> &str {
        match self {
            Value::Text(s) | Value::Number(s) => s,
        }
    }
}

/// Collects the fields of documents, then writes the section.
#[derive(Debug, Default)]
pub struct FieldsWriter {
    columns: BTreeMap<(Kind, String), BTreeMap<u32, Value>>,
}

impl FieldsWriter {
    /// Sets field `(kind, name)` of document `doc`; a second value for the same
    /// field replaces the first.
    pub fn set(&mut self, doc: u32, kind: Kind, name: &str, value: Value) {
        self.columns.entry((kind, name.to_owned())).or_default().insert(doc, value);
    }

    /// The section for `doc_count` documents.
    pub fn write(&self, doc_count: u32) -> Vec<u8> {
        let mut out = Vec::new();
        varint::write(&mut out, self.columns.len() as u64);
        for ((kind, name), docs) in &self.columns {
            out.push(kind.code());
            write_str(&mut out, name);
            let mut values: Vec<&Value> = docs.values().collect();
            values.sort_unstable();
            values.dedup();
            varint::write(&mut out, values.len() as u64);
            for v in &values {
                out.push(u8::from(matches!(v, Value::Number(_))));
                write_str(&mut out, v.as_str());
            }
            for doc in 0..doc_count {
                let n = docs.get(&doc).map_or(0, |v| values.binary_search(&v).map_or(0, |i| i + 1));
                varint::write(&mut out, n as u64);
            }
        }
        out
    }
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    varint::write(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// One column as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub kind: Kind,
    pub name: String,
    /// Distinct values, sorted.
    pub values: Vec<Value>,
    /// Per document, its value's number + 1, or 0.
    docs: Vec<u32>,
}

impl Column {
    /// Document `doc`'s value, if it has one.
    pub fn get(&self, doc: u32) -> Option<&Value> {
        self.values.get(self.value_of(doc)?)
    }

    /// Where document `doc`'s value lies in [`Column::values`], if it has one:
    /// filters and facets compare these numbers instead of the values.
    pub fn value_of(&self, doc: u32) -> Option<usize> {
        (*self.docs.get(doc as usize)? as usize).checked_sub(1)
    }
}

/// The fields of every document, decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub columns: Vec<Column>,
}

impl Fields {
    /// Decodes the section for `doc_count` documents; `None` if it is damaged.
    pub fn read(bytes: &[u8], doc_count: u32) -> Option<Fields> {
        let mut r = Reader::new(bytes, 0);
        let left = |r: &Reader| bytes.len().saturating_sub(r.position()) as u64;
        // Counts are checked against the bytes left (each item takes at least one)
        // before anything is allocated for them.
        let k = r.read().filter(|&k| k <= left(&r))?;
        let mut columns = Vec::with_capacity(k as usize);
        for _ in 0..k {
            let kind = Kind::from_code(*bytes.get(r.position())?)?;
            r.seek(r.position() + 1);
            let name = r.read_str()?.to_owned();
            let v = r.read().filter(|&v| v <= left(&r))?;
            let mut values = Vec::with_capacity(v as usize);
            for _ in 0..v {
                let number = *bytes.get(r.position())?;
                r.seek(r.position() + 1);
                let text = r.read_str()?.to_owned();
                values.push(match number {
                    0 => Value::Text(text),
                    1 => Value::Number(text),
                    _ => return None,
                });
            }
            if u64::from(doc_count) > left(&r) {
                return None;
            }
            let docs =
                (0..doc_count).map(|_| r.read_u32().filter(|&n| n as usize <= values.len())).collect::<Option<_>>()?;
            columns.push(Column { kind, name, values, docs });
        }
        (r.position() == bytes.len()).then_some(Fields { columns })
    }

    /// Document `doc`'s fields, column by column.
    pub fn of(&self, doc: u32) -> impl Iterator<Item = (&Column, &Value)> {
        self.columns.iter().filter_map(move |c| Some((c, c.get(doc)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    #[test]
    fn round_trip() {
        let mut w = FieldsWriter::default();
        w.set(0, Kind::Meta, "category", text("سياسة"));
        w.set(2, Kind::Meta, "category", text("رياضة"));
        w.set(1, Kind::Meta, "category", text("سياسة"));
        w.set(1, Kind::Meta, "year", Value::Number("2023".into()));
        w.set(2, Kind::Lang, "", text("ar"));
        w.set(2, Kind::Dir, "", text("rtl"));
        let bytes = w.write(4);
        let f = Fields::read(&bytes, 4).unwrap();
        assert_eq!(f.columns.len(), 4);
        let of = |d| f.of(d).map(|(c, v)| (c.kind, c.name.as_str(), v.clone())).collect::<Vec<_>>();
        assert_eq!(of(0), [(Kind::Meta, "category", text("سياسة"))]);
        assert_eq!(
            of(1),
            [(Kind::Meta, "category", text("سياسة")), (Kind::Meta, "year", Value::Number("2023".into()))]
        );
        assert_eq!(
            of(2),
            [(Kind::Meta, "category", text("رياضة")), (Kind::Lang, "", text("ar")), (Kind::Dir, "", text("rtl"))]
        );
        assert_eq!(of(3), []);
        // The distinct values are stored once each.
        assert_eq!(f.columns[0].values, [text("رياضة"), text("سياسة")]);
        assert_eq!(Fields::read(&FieldsWriter::default().write(3), 3), Some(Fields::default()));
    }

    #[test]
    fn damage_is_none() {
        let mut w = FieldsWriter::default();
        w.set(0, Kind::Meta, "k", text("v"));
        let bytes = w.write(2);
        for cut in 0..bytes.len() {
            assert_eq!(Fields::read(&bytes[..cut], 2), None, "cut at {cut}");
        }
        assert_eq!(Fields::read(&bytes, 3), None, "more documents than written");
        let mut bad = bytes.clone();
        *bad.last_mut().unwrap() = 5;
        assert_eq!(Fields::read(&bad, 2), None, "a value number beyond the values");
        assert_eq!(Fields::read(&[0xFF, 0xFF, 0xFF, 0x0F], 2), None, "a huge column count");
    }
}
