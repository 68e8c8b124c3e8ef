//! Light stemming: strip the proclitics and suffixes that change a word's form
//! far more often than its meaning.
//!
//! This is Lucene's `ArabicStemmer` (the Light10 family: one prefix, then every
//! matching suffix in turn, each only when enough of the word is left) with the
//! stacked proclitics Lucene misses: وبال, وكال, فبال, فكال, ولل, فلل and a lone ف.
//! Stems only widen recall; the engine ranks exact spellings above stem matches.

const PREFIXES: &[&str] = &[
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "بال", "كال", "فال", "لل", "ال",
];

/// Single-letter conjunctions need a longer word: وصل must stay وصل.
const CONJUNCTIONS: &[char] = &['و', 'ف'];

const SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

/// The light stem of an already normalized word.
pub fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut s: &[char] = &chars;
    s = strip_prefix(s);
    for suffix in SUFFIXES {
        let n = suffix.chars().count();
        if s.len() >= n + 2 && s[s.len() - n..].iter().copied().eq(suffix.chars()) {
            s = &s[..s.len() - n];
        }
    }
    s.iter().collect()
}

/// The word without its proclitics (article, conjunctions, prepositions), as a
/// reader might type it; suffixes stay. Used for prefix search, where a half-typed
/// word has no reliable suffix to strip.
pub fn strip_prefix(s: &[char]) -> &[char] {
    for p in PREFIXES {
        let n = p.chars().count();
        if s.len() >= n + 2 && s[..n].iter().copied().eq(p.chars()) {
            return &s[n..];
        }
    }
    match s.first() {
        Some(c) if s.len() >= 4 && CONJUNCTIONS.contains(c) => &s[1..],
        _ => s,
    }
}
