//! Typo tolerance: a Levenshtein automaton evaluated lazily while the term
//! dictionary is walked.
//!
//! fst's own Levenshtein automaton builds a full DFA up front, over UTF-8 bytes;
//! for an Arabic word at distance 2 that takes milliseconds, more than a whole
//! search may. This one keeps one row of the edit-distance table per dictionary
//! prefix instead (computed per character, as the walk reaches it) and prunes any
//! branch whose row has no cell within the distance, so the work grows with the
//! part of the dictionary that is actually near the word. The first letter must
//! match (Lucene's `prefixLength` of 1): it prunes nearly the whole dictionary at
//! the root. The commonest first-letter slips, a proclitic typed or dropped, are
//! matched as variants before typo tolerance is tried, and the others are
//! looked up one by one (`matcher::first_letter_slips`).

use crate::chars::{CharAutomaton, Utf8};

/// Longest word given typo tolerance, in characters (longer words are cut by the
/// analyzer anyway).
const MAX_CHARS: usize = 64;

/// Matches keys within `distance` edits (insertions, deletions, substitutions of
/// characters) of a word.
pub struct Fuzzy {
    word: Vec<char>,
    distance: u8,
}

/// The edit-distance row after the characters read so far.
pub type Row = [u8; MAX_CHARS + 1];

impl Fuzzy {
    #[allow(clippy::new_ret_no_self)]
    pub fn new(word: &str, distance: u8) -> Utf8<Fuzzy> {
        Utf8(Fuzzy { word: word.chars().take(MAX_CHARS).collect(), distance })
    }
}

impl CharAutomaton for Fuzzy {
    type State = Row;

    fn start(&self) -> Row {
        let mut cells = [u8::MAX; MAX_CHARS + 1];
        for (i, c) in cells.iter_mut().enumerate().take(self.word.len() + 1) {
            *c = i as u8;
        }
        cells
    }

    fn step(&self, row: &Row, c: char) -> Row {
        let n = self.word.len();
        // row[0] counts the characters read: zero means this is the first.
        if row[0] == 0 && self.word.first() != Some(&c) {
            return [u8::MAX; MAX_CHARS + 1];
        }
        let mut next = *row;
        next[0] = row[0].saturating_add(1);
        for i in 1..=n {
            let substitute = row[i - 1] + u8::from(self.word[i - 1] != c);
            next[i] = substitute.min(row[i] + 1).min(next[i - 1] + 1);
        }
        next
    }

    fn is_match(&self, row: &Row) -> bool {
        row[self.word.len()] <= self.distance
    }

    fn can_match(&self, row: &Row) -> bool {
        row[..=self.word.len()].iter().any(|&d| d <= self.distance)
    }
}

/// The edit distance allowed for a word of `chars` characters: none for words
/// of one or two letters (too many neighbours), one for ordinary words (a word
/// of three is often a longer one with a letter left out: حثت for حدثت), two for
/// long ones.
pub fn allowed_distance(chars: usize) -> u8 {
    match chars {
        0..=2 => 0,
        3..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};

    fn matches(word: &str, d: u8, keys: &[&str]) -> Vec<String> {
        let mut keys = keys.to_vec();
        keys.sort();
        let set = Set::from_iter(keys).unwrap();
        let mut s = set.search(Fuzzy::new(word, d)).into_stream();
        let mut out = Vec::new();
        while let Some(k) = s.next() {
            out.push(String::from_utf8(k.to_vec()).unwrap());
        }
        out.sort();
        out
    }

    #[test]
    fn counts_edits_in_characters_not_bytes() {
        let keys = ["رولينغ", "رولنغ", "رونالدو", "زولينغ", "رولينغز", "ولنغ"];
        let mut one = vec!["رولنغ", "رولينغ"];
        one.sort();
        assert_eq!(matches("رولنغ", 1, &keys), one);
        // Never a different first letter (زولينغ), nor a lost one (ولنغ).
        let mut two = vec!["رولنغ", "رولينغ", "رولينغز"];
        two.sort();
        assert_eq!(matches("رولنغ", 2, &keys), two);
        assert_eq!(matches("رولنغ", 0, &keys), ["رولنغ"]);
    }

    #[test]
    fn a_letter_typed_too_many_is_one_edit() {
        // A reader who types رولينغ for the indexed رولنغ has one letter too many
        // in the middle of the word: one edit, as a letter too few would be.
        assert_eq!(matches("رولينغ", 1, &["رولنغ", "رونالدو"]), ["رولنغ"]);
    }

    #[test]
    fn reads_three_and_four_byte_characters_whole() {
        // Devanagari (three bytes a letter in UTF-8) and scripts outside the Basic
        // Multilingual Plane (Gothic, four) are words like any other: a typo in
        // one must still find it.
        let keys = ["किताब", "किताबें"];
        assert_eq!(matches("किताबे", 1, &keys), keys);
        let keys = ["𐌰𐌱𐌲𐌳", "𐌰𐌱𐌲𐌴𐌵"];
        assert_eq!(matches("𐌰𐌱𐌲𐌴", 1, &keys), keys);
    }

    #[test]
    fn distance_by_length() {
        assert_eq!(allowed_distance(2), 0);
        assert_eq!(allowed_distance(3), 1);
        assert_eq!(allowed_distance(5), 1);
        assert_eq!(allowed_distance(9), 2);
    }
}
