//! Completions for what is being typed, and corrections when nothing matched.

use super::fuzzy::{allowed_distance, Fuzzy};
use super::index::Index;
use super::query::parse;
use crate::analysis::{fold, tokens, Fold};
use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};

/// Completions offered at most.
pub const MAX_SUGGESTIONS: usize = 50;
/// Dictionary keys examined per suggestion request.
const SCAN: usize = 4096;

impl Index {
    /// Whole-query suggestions for `input`: its last word completed (most frequent
    /// words first) or, when nothing starts with it, corrected by one or two edits.
    /// Suggested words are shown as written in a document (hamza, ة and all),
    /// without diacritics.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<String> {
        let limit = limit.min(MAX_SUGGESTIONS);
        let q = parse(input);
        let (Some(last), Some(terms)) = (q.words.last(), self.terms()) else { return Vec::new() };
        if limit == 0 {
            return Vec::new();
        }
        let term = &last.token.term;
        let mut found = self.frequent(&terms, Str::new(term).starts_with(), |k| k != term || !last.prefix);
        if found.is_empty() {
            let distance = allowed_distance(term.chars().count()).max(1);
            found = self.frequent(&terms, Fuzzy::new(term, distance), |k| k != term);
        }
        let head = input.get(..last.token.start).unwrap_or("");
        let mut out: Vec<String> = Vec::new();
        for (_, key, off) in found {
            let word = self.written_form(&key, off).unwrap_or(key);
            let s = format!("{head}{word}");
            if !out.contains(&s) {
                out.push(s);
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// Keys accepted by `aut`, most frequent first: (df, key, postings offset).
    fn frequent<A: Automaton>(
        &self,
        terms: &fst::Map<&[u8]>,
        aut: A,
        keep: impl Fn(&str) -> bool,
    ) -> Vec<(u64, String, u64)> {
        let mut stream = terms.search(aut).into_stream();
        let mut found = Vec::new();
        while let Some((key, off)) = stream.next() {
            if found.len() == SCAN {
                break;
            }
            match std::str::from_utf8(key) {
                Ok(k) if keep(k) => found.push((self.term_postings(off).len(), k.to_owned(), off)),
                _ => {}
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        found
    }

    /// How a normalized key is written in the first document that has it.
    fn written_form(&self, key: &str, off: u64) -> Option<String> {
        let (doc, _) = self.term_postings(off).next()?;
        let d = self.document(doc)?;
        [d.title, d.text].into_iter().find_map(|text| {
            tokens(text)
                .find(|t| t.forms().any(|f| f == key))
                .map(|t| text[t.start..t.end].chars().filter(|&c| !is_mark(c)).collect())
        })
    }
}

/// Marks a suggestion drops: it offers the word, not one vocalisation of it.
fn is_mark(c: char) -> bool {
    matches!(fold(c), Fold::Silent | Fold::DaggerAlef | Fold::SmallYeh | Fold::HamzaAbove)
}
