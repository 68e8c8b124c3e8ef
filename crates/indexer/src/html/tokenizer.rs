//! HTML split into text, start tags and end tags, as browsers' tokenizers split it.
//!
//! One forward pass: every byte is looked at a bounded number of times, whatever the markup, so broken
//! or hostile input costs no more than clean input of the same size. Comments, doctypes, CDATA sections
//! and processing instructions are consumed and never reported. Markup that ends with the input (an
//! open tag, comment or quoted attribute) is dropped, as browsers drop it; the text before it stays.
//!
//! Which elements hold raw text (`<script>`, `<style>`, `<title>`…) is the tree builder's business,
//! because inside `<svg>` the same names are ordinary elements: it asks for their content with
//! [`Tokenizer::raw_text`], [`Tokenizer::script_text`] or [`Tokenizer::rest`] after their start tag.

use std::borrow::Cow;

use super::entities::decode;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Text as written: character references are still to be decoded.
    Text(&'a str),
    Start(Tag<'a>),
    /// The lowercased name of an end tag.
    End(Cow<'a, str>),
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Tag<'a> {
    /// Lowercased.
    pub name: Cow<'a, str>,
    /// Lowercased names and decoded values, in source order, repeats included: the first of a name is
    /// the one that counts, as in browsers.
    pub attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub self_closing: bool,
}

impl Tag<'_> {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| &**v)
    }
}

pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn attribute_value(s: &str) -> Cow<'_, str> {
    if s.contains('&') {
        Cow::Owned(decode(s, true))
    } else {
        Cow::Borrowed(s)
    }
}

// The scans below are plain loops, and single-byte searches go through `str::find`, whose `memchr` is
// precompiled: both stay fast in unoptimized builds, where the tests run on megabytes of hostile input.

/// The first `c` (ASCII) at or after `from`, which must be a character boundary.
fn find_char(src: &str, from: usize, c: char) -> Option<usize> {
    src[from..].find(c).map(|i| from + i)
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b'\t' | b'\n' | b'\x0C' | b'\r' | b' ') {
        i += 1;
    }
    i
}

/// The end of a tag name.
fn tag_name_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && !matches!(bytes[i], b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>') {
        i += 1;
    }
    i
}

/// The end of an attribute name.
fn attr_name_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && !matches!(bytes[i], b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>' | b'=') {
        i += 1;
    }
    i
}

/// The end of an unquoted attribute value.
fn unquoted_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && !matches!(bytes[i], b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'>') {
        i += 1;
    }
    i
}

