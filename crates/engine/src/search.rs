//! Ranking: BM25 over every way each query word matched, then coverage,
//! title and proximity.
//!
//! Scoring runs in two passes. The first reads spelling and stem postings and
//! gives each document a BM25 score, taking per query word the best of its
//! matches, weighted by how it matched (see [`super::matcher`]). The second reads
//! positions only for the best candidates (or, for a quoted phrase, every document
//! that has all its words), checks phrases, and rewards query words that appear
//! next to each other in the order typed: a reader who remembers a passage types
//! its words in order.

use crate::index::Index;
use crate::matcher::{expand, WordMatch, EXACT, STEM};
use crate::query::{parse, Query};
use crate::rewrite::{self, Rules};
use crate::snippet::{Match, Segment};
use fahras_core::analysis::stem;
use fahras_core::format::postings::Posting;
use fahras_core::format::streams::TITLE_GAP;
use fahras_core::format::Section;
use serde::Serialize;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A query word found in the title counts this much more.
const TITLE_BOOST: f32 = 0.5;
/// Weight of adjacency in typed order, relative to the BM25 score.
const PROXIMITY: f32 = 10.0;
/// Candidates whose positions are read for proximity.
const RERANK: usize = 200;
/// Largest number of hits returned, whatever is asked: the reranked candidates.
pub const MAX_LIMIT: usize = RERANK;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub score: f32,
    pub snippet: Vec<Segment>,
    /// The query as rewritten when this hit was found by a rewrite of it (another
    /// keyboard layout, spelling, Latin letters…): "حلب" for `pgf`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub understood: Option<String>,
}

