//! Pathological inputs cost no more than their size. Each case must finish well under a second even
//! unoptimized, where a quadratic rescan would take minutes. The cases of the brief are full size: 10 MB
//! of `<a<a<a…` and of `<!--`, 100,000 nested `<div>`s and 100,000 unclosed `<p>`s. The others are 1 MB
//! or 100,000 elements, which is already far past the point where anything quadratic shows.

use std::time::{Duration, Instant};

use fahras_indexer::html::{extract, Page, MAX_DEPTH};

const BIG: usize = 10 << 20;
const MB: usize = 1 << 20;
const ELEMENTS: usize = 100_000;

fn repeat_to(size: usize, unit: &str) -> String {
    unit.repeat(size / unit.len())
}

fn timed(html: &str) -> Page {
    let start = Instant::now();
    let page = extract(html);
    let took = start.elapsed();
    let budget = if cfg!(debug_assertions) { Duration::from_secs(1) } else { Duration::from_millis(100) };
    assert!(took < budget, "{} KB took {took:?}", html.len() >> 10);
    page
}

#[test]
fn unterminated_tag_names() {
    assert_eq!(timed(&format!("<p>قبل</p>{}", repeat_to(BIG, "<a"))).body, "قبل");
}

#[test]
fn comment_openers() {
    assert_eq!(timed(&format!("قبل{}", repeat_to(BIG, "<!--"))).body, "قبل");
    assert_eq!(timed(&format!("قبل{}", repeat_to(BIG, "<!"))).body, "قبل");
    assert_eq!(timed(&"<!-- -->س".repeat(ELEMENTS)).body.chars().count(), ELEMENTS);
}

#[test]
fn nested_divs() {
    let page = timed(&format!("{}نص{}", "<div>".repeat(ELEMENTS), "</div>".repeat(ELEMENTS)));
    assert_eq!(page.body, "نص");
    let page = timed(&"<div>س".repeat(ELEMENTS));
    assert_eq!(page.body.len(), ELEMENTS * 3 - 1);
}

#[test]
fn unclosed_paragraphs() {
    let page = timed(&"<p>س".repeat(ELEMENTS));
    assert_eq!(page.body.len(), ELEMENTS * 3 - 1);
}

#[test]
fn unclosed_items_cells_headings_and_links() {
    for unit in ["<li>س", "<td>س", "<h1>س", "<dd>س", "<a>س", "<tr>س", "<option>س"] {
        assert!(timed(&unit.repeat(ELEMENTS)).body.starts_with('س'), "{unit}");
    }
}

#[test]
fn nested_inline_and_skipped_elements() {
    for unit in ["<b>", "<span hidden>", "<nav>", "<svg>", "<table>", "<main>", "<template>", "<math><mi>"] {
        timed(&format!("{}س", unit.repeat(ELEMENTS)));
    }
}

#[test]
fn stray_end_tags_with_a_deep_stack() {
    timed(&format!("{}{}", "<div><span>".repeat(MAX_DEPTH), "</b></span></p></li></x-y>".repeat(ELEMENTS)));
}

#[test]
fn unterminated_quotes_and_many_attributes() {
    assert_eq!(timed(&format!("نص<a {}", repeat_to(MB, "x='"))).body, "نص");
    assert_eq!(timed(&format!("نص<a {}>بعد", "x y=1 ".repeat(ELEMENTS))).body, "نصبعد");
}

#[test]
fn less_than_signs_and_ampersands() {
    assert_eq!(timed(&repeat_to(MB, "< ")).body.len(), MB - 1);
    for unit in ["&", "&amp", "&#", "&copyright", "&#x1234567"] {
        timed(&repeat_to(MB, unit));
    }
    timed(&format!("&#x{}", repeat_to(MB, "f")));
}

#[test]
fn raw_text_with_near_miss_end_tags() {
    assert_eq!(timed(&format!("<script>{}</script>بعد", repeat_to(MB, "</scrip"))).body, "بعد");
    timed(&format!("<script>{}", repeat_to(MB, "<!--<script>")));
    timed(&format!("<title>{}", repeat_to(MB, "</titl")));
}

#[test]
fn many_metadata_keys_and_captures() {
    timed(&format!("<p data-fahras-meta='{}'>{}</p>", "k,".repeat(ELEMENTS), "س ".repeat(1000)));
    timed(&format!("{}{}", "<b data-fahras-meta=k>".repeat(MAX_DEPTH), repeat_to(MB, "س ")));
    timed(&"<i data-fahras-meta='a, b[c], d:e' c=x>س</i>".repeat(ELEMENTS / 10));
    timed(&format!("<img data-fahras-meta='{}' {}>", "k[a],".repeat(ELEMENTS), "a=1 ".repeat(ELEMENTS)));
    // One large attribute or one long word, taken many times.
    timed(&format!("<img data-fahras-meta='{}' a='{}'>", "k[a],".repeat(ELEMENTS), "س".repeat(MB)));
    timed(&format!("{}{}", "<b data-fahras-meta=k>".repeat(MAX_DEPTH), "س".repeat(MB)));
}
