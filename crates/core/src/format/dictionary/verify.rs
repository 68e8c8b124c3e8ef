//! Structural verification of untrusted `fst::Map` bytes (fst 0.4.7).
//!
//! fst's reader trusts its input: it decodes nodes with unchecked slicing and
//! subtraction, and `Fst::new` barely looks at the footer. This module replays
//! fst's decoding (src/raw/mod.rs, src/raw/node.rs, src/bytes.rs) with checked
//! arithmetic over every node reachable from the root, so that bytes it
//! accepts can be handed to `fst::Map::new` and queried without a panic.

use std::collections::BTreeMap;
use std::fmt;

/// Bytes fst writes before the first node: version and type, 8 bytes each.
const HEADER: usize = 16;
/// Nodes with more transitions than this carry a 256-byte index in format
/// versions >= 2 (`TRANS_INDEX_THRESHOLD` in node.rs).
const INDEX_THRESHOLD: usize = 32;

/// What is wrong with bytes rejected by [`verify_fst`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FstDamage {
    /// Shorter than the 36 bytes `Fst::new` requires.
    TooShort(usize),
    /// A format version fst 0.4.7 does not read.
    Version(u64),
    /// A footer field does not fit this target's `usize`.
    TooLarge { field: &'static str, value: u64 },
    /// The root address does not point at the byte just before the footer.
    Root(u64),
    /// A node's bytes, read backwards from its address, run into the header.
    Truncated { addr: usize },
    /// A pack size byte fst cannot unpack with (it asserts 1..=8 bytes).
    PackSize { addr: usize, packed: u8 },
    /// A transition address would land before the start of the data.
    Target { addr: usize, delta: u64 },
    /// Transition inputs are not strictly increasing.
    Unsorted { addr: usize },
    /// The 256-byte transition index disagrees with the inputs.
    Index { addr: usize },
    /// Some path's summed outputs exceed `u64::MAX`.
    Overflow { addr: usize },
    /// The footer's key count is wrong (`actual: None`: `u64::MAX` or more keys).
    Len { stated: u64, actual: Option<u64> },
    /// fst's own checksum is missing or does not match the bytes.
    Checksum,
}

impl fmt::Display for FstDamage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FstDamage::TooShort(n) => write!(f, "{n} bytes is too short for an fst"),
            FstDamage::Version(v) => write!(f, "unsupported fst version {v}"),
            FstDamage::TooLarge { field, value } => {
                write!(f, "{field} {value} does not fit in this target's usize")
            }
            FstDamage::Root(r) => write!(f, "root address {r} is not just before the footer"),
            FstDamage::Truncated { addr } => {
                write!(f, "node at byte {addr} extends past the start of the node area")
            }
            FstDamage::PackSize { addr, packed } => {
                write!(f, "node at byte {addr} has invalid pack sizes {packed:#04x}")
            }
            FstDamage::Target { addr, delta } => {
                write!(f, "node at byte {addr} has a transition {delta} bytes back, out of range")
            }
            FstDamage::Unsorted { addr } => {
                write!(f, "node at byte {addr} has unsorted transitions")
            }
            FstDamage::Index { addr } => {
                write!(f, "node at byte {addr} has an inconsistent transition index")
            }
            FstDamage::Overflow { addr } => {
                write!(f, "outputs overflow u64 on a path through byte {addr}")
            }
            FstDamage::Len { stated, actual: Some(n) } => {
                write!(f, "footer says {stated} keys but the fst holds {n}")
            }
            FstDamage::Len { stated, actual: None } => {
                write!(f, "footer says {stated} keys but the fst holds u64::MAX or more")
            }
            FstDamage::Checksum => write!(f, "its checksum is missing or does not match its bytes"),
        }
    }
}

impl std::error::Error for FstDamage {}

/// Checks that `bytes` are an fst map that fst 0.4.7 can read without
/// panicking on this target's pointer width: if this returns `Ok`,
/// `fst::Map::new(bytes)` succeeds, and `get`, `len`, `stream`, `range` and
/// `search` with any automaton neither panic nor overflow. Keys also stream
/// in strictly increasing order, `get` agrees with the streams, and `len` is
/// the true key count. Linear in the number of reachable nodes (times a log).
pub fn verify_fst(bytes: &[u8]) -> Result<(), FstDamage> {
    verify_fst_for(bytes, usize::MAX as u64)
}

