//! Automata that read characters, run over the dictionaries' UTF-8 byte keys.
//!
//! Typo tolerance, spelling variants and Latin transcription each compare a word
//! with dictionary keys letter by letter; this gathers each key's bytes into
//! characters once for all of them.

use fst::Automaton;

/// An automaton over characters.
pub trait CharAutomaton {
    type State: Clone;
    fn start(&self) -> Self::State;
    fn step(&self, state: &Self::State, c: char) -> Self::State;
    fn is_match(&self, state: &Self::State) -> bool;
    fn can_match(&self, state: &Self::State) -> bool;
}

/// A [`CharAutomaton`] as an [`fst::Automaton`] over UTF-8 bytes.
pub struct Utf8<A>(pub A);

/// A state, and the character whose bytes are still being read.
#[derive(Clone)]
pub struct Reading<S> {
    state: S,
    partial: u32,
    pending: u8,
}

impl<A: CharAutomaton> Automaton for Utf8<A> {
    type State = Reading<A::State>;

    fn start(&self) -> Self::State {
        Reading { state: self.0.start(), partial: 0, pending: 0 }
    }

    fn is_match(&self, r: &Self::State) -> bool {
        r.pending == 0 && self.0.is_match(&r.state)
    }

    fn can_match(&self, r: &Self::State) -> bool {
        self.0.can_match(&r.state)
    }

    fn accept(&self, r: &Self::State, byte: u8) -> Self::State {
        let (partial, pending) = match (r.pending, byte) {
            (0, 0x00..=0x7F) => (u32::from(byte), 0),
            (0, 0xC0..=0xDF) => (u32::from(byte & 0x1F), 1),
            (0, 0xE0..=0xEF) => (u32::from(byte & 0x0F), 2),
            (0, _) => (u32::from(byte & 0x07), 3),
            (p, _) => ((r.partial << 6) | u32::from(byte & 0x3F), p - 1),
        };
        if pending > 0 {
            return Reading { state: r.state.clone(), partial, pending };
        }
        let c = char::from_u32(partial).unwrap_or('\u{FFFD}');
        Reading { state: self.0.step(&r.state, c), partial: 0, pending: 0 }
    }
}
