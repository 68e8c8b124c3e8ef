//! Arabic presentation forms (contextual glyph codes) back to the letters they show.
//!
//! This is NFKC restricted to U+FB50–U+FDFF and U+FE70–U+FEFF: text extracted from old
//! PDFs carries these codes, and a reader's query never does. Some ligatures expand
//! to several words (ﷺ → صلى الله عليه وسلم), so expansion happens before word
//! splitting.

mod table;

/// The letters a presentation-form character stands for, if it is one.
pub fn lookup(c: char) -> Option<&'static str> {
    let cp = u16::try_from(c as u32).ok()?;
    if !(0xFB50..=0xFEFF).contains(&cp) {
        return None;
    }
    table::TABLE.binary_search_by_key(&cp, |&(k, _)| k).ok().map(|i| table::TABLE[i].1)
}

/// Every character of `text` with presentation forms expanded.
pub fn expand(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(|c| {
        let (one, many) = match lookup(c) {
            Some(s) => (None, Some(s.chars())),
            None => (Some(c), None),
        };
        one.into_iter().chain(many.into_iter().flatten())
    })
}
