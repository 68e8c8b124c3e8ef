//! Character folding: how one written character becomes what the index compares.
//!
//! Readers type without diacritics, with any hamza seat, ى for ي and ه for ة, while
//! documents carry full vocalisation, Quranic annotation, tatweel, Persian letter
//! forms and Arabic-Indic digits. Folding both sides to one spelling is what lets a
//! query find the text a person means. The rules extend Lucene's
//! `ArabicNormalizer` (see `tests/lucene_vectors.rs`).

/// What a single character contributes to the normalized form of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// A letter or digit, already folded.
    Char(char),
    /// A Latin letter whose lowercase is not a single character (e.g. `İ`).
    Lower(char),
    /// Part of a word but invisible to search: tashkeel, Quranic marks, tatweel,
    /// zero-width and directional format characters.
    Silent,
    /// U+0670 (dagger alef): a written alef in standard spelling for some words
    /// (ٱلۡعَٰلَمِينَ ~ العالمين) and nothing for others (ٱلرَّحۡمَٰنِ ~ الرحمن).
    DaggerAlef,
    /// U+06E6/U+06E7 (small yeh): written ي in standard spelling for some words
    /// (إِبۡرَٰهِـۧمَ ~ ابراهيم), nothing for others.
    SmallYeh,
    /// U+0654 (combining hamza above): folds as the precomposed letter would.
    HamzaAbove,
    /// A digit separator (`,` `٬` `.` `٫` `'`): kept inside a number, a break elsewhere.
    NumberSeparator(Option<char>),
    /// Not part of any word.
    Break,
}

/// Folds one character (presentation forms must already be expanded).
pub fn fold(c: char) -> Fold {
    match c {
        // Alef with madda / hamza above / hamza below, alef wasla and rarer seats.
        'آ' | 'أ' | 'إ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => Fold::Char('ا'),
        // Alef maksura and the Persian/Urdu yeh forms.
        'ى' | 'ی' | 'ې' | 'ۍ' => Fold::Char('ي'),
        // Teh marbuta and heh variants: people type ه for ة.
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ۃ' | 'ھ' => Fold::Char('ه'),
        // Hamza seats: readers write مسؤول and مسئول, شؤون and شئون, for one word.
        // Unifying the seats was measured (docs/engine.md): MRR@10 0.74 → 0.83 on
        // seat-swapped queries, no change elsewhere.
        'ؤ' | 'ئ' => Fold::Char('ء'),
        // Persian keheh and swash kaf.
        'ک' | 'ڪ' => Fold::Char('ك'),
        // Arabic-Indic and Extended Arabic-Indic (Persian) digits.
        '\u{0660}'..='\u{0669}' => Fold::Char(digit(c as u32 - 0x0660)),
        '\u{06F0}'..='\u{06F9}' => Fold::Char(digit(c as u32 - 0x06F0)),
        '\u{0670}' => Fold::DaggerAlef,
        '\u{06E6}' | '\u{06E7}' => Fold::SmallYeh,
        '\u{0654}' => Fold::HamzaAbove,
        // Fast paths: the common letters need no Unicode table lookups.
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | 'a'..='z' | '0'..='9' => Fold::Char(c),
        'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
        ' ' | '\n' | '\t' | '\r' => Fold::Break,
        ',' | '٬' => Fold::NumberSeparator(None),
        '.' | '٫' => Fold::NumberSeparator(Some('.')),
        '\'' => Fold::NumberSeparator(None),
        c if is_silent(c) => Fold::Silent,
        c if c.is_alphanumeric() => lower(c),
        _ => Fold::Break,
    }
}

fn digit(n: u32) -> char {
    char::from_digit(n, 10).unwrap_or('0')
}

fn lower(c: char) -> Fold {
    if !c.is_uppercase() {
        return Fold::Char(c);
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => Fold::Char(l),
        _ => Fold::Lower(c),
    }
}

/// Characters that belong to a word but never change what it means to a search:
/// combining marks (Arabic tashkeel, Quranic annotation, Latin accents), tatweel,
/// small waw, and zero-width/directional format characters (ZWNJ, ZWJ, LRM, RLM,
/// ALM, BOM, bidi embeddings and isolates, soft hyphen).
pub fn is_silent(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{061C}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E5}'
        | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{FEFF}')
}

/// Normalizes a whole string as one word would be: the standard spelling, with
/// Uthmani small letters dropped. Handy for callers that need the folded form of
/// a known word (tests, the CLI); search itself goes through [`crate::analysis::tokens`].
pub fn normalize(text: &str) -> String {
    let mut w = WordForms::default();
    for c in crate::analysis::presentation::expand(text) {
        w.push(c);
    }
    w.finish().0
}

/// Builds the two spellings of one word while its characters stream in.
#[derive(Default, Debug)]
pub(crate) struct WordForms {
    /// Standard spelling: small letters dropped (ٱلرَّحۡمَٰنِ → الرحمن).
    term: String,
    /// Spelling with dagger alef and small yeh written out (ٱلۡعَٰلَمِينَ → العالمين).
    alt: String,
}

impl WordForms {
    pub(crate) fn push(&mut self, c: char) {
        match fold(c) {
            Fold::Char(f) => self.both(f),
            // Lowercasing İ yields i + U+0307; the mark is dropped as any mark is.
            Fold::Lower(c) => {
                let before = self.term.len();
                c.to_lowercase().filter(|&l| !is_silent(l)).for_each(|l| self.both(l));
                if self.term.len() == before {
                    self.both(c);
                }
            }
            Fold::NumberSeparator(keep) => {
                if let Some(k) = keep {
                    self.both(k)
                }
            }
            Fold::DaggerAlef => {
                // Uthmani writes ٱلصَّلَوٰةَ where standard spelling has الصلاة, and
                // عَلَىٰ where it has على: the seat decides what the dagger becomes.
                match self.alt.chars().last() {
                    Some('و') => {
                        self.alt.pop();
                        self.alt.push('ا');
                    }
                    Some('ي') => {}
                    _ => self.alt.push('ا'),
                }
            }
            Fold::SmallYeh => {
                self.alt.push('ي');
            }
            Fold::HamzaAbove => self.hamza_above(),
            Fold::Silent | Fold::Break => {}
        }
    }

    /// Decomposed hamza (seat + U+0654) must fold exactly like the precomposed
    /// letter, or the same word typed on two keyboards would not match.
    fn hamza_above(&mut self) {
        for s in [&mut self.term, &mut self.alt] {
            match s.chars().last() {
                Some('و') | Some('ي') => {
                    s.pop();
                    s.push('ء');
                }
                // On alef it folds to alef; on a tatweel seat (Uthmani ـَٔ) the
                // reader types whichever seat modern spelling uses, so it is dropped
                // and left to typo tolerance.
                _ => {}
            }
        }
    }

    fn both(&mut self, c: char) {
        self.term.push(c);
        self.alt.push(c);
    }

    /// The standard spelling and, where it differs, the written-out Uthmani one.
    pub(crate) fn finish(self) -> (String, Option<String>) {
        let alt = (self.alt != self.term).then_some(self.alt);
        (self.term, alt)
    }
}
