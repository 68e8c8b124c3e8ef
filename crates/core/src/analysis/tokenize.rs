//! Word splitting over the original text, keeping byte spans for highlighting.
//!
//! A word is a run of letters and digits together with the marks and invisible
//! characters inside it, which is how UAX #29 treats Arabic: diacritics, tatweel
//! and ZWNJ never split a word, Arabic punctuation (، ؛ ؟ ٪ « ») always does. A
//! digit separator (`٣,٧٥٠`, `١٬٠٠٠`, `3.5`) stays inside a number so that `3750`
//! finds `٣,٧٥٠`. Spans cover the whole written word, diacritics included, so a
//! highlight never cuts a vowel sign off its letter.

use super::normalize::{fold, Fold, WordForms};
use super::presentation;
use std::str::{CharIndices, Chars};

/// Longest normalized word kept, in characters. Longer runs (pasted base64, URLs
/// without spaces) are cut so that no single token can make lookups expensive.
pub const MAX_TERM_CHARS: usize = 64;

/// One word as the engine sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word's first character in the original text.
    pub start: usize,
    /// Byte offset just past the word (after its last mark).
    pub end: usize,
    /// The normalized standard spelling.
    pub term: String,
    /// The Uthmani spelling with dagger alef / small yeh written out, when it differs.
    pub alt: Option<String>,
}

impl Token {
    /// The spellings under which this word is indexed.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.alt.as_deref())
    }
}

/// The words of `text`, in order.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { units: Units { chars: text.char_indices(), expansion: None, len: text.len() } }
}

/// A character after presentation-form expansion, with the byte span of the
/// original character it came from.
type Unit = (char, usize, usize);

#[derive(Clone)]
struct Units<'a> {
    chars: CharIndices<'a>,
    expansion: Option<(Chars<'static>, usize, usize)>,
    len: usize,
}

impl Iterator for Units<'_> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        if let Some((chars, start, end)) = &mut self.expansion {
            if let Some(c) = chars.next() {
                return Some((c, *start, *end));
            }
            self.expansion = None;
        }
        let (start, c) = self.chars.next()?;
        let end = self.chars.clone().next().map_or(self.len, |(i, _)| i);
        match presentation::lookup(c) {
            Some(s) => {
                self.expansion = Some((s.chars(), start, end));
                self.next()
            }
            None => Some((c, start, end)),
        }
    }
}

/// Iterator over the [`Token`]s of a text.
#[derive(Clone)]
pub struct Tokens<'a> {
    units: Units<'a>,
}

fn starts_word(f: Fold) -> bool {
    matches!(f, Fold::Char(_) | Fold::Lower(_))
}

/// Digits are folded to ASCII by then; only they hold a number's separators.
fn is_digit(f: Fold) -> bool {
    matches!(f, Fold::Char(c) if c.is_ascii_digit())
}

impl Tokens<'_> {
    /// Reads the next word and returns its span, feeding its characters to `forms`
    /// when given. Words always start with a letter or digit, so a word read with
    /// forms always has a non-empty term: [`Spans`] and [`Tokens`] stay aligned.
    fn next_word(&mut self, mut forms: Option<&mut WordForms>) -> Option<(usize, usize)> {
        loop {
            let (c, start, mut end) = self.units.next()?;
            let first = fold(c);
            if !starts_word(first) {
                continue;
            }
            let mut pushed = 1;
            if let Some(f) = forms.as_deref_mut() {
                f.push(c);
            }
            let mut after_digit = is_digit(first);
            loop {
                let mut ahead = self.units.clone();
                let Some((c, _, e)) = ahead.next() else { break };
                let f = fold(c);
                match f {
                    Fold::Break => break,
                    Fold::NumberSeparator(_) => {
                        // Only a separator between two digits belongs to the word.
                        let next_is_digit = ahead.clone().next().is_some_and(|(n, _, _)| is_digit(fold(n)));
                        if !(after_digit && next_is_digit) {
                            break;
                        }
                    }
                    Fold::Char(_) | Fold::Lower(_) => after_digit = is_digit(f),
                    _ => {}
                }
                if pushed < MAX_TERM_CHARS {
                    if let Some(f) = forms.as_deref_mut() {
                        f.push(c);
                    }
                    pushed += 1;
                }
                end = e;
                self.units = ahead;
            }
            return Some((start, end));
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let mut forms = WordForms::default();
        let (start, end) = self.next_word(Some(&mut forms))?;
        let (term, alt) = forms.finish();
        Some(Token { start, end, term, alt })
    }
}

/// The byte spans of the words of `text`, exactly as [`tokens`] splits them,
/// without the cost of folding: for snippets, which already know which words matched.
pub fn spans(text: &str) -> Spans<'_> {
    Spans(tokens(text))
}

/// Iterator over word spans.
pub struct Spans<'a>(Tokens<'a>);

impl Iterator for Spans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        self.0.next_word(None)
    }
}
