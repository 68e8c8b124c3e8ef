//! Two words typed without the space between them (الخوذالبيضاء for الخوذ
//! البيضاء): split where both halves are written words of the index.

use super::{insert_bounded, word_df};
use crate::index::Index;
use crate::query::QueryWord;

/// Each half has at least this many letters (في and من are glued on most often).
const MIN_PART: usize = 2;
/// Shorter words are not split: too many pairs of short words spell them.
const MIN_CHARS: usize = 6;
/// Longer words are not split: two words glued are rarely longer, and each split
/// point costs lookups.
const MAX_CHARS: usize = 24;
/// Splits proposed, the best first.
const KEEP: usize = 2;

/// Splits of `word` into two words of the index, the most plausible first: the
/// one whose rarer half is commonest. A few dictionary lookups per half and
/// split point (see [`word_df`]).
pub(super) fn candidates(index: &Index, word: &QueryWord) -> Vec<String> {
    let term = &word.token.term;
    if !(MIN_CHARS..=MAX_CHARS).contains(&term.chars().count()) {
        return Vec::new();
    }
    let cuts: Vec<usize> = term.char_indices().map(|(i, _)| i).collect();
    // The best KEEP splits by (rarer half's frequency, text).
    let mut found: Vec<(u64, String)> = Vec::new();
    for &at in cuts.iter().skip(MIN_PART).take(cuts.len().saturating_sub(2 * MIN_PART - 1)) {
        let (left, right) = term.split_at(at);
        let l = word_df(index, left, false);
        if l == 0 {
            continue;
        }
        let both = l.min(word_df(index, right, word.prefix));
        if both > 0 {
            insert_bounded(&mut found, (both, format!("{left} {right}")), KEEP, |a, b| a.0 > b.0);
        }
    }
    found.into_iter().map(|(_, s)| s).collect()
}
