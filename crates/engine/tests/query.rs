//! `Index::query`: totals, paging, filters, facets and sort, checked against
//! what a full walk of the pages and the stored documents say; and the
//! document view's `find` and `highlight`.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use fahras_engine::{analyze, Hit, Index, Order, QueryOptions, MAX_FACET_VALUES, MAX_LIMIT};
use fahras_indexer::{build_index, Document, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const WORDS: [&str; 10] = ["عاجل", "حلب", "دمشق", "سوق", "مدرسة", "طريق", "مطر", "شتاء", "ميناء", "قافلة"];
const SOURCES: [&str; 3] = ["الجزيرة", "العربية", "بي بي سي"];
const CATEGORIES: [&str; 4] = ["أخبار", "تقارير", "بيانات", "حملات"];
/// Dates in chronological order, each with its place: equal places name the
/// same instant (a year is its first day; an offset moves the instant).
const DATES: [(&str, u32); 9] = [
    ("2019-06-01T02:00+03:00", 0),
    ("2019-06", 1),
    ("2019-06-01T00:00:00Z", 1),
    ("2019-06-15", 2),
    ("2020", 3),
    ("2020-01-01", 3),
    ("2020-01-01T01:00Z", 4),
    ("2019-12-31T23:30:00-02:00", 5),
    ("2021-02-28T10:15:30.5Z", 6),
];
/// Numbers whose order as numbers differs from their order as text.
const RANKS: [&str; 6] = ["100", "10", "2", "-1", "3.5", "2.0"];
const DOCS: u32 = 450;

/// A deterministic corpus: "خبر" in two documents of three (more matches than
/// are reranked), other words at random, metadata with some keys left out.
fn corpus() -> Vec<Document> {
    let mut seed = 7u64;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    (0..DOCS as usize)
        .map(|i| {
            let mut words: Vec<&str> = (0..12).map(|_| WORDS[next(WORDS.len())]).collect();
            if i % 3 != 0 {
                let at = next(words.len());
                words.insert(at, if i % 2 == 0 { "خبر" } else { "الخبر" });
            }
            let mut meta = vec![("source".to_owned(), Value::Text(SOURCES[next(3)].into()))];
            if i % 7 != 0 {
                meta.push(("category".to_owned(), Value::Text(CATEGORIES[next(4)].into())));
            }
            if i % 5 != 0 {
                meta.push(("date".to_owned(), Value::Text(DATES[next(DATES.len())].0.into())));
            }
            meta.push(("rank".to_owned(), Value::Number(RANKS[next(RANKS.len())].into())));
            meta.push(("year".to_owned(), Value::Number(format!("{}", 2015 + next(4)))));
            meta.push(("serial".to_owned(), Value::Text(format!("s{i:03}"))));
            Document {
                id: format!("d{i:03}"),
                title: format!("{} {}", WORDS[next(WORDS.len())], WORDS[next(WORDS.len())]),
                text: words.join(" ") + ".",
                meta,
                ..Document::default()
            }
        })
        .collect()
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::from_bytes(build_index(&corpus())).expect("a fresh index opens"))
}

const QUERIES: [&str; 6] = ["خبر ", "خبر عاجل ", "حلب سوق مطر ", "\"سوق مطر\"", "خبر -حلب", "مدر"];

fn options(limit: usize, offset: usize, filters: &[(&str, &[&str])], sort: Option<(&str, Order)>) -> QueryOptions {
    QueryOptions {
        limit,
        offset,
        filters: filters.iter().map(|(k, v)| (k.to_string(), v.iter().map(|v| v.to_string()).collect())).collect(),
        sort: sort.map(|(k, o)| (k.to_owned(), o)),
        ..QueryOptions::default()
    }
}

/// Every hit, walking the pages `limit` at a time.
fn walk(q: &str, limit: usize, filters: &[(&str, &[&str])], sort: Option<(&str, Order)>) -> Vec<Hit> {
    let mut all = Vec::new();
    loop {
        let page = index().query(q, &options(limit, all.len(), filters, sort));
        assert!(page.hits.len() <= limit.min(MAX_LIMIT));
        if page.hits.is_empty() {
            assert_eq!(all.len(), page.total, "{q:?}: the pages hold every match");
            return all;
        }
        all.extend(page.hits);
    }
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

/// Document `id`'s value for `key`, as text.
fn meta(id: &str, key: &str) -> Option<String> {
    let doc = index().document(index().find(id)?)?;
    doc.meta.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str().to_owned())
}

