//! Metadata filters, and facets: per metadata key, how many matches have each
//! value.
//!
//! Facets are disjunctive: the counts of a key that is itself filtered are taken
//! over the matches that pass every *other* filter, so that a reader who chose
//! one source still sees how many matches the other sources would add. Both read
//! the per-document value numbers of the Fields section, never the values, so
//! their cost is one pass over the matches per metadata key.

use crate::search::Ranked;
use fahras_core::format::fields::{Column, Fields, Kind};
use std::collections::BTreeMap;

/// Per metadata key, the number of matches per value.
pub type Facets = BTreeMap<String, BTreeMap<String, usize>>;

/// Values listed per key at most: the most frequent (ties in value order), and
/// besides them those filtered on. A key with a value per document (a date)
/// would otherwise list every match.
pub const MAX_FACET_VALUES: usize = 100;

/// The filters of a query, one per key of the index filtered on: their number
/// is bounded by the index, whatever the query lists.
pub(crate) struct Filters<'f> {
    keys: Vec<Filter<'f>>,
    /// A key no document has was filtered on: nothing passes.
    impossible: bool,
}

struct Filter<'f> {
    column: &'f Column,
    /// Per value number of the column, whether it passes.
    passes: Vec<bool>,
}

/// Which filters a document fails.
enum Failed {
    None,
    /// Only this one (an index into the filters).
    One(usize),
    Several,
}

impl<'f> Filters<'f> {
    /// `filters` as given: a key listed twice must pass both lists.
    pub fn new(fields: &'f Fields, filters: &[(String, Vec<String>)]) -> Filters<'f> {
        let mut keys: BTreeMap<&str, Filter<'f>> = BTreeMap::new();
        let mut impossible = false;
        for (key, values) in filters {
            let Some(column) = meta_columns(fields).find(|c| c.name == *key) else {
                impossible = true;
                continue;
            };
            let mut wanted: Vec<&str> = values.iter().map(String::as_str).collect();
            wanted.sort_unstable();
            let passes = column.values.iter().map(|v| wanted.binary_search(&v.as_str()).is_ok());
            match keys.get_mut(key.as_str()) {
                Some(f) => f.passes.iter_mut().zip(passes).for_each(|(a, b)| *a &= b),
                None => {
                    keys.insert(key, Filter { column, passes: passes.collect() });
                }
            }
        }
        Filters { keys: keys.into_values().collect(), impossible }
    }

    pub fn keep(&self, doc: u32) -> bool {
        !self.impossible && self.keys.iter().all(|f| f.passes(doc))
    }

    fn failed(&self, doc: u32) -> Failed {
        // The impossible filter has no facet of its own to be left out of.
        if self.impossible {
            return Failed::Several;
        }
        let mut failed = Failed::None;
        for (i, f) in self.keys.iter().enumerate() {
            if !f.passes(doc) {
                if let Failed::One(_) = failed {
                    return Failed::Several;
                }
                failed = Failed::One(i);
            }
        }
        failed
    }

    /// The filter on `column`, if any.
    fn on(&self, column: &Column) -> Option<&Filter<'f>> {
        self.keys.iter().find(|f| std::ptr::eq(f.column, column))
    }
}

impl Filter<'_> {
    fn passes(&self, doc: u32) -> bool {
        self.column.value_of(doc).is_some_and(|v| self.passes.get(v).copied().unwrap_or(false))
    }
}

fn meta_columns(fields: &Fields) -> impl Iterator<Item = &Column> {
    fields.columns.iter().filter(|c| c.kind == Kind::Meta)
}

/// The facets of `matches` (before filtering) under `filters`: every metadata
/// key of the index, each with at most [`MAX_FACET_VALUES`] values.
pub(crate) fn facets(fields: &Fields, filters: &Filters, matches: &[Ranked]) -> Facets {
    let columns: Vec<&Column> = meta_columns(fields).collect();
    let mut counts: Vec<Vec<usize>> = columns.iter().map(|c| vec![0; c.values.len()]).collect();
    let mut count = |c: usize, doc: u32| {
        if let Some(v) = columns[c].value_of(doc) {
            counts[c][v] += 1;
        }
    };
    for &(doc, ..) in matches {
        match filters.failed(doc) {
            Failed::None => (0..columns.len()).for_each(|c| count(c, doc)),
            Failed::One(f) => {
                if let Some(c) = columns.iter().position(|c| std::ptr::eq(*c, filters.keys[f].column)) {
                    count(c, doc);
                }
            }
            Failed::Several => {}
        }
    }
    columns
        .iter()
        .zip(counts)
        .map(|(column, counts)| {
            let chosen = |v: usize| filters.on(column).is_some_and(|f| f.passes.get(v) == Some(&true));
            // The values a reader chose stay in view, even when no match has them.
            let mut shown: Vec<(std::cmp::Reverse<usize>, usize)> = counts
                .iter()
                .enumerate()
                .filter(|&(v, &n)| n > 0 || chosen(v))
                .map(|(v, &n)| (std::cmp::Reverse(n), v))
                .collect();
            if shown.len() > MAX_FACET_VALUES {
                shown.select_nth_unstable(MAX_FACET_VALUES);
                let rest = shown.split_off(MAX_FACET_VALUES);
                shown.extend(rest.into_iter().filter(|&(_, v)| chosen(v)));
            }
            let mut values: BTreeMap<String, usize> = BTreeMap::new();
            for (std::cmp::Reverse(n), v) in shown {
                // A number and a text written alike are the same value to a reader.
                *values.entry(column.values[v].as_str().to_owned()).or_default() += n;
            }
            (column.name.clone(), values)
        })
        .collect()
}