impl Index {
    /// The `limit` best documents for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_with(query, limit, Rules::ALL)
    }

    /// [`Index::search`] with only `rules` of [`crate::rewrite`] applied.
    pub fn search_with(&self, query: &str, limit: usize, rules: Rules) -> Vec<Hit> {
        let q = parse(query);
        let limit = limit.min(MAX_LIMIT);
        if q.is_empty() || limit == 0 || self.doc_count() == 0 {
            return Vec::new();
        }
        let words: Vec<WordMatch> = q.words.iter().map(|w| expand(self, w, rules)).collect();
        let typed = self.ranked(&q, &words, limit);
        let rewrites = rewrite::rewrites(self, query, &q, &words, rules);
        if rewrites.is_empty() {
            return typed.into_iter().filter_map(|(doc, score, pos)| self.hit(doc, score, &pos, None)).collect();
        }
        let found: Vec<_> = rewrites
            .into_iter()
            .map(|r| {
                let q = parse(&r.query);
                let words: Vec<WordMatch> = q.words.iter().map(|w| expand(self, w, rules)).collect();
                (self.ranked(&q, &words, limit), r)
            })
            .collect();
        rewrite::merge(typed, found, limit)
            .into_iter()
            .filter_map(|((doc, score, pos), understood)| self.hit(doc, score, &pos, understood))
            .collect()
    }

    /// The `limit` best documents for a parsed query, with the positions of its words.
    fn ranked(&self, q: &Query, words: &[WordMatch], limit: usize) -> Vec<Ranked> {
        let mut scores = self.score(words);
        self.exclude(q, &mut scores);
        let mut ranked = self.rerank(q, words, scores);
        ranked.truncate(limit);
        if words.len() < 2 {
            // Reranking had no use for positions; snippets do.
            let docs: Vec<u32> = ranked.iter().map(|r| r.0).collect();
            for (r, pos) in ranked.iter_mut().zip(self.positions(words, &docs)) {
                r.2 = pos;
            }
        }
        ranked
    }

    fn hit(&self, doc: u32, score: f32, pos: &[Vec<u32>], understood: Option<String>) -> Option<Hit> {
        let d = self.doc_words(doc)?;
        let title_words = d.title.words.len() as u32;
        // The snippet comes from the text, or from the title when there is no text.
        let no_text = d.text.words.is_empty() && self.gaps().get(d.text.tail).is_some_and(|g| g.is_empty());
        let (run, first) = if no_text { (&d.title, 0) } else { (&d.text, title_words.saturating_add(TITLE_GAP)) };
        Some(Hit {
            id: d.id.to_owned(),
            title: self.run_text(&d.title),
            url: (!d.url.is_empty()).then(|| d.url.to_owned()),
            score,
            snippet: self.snippet(run, &matched_words(pos, first, run.words.len() as u32)),
            understood,
        })
    }

    fn idf(&self, df: u64) -> f32 {
        let n = self.doc_count() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The length part of BM25's denominator for every document (made once per index).
    fn norms(&self) -> &[f32] {
        self.length_norms(|dl| K1 * (1.0 - B + B * dl / self.avg_doc_len()))
    }

    /// First pass: per document, the summed best match of each word, and which words matched.
    fn score(&self, words: &[WordMatch]) -> Scores {
        let n = self.doc_count() as usize;
        let nw = words.len();
        let mut s = Scores { total: vec![0.0; n], matched: vec![0; n], quality: vec![0; n * nw], words: nw };
        // Per document for the current word: best score and the weight of the match that gave it.
        let mut best = vec![(0f32, 0f32); n];
        let norms = self.norms();
        let mut in_title = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let mut offer = |doc: u32, weight: f32, score: f32, best: &mut [(f32, f32)]| {
                if let Some(b) = best.get_mut(doc as usize) {
                    if b.0 == 0.0 && score > 0.0 {
                        touched.push(doc);
                    }
                    if score > b.0 {
                        *b = (score, weight);
                    }
                }
            };
            for &(off, weight) in &w.terms {
                let postings = self.postings(off);
                let idf = self.idf(postings.len().max(w.df));
                let mut visit =
                    |p: Posting| offer(p.doc, weight, weight * idf * tf_norm(norms, p.tf, p.doc), &mut best);
                match self.hot_list(off) {
                    Some(list) => list.iter().for_each(&mut visit),
                    None => postings.for_each(&mut visit),
                }
            }
            for (off, record) in w.stems.iter().filter_map(|&off| Some((off, self.stem_record(off)?))) {
                let idf = self.idf(record.df().max(w.df));
                for p in self.stem_list(&record, off).iter() {
                    offer(p.doc, STEM, STEM * idf * tf_norm(norms, p.tf, p.doc), &mut best);
                    if p.title {
                        if let Some(t) = in_title.get_mut(p.doc as usize) {
                            *t = true;
                        }
                    }
                }
            }
            for doc in touched.drain(..) {
                let d = doc as usize;
                let boost = if in_title[d] { 1.0 + TITLE_BOOST } else { 1.0 };
                s.total[d] += best[d].0 * boost;
                s.matched[d] |= 1 << i;
                s.quality[d * nw + i] = (best[d].1 / EXACT * 255.0) as u8;
                best[d] = (0.0, 0.0);
                in_title[d] = false;
            }
        }
        s
    }

    /// Drops documents containing an excluded word: any spelling of its stem
    /// (the stem's lists include the spelling's own).
    fn exclude(&self, q: &Query, s: &mut Scores) {
        let Some(stems) = self.stems() else { return };
        for t in &q.excluded {
            for form in t.forms() {
                if let Some(record) = stems.get(stem(form)).and_then(|off| self.stem_record(off)) {
                    record.postings(self.section(Section::Postings)).iter().for_each(|p| s.drop(p.doc));
                }
            }
        }
    }

    /// Second pass: coverage, phrases and proximity, then the final order.
    fn rerank(&self, q: &Query, words: &[WordMatch], s: Scores) -> Vec<Ranked> {
        let n_words = words.len() as u32;
        let phrase_mask: u16 =
            q.words.iter().enumerate().filter(|(_, w)| w.phrase.is_some()).fold(0, |m, (i, _)| m | 1 << i);
        let mut ranked: Vec<(u32, f32)> = s
            .matched
            .iter()
            .enumerate()
            .filter(|&(_, &m)| m != 0 && m & phrase_mask == phrase_mask)
            .map(|(d, &m)| {
                // A document with every word beats one with a frequent few.
                let coverage = m.count_ones() as f32 / n_words as f32;
                (d as u32, s.total[d] * coverage * coverage)
            })
            .collect();
        let by_score = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let cut = if q.phrases.is_empty() { RERANK.min(ranked.len()) } else { ranked.len() };
        // Only the head is ever looked at in order: select it, then sort just it.
        if cut < ranked.len() {
            ranked.select_nth_unstable_by(cut, by_score);
        }
        ranked[..cut].sort_unstable_by(by_score);
        if n_words < 2 {
            return ranked[..cut].iter().map(|&(doc, score)| (doc, score, Vec::new())).collect();
        }
        let docs: Vec<u32> = ranked[..cut].iter().map(|r| r.0).collect();
        let mut head: Vec<Ranked> = ranked[..cut]
            .iter()
            .zip(self.positions(words, &docs))
            .filter(|(_, pos)| q.phrases.iter().all(|p| has_phrase(pos, p)))
            .map(|(&(doc, score), pos)| (doc, score * (1.0 + PROXIMITY * proximity(&pos, s.quality_of(doc))), pos))
            .collect();
        head.sort_unstable_by(|a, b| by_score(&(a.0, a.1), &(b.0, b.1)));
        head
    }

    /// Positions of each query word in each of `docs`, read from their word ids.
    fn positions(&self, words: &[WordMatch], docs: &[u32]) -> Vec<Vec<Vec<u32>>> {
        // Per written word, bit i set when it has a stem of query word i.
        let mut mask = vec![0u16; self.words().len() as usize];
        for (w, m) in words.iter().enumerate() {
            for record in m.position_stems.iter().filter_map(|&off| self.stem_record(off)) {
                for id in record.word_ids() {
                    if let Some(bits) = mask.get_mut(id as usize) {
                        *bits |= 1 << w;
                    }
                }
            }
        }
        docs.iter()
            .map(|&doc| {
                let mut pos = vec![Vec::with_capacity(4); words.len()];
                self.for_each_word(doc, |id, p| {
                    let mut bits = mask.get(id as usize).copied().unwrap_or(0);
                    while bits != 0 {
                        pos[bits.trailing_zeros() as usize].push(p);
                        bits &= bits - 1;
                    }
                });
                pos
            })
            .collect()
    }
}

