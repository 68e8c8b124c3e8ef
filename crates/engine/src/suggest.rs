//! Completions for what is being typed, and corrections when nothing matched.

use crate::fuzzy::{allowed_distance, Fuzzy};
use crate::index::{Index, Spelling};
use crate::query::parse;
use fahras_core::analysis::{fold, stem, tokens, Fold};
use fst::automaton::Str;
use fst::Automaton;

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
        let Some(last) = q.words.last() else { return Vec::new() };
        if limit == 0 {
            return Vec::new();
        }
        let term = &last.token.term;
        // While a word is being typed, the word itself is no completion of it.
        let other = |s: &Spelling| &s.key != term;
        let mut found = self.frequent_terms(Str::new(term).starts_with(), SCAN, limit + 1);
        if last.prefix {
            found.retain(other);
        }
        if found.is_empty() {
            let distance = allowed_distance(term.chars().count()).max(1);
            found = self.frequent_terms(Fuzzy::new(term, distance), SCAN, limit + 1);
            found.retain(other);
        }
        let head = input.get(..last.token.start).unwrap_or("");
        let mut out: Vec<String> = Vec::new();
        for Spelling { key, .. } in found {
            let word = self.written_form(&key).unwrap_or(key);
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

    /// How a normalized key is most commonly written.
    pub(crate) fn written_form(&self, key: &str) -> Option<String> {
        let record = self.stems()?.get(stem(key)).and_then(|off| self.stem_record(off))?;
        // A stem's words come commonest band first.
        let found = record.word_ids().find_map(|id| {
            let written = self.word(id)?;
            let t = tokens(&written).next()?;
            let matches = t.forms().any(|f| f == key);
            matches.then(|| written[t.start..t.end].chars().filter(|&c| !is_mark(c)).collect())
        });
        found
    }
}

/// Marks a suggestion drops: it offers the word, not one vocalisation of it.
fn is_mark(c: char) -> bool {
    matches!(fold(c), Fold::Silent | Fold::DaggerAlef | Fold::SmallYeh | Fold::HamzaAbove)
}
