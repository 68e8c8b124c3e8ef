//! Text from documents, made safe to print to a terminal.
//!
//! Document text comes from whoever wrote the corpus. Printed raw, an escape
//! sequence in it could move the cursor, rewrite the screen or set the window
//! title, and bidirectional controls could show a line in another order than the
//! one it has. Every such character is shown as its code instead (`\u{1b}`).

/// `text` with line breaks and tabs as spaces and every other control or
/// bidirectional formatting character escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped as [`escape`] does, but keeping its line breaks: a whole
/// document, as its paragraphs.
pub fn escape_lines(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("\n")
}

/// The embeddings, overrides and isolates; the marks (LRM, RLM, ALM) are harmless.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::{escape, escape_lines};

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(escape("عنوان\u{1b}[2J\u{7}"), "عنوان\\u{1b}[2J\\u{7}");
        assert_eq!(escape("a\u{9b}b\u{202E}c\u{2067}"), "a\\u{9b}b\\u{202e}c\\u{2067}");
        assert_eq!(escape("سطر\nثان\tوالرمز\u{200F}"), "سطر ثان والرمز\u{200F}");
        assert_eq!(escape_lines("سطر\r\nثان\u{1b}[2J\rثالث\n"), "سطر\nثان\\u{1b}[2J ثالث");
    }
}
