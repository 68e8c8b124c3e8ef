//! Ranking: BM25 over every way each query word matched, then coverage,
//! title and proximity.
//!
//! Scoring runs in two passes. The first reads spelling and stem postings and
//! gives each document a BM25 score, taking per query word the best of its
//! matches, weighted by how it matched (see [`super::matcher`]). The second reads
//! positions only for the best candidates (or, for a quoted phrase, every document
//! that has all its words), checks phrases, and rewards query words that appear
//! next to each other in the order typed: a reader who remembers a passage types
//! its words in order. Each adjacency counts as exactly as both of its words
//! match where they stand, and a run of several query words in a row counts
//! more than the same pairs in different places.

use crate::index::Index;
use crate::matcher::{expand, WordMatch, EXACT, STEM};
use crate::query::{Query, MAX_WORDS};
use crate::results::QueryOptions;
use crate::rewrite::{Readings, Rules};
use crate::snippet::{Match, Segment};
use crate::stored::{DocWords, Meta};
use fahras_core::analysis::{stem, strip_prefix, tokens};
use fahras_core::format::postings::Posting;
use fahras_core::format::streams::TITLE_GAP;

use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A query word found in the title counts this much more.
const TITLE_BOOST: f32 = 0.5;
/// Weight of adjacency in typed order, relative to the BM25 score.
const PROXIMITY: f32 = 10.0;
/// Candidates whose positions are read for proximity.
const RERANK: usize = 200;
/// Candidates reranked before first checking whether the rest can still matter.
const RERANK_BATCH: usize = 16;
/// Largest number of hits in one page, whatever is asked.
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
    /// The document's metadata, for result lists that show a date or a source.
    #[serde(skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
    /// The query as rewritten when this hit was found by a rewrite of it (another
    /// keyboard layout, spelling, Latin letters…): "حلب" for `pgf`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub understood: Option<String>,
}

/// Every document a query matches, before filters and order.
pub(crate) struct Matched {
    pub words: Vec<WordMatch>,
    /// Each matching document with its first-pass score, in document order.
    pub docs: Vec<Ranked>,
    /// The query words' positions in the reranked documents.
    pub positions: HashMap<u32, Vec<Vec<u32>>>,
    /// [`Index::position_mask`] of `words`, once made.
    mask: Option<Vec<u16>>,
    scores: Scores,
    /// The quoted phrases, as indices into `words`.
    phrases: Vec<Vec<usize>>,
    /// Each query word's normalized spelling as typed.
    typed: Vec<String>,
}

