//! A page of results: how many documents match, the hits of one page of them,
//! and per metadata key how the matches spread over its values; narrowed by
//! metadata filters and ordered by relevance or by a metadata value.
//!
//! Paging walks one fixed order, so pages never overlap or skip a match
//! however deep a reader goes: the reranked head, then the rest by first-pass
//! score (see [`crate::search`]).

use crate::facets::{facets, Facets, Filters};
use crate::index::Index;
use crate::query::parse;
use crate::rewrite::{Readings, Rules};
use crate::search::{Hit, Ranked, MAX_LIMIT};
use crate::sort::Order;
use serde::Serialize;

/// What [`Index::query`] returns and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryOptions {
    /// Hits in the page, at most [`MAX_LIMIT`].
    pub limit: usize,
    /// Matches skipped before the page.
    pub offset: usize,
    /// Keep documents whose value for the key is one of the values (compared as
    /// text: a number as written). Several keys must all hold.
    pub filters: Vec<(String, Vec<String>)>,
    /// Order by a metadata value instead of relevance.
    pub sort: Option<(String, Order)>,
    /// The ways of reading the query otherwise than as typed that may add hits.
    pub rules: Rules,
}

impl Default for QueryOptions {
    fn default() -> QueryOptions {
        QueryOptions { limit: 10, offset: 0, filters: Vec::new(), sort: None, rules: Rules::ALL }
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// Every document that matches, after filters and exclusions.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Per metadata key, matches per value (see [`crate::facets`]).
    pub facets: Facets,
}

impl Index {
    /// One page of the documents that match `query` under `options`. A query
    /// with no searchable words lists every document the filters keep, when
    /// there are filters or a sort; otherwise it lists nothing and its facets
    /// count every document.
    pub fn query(&self, query: &str, options: &QueryOptions) -> Results {
        self.answer(query, options, true)
    }

    /// [`Index::query`], counting facets only when asked.
    pub(crate) fn answer(&self, query: &str, options: &QueryOptions, with_facets: bool) -> Results {
        let q = parse(query);
        let filters = Filters::new(self.fields(), &options.filters);
        let browse = q.is_empty();
        let (mut docs, mut matched) = if browse {
            if options.filters.is_empty() && options.sort.is_none() {
                // Nothing asked: no hits, but the values of the whole index, so a
                // reader can be offered filters before typing anything.
                let facets = if with_facets {
                    let every: Vec<Ranked> = (0..self.doc_count()).map(|d| (d, 0.0)).collect();
                    facets(self.fields(), &filters, &every)
                } else {
                    Facets::new()
                };
                return Results { total: 0, hits: Vec::new(), facets };
            }
            let mut excluded = vec![false; self.doc_count() as usize];
            self.excluded(&q, |doc| {
                if let Some(e) = excluded.get_mut(doc as usize) {
                    *e = true;
                }
            });
            let docs = (0..self.doc_count()).filter(|&d| !excluded[d as usize]).map(|d| (d, 0.0));
            (docs.collect::<Vec<Ranked>>(), None)
        } else {
            let mut readings = Readings::new(self, query, &q, options.rules);
            (readings.docs(), Some(readings))
        };
        let facets = if with_facets { facets(self.fields(), &filters, &docs) } else { Facets::new() };
        if !options.filters.is_empty() {
            docs.retain(|r| filters.keep(r.0));
        }
        let total = docs.len();
        let limit = options.limit.min(MAX_LIMIT);
        let end = options.offset.saturating_add(limit).min(total);
        let start = options.offset.min(end);
        // `ordered` leading matches are in relevance order: browsing keeps document order.
        let (mut docs, ordered) = match &mut matched {
            None => {
                let n = docs.len();
                (docs, n)
            }
            // A sort needs only the reranked head: it breaks its ties by relevance itself.
            Some(r) => r.rank(self, docs, if options.sort.is_some() { 0 } else { end }),
        };
        if let Some((key, order)) = &options.sort {
            crate::sort::sort(self, key, *order, &mut docs, ordered, end);
        }
        docs.truncate(end);
        let page = docs.split_off(start);
        Results { total, hits: self.hits(matched.as_ref(), &page), facets }
    }
}
