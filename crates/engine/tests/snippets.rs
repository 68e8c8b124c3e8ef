//! What a hit shows of its document: the passage that best answers the query,
//! the text exactly as written, and highlights on the words that matched.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::doc;
use fahras_engine::{Index, Segment};
use fahras_indexer::build_index;

/// The snippet of the first hit for `query` in a one-document index of `text`.
fn snippet(text: &str, query: &str) -> Vec<Segment> {
    let index = Index::from_bytes(build_index(&[doc("d", "خبر", text)])).expect("a fresh index opens");
    index.search(query, 1).into_iter().next().expect("the document is found").snippet
}

fn marked(segments: &[Segment]) -> Vec<&str> {
    segments.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect()
}

fn seg(text: &str, hit: bool) -> Segment {
    Segment { text: text.into(), hit }
}

#[test]
fn a_short_text_is_shown_whole_to_its_last_character() {
    // Nothing was cut, so there is no "…", and the closing punctuation stays.
    let shown = snippet("وصلت القافلة إلى حلب.", "حلب ");
    assert_eq!(shown, [seg("وصلت القافلة إلى ", false), seg("حلب", true), seg(".", false)]);
}

#[test]
fn a_text_of_one_word_has_it_marked() {
    let shown = snippet("حلب", "حلب ");
    assert_eq!(shown, [seg("حلب", true)]);
}

#[test]
fn a_document_without_text_shows_its_title_with_the_match_marked() {
    // Pages of links or headings only: the title is all there is to show.
    let index = Index::from_bytes(build_index(&[doc("t", "أخبار ريف حلب", "")])).expect("a fresh index opens");
    let hits = index.search("حلب ", 1);
    assert_eq!(hits[0].snippet, [seg("أخبار ريف ", false), seg("حلب", true)]);
}

#[test]
fn a_ligature_lights_up_when_any_of_its_words_matches() {
    // ﷺ stands for four words; a reader who searched for one of the later ones
    // (وسلم) must still see the ligature marked.
    let shown = snippet("قال النبي محمد ﷺ في الحديث", "وسلم ");
    assert_eq!(marked(&shown), ["ﷺ"], "{shown:?}");
}

#[test]
fn the_snippet_shows_the_passage_with_the_most_query_words() {
    // حلب opens the text, ريف follows 28 words later (just past what one snippet
    // shows), ريف حلب stand together after 60, and حلب alone closes the text. The
    // passage that has both words answers the query, not the first or the last
    // mention, nor two mentions too far apart to be shown together.
    let text = format!("حلب {}ريف {}وفي ريف حلب {}حلب", "كلام ".repeat(27), "كلام ".repeat(30), "كلام ".repeat(30));
    let shown = snippet(&text, "ريف حلب ");
    assert_eq!(marked(&shown), ["ريف", "حلب"], "{shown:?}");
    // Cut at both ends, the window opens on a word right after its "…".
    assert_eq!(shown.first().map(|s| s.text.as_str()), Some("…"));
    assert!(shown[1].text.starts_with("كلام"), "{shown:?}");
    assert!(shown.last().is_some_and(|s| s.text.ends_with('…')), "{shown:?}");
}

#[test]
fn two_query_words_together_beat_one_word_repeated() {
    // حلب three times opens the text; ريف حلب come 30 words later. More of the
    // query, not more mentions of one word, makes the better passage.
    let text = format!("حلب حلب حلب {}ريف حلب", "كلام ".repeat(30));
    let shown = snippet(&text, "ريف حلب ");
    assert_eq!(marked(&shown), ["ريف", "حلب"], "{shown:?}");
}

#[test]
fn of_equally_good_passages_the_first_is_shown() {
    // ريف حلب opens the text and recurs 40 words later: a reader reads from the
    // top, so the snippet starts where the text does.
    let text = format!("ريف حلب {}ريف حلب", "كلام ".repeat(40));
    let shown = snippet(&text, "ريف حلب ");
    assert_eq!(shown[..3], [seg("ريف", true), seg(" ", false), seg("حلب", true)], "{shown:?}");
}
