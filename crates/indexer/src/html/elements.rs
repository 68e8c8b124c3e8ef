//! What element names mean to the reader: which end lines, which are skipped, which bound the scopes
//! that end tags look in, following the HTML standard's tree-building rules where they decide which
//! text belongs to which element.

use super::tokenizer::Tag;

// What an element's name means to the reader, as bits.
pub(crate) const VOID: u32 = 1;
/// Ends a line before and after.
pub(crate) const BLOCK: u32 = 1 << 1;
/// A table cell: separated from its neighbours by a space.
pub(crate) const CELL: u32 = 1 << 2;
/// Its text is never page text.
pub(crate) const SKIP: u32 = 1 << 3;
/// Nothing inside counts, metadata included.
pub(crate) const EXCLUDE: u32 = 1 << 4;
/// The standard's "special" category: other elements' end tags do not close it.
pub(crate) const SPECIAL: u32 = 1 << 5;
/// Bounds the default scope: end tags do not reach past it.
pub(crate) const SCOPE: u32 = 1 << 6;
/// Also bounds the button scope (the one `<p>` is closed in).
pub(crate) const BUTTON_SCOPE: u32 = 1 << 7;
/// Also bounds the list item scope (the one `</li>` looks in).
pub(crate) const LIST_SCOPE: u32 = 1 << 8;
/// Bounds the table scope (cells and rows).
pub(crate) const TABLE_SCOPE: u32 = 1 << 9;
pub(crate) const HEADING: u32 = 1 << 10;
/// Stops a new `<li>`, `<dd>` or `<dt>` from closing an open one below it.
pub(crate) const ITEM_BARRIER: u32 = 1 << 11;
/// Its start tag closes an open `<p>`.
pub(crate) const CLOSES_P: u32 = 1 << 12;
/// May stay inside `<head>`; any other start tag ends the head.
pub(crate) const HEAD_CONTENT: u32 = 1 << 13;
pub(crate) const HEAD: u32 = 1 << 14;
/// Keeps its line breaks.
pub(crate) const PRE: u32 = 1 << 15;
/// Holds raw text, read by the tokenizer rather than parsed (`raw_kind` in `page.rs` says how).
pub(crate) const RAW: u32 = 1 << 16;

/// Special elements other than `address`, `div`, `p`, `li`, `dd` and `dt`, which do not stop a new list item
/// from closing the open one.
const SPEC: u32 = SPECIAL | ITEM_BARRIER;
/// Block containers whose start tag closes an open `<p>`.
const FLOW: u32 = BLOCK | SPEC | CLOSES_P;
const ITEM: u32 = BLOCK | SPECIAL | CLOSES_P;