impl Index {
    /// The `limit` best documents for `query`, best first: the hits of
    /// [`Index::query`] without totals or facets.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_with(query, limit, Rules::ALL)
    }

    /// [`Index::search`] with only `rules` of [`crate::rewrite`] applied.
    pub fn search_with(&self, query: &str, limit: usize, rules: Rules) -> Vec<Hit> {
        self.answer(query, &QueryOptions { limit, rules, ..QueryOptions::default() }, false).hits
    }

    /// First pass over the whole index: the documents that match `q`, scored.
    pub(crate) fn matches(&self, q: &Query, rules: Rules) -> Matched {
        let words: Vec<WordMatch> = q.words.iter().map(|w| expand(self, w, rules)).collect();
        let mut scores = self.score(&words);
        self.excluded(q, |doc| scores.drop(doc));
        let n_words = words.len() as u32;
        let phrase_mask: u16 =
            q.words.iter().enumerate().filter(|(_, w)| w.phrase.is_some()).fold(0, |m, (i, _)| m | 1 << i);
        let mut docs: Vec<Ranked> = scores
            .matched
            .iter()
            .enumerate()
            .filter(|&(_, &m)| m != 0 && m & phrase_mask == phrase_mask)
            .map(|(d, &m)| {
                // A document with every word beats one with a frequent few.
                let coverage = m.count_ones() as f32 / n_words as f32;
                (d as u32, scores.total[d] * coverage * coverage)
            })
            .collect();
        let mut mask = None;
        if !q.phrases.is_empty() {
            // Whether a phrase is there is known only from positions: every
            // candidate is read, up to where its last phrase ends. Ranking reads
            // the positions of the few it reranks.
            let mask = mask.insert(self.position_mask(&words));
            docs.retain(|r| self.has_phrases(mask, r.0, &q.phrases));
        }
        let typed = q.words.iter().map(|w| w.token.term.clone()).collect();
        Matched { words, docs, positions: HashMap::new(), mask, scores, phrases: q.phrases.clone(), typed }
    }

    /// Second pass: `docs` (some of `m`'s) with at least the first `upto` of them
    /// in relevance order, and how many are. The [`RERANK`] best by first-pass
    /// score (every one, for a phrase query) are reordered by proximity; the rest
    /// follow by first-pass score (see [`by_score`]).
    ///
    /// With `upto` > 0, candidates are reranked in first-pass order, a batch at
    /// a time, and reading stops once no candidate left can reach the
    /// `upto`-th place: proximity multiplies a score by at most 1 + [`PROXIMITY`].
    /// The first `upto` are then those the whole head would give, in its order,
    /// for the streams of a few candidates rather than of all of them (a split
    /// index fetches them). `upto` = 0 reranks the whole head, as a sort and the
    /// merging of rewritten readings need.
    pub(crate) fn rank(&self, m: &mut Matched, mut docs: Vec<Ranked>, upto: usize) -> (Vec<Ranked>, usize) {
        let cut = if !m.phrases.is_empty() { docs.len() } else { RERANK.min(docs.len()) };
        // Only the head is ever looked at in order: select it, then sort just it.
        if cut < docs.len() {
            docs.select_nth_unstable_by(cut, by_score);
        }
        let (head, rest) = docs.split_at_mut(cut);
        let mut reranked = cut;
        if m.words.len() >= 2 {
            head.sort_unstable_by(by_score);
            let need = if upto == 0 { cut } else { upto.min(cut) };
            let mut rater = Rater::new(self, &m.words);
            let mut done = 0;
            while done < cut {
                // Batches double, so that a head read whole takes a few batches
                // (a split index fetches each batch's streams in one round trip).
                let batch = &mut head[done..(done + done.max(RERANK_BATCH)).min(cut)];
                for r in batch.iter_mut() {
                    let mask = m.mask.get_or_insert_with(|| self.position_mask(&m.words));
                    let (pos, ids) = self.positions_of(mask, m.words.len(), r.0);
                    r.1 *= 1.0 + PROXIMITY * proximity(&pos, &ids, &mut |w, id| rater.quality(id, w));
                    m.positions.insert(r.0, pos);
                }
                done += batch.len();
                if self.reached_missing_parts() {
                    // Scores from missing streams are wrong: fetch these first,
                    // with the next batch's, which the next run will likely read.
                    for r in &head[done..(done + done.max(RERANK_BATCH)).min(cut)] {
                        self.for_each_word(r.0, |_, _| {});
                    }
                    break;
                }
                if done < cut && done >= need {
                    let reach = |r: &Ranked| r.1 * (1.0 + PROXIMITY * m.scores.reach(r.0));
                    let bound = head[done..].iter().map(reach).fold(0.0, f32::max);
                    let mut best: Vec<f32> = head[..done].iter().map(|r| r.1).collect();
                    let (_, &mut kth, _) = best.select_nth_unstable_by(need - 1, |a, b| b.total_cmp(a));
                    if kth > bound {
                        // Every candidate left scores below `bound` even when reranked.
                        head[..done].sort_unstable_by(by_score);
                        reranked = head[..done].iter().take_while(|r| r.1 > bound).count();
                        break;
                    }
                }
            }
        }
        if reranked < cut {
            return (docs, reranked);
        }
        head.sort_unstable_by(by_score);
        let more = order_head(rest, upto.saturating_sub(cut));
        (docs, cut + more)
    }

    /// The hits for `page`, in its order, each with the positions of the words of
    /// the reading that found it (read now for those that have none yet, for
    /// their snippets); none when browsing.
    pub(crate) fn hits(&self, readings: Option<&Readings>, page: &[Ranked]) -> Vec<Hit> {
        if self.reached_missing_parts() {
            // The page is not this one once the parts are there: read nothing for it.
            return Vec::new();
        }
        let Some(r) = readings else {
            return page.iter().filter_map(|&(doc, score)| self.hit(doc, score, &[], &[], None)).collect();
        };
        let mut read: HashMap<u32, Vec<Vec<u32>>> = HashMap::new();
        for (i, m) in r.all().enumerate() {
            let missing: Vec<u32> =
                page.iter().map(|p| p.0).filter(|&d| r.which(d) == i && !m.positions.contains_key(&d)).collect();
            read.extend(missing.iter().copied().zip(self.positions(&m.words, &missing)));
        }
        page.iter()
            .filter_map(|&(doc, score)| {
                let (m, understood) = r.of(doc);
                let pos = m.positions.get(&doc).or_else(|| read.get(&doc)).map_or(&[][..], |p| &p[..]);
                self.hit(doc, score, &in_phrases(pos, &m.phrases), &m.typed, understood.map(str::to_owned))
            })
            .collect()
    }

    fn hit(&self, doc: u32, score: f32, pos: &[Vec<u32>], typed: &[String], understood: Option<String>) -> Option<Hit> {
        let d = self.doc_words(doc)?;
        let pos = self.as_typed(&d, typed, pos.to_vec());
        let title_words = d.title.words.len() as u32;
        // The snippet comes from the text, or from the title when there is no text.
        let no_text = d.text.words.is_empty() && self.gaps().get(d.text.tail).is_some_and(|g| g.is_empty());
        let (run, first) = if no_text { (&d.title, 0) } else { (&d.text, title_words.saturating_add(TITLE_GAP)) };
        Some(Hit {
            id: d.id.to_owned(),
            title: self.run_text(&d.title),
            url: (!d.url.is_empty()).then(|| d.url.to_owned()),
            score,
            snippet: self.snippet(run, &matched_words(&pos, first, run.words.len() as u32)),
            meta: self.meta(doc),
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
        let mut s = Scores { total: vec![0.0; n], matched: vec![0; n], words: nw };
        // Per document, the best score of the current word.
        let mut best = vec![0f32; n];
        let norms = self.norms();
        let mut in_title = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let mut offer = |doc: u32, score: f32, best: &mut [f32]| {
                if let Some(b) = best.get_mut(doc as usize) {
                    if *b == 0.0 && score > 0.0 {
                        touched.push(doc);
                    }
                    *b = b.max(score);
                }
            };
            for &(off, weight) in &w.terms {
                let postings = self.postings(off);
                let idf = self.idf(postings.len().max(w.df));
                let mut visit = |p: Posting| offer(p.doc, weight * idf * tf_norm(norms, p.tf, p.doc), &mut best);
                // Loops rather than for_each(&mut visit): called through a
                // reference, the closure was not inlined, a call per posting.
                match self.hot_list(off) {
                    Some(list) => {
                        for p in list.iter() {
                            visit(p);
                        }
                    }
                    None => {
                        for p in postings {
                            visit(p);
                        }
                    }
                }
            }
            for (off, record) in w.stems.iter().filter_map(|&off| Some((off, self.stem_record(off)?))) {
                let idf = self.idf(record.df().max(w.df));
                for p in self.stem_list(&record, off).iter() {
                    offer(p.doc, STEM * idf * tf_norm(norms, p.tf, p.doc), &mut best);
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
                s.total[d] += best[d] * boost;
                s.matched[d] |= 1 << i;
                best[d] = 0.0;
                in_title[d] = false;
            }
        }
        s
    }

    /// Calls `f` with each document containing an excluded word: any spelling of
    /// its stem (the stem's lists include the spelling's own).
    pub(crate) fn excluded(&self, q: &Query, mut f: impl FnMut(u32)) {
        let Some(stems) = self.stems() else { return };
        for t in &q.excluded {
            for form in t.forms() {
                if let Some(off) = stems.get(stem(form)) {
                    if let Some(record) = self.stem_record(off) {
                        self.record_postings(&record, off).iter().for_each(|p| f(p.doc));
                    }
                }
            }
        }
    }

    /// `pos` (of query words in document `d`) with each word kept only where the
    /// document writes it as typed, when it does somewhere: a reader who typed
    /// بانا wants بانا marked, not أنا read out of بأنا by its stem. Where it
    /// does not, words more than two letters shorter than the typed word's body
    /// (without its proclitics) are not marked: a light stem that took more
    /// than a two-letter suffix has often taken letters of the word, and the
    /// shorter word with that stem is another word (الولايات and ولا, "nor").
    /// For highlights only: ranking counts every form.
    pub(crate) fn as_typed(&self, d: &DocWords, typed: &[String], mut pos: Vec<Vec<u32>>) -> Vec<Vec<u32>> {
        let first = (d.title.words.len() as u32).saturating_add(TITLE_GAP);
        let id_at = |p: u32| match p.checked_sub(first) {
            Some(i) => d.text.words.get(i as usize),
            None => d.title.words.get(p as usize),
        };
        // Per written word: whether it is the typed word, and its length in letters.
        let mut known: HashMap<u32, (bool, usize)> = HashMap::new();
        let mut written = String::new();
        for (ps, term) in pos.iter_mut().zip(typed) {
            known.clear();
            let mut read = |p: u32| {
                id_at(p).map(|&id| {
                    *known.entry(id).or_insert_with(|| {
                        written.clear();
                        self.word_into(id, &mut written);
                        // The later words of a ligature (ﷺ) are written empty: always kept.
                        tokens(&written).next().map_or((false, usize::MAX), |t| {
                            (&t.term == term || t.alt.as_ref() == Some(term), t.term.chars().count())
                        })
                    })
                })
            };
            let exact: Vec<u32> = ps.iter().copied().filter(|&p| read(p).is_some_and(|w| w.0)).collect();
            if !exact.is_empty() {
                *ps = exact;
            } else {
                let body = strip_prefix(term).chars().count();
                ps.retain(|&p| read(p).map_or(true, |w| w.1.saturating_add(2) >= body));
            }
        }
        pos
    }

    /// Positions of each query word in each of `docs`, read from their word ids.
    pub(crate) fn positions(&self, words: &[WordMatch], docs: &[u32]) -> Vec<Vec<Vec<u32>>> {
        let mask = self.position_mask(words);
        docs.iter().map(|&doc| self.positions_of(&mask, words.len(), doc).0).collect()
    }

    /// Per written word, bit i set when it has a stem of query word i.
    fn position_mask(&self, words: &[WordMatch]) -> Vec<u16> {
        let mut mask = vec![0u16; self.word_count() as usize];
        for (w, m) in words.iter().enumerate() {
            for record in m.position_stems.iter().filter_map(|&off| self.stem_record(off)) {
                for id in record.word_ids() {
                    if let Some(bits) = mask.get_mut(id as usize) {
                        *bits |= 1 << w;
                    }
                }
            }
        }
        mask
    }

    /// Whether every one of `phrases` stands whole in document `doc` (`mask` as
    /// [`Index::position_mask`] makes it): read up to where the last one ends.
    fn has_phrases(&self, mask: &[u16], doc: u32, phrases: &[Vec<usize>]) -> bool {
        // Per phrase, bit k set when its first k + 1 words end at the position
        // just read (shift-and; a query has at most MAX_WORDS words).
        let mut ends = [0u32; MAX_WORDS];
        let (mut found, all) = (0u32, (1u32 << phrases.len()) - 1);
        let mut last: Option<u32> = None;
        self.any_word(doc, |id, p| {
            let bits = mask.get(id as usize).copied().unwrap_or(0);
            // Title and text stand TITLE_GAP apart: no phrase runs across.
            let next = last.and_then(|l| l.checked_add(1)) == Some(p);
            last = Some(p);
            for (i, (phrase, end)) in phrases.iter().zip(&mut ends).enumerate() {
                let here = phrase.iter().enumerate().fold(0, |m, (k, &w)| m | u32::from(bits & 1 << w != 0) << k);
                *end = (if next { *end << 1 | 1 } else { 1 }) & here;
                if phrase.len().checked_sub(1).is_some_and(|k| *end & 1 << k != 0) {
                    found |= 1 << i;
                }
            }
            found == all
        })
    }

    /// The positions of each query word in document `doc`, and the written word
    /// at each of them.
    fn positions_of(&self, mask: &[u16], words: usize, doc: u32) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
        let mut pos = vec![Vec::with_capacity(4); words];
        let mut ids = vec![Vec::with_capacity(4); words];
        self.for_each_word(doc, |id, p| {
            let mut bits = mask.get(id as usize).copied().unwrap_or(0);
            while bits != 0 {
                let w = bits.trailing_zeros() as usize;
                pos[w].push(p);
                ids[w].push(id);
                bits &= bits - 1;
            }
        });
        (pos, ids)
    }
}

