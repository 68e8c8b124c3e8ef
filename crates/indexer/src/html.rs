//! HTML to plain text, for indexing saved web pages.
//!
//! Only what search needs: visible text and the `<title>`. Scripts, styles and
//! comments are dropped whole, tags become word breaks, block elements become line
//! breaks, and entities are decoded. Stored text is plain text and the widget shows
//! it with `textContent`, so nothing here has to be safe HTML.

/// What a page offers for search (stand-in until the site extractor lands).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub h1: Option<String>,
    pub title: Option<String>,
    pub marked_body: Option<String>,
    pub main: Option<String>,
    pub body: String,
    pub meta: Vec<(String, String)>,
    pub lang: Option<String>,
    pub dir: Option<String>,
}

pub fn extract(html: &str) -> Page {
    let h = strip_html(html);
    Page { title: h.title, body: h.text, ..Page::default() }
}

/// The visible text and title of an HTML page.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HtmlText {
    pub title: Option<String>,
    pub text: String,
}

const DROPPED: &[&str] = &["script", "style", "noscript", "template", "svg"];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "hr",
];

/// Extracts the text and title of `html`.
pub fn strip_html(html: &str) -> HtmlText {
    let mut out = HtmlText::default();
    let mut rest = html;
    let mut text = String::new();
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let name = tag_name(tag);
        if name == "title" {
            let (inner, after) = until_close(rest, "title");
            out.title = Some(collapse(&decode_entities(inner)));
            rest = after;
        } else if DROPPED.contains(&name.as_str()) && !tag.starts_with('/') && !tag.ends_with('/') {
            rest = until_close(rest, &name).1;
        } else if BLOCKS.contains(&name.as_str()) {
            text.push('\n');
        } else {
            text.push(' ');
        }
    }
    text.push_str(rest);
    out.text = decode_entities(&text).lines().map(collapse).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    out
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The text up to `</name>` (case-insensitive) and what follows it.
fn until_close<'a>(s: &'a str, name: &str) -> (&'a str, &'a str) {
    let close = format!("</{name}");
    let found = s.as_bytes().windows(close.len()).position(|w| w.eq_ignore_ascii_case(close.as_bytes()));
    match found {
        Some(i) => {
            let after = &s[i..];
            (&s[..i], after.find('>').map_or("", |j| &after[j + 1..]))
        }
        None => (s, ""),
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 10);
        let decoded = end.and_then(|i| entity(&rest[1..i]));
        match (end, decoded) {
            (Some(i), Some(c)) => {
                out.push(c);
                rest = &rest[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    let code = |digits: &str, radix| u32::from_str_radix(digits, radix).ok().and_then(char::from_u32);
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => match name.strip_prefix('#') {
            Some(hex) if hex.starts_with(['x', 'X']) => code(&hex[1..], 16),
            Some(dec) => code(dec, 10),
            None => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_scripts_styles_and_tags() {
        let h = strip_html(
            "<html><head><title>عنوان &amp; آخر</title><style>p{}</style></head>\
             <body><p>مرحبا <b>بالعالم</b></p><script>alert(1)</script><!-- x --><p>&#1587;&lt;</p></body></html>",
        );
        assert_eq!(h.title.as_deref(), Some("عنوان & آخر"));
        assert_eq!(h.text, "مرحبا بالعالم\nس<");
    }

    #[test]
    fn unterminated_markup_does_not_hang_or_lose_text() {
        assert_eq!(strip_html("نص <b").text, "نص");
        assert_eq!(strip_html("<script>never closed").text, "");
        assert_eq!(strip_html("a &#xZZ; &").text, "a &#xZZ; &");
    }
}
