//! The stored documents, read back from their word ids (layout in
//! [`fahras_core::format::streams`]).
//!
//! A document is kept as its sequence of written-word ids and gap ids. Put back
//! together they give the original text byte for byte, for titles, snippets and
//! the document itself; and a word's place in the sequence is its position, so
//! phrases, proximity and highlights need no positions in the postings.

use crate::index::Index;
use crate::snippet::Segment;
use fahras_core::format::documents::DocEntry;
use fahras_core::format::fields::{Kind, Value};
use fahras_core::format::read_u32;
use fahras_core::format::split::{id_hash, stream_in_part, PartKind};
use fahras_core::format::streams::{Run, Stream};
use fahras_core::format::Section;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// A stored document: id and url borrowed from the index, title and text as ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocWords<'a> {
    pub id: &'a str,
    pub url: &'a str,
    pub title: Run,
    pub text: Run,
}

/// One stored document, whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredDoc<'a> {
    pub id: &'a str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    pub text: String,
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dir: Option<&'a str>,
}

/// A document as a reader opens it: whole, and with the words of a query
/// marked when one is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentView<'a> {
    #[serde(flatten)]
    pub doc: StoredDoc<'a>,
    /// The text in parts, matched words marked (see [`Index::highlight`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<Segment>>,
}

/// A document's metadata, key by key; serialized as an object whose numbers are
/// numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta(pub Vec<(String, Value)>);

impl Meta {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Meta {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            match value {
                Value::Text(t) => map.serialize_entry(key, t)?,
                Value::Number(n) => match (n.parse::<i64>(), n.parse::<f64>()) {
                    (Ok(i), _) => map.serialize_entry(key, &i)?,
                    (_, Ok(f)) if f.is_finite() => map.serialize_entry(key, &f)?,
                    _ => map.serialize_entry(key, n)?,
                },
            }
        }
        map.end()
    }
}

impl Index {
    fn stream(&self, n: u32) -> Option<Stream<'_>> {
        let Some(parts) = &self.parts else {
            return Stream::open(self.section(Section::Streams), self.doc_entry(n)?);
        };
        let (tokens, title_tokens) = *parts.root.lengths.get(n as usize)?;
        let (payload, first) = parts.get(PartKind::Streams, u64::from(n))?;
        let (streams, stream) = stream_in_part(payload, n - first as u32)?;
        Stream::open(streams, DocEntry { stream, tokens, title_tokens })
    }

    /// Document `n` as ids; `None` if its stream is damaged.
    pub(crate) fn doc_words(&self, n: u32) -> Option<DocWords<'_>> {
        let stream = self.stream(n)?;
        let (id, url) = (std::str::from_utf8(stream.id).ok()?, std::str::from_utf8(stream.url).ok()?);
        let (title, text) = stream.runs()?;
        Some(DocWords { id, url, title, text })
    }

    /// Calls `f(word id, position)` for each word of document `n`, title first.
    pub(crate) fn for_each_word(&self, n: u32, f: impl FnMut(u32, u32)) {
        if let Some(stream) = self.stream(n) {
            stream.for_each_word(f);
        }
    }

    /// [`Index::for_each_word`] until `f` returns true; whether it did.
    pub(crate) fn any_word(&self, n: u32, f: impl FnMut(u32, u32) -> bool) -> bool {
        self.stream(n).is_some_and(|stream| stream.any_word(f))
    }

    /// A run put back together as text.
    pub(crate) fn run_text(&self, run: &Run) -> String {
        let mut out = String::new();
        for (&gap, &word) in run.gaps.iter().zip(&run.words) {
            self.gap_into(gap, &mut out);
            self.word_into(word, &mut out);
        }
        self.gap_into(run.tail, &mut out);
        out
    }

    /// Appends written word `id` (nothing if the id is damaged).
    /// Appends gap `id` (nothing if the id is damaged).
    pub(crate) fn gap_into(&self, id: u32, out: &mut String) {
        let _ = self.gaps().get_into(id, out);
    }

    /// Document `n`'s metadata.
    pub(crate) fn meta(&self, n: u32) -> Meta {
        let fields = self.fields().of(n).filter(|(column, _)| column.kind == Kind::Meta);
        Meta(fields.map(|(column, value)| (column.name.clone(), value.clone())).collect())
    }

    /// The number of the document with id `id`. In a whole index the first call
    /// sorts the document numbers by id (kept: 4 bytes a document); each call
    /// then is a binary search. A split index has them by hash of id in parts,
    /// so that finding one document reads one part, not every stream.
    pub fn find(&self, id: &str) -> Option<u32> {
        if self.parts.is_some() {
            let hash = id_hash(id.as_bytes());
            let (pairs, _) = self.located(PartKind::Ids, u64::from(hash));
            let pair = |i: usize| Some((read_u32(pairs, i * 8)?, read_u32(pairs, i * 8 + 4)?));
            let (mut at, mut end) = (0, pairs.len() / 8);
            while at < end {
                let mid = (at + end) / 2;
                if pair(mid).is_some_and(|(h, _)| h < hash) {
                    at = mid + 1;
                } else {
                    end = mid;
                }
            }
            // Ids that share a hash are told apart by their streams.
            while let Some((_, n)) = pair(at).filter(|&(h, _)| h == hash) {
                if self.doc_id(n) == Some(id) {
                    return Some(n);
                }
                at += 1;
            }
            return None;
        }
        let by_id = self.by_id.get_or_init(|| {
            let mut ids: Vec<(&str, u32)> = (0..self.doc_count()).filter_map(|n| Some((self.doc_id(n)?, n))).collect();
            ids.sort_unstable();
            ids.into_iter().map(|(_, n)| n).collect()
        });
        let at = by_id.partition_point(|&n| self.doc_id(n).is_some_and(|found| found < id));
        by_id.get(at).copied().filter(|&n| self.doc_id(n) == Some(id))
    }

    /// The document with id `id`, with `query`'s words marked when given.
    pub fn view(&self, id: &str, query: Option<&str>) -> Option<DocumentView<'_>> {
        let n = self.find(id)?;
        Some(DocumentView { doc: self.document(n)?, segments: query.map(|q| self.highlight(n, q)) })
    }

    fn doc_id(&self, n: u32) -> Option<&str> {
        std::str::from_utf8(self.stream(n)?.id).ok()
    }

    /// Document `n`, whole: `None` if there is no such document or it is damaged.
    pub fn document(&self, n: u32) -> Option<StoredDoc<'_>> {
        let d = self.doc_words(n)?;
        let (mut lang, mut dir) = (None, None);
        for (column, value) in self.fields().of(n) {
            match column.kind {
                Kind::Meta => {}
                Kind::Lang => lang = Some(value.as_str()),
                Kind::Dir => dir = Some(value.as_str()),
            }
        }
        let meta = self.meta(n);
        Some(StoredDoc {
            id: d.id,
            title: self.run_text(&d.title),
            url: (!d.url.is_empty()).then_some(d.url),
            text: self.run_text(&d.text),
            meta,
            lang,
            dir,
        })
    }
}