#[test]
fn pages_are_disjoint_and_complete_whatever_their_size() {
    for q in QUERIES {
        let whole = walk(q, MAX_LIMIT, &[], None);
        assert!(!whole.is_empty(), "{q:?} matches something");
        let distinct: BTreeSet<&str> = ids(&whole).into_iter().collect();
        assert_eq!(distinct.len(), whole.len(), "{q:?}: no document twice");
        for limit in [1, 7, 64, 1000] {
            assert_eq!(ids(&walk(q, limit, &[], None)), ids(&whole), "{q:?} in pages of {limit}");
        }
        // The first page is what search() returns.
        assert_eq!(ids(&index().search(q, MAX_LIMIT)), ids(&whole[..whole.len().min(MAX_LIMIT)]));
    }
    // "خبر" and "الخبر" share a stem: two documents in three match, more than are reranked.
    assert_eq!(index().query("خبر ", &QueryOptions::default()).total, 300);
    assert!(walk("خبر عاجل ", 50, &[], None).len() > MAX_LIMIT);
}

#[test]
fn beyond_the_reranked_head_matches_follow_by_score() {
    let whole = walk("خبر عاجل ", MAX_LIMIT, &[], None);
    let rest = &whole[MAX_LIMIT..];
    assert!(rest.len() > 10);
    for pair in rest.windows(2) {
        assert!(pair[0].score > pair[1].score || pair[0].score == pair[1].score && pair[0].id < pair[1].id);
    }
    // The head is reranked by proximity, so it scores above anything after it.
    assert!(whole[..MAX_LIMIT].iter().all(|h| h.score >= rest[0].score));
}

#[test]
fn filters_keep_documents_with_one_of_the_values_of_every_key() {
    let everything = walk("خبر ", 100, &[], None);
    let cases: [&[(&str, &[&str])]; 5] = [
        &[("source", &["العربية"])],
        &[("source", &["العربية", "الجزيرة"])],
        &[("source", &["العربية", "الجزيرة"]), ("category", &["تقارير"])],
        // A number is compared as written.
        &[("year", &["2016", "2018"]), ("rank", &["2.0"])],
        &[("category", &["لا شيء"])],
    ];
    for filters in cases {
        let kept = walk("خبر ", 100, filters, None);
        let expected: Vec<&str> = ids(&everything)
            .into_iter()
            .filter(|id| filters.iter().all(|(k, vs)| meta(id, k).is_some_and(|v| vs.contains(&v.as_str()))))
            .collect();
        assert_eq!(ids(&kept), expected, "{filters:?}: the matches that pass, in the same order");
    }
    assert_eq!(index().query("خبر ", &options(10, 0, &[("no such key", &["x"])], None)).total, 0);
    assert_eq!(index().query("خبر ", &options(10, 0, &[("source", &[])], None)).total, 0);
}

