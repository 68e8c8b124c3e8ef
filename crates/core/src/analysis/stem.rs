//! Light stemming: strip the proclitics and suffixes that change a word's form
//! far more often than its meaning.
//!
//! This is Lucene's `ArabicStemmer` (the Light10 family: one prefix, then every
//! matching suffix in turn, each only when enough of the word is left) with the
//! stacked proclitics Lucene misses: وبال, وكال, فبال, فكال, ولل, فلل and a lone ف.
//! Stems only widen recall; the engine ranks exact spellings above stem matches.
//! A stem is always a slice of its word, so stemming never allocates.

const PREFIXES: &[&str] = &["وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "بال", "كال", "فال", "لل", "ال"];

/// Single-letter conjunctions need a longer word: وصل must stay وصل.
const CONJUNCTIONS: &[char] = &['و', 'ف'];

const SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

/// Every affix above is made of two-byte Arabic letters.
const LETTER_BYTES: usize = 2;

/// The light stem of an already normalized word.
pub fn stem(word: &str) -> &str {
    strip_suffixes(strip_prefix(word))
}

/// The word without the suffixes [`stem`] strips, proclitics kept: its stem if
/// its first letters are part of the word and not a conjunction or article
/// (فسفوريه → فسفور, where [`stem`] reads the ف as "and" and gives سفور).
pub fn strip_suffixes(word: &str) -> &str {
    let mut s = word;
    let mut len = s.chars().count();
    for suffix in SUFFIXES {
        let n = suffix.len() / LETTER_BYTES;
        if len >= n + 2 && s.ends_with(suffix) {
            s = &s[..s.len() - suffix.len()];
            len -= n;
        }
    }
    s
}

/// The word without its proclitics (article, conjunctions, prepositions), as a
/// reader might type it; suffixes stay. Used for prefix search, where a half-typed
/// word has no reliable suffix to strip.
pub fn strip_prefix(word: &str) -> &str {
    let len = word.chars().count();
    for p in PREFIXES {
        if len >= p.len() / LETTER_BYTES + 2 && word.starts_with(p) {
            return &word[p.len()..];
        }
    }
    match word.chars().next() {
        Some(c) if len >= 4 && CONJUNCTIONS.contains(&c) => &word[c.len_utf8()..],
        _ => word,
    }
}