/// Known element names; their index is their id. Names not listed are inline elements without special
/// parsing rules (custom elements too).
pub(crate) const ELEMENTS: [(&str, u32); 120] = [
    ("a", 0),
    ("abbr", 0),
    ("address", ITEM),
    ("applet", SPEC | SCOPE),
    ("area", VOID | SPEC),
    ("article", FLOW),
    ("aside", FLOW),
    // Their content is the fallback of browsers that cannot play or draw: never shown today.
    ("audio", SKIP),
    ("b", 0),
    ("base", VOID | SPEC | HEAD_CONTENT),
    ("basefont", VOID | SPEC | HEAD_CONTENT),
    ("bdi", 0),
    ("bdo", 0),
    ("bgsound", VOID | SPEC | HEAD_CONTENT),
    ("blockquote", FLOW),
    ("body", SPEC),
    ("br", VOID | BLOCK | SPEC),
    ("button", SPEC | BUTTON_SCOPE),
    ("canvas", SKIP),
    ("caption", BLOCK | SPEC | SCOPE),
    ("center", FLOW),
    ("cite", 0),
    ("code", 0),
    ("col", VOID | SPEC),
    ("colgroup", SPEC),
    ("data", 0),
    ("dd", ITEM),
    ("del", 0),
    ("details", FLOW),
    ("dfn", 0),
    ("dialog", FLOW),
    ("dir", FLOW),
    ("div", ITEM),
    ("dl", FLOW),
    ("dt", ITEM),
    ("em", 0),
    ("embed", VOID | SPEC),
    ("fieldset", FLOW),
    ("figcaption", FLOW),
    ("figure", FLOW),
    ("font", 0),
    ("footer", FLOW | SKIP),
    ("form", FLOW | SKIP),
    ("frame", VOID | SPEC),
    ("frameset", SPEC),
    ("h1", FLOW | HEADING),
    ("h2", FLOW | HEADING),
    ("h3", FLOW | HEADING),
    ("h4", FLOW | HEADING),
    ("h5", FLOW | HEADING),
    ("h6", FLOW | HEADING),
    ("head", SPEC | SKIP | HEAD),
    ("header", FLOW),
    ("hgroup", FLOW),
    ("hr", VOID | BLOCK | SPEC | CLOSES_P),
    ("html", SPEC | SCOPE | TABLE_SCOPE),
    ("i", 0),
    ("iframe", SPEC | SKIP | RAW),
    ("img", VOID | SPEC),
    ("input", VOID | SPEC),
    ("ins", 0),
    ("kbd", 0),
    ("keygen", VOID | SPEC),
    // Form labels, even outside forms, as in Pagefind: "Search", "Subscribe".
    ("label", SKIP),
    ("legend", BLOCK | SPEC),
    ("li", ITEM),
    ("link", VOID | SPEC | HEAD_CONTENT),
    ("listing", FLOW | PRE),
    ("main", FLOW),
    ("mark", 0),
    ("marquee", SPEC | SCOPE),
    ("math", 0),
    ("menu", FLOW),
    ("meta", VOID | SPEC | HEAD_CONTENT),
    ("nav", FLOW | SKIP),
    ("noembed", SPEC | SKIP | RAW),
    ("noframes", SPEC | SKIP | RAW),
    ("noscript", SPEC | SKIP | HEAD_CONTENT | RAW),
    ("object", SPEC | SCOPE),
    ("ol", FLOW | LIST_SCOPE),
    ("optgroup", BLOCK),
    ("option", BLOCK),
    ("p", ITEM),
    ("param", VOID | SPEC),
    ("picture", 0),
    ("plaintext", FLOW | PRE | RAW),
    ("pre", FLOW | PRE),
    ("q", 0),
    ("s", 0),
    ("script", SPEC | SKIP | HEAD_CONTENT | RAW),
    ("search", FLOW),
    ("section", FLOW),
    ("select", SPEC),
    ("small", 0),
    ("source", VOID | SPEC),
    ("span", 0),
    ("strong", 0),
    ("style", SPEC | SKIP | HEAD_CONTENT | RAW),
    ("sub", 0),
    ("summary", FLOW),
    ("sup", 0),
    ("svg", 0),
    ("table", FLOW | SCOPE | TABLE_SCOPE),
    ("tbody", SPEC),
    ("td", CELL | SPEC | SCOPE),
    ("template", SPEC | SKIP | EXCLUDE | SCOPE | TABLE_SCOPE | HEAD_CONTENT),
    ("textarea", SPEC | PRE | RAW),
    ("tfoot", SPEC),
    ("th", CELL | SPEC | SCOPE),
    ("thead", SPEC),
    ("time", 0),
    ("title", SPEC | SKIP | HEAD_CONTENT | RAW),
    ("tr", BLOCK | SPEC),
    ("track", VOID | SPEC),
    ("u", 0),
    ("ul", FLOW | LIST_SCOPE),
    ("var", 0),
    ("video", SKIP),
    ("wbr", VOID | SPEC),
    ("xmp", FLOW | PRE | RAW),
];

const INDEX_SIZE: usize = 512;

/// Where a name's search starts in [`INDEX`]: a fixed hash of a few bytes, cheap to compute. The table is
/// fixed, so no input can make a lookup probe more than the longest run of taken slots it has.
const fn slot(name: &[u8]) -> usize {
    match name.len() {
        0 => 0,
        len => {
            (len * 7 + name[0] as usize * 131 + name[len / 2] as usize * 29 + name[len - 1] as usize * 17) % INDEX_SIZE
        }
    }
}

