//! A table of strings looked up by number, stored front-coded.
//!
//! The written words of a corpus, sorted so that a word's spellings with other
//! vowel signs sit next to each other, share long prefixes: each entry stores only
//! what differs from the one before it. Entries come in blocks of [`BLOCK`] whose
//! first entry is stored whole, so reading one string decodes at most a block.
//!
//! ```text
//! count               u32 LE
//! block offsets       u32 LE × ceil(count / BLOCK), from the start of the entries
//! entries             varint shared prefix length, varint suffix length, suffix bytes
//! ```

use super::{read_u32, varint};

/// Entries per block.
pub const BLOCK: usize = 16;

/// Writes `strings`, in the order given (id = place in the order).
pub fn write<S: AsRef<str>>(strings: &[S]) -> Vec<u8> {
    let mut entries = Vec::new();
    let mut offsets = Vec::new();
    let mut prev: &[u8] = &[];
    for (i, s) in strings.iter().enumerate() {
        let s = s.as_ref().as_bytes();
        let shared = if i % BLOCK == 0 {
            offsets.push(u32::try_from(entries.len()).expect("string table larger than 4 GiB"));
            0
        } else {
            s.iter().zip(prev).take_while(|(a, b)| a == b).count()
        };
        varint::write(&mut entries, shared as u64);
        varint::write(&mut entries, (s.len() - shared) as u64);
        entries.extend_from_slice(&s[shared..]);
        prev = s;
    }
    let count = u32::try_from(strings.len()).expect("more than 4 billion strings");
    let mut out = Vec::with_capacity(4 + offsets.len() * 4 + entries.len());
    out.extend_from_slice(&count.to_le_bytes());
    for o in offsets {
        out.extend_from_slice(&o.to_le_bytes());
    }
    out.extend_from_slice(&entries);
    out
}

/// A string table read in place.
#[derive(Clone, Copy)]
pub struct Strings<'a> {
    count: u32,
    offsets: &'a [u8],
    entries: &'a [u8],
}

impl<'a> Strings<'a> {
    /// A table with no strings.
    pub const EMPTY: Strings<'static> = Strings { count: 0, offsets: &[], entries: &[] };

    /// Opens a table; `None` when its block offsets do not fit in `bytes`.
    pub fn new(bytes: &'a [u8]) -> Option<Strings<'a>> {
        let count = read_u32(bytes, 0)?;
        let blocks = (count as usize).div_ceil(BLOCK);
        let end = blocks.checked_mul(4)?.checked_add(4)?;
        Some(Strings { count, offsets: bytes.get(4..end)?, entries: &bytes[end..] })
    }

    pub fn len(&self) -> u32 {
        self.count
    }

    /// Appends string `id` to `out`. `None` (and `out` unchanged) for an id out of
    /// range or damaged entries.
    pub fn get_into(&self, id: u32, out: &mut String) -> Option<()> {
        if id >= self.count {
            return None;
        }
        let block = id as usize / BLOCK;
        let mut r = varint::Reader::new(self.entries, read_u32(self.offsets, block * 4)? as usize);
        let mut bytes: Vec<u8> = Vec::new();
        for _ in 0..=id as usize % BLOCK {
            let shared = usize::try_from(r.read()?).ok()?;
            let suffix = r.read_bytes()?;
            if shared > bytes.len() {
                return None;
            }
            bytes.truncate(shared);
            bytes.extend_from_slice(suffix);
        }
        out.push_str(std::str::from_utf8(&bytes).ok()?);
        Some(())
    }

    /// String `id`, or `None` as for [`Strings::get_into`].
    pub fn get(&self, id: u32) -> Option<String> {
        let mut s = String::new();
        self.get_into(id, &mut s).map(|()| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_across_blocks() {
        let words: Vec<String> = (0..40).map(|i| format!("كَتَبَ{}", "ا".repeat(i % 7))).collect();
        let mut with_empty = words.clone();
        with_empty.insert(17, String::new());
        let bytes = write(&with_empty);
        let t = Strings::new(&bytes).unwrap();
        assert_eq!(t.len(), 41);
        for (i, w) in with_empty.iter().enumerate() {
            assert_eq!(t.get(i as u32).as_ref(), Some(w));
        }
        assert_eq!(t.get(41), None);
    }

    #[test]
    fn damage_gives_none() {
        let bytes = write(&["ab", "abc"]);
        assert!(Strings::new(&bytes[..3]).is_none());
        let mut bad = bytes.clone();
        // Entry 1 claims a longer shared prefix than entry 0 has.
        let at = bad.len() - 3;
        bad[at] = 9;
        assert_eq!(Strings::new(&bad).unwrap().get(1), None);
        assert_eq!(Strings::new(&bytes[..bytes.len() - 1]).unwrap().get(1), None);
    }
}
