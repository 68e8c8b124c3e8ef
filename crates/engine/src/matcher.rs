//! From a query word to the dictionary entries it matches, each with a weight.
//!
//! One typed word can mean many indexed spellings: the word itself, its Uthmani
//! spelling, the same word with a proclitic typed or dropped (وهم ~ ووهم, كتاب ~
//! بكتاب), its light stem, the words it begins while it is still being typed, and
//! the words one or two typos away. Whole-query rewrites (another spelling of a
//! name, another keyboard layout…) are [`crate::rewrite`]'s. Weights encode the order a reader expects:
//! exact > variant > stem > prefix > fuzzy. Every expansion is capped so a one-letter
//! prefix or a long typo costs the same bounded work as any other word.

use crate::fuzzy::{allowed_distance, Fuzzy};
use crate::index::{Index, Spelling};
use crate::query::QueryWord;
use crate::rewrite::{insert_bounded, Rule, Rules};
use fahras_core::analysis::{stem, strip_prefix, strip_suffixes, FOLDED_LETTERS};
use fst::automaton::Str;
use fst::Automaton;

pub const EXACT: f32 = 1.0;
pub const VARIANT: f32 = 0.8;
pub const STEM: f32 = 0.7;
pub const PREFIX: f32 = 0.8;
pub const FUZZY: f32 = 0.35;

/// Keys read from the dictionary for one prefix before choosing the most frequent.
const PREFIX_SCAN: usize = 2048;
/// Completions kept per prefix.
const PREFIX_TERMS: usize = 24;
/// A prefix this short says little about the word: fewer completions are kept.
const SHORT_PREFIX: usize = 2;
const SHORT_PREFIX_TERMS: usize = 8;
/// Typo corrections kept per word.
const FUZZY_TERMS: usize = 24;
/// Stems whose positions are read per word (for proximity and phrases).
const POSITION_STEMS: usize = 12;

/// The article, conjunctions and prepositions that readers glue on or leave off.
pub const PROCLITICS: [&str; 6] = ["ال", "و", "ف", "ب", "ل", "ك"];

/// Proclitics, alone and stacked, that a word being typed may lack or carry
/// otherwise than the indexed word (النابال ~ والنابالم).
const CLITIC_CHAINS: [&str; 20] = [
    "ال", "و", "ف", "ب", "ل", "ك", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وب", "فب", "ول",
    "فل", "وك",
];
/// Keys read per clitic chain, and completions kept from all chains together.
const CLITIC_SCAN: usize = 64;
const CLITIC_TERMS: usize = 12;
/// Completions under another clitic are a guess about the clitics too.
const CLITIC: f32 = 0.9;
/// Fewer typed letters (without clitics) than this say too little to complete
/// under other clitics.
const CLITIC_MIN_CHARS: usize = 3;

/// What one query word matches in an index.
#[derive(Debug, Default)]
pub struct WordMatch {
    /// Spelling postings to score: (postings offset, weight).
    pub terms: Vec<(u64, f32)>,
    /// The records of the word's own stems (scored with [`STEM`], and the source
    /// of title hits): its light stem, and the word itself read as a stem when
    /// the light stem took letters of the word for clitics.
    pub stems: Vec<u64>,
    /// Stem records whose words give the word's positions.
    pub position_stems: Vec<u64>,
    /// Matched spellings.
    pub spellings: Vec<String>,
    /// Document frequency of the word itself (its spelling or its stem, whichever is
    /// more common). Every alternative is scored with at least this frequency, so a
    /// rare variant spelling cannot outrank the word that was typed just by being rare.
    pub df: u64,
    /// Only typo corrections matched: the word as typed is unknown to the index.
    pub typos_only: bool,
}

impl WordMatch {
    /// The word as typed found nothing of its own (at most typo corrections).
    pub fn matches_little(&self) -> bool {
        self.typos_only || (self.terms.is_empty() && self.stems.is_empty())
    }
}

