//! What a built HTML page offers for search (Fahras's site mode).
//!
//! [`extract`] reads a page the way a browser would and keeps what a search index needs: the text a
//! reader sees, minus navigation and other chrome, the page's title candidates, and its metadata. The
//! rules, as site authors see them, are in the README ("Site mode: which parts of a page are indexed").
//!
//! Reading a built page as a browser would, keeping what search needs.
//!
//! The tokens go through a stack of open elements that follows the browsers' tree-building rules where
//! they decide which text belongs to which element: implied end tags (`<p>`, `<li>`, `<td>`…), end tags
//! that close the elements left open inside them, stray end tags that are ignored, raw-text elements,
//! and SVG/MathML. No tree is built: text goes straight to the outputs that the open elements allow,
//! so the work is linear in the input. Each element stacks a fixed-size record, and every question
//! about the stack ("is a `<p>` open in button scope?") is answered from the top record in constant
//! time, so no token costs more than a constant plus its own length.

mod elements;
mod entities;
mod tokenizer;

use std::collections::HashMap;

use elements::*;
use entities::{decode, decode_into};
use tokenizer::{Tag, Token, Tokenizer};

/// Elements that would open deeper than this are flattened: their start tags only separate text as their
/// kind does (a line for a `<div>`), their attributes are not read, their end tags find nothing to close,
/// and their text belongs to the deepest element that is open. Raw-text elements (`<script>`, `<style>`…)
/// still drop their content. Real pages stay far below; the cap bounds the stack on hostile ones.
pub const MAX_DEPTH: usize = 512;

/// Metadata values are cut to this many bytes (at a character boundary), and read from at most four
/// times as many bytes of their source: they are shown beside results, and without a bound, keys taking
/// the text of large elements, or one large attribute many times, would copy it again and again.
pub const MAX_META_VALUE: usize = 1024;

/// At most this many metadata pairs, and as many filter pairs, are kept per page (the first ones), so
/// that one attribute listing thousands of keys cannot make thousands of copies of an element's text.
pub const MAX_PAIRS: usize = 1024;

/// What a built HTML page offers for search.
///
/// Text fields hold lines joined with `\n`: block elements end lines, whitespace inside a line is
/// collapsed to single spaces, and empty lines are dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Text of the first `<h1>` outside skipped parts, on one line; an `<h1>` with no text does not count.
    pub h1: Option<String>,
    /// Text of the first `<title>` with text (not counting SVG titles), on one line.
    pub title: Option<String>,
    /// Text of the elements marked `data-fahras-body` (or `data-pagefind-body`), in document order;
    /// `None` when no element carries the mark, `Some("")` when marked elements hold no text.
    pub marked_body: Option<String>,
    /// Text of the first `<main>` outside skipped parts; `None` when there is none.
    pub main: Option<String>,
    /// All text outside skipped parts. Text outside `<body>` counts, as browsers move it into the body.
    pub body: String,
    /// Metadata in document order: `data-fahras-meta` / `data-pagefind-meta` pairs and known `<meta>` tags.
    /// Keys and values are trimmed and never empty; a key may repeat.
    pub meta: Vec<(String, String)>,
    /// Filter values in document order, from `data-fahras-filter` / `data-pagefind-filter`; a key may repeat.
    pub filters: Vec<(String, String)>,
    /// `lang` of the `<html>` element, trimmed, if given and not empty.
    pub lang: Option<String>,
    /// `dir` of the `<html>` element, trimmed, if given and not empty.
    pub dir: Option<String>,
}

/// Reads `html`. Any string is accepted: broken markup is read as browsers read it.
#[must_use]
pub fn extract(html: &str) -> Page {
    let mut tokens = Tokenizer::new(html);
    let mut page = Builder::new();
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(text) => page.text(text),
            Token::End(name) => page.end(&name),
            Token::Start(tag) => {
                if let Some(raw) = page.start(&tag) {
                    let content = match raw.end {
                        RawEnd::EndTag => tokens.raw_text(&tag.name),
                        RawEnd::Script => tokens.script_text(),
                        RawEnd::Never => tokens.rest(),
                    };
                    page.raw_content(content, raw);
                }
            }
        }
    }
    page.finish()
}

/// How the content of an element that holds raw text ends, and what it is.
#[derive(Clone, Copy)]
struct Raw {
    end: RawEnd,
    content: RawContent,
}

#[derive(Clone, Copy)]
enum RawEnd {
    EndTag,
    Script,
    /// `<plaintext>`: nothing ends it.
    Never,
}

#[derive(Clone, Copy)]
enum RawContent {
    Dropped,
    Title,
    Text { references: bool },
}

