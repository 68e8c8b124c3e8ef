//! The engine as a WebAssembly module: one instance holds one index.
//!
//! Why one instance per index, and so a hand-written interface rather than
//! wasm-bindgen's: a WebAssembly trap (a bug, or memory running out) leaves the
//! instance in an undefined state (its stack pointer not restored, a lock still
//! held), and every later call into it is suspect. wasm-bindgen's glue keeps one
//! instance per page in module-level state, so one bad index would take every
//! engine on the page down with it. Here the JavaScript loader (`js/engine.js`)
//! gives each engine its own instance of the compiled module, drops an instance
//! that trapped and starts a fresh one; an instance costs about 330 KiB of memory
//! plus its index.
//!
//! The interface is a handful of exported functions over one input buffer and
//! one output buffer:
//! - `fahras_input(len)` returns where to write `len` bytes of input (a UTF-8
//!   query, or index bytes);
//! - each call reads that input and leaves JSON (or, when it returns non-zero, an
//!   error message) at `fahras_output_ptr()`, `fahras_output_len()`;
//! - a panic leaves its message at `fahras_panic_ptr()` (length-prefixed, u32
//!   LE) before the trap, where JavaScript can still read it.
//!
//! A split index opens from its root (`fahras_open`). A call that reaches parts
//! it does not have returns 2, with `{"need": [{kind, number, file}]}` as its
//! output; JavaScript fetches those parts, hands each to `fahras_add_part`, and
//! makes the call again, until it returns 0 (see the engine's `parts` module).
//!
//! The embedded index is either compiled in by `build.rs` or added to the
//! module's data after it was built, by `fahras build` (`js/embed.js`), which
//! fills in [`INDEX_SLOT`].

mod request;

use fahras_engine::{analyze, AnalyzedToken, Index, PartId, PartKind};
use serde::Serialize;
use std::cell::RefCell;

/// The index compiled in by `build.rs` (empty without `FAHRAS_CORPUS`).
static COMPILED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// Where an index added to the module's data lies: a marker that `js/embed.js`
/// looks for, then the index's address and length (u32 LE), zero until filled in.
#[used]
static INDEX_SLOT: [u8; 24] = *b"fahras index at:\0\0\0\0\0\0\0\0";
const SLOT_MARKER_LEN: usize = 16;

/// Bytes of a panic message kept for JavaScript to read after the trap.
const PANIC_CAPACITY: usize = 1024;

struct State {
    index: Option<Index>,
    input: Vec<u8>,
    output: Vec<u8>,
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State { index: None, input: Vec::new(), output: Vec::new() }) };
    static PANIC: RefCell<[u8; PANIC_CAPACITY + 4]> = const { RefCell::new([0; PANIC_CAPACITY + 4]) };
}

/// The index added to the module's data, if any.
fn injected_index() -> Option<&'static [u8]> {
    // Volatile: the slot is filled in after compilation, so its value must not
    // be folded into the code as the zeros it was compiled with.
    let slot = unsafe { std::ptr::read_volatile(std::ptr::addr_of!(INDEX_SLOT)) };
    let word = |at: usize| u32::from_le_bytes([slot[at], slot[at + 1], slot[at + 2], slot[at + 3]]) as usize;
    let (ptr, len) = (word(SLOT_MARKER_LEN), word(SLOT_MARKER_LEN + 4));
    // The data segment that holds the index initialized those bytes, and nothing
    // ever writes there: memory the allocator hands out lies above it.
    (len > 0).then(|| unsafe { std::slice::from_raw_parts(ptr as *const u8, len) })
}

fn set_output(output: Result<Vec<u8>, String>) -> u32 {
    STATE.with_borrow_mut(|s| match output {
        Ok(json) => {
            s.output = json;
            0
        }
        Err(message) => {
            s.output = message.into_bytes();
            1
        }
    })
}

fn json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    serde_json::to_vec(value).map_err(|e| e.to_string())
}

/// What a call that reached missing parts of a split index leaves as output.
#[derive(Serialize)]
struct Need {
    need: Vec<NeededPart>,
}

#[derive(Serialize)]
struct NeededPart {
    /// As `fahras_add_part` takes it.
    kind: u32,
    number: u32,
    file: String,
}

/// The status of a call that needs parts fetched first.
const NEEDS_PARTS: u32 = 2;

/// Runs `f` with the open index and the input as text. On a split index, a
/// call that reached missing parts answers with them instead (status 2).
fn with_index(f: impl FnOnce(&Index, &str) -> Result<Vec<u8>, String>) -> u32 {
    let mut missing = Vec::new();
    let result = STATE.with_borrow(|s| match &s.index {
        Some(index) => {
            index.take_missing_parts();
            let result = f(index, &String::from_utf8_lossy(&s.input));
            missing = index.take_missing_parts();
            let need = missing.iter().map(|&p| NeededPart {
                kind: p.kind as u32,
                number: p.number,
                file: index.part_file(p).unwrap_or_default(),
            });
            if missing.is_empty() {
                result
            } else {
                json(&Need { need: need.collect() })
            }
        }
        None => Err("no index is open".to_owned()),
    });
    match (missing.is_empty(), result) {
        (false, Ok(need)) => {
            set_output(Ok(need));
            NEEDS_PARTS
        }
        (_, result) => set_output(result),
    }
}