/// How exactly a written word matched a query word, as a share of [`EXACT`]:
/// the weight the first pass gave its spelling, [`STEM`] for another word of
/// the query word's own stem, 0 for other words of a matched spelling's stem,
/// which the first pass did not count (so proximity stays within
/// [`Scores::reach`]). Positions come from stems, which cannot tell كتابي from
/// كتاب: a document with كتاب somewhere and كتابي next to the following query
/// word has that pair only as a stem. Each written word is read from the word
/// table once per query.
struct Rater<'a> {
    index: &'a Index,
    words: &'a [WordMatch],
    known: HashMap<u64, f32, BuildHasherDefault<IdHasher>>,
    written: String,
}

impl<'a> Rater<'a> {
    fn new(index: &'a Index, words: &'a [WordMatch]) -> Self {
        Rater { index, words, known: HashMap::default(), written: String::new() }
    }

    fn quality(&mut self, id: u32, w: usize) -> f32 {
        let Rater { index, words, known, written } = self;
        *known.entry(u64::from(id) | (w as u64) << 32).or_insert_with(|| {
            written.clear();
            index.word_into(id, written);
            let (Some(token), Some(m)) = (tokens(written).next(), words.get(w)) else { return 0.0 };
            let spelled = token
                .forms()
                .filter_map(|f| m.spellings.iter().position(|s| s == f))
                .filter_map(|i| m.terms.get(i))
                .map(|&(_, weight)| weight)
                .fold(0.0, f32::max);
            let own_stem =
                || index.stems().and_then(|s| s.get(stem(&token.term))).is_some_and(|off| m.stems.contains(&off));
            let weight = if spelled > 0.0 {
                spelled
            } else if own_stem() {
                STEM
            } else {
                0.0
            };
            weight / EXACT
        })
    }
}

