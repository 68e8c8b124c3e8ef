//! Text typed with the other keyboard layout: Arabic typed while the Latin layout
//! was on (`pgf` for حلب, `lvpfh` for مرحبا) and Latin typed on the Arabic one
//! (اثممخ for hello). The layout is the common Arabic PC layout (Windows Arabic
//! 101) over US QWERTY.
//!
//! Keys such as `;` (ك) and `,` (و) are punctuation on the Latin side and split
//! words there, so the rule reads the whole whitespace-delimited chunk around a
//! word, not the analyzed word.

use super::{known, Candidate, Rule};
use crate::index::Index;
use crate::query::QueryWord;

/// (Latin key, Arabic character) for each key of the layout, unshifted then
/// shifted; the shifted keys that give letters are the hamza forms and the lam-alef
/// ligatures.
const KEYS: [(char, &str); 53] = [
    ('`', "ذ"),
    ('q', "ض"),
    ('w', "ص"),
    ('e', "ث"),
    ('r', "ق"),
    ('t', "ف"),
    ('y', "غ"),
    ('u', "ع"),
    ('i', "ه"),
    ('o', "خ"),
    ('p', "ح"),
    ('[', "ج"),
    (']', "د"),
    ('a', "ش"),
    ('s', "س"),
    ('d', "ي"),
    ('f', "ب"),
    ('g', "ل"),
    ('h', "ا"),
    ('j', "ت"),
    ('k', "ن"),
    ('l', "م"),
    (';', "ك"),
    ('\'', "ط"),
    ('z', "ئ"),
    ('x', "ء"),
    ('c', "ؤ"),
    ('v', "ر"),
    ('b', "لا"),
    ('n', "ى"),
    ('m', "ة"),
    (',', "و"),
    ('.', "ز"),
    ('/', "ظ"),
    ('H', "أ"),
    ('Y', "إ"),
    ('N', "آ"),
    ('G', "لأ"),
    ('T', "لإ"),
    ('B', "لآ"),
    ('J', "ـ"),
    ('Q', "\u{064E}"),
    ('W', "\u{064B}"),
    ('E', "\u{064F}"),
    ('R', "\u{064C}"),
    ('A', "\u{0650}"),
    ('S', "\u{064D}"),
    ('X', "\u{0652}"),
    ('~', "\u{0651}"),
    ('K', "،"),
    ('?', "؟"),
    ('P', "؛"),
    ('L', "/"),
];

/// The chunk around `word` read in the other layout, if the index knows what that gives.
pub(super) fn candidates(index: &Index, input: &str, word: &QueryWord) -> Vec<Candidate> {
    let (start, end) = chunk(input, word.token.start, word.token.end);
    let text = &input[start..end];
    let typing = end == input.len();
    let converted = if text.chars().any(|c| c.is_ascii_alphabetic()) { to_arabic(text) } else { to_latin(text) };
    match converted {
        Some(t) if known(index, &t, typing) => vec![Candidate { start, end, text: t, rule: Rule::Keyboard }],
        _ => Vec::new(),
    }
}

/// The run of non-space characters around bytes `start..end`, without the
/// query syntax (`"`, a leading `-`) at its edges.
fn chunk(input: &str, start: usize, end: usize) -> (usize, usize) {
    let edge = |c: char| c.is_whitespace() || c == '"';
    // The space before may be wider than a byte (U+00A0, U+3000).
    let s = input[..start].char_indices().rev().find(|&(_, c)| edge(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let e = input[end..].find(edge).map_or(input.len(), |i| end + i);
    let s = if input[s..].starts_with('-') { s + 1 } else { s };
    (s.min(start), e.max(end))
}

/// Keys typed on the Latin layout, as the Arabic layout would have written them.
/// `None` unless every character is a key of the layout.
fn to_arabic(text: &str) -> Option<String> {
    text.chars()
        .map(|c| {
            let key = if KEYS.iter().any(|&(k, _)| k == c) { c } else { c.to_ascii_lowercase() };
            KEYS.iter().find(|&&(k, _)| k == key).map(|&(_, a)| a)
        })
        .collect()
}

/// Arabic typed for Latin: the keys that were pressed (lowercase).
fn to_latin(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // لا is one key (b) but two letters.
        if c == 'ل' && chars.peek() == Some(&'ا') {
            chars.next();
            out.push('b');
            continue;
        }
        let (k, _) = KEYS.iter().find(|&&(_, a)| a.chars().eq(std::iter::once(c)))?;
        out.push(k.to_ascii_lowercase());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_ends_at_any_space() {
        // Found by the property tests: a no-break space before the word.
        let input = "x\u{a0}pgf\u{3000}y";
        let (s, e) = chunk(input, 3, 6);
        assert_eq!(&input[s..e], "pgf");
        assert_eq!(chunk("-pgf", 1, 4), (1, 4));
    }

    #[test]
    fn both_ways() {
        assert_eq!(to_arabic("lvpfh").as_deref(), Some("مرحبا"));
        assert_eq!(to_arabic("pgf").as_deref(), Some("حلب"));
        assert_eq!(to_arabic("lg;").as_deref(), Some("ملك"));
        assert_eq!(to_arabic("hgsbl").as_deref(), Some("السلام"));
        assert_eq!(to_arabic("Hkh").as_deref(), Some("أنا"));
        assert_eq!(to_latin("اثممخ").as_deref(), Some("hello"));
        assert_eq!(to_latin("لاخخن").as_deref(), Some("book"));
        assert_eq!(to_arabic("pg€"), None);
    }
}
