//! What people paste into a search box, and what site owners index without
//! reading: every call answers (maybe with nothing) and bounded work stays bounded.
//! In the browser a panic kills the wasm instance, so "never panics" is the
//! whole point; the time limits are generous ceilings, not benchmarks.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::{bounded, default_index, doc, small_index, BOUNDED};
use fahras_engine::{analyze, parse, Index, Order, QueryOptions, MAX_LIMIT, MAX_QUERY_CHARS, MAX_WORDS};
use fahras_indexer::build_index;

/// Hostile queries, each with a name for failure messages.
fn hostile_queries() -> Vec<(&'static str, String)> {
    vec![
        ("empty", String::new()),
        ("spaces", " \t\n\r ".repeat(50)),
        ("controls", (0u8..32).map(char::from).chain(['\u{7f}', '\u{85}', '\u{2028}', '\u{2029}']).collect()),
        ("nul word", "حلب\0ريف".into()),
        ("only diacritics", "\u{64b}\u{64c}\u{64d}\u{64e}\u{64f}\u{650}\u{651}\u{652}\u{670}\u{654}".repeat(30)),
        ("only tatweel", "ـ".repeat(500)),
        ("only punctuation", "،؛؟«»…!?.,;:()[]{}<>/\\|@#$%^&*_+=~`".repeat(20)),
        ("unpaired quote", "\"ريف حلب".into()),
        ("only quotes", "\"".repeat(301)),
        ("empty phrase", "\"\" \"   \" حلب".into()),
        ("only minus", "- -- --- -".repeat(40)),
        ("exclusion only", "-حلب -ريف".into()),
        ("minus inside", "ريف-حلب -\"ريف\"".into()),
        ("bidi overrides", "\u{202e}حلب\u{202c} \u{2066}ريف\u{2069} \u{200f}\u{200e}".into()),
        ("zero-width", "ح\u{200d}ل\u{200c}ب\u{feff}".into()),
        ("mixed scripts", "حلب Aleppo Χαλέπι Халеб 阿勒颇 חלב हलब 👍🏽 ١٢٣ 123".into()),
        ("presentation forms", "ﷺ ﷻ ﷲ ﻻ ﺣﻠﺐ".repeat(10)),
        ("lone combining", "\u{654}\u{670}\u{6e6} \u{301}".into()),
        ("emoji zwj", "👨‍👩‍👧‍👦🏳️‍🌈".repeat(50)),
        ("html", "<script>alert(1)</script><img src=x onerror=alert(1)>".into()),
        ("long number", "٣,".repeat(5000) + "٣"),
        ("100k letters", "ب".repeat(100_000)),
        ("100k mixed", "كتاب \"ريف -حلب ".repeat(7_200)),
        ("10k words", (0..10_000).map(|i| format!("كلمة{i} ")).collect()),
        (
            "many fuzzy words",
            "حلبب رييف مساعداتت قافلةة سورياا الشماليي غذاءيية وصلتت تضمم سلةة الرحمنن العالمينن ".repeat(3),
        ),
        ("one letter", "ا".into()),
        ("one-letter words", "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي".into()),
    ]
}

/// Every entry point on one query, within the bound.
fn answer_all(index: &'static Index, name: &'static str, q: String) {
    bounded(name, BOUNDED, move || {
        let parsed = parse(&q);
        assert!(parsed.words.len() <= MAX_WORDS, "{name}: {} words", parsed.words.len());
        for limit in [0, 1, 10, usize::MAX] {
            for hit in index.search(&q, limit) {
                assert!(hit.score.is_finite(), "{name}: {hit:?}");
            }
            index.suggest(&q, limit);
        }
        for options in page_options() {
            let page = index.query(&q, &options);
            assert!(page.hits.len() <= page.total.min(MAX_LIMIT), "{name}: {} of {}", page.hits.len(), page.total);
        }
        for doc in 0..index.doc_count() {
            index.highlight(doc, &q);
        }
        analyze(&q);
    });
}

/// Paging, filters and sorts, the odd ones included.
fn page_options() -> Vec<QueryOptions> {
    let filter = |k: &str, v: &[&str]| vec![(k.to_owned(), v.iter().map(|v| v.to_string()).collect())];
    vec![
        QueryOptions::default(),
        QueryOptions { offset: usize::MAX, limit: usize::MAX, ..QueryOptions::default() },
        QueryOptions { filters: filter("source", &["SY24", "قدس برس"]), ..QueryOptions::default() },
        QueryOptions { filters: filter("no such key", &[""]), ..QueryOptions::default() },
        QueryOptions { sort: Some(("date".into(), Order::Desc)), offset: 1, ..QueryOptions::default() },
        QueryOptions { sort: Some(("".into(), Order::Asc)), filters: filter("", &[]), ..QueryOptions::default() },
    ]
}