/// Adds part `number` of `kind` (0 postings, 1 words, 2 streams, 3 ids) of the
/// open split index, from the bytes written to the input; fails, naming the
/// part, if they are not that part of this build, whole.
#[no_mangle]
pub extern "C" fn fahras_add_part(kind: u32, number: u32) -> u32 {
    let result = STATE.with_borrow(|s| {
        let index = s.index.as_ref().ok_or("no index is open")?;
        let kind = PartKind::from_u32(kind).ok_or(format!("no kind of part numbered {kind}"))?;
        index.add_part(PartId { kind, number }, &s.input).map_err(|e| e.to_string())?;
        Ok(b"null".to_vec())
    });
    STATE.with_borrow_mut(|s| s.input = Vec::new());
    set_output(result)
}

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        let bytes = &message.as_bytes()[..message.len().min(PANIC_CAPACITY)];
        PANIC.with_borrow_mut(|p| {
            p[..4].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
            p[4..4 + bytes.len()].copy_from_slice(bytes);
        });
    }));
}

/// Where to write `len` bytes of input for the next call.
#[no_mangle]
pub extern "C" fn fahras_input(len: usize) -> *mut u8 {
    STATE.with_borrow_mut(|s| {
        s.input.clear();
        s.input.resize(len, 0);
        s.input.as_mut_ptr()
    })
}

#[no_mangle]
pub extern "C" fn fahras_output_ptr() -> *const u8 {
    STATE.with_borrow(|s| s.output.as_ptr())
}

#[no_mangle]
pub extern "C" fn fahras_output_len() -> usize {
    STATE.with_borrow(|s| s.output.len())
}

#[no_mangle]
pub extern "C" fn fahras_panic_ptr() -> *const u8 {
    PANIC.with_borrow(|p| p.as_ptr())
}

/// Opens the index written to the input (untrusted bytes: fully checked).
#[no_mangle]
pub extern "C" fn fahras_open() -> u32 {
    install_panic_hook();
    let bytes = STATE.with_borrow_mut(|s| std::mem::take(&mut s.input));
    open(Index::from_bytes(bytes))
}

/// Opens the index embedded in this module; fails if there is none.
#[no_mangle]
pub extern "C" fn fahras_open_embedded() -> u32 {
    install_panic_hook();
    let bytes = injected_index().or_else(|| (!COMPILED_INDEX.is_empty()).then_some(COMPILED_INDEX));
    match bytes {
        Some(bytes) => open(Index::from_static(bytes)),
        None => set_output(Err("this build of the engine carries no index: pass index bytes to load()".to_owned())),
    }
}

fn open(index: Result<Index, fahras_core::format::IndexError>) -> u32 {
    match index {
        Ok(index) => {
            let info = json(&index.info());
            STATE.with_borrow_mut(|s| s.index = Some(index));
            set_output(info)
        }
        Err(e) => set_output(Err(e.to_string())),
    }
}

/// `[{ id, title, url?, score, snippet: [{ text, hit }] }]`, best first.
#[no_mangle]
pub extern "C" fn fahras_search(limit: u32) -> u32 {
    with_index(|index, query| {
        #[cfg(feature = "trap-for-tests")]
        if query == TEST_TRAP_QUERY {
            panic!("deliberate trap for the isolation tests");
        }
        json(&index.search(query, limit as usize))
    })
}

/// `{ total, hits, facets }` for the request `{ q, limit?, offset?, filters?, sort? }`.
#[no_mangle]
pub extern "C" fn fahras_query() -> u32 {
    with_index(|index, input| {
        let (q, options) = request::query(input)?;
        #[cfg(feature = "trap-for-tests")]
        if q == TEST_TRAP_QUERY {
            panic!("deliberate trap for the isolation tests");
        }
        json(&index.query(&q, &options))
    })
}

/// `{ id, title, url?, text, meta, lang?, dir?, segments? }` for the request
/// `{ id, q? }` (segments only with `q`), or `null` when no document has that id.
#[no_mangle]
pub extern "C" fn fahras_document() -> u32 {
    with_index(|index, input| {
        let (id, q) = request::document(input)?;
        json(&index.view(&id, q.as_deref()))
    })
}

/// The query that makes a test build trap.
#[cfg(feature = "trap-for-tests")]
const TEST_TRAP_QUERY: &str = "fahras:trap";

/// Whole-query completions or corrections for what is being typed.
#[no_mangle]
pub extern "C" fn fahras_suggest(limit: u32) -> u32 {
    with_index(|index, prefix| json(&index.suggest(prefix, limit as usize)))
}

/// `{ documents, terms, stems, indexBytes, formatVersion, analyzerVersion }`.
#[no_mangle]
pub extern "C" fn fahras_info() -> u32 {
    with_index(|index, _| json(&index.info()))
}

/// The words of the input as the engine sees them, with `start`/`end` as UTF-16
/// offsets so that `text.slice(start, end)` works in JavaScript.
#[no_mangle]
pub extern "C" fn fahras_analyze() -> u32 {
    let result = STATE.with_borrow(|s| {
        let text = String::from_utf8_lossy(&s.input);
        // Tokens come in order, so one running count converts every offset.
        let (mut byte, mut unit) = (0, 0);
        let tokens: Vec<AnalyzedToken> = analyze(&text)
            .into_iter()
            .map(|mut t| {
                unit += utf16_len(&text[byte..t.start]);
                byte = t.start;
                t.start = unit;
                t.end = unit + utf16_len(&t.text);
                t
            })
            .collect();
        json(&tokens)
    });
    set_output(result)
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}
