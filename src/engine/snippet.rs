//! Snippets: the best window of a document's original text, with the matched
//! words marked.
//!
//! The text shown is the stored original, diacritics and all; matching runs the
//! same analyzer over it, so a highlight covers exactly the written word a query
//! matched, vowel signs included. Segments are plain text with a flag: callers
//! render them as text nodes, never as markup.

use super::matcher::WordMatch;
use crate::analysis::{stem, tokens, Token};
use serde::Serialize;
use std::collections::HashMap;

/// Words shown in a snippet.
const WINDOW: usize = 28;
/// Words of context kept before the first match.
const LEAD: usize = 4;
/// Words of a document looked at for a snippet; long documents are cut here.
const SCAN: usize = 20_000;

/// A piece of snippet text; `hit` marks a matched word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Which query words a document word matches.
pub struct Highlighter {
    spellings: HashMap<String, u16>,
    stems: HashMap<String, u16>,
}

impl Highlighter {
    pub fn new(words: &[WordMatch]) -> Self {
        let mut h = Highlighter { spellings: HashMap::new(), stems: HashMap::new() };
        for (i, w) in words.iter().enumerate() {
            for s in &w.spellings {
                *h.spellings.entry(s.clone()).or_default() |= 1 << i;
            }
            for s in &w.stems {
                *h.stems.entry(s.clone()).or_default() |= 1 << i;
            }
        }
        h
    }

    /// Bit i set when the token matches query word i.
    fn matches(&self, t: &Token) -> u16 {
        t.forms().fold(0, |m, f| {
            m | self.spellings.get(f).copied().unwrap_or(0) | self.stems.get(stem(f)).copied().unwrap_or(0)
        })
    }
}

/// The snippet of `text` for the query behind `h`.
pub fn snippet(text: &str, h: &Highlighter) -> Vec<Segment> {
    let toks: Vec<Token> = tokens(text).take(SCAN).collect();
    if toks.is_empty() {
        return vec![Segment { text: cut(text), hit: false }];
    }
    let marks: Vec<u16> = toks.iter().map(|t| h.matches(t)).collect();
    // A few words of context before the first match, but never a window shorter
    // than the text allows: a short text is shown whole.
    let start = best_window(&marks).map_or(0, |first| first.saturating_sub(LEAD).min(toks.len().saturating_sub(WINDOW)));
    let end = (start + WINDOW).min(toks.len());
    let mut out = Vec::new();
    let mut at = if start == 0 { 0 } else { toks[start].start };
    if start > 0 {
        out.push(Segment { text: "…".into(), hit: false });
    }
    for (t, &m) in toks[start..end].iter().zip(&marks[start..end]) {
        // Words expanded from one ligature (ﷺ) share its span: show it once.
        if m == 0 || t.start < at {
            continue;
        }
        if t.start > at {
            push(&mut out, &text[at..t.start], false);
        }
        push(&mut out, &text[t.start..t.end], true);
        at = t.end;
    }
    let stop = if end == toks.len() { text.len() } else { toks[end - 1].end };
    if stop > at {
        push(&mut out, &text[at..stop], false);
    }
    if end < toks.len() {
        push(&mut out, "…", false);
    }
    out
}

/// Index of the first matched word of the window with the most distinct query
/// words (then the most matches), if anything matched.
fn best_window(marks: &[u16]) -> Option<usize> {
    let mut best: Option<(u32, usize, usize)> = None;
    for (i, &m) in marks.iter().enumerate() {
        if m == 0 {
            continue;
        }
        let window = &marks[i..(i + WINDOW - LEAD).min(marks.len())];
        let words = window.iter().fold(0u16, |a, &m| a | m).count_ones();
        let hits = window.iter().filter(|&&m| m != 0).count();
        if best.map_or(true, |(w, h, _)| (words, hits) > (w, h)) {
            best = Some((words, hits, i));
        }
    }
    best.map(|(_, _, i)| i)
}

fn push(out: &mut Vec<Segment>, text: &str, hit: bool) {
    match out.last_mut() {
        Some(last) if last.hit == hit && !hit => last.text.push_str(text),
        _ => out.push(Segment { text: text.to_owned(), hit }),
    }
}

/// A text with no words at all (only punctuation or marks): shown cut short.
fn cut(text: &str) -> String {
    text.chars().take(200).collect()
}