/// Whether the `<` at `i` opens markup; any other `<` is text (`a < b`).
fn opens_markup(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i + 1) {
        Some(b) if b.is_ascii_alphabetic() => true,
        Some(b'!' | b'?') => true,
        // `</` at the very end is text; `</>` and `</ x>` are markup that shows nothing.
        Some(b'/') => i + 2 < bytes.len(),
        _ => false,
    }
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// The tag whose name starts at `i`: its name, attributes (if `keep_attrs`) and self-closing flag.
    /// Moves past it; `None` when the input ends inside it.
    fn tag(&mut self, mut i: usize, keep_attrs: bool) -> Option<Tag<'a>> {
        let (src, bytes) = (self.src, self.bytes());
        self.pos = bytes.len();
        let name = &src[i..tag_name_end(bytes, i)];
        // Lowercased only once complete: a tag cut off by the end of input costs one scan.
        let tag = |attrs, self_closing| Some(Tag { name: lowercase(name), attrs, self_closing });
        let mut attrs = Vec::new();
        i += name.len();
        loop {
            i = skip_spaces(bytes, i);
            match bytes.get(i) {
                None => return None,
                Some(b'>') => {
                    self.pos = i + 1;
                    return tag(attrs, false);
                }
                Some(b'/') => {
                    i += 1;
                    if bytes.get(i) == Some(&b'>') {
                        self.pos = i + 1;
                        return tag(attrs, true);
                    }
                }
                Some(_) => {
                    // A leading `=` belongs to the name (`<p =x>`), as in browsers.
                    let name_end = attr_name_end(bytes, i + 1);
                    let attr = &src[i..name_end];
                    i = skip_spaces(bytes, name_end);
                    let mut value = "";
                    if bytes.get(i) == Some(&b'=') {
                        i = skip_spaces(bytes, i + 1);
                        match bytes.get(i) {
                            Some(&q @ (b'"' | b'\'')) => {
                                let close = find_char(src, i + 1, char::from(q))?;
                                value = &src[i + 1..close];
                                i = close + 1;
                            }
                            Some(b'>') | None => {}
                            Some(_) => {
                                let end = unquoted_end(bytes, i);
                                value = &src[i..end];
                                i = end;
                            }
                        }
                    }
                    if keep_attrs {
                        attrs.push((lowercase(attr), attribute_value(value)));
                    }
                }
            }
        }
    }

    /// Moves past a bogus comment (`<!doctype …>`, `<?…>`, `</ …>`): up to the next `>`, or the end.
    fn skip_bogus_comment(&mut self, from: usize) {
        self.pos = find_char(self.src, from, '>').map_or(self.src.len(), |gt| gt + 1);
    }

    /// `<!--` at `self.pos`: moves past its end, `-->` or the `--!>` browsers also accept.
    fn skip_comment(&mut self) {
        let bytes = self.bytes();
        let body = self.pos + 4;
        let mut i = body;
        while let Some(gt) = find_char(self.src, i, '>') {
            let closes = gt == body // `<!-->`
                || (gt == body + 1 && bytes[body] == b'-') // `<!--->`
                || (gt >= body + 2 && &bytes[gt - 2..gt] == b"--")
                || (gt >= body + 3 && &bytes[gt - 3..gt] == b"--!");
            if closes {
                self.pos = gt + 1;
                return;
            }
            i = gt + 1;
        }
        self.pos = bytes.len();
    }

    /// Content of a raw-text or escapable raw-text element (`<style>`, `<title>`…) whose start tag was just
    /// read: everything up to `</name` followed by a space, `/` or `>`, in any case. Moves past that end
    /// tag; with none, the content runs to the end of the input.
    pub fn raw_text(&mut self, name: &str) -> &'a str {
        let (src, bytes) = (self.src, self.bytes());
        let start = self.pos;
        let mut from = start;
        while let Some(i) = find_char(src, from, '<') {
            if self.closes(i, name) {
                self.tag(i + 2, false);
                return &src[start..i];
            }
            from = i + 1;
        }
        self.pos = bytes.len();
        &src[start..]
    }

    /// Whether `</name` followed by a space, `/` or `>` starts at `i`.
    fn closes(&self, i: usize, name: &str) -> bool {
        let bytes = self.bytes();
        let after = i + 2 + name.len();
        bytes.get(i + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes.get(after).is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
    }

    /// Content of a `<script>`, with the end browsers find: the first `</script>`, even inside a string,
    /// except within the legacy `<!-- <script> … </script> -->` escape where a nested pair does not end it.
    pub fn script_text(&mut self) -> &'a str {
        #[derive(PartialEq)]
        enum State {
            Data,
            Escaped,
            DoubleEscaped,
        }
        let (src, bytes) = (self.src, self.bytes());
        let start = self.pos;
        let mut state = State::Data;
        let mut dashes = 0;
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'<' => {
                    dashes = 0;
                    if state == State::Data && bytes[i + 1..].starts_with(b"!--") {
                        state = State::Escaped;
                        dashes = 2;
                        i += 4;
                        continue;
                    }
                    if self.closes(i, "script") {
                        if state == State::DoubleEscaped {
                            state = State::Escaped;
                            i += 8;
                            continue;
                        }
                        self.tag(i + 2, false);
                        return &src[start..i];
                    }
                    let opens = bytes.get(i + 1..i + 7).is_some_and(|n| n.eq_ignore_ascii_case(b"script"))
                        && bytes.get(i + 7).is_some_and(|&b| is_space(b) || b == b'/' || b == b'>');
                    if state == State::Escaped && opens {
                        state = State::DoubleEscaped;
                        i += 7;
                        continue;
                    }
                }
                b'-' => dashes += 1,
                b'>' if dashes >= 2 => {
                    state = State::Data;
                    dashes = 0;
                }
                _ => dashes = 0,
            }
            i += 1;
        }
        self.pos = bytes.len();
        &src[start..]
    }

    /// Everything left (the content of `<plaintext>`, which no tag ends).
    pub fn rest(&mut self) -> &'a str {
        let rest = &self.src[self.pos..];
        self.pos = self.src.len();
        rest
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.bytes();
        while self.pos < bytes.len() {
            let at = self.pos;
            if bytes[at] != b'<' || !opens_markup(bytes, at) {
                // From `at` itself unless it is a `<`: `at + 1` may be inside a character.
                let mut end = if bytes[at] == b'<' { at + 1 } else { at };
                loop {
                    match find_char(self.src, end, '<') {
                        Some(lt) if opens_markup(bytes, lt) => break end = lt,
                        Some(lt) => end = lt + 1,
                        None => break end = bytes.len(),
                    }
                }
                self.pos = end;
                return Some(Token::Text(&self.src[at..end]));
            }
            match bytes[at + 1] {
                b'/' => match bytes[at + 2] {
                    b if b.is_ascii_alphabetic() => {
                        if let Some(tag) = self.tag(at + 2, false) {
                            return Some(Token::End(tag.name));
                        }
                    }
                    b'>' => self.pos = at + 3,
                    _ => self.skip_bogus_comment(at + 2),
                },
                b'!' if bytes[at + 2..].starts_with(b"--") => {
                    self.skip_comment();
                }
                b'!' if bytes[at + 2..].starts_with(b"[CDATA[") => {
                    self.pos = self.src[at + 9..].find("]]>").map_or(bytes.len(), |i| at + 9 + i + 3);
                }
                b'!' | b'?' => self.skip_bogus_comment(at + 2),
                _ => {
                    if let Some(tag) = self.tag(at + 1, true) {
                        return Some(Token::Start(tag));
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<String> {
        Tokenizer::new(s)
            .map(|t| match t {
                Token::Text(t) => format!("T({t})"),
                Token::End(n) => format!("E({n})"),
                Token::Start(tag) => {
                    let attrs: Vec<String> = tag.attrs.iter().map(|(n, v)| format!(" {n}={v}")).collect();
                    let slash = if tag.self_closing { "/" } else { "" };
                    format!("S({}{}{slash})", tag.name, attrs.concat())
                }
            })
            .collect()
    }

    #[test]
    fn tags_text_and_case() {
        assert_eq!(tokens("<P>نص</p>"), ["S(p)", "T(نص)", "E(p)"]);
        assert_eq!(tokens("<DIV Class=X>"), ["S(div class=X)"]);
    }

    #[test]
    fn attribute_forms() {
        assert_eq!(
            tokens(r#"<a href=/x?a=1&b=2 title='قال "لا"' data-x="1" hidden checked=>"#),
            ["S(a href=/x?a=1&b=2 title=قال \"لا\" data-x=1 hidden= checked=)"]
        );
        assert_eq!(tokens("<a b='1'c=\"2\"d>"), ["S(a b=1 c=2 d=)"]);
        assert_eq!(tokens("<a =b x = y>"), ["S(a =b= x=y)"]);
        assert_eq!(tokens("<img src=a.png/>"), ["S(img src=a.png/)"]);
        assert_eq!(tokens("<br/><br / ><p/x>"), ["S(br/)", "S(br)", "S(p x=)"]);
    }

    #[test]
    fn attribute_values_are_decoded() {
        assert_eq!(tokens("<a title='&laquo;س&raquo;' href='?a&copy=1'>"), ["S(a title=«س» href=?a&copy=1)"]);
    }

    #[test]
    fn less_than_that_opens_no_tag_is_text() {
        assert_eq!(tokens("a < b <3 <> <"), ["T(a < b <3 <> <)"]);
        assert_eq!(tokens("x </"), ["T(x </)"]);
        assert_eq!(tokens("x <<b>y"), ["T(x <)", "S(b)", "T(y)"]);
    }

    #[test]
    fn comments_doctype_cdata_and_instructions_vanish() {
        assert_eq!(
            tokens("<!DOCTYPE html>a<!-- x > y -->b<!---->c<!-->d<!--->e<?xml v?>f<![CDATA[<p>]]>g<!x>h--!>"),
            ["T(a)", "T(b)", "T(c)", "T(d)", "T(e)", "T(f)", "T(g)", "T(h--!>)"]
        );
        assert_eq!(tokens("a<!-- x --!>b</>c</ x>d"), ["T(a)", "T(b)", "T(c)", "T(d)"]);
    }

    #[test]
    fn markup_cut_off_by_the_end_of_input_is_dropped() {
        assert_eq!(tokens("نص <b"), ["T(نص )"]);
        assert_eq!(tokens("نص <a href='x>y"), ["T(نص )"]);
        assert_eq!(tokens("نص <!-- x"), ["T(نص )"]);
        assert_eq!(tokens("نص </b"), ["T(نص )"]);
        assert_eq!(tokens("نص <![CDATA[ x"), ["T(نص )"]);
    }

    #[test]
    fn end_tags_drop_attributes() {
        assert_eq!(tokens("</DIV class=x>"), ["E(div)"]);
    }

    #[test]
    fn raw_text_runs_to_its_own_end_tag() {
        let mut t = Tokenizer::new("<style>a</b>c</STYLEx></Style >d");
        assert!(matches!(t.next(), Some(Token::Start(_))));
        assert_eq!(t.raw_text("style"), "a</b>c</STYLEx>");
        assert_eq!(t.next(), Some(Token::Text("d")));

        let mut t = Tokenizer::new("<title>x <b>never closed");
        t.next();
        assert_eq!(t.raw_text("title"), "x <b>never closed");
        assert_eq!(t.next(), None);
    }

    #[test]
    fn scripts_end_where_browsers_end_them() {
        let script = |s: &str| {
            let mut t = Tokenizer::new(s);
            t.next();
            let body = t.script_text().to_string();
            (body, t.rest().to_string())
        };
        assert_eq!(script("<script>let s = '</script>'; x</script>"), ("let s = '".into(), "'; x</script>".into()));
        assert_eq!(script("<script>if (a<b) {}</SCRIPT >z"), ("if (a<b) {}".into(), "z".into()));
        assert_eq!(
            script("<script><!-- document.write('<script>x</script>') --></script>z"),
            ("<!-- document.write('<script>x</script>') -->".into(), "z".into())
        );
        assert_eq!(script("<script><!-- a </script>z"), ("<!-- a ".into(), "z".into()));
        assert_eq!(script("<script><!--><script></script>z"), ("<!--><script>".into(), "z".into()));
        assert_eq!(script("<script>never closed </scrip"), ("never closed </scrip".into(), "".into()));
    }
}
