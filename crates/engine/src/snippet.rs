//! Snippets: the best window of a document's original text, with the matched
//! words marked; and highlights: the whole text, marked the same way.
//!
//! The text shown is the stored original, diacritics and all, put back together
//! from the window's written words and the gaps between them. Which words matched
//! is already known from their positions, so a highlight covers exactly a written
//! word the query matched, vowel signs included. Segments are plain text with a
//! flag: callers render them as text nodes, never as markup.

use crate::index::Index;
use crate::matcher::{expand, WordMatch};
use crate::query::parse;
use crate::rewrite::Rules;
use crate::search::{in_phrases, matched_words};
use fahras_core::format::streams::{Run, TITLE_GAP};
use serde::Serialize;
use std::ops::Range;

/// Words shown in a snippet.
const WINDOW: usize = 28;
/// Words of context kept before the first match.
const LEAD: usize = 4;

/// A piece of snippet text; `hit` marks a matched word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// A matched word of the text: its index among the text's words, and which query
/// words it matched (bit i for word i).
pub type Match = (usize, u16);

/// Characters shown of a text that has no words at all (only punctuation or marks).
const WORDLESS: usize = 200;

impl Index {
    /// The snippet of `run`, given its matched words in order of index.
    pub(crate) fn snippet(&self, run: &Run, matches: &[Match]) -> Vec<Segment> {
        let words = run.words.len();
        if words == 0 {
            let mut tail = String::new();
            self.gap_into(run.tail, &mut tail);
            let mut out = Vec::new();
            push(&mut out, &tail.chars().take(WORDLESS).collect::<String>(), false);
            return out;
        }
        let start =
            best_window(matches).map_or(0, |first| first.saturating_sub(LEAD).min(words.saturating_sub(WINDOW)));
        self.marked(run, matches, start..start.saturating_add(WINDOW).min(words))
    }

    /// Document `doc`'s whole text, exactly as stored, with the words `query`
    /// matches marked as its snippets mark them; empty for an unknown document.
    pub fn highlight(&self, doc: u32, query: &str) -> Vec<Segment> {
        let Some(d) = self.doc_words(doc) else { return Vec::new() };
        let q = parse(query);
        let words: Vec<WordMatch> = q.words.iter().map(|w| expand(self, w, Rules::ALL)).collect();
        let pos = in_phrases(&self.positions(&words, &[doc]).pop().unwrap_or_default(), &q.phrases);
        let typed: Vec<String> = q.words.iter().map(|w| w.token.term.clone()).collect();
        let pos = self.as_typed(&d, &typed, pos);
        let first = (d.title.words.len() as u32).saturating_add(TITLE_GAP);
        let matches = matched_words(&pos, first, d.text.words.len() as u32);
        self.marked(&d.text, &matches, 0..d.text.words.len())
    }

    /// The words `window` of `run` with their gaps, matched words marked, and a
    /// "…" where the window leaves words out.
    fn marked(&self, run: &Run, matches: &[Match], window: Range<usize>) -> Vec<Segment> {
        let (start, end) = (window.start, window.end);
        let words = run.words.len();
        // (gap before, word, hit) for each word of the window.
        let mut shown: Vec<(String, String, bool)> = window
            .map(|i| {
                let (mut gap, mut word) = (String::new(), String::new());
                self.gap_into(run.gaps[i], &mut gap);
                self.word_into(run.words[i], &mut word);
                (gap, word, false)
            })
            .collect();
        // Only the words a ligature (ﷺ) expands to follow another with no gap at
        // all: they share its span, and it is the ligature that lights up.
        let joined: Vec<bool> = shown.iter().enumerate().map(|(k, s)| k + start > 0 && s.0.is_empty()).collect();
        for &(i, _) in matches.iter().filter(|(i, _)| (start..end).contains(i)) {
            let mut k = i - start;
            while k > 0 && joined[k] {
                k -= 1;
            }
            shown[k].2 = true;
        }
        // After a leading "…" the window starts at its first word.
        if start > 0 {
            shown[0].0.clear();
        }
        let mut out = Vec::new();
        if start > 0 {
            push(&mut out, "…", false);
        }
        for (gap, word, hit) in &shown {
            push(&mut out, gap, false);
            push(&mut out, word, *hit);
        }
        if end < words {
            push(&mut out, "…", false);
        } else {
            let mut tail = String::new();
            self.gap_into(run.tail, &mut tail);
            push(&mut out, &tail, false);
        }
        out
    }
}

/// Word index of the first match of the window with the most distinct query words
/// (then the most matches), if anything matched.
fn best_window(matches: &[Match]) -> Option<usize> {
    let mut best: Option<(u32, usize, usize)> = None;
    for (k, &(first, _)) in matches.iter().enumerate() {
        let window = matches[k..].iter().take_while(|&&(w, _)| w < first.saturating_add(WINDOW - LEAD));
        let (words, hits) = window.fold((0u16, 0usize), |(m, n), &(_, b)| (m | b, n + 1));
        let key = (words.count_ones(), hits, first);
        if best.map_or(true, |(w, h, _)| (key.0, key.1) > (w, h)) {
            best = Some(key);
        }
    }
    best.map(|(_, _, first)| first)
}

fn push(out: &mut Vec<Segment>, text: &str, hit: bool) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if !last.hit && !hit && last.text != "…" => last.text.push_str(text),
        _ => out.push(Segment { text: text.to_owned(), hit }),
    }
}