/// Ids of [`ELEMENTS`] by [`slot`], with linear probing; `u8::MAX` marks a free slot.
const INDEX: [u8; INDEX_SIZE] = {
    let mut index = [u8::MAX; INDEX_SIZE];
    let mut id = 0;
    while id < ELEMENTS.len() {
        let mut at = slot(ELEMENTS[id].0.as_bytes());
        while index[at] != u8::MAX {
            at = (at + 1) % INDEX_SIZE;
        }
        index[at] = id as u8;
        id += 1;
    }
    index
};

/// The id and properties of a known element name. Hashing known names this way, rather than with the
/// map that unknown names go to, keeps the common case cheap.
pub(crate) fn known(name: &str) -> Option<(u32, u32)> {
    let mut at = slot(name.as_bytes());
    loop {
        let id = INDEX[at] as usize;
        let (known, props) = *ELEMENTS.get(id)?;
        if known == name {
            return Some((id as u32, props));
        }
        at = (at + 1) % INDEX_SIZE;
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The id of a name in [`ELEMENTS`], for the constants below.
const fn id(name: &str) -> u32 {
    let mut at = slot(name.as_bytes());
    loop {
        let id = INDEX[at] as usize;
        assert!(id < ELEMENTS.len(), "not in ELEMENTS");
        if same(ELEMENTS[id].0.as_bytes(), name.as_bytes()) {
            return id as u32;
        }
        at = (at + 1) % INDEX_SIZE;
    }
}

/// Ids of the elements with rules of their own.
pub(crate) mod el {
    use super::id;
    pub const A: u32 = id("a");
    pub const BODY: u32 = id("body");
    pub const BR: u32 = id("br");
    pub const BUTTON: u32 = id("button");
    pub const CAPTION: u32 = id("caption");
    pub const COLGROUP: u32 = id("colgroup");
    pub const DD: u32 = id("dd");
    pub const DT: u32 = id("dt");
    pub const H1: u32 = id("h1");
    pub const HEAD: u32 = id("head");
    pub const HTML: u32 = id("html");
    pub const LI: u32 = id("li");
    pub const MAIN: u32 = id("main");
    pub const MATH: u32 = id("math");
    pub const META: u32 = id("meta");
    pub const OPTGROUP: u32 = id("optgroup");
    pub const OPTION: u32 = id("option");
    pub const P: u32 = id("p");
    pub const SVG: u32 = id("svg");
    pub const TABLE: u32 = id("table");
    pub const TBODY: u32 = id("tbody");
    pub const TD: u32 = id("td");
    pub const TFOOT: u32 = id("tfoot");
    pub const TH: u32 = id("th");
    pub const THEAD: u32 = id("thead");
    pub const TR: u32 = id("tr");
}

/// SVG and MathML elements whose content is HTML again.
pub(crate) fn integration_point(name: &str) -> bool {
    matches!(name, "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml")
}

/// HTML elements that end SVG or MathML left open, as in browsers (`<svg><p>` puts the `<p>` after the `<svg>`).
pub(crate) fn breaks_out_of_foreign(tag: &Tag) -> bool {
    match &*tag.name {
        "b" | "big" | "blockquote" | "body" | "br" | "center" | "code" | "dd" | "div" | "dl" | "dt" | "em"
        | "embed" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "hr" | "i" | "img" | "li" | "listing"
        | "menu" | "meta" | "nobr" | "ol" | "p" | "pre" | "ruby" | "s" | "small" | "span" | "strong" | "strike"
        | "sub" | "sup" | "table" | "tt" | "u" | "ul" | "var" => true,
        "font" => tag.attrs.iter().any(|(n, _)| matches!(&**n, "color" | "face" | "size")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_name_is_found_and_no_other() {
        for (id, (name, props)) in ELEMENTS.iter().enumerate() {
            assert_eq!(known(name), Some((id as u32, *props)), "{name}");
        }
        for name in ["", "x", "custom-el", "DIV", "divx", "h7", "foreignobject", "\u{627}"] {
            assert_eq!(known(name), None, "{name}");
        }
    }
}
