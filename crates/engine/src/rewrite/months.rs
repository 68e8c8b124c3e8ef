//! Month names: the Levantine and Iraqi names (كانون الثاني, شباط, آذار …) and the
//! Egyptian and Gulf ones (يناير, فبراير, مارس …), with the Maghrebi spellings
//! (جانفي, فيفري …), find each other. Two-word names (تشرين الأول) are read as a
//! unit and searched as a phrase.
//!
//! Some names are also common words (آب is أب, "father", once folded; مارس is
//! "he practised"): those are read as months only next to a number (١٥ آب ٢٠١٨).

use super::{known, Candidate, Rule};
use crate::index::Index;
use crate::query::Query;
use fahras_core::analysis::normalize;
use std::sync::OnceLock;

/// Each month's names, written as usual; the first of each group is its
/// Levantine name, the second its Egyptian one.
const MONTHS: [&[&str]; 12] = [
    &["كانون الثاني", "يناير", "جانفي"],
    &["شباط", "فبراير", "فيفري"],
    &["آذار", "مارس"],
    &["نيسان", "أبريل", "إبريل", "أفريل"],
    &["أيار", "مايو", "ماي"],
    &["حزيران", "يونيو", "يونيه", "جوان"],
    &["تموز", "يوليو", "يوليه", "جويلية"],
    &["آب", "أغسطس", "أوت"],
    &["أيلول", "سبتمبر"],
    &["تشرين الأول", "أكتوبر"],
    &["تشرين الثاني", "نوفمبر"],
    &["كانون الأول", "ديسمبر"],
];

/// Names that are also common words, read as months only beside a number.
const AMBIGUOUS: [&str; 4] = ["آب", "مارس", "ماي", "أوت"];

/// Other names of each month named in `q`: one list per name found, Levantine or
/// Egyptian first.
pub(super) fn candidates(index: &Index, q: &Query) -> Vec<Vec<Candidate>> {
    // Each name's words as the analyzer folds them, made once.
    static FOLDED: OnceLock<Vec<Vec<Vec<String>>>> = OnceLock::new();
    let folded = FOLDED.get_or_init(|| {
        MONTHS.iter().map(|names| names.iter().map(|n| n.split(' ').map(normalize).collect()).collect()).collect()
    });
    let words: Vec<&str> = q.words.iter().map(|w| w.token.term.as_str()).collect();
    let is_number = |i: usize| words.get(i).is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = MONTHS.iter().zip(folded).find_map(|(names, folded)| {
            names.iter().zip(folded).find_map(|(name, parts)| {
                let n = parts.len();
                let fits = words.get(i..i + n).is_some_and(|ws| ws.iter().zip(parts.iter()).all(|(w, p)| w == p));
                let clear = !AMBIGUOUS.contains(name) || (i > 0 && is_number(i - 1)) || is_number(i + n);
                (fits && clear).then_some((names, *name, n))
            })
        });
        let Some((names, name, n)) = found else {
            i += 1;
            continue;
        };
        let (start, end) = (q.words[i].token.start, q.words[i + n - 1].token.end);
        let in_phrase = q.words[i].phrase.is_some();
        let others = names.iter().filter(|&&o| o != name).filter(|o| known(index, o, false)).map(|o| {
            let text = if o.contains(' ') && !in_phrase { format!("\"{o}\"") } else { (*o).to_owned() };
            Candidate { start, end, text, rule: Rule::Month }
        });
        out.push(others.collect());
        i += n;
    }
    out
}
