//! Other spellings of names and loanwords: the sounds Arabic lacks are written
//! with several letters (g as غ ج ق گ, v as ف ڤ, p as ب پ), long vowels are
//! written or left out (فلاديمير ~ فلادمير), and a country's final -ia is ـيا or
//! ـية (سوريا ~ سورية).
//!
//! A weighted edit distance restricted to those edits, walked over the spelling
//! dictionary like [`crate::fuzzy`]: only spellings the index holds are
//! proposed, and the restriction prunes nearly every branch at its first letter.

use crate::chars::{CharAutomaton, Utf8};
use crate::index::Index;

/// Letters that stand for one foreign sound.
const CLASSES: [&[char]; 3] = [&['غ', 'ج', 'ق', 'گ'], &['ف', 'ڤ'], &['ب', 'پ']];
/// Long vowels, written or not in transcribed names.
const VOWELS: [char; 3] = ['ا', 'و', 'ي'];

/// Cost of writing a sound with another letter of its class.
const SWAP: u8 = 1;
/// Cost of a long vowel written or left out, or of ـيا for ـيه.
const VOWEL: u8 = 2;
/// Edits allowed in all: two swaps (غوغل ~ جوجل) or one vowel.
const BUDGET: u8 = 2;
/// Shorter words are left alone: too many of their neighbours are other words.
const MIN_CHARS: usize = 4;
/// Long vowels are only guessed at in words this long (names, not كتاب ~ كتب).
const MIN_VOWEL_CHARS: usize = 6;
/// The ـيا ~ ـيه ending is guessed at in words this long.
const MIN_ENDING_CHARS: usize = 5;
/// Keys read, and variants kept (the most frequent).
const SCAN: usize = 256;
const KEEP: usize = 3;
/// Longest word looked at.
const MAX_CHARS: usize = 32;

/// Spellings in the index that are variants of `term` (not `term` itself).
pub(super) fn candidates(index: &Index, term: &str) -> Vec<String> {
    let word: Vec<char> = term.chars().collect();
    if word.len() < MIN_CHARS || word.len() > MAX_CHARS || !word.iter().all(|c| ('\u{0621}'..='\u{06FF}').contains(c)) {
        return Vec::new();
    }
    let automaton = Utf8(Variants { vowels: word.len() >= MIN_VOWEL_CHARS, ending: word.len() >= MIN_ENDING_CHARS, word });
    index.frequent_terms(automaton, SCAN, KEEP + 1).into_iter().map(|(k, _)| k).filter(|k| k != term).take(KEEP).collect()
}

struct Variants {
    word: Vec<char>,
    vowels: bool,
    ending: bool,
}

/// Least cost of matching the first i typed letters with the key read so far.
type Row = [u8; MAX_CHARS + 1];

impl Variants {
    fn swap(&self, i: usize, c: char) -> u8 {
        let t = self.word[i];
        if t == c {
            return 0;
        }
        if CLASSES.iter().any(|k| k.contains(&t) && k.contains(&c)) {
            return SWAP;
        }
        let n = self.word.len();
        let ending = self.ending && i + 1 == n && self.word[n - 2] == 'ي' && matches!((t, c), ('ا', 'ه') | ('ه', 'ا'));
        if ending {
            VOWEL
        } else {
            u8::MAX
        }
    }

    /// Cost of a long vowel written on one side only, after the first letter.
    fn vowel(&self, at: usize, c: char) -> u8 {
        if self.vowels && at > 0 && VOWELS.contains(&c) {
            VOWEL
        } else {
            u8::MAX
        }
    }

}

impl CharAutomaton for Variants {
    type State = Row;

    fn start(&self) -> Row {
        let mut cells = [u8::MAX; MAX_CHARS + 1];
        cells[0] = 0;
        for i in 1..=self.word.len() {
            cells[i] = cells[i - 1].saturating_add(self.vowel(i - 1, self.word[i - 1]));
        }
        cells
    }

    fn step(&self, row: &Row, c: char) -> Row {
        let n = self.word.len();
        // Only the start has none of the word matched: a key's extra first
        // letter is no long vowel written out.
        let mut next = [u8::MAX; MAX_CHARS + 1];
        for i in 1..=n {
            let swap = row[i - 1].saturating_add(self.swap(i - 1, c));
            let extra = row[i].saturating_add(self.vowel(i, c));
            let missing = next[i - 1].saturating_add(self.vowel(i - 1, self.word[i - 1]));
            next[i] = swap.min(extra).min(missing);
        }
        next
    }

    fn is_match(&self, row: &Row) -> bool {
        row[self.word.len()] <= BUDGET
    }

    fn can_match(&self, row: &Row) -> bool {
        row[..=self.word.len()].iter().any(|&d| d <= BUDGET)
    }
}