/// Facets computed by brute force from the stored documents: for each key, the
/// matches that pass every filter on another key.
fn brute_facets(matches: &[&str], filters: &[(&str, &[&str])]) -> BTreeMap<String, BTreeMap<String, usize>> {
    let keys = ["category", "date", "rank", "serial", "source", "year"];
    let passes = |id: &str, k: &str, vs: &[&str]| meta(id, k).is_some_and(|v| vs.contains(&v.as_str()));
    keys.iter()
        .map(|&key| {
            let mut counts = BTreeMap::new();
            for id in matches.iter().filter(|id| filters.iter().all(|(k, vs)| *k == key || passes(id, k, vs))) {
                if let Some(v) = meta(id, key) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            // A value filtered on is listed, with 0 if no match has it.
            for (_, vs) in filters.iter().filter(|(k, _)| *k == key) {
                for v in vs.iter().filter(|v| (0..DOCS).any(|i| meta(&format!("d{i:03}"), key).as_deref() == Some(**v)))
                {
                    counts.entry(v.to_string()).or_insert(0);
                }
            }
            (key.to_owned(), counts)
        })
        .collect()
}

#[test]
fn facets_count_the_matches_and_ignore_their_own_keys_filter() {
    let cases: [&[(&str, &[&str])]; 4] = [
        &[],
        &[("source", &["العربية"])],
        &[("source", &["العربية", "الجزيرة"]), ("category", &["تقارير", "أخبار"])],
        &[("year", &["2016"]), ("year", &["2016", "2017"]), ("date", &["2020"])],
    ];
    for q in ["مطر شتاء ", "\"سوق مطر\"", "طريق -حلب"] {
        let matches = walk(q, MAX_LIMIT, &[], None);
        let matches = ids(&matches);
        for filters in cases {
            let mut got = index().query(q, &options(5, 0, filters, None)).facets;
            let mut want = brute_facets(&matches, filters);
            // One value per document is more than a facet lists: checked below.
            let serial = got.remove("serial").unwrap();
            let all_serials = want.remove("serial").unwrap();
            assert_eq!(got, want, "{q:?} {filters:?}");
            assert_eq!(serial.len(), all_serials.len().min(MAX_FACET_VALUES));
        }
    }
    // A facet lists its most frequent values (here all count 1: the first in
    // value order), and always those filtered on.
    let years: &[&str] = &["2016", "2017"];
    let of_year = |want: bool| {
        (0..DOCS)
            .rev()
            .map(|i| format!("d{i:03}"))
            .find(|id| years.contains(&meta(id, "year").unwrap().as_str()) == want)
    };
    let (inside, outside) = (of_year(true).unwrap().replace('d', "s"), of_year(false).unwrap().replace('d', "s"));
    let f = index().query("", &options(0, 0, &[("serial", &[&inside, &outside]), ("year", years)], None)).facets;
    assert_eq!(f["serial"].len(), MAX_FACET_VALUES + 2);
    assert_eq!((f["serial"].get(&inside), f["serial"].get(&outside)), (Some(&1), Some(&0)));
    // The other filters still apply to the serials counted.
    for serial in f["serial"].keys().filter(|s| **s != outside) {
        let year = meta(&format!("d{}", &serial[1..]), "year").unwrap();
        assert!(years.contains(&year.as_str()), "{serial} is of {year}");
    }
}

fn check_sorted(key: &str, order: Order, place: impl Fn(&str) -> f64) {
    for q in ["خبر عاجل ", ""] {
        // Ties keep relevance order; browsing has none but document order.
        let relevance: Vec<String> = if q.is_empty() {
            (0..DOCS).map(|i| format!("d{i:03}")).collect()
        } else {
            walk(q, MAX_LIMIT, &[], None).into_iter().map(|h| h.id).collect()
        };
        let sorted = walk(q, 37, &[], Some((key, order)));
        assert_eq!(sorted.len(), relevance.len());
        let keyed: Vec<(Option<f64>, usize)> = ids(&sorted)
            .iter()
            .map(|id| (meta(id, key).map(|v| place(&v)), relevance.iter().position(|r| r == id).unwrap()))
            .collect();
        let first_missing = keyed.iter().position(|k| k.0.is_none()).unwrap_or(keyed.len());
        assert!(keyed[first_missing..].iter().all(|k| k.0.is_none()), "{key}: documents without it come last");
        assert!(first_missing > 0);
        for pair in keyed.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            match (a.0, b.0) {
                (Some(x), Some(y)) if x == y => assert!(a.1 < b.1, "{key} {order:?}: ties keep relevance order"),
                (Some(x), Some(y)) => {
                    assert!(if order == Order::Asc { x < y } else { x > y }, "{key} {order:?}: {x} then {y}")
                }
                (None, None) => assert!(a.1 < b.1),
                _ => {}
            }
        }
    }
}

#[test]
fn sort_by_iso_date_compares_instants() {
    let place = |v: &str| DATES.iter().find(|d| d.0 == v).unwrap().1 as f64;
    check_sorted("date", Order::Asc, place);
    check_sorted("date", Order::Desc, place);
}