fn raw_kind(name: &str) -> Option<Raw> {
    let (end, content) = match name {
        "script" => (RawEnd::Script, RawContent::Dropped),
        // `<noscript>` holds raw text in browsers that run scripts, which are the ones readers use.
        "style" | "noscript" | "iframe" | "noembed" | "noframes" => (RawEnd::EndTag, RawContent::Dropped),
        "title" => (RawEnd::EndTag, RawContent::Title),
        "textarea" => (RawEnd::EndTag, RawContent::Text { references: true }),
        "xmp" => (RawEnd::EndTag, RawContent::Text { references: false }),
        "plaintext" => (RawEnd::Never, RawContent::Text { references: false }),
        _ => return None,
    };
    Some(Raw { end, content })
}

/// What separates text on either side of an element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    #[default]
    None,
    Space,
    Line,
}

fn sep_of(props: u32) -> Sep {
    if props & BLOCK != 0 {
        Sep::Line
    } else if props & CELL != 0 {
        Sep::Space
    } else {
        Sep::None
    }
}

/// One text output. Separators wait until the next visible character, so none leads, trails or doubles.
#[derive(Default)]
struct Sink {
    out: String,
    sep: Sep,
}

impl Sink {
    fn brk(&mut self, sep: Sep) {
        self.sep = self.sep.max(sep);
    }

    /// Appends text collapsed by [`collapse_into`].
    fn append(&mut self, lead: Sep, words: &str, trail: Sep) {
        if words.is_empty() {
            self.brk(trail);
            return;
        }
        self.brk(lead);
        if !self.out.is_empty() {
            match self.sep {
                Sep::None => {}
                Sep::Space => self.out.push(' '),
                Sep::Line => self.out.push('\n'),
            }
        }
        self.out.push_str(words);
        self.sep = trail;
    }

    fn one_line(self) -> String {
        self.out.replace('\n', " ")
    }
}

/// The length of the whitespace character (Unicode `White_Space`, as `char::is_whitespace`) starting at
/// `i`, or 0. Looking at bytes rather than decoding characters keeps the scan of Arabic text cheap.
fn space_at(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b'\t'..=b'\r' | b' ' => 1,
        // U+0085, U+00A0
        0xC2 => 2 * usize::from(matches!(bytes.get(i + 1), Some(0x85 | 0xA0))),
        // U+1680
        0xE1 => 3 * usize::from(bytes.get(i + 1..i + 3) == Some(&[0x9A, 0x80])),
        // U+2000..=U+200A, U+2028, U+2029, U+202F, U+205F
        0xE2 => match bytes.get(i + 1..i + 3) {
            Some([0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF] | [0x81, 0x9F]) => 3,
            _ => 0,
        },
        // U+3000
        0xE3 => 3 * usize::from(bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80])),
        _ => 0,
    }
}

/// Appends `text` to `out` (empty) with each run of whitespace made one separator: a space, or in `pre`
/// text a line break if the run has one. Returns the separators before the first word and after the last.
/// Collapsing once, then copying to each output, keeps the per-byte work independent of their number.
fn collapse_into(text: &str, pre: bool, out: &mut String) -> (Sep, Sep) {
    let bytes = text.as_bytes();
    let (mut lead, mut sep) = (Sep::None, Sep::None);
    let mut i = 0;
    while i < bytes.len() {
        let space = space_at(bytes, i);
        if space > 0 {
            let line = pre && matches!(bytes[i], b'\n' | b'\r');
            sep = sep.max(if line { Sep::Line } else { Sep::Space });
            i += space;
            continue;
        }
        let start = i;
        while i < bytes.len() && space_at(bytes, i) == 0 {
            i += 1;
        }
        if out.is_empty() {
            lead = sep;
        } else {
            out.push(if sep == Sep::Line { '\n' } else { ' ' });
        }
        sep = Sep::None;
        out.push_str(&text[start..i]);
    }
    (lead, sep)
}

