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
use crate::matcher::PROCLITICS;
use fahras_core::analysis::strip_prefix;

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
/// Shorter words (without proclitics) are left alone: too many of their
/// neighbours are other words (قال ~ جال).
const MIN_CHARS: usize = 4;
/// Long vowels are only guessed at inside words this long (without proclitics):
/// names (فلاديمير ~ فلادمير), not the patterns of Arabic words (انظروا ~ انظرا,
/// الجمعة ~ الجماعة).
const MIN_VOWEL_CHARS: usize = 7;
/// The ـيا ~ ـيه ending is guessed at in words this long without the article: a
/// country's name takes none (سوريا), its adjective does (السورية ~ العليا).
const MIN_ENDING_CHARS: usize = 5;
/// A variant is proposed only if the typed word is at most this many times more
/// common: a name's spellings are each in use, while a common word's neighbour
/// one letter away is another word (فقال ~ فجال).
const RATIO: u64 = 4;
/// Keys read, and variants kept (the most frequent).
const SCAN: usize = 256;
const KEEP: usize = 3;
/// Longest word looked at.
const MAX_CHARS: usize = 32;

/// Spellings in the index that are variants of `term` (not `term` itself), whose
/// own documents number `df`.
pub(super) fn candidates(index: &Index, term: &str, df: u64) -> Vec<String> {
    let word: Vec<char> = term.chars().collect();
    // Letters of the word without its article; a lone و or ف may be the word's own (فلادمير).
    let bare = match strip_prefix(term) {
        s if term.len() - s.len() > 2 => s.chars().count(),
        _ => word.len(),
    };
    if bare < MIN_CHARS || word.len() > MAX_CHARS || !word.iter().all(|c| ('\u{0621}'..='\u{06FF}').contains(c)) {
        return Vec::new();
    }
    let ending = bare >= MIN_ENDING_CHARS && !term.starts_with("ال");
    let vowels = bare >= MIN_VOWEL_CHARS;
    // Most words offer no edit at all: no dictionary walk for them.
    let swaps = word.iter().any(|c| CLASSES.iter().any(|k| k.contains(c)));
    let ends = ending && (term.ends_with("يا") || term.ends_with("يه"));
    if !(swaps || ends || vowels) {
        return Vec::new();
    }
    let automaton = Utf8(Variants { vowels, ending, word });
    let common = |n: u64| n * RATIO >= df;
    let mut found: Vec<String> = index
        .frequent_terms(automaton, SCAN, KEEP + 1)
        .into_iter()
        .filter(|s| &s.key != term && common(s.df))
        .map(|s| s.key)
        .take(KEEP)
        .collect();
    if let Some(other) = ends.then(|| other_ending(term)).flatten() {
        // A name may stand in the texts only with a proclitic (وتركيا), which a
        // walk from the first letter does not reach: the other ending is
        // proposed bare, and the query word's own expansion finds its clitic forms.
        let terms = index.terms();
        let with_clitic = PROCLITICS.iter().any(|p| {
            terms
                .as_ref()
                .and_then(|t| t.get(format!("{p}{other}")))
                .is_some_and(|off| common(index.postings(off).len()))
        });
        if with_clitic && found.len() < KEEP && !found.contains(&other) {
            found.push(other);
        }
    }
    found
}

/// `term` with its ending ـيه written ـيا, or ـيا written ـيه.
fn other_ending(term: &str) -> Option<String> {
    let (stem, last) = term.strip_suffix('ه').map(|s| (s, 'ا')).or_else(|| term.strip_suffix('ا').map(|s| (s, 'ه')))?;
    stem.ends_with('ي').then(|| format!("{stem}{last}"))
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

    /// Cost of a long vowel written on one side only, at typed position `at`:
    /// inside the word, as the last letter is often a suffix (اخبرنا ~ اخبرن).
    fn vowel(&self, at: usize, c: char) -> u8 {
        if self.vowels && at > 0 && at < self.word.len() && VOWELS.contains(&c) {
            VOWEL
        } else {
            u8::MAX
        }
    }

    /// Cost of the typed letter at `at` being a long vowel the key leaves out;
    /// never its last letter.
    fn missing(&self, at: usize) -> u8 {
        if at + 1 < self.word.len() {
            self.vowel(at, self.word[at])
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
            cells[i] = cells[i - 1].saturating_add(self.missing(i - 1));
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
            let missing = next[i - 1].saturating_add(self.missing(i - 1));
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