/// A ranked document: number, score, and the positions of each query word in it
/// where they were needed to rank it.
pub(crate) type Ranked = (u32, f32, Vec<Vec<u32>>);

struct Scores {
    total: Vec<f32>,
    /// Bit i set when query word i matched.
    matched: Vec<u16>,
    /// Per document and word, how well the word matched (weight / EXACT, in 1/255).
    /// Positions come from stems, which cannot tell فقال from قال; this can.
    quality: Vec<u8>,
    words: usize,
}

impl Scores {
    fn quality_of(&self, doc: u32) -> &[u8] {
        let at = doc as usize * self.words;
        self.quality.get(at..at + self.words).unwrap_or(&[])
    }

    fn drop(&mut self, doc: u32) {
        if let Some(m) = self.matched.get_mut(doc as usize) {
            *m = 0;
        }
    }
}

/// The words of a text (positions `first..first + words`) that matched, by
/// index in the text, with the query words each matched.
fn matched_words(pos: &[Vec<u32>], first: u32, words: u32) -> Vec<Match> {
    let mut out: Vec<Match> = Vec::new();
    for (w, ps) in pos.iter().enumerate() {
        for &p in ps.iter().filter(|&&p| p >= first && p - first < words) {
            out.push(((p - first) as usize, 1 << w));
        }
    }
    out.sort_unstable();
    out.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 |= b.1;
        }
        same
    });
    out
}

/// BM25's term-frequency part, saturating in `tf` and normalized by document length.
fn tf_norm(norms: &[f32], tf: u32, doc: u32) -> f32 {
    let tf = tf as f32;
    tf * (K1 + 1.0) / (tf + norms.get(doc as usize).copied().unwrap_or(K1))
}

/// Whether the phrase's words occur consecutively somewhere.
fn has_phrase(pos: &[Vec<u32>], phrase: &[usize]) -> bool {
    let Some(first) = phrase.first().and_then(|&w| pos.get(w)) else { return false };
    first.iter().any(|&p| {
        phrase.iter().enumerate().skip(1).all(|(k, &w)| {
            pos.get(w).is_some_and(|ps| p.checked_add(k as u32).is_some_and(|q| ps.binary_search(&q).is_ok()))
        })
    })
}

/// 0..=1: how much consecutive query words stand next to each other, in order,
/// each pair counted by how exactly both of its words matched.
fn proximity(pos: &[Vec<u32>], quality: &[u8]) -> f32 {
    if pos.len() < 2 {
        return 0.0;
    }
    let q = |i: usize| f32::from(quality.get(i).copied().unwrap_or(0)) / 255.0;
    let pairs = pos.windows(2).enumerate().map(|(i, w)| pair_closeness(&w[0], &w[1]) * q(i) * q(i + 1)).sum::<f32>();
    pairs / (pos.len() - 1) as f32
}

fn pair_closeness(a: &[u32], b: &[u32]) -> f32 {
    let mut best = 0.0f32;
    for &p in a {
        // The nearest occurrence of the next word at or after p.
        let i = b.partition_point(|&q| q <= p);
        if let Some(&q) = b.get(i) {
            best = best.max(match q - p {
                1 => 1.0,
                2 => 0.6,
                3 => 0.4,
                _ => 0.0,
            });
        }
        if i > 0 && p - b[i - 1] == 1 {
            best = best.max(0.3);
        }
        if best == 1.0 {
            break;
        }
    }
    best
}
