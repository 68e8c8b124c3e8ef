//! The dictionary verifier against fst 0.4.7's reader: whatever it accepts, fst
//! reads without a panic every way the engine reads a dictionary, on 64-bit
//! and (by its 32-bit rules) on wasm32; and each kind of rejection that guards
//! against a panic is met by some input fst really panics on. A panic is caught
//! here, so these run natively (wasm32 aborts on a panic); the fuzz target
//! `index_resealed` keeps going where they stop.
#![cfg(not(target_arch = "wasm32"))]

use fahras_core::format::dictionary::{verify_fst, verify_fst_for, FstDamage};
use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Map, MapBuilder, Streamer};
use std::panic::{catch_unwind, AssertUnwindSafe};

const U32: u64 = u32::MAX as u64;

fn ok_everywhere(bytes: &[u8]) {
    assert_eq!(verify_fst(bytes), Ok(()));
    assert_eq!(verify_fst_for(bytes, U32), Ok(()));
}

fn every_byte(prefix: &[u8]) -> impl Iterator<Item = (Vec<u8>, u64)> + '_ {
    (0..=255u8).map(move |b| ([prefix, &[b]].concat(), b as u64))
}

fn real_fsts() -> Vec<Vec<u8>> {
    let words = arabic_words(5000, 1);
    let long: Vec<(Vec<u8>, u64)> =
        (0..20u64).map(|i| (format!("{}{i}", "كتاب".repeat(40 + i as usize)).into_bytes(), i)).collect();
    vec![
        build([]),
        build([(vec![], 0)]),
        build([(vec![], 7)]),
        build([("كتب".into(), 3)]),
        build_words(&words[..10], 100, 2),
        build_words(&words, u64::MAX / 2, 3),
        build_words(&words, 0, 4),
        build(long),
        // Outputs summing to exactly u64::MAX along a path are legal.
        build([(b"a".to_vec(), u64::MAX - 1), (b"ab".to_vec(), u64::MAX), (b"b".to_vec(), u64::MAX)]),
        // 256 transitions at the root and deeper, and > 32 (indexed) ones.
        build(every_byte(b"").chain(every_byte("ك".as_bytes()))),
        build((0..40u8).map(|b| (vec![b'x', b * 3], b as u64 * 1000))),
    ]
}

#[test]
fn real_fsts_verify() {
    for bytes in real_fsts() {
        ok_everywhere(&bytes);
        exercise(&bytes, &[]);
    }
}

#[test]
fn older_versions_verify() {
    // Below 40 bytes, dropping the checksum leaves less than fst's 36-byte minimum.
    for bytes in real_fsts().into_iter().filter(|b| b.len() >= 40) {
        // Version 2 is the same layout without the checksum.
        let mut v2 = bytes[..bytes.len() - 4].to_vec();
        set_u64(&mut v2, 0, 2);
        ok_everywhere(&v2);
        exercise(&v2, &[]);
    }
}

fn with_len(bytes: &[u8], len: u64) -> Vec<u8> {
    let mut b = bytes.to_vec();
    let at = len_field(&b);
    set_u64(&mut b, at, len);
    fix_checksum(&mut b);
    b
}

#[test]
fn key_count_is_width_dependent() {
    let bytes = build([("سلام".into(), 1)]);
    // fst's u64_to_usize panics on 32-bit targets for this count.
    let huge = with_len(&bytes, 1 << 32);
    let too_large = FstDamage::TooLarge { field: "key count", value: 1 << 32 };
    assert_eq!(verify_fst_for(&huge, U32), Err(too_large));
    assert_eq!(verify_fst(&huge), Err(FstDamage::Len { stated: 1 << 32, actual: Some(1) }));
    assert_eq!(verify_fst(&with_len(&bytes, 2)), Err(FstDamage::Len { stated: 2, actual: Some(1) }));
}

#[test]
fn a_count_of_exactly_usize_max_fits() {
    // u32::MAX converts to a 32-bit usize without a panic, so such a count is
    // refused for being wrong, not as too large: the error says what is wrong.
    let huge = with_len(&build([("سلام".into(), 1)]), U32);
    assert_eq!(verify_fst_for(&huge, U32), Err(FstDamage::Len { stated: U32, actual: Some(1) }));
}

