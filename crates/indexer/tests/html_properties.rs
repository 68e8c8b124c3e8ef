//! Properties that hold for any input: no panic, no markup in the text, outputs in their documented shape.

use fahras_indexer::html::{extract, Page, MAX_META_VALUE};
use proptest::prelude::*;

/// Checks the shape every page has, whatever the input.
fn check_shape(page: &Page) -> Result<(), TestCaseError> {
    let texts = [Some(&page.body), page.main.as_ref(), page.marked_body.as_ref()];
    for text in texts.into_iter().flatten() {
        for line in text.split('\n') {
            prop_assert!(!line.is_empty() || text.is_empty(), "empty line in {:?}", text);
            prop_assert_eq!(line, line.trim(), "untrimmed line in {:?}", text);
            prop_assert!(!line.contains("  "), "doubled space in {:?}", text);
            prop_assert!(!line.chars().any(|c| c != ' ' && c.is_whitespace()), "raw whitespace in {:?}", text);
        }
    }
    for one_line in [&page.h1, &page.title].into_iter().flatten() {
        prop_assert!(!one_line.is_empty() && !one_line.contains('\n') && one_line == one_line.trim());
    }
    for (key, value) in page.meta.iter().chain(&page.filters) {
        prop_assert!(!key.is_empty() && key == key.trim(), "bad key {:?}", key);
        prop_assert!(!value.is_empty() && value == value.trim(), "bad value {:?}", value);
        prop_assert!(value.len() <= MAX_META_VALUE);
    }
    Ok(())
}

/// Pieces of tag soup. Nothing here puts a `<` into text except the escapes, which are kept apart, and
/// no element holds text verbatim (`<textarea>`, `<xmp>`, `<plaintext>`, `<title>`).
fn soup_piece() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "p",
        "div",
        "b",
        "span",
        "i",
        "a",
        "nav",
        "footer",
        "form",
        "script",
        "style",
        "template",
        "noscript",
        "svg",
        "math",
        "mi",
        "foreignObject",
        "desc",
        "main",
        "h1",
        "h2",
        "li",
        "ul",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "br",
        "img",
        "meta",
        "hr",
        "pre",
        "head",
        "body",
        "html",
        "iframe",
        "button",
        "select",
        "custom-el",
        "DIV",
        "Script",
        "sVg",
    ]);
    let attrs = prop::sample::select(vec![
        "",
        " hidden",
        " hidden=until-found",
        " data-fahras-ignore",
        " data-pagefind-ignore=all",
        " data-pagefind-ignore='index'",
        " data-fahras-body",
        " data-pagefind-body",
        " data-fahras-meta=k",
        " data-fahras-meta='k[x], j'",
        " data-pagefind-meta=\"k:قيمة, ب\"",
        " data-fahras-filter=f",
        " x=\"1\" y='2' z=3 w",
        " name=author content=' كاتب '",
        " lang=ar dir=rtl",
        " /",
        " x='unterminated",
    ]);
    let text = prop::sample::select(vec![
        "الكتاب",
        "ال",
        "كتاب",
        " ",
        "\n",
        "\t",
        "a",
        " b ",
        "&amp;",
        "&nbsp;",
        "&#1587;",
        "&copy",
        "&bogus;",
        "&",
        ">",
        "x > y",
        "\u{a0}",
        "\u{200c}",
        "\r\n",
    ]);
    prop_oneof![
        3 => (names.clone(), attrs).prop_map(|(n, a)| format!("<{n}{a}>")),
        2 => names.clone().prop_map(|n| format!("</{n}>")),
        1 => names.prop_map(|n| format!("<{n}")),
        4 => text.prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "<!-- c -->", "<!--", "<!DOCTYPE html>", "<![CDATA[ x ]]>", "<?pi?>", "</>", "</ x>", "-->", "<!-->",
            "</script", "<p/>", "<br/>", "<svg/>",
        ])
        .prop_map(str::to_string),
    ]
}

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(soup_piece(), 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_read(html in any::<String>()) {
        check_shape(&extract(&html))?;
    }

    #[test]
    fn markup_dense_strings_are_read(html in "[<>/!?=\"' a-zA-Z0-9&#;x\\[\\]\\-\u{627}\u{644}\u{200c}\n]{0,300}") {
        check_shape(&extract(&html))?;
    }

    #[test]
    fn tag_soup_is_read_and_no_markup_leaks_into_text(html in soup()) {
        let page = extract(&html);
        check_shape(&page)?;
        let outputs = [Some(&page.body), page.main.as_ref(), page.marked_body.as_ref(), page.h1.as_ref(), page.title.as_ref()];
        for text in outputs.into_iter().flatten().chain(page.meta.iter().chain(&page.filters).map(|(_, v)| v)) {
            prop_assert!(!text.contains('<'), "markup leaked: {:?} from {:?}", text, html);
        }
    }

    #[test]
    fn escaped_less_than_signs_are_the_only_ones_in_text(html in soup(), escape in prop::sample::select(vec!["&lt;", "&#60;", "&#x3C;", "&LT"])) {
        let page = extract(&format!("{html}<p>{escape}</p>"));
        check_shape(&page)?;
        let leaked = page.body.matches('<').count();
        prop_assert!(leaked <= 1, "{:?}", page.body);
    }
}
