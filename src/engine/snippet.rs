//! Snippets: the best window of a document's original text, with the matched
//! words marked.
//!
//! The text shown is the stored original, diacritics and all. Which words matched
//! is already known from the postings (their positions), so the text is only
//! scanned for word boundaries, and only up to the end of the chosen window: a
//! highlight covers exactly a written word the query matched, vowel signs included.
//! Segments are plain text with a flag: callers render them as text nodes, never
//! as markup.

use crate::analysis::spans;
use serde::Serialize;

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

/// The snippet of `text` (which has `words` words), given its matched words in
/// order of index.
pub fn snippet(text: &str, words: usize, matches: &[Match]) -> Vec<Segment> {
    let start = best_window(matches).map_or(0, |first| first.saturating_sub(LEAD).min(words.saturating_sub(WINDOW)));
    let end = start.saturating_add(WINDOW);
    let mut out = Vec::new();
    let mut hits = matches.iter().peekable();
    let mut at = 0;
    let mut last_end = 0;
    let mut cut_at_end = false;
    for (i, (s, e)) in spans(text).enumerate() {
        if i < start {
            at = e;
            continue;
        }
        if i == start && start > 0 {
            push(&mut out, "…", false);
            at = s;
        }
        if i >= end {
            cut_at_end = true;
            break;
        }
        while hits.next_if(|&&(w, _)| w < i).is_some() {}
        // Words expanded from one ligature (ﷺ) share its span: show it once.
        if hits.next_if(|&&(w, _)| w == i).is_some() && s >= at {
            push(&mut out, &text[at..s], false);
            push(&mut out, &text[s..e], true);
            at = e;
        }
        last_end = e;
    }
    let stop = if cut_at_end { last_end } else { text.len() };
    if stop > at {
        push(&mut out, &text[at..stop], false);
    }
    if cut_at_end {
        push(&mut out, "…", false);
    }
    if out.is_empty() {
        // A text with no words at all (only punctuation or marks): shown cut short.
        push(&mut out, &text.chars().take(200).collect::<String>(), false);
    }
    out
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
