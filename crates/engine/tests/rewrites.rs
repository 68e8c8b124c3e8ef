//! Query rewrites on the development sets of `eval/` (one per phenomenon, over
//! the default corpus; the Quran and Sahih al-Bukhari ones when `../shared` is
//! there): each set keeps its MRR@10, scores lower with the rewrites switched
//! off, and no must-not document shows.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::default_index;
use common::eval::{mrr, queries};
use fahras_engine::{Index, QueryOptions, Rule, Rules, MAX_REWRITES};

/// The set keeps `floor` and loses something when `rule` is off.
fn holds(index: &Index, name: &str, text: &str, rule: Rule, floor: f64) {
    let set = queries(text);
    let with = mrr(index, &set, Rules::ALL);
    let without = mrr(index, &set, Rules::ALL.without(rule));
    assert!(with >= floor, "{name}: MRR@10 {with:.3} < {floor}");
    assert!(without < with, "{name}: {without:.3} without the {} rule, {with:.3} with it", rule.name());
}

#[test]
fn name_and_loanword_spellings() {
    holds(&default_index(), "variants", include_str!("../../../eval/variants.jsonl"), Rule::Variant, 0.94);
}

#[test]
fn completions_under_other_clitics() {
    holds(&default_index(), "clitics", include_str!("../../../eval/clitics.jsonl"), Rule::Clitic, 0.9);
}

#[test]
fn words_whose_light_stem_over_strips() {
    holds(&default_index(), "stems", include_str!("../../../eval/stems.jsonl"), Rule::Stem, 1.0);
}

#[test]
fn glued_words() {
    holds(&default_index(), "glued", include_str!("../../../eval/glued.jsonl"), Rule::Glued, 1.0);
}

#[test]
fn the_other_keyboard_layout() {
    holds(&default_index(), "keyboard", include_str!("../../../eval/keyboard.jsonl"), Rule::Keyboard, 1.0);
}

#[test]
fn latin_letters_and_arabizi() {
    holds(&default_index(), "latin", include_str!("../../../eval/latin.jsonl"), Rule::Latin, 1.0);
}

#[test]
fn month_names() {
    holds(&default_index(), "months", include_str!("../../../eval/months.jsonl"), Rule::Month, 1.0);
}

#[test]
fn hits_say_which_reading_found_them() {
    let index = default_index();
    let hits = index.search("pgf ", 10);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.understood.as_deref() == Some("حلب")), "{hits:?}");
    // Found as typed: nothing to say.
    assert!(index.search("حلب ", 10).iter().all(|h| h.understood.is_none()));
    let json = serde_json::to_string(&index.search("Idlib ", 1)).unwrap();
    assert!(json.contains("\"understood\":\"إدلب\""), "{json}");
    assert!(!serde_json::to_string(&index.search("حلب ", 1)).unwrap().contains("understood"));
}

#[test]
fn a_spelling_variant_never_outranks_the_word_as_typed() {
    // سوريا is in three articles, سورية in two others: those two come after.
    let hits = default_index().search("سوريا ", 10);
    let understood: Vec<Option<&str>> = hits.iter().map(|h| h.understood.as_deref()).collect();
    assert_eq!(understood, [None, None, None, Some("سورية"), Some("سورية")]);
}

#[test]
fn rewrites_count_in_totals_facets_and_pages() {
    let index = default_index();
    // Every article says سوريا or سورية: the variant's documents are matches too.
    let all = index.query("سوريا ", &QueryOptions { limit: 200, ..QueryOptions::default() });
    assert_eq!((all.total, all.hits.len()), (5, 5));
    assert_eq!(all.facets["category"].values().sum::<usize>(), 5);
    let mut paged: Vec<(String, Option<String>)> = Vec::new();
    for offset in 0..5 {
        let page = index.query("سوريا ", &QueryOptions { limit: 1, offset, ..QueryOptions::default() });
        assert_eq!(page.total, 5);
        paged.extend(page.hits.into_iter().map(|h| (h.id, h.understood)));
    }
    let whole: Vec<(String, Option<String>)> = all.hits.into_iter().map(|h| (h.id, h.understood)).collect();
    assert_eq!(paged, whole, "pages walk the merged order");
    let typed = index.query("سوريا ", &QueryOptions { rules: Rules::NONE, ..QueryOptions::default() });
    assert_eq!(typed.total, 3);
}

#[test]
fn a_spelling_variant_stays_below_the_best_hit_as_typed() {
    // The variant's article says it in its title and three times in a short
    // text; the typed spelling's article once, in a long one. By score alone
    // the variant would win.
    let filler = "تقرير عن الاوضاع الانسانية في المنطقة ".repeat(40);
    let docs = vec![
        common::doc("typed", "تقرير", &format!("{filler} سوريا {filler}")),
        common::doc("variant", "سورية", "سورية سورية سورية"),
    ];
    let index = Index::from_bytes(fahras_indexer::build_index(&docs)).unwrap();
    let hits = index.search("سوريا ", 10);
    let order: Vec<(&str, Option<&str>)> = hits.iter().map(|h| (h.id.as_str(), h.understood.as_deref())).collect();
    assert_eq!(order, [("typed", None), ("variant", Some("سورية"))]);
}

#[test]
fn a_known_word_is_never_taken_for_a_mistake() {
    // `variety` is in an article: no layout or transcription reading of it.
    let index = default_index();
    assert!(index.understand("variety ").is_empty());
    assert!(index.search("variety ", 10).iter().all(|h| h.understood.is_none()));
    // A number is no Arabizi.
    assert!(index.understand("2018 ").is_empty());
}

#[test]
fn rewrites_are_bounded() {
    let index = default_index();
    // Every word has a reading: still at most MAX_REWRITES queries more.
    let q = "pgf Idlib الخوذالبيضاء يوليو جرانت v,sdh 7alab فلادمير Ronaldo hgo,` تموز Putin";
    let r = index.understand(q);
    assert!(!r.is_empty() && r.len() <= MAX_REWRITES, "{r:?}");
    let long = "pgfpgfpgf".repeat(40);
    assert!(index.understand(&long).len() <= MAX_REWRITES);
}

/// The Quran and Sahih al-Bukhari sets, when the shared corpora are there.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn rewrites_on_the_quran_and_sahih_al_bukhari() {
    for (corpus, floor) in [("quran", 0.85), ("bukhari", 0.87)] {
        let Some(index) = common::eval::shared_corpus(corpus) else { continue };
        let set = common::eval::set(&format!("rewrites-{corpus}"));
        let with = mrr(&index, &set, Rules::ALL);
        let without = mrr(&index, &set, Rules::NONE);
        assert!(with >= floor && without < with, "{corpus}: MRR@10 {with:.3} ({without:.3} without rewrites)");
    }
}