/// [`verify_fst`] for a target whose `usize::MAX` is `usize_max`, so the
/// 32-bit (wasm32) rules can be exercised on a 64-bit host.
pub fn verify_fst_for(bytes: &[u8], usize_max: u64) -> Result<(), FstDamage> {
    // Fst::new: `bytes.len() < 36` is its only length check; everything
    // below indexes relative to the end, so this keeps those reads in bounds.
    if bytes.len() < 36 {
        return Err(FstDamage::TooShort(bytes.len()));
    }
    let version = u64_le(bytes, 0);
    if version == 0 || version > 3 {
        return Err(FstDamage::Version(version));
    }
    // Version 3 appends a CRC-32C; the footer is then len, root, checksum.
    let footer = if version <= 2 { 16 } else { 20 };
    let end = bytes.len() - (footer - 16);
    let root = u64_le(bytes, end - 8);
    let len = u64_le(bytes, end - 16);
    // Fst::new passes both through `u64_to_usize`, which panics off 64-bit.
    for (field, value) in [("root address", root), ("key count", len)] {
        if value > usize_max {
            return Err(FstDamage::TooLarge { field, value });
        }
    }
    // Fst::new means to check this but its `&&` skips it for any nonzero
    // root, after which `Node::new` indexes `data[root]` unchecked. The empty
    // final root (address 0) is only written when the header meets the footer.
    let root_ok = if root == 0 { bytes.len() == HEADER + footer } else { root == (bytes.len() - footer - 1) as u64 };
    if !root_ok {
        return Err(FstDamage::Root(root));
    }
    walk(bytes, version, root as usize, len)
}

/// Decodes every node reachable from `root` exactly once. Transitions
/// always point to strictly lower addresses (or 0), so popping the highest
/// pending address visits each node after all its parents: its maximum
/// output prefix and path count are then final.
fn walk(bytes: &[u8], version: u64, root: usize, len: u64) -> Result<(), FstDamage> {
    // address -> (largest output sum along a path to it, number of such paths)
    let mut pending = BTreeMap::from([(root, (0u64, 1u64))]);
    // Path counts saturate, so u64::MAX keys stands for "at least that many".
    let mut keys = 0u64;
    // Not panic hazards: reported only if none of those is found, so the
    // error names the more serious problem.
    let mut inconsistent = None;
    while let Some((addr, (sum, paths))) = pending.pop_last() {
        let node = Node::decode(bytes, version, addr)?;
        if let Err(e) = node.check_inputs(bytes) {
            inconsistent.get_or_insert(e);
        }
        // `Output::cat` is a plain `+`: it panics under overflow checks.
        let overflow = FstDamage::Overflow { addr };
        if node.is_final {
            sum.checked_add(node.final_out).ok_or(overflow.clone())?;
            keys = keys.saturating_add(paths);
        }
        for i in 0..node.ntrans {
            let (out, target) = node.transition(bytes, i)?;
            let sum = sum.checked_add(out).ok_or(overflow.clone())?;
            let entry = pending.entry(target).or_insert((0, 0));
            entry.0 = entry.0.max(sum);
            entry.1 = entry.1.saturating_add(paths);
        }
    }
    // Makes `Map::len` trustworthy for callers.
    let actual = (keys != u64::MAX).then_some(keys);
    match inconsistent {
        Some(e) => Err(e),
        None if actual != Some(len) => Err(FstDamage::Len { stated: len, actual }),
        None => Ok(()),
    }
}

/// One node, decoded as `Node::new` does but with every read checked.
struct Node {
    addr: usize,
    /// Lowest byte of the node; fst reads from here up to `addr`.
    end: usize,
    is_final: bool,
    final_out: u64,
    ntrans: usize,
    /// OneTransNext: the single transition goes to `end - 1`, output 0.
    next: bool,
    tsize: usize,
    osize: usize,
    /// Transition `i`'s address delta is the `tsize` bytes ending `i * tsize` below this.
    trans_top: usize,
    /// Transition `i`'s output is the `osize` bytes ending `i * osize` below this.
    outs_top: usize,
    /// AnyTrans: inputs lie in reverse in `trans_top..inputs_top`, then the index.
    inputs_top: usize,
    index: usize,
}