/// Expands `word` against `index`, with the in-word `rules` allowed.
pub fn expand(index: &Index, word: &QueryWord, rules: Rules) -> WordMatch {
    let mut m = WordMatch::default();
    let (Some(terms), Some(stems)) = (index.terms(), index.stems()) else { return m };
    let mut add = |m: &mut WordMatch, key: &str, offset: u64, weight: f32| {
        if !m.spellings.iter().any(|s| s == key) {
            m.spellings.push(key.to_owned());
            m.terms.push((offset, weight));
        }
    };
    let lookup = |m: &mut WordMatch, key: &str, weight: f32| {
        if let Some(off) = terms.get(key) {
            add(m, key, off, weight);
        }
    };
    let token = &word.token;
    for form in token.forms() {
        lookup(&mut m, form, if form == token.term { EXACT } else { VARIANT });
    }
    let exact = !m.terms.is_empty();
    m.df = m.terms.iter().map(|&(off, _)| index.postings(off).len()).max().unwrap_or(0);
    for form in token.forms() {
        let len = form.chars().count();
        for p in PROCLITICS {
            match form.strip_prefix(p) {
                Some(rest) if rest.chars().count() >= 3 => lookup(&mut m, rest, VARIANT),
                _ => {}
            }
            if len >= 2 {
                lookup(&mut m, &format!("{p}{form}"), VARIANT);
            }
        }
    }
    for form in token.forms() {
        let light = stem(form);
        // A light stemmer reads a leading و or ف as "and": فسفور becomes سفور. The
        // word's own letters, suffixes stripped, are its stem too.
        let whole = Some(strip_suffixes(form)).filter(|s| *s != light && rules.has(Rule::Stem));
        for s in std::iter::once(light).chain(whole) {
            if let Some(off) = stems.get(s) {
                if let Some(record) = index.stem_record(off) {
                    m.df = m.df.max(record.df());
                    push_unique(&mut m.stems, off);
                }
                push_unique(&mut m.position_stems, off);
            }
        }
    }
    if word.prefix {
        let bare = strip_prefix(&token.term);
        let mut as_typed = false;
        for (i, base) in [token.term.as_str(), bare].into_iter().enumerate() {
            let typed = base.chars().count();
            let keep = if typed <= SHORT_PREFIX { SHORT_PREFIX_TERMS } else { PREFIX_TERMS };
            for s in index.frequent_terms(Str::new(base).starts_with(), PREFIX_SCAN, keep) {
                add(&mut m, &s.key, s.offset, completion(typed, &s.key, PREFIX));
            }
            if i == 0 {
                as_typed = !m.terms.is_empty();
            }
        }
        // Only when no spelling matched the word as typed, clitics and all (as a
        // word or the start of one), its clitics may be other than the text's. What was typed may be the word with no clitic (its و or ف is its own:
        // فسفو), the word without the stemmer's proclitics, or without a
        // preposition the stemmer keeps (بلقما ~ لقمان).
        let preposition = token.term.strip_prefix(['ب', 'ل', 'ك']);
        let mut bases = vec![token.term.as_str(), bare];
        bases.extend(preposition);
        bases.dedup();
        let others = rules.has(Rule::Clitic) && !as_typed && !index.reached_missing_parts();
        for base in bases.into_iter().filter(|b| others && b.chars().count() >= CLITIC_MIN_CHARS) {
            for s in clitic_completions(index, base) {
                add(&mut m, &s.key, s.offset, completion(base.chars().count(), &s.key, PREFIX * CLITIC));
            }
        }
    }
    if !exact && m.terms.is_empty() && m.stems.is_empty() && !index.reached_missing_parts() {
        fuzzy(index, word, &mut m, &mut add);
        m.typos_only = true;
    }
    // Positions of every matched spelling come from its stem.
    for s in &m.spellings {
        if m.position_stems.len() >= POSITION_STEMS {
            break;
        }
        if let Some(off) = stems.get(stem(s)) {
            push_unique(&mut m.position_stems, off);
        }
    }
    m
}

/// The weight of completing `typed` characters to `key`: a completion much
/// longer than what was typed is a weaker guess.
fn completion(typed: usize, key: &str, weight: f32) -> f32 {
    weight * (0.6 + 0.4 * typed as f32 / key.chars().count().max(1) as f32)
}

/// The commonest words that are `bare` completed and carrying some proclitics:
/// [`CLITIC_SCAN`] keys read per chain, [`CLITIC_TERMS`] kept in all.
fn clitic_completions(index: &Index, bare: &str) -> Vec<Spelling> {
    let walks = CLITIC_CHAINS
        .iter()
        .flat_map(|c| index.frequent_terms(Str::new(&format!("{c}{bare}")).starts_with(), CLITIC_SCAN, CLITIC_TERMS));
    commonest(walks, CLITIC_TERMS)
}

/// The `keep` commonest of `found` (from several walks or lookups), each once,
/// ranked as one walk ranks them.
fn commonest(found: impl IntoIterator<Item = Spelling>, keep: usize) -> Vec<Spelling> {
    let mut kept: Vec<Spelling> = Vec::new();
    for s in found {
        if !kept.iter().any(|k| k.key == s.key) {
            insert_bounded(&mut kept, s, keep, |a, b| a.df > b.df);
        }
    }
    kept
}

