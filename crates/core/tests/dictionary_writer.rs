//! The dictionary writer against fst's own reader and builder: fst reads back
//! exactly what was written, every way the engine reads a dictionary; on sets
//! small enough for fst's bounded cache to forget nothing, the bytes are fst's
//! own; and on larger ones the automaton is minimal where fst's is not.

use fahras_core::format::dictionary::{MapWriter, OutOfOrder};
use fst::automaton::Str;
use fst::raw::Fst;
use fst::{Automaton, IntoStreamer, Map};
use std::collections::{HashMap, HashSet};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

type Pairs = Vec<(Vec<u8>, u64)>;

/// Builds `pairs` and checks fst reads back exactly them, every way the
/// engine reads a dictionary. Returns the bytes.
fn check(pairs: &[(Vec<u8>, u64)]) -> Vec<u8> {
    let bytes = build(pairs);
    assert_eq!(bytes, build(pairs), "output depends only on the input");
    let map = Map::new(bytes.clone()).expect("fst opens it");
    map.as_fst().verify().expect("checksum");
    assert_eq!(map.len(), pairs.len());
    for (k, v) in pairs {
        assert_eq!(map.get(k), Some(*v), "key {k:?}");
        let mut absent = k.clone();
        absent.push(0xFF);
        if pairs.binary_search_by(|(p, _)| p.as_slice().cmp(&absent)).is_err() {
            assert_eq!(map.get(&absent), None);
        }
    }
    assert_eq!(map.stream().into_byte_vec(), pairs);

    let filter = |keep: &dyn Fn(&[u8]) -> bool| -> Pairs { pairs.iter().filter(|(k, _)| keep(k)).cloned().collect() };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ pairs.len() as u64);
    let sample = |rng: &mut Rng| -> Vec<u8> {
        match pairs.len() {
            0 => b"x".to_vec(),
            n => {
                let mut k = pairs[rng.below(n as u64) as usize].0.clone();
                match rng.below(3) {
                    0 => k.truncate(rng.below(k.len() as u64 + 1) as usize),
                    1 => k.push(rng.below(256) as u8),
                    _ => {}
                }
                k
            }
        }
    };

    let mut prefixes = vec![String::new(), "zzz".to_owned(), "\u{0628}\u{0627}".to_owned()];
    for _ in 0..30 {
        let key = sample(&mut rng);
        if let Ok(s) = std::str::from_utf8(&key) {
            prefixes.push(s.to_owned());
            let chars = s.chars().count() as u64;
            prefixes.push(s.chars().take(rng.below(chars + 1) as usize).collect());
        }
    }
    for p in &prefixes {
        let got = map.search(Str::new(p).starts_with()).into_stream().into_byte_vec();
        assert_eq!(got, filter(&|k| k.starts_with(p.as_bytes())), "prefix {p:?}");
    }

    for _ in 0..30 {
        let (a, b) = (sample(&mut rng), sample(&mut rng));
        let got = map.range().ge(&a).lt(&b).into_stream().into_byte_vec();
        assert_eq!(got, filter(&|k| a.as_slice() <= k && k < b.as_slice()), "range {a:?}..{b:?}");
    }
    bytes
}

fn pairs_of(keys: &[&str], values: &[u64]) -> Pairs {
    keys.iter().zip(values.iter().cycle()).map(|(k, v)| (k.as_bytes().to_vec(), *v)).collect()
}

/// Small sets where fst's bounded cache forgets nothing: its output must
/// then be ours exactly, which pins every encoding and the header/footer.
fn check_same_as_fst(pairs: &[(Vec<u8>, u64)]) {
    assert_eq!(check(pairs), build_fst(pairs), "{pairs:?}");
}

#[test]
fn tiny_sets_match_fst_byte_for_byte() {
    check_same_as_fst(&[]);
    for v in [0, 1, 255, 256, 1 << 40, u64::MAX] {
        check_same_as_fst(&pairs_of(&[""], &[v]));
        check_same_as_fst(&pairs_of(&["a"], &[v]));
        check_same_as_fst(&pairs_of(&["", "a", "ab"], &[v, 0, v]));
        check_same_as_fst(&pairs_of(&["Q"], &[v])); // not a common input
    }
    let words = ["cat", "cats", "dog", "dogs", "hat", "hats", "mat", "mats", "matter"];
    for values in [&[0][..], &[7], &[5, 3, 9, 1], &[u64::MAX, 0, 1 << 33]] {
        check_same_as_fst(&pairs_of(&words, values));
        check_same_as_fst(&pairs_of(&["a", "ab", "abc", "abcd", "b", "bc", "bcd"], values));
        check_same_as_fst(&pairs_of(&["jumping", "running", "talking", "walking", "walks"], values));
    }
}