#[test]
fn a_flood_of_filters_is_bounded() {
    // Filters are merged per key of the index, however many the query lists:
    // 100,000 keys, each its own, cost no more than passing over them.
    let index = leak(default_index());
    let filters: Vec<(String, Vec<String>)> = (0..100_000)
        .map(|i| (if i % 2 == 0 { "source".into() } else { format!("k{i}") }, vec![format!("v{i}")]))
        .collect();
    let page = bounded("100,000 filters", BOUNDED, move || {
        index.query("سوريا", &QueryOptions { filters, ..QueryOptions::default() })
    });
    assert_eq!(page.total, 0);
}

fn leak(index: Index) -> &'static Index {
    Box::leak(Box::new(index))
}

#[test]
fn hostile_queries_answer_within_bounds() {
    let index = leak(default_index());
    for (name, q) in hostile_queries() {
        answer_all(index, name, q);
    }
}

/// The same queries against an index of odd documents: empty, word-less,
/// one enormous word, and one document of many thousands of words.
#[test]
fn hostile_queries_on_hostile_documents() {
    let docs = vec![
        doc("empty", "", ""),
        doc("marks", "…", "؟؟ «» — ، ؛ !!"),
        doc("diacritics", "\u{64e}\u{64f}", &"\u{64b}\u{651}".repeat(1000)),
        doc("one word", "ب", &"ب".repeat(50_000)),
        doc("long", "كلمات", &(0..20_000).map(|i| format!("كلمة{} حلب ", i % 500)).collect::<String>()),
        doc("script", "<script>alert(1)</script>", "<img src=x onerror=alert(1)> حلب"),
    ];
    let index = leak(Index::from_bytes(build_index(&docs)).unwrap());
    for (name, q) in hostile_queries() {
        answer_all(index, name, q);
    }
    // Stored text is returned as text: the engine never interprets markup.
    let hits = index.search("حلب ", 10);
    let script = hits.iter().find(|h| h.id == "script").expect("the script document matches");
    assert!(script.snippet.iter().any(|s| s.text.contains("<img src=x onerror=alert(1)>")), "{:?}", script.snippet);
}

#[test]
fn analyze_of_a_huge_paste_is_bounded() {
    let big: String = "بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ".repeat(4_000);
    let n = bounded("analyze 100k", BOUNDED, move || analyze(&big).len());
    assert_eq!(n, 12_000);
}

/// The caps cut a query; they do not refuse it.
#[test]
fn query_caps_truncate_rather_than_fail() {
    let index = small_index();
    // The words that fit are searched; those past the caps are ignored.
    let many = format!("حلب {}", "زيادة ".repeat(MAX_WORDS * 10));
    assert_eq!(parse(&many).words.len(), MAX_WORDS);
    assert_eq!(index.search(&many, 10).first().map(|h| h.id.as_str()), Some("news"));
    let long = format!("ريف {}", "ـ".repeat(MAX_QUERY_CHARS * 100));
    assert_eq!(parse(&long).words.len(), 1);
    assert_eq!(index.search(&long, 10).first().map(|h| h.id.as_str()), Some("news"));
    // A word past MAX_QUERY_CHARS is not looked at at all.
    let past = format!("{}حلب", " ".repeat(MAX_QUERY_CHARS));
    assert!(parse(&past).is_empty());
    assert!(index.search(&past, 10).is_empty());
    // A cut in the middle of a multi-byte character would panic on slicing.
    for pad in 0..4 {
        let q = format!("{}{}", "a".repeat(pad), "ح".repeat(MAX_QUERY_CHARS * 2));
        assert_eq!(parse(&q).words.len(), 1);
    }
}

/// A one-letter prefix matches thousands of words in a real corpus: the engine
/// caps how many it expands, so it answers as fast as any other word.
#[test]
fn one_letter_prefix_is_bounded() {
    let index = leak(default_index());
    for letter in ["ا", "م", "a", "1"] {
        let hits = bounded(letter, BOUNDED, move || index.search(letter, 10));
        assert!(hits.len() <= 10);
        bounded(letter, BOUNDED, move || index.suggest(letter, 10));
    }
}