fn fuzzy(index: &Index, word: &QueryWord, m: &mut WordMatch, add: &mut impl FnMut(&mut WordMatch, &str, u64, f32)) {
    let term = &word.token.term;
    let distance = allowed_distance(term.chars().count());
    if distance == 0 {
        return;
    }
    let lev = Fuzzy::new(term, distance);
    let (walked, slips) = if word.prefix {
        (index.frequent_terms(lev.starts_with(), PREFIX_SCAN, FUZZY_TERMS), Vec::new())
    } else {
        (index.frequent_terms(lev, PREFIX_SCAN, FUZZY_TERMS), first_letter_slips(index, term))
    };
    for s in commonest(walked.into_iter().chain(slips), FUZZY_TERMS) {
        add(m, &s.key, s.offset, FUZZY);
    }
}

/// The words of the index one slip of the first letter away from `term` (the
/// letter changed, left out, added, or swapped with the second), which the
/// automaton never reaches as it keeps the first letter: [`FOLDED_LETTERS`] × 2 + 2
/// exact lookups, where a walk would read the whole dictionary.
fn first_letter_slips(index: &Index, term: &str) -> Vec<Spelling> {
    let Some(terms) = index.terms() else { return Vec::new() };
    let w: Vec<char> = term.chars().collect();
    let Some((&first, rest)) = w.split_first() else { return Vec::new() };
    let rest: String = rest.iter().collect();
    let mut tries: Vec<String> = vec![rest.clone()];
    if let Some((&second, after)) = w[1..].split_first() {
        tries.push([second, first].into_iter().chain(after.iter().copied()).collect());
    }
    for c in FOLDED_LETTERS.chars() {
        tries.push(format!("{c}{rest}"));
        tries.push(format!("{c}{term}"));
    }
    let found = tries.into_iter().filter(|t| t != term).filter_map(|t| Some((terms.get(&t)?, t)));
    found.map(|(offset, key)| Spelling { key, offset, df: index.postings(offset).len() }).collect()
}

fn push_unique(v: &mut Vec<u64>, x: u64) {
    if !v.contains(&x) {
        v.push(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;
    use fahras_indexer::{build_index, Document};

    const LETTERS: [char; 8] = ['ب', 'ت', 'د', 'ر', 'س', 'ع', 'ف', 'م'];

    /// 4096 distinct words `كت` + four letters, in key order.
    fn words() -> Vec<String> {
        let mut words: Vec<String> = (0..4096)
            .map(|n| {
                let mut w = String::from("كت");
                (0..4).for_each(|k| w.push(LETTERS[(n >> (3 * k)) & 7]));
                w
            })
            .collect();
        words.sort();
        words
    }

    /// One document per word, and the last `frequent` words in key order also in
    /// five more documents each: the commonest completions lie past the scan cap.
    fn index(words: &[String], frequent: usize) -> Index {
        let doc = |id: String, text: String| Document { id, text, ..Document::default() };
        let mut docs: Vec<Document> = words.iter().enumerate().map(|(i, w)| doc(i.to_string(), w.clone())).collect();
        let common = words[words.len() - frequent..].join(" ");
        docs.extend((0..5).map(|i| doc(format!("common-{i}"), common.clone())));
        Index::from_bytes(build_index(&docs)).unwrap()
    }

    fn completions(m: &WordMatch) -> Vec<&String> {
        m.spellings.iter().filter(|s| s.starts_with("كت")).collect()
    }

    #[test]
    fn prefix_expansions_are_capped_in_count_and_in_keys_read() {
        let words = words();
        let index = index(&words, 30);
        let m = expand(&index, &parse("كتب").words[0], Rules::ALL);
        let longer = completions(&m).len();
        assert_eq!(longer, 24, "PREFIX_TERMS completions: {:?}", m.spellings);
        assert_eq!(m.position_stems.len(), 12, "positions are read for POSITION_STEMS stems at most");
        let m = expand(&index, &parse("كت").words[0], Rules::ALL);
        let found = completions(&m);
        assert!(found.len() < longer, "a two-letter prefix keeps fewer completions: {found:?}");
        // Only the first PREFIX_SCAN keys are read, so the common words past them
        // are never offered.
        assert!(words.len() > 2048);
        assert!(found.iter().all(|w| words[..2048].contains(w)), "a completion from past PREFIX_SCAN keys: {found:?}");
    }

    #[test]
    fn typo_corrections_are_capped() {
        let words = words();
        let index = index(&words, 0);
        // Not in the index, one edit from many words: corrections are all it can get.
        let m = expand(&index, &parse("كتببب ").words[0], Rules::ALL);
        assert_eq!(m.terms.len(), 24, "FUZZY_TERMS corrections: {:?}", m.spellings);
        assert!(m.terms.iter().all(|&(_, w)| w == FUZZY));
    }
}