#[test]
fn wide_nodes_match_fst() {
    // 32/33 children straddle the transition index, 63/64 the count byte,
    // 256 the count written as 1.
    for n in [2u32, 32, 33, 63, 64, 255, 256] {
        let mut rng = Rng(u64::from(n));
        let pairs: Pairs = (0..n)
            .flat_map(|b| [vec![b as u8], vec![b as u8, b'x']])
            .map(|k| (k, if n % 2 == 0 { rng.below(1 << 20) } else { 0 }))
            .collect();
        check_same_as_fst(&pairs);
        let under: Pairs = pairs.iter().map(|(k, v)| ([b"k".as_slice(), k].concat(), *v)).collect();
        check_same_as_fst(&under);
    }
}

#[test]
fn every_input_byte_matches_fst() {
    // One-transition states fold 63 common bytes into the state byte.
    for b in 0..=255u8 {
        check_same_as_fst(&[(vec![b, b, b], 1)]);
    }
}

#[test]
fn random_arabic_words() {
    for seed in 1..=6u64 {
        let mut rng = Rng(seed);
        let mut words: Vec<String> = (0..3000).map(|_| rng.arabic_word()).collect();
        words.sort();
        words.dedup();
        let pairs: Pairs = words
            .into_iter()
            .map(|w| {
                let v = match seed {
                    1 => 0,
                    2 => rng.below(200),
                    3 => rng.next(),
                    4 => u64::MAX - rng.below(3),
                    5 => 42,
                    _ => rng.next() >> rng.below(64),
                };
                (w.into_bytes(), v)
            })
            .collect();
        let ours = check(&pairs);
        assert!(ours.len() <= build_fst(&pairs).len());
    }
}

/// Distinct nodes reachable from the root, and how many of them repeat
/// another's content (finality, final output, transitions to the same
/// addresses). With outputs pushed towards the root as fst pushes them, no
/// repeats means no two states are equivalent: the automaton is minimal.
fn node_census(bytes: &[u8]) -> (usize, usize) {
    let fst = Fst::new(bytes).unwrap();
    let mut seen = HashSet::new();
    let mut todo = vec![fst.root().addr()];
    let mut contents = HashMap::new();
    while let Some(addr) = todo.pop() {
        if !seen.insert(addr) {
            continue;
        }
        let node = fst.node(addr);
        let trans: Vec<_> = node.transitions().map(|t| (t.inp, t.out.value(), t.addr)).collect();
        todo.extend(trans.iter().map(|t| t.2));
        *contents.entry((node.is_final(), node.final_output().value(), trans)).or_insert(0) += 1;
    }
    (seen.len(), seen.len() - contents.len())
}

#[test]
fn automaton_is_minimal() {
    let mut rng = Rng(7);
    let mut words: Vec<String> = (0..20_000).map(|_| rng.arabic_word()).collect();
    words.sort();
    words.dedup();
    let random: Pairs = words.into_iter().map(|w| (w.into_bytes(), rng.below(1000))).collect();
    let (nodes, repeats) = node_census(&build(&random));
    let (fst_nodes, fst_repeats) = node_census(&build_fst(&random));
    assert_eq!(repeats, 0, "ours: {nodes} nodes");
    assert!(fst_repeats > 0 && nodes < fst_nodes, "fst's bounded cache repeats nodes: {fst_nodes}, {fst_repeats}");
}

#[test]
fn out_of_order_is_an_error_and_changes_nothing() {
    let mut w = MapWriter::new();
    w.insert(b"", 1).unwrap();
    assert_eq!(w.insert(b"", 2), Err(OutOfOrder { previous: vec![], got: vec![] }));
    w.insert(b"b", 2).unwrap();
    assert_eq!(w.insert(b"b", 3), Err(OutOfOrder { previous: b"b".to_vec(), got: b"b".to_vec() }));
    assert_eq!(w.insert(b"a", 3), Err(OutOfOrder { previous: b"b".to_vec(), got: b"a".to_vec() }));
    w.insert(b"c", 3).unwrap();
    assert_eq!(w.finish(), check(&pairs_of(&["", "b", "c"], &[1, 2, 3])));
}

#[test]
fn out_of_order_says_which_keys() {
    // A caller of `MapWriter` shows this error as its message: it must name both
    // keys, or whoever fed unsorted keys cannot tell where the order broke.
    let mut w = MapWriter::new();
    w.insert(b"b", 1).unwrap();
    let e = w.insert(b"a", 2).unwrap_err();
    assert_eq!(e.to_string(), "key [97] does not come after [98]");
}

/// xorshift64*: a fixed, seedable stream so test inputs never change.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// 1 to 10 letters from U+0621..=U+064A.
    fn arabic_word(&mut self) -> String {
        let len = 1 + self.below(10);
        (0..len).map(|_| char::from_u32(0x0621 + self.below(0x064A - 0x0621 + 1) as u32).unwrap()).collect()
    }
}

fn build(pairs: &[(Vec<u8>, u64)]) -> Vec<u8> {
    let mut w = MapWriter::new();
    for (k, v) in pairs {
        w.insert(k, *v).unwrap();
    }
    w.finish()
}

fn build_fst(pairs: &[(Vec<u8>, u64)]) -> Vec<u8> {
    let mut b = fst::MapBuilder::memory();
    for (k, v) in pairs {
        b.insert(k, *v).unwrap();
    }
    b.into_inner().unwrap()
}