#[test]
fn root_is_checked() {
    let bytes = build_words(&arabic_words(50, 5), 9, 6);
    let n = bytes.len();
    for (root, on32) in [(1u64 << 40, true), (n as u64, false), (n as u64 - 22, false), (0, false)] {
        let mut b = bytes.clone();
        set_u64(&mut b, n - 12, root);
        fix_checksum(&mut b);
        assert_eq!(verify_fst(&b), Err(FstDamage::Root(root)));
        let want =
            if on32 { FstDamage::TooLarge { field: "root address", value: root } } else { FstDamage::Root(root) };
        assert_eq!(verify_fst_for(&b, U32), Err(want));
        // fst accepts every nonzero root and then panics when it reads it.
        if root >= n as u64 {
            assert!(fst::Map::new(&b[..]).is_ok());
            assert!(exercise_caught(&b, &[]).is_err());
        }
    }
}

#[test]
fn header_and_version() {
    let bytes = build([]);
    assert_eq!(verify_fst(&bytes[..35]), Err(FstDamage::TooShort(35)));
    for v in [0, 4] {
        let mut b = bytes.clone();
        set_u64(&mut b, 0, v);
        assert_eq!(verify_fst(&b), Err(FstDamage::Version(v)));
    }
}

#[test]
fn damage_is_described_in_words() {
    // The message reaches whoever tries to open a damaged index ("the term
    // dictionary section is malformed: …"): it must say what is wrong, and where.
    let bytes = build([("سلام".into(), 1)]);
    assert_eq!(verify_fst(&bytes[..35]).unwrap_err().to_string(), "35 bytes is too short for an fst");
    let too_many = with_len(&bytes, 2);
    assert_eq!(verify_fst(&too_many).unwrap_err().to_string(), "footer says 2 keys but the fst holds 1");
    let d = FstDamage::PackSize { addr: 40, packed: 0x90 };
    assert_eq!(d.to_string(), "node at byte 40 has invalid pack sizes 0x90");
}

#[test]
fn transition_sizes_beyond_eight_bytes_are_refused() {
    // fst unpacks an address with `unpack_uint`, which asserts at most 8 bytes: a
    // crafted pack-size byte claiming 9 to 15 would panic on the first lookup.
    let bytes = build_words(&arabic_words(200, 13), 1000, 14);
    let root = bytes.len() - 21;
    // Arabic keys start with 0xD8 or 0xD9: the root has two transitions (AnyTrans),
    // and its pack sizes are the byte just below its state byte.
    assert_eq!(bytes[root], 2);
    for tsize in 9..=15u8 {
        let mut b = bytes.clone();
        let packed = tsize << 4 | (b[root - 1] & 0x0F);
        b[root - 1] = packed;
        fix_checksum(&mut b);
        assert_eq!(verify_fst(&b), Err(FstDamage::PackSize { addr: root, packed }));
        assert_eq!(fst_panics(&b, &[]), Some(Ok(true)), "fst itself panics on transition size {tsize}");
    }
}

#[test]
fn transitions_stored_in_eight_bytes_verify() {
    // fst reads transition sizes 1 to 8; writers pick the smallest that fits, but
    // a map whose nodes use 8 bytes (another writer's, or a huge one) is sound.
    // The map {"a": 0} by hand: one node, a transition on `a` to the empty final
    // node (delta 0) in 8 bytes, no output; then fst's footer.
    let mut b = [3u64.to_le_bytes(), 0u64.to_le_bytes()].concat();
    b.extend_from_slice(&[0; 8]); // delta
    b.push(0x80); // pack sizes: transition 8 bytes, output none
    b.push(0b10_000000 | 5); // one transition, input `a` (common input 5)
    let root = b.len() as u64 - 1;
    b.extend_from_slice(&1u64.to_le_bytes());
    b.extend_from_slice(&root.to_le_bytes());
    b.extend_from_slice(&[0; 4]);
    fix_checksum(&mut b);
    assert_eq!(Map::new(&b[..]).unwrap().get("a"), Some(0), "fst reads it");
    ok_everywhere(&b);
    exercise(&b, &[b"a".to_vec(), b"b".to_vec()]);
}

