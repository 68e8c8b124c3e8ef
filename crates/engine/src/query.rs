//! Query syntax: what a reader typed, split into words, phrases and exclusions.
//!
//! - plain words: ranked, not all required;
//! - `"quoted phrase"`: its words must appear consecutively;
//! - `-word`: documents containing it are left out;
//! - the last word, while it is still being typed (no space after it yet), also
//!   matches as a prefix: search-as-you-type.
//!
//! Work is bounded whatever is pasted: the query is cut to [`MAX_QUERY_CHARS`]
//! characters and [`MAX_WORDS`] words (the rest is ignored, not an error).

use fahras_core::analysis::{tokens, Token};

/// Characters of a query that are looked at; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 256;
/// Query words (including phrase words) that are looked at; the rest are ignored.
pub const MAX_WORDS: usize = 12;
/// Excluded words that are looked at.
pub const MAX_EXCLUDED: usize = 8;

/// One word of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub token: Token,
    /// Still being typed: also match words that start with it.
    pub prefix: bool,
    /// Index into [`Query::phrases`] if the word is part of a quoted phrase.
    pub phrase: Option<usize>,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<QueryWord>,
    /// Each phrase as the indices of its words in `words`, in order.
    pub phrases: Vec<Vec<usize>>,
    pub excluded: Vec<Token>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Parses `input`.
pub fn parse(input: &str) -> Query {
    let input = match input.char_indices().nth(MAX_QUERY_CHARS) {
        Some((i, _)) => &input[..i],
        None => input,
    };
    let mut q = Query::default();
    let mut rest = input;
    let mut still_typing = false;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('"') {
            let (inner, next, closed) = match after.find('"') {
                Some(i) => (&after[..i], &after[i + 1..], true),
                None => (after, "", false),
            };
            let phrase = q.phrases.len();
            let start = q.words.len();
            push_words(&mut q, input, inner, Some(phrase));
            if q.words.len() > start {
                q.phrases.push((start..q.words.len()).collect());
            }
            still_typing = !closed && !inner.ends_with(char::is_whitespace);
            rest = next;
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '"').unwrap_or(rest.len());
        let (chunk, next) = rest.split_at(end);
        match chunk.strip_prefix('-') {
            Some(word) if !word.is_empty() => {
                for t in tokens(word) {
                    if q.excluded.len() < MAX_EXCLUDED {
                        q.excluded.push(t);
                    }
                }
                still_typing = false;
            }
            _ => {
                push_words(&mut q, input, chunk, None);
                still_typing = next.is_empty();
            }
        }
        rest = next;
    }
    if still_typing && !input.ends_with(char::is_whitespace) {
        if let Some(last) = q.words.last_mut() {
            last.prefix = true;
        }
    }
    q
}

/// Adds the words of `text`, a slice of `input`, with spans relative to `input`.
fn push_words(q: &mut Query, input: &str, text: &str, phrase: Option<usize>) {
    let base = text.as_ptr() as usize - input.as_ptr() as usize;
    for mut token in tokens(text) {
        if q.words.len() == MAX_WORDS {
            return;
        }
        token.start += base;
        token.end += base;
        q.words.push(QueryWord { token, prefix: false, phrase });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &Query) -> Vec<(&str, bool)> {
        q.words.iter().map(|w| (w.token.term.as_str(), w.prefix)).collect()
    }

    #[test]
    fn last_word_is_a_prefix_only_while_typing() {
        assert_eq!(terms(&parse("ريف حل")), [("ريف", false), ("حل", true)]);
        assert_eq!(terms(&parse("ريف حلب ")), [("ريف", false), ("حلب", false)]);
    }

    #[test]
    fn phrases_and_exclusions() {
        let q = parse("\"ريف حلب\" -ادلب سوريا");
        assert_eq!(terms(&q), [("ريف", false), ("حلب", false), ("سوريا", true)]);
        assert_eq!(q.phrases, vec![vec![0, 1]]);
        assert_eq!(q.excluded[0].term, "ادلب");
        assert_eq!(&"\"ريف حلب\" -ادلب سوريا"[q.words[2].token.start..], "سوريا");
        // An unclosed phrase is still being typed.
        let q = parse("\"ريف حل");
        assert_eq!(terms(&q), [("ريف", false), ("حل", true)]);
        // A lone minus or a hyphenated word is no exclusion.
        assert!(parse("- حلب").excluded.is_empty());
    }

    #[test]
    fn a_closed_phrase_is_no_longer_being_typed() {
        // The closing quote says the phrase is finished: its last word is a word,
        // not the start of a longer one.
        assert_eq!(terms(&parse("\"ريف حل\"")), [("ريف", false), ("حل", false)]);
    }

    #[test]
    fn exclusions_are_bounded_too() {
        // Each excluded word costs a stem lookup and a pass over its postings:
        // a pasted list of a hundred -words must cost no more than MAX_EXCLUDED.
        let q = parse(&(0..100).map(|i| format!("-كلمة{i}")).collect::<Vec<_>>().join(" "));
        assert_eq!(q.excluded.len(), MAX_EXCLUDED);
        assert_eq!(q.excluded.last().map(|t| t.term.as_str()), Some("كلمه7"), "the first ones are kept");
    }

    #[test]
    fn bounded() {
        let long = "كلمة ".repeat(10_000);
        let q = parse(&long);
        assert!(q.words.len() <= MAX_WORDS);
        assert!(
            parse(&"ا".repeat(100_000)).words[0].token.term.chars().count() <= fahras_core::analysis::MAX_TERM_CHARS
        );
    }
}
