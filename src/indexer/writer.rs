//! Documents to index bytes (layout in [`crate::format`]).

use super::corpus::Document;
use crate::analysis::{stem, tokens, ANALYZER_VERSION};
use crate::format::{self, varint, Section, DOC_ENTRY_LEN, FORMAT_VERSION, HEADER_LEN, MAGIC, TITLE_GAP};
use std::collections::BTreeMap;

/// Per document: (doc number, tf) for spellings, (doc number, positions) for stems.
#[derive(Default)]
struct Inverted {
    terms: BTreeMap<String, Vec<(u32, u32)>>,
    stems: BTreeMap<String, Vec<(u32, Vec<u32>)>>,
}

impl Inverted {
    fn add(&mut self, doc: u32, pos: u32, forms: &[&str]) {
        for (i, form) in forms.iter().enumerate() {
            if forms[..i].contains(form) {
                continue;
            }
            let list = self.terms.entry((*form).to_owned()).or_default();
            match list.last_mut() {
                Some((d, tf)) if *d == doc => *tf += 1,
                _ => list.push((doc, 1)),
            }
        }
        let mut stems: Vec<&str> = forms.iter().map(|f| stem(f)).collect();
        stems.sort();
        stems.dedup();
        for s in stems {
            let list = self.stems.entry(s.to_owned()).or_default();
            match list.last_mut() {
                Some((d, ps)) if *d == doc => ps.push(pos),
                _ => list.push((doc, vec![pos])),
            }
        }
    }
}

/// Builds the index of `docs`, in the order given.
pub fn build_index(docs: &[Document]) -> Vec<u8> {
    let mut inv = Inverted::default();
    let mut doc_table = Vec::with_capacity(docs.len() * DOC_ENTRY_LEN);
    let mut store = Vec::new();
    let mut total_tokens = 0u64;
    for (n, doc) in docs.iter().enumerate() {
        let n = u32::try_from(n).expect("more than 4 billion documents");
        let mut pos = 0u32;
        for t in tokens(&doc.title) {
            inv.add(n, pos, &t.forms().collect::<Vec<_>>());
            pos += 1;
        }
        let title_tokens = pos;
        pos += TITLE_GAP;
        let mut count = title_tokens;
        for t in tokens(&doc.text) {
            inv.add(n, pos, &t.forms().collect::<Vec<_>>());
            pos += 1;
            count += 1;
        }
        total_tokens += u64::from(count);
        doc_table.extend_from_slice(&offset(store.len()).to_le_bytes());
        doc_table.extend_from_slice(&count.to_le_bytes());
        doc_table.extend_from_slice(&title_tokens.to_le_bytes());
        for field in [&doc.id, &doc.title, doc.url.as_deref().unwrap_or(""), &doc.text] {
            varint::write(&mut store, field.len() as u64);
            store.extend_from_slice(field.as_bytes());
        }
    }

    let mut postings = Vec::new();
    let terms = map(&inv.terms, &mut postings, |out, list| {
        let mut prev = 0;
        for &(doc, tf) in list {
            write_doc(out, doc - prev, tf);
            if tf != 1 {
                varint::write(out, u64::from(tf));
            }
            prev = doc;
        }
    });
    let stems = map(&inv.stems, &mut postings, |out, list| {
        let mut prev = 0;
        for (doc, positions) in list {
            write_doc(out, doc - prev, positions.len() as u32);
            prev = *doc;
            if let [only] = positions[..] {
                varint::write(out, u64::from(only));
                continue;
            }
            varint::write(out, positions.len() as u64);
            // The block's byte length first, so readers skip unneeded positions in O(1).
            let mut block = Vec::new();
            let mut p0 = 0;
            for &p in positions {
                varint::write(&mut block, u64::from(p - p0));
                p0 = p;
            }
            varint::write(out, block.len() as u64);
            out.extend_from_slice(&block);
        }
    });
    let stats = total_tokens.to_le_bytes().to_vec();
    assemble([terms, stems, postings, doc_table, store, stats])
}

/// A document delta with the flag for "occurs once" in its low bit.
fn write_doc(out: &mut Vec<u8>, delta: u32, tf: u32) {
    varint::write(out, u64::from(delta) << 1 | u64::from(tf == 1));
}

/// Writes each list into `postings` and maps its key to where it starts.
fn map<T>(lists: &BTreeMap<String, Vec<T>>, postings: &mut Vec<u8>, write: impl Fn(&mut Vec<u8>, &[T])) -> Vec<u8> {
    let mut builder = fst::MapBuilder::memory();
    for (key, list) in lists {
        // Keys come sorted and unique from the BTreeMap, which is all insert needs.
        builder.insert(key, postings.len() as u64).expect("sorted unique keys");
        varint::write(postings, list.len() as u64);
        write(postings, list);
    }
    builder.into_inner().expect("in-memory fst")
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("index larger than 4 GiB")
}

fn assemble(sections: [Vec<u8>; format::SECTION_COUNT]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + sections.iter().map(Vec::len).sum::<usize>());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&ANALYZER_VERSION.to_le_bytes());
    out.extend_from_slice(&[0; 8]); // checksum, reserved
    let mut at = HEADER_LEN;
    for s in &sections {
        out.extend_from_slice(&offset(at).to_le_bytes());
        out.extend_from_slice(&offset(s.len()).to_le_bytes());
        at += s.len();
    }
    debug_assert_eq!(out.len(), HEADER_LEN);
    debug_assert_eq!(Section::ALL.len(), sections.len());
    for s in &sections {
        out.extend_from_slice(s);
    }
    let crc = format::checksum(&out);
    out[format::CHECKSUM_AT..format::CHECKSUM_AT + 4].copy_from_slice(&crc.to_le_bytes());
    out
}