#[test]
fn sort_by_number_compares_numbers_and_by_text_compares_text() {
    let number = |v: &str| v.parse::<f64>().unwrap();
    check_sorted("rank", Order::Asc, number);
    check_sorted("rank", Order::Desc, number);
    let text = |v: &str| SOURCES.iter().position(|s| *s == v).unwrap() as f64;
    assert!(SOURCES.windows(2).all(|w| w[0] < w[1]), "SOURCES is in text order");
    check_sorted("source", Order::Asc, text);
    check_sorted("source", Order::Desc, text);
    let category = |v: &str| {
        let mut sorted = CATEGORIES;
        sorted.sort();
        sorted.iter().position(|s| *s == v).unwrap() as f64
    };
    check_sorted("category", Order::Desc, category);
}

#[test]
fn an_empty_query_browses_the_filtered_documents_or_finds_nothing() {
    let none = index().query("", &QueryOptions::default());
    assert_eq!((none.total, none.hits.len()), (0, 0));
    // Its facets count every document, for filters offered before anything is typed.
    let sources: usize = none.facets["source"].values().sum();
    assert_eq!(sources, (0..DOCS).filter(|i| meta(&format!("d{i:03}"), "source").is_some()).count());
    assert_eq!(index().query("  -حلب", &QueryOptions::default()).total, 0);
    let filtered = walk("", 10, &[("source", &["الجزيرة"])], None);
    let expected: Vec<String> =
        (0..DOCS).map(|i| format!("d{i:03}")).filter(|id| meta(id, "source").as_deref() == Some("الجزيرة")).collect();
    assert_eq!(ids(&filtered), expected, "in document order");
    // Exclusions still apply.
    let without = walk("-حلب", 10, &[("source", &["الجزيرة"])], None);
    assert!(!without.is_empty() && without.len() < filtered.len());
    for h in &without {
        let text = index().document(index().find(&h.id).unwrap()).unwrap().text;
        assert!(!text.contains("حلب"), "{}", h.id);
    }
    assert_eq!(index().query("", &options(3, 0, &[], Some(("year", Order::Asc)))).total, DOCS as usize);
    // Browsing shows the start of each document.
    let page = index().query("", &options(1, 0, &[("serial", &["s001"])], None));
    let text = index().document(1).unwrap().text;
    assert!(text.starts_with(&page.hits[0].snippet[0].text));
}

#[test]
fn hits_carry_their_metadata() {
    let hit = &index().query("", &options(1, 5, &[], Some(("serial", Order::Asc)))).hits[0];
    assert_eq!(hit.id, "d005");
    let json = serde_json::to_value(hit).unwrap();
    assert_eq!(json["meta"]["serial"], "s005");
    assert!(json["meta"]["year"].is_number());
}

#[test]
fn find_gives_each_id_its_document() {
    for n in (0..DOCS).step_by(7) {
        let id = format!("d{n:03}");
        assert_eq!(index().find(&id), Some(n));
    }
    for unknown in ["", "d", "d450", "d0000", "D001", "zzz"] {
        assert_eq!(index().find(unknown), None, "{unknown:?}");
    }
}

#[test]
fn highlight_marks_the_query_words_in_the_whole_text() {
    for n in [1, 2, 8, 100] {
        let text = index().document(n).unwrap().text;
        for q in ["خبر مطر", "\"سوق مطر\"", "", "لا شيء"] {
            let segments = index().highlight(n, q);
            let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(joined, text, "{q:?} in {n}: the text, whole");
            let stems: BTreeSet<String> = analyze(q).into_iter().map(|t| t.stem).collect();
            let marked: Vec<String> =
                segments.iter().filter(|s| s.hit).map(|s| analyze(&s.text)[0].stem.clone()).collect();
            assert!(marked.iter().all(|s| stems.contains(s)), "{q:?}: only the query's words are marked");
            if q.starts_with('"') {
                continue; // Only the phrase's occurrences: see tests/matching.rs.
            }
            // Each query word where the text writes it as typed, else every form of its stem.
            let tokens = analyze(&text);
            let expected: usize = analyze(q)
                .iter()
                .map(|w| match tokens.iter().filter(|t| t.term == w.term).count() {
                    0 => tokens.iter().filter(|t| t.stem == w.stem).count(),
                    exact => exact,
                })
                .sum();
            assert_eq!(marked.len(), expected, "{q:?} in {n}: every one of them");
        }
    }
    assert!(index().highlight(DOCS, "خبر").is_empty(), "no such document");
}