/// Every single-byte overwrite of small fsts: whatever `verify_fst` accepts
/// must be safe, and each panic-guarding rejection (and only those) must be
/// hit by some input on which fst really panics.
#[test]
fn single_byte_patches() {
    let mut panicking = std::collections::BTreeSet::new();
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for bytes in [
        build([(b"a".to_vec(), u64::MAX - 1), (b"ab".to_vec(), u64::MAX), (b"b".to_vec(), 5)]),
        build_words(&arabic_words(12, 7), 300, 8),
        build((0..40u8).map(|b| (vec![b'x', b * 3], b as u64))),
    ] {
        let keys: Vec<Vec<u8>> = fst::Map::new(&bytes[..]).unwrap().stream().into_byte_keys();
        let probes: Vec<Vec<u8>> = keys.iter().take(8).cloned().chain([vec![], vec![0xFF]]).collect();
        for pos in 0..bytes.len() - 4 {
            for v in [0u8, 1, 2, 0x0F, 0x11, 0x21, 0x40, 0x80, 0xC0, 0xFF, bytes[pos] ^ 1] {
                let mut b = bytes.clone();
                b[pos] = v;
                fix_checksum(&mut b);
                match verify_fst(&b) {
                    Ok(()) => assert_eq!(exercise_caught(&b, &probes), Ok(()), "accepted patch {pos}={v}"),
                    Err(e) if fst_panics(&b, &probes) == Some(Ok(true)) => {
                        panicking.insert(reason(&e));
                    }
                    Err(_) => {}
                }
            }
        }
    }
    std::panic::set_hook(prev);
    // The consistency checks (Unsorted, Index, Len) never stand between fst and a panic.
    let mut guards = vec!["PackSize", "Root", "Target", "Truncated"];
    // Without overflow checks (release), fst's output sums wrap silently.
    if cfg!(debug_assertions) {
        guards.insert(0, "Overflow");
    }
    assert_eq!(panicking, guards.into_iter().map(String::from).collect(), "reasons for rejecting inputs fst panics on");
}

#[test]
fn random_mutants_are_safe() {
    let mut rng = fastrand::Rng::with_seed(42);
    let bases = [build_words(&arabic_words(30, 9), 1000, 10), build_words(&arabic_words(100, 11), u64::MAX / 2, 12)];
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut accepted = 0;
    for i in 0..4_000 {
        let base = &bases[i % bases.len()];
        let keys = fst::Map::new(&base[..]).unwrap().stream().into_byte_keys();
        let mut b = base.clone();
        mutate(&mut rng, &mut b);
        fix_checksum(&mut b);
        if let Err(FstDamage::Len { actual: Some(n), .. }) = verify_fst(&b) {
            let at = len_field(&b);
            set_u64(&mut b, at, n);
            fix_checksum(&mut b);
        }
        if verify_fst(&b).is_ok() {
            accepted += 1;
            let probes = probes(&keys, &mut rng);
            if let Err(msg) = exercise_caught(&b, &probes) {
                std::panic::set_hook(prev);
                panic!("accepted mutant {i} panics: {msg}");
            }
        }
    }
    std::panic::set_hook(prev);
    assert!(accepted > 100, "too few accepted mutants ({accepted}) to mean anything");
}

/// Arabic letters U+0621..U+064A plus a few diacritics, as UTF-8 (2 bytes each).
fn arabic_char(rng: &mut fastrand::Rng) -> char {
    if rng.u8(..10) == 0 {
        char::from_u32(rng.u32(0x064B..=0x0652)).unwrap()
    } else {
        char::from_u32(rng.u32(0x0621..=0x064A)).unwrap()
    }
}

/// `n` distinct Arabic-looking words built from a pool of shared stems, so
/// the fst has deep shared prefixes and suffixes like a real lexicon.
fn arabic_words(n: usize, seed: u64) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let word = |rng: &mut fastrand::Rng, len: usize| (0..len).map(|_| arabic_char(rng)).collect::<String>();
    let stems: Vec<String> = (0..(n / 8).max(1))
        .map(|_| {
            let len = rng.usize(2..6);
            word(&mut rng, len)
        })
        .collect();
    let affixes = ["ال", "و", "ب", "لل", "ف", ""];
    let mut words = std::collections::BTreeSet::new();
    while words.len() < n {
        let stem = &stems[rng.usize(..stems.len())];
        let pre = affixes[rng.usize(..affixes.len())];
        let len = rng.usize(0..3);
        let tail = word(&mut rng, len);
        words.insert(format!("{pre}{stem}{tail}"));
    }
    words.into_iter().collect()
}

