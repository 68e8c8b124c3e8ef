//! `Terms` and `Stems`: fst maps from a key (a normalized spelling, or a light
//! stem) to the offset of its record in `Postings`.
//!
//! An fst answers exact, prefix and fuzzy lookups by walking a compact automaton
//! in place, which is what search-as-you-type and typo tolerance need. The maps
//! are written by [`writer`] (fst's format, the same bytes on every platform)
//! and read by the fst crate. fst's reader trusts its bytes (a damaged node
//! makes it index out of bounds), so an untrusted index is walked node by node
//! by [`verify`] before fst reads it.

mod writer;

pub use writer::{MapWriter, OutOfOrder};

use std::collections::BTreeMap;

/// The map of `entries`, in key order, each key mapped to what `value` returns for it.
pub fn write<T>(entries: &BTreeMap<String, T>, mut value: impl FnMut(&String, &T) -> u64) -> Vec<u8> {
    let mut map = MapWriter::new();
    for (key, entry) in entries {
        // Keys come sorted and unique from the BTreeMap, which is all insert needs.
        map.insert(key.as_bytes(), value(key, entry)).expect("sorted unique keys");
    }
    map.finish()
}

/// Opens a map already checked by [`verify`] (or trusted: compiled into the program).
pub fn open(bytes: &[u8]) -> Option<fst::Map<&[u8]>> {
    fst::Map::new(bytes).ok()
}

/// Whether fst can read `bytes` without ever indexing out of bounds.
pub fn verify(bytes: &[u8]) -> bool {
    open(bytes).is_some_and(|m| m.as_fst().verify().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let entries: BTreeMap<String, u32> =
            [("الكتاب", 7), ("كتاب", 3), ("مكتبة", 0)].into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let bytes = write(&entries, |_, &v| u64::from(v) * 10);
        assert!(verify(&bytes));
        let map = open(&bytes).unwrap();
        assert_eq!(map.len(), 3);
        assert_eq!(map.get("كتاب"), Some(30));
        assert_eq!(map.get("كتا"), None);
        assert!(!verify(&bytes[..bytes.len() - 1]));
    }
}
