//! `Terms` and `Stems`: fst maps from a key (a normalized spelling, or a light
//! stem) to the offset of its record in `Postings`.
//!
//! An fst answers exact, prefix and fuzzy lookups by walking a compact automaton
//! in place, which is what search-as-you-type and typo tolerance need. The maps
//! are written by [`writer`] (fst's format, the same bytes on every platform)
//! and read by the fst crate. fst's reader trusts its bytes (a damaged node
//! makes it index out of bounds), so an untrusted index is walked node by node
//! by [`verify`] before fst reads it.

mod verify;
mod writer;

pub use verify::{verify_fst, verify_fst_for, FstDamage};
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

/// Opens a map already checked by [`verify`] (or trusted: built into the program).
pub fn open(bytes: &[u8]) -> Option<fst::Map<&[u8]>> {
    fst::Map::new(bytes).ok()
}

/// Rewrites a map's fst checksum to match its bytes, as anyone crafting an index
/// can: how the tests and the fuzz targets make a damaged dictionary reach the
/// structural checks rather than stop at the checksum.
pub fn reseal(map: &mut [u8]) {
    if let Some(at) = map.len().checked_sub(4) {
        let sum = writer::masked_crc32c(&map[..at]);
        map[at..].copy_from_slice(&sum.to_le_bytes());
    }
}

/// Checks untrusted dictionary bytes: that fst can read them without a panic
/// on this target ([`verify_fst`]), and that they carry fst's checksum and match it.
pub fn verify(bytes: &[u8]) -> Result<(), FstDamage> {
    verify_fst(bytes)?;
    match open(bytes).map(|m| m.as_fst().verify()) {
        Some(Ok(())) => Ok(()),
        _ => Err(FstDamage::Checksum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let entries: BTreeMap<String, u32> =
            [("الكتاب", 7), ("كتاب", 3), ("مكتبة", 0)].into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let bytes = write(&entries, |_, &v| u64::from(v) * 10);
        assert_eq!(verify(&bytes), Ok(()));
        let map = open(&bytes).unwrap();
        assert_eq!(map.len(), 3);
        assert_eq!(map.get("كتاب"), Some(30));
        assert_eq!(map.get("كتا"), None);
        assert!(verify(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn reseal_makes_edited_bytes_pass_the_checksum() {
        // Tests and fuzz targets reseal an edited dictionary so that the edit meets
        // the structural checks; without it every edit would stop at the checksum.
        let entries: BTreeMap<String, u32> = [("باب".to_owned(), 1)].into_iter().collect();
        let mut bytes = write(&entries, |_, &v| u64::from(v));
        let at = bytes.len() - 4;
        bytes[at..].fill(0);
        assert_eq!(verify(&bytes), Err(FstDamage::Checksum));
        reseal(&mut bytes);
        assert_eq!(verify(&bytes), Ok(()));
    }
}
