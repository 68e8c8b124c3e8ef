//! Character references (`&amp;`, `&#1587;`, `&#x633;`) as browsers decode them.
//!
//! Numeric references follow the HTML standard exactly. Named references cover the ones that occur in
//! real pages rather than all 2,231 of the standard: Latin-1, typographic punctuation, the bidi and
//! joiner controls Arabic text relies on, and a few symbols. An unknown name stays as written.

/// Names that browsers decode even without the trailing `;`, for pages written before it was required:
/// Latin-1 (U+00A0..=U+00FF) and the few uppercase spellings. Sorted for binary search.
const LEGACY: [(&str, char); 106] = [
    ("AElig", 'Æ'),
    ("AMP", '&'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("COPY", '©'),
    ("Ccedil", 'Ç'),
    ("ETH", 'Ð'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Euml", 'Ë'),
    ("GT", '>'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Igrave", 'Ì'),
    ("Iuml", 'Ï'),
    ("LT", '<'),
    ("Ntilde", 'Ñ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ograve", 'Ò'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("QUOT", '"'),
    ("REG", '®'),
    ("THORN", 'Þ'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("acute", '´'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("amp", '&'),
    ("aring", 'å'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("brvbar", '¦'),
    ("ccedil", 'ç'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("copy", '©'),
    ("curren", '¤'),
    ("deg", '°'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("eth", 'ð'),
    ("euml", 'ë'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("gt", '>'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("iquest", '¿'),
    ("iuml", 'ï'),
    ("laquo", '«'),
    ("lt", '<'),
    ("macr", '¯'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("nbsp", '\u{A0}'),
    ("not", '¬'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("ograve", 'ò'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("quot", '"'),
    ("raquo", '»'),
    ("reg", '®'),
    ("sect", '§'),
    ("shy", '\u{AD}'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("szlig", 'ß'),
    ("thorn", 'þ'),
    ("times", '×'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uml", '¨'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
];

/// Other names decoded when followed by `;`. Sorted for binary search.
const NAMED: [(&str, char); 45] = [
    ("Dagger", '‡'),
    ("NewLine", '\n'),
    ("Prime", '″'),
    ("Tab", '\t'),
    ("apos", '\''),
    ("asymp", '≈'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("check", '✓'),
    ("dagger", '†'),
    ("darr", '↓'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("euro", '€'),
    ("frasl", '⁄'),
    ("ge", '≥'),
    ("harr", '↔'),
    ("hearts", '♥'),
    ("hellip", '…'),
    ("infin", '∞'),
    ("larr", '←'),
    ("ldquo", '“'),
    ("le", '≤'),
    ("lrm", '\u{200E}'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("mdash", '—'),
    ("minus", '−'),
    ("ndash", '–'),
    ("ne", '≠'),
    ("oline", '‾'),
    ("permil", '‰'),
    ("prime", '′'),
    ("rarr", '→'),
    ("rdquo", '”'),
    ("rlm", '\u{200F}'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("star", '☆'),
    ("thinsp", '\u{2009}'),
    ("trade", '™'),
    ("uarr", '↑'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
];

/// The longest name that browsers decode without a trailing `;` ("frac12", "Ccedil").
const LONGEST_LEGACY: usize = 6;

/// Longer names are not references, so the scan after `&` stops here whatever follows.
const LONGEST_NAME: usize = 32;

/// What browsers substitute for `&#128;`..`&#159;`: pages declared Latin-1 but written in Windows-1252.
const WINDOWS_1252: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
];

fn find(table: &[(&str, char)], name: &str) -> Option<char> {
    table.binary_search_by(|(n, _)| n.cmp(&name)).ok().map(|i| table[i].1)
}

fn legacy(name: &str) -> Option<char> {
    find(&LEGACY, name)
}

fn named(name: &str) -> Option<char> {
    legacy(name).or_else(|| find(&NAMED, name))
}

fn code_point(v: u32) -> char {
    let v = match v {
        0 => 0xFFFD,
        0x80..=0x9F => WINDOWS_1252[(v - 0x80) as usize],
        _ => v,
    };
    char::from_u32(v).unwrap_or('\u{FFFD}')
}

/// `&#…` at the start of `s` (which begins after the `#`): the character and the bytes it took.
fn numeric(s: &[u8]) -> Option<(char, usize)> {
    let (radix, start) = match s.first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let mut value = 0u32;
    let mut end = start;
    while let Some(digit) = s.get(end).and_then(|&b| (b as char).to_digit(radix)) {
        // Saturating just past the last code point keeps arbitrarily long digit runs both cheap and invalid.
        value = (value * radix + digit).min(0x11_0000);
        end += 1;
    }
    if end == start {
        return None;
    }
    let end = if s.get(end) == Some(&b';') { end + 1 } else { end };
    Some((code_point(value), end))
}

/// A named reference at the start of `s` (which begins after the `&`).
fn reference(s: &str, in_attribute: bool) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    let mut len = 0;
    while len < LONGEST_NAME && bytes.get(len).is_some_and(u8::is_ascii_alphanumeric) {
        len += 1;
    }
    if len == 0 {
        return None;
    }
    if bytes.get(len) == Some(&b';') {
        if let Some(c) = named(&s[..len]) {
            return Some((c, len + 1));
        }
    }
    let (c, used) = (2..=len.min(LONGEST_LEGACY)).rev().find_map(|n| legacy(&s[..n]).map(|c| (c, n)))?;
    // In attributes browsers leave `&copy=1` alone: it is far more often a query string than a symbol.
    let next = bytes.get(used).copied();
    if in_attribute && next.is_some_and(|b| b == b'=' || b.is_ascii_alphanumeric()) {
        return None;
    }
    Some((c, used))
}

/// Appends `s` to `out` with its character references decoded.
pub(crate) fn decode_into(s: &str, in_attribute: bool, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = match after.as_bytes().first() {
            Some(b'#') => numeric(&after.as_bytes()[1..]).map(|(c, n)| (c, n + 1)),
            Some(_) => reference(after, in_attribute),
            None => None,
        };
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// `s` with its character references decoded.
pub(crate) fn decode(s: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    decode_into(s, in_attribute, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        decode(s, false)
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(LEGACY.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn numeric_references_decimal_and_hex() {
        assert_eq!(text("&#1587;&#x627;&#X644;&#x645"), "سالم");
        assert_eq!(text("&#65;B&#0067;"), "ABC");
    }

    #[test]
    fn invalid_code_points_become_replacement_characters() {
        assert_eq!(text("&#0;&#xD800;&#xDFFF;&#x110000;&#99999999999999999999;"), "\u{FFFD}".repeat(5));
    }

    #[test]
    fn c1_references_are_read_as_windows_1252() {
        assert_eq!(text("&#150;&#x80;&#147;&#148;&#x81;"), "–€“”\u{81}");
    }

    #[test]
    fn references_without_digits_stay_as_written() {
        assert_eq!(text("a &#xZZ; &# &#x; & &;"), "a &#xZZ; &# &#x; & &;");
    }

    #[test]
    fn named_references_that_pages_use() {
        assert_eq!(
            text("&amp;&lt;&gt;&quot;&apos;&nbsp;&shy;&zwnj;&zwj;&lrm;&rlm;"),
            "&<>\"'\u{A0}\u{AD}\u{200C}\u{200D}\u{200E}\u{200F}"
        );
        assert_eq!(text("&ndash;&mdash;&hellip;&laquo;&raquo;&lsquo;&rsquo;&ldquo;&rdquo;"), "–—…«»‘’“”");
        assert_eq!(text("&copy;&reg;&trade;&times;&divide;&middot;&bull;&deg;&euro;"), "©®™×÷·•°€");
        assert_eq!(text("&eacute;&Eacute;&yuml;&szlig;"), "éÉÿß");
    }

    #[test]
    fn legacy_names_decode_without_semicolon_in_text() {
        assert_eq!(text("&amp &lt &gt &quot &nbsp &copy 2024"), "& < > \" \u{A0} © 2024");
        assert_eq!(text("&copy2024 &ampx"), "©2024 &x");
        assert_eq!(text("&AMP;&LT&COPY"), "&<©");
    }

    #[test]
    fn other_names_need_the_semicolon_and_unknown_ones_stay() {
        assert_eq!(text("&hellip &zwnj &mdash"), "&hellip &zwnj &mdash");
        assert_eq!(text("&bogus; &Amp; &amp;amp;"), "&bogus; &Amp; &amp;");
    }

    #[test]
    fn attributes_keep_query_strings_intact() {
        assert_eq!(decode("?a=1&copy=2&lang=ar&amp;x", true), "?a=1&copy=2&lang=ar&x");
        assert_eq!(decode("&copy 2024 &copy;x &ampx", true), "© 2024 ©x &ampx");
    }

    #[test]
    fn non_ascii_text_around_references_is_untouched() {
        assert_eq!(text("الكتاب&nbsp;&#x627;لجديد &"), "الكتاب\u{A0}الجديد &");
    }
}