/// Builds a map; keys need not be sorted or unique (the last output wins).
fn build(pairs: impl IntoIterator<Item = (Vec<u8>, u64)>) -> Vec<u8> {
    let sorted: std::collections::BTreeMap<Vec<u8>, u64> = pairs.into_iter().collect();
    let mut b = MapBuilder::memory();
    for (k, v) in sorted {
        b.insert(k, v).unwrap();
    }
    b.into_inner().unwrap()
}

fn build_words(words: &[String], max_out: u64, seed: u64) -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(seed);
    build(words.iter().map(|w| (w.as_bytes().to_vec(), rng.u64(..=max_out))))
}

/// fst's `CheckSummer::masked`: CRC-32C (Castagnoli) with Snappy's masking.
fn fst_checksum(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0x82F6_3B78 & (crc & 1).wrapping_neg());
        }
    }
    let sum = !crc;
    (sum.rotate_right(15)).wrapping_add(0xA282_EAD8)
}

/// Rewrites the trailing checksum as an attacker would, so `Fst::verify` passes.
fn fix_checksum(bytes: &mut [u8]) {
    if bytes.len() >= 4 {
        let n = bytes.len() - 4;
        let sum = fst_checksum(&bytes[..n]);
        bytes[n..].copy_from_slice(&sum.to_le_bytes());
    }
}

/// The variant name of a rejection, e.g. "Truncated".
fn reason(e: &FstDamage) -> String {
    format!("{e:?}").split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_owned()
}

/// Offset of the key-count field; versions below 3 have no checksum after it.
fn len_field(bytes: &[u8]) -> usize {
    let version = u64::from_le_bytes(bytes[..8].try_into().unwrap());
    bytes.len() - if version <= 2 { 16 } else { 20 }
}

fn set_u64(bytes: &mut [u8], at: usize, v: u64) {
    bytes[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

const INTERESTING: [u8; 18] =
    [0, 1, 2, 7, 8, 9, 0x0F, 0x10, 0x11, 0x1F, 0x20, 0x21, 0x40, 0x7F, 0x80, 0x88, 0xC0, 0xFF];

/// Applies 1..=3 random edits of the kinds a crafted file could contain.
fn mutate(rng: &mut fastrand::Rng, bytes: &mut Vec<u8>) {
    for _ in 0..rng.usize(1..=3) {
        let n = bytes.len();
        if n < 2 {
            bytes.push(rng.u8(..));
            continue;
        }
        // Mostly hit the node area, where fst's unchecked decoding lives.
        let pos = if n > 36 && rng.u8(..4) != 0 { rng.usize(16..n - 20) } else { rng.usize(..n) };
        match rng.u8(..13) {
            0 | 1 => bytes[pos] ^= 1 << rng.u8(..8),
            2 | 3 => bytes[pos] = rng.u8(..),
            4 | 5 => bytes[pos] = INTERESTING[rng.usize(..INTERESTING.len())],
            6 => bytes.truncate(pos),
            7 => {
                let ins: Vec<u8> = (0..rng.usize(1..9)).map(|_| rng.u8(..)).collect();
                bytes.splice(pos..pos, ins);
            }
            8 => {
                let end = (pos + rng.usize(1..9)).min(n);
                bytes.drain(pos..end);
            }
            9 => {
                let len = rng.usize(1..17).min(n - pos);
                let from = rng.usize(..=n - len);
                bytes.copy_within(from..from + len, pos);
            }
            10 if n >= 36 => {
                let v = [0, 1, n as u64 - 22, n as u64 - 21, n as u64, 1 << 32, u64::MAX, rng.u64(..n as u64)];
                set_u64(bytes, n - 12, v[rng.usize(..v.len())]);
            }
            11 if n >= 36 => {
                let v = [0, 1, 2, 1 << 32, u64::MAX, rng.u64(..1000)];
                set_u64(bytes, n - 20, v[rng.usize(..v.len())]);
            }
            12 if n >= 36 => {
                let v = rng.u64(0..=4);
                set_u64(bytes, 0, v);
                // Versions 1 and 2 have no checksum.
                if v < 3 && rng.bool() {
                    bytes.truncate(n.saturating_sub(4));
                }
            }
            _ => {}
        }
    }
}

/// A byte-level Levenshtein automaton, like Fahras's fuzzy matcher: its
/// states accept arbitrary bytes, not just UTF-8.
struct Lev<'a> {
    query: &'a [u8],
    dist: usize,
}

impl Automaton for Lev<'_> {
    type State = Option<Vec<usize>>;
    fn start(&self) -> Self::State {
        Some((0..=self.query.len()).collect())
    }
    fn is_match(&self, s: &Self::State) -> bool {
        s.as_ref().is_some_and(|row| row[self.query.len()] <= self.dist)
    }
    fn can_match(&self, s: &Self::State) -> bool {
        s.is_some()
    }
    fn accept(&self, s: &Self::State, b: u8) -> Self::State {
        let row = s.as_ref()?;
        let mut next = vec![row[0] + 1];
        for (i, &q) in self.query.iter().enumerate() {
            next.push((row[i] + (q != b) as usize).min(row[i + 1] + 1).min(next[i] + 1));
        }
        next.iter().any(|&d| d <= self.dist).then_some(next)
    }
}

