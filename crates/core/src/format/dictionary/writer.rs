//! Writes maps in fst 0.4.7's on-disk format (read back by `fst::Map::new`).
//!
//! Why not fst's own builder: the same indexer runs natively and compiled to
//! wasm32 (`npx fahras`), and both must write the same bytes. This mirrors
//! `fst::raw::Builder` step for step, except for its node registry: fst dedups finished nodes through a bounded cache bucketed by
//! `hash as usize % 10_000`, so which nodes get shared (and hence the bytes)
//! depends on the pointer width. Here every distinct node is remembered, so
//! the output is the minimal automaton for the keys and values, and nothing
//! that reaches the bytes depends on `usize`: addresses, outputs and the key
//! count are `u64`, and collection indices never flow into the output.

use super::super::crc32::crc32c;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// The format version fst 0.4.7 writes (3 is the first with a checksum).
const VERSION: u64 = 3;
/// fst's type tag for maps and sets built by `MapBuilder`/`SetBuilder`.
const FST_TYPE: u64 = 0;
/// Address of the final node with no transitions and no output, which fst
/// never writes. Real nodes start after the 16-byte header, so 0 is free.
const EMPTY_ADDRESS: u64 = 0;
/// fst adds a 256-byte input → transition index above this many transitions.
const TRANS_INDEX_THRESHOLD: usize = 32;
/// The first 63 entries of fst's `COMMON_INPUTS_INV`: a one-transition state
/// stores its input byte inside the state byte as (position + 1) when the
/// byte is one of these, saving a byte; 0 there means "input byte follows".
const COMMON_INPUTS: &[u8; 63] = b"te/oasripcnw.hlm-du012g=:bf3y5&_4v9678k%?xCDASFIBEjPTzRNM+LOqHG";

/// A key was not strictly greater than the one inserted before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfOrder {
    pub previous: Vec<u8>,
    pub got: Vec<u8>,
}

impl fmt::Display for OutOfOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "key {:?} does not come after {:?}", self.got, self.previous)
    }
}

impl std::error::Error for OutOfOrder {}

#[derive(Clone, Copy)]
struct Trans {
    inp: u8,
    out: u64,
    addr: u64,
}

#[derive(Default)]
struct Node {
    is_final: bool,
    final_output: u64,
    trans: Vec<Trans>,
}

/// A node on the path of the last key: it may still gain transitions, and
/// its last transition's target is not compiled yet (hence no address).
struct Unfinished {
    node: Node,
    last: Option<(u8, u64)>,
}

impl Unfinished {
    fn empty(is_final: bool) -> Self {
        Unfinished { node: Node { is_final, ..Node::default() }, last: None }
    }

    fn freeze_last(&mut self, addr: u64) {
        if let Some((inp, out)) = self.last.take() {
            self.node.trans.push(Trans { inp, out, addr });
        }
    }

    /// Pushes the part of an output that no longer fits higher up the path
    /// (the shared prefix shrank) down onto everything leaving this node.
    fn add_output_prefix(&mut self, prefix: u64) {
        if self.node.is_final {
            self.node.final_output += prefix;
        }
        for t in &mut self.node.trans {
            t.out += prefix;
        }
        if let Some((_, out)) = &mut self.last {
            *out += prefix;
        }
    }
}

pub struct MapWriter {
    buf: Vec<u8>,
    /// Path of the last key inserted: `stack[i]` is the state after `i` bytes.
    stack: Vec<Unfinished>,
    /// Every node written so far, keyed by `registry_key`, to its address.
    registry: HashMap<Box<[u8]>, u64, BuildHasherDefault<Fnv>>,
    key_buf: Vec<u8>,
    /// fst encodes a transition to the node written just before as one byte.
    last_addr: Option<u64>,
    last_key: Option<Vec<u8>>,
    len: u64,
}

impl Default for MapWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl MapWriter {
    pub fn new() -> Self {
        let mut buf = Vec::with_capacity(10 << 10);
        buf.extend_from_slice(&VERSION.to_le_bytes());
        buf.extend_from_slice(&FST_TYPE.to_le_bytes());
        MapWriter {
            buf,
            stack: vec![Unfinished::empty(false)],
            registry: HashMap::default(),
            key_buf: Vec::new(),
            last_addr: None,
            last_key: None,
            len: 0,
        }
    }

