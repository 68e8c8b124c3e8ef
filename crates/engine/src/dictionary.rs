//! The term and stem dictionaries: one fst each in a whole index; in a split
//! index, ranges of keys fetched as parts (see [`fahras_core::format::split`]).
//!
//! Every query walks the dictionaries, but only near its own words: a lookup
//! reads the one part whose range holds the key, and a walk (completions,
//! corrections, rewrites) reads only the parts whose keys its automaton can
//! still accept, which it tells from the keys all of a part's keys share.

use crate::index::Index;
use fahras_core::format::split::{unpack, KeyRange, PartKind};
use fst::{Automaton, IntoStreamer, Streamer};

/// One of an index's dictionaries.
pub(crate) enum Dictionary<'a> {
    Whole(fst::Map<&'a [u8]>),
    Split(&'a Index, PartKind),
}

impl Dictionary<'_> {
    /// The value of `key` (a postings offset), if the dictionary has it.
    pub fn get<K: AsRef<[u8]>>(&self, key: K) -> Option<u64> {
        let key = key.as_ref();
        match self {
            Dictionary::Whole(map) => map.get(key),
            Dictionary::Split(index, kind) => {
                let n = index.parts.as_ref()?.root.dictionary_part(*kind, key)?;
                // A key between two parts' ranges is in neither: nothing to fetch.
                if key > self.ranges()[n].last.as_slice() {
                    return None;
                }
                let (bytes, _) = index.located_part(*kind, n)?;
                fst::Map::new(bytes).ok()?.get(key).map(|v| self.offset(v))
            }
        }
    }

    /// Number of keys.
    pub fn len(&self) -> u64 {
        match self {
            Dictionary::Whole(map) => map.len() as u64,
            Dictionary::Split(..) => self.ranges().iter().map(|r| u64::from(r.count)).sum(),
        }
    }

    /// Calls `f(key, offset, df)` for the first `limit` keys `aut` accepts, in
    /// key order. `df` comes with the key in a split term dictionary.
    pub fn search<A: Automaton>(&self, aut: A, limit: usize, mut f: impl FnMut(&[u8], u64, Option<u64>)) {
        let mut left = limit;
        let mut walk = |map: fst::Map<&[u8]>, left: &mut usize, packed: bool| {
            let mut stream = map.search(&aut).into_stream();
            while *left > 0 {
                let Some((key, value)) = stream.next() else { break };
                *left -= 1;
                match packed {
                    true => f(key, unpack(value).0, Some(unpack(value).1)),
                    false => f(key, value, None),
                }
            }
        };
        match self {
            Dictionary::Whole(map) => walk(map.clone(), &mut left, false),
            Dictionary::Split(index, kind) => {
                let ranges = self.ranges();
                for n in self.parts_reached(&aut) {
                    if left == 0 {
                        break;
                    }
                    let range = &ranges[n];
                    match index.located_part(*kind, n).and_then(|(bytes, _)| fst::Map::new(bytes).ok()) {
                        Some(map) => walk(map, &mut left, *kind == PartKind::Terms),
                        // Missing (and now asked for). When it accepts the part's
                        // first and last keys, a prefix accepts all between: they
                        // count as read, so that this run asks for no part past
                        // where the walk stops. Otherwise none are counted, and
                        // the parts after it are asked for too.
                        None if accepts(&aut, &range.first) && accepts(&aut, &range.last) => {
                            left = left.saturating_sub(range.count as usize)
                        }
                        None => {}
                    }
                }
            }
        }
    }

    /// The parts, in order, with a prefix `aut` can get through: the only ones
    /// that can hold keys it accepts.
    fn parts_reached<A: Automaton>(&self, aut: &A) -> Vec<usize> {
        let Dictionary::Split(index, kind) = self else { return Vec::new() };
        let Some(parts) = &index.parts else { return Vec::new() };
        let fst = parts.root.prefixes[*kind as usize - PartKind::Terms as usize].as_fst();
        // A walk of the map's nodes rather than an fst stream: a stream is code
        // of its own for every kind of automaton, and this map is small.
        let mut found = Vec::new();
        let mut stack = vec![(fst.root(), aut.start(), 0u64)];
        while let Some((node, state, out)) = stack.pop() {
            if !aut.can_match(&state) {
                continue;
            }
            if node.is_final() {
                found.push((out + node.final_output().value()) as usize);
            }
            for t in node.transitions() {
                stack.push((fst.node(t.addr), aut.accept(&state, t.inp), out + t.out.value()));
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    fn ranges(&self) -> &[KeyRange] {
        match self {
            Dictionary::Split(index, kind) => {
                index.parts.as_ref().map_or(&[], |p| &p.root.keys[*kind as usize - PartKind::Terms as usize][..])
            }
            Dictionary::Whole(_) => &[],
        }
    }

    fn offset(&self, value: u64) -> u64 {
        match self {
            Dictionary::Split(_, PartKind::Terms) => unpack(value).0,
            _ => value,
        }
    }
}

fn accepts<A: Automaton>(aut: &A, key: &[u8]) -> bool {
    let mut state = aut.start();
    for &byte in key {
        if !aut.can_match(&state) {
            return false;
        }
        state = aut.accept(&state, byte);
    }
    aut.is_match(&state)
}
