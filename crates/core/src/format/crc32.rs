//! CRC-32 checksums, table-driven, the tables built at compile time: IEEE for
//! the index file, so that a damaged or truncated index is refused instead of
//! answering wrongly; Castagnoli (CRC-32C) for the fst dictionaries, which is
//! what fst itself checks.

/// The table of the reflected CRC-32 with polynomial `poly`.
const fn table(poly: u32) -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { poly ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

const IEEE: [u32; 256] = table(0xEDB8_8320);
const CASTAGNOLI: [u32; 256] = table(0x82F6_3B78);

fn checksum<'a>(table: &[u32; 256], bytes: impl Iterator<Item = &'a u8>) -> u32 {
    !bytes.fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

/// CRC-32 (IEEE) of `parts`, as if they were one byte string.
pub fn crc32(parts: &[&[u8]]) -> u32 {
    checksum(&IEEE, parts.iter().flat_map(|p| p.iter()))
}

/// CRC-32C (Castagnoli) of `bytes`.
pub fn crc32c(bytes: &[u8]) -> u32 {
    checksum(&CASTAGNOLI, bytes.iter())
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        assert_eq!(super::crc32(&[b"123456789"]), 0xCBF4_3926);
        assert_eq!(super::crc32(&[b"1234", b"56789"]), 0xCBF4_3926);
        assert_eq!(super::crc32(&[]), 0);
        assert_eq!(super::crc32c(b"123456789"), 0xE306_9283);
    }
}