/// Items taken from any one stream: crafted fsts can hold 2^64 keys.
const CAP: usize = 5_000;

fn drain(mut s: impl for<'a> Streamer<'a, Item = (&'a [u8], u64)>) {
    for _ in 0..CAP {
        if s.next().is_none() {
            break;
        }
    }
}

/// Every map operation Fahras performs, plus the consistency `verify_fst`
/// promises (sorted unique keys, `get` agrees with streams, honest `len`).
/// Panics if any of them does.
fn exercise(bytes: &[u8], probes: &[Vec<u8>]) {
    let map = Map::new(bytes).expect("verified bytes must open");
    let _ = map.as_fst().verify();
    let mut all = map.stream();
    let (mut n, mut last, mut sample) = (0, None::<Vec<u8>>, Vec::new());
    while let Some((k, v)) = all.next() {
        assert!(last.as_deref().is_none_or(|p| p < k), "inconsistent: keys out of order");
        last = Some(k.to_vec());
        if sample.len() < 200 {
            sample.push((k.to_vec(), v));
        }
        n += 1;
        if n == CAP {
            break;
        }
    }
    if n < CAP {
        assert_eq!(n, map.len(), "inconsistent: len disagrees with the stream");
    }
    for (k, v) in &sample {
        assert_eq!(map.get(k), Some(*v), "inconsistent: get disagrees with the stream");
    }
    for p in probes {
        let _ = map.get(p);
        let text = String::from_utf8_lossy(p);
        drain(map.search(Str::new(&text).starts_with()).into_stream());
        drain(map.search(Lev { query: p, dist: 1 }).into_stream());
        drain(map.range().ge(p).lt(b"\xD9\x80").into_stream());
        drain(map.range().gt(p).le([0xFF; 3]).into_stream());
        drain(map.range().ge(&p[..p.len() / 2]).into_stream());
    }
}

/// Runs [`exercise`], turning a panic into its message.
fn exercise_caught(bytes: &[u8], probes: &[Vec<u8>]) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| exercise(bytes, probes))).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

/// What fst does with bytes: `None` if `Map::new` refuses them, else
/// whether an operation panicked inside fst (as opposed to answering
/// inconsistently, which [`exercise`] also reports by panicking).
fn fst_panics(bytes: &[u8], probes: &[Vec<u8>]) -> Option<Result<bool, ()>> {
    fst::Map::new(bytes).ok()?;
    Some(match exercise_caught(bytes, probes) {
        Err(msg) if msg.contains("inconsistent:") => Err(()),
        result => Ok(result.is_err()),
    })
}

/// Query inputs: some keys of the base fst, their prefixes, and noise.
fn probes(keys: &[Vec<u8>], rng: &mut fastrand::Rng) -> Vec<Vec<u8>> {
    let mut out = vec![vec![], vec![0xFF; 4], vec![0]];
    for _ in 0..4 {
        if let Some(k) = keys.get(rng.usize(..keys.len().max(1))) {
            out.push(k.clone());
            out.push(k[..rng.usize(..=k.len())].to_vec());
        }
        out.push((0..rng.usize(..6)).map(|_| rng.u8(..)).collect());
    }
    out
}
