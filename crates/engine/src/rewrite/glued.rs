//! Two words typed without the space between them (الخوذالبيضاء for الخوذ
//! البيضاء): split where both halves are written words of the index.

use crate::index::Index;
use crate::query::QueryWord;
use fst::automaton::Str;
use fst::Automaton;

/// Each half has at least this many letters (في and من are glued on most often).
const MIN_PART: usize = 2;
/// Shorter words are not split: too many pairs of short words spell them.
const MIN_CHARS: usize = 6;
/// Splits proposed, the best first.
const KEEP: usize = 2;

/// Splits of `word` into two indexed words, the most plausible first: the one
/// whose rarer half is commonest. At most one dictionary lookup per half and
/// split point: two per letter.
pub(super) fn candidates(index: &Index, word: &QueryWord) -> Vec<String> {
    let Some(terms) = index.terms() else { return Vec::new() };
    let term = &word.token.term;
    if term.chars().count() < MIN_CHARS {
        return Vec::new();
    }
    let df = |w: &str, typing: bool| -> u64 {
        if let Some(off) = terms.get(w) {
            return index.postings(off).len();
        }
        if typing {
            return index.frequent_terms(Str::new(w).starts_with(), 1, 1).first().map_or(0, |(_, off)| index.postings(*off).len());
        }
        0
    };
    let cuts: Vec<usize> = term.char_indices().map(|(i, _)| i).collect();
    let mut found: Vec<(u64, String)> = Vec::new();
    for &at in cuts.iter().skip(MIN_PART).take(cuts.len().saturating_sub(2 * MIN_PART - 1)) {
        let (left, right) = term.split_at(at);
        let l = df(left, false);
        if l == 0 {
            continue;
        }
        let both = l.min(df(right, word.prefix));
        if both > 0 {
            found.push((both, format!("{left} {right}")));
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.into_iter().take(KEEP).map(|(_, s)| s).collect()
}