    /// Keys must be strictly increasing; returns an error (not a panic) otherwise.
    pub fn insert(&mut self, key: &[u8], value: u64) -> Result<(), OutOfOrder> {
        match &mut self.last_key {
            Some(prev) if key <= prev.as_slice() => {
                return Err(OutOfOrder { previous: prev.clone(), got: key.to_vec() })
            }
            Some(prev) => {
                prev.clear();
                prev.extend_from_slice(key);
            }
            None => self.last_key = Some(key.to_vec()),
        }
        self.len += 1;
        if key.is_empty() {
            // Only the first key can be empty: its value is the root's.
            let root = &mut self.stack[0].node;
            root.is_final = true;
            root.final_output = value;
            return Ok(());
        }
        let (prefix_len, out) = self.share_prefix(key, value);
        self.compile_from(prefix_len);
        // Strict order makes the new key longer than the shared prefix.
        let suffix = &key[prefix_len..];
        self.stack.last_mut().unwrap().last = Some((suffix[0], out));
        for &b in &suffix[1..] {
            self.stack.push(Unfinished { node: Node::default(), last: Some((b, 0)) });
        }
        self.stack.push(Unfinished::empty(true));
        Ok(())
    }

    pub fn finish(mut self) -> Vec<u8> {
        self.compile_from(0);
        let root = self.stack.pop().unwrap().node;
        let root_addr = self.compile(&root);
        self.buf.extend_from_slice(&self.len.to_le_bytes());
        self.buf.extend_from_slice(&root_addr.to_le_bytes());
        let sum = masked_crc32c(&self.buf);
        self.buf.extend_from_slice(&sum.to_le_bytes());
        self.buf
    }

    /// Walks the shared prefix of `key` and the last key, leaving on each
    /// transition the common part (minimum) of its output and `value`, as
    /// fst does; returns the prefix length and what is left of `value`.
    fn share_prefix(&mut self, key: &[u8], mut value: u64) -> (usize, u64) {
        let mut i = 0;
        while i < key.len() {
            let excess = match &mut self.stack[i].last {
                Some((inp, out)) if *inp == key[i] => {
                    let common = value.min(*out);
                    let excess = *out - common;
                    value -= common;
                    *out = common;
                    excess
                }
                _ => break,
            };
            i += 1;
            if excess != 0 {
                self.stack[i].add_output_prefix(excess);
            }
        }
        (i, value)
    }

    /// Compiles the last key's path below depth `depth`, deepest node first,
    /// so each node's children already have addresses.
    fn compile_from(&mut self, depth: usize) {
        let mut addr = None;
        while self.stack.len() > depth + 1 {
            let mut unfinished = self.stack.pop().unwrap();
            if let Some(addr) = addr {
                unfinished.freeze_last(addr);
            }
            addr = Some(self.compile(&unfinished.node));
        }
        if let Some(addr) = addr {
            self.stack.last_mut().unwrap().freeze_last(addr);
        }
    }

    fn compile(&mut self, node: &Node) -> u64 {
        if node.is_final && node.trans.is_empty() && node.final_output == 0 {
            return EMPTY_ADDRESS;
        }
        registry_key(node, &mut self.key_buf);
        if let Some(&addr) = self.registry.get(self.key_buf.as_slice()) {
            // As in fst, reusing a node does not make it the "last" one.
            return addr;
        }
        let start = self.buf.len() as u64;
        write_node(&mut self.buf, node, start, self.last_addr);
        // A node's address is its last byte: fst reads nodes backwards.
        let addr = self.buf.len() as u64 - 1;
        self.last_addr = Some(addr);
        self.registry.insert(self.key_buf.as_slice().into(), addr);
        addr
    }
}

/// A node's identity is its finality, final output and transitions (whose
/// targets are already unique addresses), varint-coded: a few bytes for most
/// nodes rather than the suffixes they stand for. Varints are self-delimiting,
/// so distinct nodes get distinct keys.
fn registry_key(node: &Node, key: &mut Vec<u8>) {
    key.clear();
    key.push(node.is_final as u8);
    varint(key, node.final_output);
    for t in &node.trans {
        key.push(t.inp);
        varint(key, t.out);
        varint(key, t.addr);
    }
}

