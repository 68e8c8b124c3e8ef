// Index files an attacker could craft: real index bytes edited inside one
// section, with both checksums recomputed (fst's CRC-32C of each dictionary,
// and the file's CRC-32), so that only the structural checks stand between the
// edit and the engine.

const HEADER_TABLE = 24;
const SECTIONS = 9;
/** Sections in table order; the first two are the fst dictionaries. */
const DICTIONARIES = [0, 1];

function table(poly) {
  return Uint32Array.from({ length: 256 }, (_, i) => {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? poly ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
}
const CRC32 = table(0xedb88320);
const CRC32C = table(0x82f63b78);

function crc(tab, bytes) {
  let c = ~0;
  for (const b of bytes) c = tab[(c ^ b) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** fst's checksum of a dictionary: the masked CRC-32C of all but its last four bytes. */
function resealDictionary(view, start, end) {
  const sum = crc(CRC32C, new Uint8Array(view.buffer, view.byteOffset + start, end - 4 - start));
  const masked = ((((sum >>> 15) | (sum << 17)) >>> 0) + 0xa282ead8) >>> 0;
  view.setUint32(end - 4, masked, true);
}

/** The file's checksum: CRC-32 of every byte but its own four (at 16). */
function resealFile(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sum = crc(CRC32, [...bytes.subarray(0, 16), ...bytes.subarray(20)]);
  view.setUint32(16, sum, true);
}

function rng(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

/**
 * `count` crafted copies of `base`: most edits land in the dictionaries, whose
 * reader (fst) trusts its bytes; the rest in the other sections.
 * @param {Uint8Array} base
 */
export function* craftedIndexes(base, count, seed = 1) {
  const random = rng(seed);
  const view = new DataView(base.buffer, base.byteOffset, base.byteLength);
  const sections = Array.from({ length: SECTIONS }, (_, s) => {
    const start = view.getUint32(HEADER_TABLE + s * 8, true);
    return [start, start + view.getUint32(HEADER_TABLE + s * 8 + 4, true)];
  });
  for (let i = 0; i < count; i++) {
    const bytes = base.slice();
    const edited = random(4) ? DICTIONARIES[random(2)] : random(SECTIONS);
    const [start, end] = sections[edited];
    for (let edits = 1 + random(3); edits > 0 && end > start; edits--) {
      const at = start + random(end - start);
      bytes[at] = random(3) === 0 ? bytes[at] ^ (1 << random(8)) : random(256);
    }
    const out = new DataView(bytes.buffer);
    for (const d of DICTIONARIES) resealDictionary(out, ...sections[d]);
    resealFile(bytes);
    yield bytes;
  }
}
