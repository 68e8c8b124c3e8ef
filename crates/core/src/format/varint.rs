//! LEB128 variable-length integers: postings are mostly small deltas, which this
//! stores in one byte each.

/// Appends `v` to `out`.
pub fn write(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A cursor over varints. Reading past the end or a malformed varint yields `None`
/// rather than panicking: index bytes may come from anywhere.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], pos: usize) -> Self {
        Reader { bytes, pos }
    }

    #[inline]
    pub fn read(&mut self) -> Option<u64> {
        // Most postings values are small deltas: one byte, no loop.
        let b = *self.bytes.get(self.pos)?;
        if b < 0x80 {
            self.pos += 1;
            return Some(u64::from(b));
        }
        // Word ids in text streams are mostly two bytes.
        if let Some(&c) = self.bytes.get(self.pos + 1).filter(|&&c| c < 0x80) {
            self.pos += 2;
            return Some(u64::from(b & 0x7F) | u64::from(c) << 7);
        }
        self.read_long()
    }

    fn read_long(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.pos)?;
            self.pos += 1;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    pub fn read_u32(&mut self) -> Option<u32> {
        self.read().and_then(|v| u32::try_from(v).ok())
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn seek(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// Reads a length-prefixed byte string.
    pub fn read_bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.read()?).ok()?;
        let end = self.pos.checked_add(n)?;
        let b = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(b)
    }

    /// Reads a length-prefixed UTF-8 string.
    pub fn read_str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.read_bytes()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_garbage() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            write(&mut out, v);
        }
        let mut r = Reader::new(&out, 0);
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            assert_eq!(r.read(), Some(v));
        }
        assert_eq!(r.read(), None);
        assert_eq!(Reader::new(&[0xFF; 20], 0).read(), None);
    }
}