/// FNV-1a, as fst's registry uses: registry keys are a few bytes, where
/// std's SipHash costs more than the rest of the build. Only lookup speed
/// depends on it, never the output.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xCBF2_9CE4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3));
    }

    /// Multiplying only carries upward, so fold the well-mixed high half
    /// into the low bits the table indexes by.
    fn finish(&self) -> u64 {
        self.0 ^ self.0 >> 32
    }
}

fn varint(buf: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        buf.push(n as u8 | 0x80);
        n >>= 7;
    }
    buf.push(n as u8);
}

/// Appends `node` in fst's layout, read backwards from its last byte (the
/// state byte). Mirrors `Node::compile` in fst's `raw/node.rs`.
fn write_node(buf: &mut Vec<u8>, node: &Node, start: u64, last_addr: Option<u64>) {
    match node.trans.as_slice() {
        [t] if !node.is_final => {
            let common = common_idx(t.inp);
            if t.out == 0 && Some(t.addr) == last_addr {
                // StateOneTransNext: target is the node just below, implied.
                if common == 0 {
                    buf.push(t.inp);
                }
                buf.push(0b11_000000 | common);
            } else {
                // StateOneTrans: [output] delta pack-sizes [input] state.
                let osize = if t.out == 0 { 0 } else { pack_size(t.out) };
                pack(buf, t.out, osize);
                let delta = delta(start, t.addr);
                let tsize = pack_size(delta);
                pack(buf, delta, tsize);
                buf.push(tsize << 4 | osize);
                if common == 0 {
                    buf.push(t.inp);
                }
                buf.push(0b10_000000 | common);
            }
        }
        trans => {
            // StateAnyTrans: [final output] outputs deltas inputs [index]
            // pack-sizes [count] state, per-transition fields in reverse.
            let any_outs = node.final_output != 0 || trans.iter().any(|t| t.out != 0);
            let osize = if any_outs {
                trans.iter().map(|t| pack_size(t.out)).fold(pack_size(node.final_output), u8::max)
            } else {
                0
            };
            let tsize = trans.iter().map(|t| pack_size(delta(start, t.addr))).max().unwrap_or(0);
            if node.is_final {
                pack(buf, node.final_output, osize);
            }
            for t in trans.iter().rev() {
                pack(buf, t.out, osize);
            }
            for t in trans.iter().rev() {
                pack(buf, delta(start, t.addr), tsize);
            }
            buf.extend(trans.iter().rev().map(|t| t.inp));
            if trans.len() > TRANS_INDEX_THRESHOLD {
                // 255 marks an absent input; with 256 transitions none is.
                let mut index = [255u8; 256];
                for (i, t) in trans.iter().enumerate() {
                    index[t.inp as usize] = i as u8;
                }
                buf.extend_from_slice(&index);
            }
            buf.push(tsize << 4 | osize);
            // The count lives in the state byte's low 6 bits when it is
            // 1..=63; otherwise those bits are 0 and a count byte precedes,
            // where 256 is written as 1 (a count of 1 always fits the state).
            let n = trans.len();
            let in_state = if (1..=63).contains(&n) { n as u8 } else { 0 };
            if in_state == 0 {
                buf.push(if n == 256 { 1 } else { n as u8 });
            }
            buf.push((node.is_final as u8) << 6 | in_state);
        }
    }
}

fn common_idx(inp: u8) -> u8 {
    COMMON_INPUTS.iter().position(|&c| c == inp).map_or(0, |i| i as u8 + 1)
}

/// Targets are stored relative to the start of the node that points at
/// them (always earlier in the file); the empty final node stays 0.
fn delta(start: u64, addr: u64) -> u64 {
    if addr == EMPTY_ADDRESS {
        EMPTY_ADDRESS
    } else {
        start - addr
    }
}

fn pack_size(n: u64) -> u8 {
    (8 - n.leading_zeros() / 8).max(1) as u8
}

/// Little-endian in exactly `nbytes` bytes; 0 bytes writes nothing.
fn pack(buf: &mut Vec<u8>, n: u64, nbytes: u8) {
    buf.extend_from_slice(&n.to_le_bytes()[..nbytes as usize]);
}

/// fst's footer checksum: CRC32C of every byte before it, masked as in the
/// Snappy frame format.
pub(super) fn masked_crc32c(bytes: &[u8]) -> u32 {
    crc32c(bytes).rotate_right(15).wrapping_add(0xA282_EAD8)
}
