//! Decoded document lists of common words, kept between queries.
//!
//! Common words (الله, قال, حدثنا) are read by most queries that use them; decoded
//! once into an array, they are scored without varint decoding. A stem's list is
//! the union of its spellings' lists (the format stores only those), so a common
//! stem's merged list is worth keeping too. Memory is bounded by [`BUDGET`]: past
//! it, the lists asked for longest ago make room, since a reader's later
//! queries are about other words than the first ones.

use fahras_core::format::postings::{Posting, Postings};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Lists of at least this many documents are decoded once and kept.
const HOT_DF: u64 = 512;
/// Most memory kept for decoded lists, in 4-byte words (16 MiB).
const BUDGET: usize = 4 << 20;

/// A document list decoded into an array: per posting the document, and the
/// term frequency with the title flag in its low bit (8 bytes where a
/// [`Posting`] takes 12, so the budget holds half as many lists again).
pub struct DecodedList(Vec<(u32, u32)>);

/// A posting as a [`DecodedList`] keeps it.
fn pack(p: Posting) -> (u32, u32) {
    (p.doc, p.tf.min(u32::MAX >> 1) << 1 | u32::from(p.title))
}

impl DecodedList {
    pub fn new(p: Postings<'_>) -> DecodedList {
        let mut list = Vec::with_capacity(usize::try_from(p.len()).unwrap_or(0).min(1 << 24));
        list.extend(p.map(pack));
        DecodedList(list)
    }

    /// One list of the postings of several, in document order: a document in more
    /// than one has their tfs summed.
    pub fn merge(mut list: Vec<Posting>) -> DecodedList {
        list.sort_unstable_by_key(|p| p.doc);
        list.dedup_by(|b, a| {
            let same = a.doc == b.doc;
            if same {
                a.tf = a.tf.saturating_add(b.tf);
                a.title |= b.title;
            }
            same
        });
        DecodedList(list.into_iter().map(pack).collect())
    }

    pub fn iter(&self) -> impl Iterator<Item = Posting> + '_ {
        self.0.iter().map(|&(doc, v)| Posting { doc, tf: v >> 1, title: v & 1 == 1 })
    }

    /// Memory held, in 4-byte words.
    fn words(&self) -> usize {
        self.0.len() * 2
    }
}

/// Decoded lists by postings offset, each with when it was last asked for.
#[derive(Default)]
pub struct Cache(Mutex<Kept>);

#[derive(Default)]
struct Kept {
    lists: HashMap<u64, (Arc<DecodedList>, u64)>,
    /// Memory the lists hold, in 4-byte words.
    words: usize,
    /// Calls so far: when a list was last asked for.
    clock: u64,
}

impl Cache {
    /// The list at `offset`, decoded by `decode` the first time it is asked for
    /// since it was last dropped; `None` for a list of fewer than [`HOT_DF`]
    /// documents. A list larger than the whole budget is kept alone.
    pub fn get(&self, offset: u64, df: u64, decode: impl FnOnce() -> DecodedList) -> Option<Arc<DecodedList>> {
        if df < HOT_DF {
            return None;
        }
        let mut kept = self.0.lock().ok()?;
        kept.clock += 1;
        let now = kept.clock;
        if let Some((list, used)) = kept.lists.get_mut(&offset) {
            *used = now;
            return Some(Arc::clone(list));
        }
        let list = Arc::new(decode());
        while kept.words + list.words() > BUDGET {
            // A few thousand lists at most fit the budget: a scan finds the oldest.
            let Some(oldest) = kept.lists.iter().min_by_key(|(_, (_, used))| *used).map(|(&at, _)| at) else { break };
            if let Some((gone, _)) = kept.lists.remove(&oldest) {
                kept.words -= gone.words();
            }
        }
        kept.words += list.words();
        kept.lists.insert(offset, (Arc::clone(&list), now));
        Some(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: u32) -> DecodedList {
        DecodedList::merge((0..n).map(|doc| Posting { doc, tf: 1, title: false }).collect())
    }

    #[test]
    fn rare_lists_are_not_kept_and_the_memory_budget_holds() {
        let cache = Cache::default();
        assert!(cache.get(1, HOT_DF - 1, || list(3)).is_none(), "too rare to keep");
        let kept = cache.get(1, HOT_DF, || list(600)).expect("common enough");
        // Asked again, the kept list comes back without decoding.
        let again = cache.get(1, HOT_DF, || unreachable!("decoded twice")).unwrap();
        assert!(Arc::ptr_eq(&kept, &again));
        // Lists of a quarter of the budget: four fit with the first.
        let quarter = (BUDGET / 8) as u32;
        for at in 2..=4 {
            cache.get(at, u64::from(quarter), || list(quarter)).unwrap();
        }
        cache.get(1, HOT_DF, || unreachable!("still kept")).unwrap();
        // A fifth pushes out the one asked for longest ago (2), not 1, asked for since.
        cache.get(5, u64::from(quarter), || list(quarter)).unwrap();
        cache.get(1, HOT_DF, || unreachable!("still kept")).unwrap();
        cache.get(3, HOT_DF, || unreachable!("still kept")).unwrap();
        let mut decoded = false;
        cache.get(2, u64::from(quarter), || {
            decoded = true;
            list(quarter)
        });
        assert!(decoded, "the oldest list was dropped");
        assert!(cache.0.lock().unwrap().words <= BUDGET);
        // A list larger than the whole budget is kept alone.
        let huge = (BUDGET / 2) as u32 + 1;
        assert!(cache.get(6, u64::from(huge), || list(huge)).is_some());
        assert_eq!(cache.0.lock().unwrap().lists.len(), 1);
    }
}