impl Node {
    /// `addr` is in bounds: the root is checked, and targets lie below their node.
    fn decode(bytes: &[u8], version: u64, addr: usize) -> Result<Node, FstDamage> {
        let mut node = Node {
            addr,
            end: addr,
            is_final: true,
            final_out: 0,
            ntrans: 0,
            next: false,
            tsize: 0,
            osize: 0,
            trans_top: 0,
            outs_top: 0,
            inputs_top: 0,
            index: 0,
        };
        // `State::new` maps address 0 to EmptyFinal without reading it.
        if addr == 0 {
            return Ok(node);
        }
        // Real nodes never reach into the header. Requiring that of every
        // intermediate position keeps all fst's backward subtractions from
        // underflowing, and OneTransNext's `end - 1` too.
        let below =
            |at: usize, n: usize| at.checked_sub(n).filter(|&p| p >= HEADER).ok_or(FstDamage::Truncated { addr });
        let state = bytes[addr];
        // A zero common-input / count field means the value is in the byte below.
        let extra = (state & 0b11_1111 == 0) as usize;
        node.is_final = false;
        node.ntrans = 1;
        match state >> 6 {
            0b11 => {
                node.next = true;
                node.end = below(addr, extra)?;
            }
            0b10 => {
                let top = below(addr, extra + 1)?;
                node.sizes(bytes[top], true)?;
                node.end = below(top, node.tsize + node.osize)?;
                node.trans_top = top;
                node.inputs_top = top;
                node.outs_top = node.end + node.osize;
            }
            _ => {
                node.is_final = state & 0b0100_0000 != 0;
                node.ntrans = match (extra, bytes[addr - 1]) {
                    (0, _) => (state & 0b11_1111) as usize,
                    // 256 transitions are stored as 1 (`StateAnyTrans::ntrans`).
                    (_, 1) => 256,
                    (_, n) => n as usize,
                };
                let top = below(addr, extra + 1)?;
                node.sizes(bytes[top], node.ntrans > 0)?;
                node.index = if version >= 2 && node.ntrans > INDEX_THRESHOLD { 256 } else { 0 };
                node.inputs_top = below(top, node.index)?;
                node.trans_top = below(node.inputs_top, node.ntrans)?;
                node.outs_top = below(node.trans_top, node.ntrans * node.tsize)?;
                let finals = if node.is_final { node.osize } else { 0 };
                node.end = below(node.outs_top, node.ntrans * node.osize + finals)?;
                // `Node::new` reads this eagerly, on every visit.
                if node.is_final && node.osize > 0 {
                    node.final_out = unpack(bytes, node.end, node.osize);
                }
            }
        }
        Ok(node)
    }

    /// `PackSizes`: transition size in the high nibble, output size in the
    /// low one. `unpack_uint` asserts 1..=8 bytes; output size 0 means "none".
    fn sizes(&mut self, packed: u8, has_trans: bool) -> Result<(), FstDamage> {
        self.tsize = (packed >> 4) as usize;
        self.osize = (packed & 0xF) as usize;
        if self.tsize > 8 || (has_trans && self.tsize == 0) || self.osize > 8 {
            return Err(FstDamage::PackSize { addr: self.addr, packed });
        }
        Ok(())
    }

    /// Sorted inputs make streams sorted and unique, which range queries and
    /// the key count rely on. Only AnyTrans has several inputs.
    fn check_inputs(&self, bytes: &[u8]) -> Result<(), FstDamage> {
        // Stored in reverse: input `i` is `rev[ntrans - 1 - i]`.
        let rev = &bytes[self.trans_top..self.inputs_top];
        let index = &bytes[self.inputs_top..self.inputs_top + self.index];
        if rev.windows(2).any(|w| w[0] <= w[1]) {
            return Err(FstDamage::Unsorted { addr: self.addr });
        }
        if self.index == 0 {
            return Ok(());
        }
        // `find_input` trusts the index, so keep it in step with the inputs,
        // or `get` and streams would disagree.
        let mut expected = [self.ntrans; 256];
        for (i, &b) in rev.iter().rev().enumerate() {
            expected[b as usize] = i;
        }
        let consistent = index.iter().zip(expected).all(|(&got, want)| {
            let got = got as usize;
            if want == self.ntrans {
                got >= want
            } else {
                got == want
            }
        });
        if consistent {
            Ok(())
        } else {
            Err(FstDamage::Index { addr: self.addr })
        }
    }

    /// Output and target address of transition `i` (`transition` in node.rs).
    fn transition(&self, bytes: &[u8], i: usize) -> Result<(u64, usize), FstDamage> {
        if self.next {
            return Ok((0, self.end - 1));
        }
        let out = match self.osize {
            0 => 0,
            o => unpack(bytes, self.outs_top - (i + 1) * o, o),
        };
        let delta = unpack(bytes, self.trans_top - (i + 1) * self.tsize, self.tsize);
        // `unpack_delta`: 0 means the empty final node, otherwise `end - delta`.
        match delta {
            0 => Ok((out, 0)),
            d if d <= self.end as u64 => Ok((out, self.end - d as usize)),
            d => Err(FstDamage::Target { addr: self.addr, delta: d }),
        }
    }
}

fn u64_le(bytes: &[u8], at: usize) -> u64 {
    unpack(bytes, at, 8)
}

/// `bytes::unpack_uint`: little-endian, `n` in 1..=8 and in bounds (checked by callers).
fn unpack(bytes: &[u8], at: usize, n: usize) -> u64 {
    bytes[at..at + n].iter().rev().fold(0, |acc, &b| acc << 8 | b as u64)
}
