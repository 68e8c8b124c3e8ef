// Adds an index to the engine module's data, so that the module opens it with no
// argument: what `fahras build` does to ship an index inside the .wasm.
//
// The module is not recompiled. Its linear memory starts larger by the index's
// size, rounded up to whole pages; a new data segment fills those pages with the
// index when the module is instantiated, exactly as the compiled-in index of a
// `build.rs` build is; and the engine's index slot (a marker in its data, then an
// address and a length) is filled in with where the index lies. Nothing else
// moves: Rust's allocator takes its memory from pages grown beyond the initial
// ones, so it never reaches the index.

const PAGE = 65536;
const MARKER = new TextEncoder().encode('fahras index at:');
const SECTION = { memory: 5, data: 11, dataCount: 12 };

class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  byte() {
    if (this.at >= this.bytes.length) throw new Error('fahras: not a WebAssembly module (cut short)');
    return this.bytes[this.at++];
  }

  u32() {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw new Error('fahras: not a WebAssembly module (bad number)');
  }

  take(n) {
    if (this.at + n > this.bytes.length) throw new Error('fahras: not a WebAssembly module (cut short)');
    this.at += n;
    return this.bytes.subarray(this.at - n, this.at);
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

function s32(value) {
  value |= 0;
  const out = [];
  for (;;) {
    const b = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (b & 0x40) === 0) || (value === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function section(id, payload) {
  return concat([Uint8Array.of(id, ...u32(payload.length)), payload]);
}

function indexOf(haystack, needle) {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

// The memory section with its one memory's minimum raised to `pages`; returns the old minimum.
function growMemory(payload, pages) {
  const r = new Reader(payload);
  if (r.u32() !== 1) throw new Error('fahras: the engine module should define exactly one memory');
  const flags = r.byte();
  if (flags & ~1) throw new Error('fahras: the engine memory is shared or 64-bit, which this does not handle');
  const min = r.u32();
  const max = flags & 1 ? r.u32() : undefined;
  if (max !== undefined && min + pages > max) throw new Error('fahras: the index does not fit in the engine memory');
  const limits = [...u32(min + pages), ...(max === undefined ? [] : u32(max))];
  return { min, payload: Uint8Array.of(1, flags, ...limits) };
}

// The data section with the slot filled in and the index's segment added.
function addSegment(payload, address, index) {
  const r = new Reader(payload);
  const count = r.u32();
  const segments = [];
  let slots = 0;
  for (let i = 0; i < count; i++) {
    const start = r.at;
    const kind = r.u32();
    if (kind === 2) r.u32();
    if (kind !== 1) {
      // Rust's modules place segments with a constant offset: i32.const n, end.
      if (r.byte() !== 0x41) throw new Error('fahras: unexpected data segment offset in the engine module');
      while (r.byte() & 0x80);
      if (r.byte() !== 0x0b) throw new Error('fahras: unexpected data segment offset in the engine module');
    }
    const length = r.u32();
    const dataAt = r.at;
    const data = r.take(length);
    const segment = payload.slice(start, r.at);
    const found = indexOf(data, MARKER);
    if (found >= 0) {
      if (indexOf(data.subarray(found + 1), MARKER) >= 0) throw new Error('fahras: two index slots in the engine module');
      const slot = new DataView(segment.buffer, segment.byteOffset + dataAt - start + found + MARKER.length);
      if (slot.getUint32(0, true) !== 0 || slot.getUint32(4, true) !== 0) {
        throw new Error('fahras: this engine module already carries an index');
      }
      slot.setUint32(0, address, true);
      slot.setUint32(4, index.length, true);
      slots++;
    }
    segments.push(segment);
  }
  if (slots !== 1) throw new Error('fahras: the engine module has no index slot (is it the Fahras engine?)');
  const added = Uint8Array.of(0, 0x41, ...s32(address), 0x0b, ...u32(index.length));
  return concat([Uint8Array.from(u32(count + 1)), ...segments, added, index]);
}

/**
 * The engine module `wasm` with `index` added to its data.
 * @param {Uint8Array} wasm  the engine module (built without an index)
 * @param {Uint8Array} index index bytes, as written by `fahras index`
 * @returns {Uint8Array}
 */
export function embedIndex(wasm, index) {
  // Plain Uint8Arrays: a Node Buffer's slice() is a view, not the copy this relies on.
  wasm = new Uint8Array(wasm.buffer, wasm.byteOffset, wasm.byteLength);
  index = new Uint8Array(index.buffer, index.byteOffset, index.byteLength);
  const r = new Reader(wasm);
  const head = r.take(8);
  if (head[0] !== 0 || head[1] !== 0x61 || head[2] !== 0x73 || head[3] !== 0x6d) {
    throw new Error('fahras: not a WebAssembly module');
  }
  const sections = [];
  while (r.at < wasm.length) {
    const id = r.byte();
    const payload = r.take(r.u32());
    sections.push({ id, payload });
  }
  const pages = Math.ceil(index.length / PAGE);
  const memory = sections.find((s) => s.id === SECTION.memory);
  const data = sections.find((s) => s.id === SECTION.data);
  if (!memory || !data) throw new Error('fahras: the engine module has no memory or data section');
  const grown = growMemory(memory.payload, pages);
  memory.payload = grown.payload;
  data.payload = addSegment(data.payload, grown.min * PAGE, index);
  const dataCount = sections.find((s) => s.id === SECTION.dataCount);
  if (dataCount) dataCount.payload = Uint8Array.from(u32(new Reader(dataCount.payload).u32() + 1));
  return concat([head, ...sections.map((s) => section(s.id, s.payload))]);
}