/// Whitespace collapsed, cut to [`MAX_META_VALUE`] bytes, read from at most four times as many.
fn meta_value(s: &str) -> String {
    let mut end = s.len().min(4 * MAX_META_VALUE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::new();
    for word in s[..end].split_whitespace() {
        let room = MAX_META_VALUE.saturating_sub(out.len() + usize::from(!out.is_empty()));
        if room == 0 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let mut end = word.len().min(room);
        while !word.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&word[..end]);
    }
    out.truncate(out.trim_end().len());
    out
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

// State of an open element, as bits.
/// Its text is not page text: it or an ancestor is skipped.
const SKIPPED: u16 = 1;
/// Nothing inside counts, metadata included.
const EXCLUDED: u16 = 1 << 1;
/// An SVG or MathML element.
const FOREIGN: u16 = 1 << 2;
/// An SVG or MathML element whose children are HTML.
const INTEGRATION: u16 = 1 << 3;
const IN_PRE: u16 = 1 << 4;
const IN_MAIN: u16 = 1 << 5;
const IN_MARKED: u16 = 1 << 6;
const IN_H1: u16 = 1 << 7;
/// The `<h1>` being read as the page's first.
const FIRST_H1: u16 = 1 << 8;
const INHERITED: u16 = SKIPPED | EXCLUDED | IN_PRE | IN_MAIN | IN_MARKED | IN_H1;

// Each open element records, for each kind below, the position (1-based, 0 for none) of the nearest
// open element of that kind at or below it; the top record then answers scope questions at once.
const F_SPECIAL: usize = 0;
const F_SCOPE: usize = 1;
const F_BUTTON: usize = 2;
const F_LIST: usize = 3;
const F_TABLE: usize = 4;
const F_HEADING: usize = 5;
const F_ITEM: usize = 6;
/// An element that starts skipping (not one skipped only through an ancestor).
const F_SKIP: usize = 7;
/// An element whose text a metadata or filter key takes.
const F_CAPTURE: usize = 8;
const FLOORS: usize = 9;
const FLOOR_PROPS: [u32; 7] =
    [SPECIAL, SCOPE, SCOPE | BUTTON_SCOPE, SCOPE | LIST_SCOPE, TABLE_SCOPE, HEADING, ITEM_BARRIER];

/// The document itself, below every element: a boundary of every scope.
const ROOT_PROPS: u32 = SPECIAL | SCOPE | TABLE_SCOPE | ITEM_BARRIER;
const ROOT_ID: u32 = u32::MAX;

struct Frame {
    id: u32,
    props: u32,
    flags: u16,
    floors: [u16; FLOORS],
    capture: Option<Capture>,
}

/// Keys of an element that take its text, waiting for its end.
struct Capture {
    /// Where its text starts in the capture sink.
    start: usize,
    /// The sink's pending separator then, restored if its text is taken back out.
    sep: Sep,
    meta: Vec<usize>,
    filters: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ignore {
    Index,
    All,
}

/// The attributes that Fahras reads on any element, each first occurrence of a name.
#[derive(Default)]
struct Marks<'t> {
    hidden: bool,
    ignore: Option<Ignore>,
    body: bool,
    meta: [Option<&'t str>; 2],
    filter: [Option<&'t str>; 2],
}

impl<'t> Marks<'t> {
    fn read(tag: &'t Tag) -> Self {
        let mut hidden = None;
        let mut ignore = [None; 2];
        let mut marks = Marks::default();
        for (name, value) in &tag.attrs {
            if !name.starts_with(['d', 'h']) {
                continue;
            }
            let value = &**value;
            let slot = match &**name {
                "hidden" => &mut hidden,
                "data-fahras-ignore" => &mut ignore[0],
                "data-pagefind-ignore" => &mut ignore[1],
                "data-fahras-meta" => &mut marks.meta[0],
                "data-pagefind-meta" => &mut marks.meta[1],
                "data-fahras-filter" => &mut marks.filter[0],
                "data-pagefind-filter" => &mut marks.filter[1],
                "data-fahras-body" | "data-pagefind-body" => {
                    marks.body = true;
                    continue;
                }
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        // `hidden="until-found"` content is meant to be found by searching the page.
        marks.hidden = hidden.is_some_and(|v| !v.trim().eq_ignore_ascii_case("until-found"));
        // As in Pagefind, a value other than "index" is read as "all": excluding too much is the safer error.
        marks.ignore = ignore[0].or(ignore[1]).map(|v| match v.trim().to_ascii_lowercase().as_str() {
            "" | "index" | "true" => Ignore::Index,
            _ => Ignore::All,
        });
        marks
    }
}

/// One item of a `data-fahras-meta` or `data-fahras-filter` value.
enum Item<'s> {
    /// `key`: the element's text.
    Text(&'s str),
    /// `key[attribute]`.
    Attr(&'s str, String),
    /// `key:value`.
    Literal(&'s str, &'s str),
}

/// Items of a value, with Pagefind's grammar: comma-separated `key` and `key[attribute]` items, then
/// optionally a `key:value` item whose value runs to the end, commas included.
fn items(spec: &str) -> impl Iterator<Item = Item<'_>> {
    let (list, literal) = match spec.split_once(':') {
        Some((list, value)) => (list, Some(value)),
        None => (spec, None),
    };
    let (list, literal_key) = match literal {
        Some(value) => match list.rsplit_once(',') {
            Some((list, key)) => (Some(list), Some((key.trim(), value))),
            None => (None, Some((list.trim(), value))),
        },
        None => (Some(list), None),
    };
    let captures = list.into_iter().flat_map(|l| l.split(',')).filter_map(|item| {
        let item = item.trim();
        if !item.contains(['[', ']']) {
            return (!item.is_empty()).then_some(Item::Text(item));
        }
        // Brackets that do not make a `key[attribute]` item are a mistake, not a key.
        let (key, attr) = item.strip_suffix(']')?.split_once('[')?;
        let (key, attr) = (key.trim(), attr.trim());
        (!key.is_empty() && !attr.is_empty() && !key.contains(']')).then(|| Item::Attr(key, attr.to_ascii_lowercase()))
    });
    let literal = literal_key.filter(|(key, _)| !key.is_empty()).map(|(key, value)| Item::Literal(key, value));
    captures.chain(literal)
}

/// Standard `<meta name>` (or `property`) values that become metadata, and their keys.
fn meta_tag_key(tag: &Tag) -> Option<&'static str> {
    if let Some(name) = tag.attr("name") {
        let name = name.trim().to_ascii_lowercase();
        return ["date", "author", "description", "keywords", "category", "section", "publisher"]
            .into_iter()
            .find(|&k| k == name);
    }
    match tag.attr("property")?.trim() {
        "article:published_time" => Some("date"),
        "article:section" => Some("section"),
        "article:author" => Some("author"),
        _ => None,
    }
}

/// Which outputs the text at the current point goes to.
#[derive(Clone, Copy)]
struct Route {
    body: bool,
    main: bool,
    marked: bool,
    h1: bool,
    capture: bool,
    pre: bool,
}

impl Route {
    fn any(self) -> bool {
        self.body || self.capture
    }
}

struct Builder {
    stack: Vec<Frame>,
    /// Ids of the names not in [`ELEMENTS`], which follow those.
    ids: HashMap<Box<str>, u32>,
    /// By name id: positions of the open elements of that name, innermost last.
    open: Vec<Vec<u16>>,
    body: Sink,
    main: Sink,
    marked: Sink,
    h1: Sink,
    /// Text of the open elements whose text a key takes: each one's is a suffix, from its start.
    capture: Sink,
    /// Reused buffers: text with references decoded, then collapsed.
    scratch: String,
    words: String,
    h1_text: Option<String>,
    title: Option<String>,
    main_seen: bool,
    marked_seen: bool,
    html_seen: bool,
    head_seen: bool,
    body_seen: bool,
    /// Whether the element whose raw content is being read got a place on the stack.
    raw_pushed: bool,
    meta: Vec<(String, String)>,
    filters: Vec<(String, String)>,
    lang: Option<String>,
    dir: Option<String>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

impl Builder {
    fn new() -> Self {
        let mut floors = [0; FLOORS];
        for (floor, props) in floors.iter_mut().zip(FLOOR_PROPS) {
            *floor = u16::from(ROOT_PROPS & props != 0);
        }
        Builder {
            stack: vec![Frame { id: ROOT_ID, props: ROOT_PROPS, flags: 0, floors, capture: None }],
            ids: HashMap::new(),
            open: vec![Vec::new(); ELEMENTS.len()],
            body: Sink::default(),
            main: Sink::default(),
            marked: Sink::default(),
            h1: Sink::default(),
            capture: Sink::default(),
            scratch: String::new(),
            words: String::new(),
            h1_text: None,
            title: None,
            main_seen: false,
            marked_seen: false,
            html_seen: false,
            head_seen: false,
            body_seen: false,
            raw_pushed: false,
            meta: Vec::new(),
            filters: Vec::new(),
            lang: None,
            dir: None,
        }
    }

    fn top(&self) -> &Frame {
        &self.stack[self.stack.len() - 1]
    }

    fn in_foreign(&self) -> bool {
        self.top().flags & (FOREIGN | INTEGRATION) == FOREIGN
    }

    fn route(&self) -> Route {
        let top = self.top();
        let live = top.flags & SKIPPED == 0;
        let capture = top.floors[F_CAPTURE];
        Route {
            body: live,
            main: live && top.flags & IN_MAIN != 0,
            marked: live && top.flags & IN_MARKED != 0,
            h1: live && top.flags & IN_H1 != 0,
            // A key takes the text of its element minus the skipped elements inside it.
            capture: capture != 0 && capture >= top.floors[F_SKIP],
            pre: top.flags & IN_PRE != 0,
        }
    }

    /// Calls `f` on each output that `route` lets text into.
    fn each_sink(&mut self, route: Route, mut f: impl FnMut(&mut Sink)) {
        if route.body {
            f(&mut self.body);
        }
        if route.main {
            f(&mut self.main);
        }
        if route.marked {
            f(&mut self.marked);
        }
        if route.h1 {
            f(&mut self.h1);
        }
        if route.capture {
            f(&mut self.capture);
        }
    }

    fn brk(&mut self, sep: Sep) {
        if sep != Sep::None {
            let route = self.route();
            self.each_sink(route, |sink| sink.brk(sep));
        }
    }

    fn emit(&mut self, text: &str, references: bool) {
        let route = self.route();
        if !route.any() {
            return;
        }
        let mut decoded = std::mem::take(&mut self.scratch);
        let text = if references && text.contains('&') {
            decoded.clear();
            decode_into(text, false, &mut decoded);
            &decoded
        } else {
            text
        };
        let mut words = std::mem::take(&mut self.words);
        words.clear();
        let (lead, trail) = collapse_into(text, route.pre, &mut words);
        self.each_sink(route, |sink| sink.append(lead, &words, trail));
        self.scratch = decoded;
        self.words = words;
    }

    fn text(&mut self, text: &str) {
        if (!self.head_seen || self.top().props & HEAD != 0) && text.bytes().any(|b| !is_space(b)) {
            // Text ends the head, as in browsers: it is the start of the body.
            self.head_seen = true;
            if self.top().props & HEAD != 0 {
                self.pop();
            }
        }
        self.emit(text, true);
    }

    fn topmost(&self, id: u32) -> u16 {
        self.open[id as usize].last().copied().unwrap_or(0)
    }

    /// The id of a name not in [`ELEMENTS`], new if need be.
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.open.len() as u32;
        self.ids.insert(name.into(), id);
        self.open.push(Vec::new());
        id
    }

    /// Pops elements down to and including the one at `pos`.
    fn pop_to(&mut self, pos: u16) {
        while self.stack.len() >= usize::from(pos) {
            self.pop();
        }
    }

    /// Closes the innermost open element with one of the `ids` if it is above `floor`.
    fn close_above(&mut self, ids: &[u32], floor: u16) {
        let mut pos = 0;
        for &id in ids {
            pos = pos.max(self.topmost(id));
        }
        if pos > floor {
            self.pop_to(pos);
        }
    }

    fn start(&mut self, tag: &Tag) -> Option<Raw> {
        let (id, props) = match known(&tag.name) {
            Some((id, props)) => (Some(id), props),
            None => (None, 0),
        };
        match id {
            Some(el::HTML) => {
                if !self.html_seen {
                    self.html_seen = true;
                    self.lang = non_empty(tag.attr("lang"));
                    self.dir = non_empty(tag.attr("dir"));
                    self.adopt_root(tag);
                }
                return None;
            }
            Some(el::BODY) => {
                if self.top().props & HEAD != 0 {
                    self.pop();
                }
                self.head_seen = true;
                if !self.body_seen {
                    self.body_seen = true;
                    self.adopt_root(tag);
                }
                return None;
            }
            Some(el::HEAD) => {
                if !self.head_seen && self.stack.len() == 1 {
                    self.head_seen = true;
                    self.push(tag, id, props, 0);
                }
                return None;
            }
            _ => {}
        }
        self.head_seen = true;
        if self.top().props & HEAD != 0 && props & HEAD_CONTENT == 0 {
            self.pop();
        }
        if self.in_foreign() {
            if !breaks_out_of_foreign(tag) {
                self.open_foreign(tag, id);
                return None;
            }
            while self.in_foreign() {
                self.pop();
            }
        }
        if props & CLOSES_P != 0 {
            self.close_above(&[el::P], self.top().floors[F_BUTTON]);
        }
        let floors = self.top().floors;
        match id {
            _ if props & HEADING != 0 && self.top().props & HEADING != 0 => self.pop(),
            Some(el::LI) => self.close_above(&[el::LI], floors[F_ITEM]),
            Some(el::DD | el::DT) => self.close_above(&[el::DD, el::DT], floors[F_ITEM]),
            Some(el::TD | el::TH) => self.close_above(&[el::TD, el::TH], floors[F_TABLE]),
            Some(el::TR) => self.close_above(&[el::TR], floors[F_TABLE]),
            Some(el::TBODY | el::THEAD | el::TFOOT) => {
                self.close_above(&[el::TBODY, el::THEAD, el::TFOOT], floors[F_TABLE]);
            }
            // Links do not nest: a new one ends the open one.
            Some(el::A) => self.close_above(&[el::A], floors[F_SPECIAL]),
            Some(el::BUTTON) => self.close_above(&[el::BUTTON], floors[F_SCOPE]),
            Some(el::OPTION | el::OPTGROUP) if self.top().id == el::OPTION => self.pop(),
            Some(el::SVG | el::MATH) => {
                self.open_foreign(tag, id);
                return None;
            }
            _ => {}
        }
        if props & VOID != 0 {
            self.void(tag, id, props);
            return None;
        }
        // Self-closing syntax on an HTML element that is not void means nothing, as in browsers.
        self.raw_pushed = self.push(tag, id, props, 0);
        if props & RAW != 0 {
            raw_kind(&tag.name)
        } else {
            None
        }
    }

    fn open_foreign(&mut self, tag: &Tag, id: Option<u32>) {
        let integration = integration_point(&tag.name);
        let props = match id {
            // SVG text is labels of drawings and icons, not page text; MathML is content.
            Some(el::SVG) => SKIP,
            _ if integration => SPECIAL | SCOPE | ITEM_BARRIER,
            _ => 0,
        };
        if tag.self_closing {
            self.void(tag, id, props);
        } else {
            self.push(tag, id, props, if integration { FOREIGN | INTEGRATION } else { FOREIGN });
        }
    }

    /// An element with no content: it separates text and may carry metadata.
    fn void(&mut self, tag: &Tag, id: Option<u32>, props: u32) {
        self.brk(sep_of(props));
        if self.top().flags & EXCLUDED != 0 {
            return;
        }
        let marks = Marks::read(tag);
        if marks.ignore == Some(Ignore::All) {
            return;
        }
        self.pairs(tag, &marks, false);
        if id == Some(el::META) {
            if let (Some(key), Some(content)) = (meta_tag_key(tag), tag.attr("content")) {
                if self.meta.len() < MAX_PAIRS {
                    self.meta.push((key.to_string(), meta_value(content)));
                }
            }
        }
    }

    /// Records the metadata and filter pairs that `marks` give, and returns the slots of the keys that take
    /// the element's text (if `text` allows them: elements with content) for meta and filters.
    fn pairs(&mut self, tag: &Tag, marks: &Marks, text: bool) -> (Vec<usize>, Vec<usize>) {
        if marks.meta == [None; 2] && marks.filter == [None; 2] {
            return (Vec::new(), Vec::new());
        }
        let mut attrs: Option<HashMap<&str, &str>> = None;
        let mut attr = |name: &str| -> String {
            // One map per element, so that many `key[attr]` items cost no more than one.
            let attrs = attrs.get_or_insert_with(|| {
                let mut map = HashMap::new();
                for (n, v) in &tag.attrs {
                    map.entry(&**n).or_insert(&**v);
                }
                map
            });
            attrs.get(name).map_or(String::new(), |v| meta_value(v))
        };
        let mut slots = (Vec::new(), Vec::new());
        for (specs, pairs, text_keys) in
            [(&marks.meta, &mut self.meta, &mut slots.0), (&marks.filter, &mut self.filters, &mut slots.1)]
        {
            for item in specs.iter().flatten().flat_map(|spec| items(spec)) {
                if pairs.len() >= MAX_PAIRS {
                    break;
                }
                let (key, value) = match item {
                    Item::Text(key) if text => {
                        text_keys.push(pairs.len());
                        (key, String::new())
                    }
                    Item::Text(_) => continue,
                    Item::Attr(key, name) => (key, attr(&name)),
                    Item::Literal(key, value) => (key, meta_value(value)),
                };
                pairs.push((key.to_string(), value));
            }
        }
        slots
    }

    /// Opens an element (`id` is its known id, if any); `false` when it is beyond [`MAX_DEPTH`] and so
    /// flattened.
    fn push(&mut self, tag: &Tag, id: Option<u32>, props: u32, foreign: u16) -> bool {
        self.brk(sep_of(props));
        if self.stack.len() > MAX_DEPTH {
            return false;
        }
        let parent = self.top();
        let mut flags = parent.flags & INHERITED | foreign;
        let parent_floors = parent.floors;
        let marks = if flags & EXCLUDED != 0 { Marks::default() } else { Marks::read(tag) };
        if props & EXCLUDE != 0 || marks.ignore == Some(Ignore::All) {
            flags |= EXCLUDED;
        }
        let skips = props & (SKIP | EXCLUDE) != 0 || marks.hidden || marks.ignore.is_some();
        if skips {
            flags |= SKIPPED;
        }
        if props & PRE != 0 {
            flags |= IN_PRE;
        }
        let mut capture = None;
        if flags & EXCLUDED == 0 {
            if marks.body {
                self.marked_seen = true;
                flags |= IN_MARKED;
            }
            if flags & SKIPPED == 0 && foreign == 0 {
                if id == Some(el::MAIN) && !self.main_seen {
                    self.main_seen = true;
                    flags |= IN_MAIN;
                }
                if id == Some(el::H1) && self.h1_text.is_none() && flags & IN_H1 == 0 {
                    flags |= IN_H1 | FIRST_H1;
                }
            }
            let (meta, filters) = self.pairs(tag, &marks, true);
            if !meta.is_empty() || !filters.is_empty() {
                capture = Some(Capture { start: self.capture.out.len(), sep: self.capture.sep, meta, filters });
            }
        }

        let pos = (self.stack.len() + 1) as u16;
        let mut floors = parent_floors;
        for kind in 0..FLOOR_PROPS.len() {
            if props & FLOOR_PROPS[kind] != 0 {
                floors[kind] = pos;
            }
        }
        if skips {
            floors[F_SKIP] = pos;
        }
        if capture.is_some() {
            floors[F_CAPTURE] = pos;
        }
        let id = match id {
            Some(id) => id,
            None => self.intern(&tag.name),
        };
        self.open[id as usize].push(pos);
        self.stack.push(Frame { id, props, flags, floors, capture });
        true
    }

    /// Applies the attributes of `<html>` or `<body>` to the document. They usually come first, but when
    /// elements are already open, those take on the document's new state too.
    fn adopt_root(&mut self, tag: &Tag) {
        if self.stack[0].flags & EXCLUDED != 0 {
            return;
        }
        let marks = Marks::read(tag);
        let (mut flags, mut floors) = (0, [false; FLOORS]);
        if marks.ignore == Some(Ignore::All) {
            flags = EXCLUDED | SKIPPED;
            floors[F_SKIP] = true;
        } else {
            if marks.hidden || marks.ignore.is_some() {
                flags |= SKIPPED;
                floors[F_SKIP] = true;
            }
            if marks.body {
                flags |= IN_MARKED;
                self.marked_seen = true;
            }
            let (meta, filters) = self.pairs(tag, &marks, true);
            if !meta.is_empty() || !filters.is_empty() {
                floors[F_CAPTURE] = true;
                let (start, sep) = (self.capture.out.len(), self.capture.sep);
                let capture =
                    self.stack[0].capture.get_or_insert(Capture { start, sep, meta: vec![], filters: vec![] });
                capture.meta.extend(meta);
                capture.filters.extend(filters);
            }
        }
        for frame in &mut self.stack {
            frame.flags |= flags;
            for (floor, set) in frame.floors.iter_mut().zip(floors) {
                if set && *floor == 0 {
                    *floor = 1;
                }
            }
        }
    }

    fn raw_content(&mut self, content: &str, raw: Raw) {
        match raw.content {
            RawContent::Dropped => {}
            RawContent::Title => {
                if self.raw_pushed {
                    let top = self.top().flags;
                    if self.title.is_none() && top & EXCLUDED == 0 {
                        let title = decode(content, false).split_whitespace().collect::<Vec<_>>().join(" ");
                        self.title = Some(title).filter(|t| !t.is_empty());
                    }
                    self.emit(content, true);
                }
            }
            RawContent::Text { references } => self.emit(content, references),
        }
        if self.raw_pushed && !matches!(raw.end, RawEnd::Never) {
            self.pop();
        }
    }

    fn end(&mut self, name: &str) {
        let (id, props) = match known(name) {
            Some((id, props)) => (Some(id), props),
            None => (self.ids.get(name).copied(), 0),
        };
        let floors = self.top().floors;
        let floor = match id {
            // Content after these still belongs to the body, as in browsers, so nothing closes.
            Some(el::HTML | el::BODY) => return,
            // Browsers read `</br>` as `<br>`.
            Some(el::BR) => return self.brk(Sep::Line),
            // Any heading's end tag closes whichever heading is open.
            _ if props & HEADING != 0 => {
                let heading = floors[F_HEADING];
                if heading != 0 && heading >= floors[F_SCOPE] {
                    self.pop_to(heading);
                }
                return;
            }
            Some(el::P) => floors[F_BUTTON],
            Some(el::LI) => floors[F_LIST],
            Some(
                el::TD | el::TH | el::TR | el::TBODY | el::THEAD | el::TFOOT | el::TABLE | el::CAPTION | el::COLGROUP,
            ) => floors[F_TABLE],
            _ if props & SPECIAL != 0 => floors[F_SCOPE],
            // Any other end tag closes its element unless a special element opened since.
            _ => floors[F_SPECIAL],
        };
        let target = id.map_or(0, |id| self.topmost(id));
        if target != 0 && target >= floor {
            self.pop_to(target);
        } else if id == Some(el::P) {
            // Browsers read a `</p>` with no open `<p>` as `<p></p>`.
            self.brk(Sep::Line);
        }
    }

    fn pop(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        self.open[frame.id as usize].pop();
        if frame.flags & FIRST_H1 != 0 {
            let h1 = std::mem::take(&mut self.h1).one_line();
            self.h1_text = Some(h1).filter(|h| !h.is_empty());
        }
        if let Some(capture) = &frame.capture {
            self.fill(capture);
            let parent = self.top().floors[F_CAPTURE];
            if parent == 0 {
                self.capture.out.clear();
                self.capture.sep = Sep::None;
            } else if frame.floors[F_SKIP] > parent {
                // Skipped inside the enclosing capture, so its text is not part of that one's.
                self.capture.out.truncate(capture.start);
                self.capture.sep = capture.sep;
                // The document's capture can start later than this one, when `<body>` came late.
                if let Some(root) = &mut self.stack[0].capture {
                    root.start = root.start.min(capture.start);
                }
            }
        }
        self.brk(sep_of(frame.props));
    }

    /// Gives the keys of `capture` the text taken since it started.
    fn fill(&mut self, capture: &Capture) {
        let value = meta_value(&self.capture.out[capture.start..]);
        for &slot in &capture.meta {
            self.meta[slot].1.clone_from(&value);
        }
        for &slot in &capture.filters {
            self.filters[slot].1.clone_from(&value);
        }
    }

    fn finish(mut self) -> Page {
        while self.stack.len() > 1 {
            self.pop();
        }
        if let Some(capture) = self.stack.pop().and_then(|root| root.capture) {
            self.fill(&capture);
        }
        self.meta.retain(|(_, v)| !v.is_empty());
        self.filters.retain(|(_, v)| !v.is_empty());
        Page {
            h1: self.h1_text,
            title: self.title,
            marked_body: self.marked_seen.then_some(self.marked.out),
            main: self.main_seen.then_some(self.main.out),
            body: self.body.out,
            meta: self.meta,
            filters: self.filters,
            lang: self.lang,
            dir: self.dir,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_at_agrees_with_char_is_whitespace() {
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let expected = if c.is_whitespace() { bytes.len() } else { 0 };
            assert_eq!(space_at(bytes, 0), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn collapsing_keeps_words_and_reports_the_edges() {
        let collapse = |text: &str, pre: bool| {
            let mut out = String::new();
            let (lead, trail) = collapse_into(text, pre, &mut out);
            (lead, out, trail)
        };
        assert_eq!(collapse(" \u{a0}ال كتاب\t\n", false), (Sep::Space, "ال كتاب".into(), Sep::Space));
        assert_eq!(collapse("أ\n \nب ج", true), (Sep::None, "أ\nب ج".into(), Sep::None));
        assert_eq!(collapse("\n", true), (Sep::None, String::new(), Sep::Line));
        assert_eq!(collapse("", false), (Sep::None, String::new(), Sep::None));
    }

    #[test]
    fn meta_values_are_collapsed_and_cut_at_a_character() {
        assert_eq!(meta_value("  أ \n ب  "), "أ ب");
        let cut = meta_value(&"س".repeat(MAX_META_VALUE));
        assert_eq!(cut.len(), MAX_META_VALUE);
        let cut = meta_value(&format!("x{}", "س".repeat(MAX_META_VALUE)));
        assert_eq!(cut.len(), MAX_META_VALUE - 1);
    }

    fn parsed(spec: &str) -> Vec<String> {
        items(spec)
            .map(|item| match item {
                Item::Text(k) => format!("text {k}"),
                Item::Attr(k, a) => format!("attr {k} {a}"),
                Item::Literal(k, v) => format!("literal {k}={v}"),
            })
            .collect()
    }

    #[test]
    fn items_follow_pagefind_grammar() {
        assert_eq!(parsed("title"), ["text title"]);
        assert_eq!(parsed(" image [ SRC ] , image_alt[alt]"), ["attr image src", "attr image_alt alt"]);
        assert_eq!(parsed("date:2024-05-01"), ["literal date=2024-05-01"]);
        assert_eq!(parsed("a, b[c], d:x, y: z"), ["text a", "attr b c", "literal d=x, y: z"]);
        assert_eq!(parsed(":x"), Vec::<String>::new());
        assert_eq!(parsed(" , ,"), Vec::<String>::new());
        assert_eq!(parsed("[x], k[], a[b, b]c], ok"), ["text ok"]);
    }
}
