//! Query rewrites: what a reader meant when what they typed is spelled otherwise
//! in the text, or typed with the wrong keyboard, in Latin letters, or without a
//! space.
//!
//! Each rule proposes, for a span of the query, replacements that the index's own
//! dictionary holds, so only words that exist are ever proposed. The rewritten
//! queries are searched like the typed one and their hits merged, each scaled by
//! its rule's weight (below 1). Hits keep the query that found them
//! ([`crate::Hit::understood`]), so a reader can be told "showing results for".
//!
//! Two kinds of rule:
//! - *Spelling* rules (another spelling of a name, a month's other name) run for
//!   every query. Their hits never rise above the typed query's best hit, unless
//!   the words they replaced found nothing of their own (at most typo corrections).
//! - *Fallback* rules (keyboard layout, Latin letters, glued words) run only for a
//!   word that found nothing of its own (at most typo corrections): a word the
//!   index knows is never taken for a mistake.
//!
//! The in-word rules (other clitics while typing, a stem that over-strips) live
//! in [`crate::matcher`]; they are listed here so that each can be switched off
//! to measure what it does.
//!
//! Bounds: [`MAX_CANDIDATES`] replacements per word, [`MAX_REWRITES`] rewritten
//! queries searched per query; each rule bounds its own dictionary reads.

mod glued;
mod keyboard;
mod latin;
mod months;
mod variants;

use crate::index::Index;
use crate::matcher::{WordMatch, PROCLITICS};
use crate::query::Query;
use crate::search::{order_head, Matched, Ranked};
use fahras_core::analysis::{stem, tokens};
use fst::automaton::Str;
use fst::Automaton;
use serde::Serialize;
use std::collections::HashMap;

/// Rewritten queries searched besides the typed one, at most.
pub const MAX_REWRITES: usize = 3;
/// Replacements kept per query word.
const MAX_CANDIDATES: usize = 3;

/// A way of reading a query otherwise than as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// Another spelling of a name or loanword (سوريا ~ سورية, غوغل ~ جوجل).
    Variant,
    /// A word being typed completed under other proclitics (النابال ~ والنابالم).
    Clitic,
    /// A word whose light stem over-strips matched as a stem itself (فسفور ~ والفسفورية).
    Stem,
    /// Words typed without the space between them (الخوذالبيضاء ~ الخوذ البيضاء).
    Glued,
    /// Typed with the other keyboard layout (pgf ~ حلب, اثممخ ~ hello).
    Keyboard,
    /// Arabic written in Latin letters (Idlib ~ ادلب, 7alab ~ حلب).
    Latin,
    /// A month by its other name (شباط ~ فبراير, كانون الثاني ~ يناير).
    Month,
}

impl Rule {
    pub const ALL: [Rule; 7] =
        [Rule::Variant, Rule::Clitic, Rule::Stem, Rule::Glued, Rule::Keyboard, Rule::Latin, Rule::Month];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Variant => "variant",
            Rule::Clitic => "clitic",
            Rule::Stem => "stem",
            Rule::Glued => "glued",
            Rule::Keyboard => "keyboard",
            Rule::Latin => "latin",
            Rule::Month => "month",
        }
    }

    /// How much a hit found only through this rule counts against one found as typed.
    fn weight(self) -> f32 {
        match self {
            Rule::Month => 0.9,
            Rule::Keyboard | Rule::Glued => 0.8,
            Rule::Variant | Rule::Latin => 0.6,
            Rule::Clitic | Rule::Stem => 1.0,
        }
    }

    /// Runs only for words that found nothing of their own.
    fn is_fallback(self) -> bool {
        matches!(self, Rule::Glued | Rule::Keyboard | Rule::Latin)
    }
}

/// A set of [`Rule`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules(u8);

impl Rules {
    pub const ALL: Rules = Rules(0x7F);
    pub const NONE: Rules = Rules(0);

    pub fn has(self, r: Rule) -> bool {
        self.0 & Rules::bit(r) != 0
    }

    pub fn without(self, r: Rule) -> Rules {
        Rules(self.0 & !Rules::bit(r))
    }

    fn bit(r: Rule) -> u8 {
        1 << r as u8
    }
}

/// One way the query was read otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rewrite {
    /// The query as rewritten.
    pub query: String,
    /// The rules that rewrote it.
    pub rules: Vec<Rule>,
    /// Its hits' scores are scaled by this.
    pub weight: f32,
    /// Its hits may outrank the typed query's best: every word it replaced found
    /// nothing of its own (a fallback's always, a month's or a variant's if so).
    #[serde(skip)]
    pub(crate) uncapped: bool,
}