/// Hashes the rater's keys (a word id and a query word) with one multiply: a
/// proximity reads them hundreds of times per query.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|&b| self.write_u64(u64::from(b)));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    /// Multiplying only carries upward: fold the high half into the low bits
    /// the table indexes by.
    fn finish(&self) -> u64 {
        self.0 ^ self.0 >> 32
    }
}

/// A ranked document: its number and score.
pub(crate) type Ranked = (u32, f32);

struct Scores {
    total: Vec<f32>,
    /// Bit i set when query word i matched.
    matched: Vec<u16>,
    words: usize,
}

impl Scores {
    /// The most proximity can give document `doc`: the share of consecutive
    /// query words that both matched in it, since a position counts only as
    /// much as its word matched.
    fn reach(&self, doc: u32) -> f32 {
        let m = self.matched.get(doc as usize).copied().unwrap_or(0);
        let pairs = (m & m >> 1).count_ones() as f32;
        pairs / self.words.saturating_sub(1).max(1) as f32
    }

    fn drop(&mut self, doc: u32) {
        if let Some(m) = self.matched.get_mut(doc as usize) {
            *m = 0;
        }
    }
}

/// The words of a text (positions `first..first + words`) that matched, by
/// index in the text, with the query words each matched.
pub(crate) fn matched_words(pos: &[Vec<u32>], first: u32, words: u32) -> Vec<Match> {
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

/// Puts the `n` best of `docs` first, in order (leaving the rest as they come);
/// returns how many that is.
pub(crate) fn order_head(docs: &mut [Ranked], n: usize) -> usize {
    let n = n.min(docs.len());
    if n > 0 && n < docs.len() {
        docs.select_nth_unstable_by(n, by_score);
    }
    docs[..n].sort_unstable_by(by_score);
    n
}

/// Relevance order past the reranked head: higher score first, ties by document number.
pub(crate) fn by_score(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// BM25's term-frequency part, saturating in `tf` and normalized by document length.
fn tf_norm(norms: &[f32], tf: u32, doc: u32) -> f32 {
    let tf = tf as f32;
    tf * (K1 + 1.0) / (tf + norms.get(doc as usize).copied().unwrap_or(K1))
}

/// Whether the phrase's words occur consecutively somewhere.
/// `pos` with each quoted phrase's words kept only where the whole phrase stands,
/// so that a highlight marks the phrase, not every occurrence of its words.
pub(crate) fn in_phrases(pos: &[Vec<u32>], phrases: &[Vec<usize>]) -> Vec<Vec<u32>> {
    let mut out = pos.to_vec();
    for phrase in phrases {
        let Some(first) = phrase.first().and_then(|&w| pos.get(w)) else { continue };
        let starts: Vec<u32> = first.iter().copied().filter(|&p| phrase_at(pos, phrase, p)).collect();
        for (k, &w) in phrase.iter().enumerate() {
            if let Some(ps) = out.get_mut(w) {
                ps.retain(|&p| p.checked_sub(k as u32).is_some_and(|s| starts.binary_search(&s).is_ok()));
            }
        }
    }
    out
}

/// Whether `phrase` stands whole from position `p` (where its first word is).
fn phrase_at(pos: &[Vec<u32>], phrase: &[usize], p: u32) -> bool {
    phrase.iter().enumerate().skip(1).all(|(k, &w)| {
        pos.get(w).is_some_and(|ps| p.checked_add(k as u32).is_some_and(|q| ps.binary_search(&q).is_ok()))
    })
}

/// 0..=1: how closely the query words stand in the order typed, each
/// adjacency counted by how exactly both of its words matched there (`rate`
/// of the query word and of the written word, from `ids`, at each of `pos`).
/// Half of it is the mean over consecutive query words of their closest pair,
/// half the longest run of query words standing one after another: a passage
/// typed from memory stands whole in its document, where others have its pairs
/// here and there.
fn proximity(pos: &[Vec<u32>], ids: &[Vec<u32>], rate: &mut impl FnMut(usize, u32) -> f32) -> f32 {
    let n = pos.len().min(ids.len());
    if n < 2 {
        return 0.0;
    }
    let mut at = |w: usize, i: usize| ids[w].get(i).map_or(0.0, |&id| rate(w, id));
    let pairs = (0..n - 1).map(|w| pair_closeness(&pos[w], &pos[w + 1], |i, j| at(w, i) * at(w + 1, j))).sum::<f32>();
    let pairs = pairs / (n - 1) as f32;
    if n == 2 {
        return pairs;
    }
    (pairs + longest_run(&pos[..n], |w, i, j| at(w - 1, i) * at(w, j)) / (n - 1) as f32) / 2.0
}

/// The best of `a`'s positions followed by `b`'s, weighted by `link` of their
/// indices (how exactly both matched there).
fn pair_closeness(a: &[u32], b: &[u32], mut link: impl FnMut(usize, usize) -> f32) -> f32 {
    let mut best = 0.0f32;
    for (k, &p) in a.iter().enumerate() {
        // The nearest occurrence of the next word at or after p.
        let i = b.partition_point(|&q| q <= p);
        let near = match b.get(i).map(|&q| q - p) {
            Some(1) => 1.0,
            Some(2) => 0.6,
            Some(3) => 0.4,
            _ => 0.0,
        };
        if near > best {
            best = best.max(near * link(k, i));
        }
        if i > 0 && p - b[i - 1] == 1 && 0.3 > best {
            best = best.max(0.3 * link(k, i - 1));
        }
        if best == 1.0 {
            break;
        }
    }
    best
}

/// The longest run of consecutive query words at consecutive positions, each
/// link weighted by `link(w, i, j)`: how exactly word w - 1 at its i-th
/// position and word w at its j-th matched. Each run is walked once, from
/// where it starts.
fn longest_run(pos: &[Vec<u32>], mut link: impl FnMut(usize, usize, usize) -> f32) -> f32 {
    let follows = |w: usize, p: u32| pos.get(w).and_then(|ps| ps.binary_search(&p.checked_add(1)?).ok());
    let mut best = 0.0f32;
    for w in 0..pos.len().saturating_sub(1) {
        for (i, &p) in pos[w].iter().enumerate() {
            let inside = w > 0 && p.checked_sub(1).is_some_and(|q| pos[w - 1].binary_search(&q).is_ok());
            if inside {
                continue;
            }
            let (mut sum, mut k, mut at) = (0.0, w, i);
            while let Some(j) = follows(k + 1, pos[k][at]) {
                sum += link(k + 1, at, j);
                (k, at) = (k + 1, j);
            }
            best = best.max(sum);
        }
    }
    best
}
