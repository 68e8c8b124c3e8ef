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
//! the root, and the commonest first-letter slips, a proclitic typed or dropped,
//! are matched as variants before typo tolerance is tried.

use fst::Automaton;

/// Longest word given typo tolerance, in characters (longer words are cut by the
/// analyzer anyway).
const MAX_CHARS: usize = 64;

/// Matches keys within `distance` edits (insertions, deletions, substitutions of
/// characters) of a word.
pub struct Fuzzy {
    word: Vec<char>,
    distance: u8,
}

/// The edit-distance row after the characters read so far, and any UTF-8
/// character still being read.
#[derive(Clone)]
pub struct Row {
    cells: [u8; MAX_CHARS + 1],
    partial: u32,
    pending: u8,
}

impl Fuzzy {
    pub fn new(word: &str, distance: u8) -> Fuzzy {
        Fuzzy { word: word.chars().take(MAX_CHARS).collect(), distance }
    }

    fn step(&self, row: &Row, c: char) -> Row {
        let n = self.word.len();
        let mut next = row.clone();
        // cells[0] counts the characters read: zero means this is the first.
        if row.cells[0] == 0 && self.word.first() != Some(&c) {
            next.cells = [u8::MAX; MAX_CHARS + 1];
            return next;
        }
        next.cells[0] = row.cells[0].saturating_add(1);
        for i in 1..=n {
            let substitute = row.cells[i - 1] + u8::from(self.word[i - 1] != c);
            next.cells[i] = substitute.min(row.cells[i] + 1).min(next.cells[i - 1] + 1);
        }
        next.partial = 0;
        next.pending = 0;
        next
    }
}

impl Automaton for Fuzzy {
    type State = Row;

    fn start(&self) -> Row {
        let mut cells = [u8::MAX; MAX_CHARS + 1];
        for (i, c) in cells.iter_mut().enumerate().take(self.word.len() + 1) {
            *c = i as u8;
        }
        Row { cells, partial: 0, pending: 0 }
    }

    fn is_match(&self, row: &Row) -> bool {
        row.pending == 0 && row.cells[self.word.len()] <= self.distance
    }

    fn can_match(&self, row: &Row) -> bool {
        row.cells[..=self.word.len()].iter().any(|&d| d <= self.distance)
    }

    fn accept(&self, row: &Row, byte: u8) -> Row {
        // Keys are UTF-8: gather a character's bytes, then advance the row once.
        let (partial, pending) = match (row.pending, byte) {
            (0, 0x00..=0x7F) => (u32::from(byte), 0),
            (0, 0xC0..=0xDF) => (u32::from(byte & 0x1F), 1),
            (0, 0xE0..=0xEF) => (u32::from(byte & 0x0F), 2),
            (0, _) => (u32::from(byte & 0x07), 3),
            (p, _) => ((row.partial << 6) | u32::from(byte & 0x3F), p - 1),
        };
        if pending > 0 {
            let mut next = row.clone();
            next.partial = partial;
            next.pending = pending;
            return next;
        }
        self.step(row, char::from_u32(partial).unwrap_or('\u{FFFD}'))
    }
}

/// The edit distance allowed for a word of `chars` characters: none for short
/// words (too many neighbours), one for ordinary words, two for long ones.
pub fn allowed_distance(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
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
        assert_eq!(allowed_distance(3), 0);
        assert_eq!(allowed_distance(5), 1);
        assert_eq!(allowed_distance(9), 2);
    }
}