impl Index {
    /// The ways `query` is read besides as typed, best first: what
    /// [`Index::search`] also searches for.
    pub fn understand(&self, query: &str) -> Vec<Rewrite> {
        let q = crate::query::parse(query);
        let words: Vec<WordMatch> = q.words.iter().map(|w| crate::matcher::expand(self, w, Rules::ALL)).collect();
        rewrites(self, query, &q, &words, Rules::ALL)
    }
}

/// A replacement for the query's bytes `start..end`.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    text: String,
    rule: Rule,
}

/// The rewritten queries worth searching for `input` (parsed as `q`, its words
/// expanded as `words`), best first.
pub(crate) fn rewrites(index: &Index, input: &str, q: &Query, words: &[WordMatch], rules: Rules) -> Vec<Rewrite> {
    let mut slots: Vec<Vec<Candidate>> = Vec::new();
    let mut push = |found: Vec<Candidate>| {
        if !found.is_empty() {
            slots.push(found.into_iter().take(MAX_CANDIDATES).collect());
        }
    };
    if rules.has(Rule::Month) {
        months::candidates(index, q).into_iter().for_each(&mut push);
    }
    for (w, m) in q.words.iter().zip(words) {
        // Dictionary keys are shown as the documents write them (سورية, not سوريه).
        let span_of = |key: String, rule: Rule| {
            let text =
                key.split(' ').map(|k| index.written_form(k).unwrap_or_else(|| k.to_owned())).collect::<Vec<_>>();
            Candidate { start: w.token.start, end: w.token.end, text: text.join(" "), rule }
        };
        let mut found: Vec<Candidate> = Vec::new();
        if rules.has(Rule::Variant) {
            found.extend(
                variants::candidates(index, &w.token.term, m.df).into_iter().map(|t| span_of(t, Rule::Variant)),
            );
        }
        if m.matches_little() && !index.reached_missing_parts() {
            if rules.has(Rule::Keyboard) {
                found.extend(keyboard::candidates(index, input, w));
            }
            if rules.has(Rule::Latin) {
                found.extend(latin::candidates(index, &w.token.term).into_iter().map(|t| span_of(t, Rule::Latin)));
            }
            if rules.has(Rule::Glued) {
                found.extend(glued::candidates(index, w).into_iter().map(|t| span_of(t, Rule::Glued)));
            }
        }
        push(found);
    }
    let mut out: Vec<Rewrite> = Vec::new();
    for k in 0..MAX_REWRITES {
        if k > 0 && slots.iter().all(|s| s.len() <= k) {
            break;
        }
        // Non-overlapping replacements, in the order of the query.
        let mut chosen: Vec<&Candidate> = Vec::new();
        for slot in &slots {
            let c = &slot[k.min(slot.len() - 1)];
            if chosen.iter().all(|o| c.end <= o.start || c.start >= o.end) {
                insert_bounded(&mut chosen, c, usize::MAX, |a, b| a.start < b.start);
            }
        }
        let mut query = String::new();
        let mut at = 0;
        for c in &chosen {
            query.push_str(&input[at..c.start]);
            query.push_str(&c.text);
            at = c.end;
        }
        query.push_str(input.get(at..).unwrap_or(""));
        let mut used: Vec<Rule> = Vec::new();
        for c in &chosen {
            if !used.contains(&c.rule) {
                used.push(c.rule);
            }
        }
        let weight = used.iter().map(|r| r.weight()).fold(1.0, f32::min);
        let unknown = |c: &Candidate| {
            q.words
                .iter()
                .zip(words)
                .filter(|(w, _)| w.token.start >= c.start && w.token.end <= c.end)
                .all(|(_, m)| m.matches_little())
        };
        let uncapped = chosen.iter().all(|c| c.rule.is_fallback() || unknown(c));
        if !chosen.is_empty() && out.iter().all(|r| r.query != query) {
            out.push(Rewrite { query, rules: used, weight, uncapped });
        }
    }
    out
}

/// The ways a query is read: as typed, and as each of its rewrites; once
/// merged, which rewrite found each document the typed query did not.
pub(crate) struct Readings {
    typed: Matched,
    others: Vec<(Matched, Rewrite)>,
    found_by: HashMap<u32, usize>,
}

impl Readings {
    pub(crate) fn new(index: &Index, input: &str, q: &Query, rules: Rules) -> Readings {
        let typed = index.matches(q, rules);
        let others = rewrites(index, input, q, &typed.words, rules)
            .into_iter()
            .map(|r| (index.matches(&crate::query::parse(&r.query), rules), r))
            .collect();
        Readings { typed, others, found_by: HashMap::new() }
    }

    /// Every document some reading matches, once each, in document order (scores
    /// are not merged yet: see [`Readings::rank`]).
    pub(crate) fn docs(&mut self) -> Vec<Ranked> {
        if self.others.is_empty() {
            return std::mem::take(&mut self.typed.docs);
        }
        let mut docs = self.typed.docs.clone();
        for (m, _) in &self.others {
            docs.extend_from_slice(&m.docs);
        }
        docs.sort_unstable_by_key(|r| r.0);
        docs.dedup_by_key(|r| r.0);
        docs
    }

