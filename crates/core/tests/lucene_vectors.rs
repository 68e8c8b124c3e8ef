//! Lucene's Arabic analysis test vectors (tests/data/lucene, Apache-2.0), run
//! against Fahras's analyzer.
//!
//! Normalization and stemming reproduce Lucene exactly on its vectors. The one
//! intentional difference is stopwords: Lucene's ArabicAnalyzer drops words such
//! as ما and الذين, Fahras keeps them, because readers search for remembered
//! passages and those words are part of them (ranking already discounts them by
//! their frequency). The analyzer vectors are therefore compared after dropping
//! Lucene's stopwords from Fahras's output.

use fahras_core::analysis::{normalize, stem, tokens};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Rows of a tab-separated vector file (comment lines start with '#'), compiled
/// in so that the vectors run on wasm32 too.
macro_rules! rows {
    ($name:literal) => {{
        let text = include_str!(concat!("data/", $name));
        let rows: Vec<Vec<String>> =
            text.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').map(str::to_owned).collect()).collect();
        assert!(!rows.is_empty(), "{} has rows", $name);
        rows
    }};
}

fn terms(text: &str) -> Vec<String> {
    tokens(text).map(|t| t.term).collect()
}

#[test]
fn normalization_vectors() {
    for row in rows!("lucene/lucene_arabic_normalization.tsv") {
        let (input, expected) = (&row[0], row.get(1).map_or("", String::as_str));
        assert_eq!(normalize(input), expected, "normalize({input:?})");
    }
    for row in rows!("lucene/lucene_arabic_filters_factory_normalize.tsv") {
        assert_eq!(terms(&row[0]).join(" "), row[1], "tokens({:?})", row[0]);
    }
}

#[test]
fn stemmer_vectors() {
    for row in rows!("lucene/lucene_arabic_stem.tsv") {
        let (input, expected) = (&row[0], row.get(1).map_or("", String::as_str));
        assert_eq!(stem(input), expected, "stem({input:?})");
    }
    for row in rows!("lucene/lucene_arabic_filters_factory_normstem.tsv") {
        let stems: Vec<String> = terms(&row[0]).iter().map(|t| stem(t).to_owned()).collect();
        assert_eq!(stems.join(" "), row[1], "{:?}", row[0]);
    }
}

#[test]
fn analyzer_vectors_except_stopwords() {
    let stopwords: Vec<String> =
        rows!("lucene/lucene_arabic_stopwords.txt").into_iter().map(|r| r[0].clone()).collect();
    for row in rows!("lucene/lucene_arabic_analyzer.tsv") {
        let text = &row[0];
        let ours: Vec<String> = tokens(text)
            .filter(|t| !stopwords.iter().any(|s| s == &text[t.start..t.end]))
            .map(|t| stem(&t.term).to_owned())
            .collect();
        assert_eq!(ours.join(" "), row[1], "analyze({text:?})");
    }
}

/// Where Lucene 8 leaves Quranic marks, the dagger alef, alef wasla, presentation
/// forms and Arabic-Indic digits in its output (observed behaviour), Fahras folds
/// them: each row is checked against what a reader would type.
#[test]
fn goes_beyond_lucene_on_its_unicode_probes() {
    let expected = [
        ("الرَّحْمَٰنِ", "الرحمن"),
        ("ٱلْحَمْدُ", "الحمد"),
        ("عَلِيمٌۚ", "عليم"),
        ("يَعْمَلُونَۖ", "يعملون"),
        ("ﺍﻟﻜﺘﺎﺏ", "الكتاب"),
        ("١٢٣", "123"),
        ("۱۲۳", "123"),
        ("١٬٠٠٠", "1000"),
        ("فارسی", "فارسي"),
        ("کتاب", "كتاب"),
        ("مسئول", "مسءول"),
        ("Google", "google"),
    ];
    let probes = rows!("lucene/lucene8_arabic_normalizer_unicode_probe.tsv");
    for (input, ours) in expected {
        let lucene = probes.iter().find(|r| r[0] == input).map(|r| r[1].clone());
        assert!(lucene.is_some(), "{input:?} is one of the probes");
        assert_eq!(terms(input).join(" "), ours, "{input:?} (Lucene 8 gives {lucene:?})");
    }
}

/// Every Arabic presentation form analyzes like the letters it stands for.
#[test]
fn presentation_forms_match_their_nfkc() {
    for row in rows!("unicode_arabic_presentation_forms_nfkc.tsv") {
        assert_eq!(terms(&row[0]), terms(&row[1]), "{}", row[2]);
    }
}
