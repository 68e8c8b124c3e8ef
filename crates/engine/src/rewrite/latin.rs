//! Arabic words typed in Latin letters: names as newspapers transcribe them
//! (Idlib, Homs, Hassan) and Arabizi, where digits stand for the letters Latin
//! lacks (7alab for حلب: 7 ح, 3 ع, 2 ء, 5 خ, 6 ط, 9 ق or ص).
//!
//! The Latin word becomes a pattern of letter slots (consonants as one of the
//! Arabic letters they transcribe, short vowels as an optional long vowel) that
//! is walked over the spelling dictionary: only words the index holds are
//! proposed, the most frequent first.

use crate::chars::{CharAutomaton, Utf8};
use crate::index::Index;

/// Keys read, and transcriptions kept.
const SCAN: usize = 512;
const KEEP: usize = 3;
/// A word with fewer consonants than this matches too many Arabic words.
const MIN_CONSONANTS: usize = 3;
/// Slots looked at (a slot per letter at most).
const MAX_SLOTS: usize = 32;

/// What a Latin letter or digraph may have written, and whether it may be absent
/// (short vowels are not written in Arabic).
struct Slot {
    letters: &'static [char],
    optional: bool,
}

/// Two-letter transcriptions, read before single letters.
const DIGRAPHS: [(&str, &[char]); 11] = [
    ("sh", &['ش']),
    ("ch", &['ش']),
    ("kh", &['خ']),
    ("gh", &['غ']),
    ("th", &['ث', 'ذ', 'ت']),
    ("dh", &['ذ', 'ض']),
    ("ou", &['و']),
    ("oo", &['و']),
    ("ee", &['ي']),
    ("ei", &['ي']),
    ("ai", &['ي']),
];

fn consonant(c: char) -> Option<&'static [char]> {
    Some(match c {
        'b' | 'p' => &['ب'],
        'c' => &['ك', 'س'],
        'd' => &['د', 'ض'],
        'f' | 'v' => &['ف'],
        'g' => &['ج', 'غ', 'ق'],
        'h' => &['ه', 'ح'],
        'j' => &['ج'],
        'k' => &['ك', 'ق'],
        'l' => &['ل'],
        'm' => &['م'],
        'n' => &['ن'],
        'q' => &['ق', 'ك'],
        'r' => &['ر'],
        's' => &['س', 'ص', 'ز'],
        't' => &['ت', 'ط'],
        'w' => &['و'],
        'y' => &['ي'],
        'z' => &['ز', 'ظ', 'ذ'],
        '2' => &['ء', 'ا'],
        '3' => &['ع'],
        '5' => &['خ'],
        '6' => &['ط'],
        '7' => &['ح'],
        '8' => &['غ'],
        '9' => &['ق', 'ص'],
        _ => return None,
    })
}

fn vowel(c: char, last: bool) -> Option<&'static [char]> {
    Some(match c {
        // A final -a is often ة (Fatima) or ى; a foreign name's short vowel is
        // often written ا (Trump ~ ترامب).
        'a' if last => &['ا', 'ه', 'ي'],
        'a' => &['ا'],
        'e' | 'i' | 'y' => &['ي', 'ا'],
        'o' | 'u' => &['و', 'ا'],
        _ => return None,
    })
}

/// The slots of a Latin word; `None` if it is no candidate (another script,
/// too few consonants, too long).
fn slots(word: &str) -> Option<Vec<Slot>> {
    let w: Vec<char> = word.chars().collect();
    if !w.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) || !w.iter().any(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // The Arabic word may carry a conjunction or preposition and the article
    // (بحمص, الاسد) that a Latin spelling leaves out.
    let mut out: Vec<Slot> = vec![
        Slot { letters: &['و', 'ف', 'ب', 'ل', 'ك'], optional: true },
        Slot { letters: &['ا'], optional: true },
        Slot { letters: &['ل'], optional: true },
    ];
    let mut i = 0;
    while i < w.len() {
        // A doubled letter is one letter with shadda.
        if i > 0 && w[i] == w[i - 1] {
            i += 1;
            continue;
        }
        let pair: String = w[i..w.len().min(i + 2)].iter().collect();
        if let Some(&(_, letters)) = DIGRAPHS.iter().find(|(d, _)| *d == pair) {
            let optional = matches!(pair.as_str(), "ou" | "oo" | "ee" | "ei" | "ai") && i > 0;
            out.push(Slot { letters, optional });
            i += 2;
            continue;
        }
        let c = w[i];
        let last = i + 1 == w.len();
        let slot = match (i, vowel(c, last), consonant(c)) {
            // y between vowels or first is a consonant.
            (_, _, Some(l)) if c != 'y' || i == 0 => Slot { letters: l, optional: false },
            // A word's first vowel is written: an alef, or the ع newspapers leave out (Omar).
            (0, Some(_), _) => Slot { letters: &['ا', 'ع'], optional: false },
            (_, Some(l), _) => Slot { letters: l, optional: true },
            _ => return None,
        };
        out.push(slot);
        i += 1;
    }
    let consonants = out.iter().filter(|s| !s.optional).count();
    (consonants >= MIN_CONSONANTS && out.len() <= MAX_SLOTS).then_some(out)
}

/// Arabic spellings in the index that `term`, a Latin word, may transcribe.
pub(super) fn candidates(index: &Index, term: &str) -> Vec<String> {
    match slots(term) {
        Some(slots) => index.frequent_terms(Utf8(Pattern(slots)), SCAN, KEEP).into_iter().map(|s| s.key).collect(),
        None => Vec::new(),
    }
}

/// Matches keys that fill the slots in order.
struct Pattern(Vec<Slot>);

impl Pattern {
    /// `set` plus every position reachable by skipping optional slots.
    fn closure(&self, mut set: u64) -> u64 {
        for (i, s) in self.0.iter().enumerate() {
            if s.optional && set & (1 << i) != 0 {
                set |= 1 << (i + 1);
            }
        }
        set
    }
}

impl CharAutomaton for Pattern {
    /// Bit i: the key so far fills the first i slots.
    type State = u64;

    fn start(&self) -> u64 {
        self.closure(1)
    }

    fn step(&self, &set: &u64, c: char) -> u64 {
        let mut next = 0;
        for (i, s) in self.0.iter().enumerate() {
            if set & (1 << i) != 0 && s.letters.contains(&c) {
                next |= 1 << (i + 1);
            }
        }
        self.closure(next)
    }

    fn is_match(&self, &set: &u64) -> bool {
        set & (1 << self.0.len()) != 0
    }

    fn can_match(&self, &set: &u64) -> bool {
        set != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::CharAutomaton;

    fn matches(latin: &str, arabic: &str) -> bool {
        let p = Pattern(slots(latin).unwrap());
        let end = arabic.chars().fold(p.start(), |s, c| p.step(&s, c));
        p.is_match(&end)
    }

    #[test]
    fn transcriptions() {
        assert!(matches("idlib", "ادلب"));
        assert!(matches("7alab", "حلب"));
        assert!(matches("ronaldo", "رونالدو"));
        assert!(matches("beirut", "بيروت"));
        assert!(matches("hassan", "حسن") && matches("hassan", "حسان"));
        assert!(matches("fatima", "فاطمه"));
        assert!(matches("omar", "عمر"));
        assert!(matches("trump", "ترامب"));
        assert!(matches("homs", "بحمص") && matches("assad", "الاسد"));
        assert!(!matches("idlib", "حلب"));
        // Too few consonants, digits only, another script: no pattern.
        assert!(slots("hello").is_none() && slots("2018").is_none() && slots("حلب").is_none());
    }
}