    /// `docs` (some of [`Readings::docs`]) with at least the first `upto` in
    /// relevance order, and how many are. Each reading ranks its own documents;
    /// a document found as typed keeps that score; one found only by rewrites
    /// takes its best rewrite's, scaled by the rewrite's weight and, unless every
    /// word the rewrite replaced found nothing, kept below the typed query's best.
    pub(crate) fn rank(&mut self, index: &Index, docs: Vec<Ranked>, upto: usize) -> (Vec<Ranked>, usize) {
        if self.others.is_empty() {
            return index.rank(&mut self.typed, docs, upto);
        }
        let mut kept = vec![false; index.doc_count() as usize];
        docs.iter().for_each(|r| kept[r.0 as usize] = true);
        let mine = |m: &Matched| m.docs.iter().filter(|r| kept[r.0 as usize]).copied().collect::<Vec<Ranked>>();
        let own = mine(&self.typed);
        let (mut merged, _) = index.rank(&mut self.typed, own, 0);
        let best = merged.iter().map(|r| r.1).reduce(f32::max);
        let mut typed = vec![false; kept.len()];
        merged.iter().for_each(|r| typed[r.0 as usize] = true);
        let mut found: HashMap<u32, (f32, usize)> = HashMap::new();
        for (i, (m, rewrite)) in self.others.iter_mut().enumerate() {
            let cap = match best {
                Some(b) if !rewrite.uncapped => b * rewrite.weight,
                _ => f32::INFINITY,
            };
            let own = mine(m);
            for (doc, score) in index.rank(m, own, 0).0 {
                let score = (score * rewrite.weight).min(cap);
                if typed[doc as usize] || found.get(&doc).is_some_and(|f| f.0 >= score) {
                    continue;
                }
                found.insert(doc, (score, i));
            }
        }
        merged.extend(found.iter().map(|(&doc, &(score, _))| (doc, score)));
        self.found_by = found.into_iter().map(|(doc, (_, i))| (doc, i)).collect();
        let ordered = order_head(&mut merged, upto);
        (merged, ordered)
    }

    /// The typed reading, then each rewrite's, as [`Readings::which`] numbers them.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Matched> {
        std::iter::once(&self.typed).chain(self.others.iter().map(|(m, _)| m))
    }

    /// Which reading found `doc`: 0 for the typed query.
    pub(crate) fn which(&self, doc: u32) -> usize {
        self.found_by.get(&doc).map_or(0, |i| i + 1)
    }

    /// The reading that found `doc`, and the query it read when that was not as typed.
    pub(crate) fn of(&self, doc: u32) -> (&Matched, Option<&str>) {
        match self.found_by.get(&doc) {
            Some(&i) => (&self.others[i].0, Some(self.others[i].1.query.trim())),
            None => (&self.typed, None),
        }
    }
}

/// Inserts `item` into `v`, which is kept in the order of `before` and at most
/// `keep` long. (The lists are short: this costs less code than a sort.)
pub(crate) fn insert_bounded<T>(v: &mut Vec<T>, item: T, keep: usize, before: impl Fn(&T, &T) -> bool) {
    let at = v.partition_point(|o| !before(&item, o));
    if at < keep {
        v.insert(at, item);
        v.truncate(keep);
    }
}

/// Whether every word of `text` is in the index (see [`word_df`]).
fn known(index: &Index, text: &str, typing: bool) -> bool {
    let words: Vec<_> = tokens(text).collect();
    let n = words.len();
    n > 0 && words.iter().enumerate().all(|(i, t)| word_df(index, &t.term, typing && i + 1 == n) > 0)
}

/// In how many documents a normalized word is found: as written, with a
/// proclitic (ريف in بريف), or by its stem; when `typing`, also as the start of
/// a word (the commonest such word's frequency).
fn word_df(index: &Index, w: &str, typing: bool) -> u64 {
    let (Some(terms), Some(stems)) = (index.terms(), index.stems()) else { return 0 };
    let spelled = std::iter::once(w.to_owned())
        .chain(PROCLITICS.iter().map(|p| format!("{p}{w}")))
        .filter_map(|k| terms.get(k))
        .map(|off| index.postings(off).len());
    let stemmed = stems.get(stem(w)).and_then(|off| index.stem_record(off)).map(|r| r.df());
    let df = spelled.chain(stemmed).max().unwrap_or(0);
    if df > 0 || !typing {
        return df;
    }
    index.frequent_terms(Str::new(w).starts_with(), 1, 1).first().map_or(0, |s| s.df)
}
