//! One test per analysis rule: what a written word becomes, and that the reader's
//! everyday spelling meets it.

use fahras_core::analysis::{normalize, stem, tokens, Token, FOLDED_LETTERS};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn toks(text: &str) -> Vec<Token> {
    tokens(text).collect()
}

fn terms(text: &str) -> Vec<String> {
    tokens(text).map(|t| t.term).collect()
}

/// Both sides of a search: the written form and the typed form analyze alike.
fn same(written: &str, typed: &str) {
    assert_eq!(terms(written), terms(typed), "{written:?} ~ {typed:?}");
}

#[test]
fn tashkeel_tatweel_and_quranic_marks_vanish() {
    same("بَشّار الأَسَد", "بشار الاسد");
    same("الحــــرب", "الحرب");
    same("عَلِيمٌۚ يَعۡمَلُونَۖ", "عليم يعملون");
    same("ذَٰلِكَ ٱلۡكِتَٰبُ لَا رَيۡبَۛ فِيهِۛ", "ذلك الكتب لا ريب فيه");
}

#[test]
fn invisible_format_characters_neither_split_nor_remain() {
    for c in ['\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{FEFF}', '\u{00AD}'] {
        assert_eq!(terms(&format!("كت{c}اب")), ["كتاب"], "U+{:04X}", c as u32);
    }
    assert_eq!(terms("\u{200F}كتاب\u{200F}"), ["كتاب"]);
}

#[test]
fn letter_variants_fold() {
    same("آمن أحمد إسلام ٱلحمد", "امن احمد اسلام الحمد");
    same("على فارسی", "علي فارسي");
    same("فاطمة المنامة", "فاطمه المنامه");
    same("کتاب ڪتاب", "كتاب كتاب");
    // Gaf is a letter of its own (a foreign g), not a kaf with a stroke.
    assert_eq!(normalize("گوگل"), "گوگل");
    assert_ne!(normalize("گ"), normalize("ک"));
}

#[test]
fn hamza_seats_unify() {
    same("مسؤول", "مسئول");
    same("شؤون", "شئون");
    // Decomposed (seat + U+0654) folds like the precomposed letter.
    same("\u{0627}\u{0654}حمد", "أحمد");
    same("مسو\u{0654}ول", "مسؤول");
}

#[test]
fn digits_fold_and_numbers_stay_whole() {
    assert_eq!(terms("٢٠١٨ ۱۳۹۷ 2018"), ["2018", "1397", "2018"]);
    assert_eq!(terms("٣,٧٥٠"), ["3750"]);
    assert_eq!(terms("3,750"), ["3750"]);
    assert_eq!(terms("١٬٠٠٠ شخص"), ["1000", "شخص"]);
    assert_eq!(terms("٣٫٥ و 3.5"), ["3.5", "و", "3.5"]);
    // A separator that is not between digits is punctuation.
    assert_eq!(terms("عام 2018، ثم"), ["عام", "2018", "ثم"]);
    assert_eq!(terms("حلب,ادلب"), ["حلب", "ادلب"]);
}

#[test]
fn a_number_after_letters_keeps_its_decimal_point() {
    // Model and version numbers (v2.5, A4.1) are typed whole: the separator belongs
    // to the word because a digit stands before it, whatever began the word.
    assert_eq!(terms("v2.5 و A4.1"), ["v2.5", "و", "a4.1"]);
}

#[test]
fn a_full_stop_after_a_number_ends_the_sentence_not_the_number() {
    // "grew 3.5." must be found by 3.5, and its highlight stop before the full stop.
    let text = "نما 3.5. ثم 2018, و";
    assert_eq!(terms(text), ["نما", "3.5", "ثم", "2018", "و"]);
    let t = toks(text);
    assert_eq!((&text[t[1].start..t[1].end], &text[t[3].start..t[3].end]), ("3.5", "2018"));
}

#[test]
fn an_apostrophe_between_digits_groups_thousands() {
    // Swiss-style grouping (1'000'000) turns up in copied figures; a reader who
    // types 1000000 must find it, so the apostrophe joins digits as the comma does.
    assert_eq!(terms("1'000'000 دولار"), ["1000000", "دولار"]);
    // Anywhere else it is punctuation.
    assert_eq!(terms("l'eau"), ["l", "eau"]);
}

#[test]
fn arabic_punctuation_separates_words() {
    assert_eq!(terms("كتاب،قلم؛دفتر؟«ورقة»٪"), ["كتاب", "قلم", "دفتر", "ورقه"]);
    assert_eq!(terms("حلب..والنظام"), ["حلب", "والنظام"]);
}

#[test]
fn latin_words_are_lowercased_and_kept_whole() {
    assert_eq!(terms("SY24 Variety J.K."), ["sy24", "variety", "j", "k"]);
    same("İstanbul", "istanbul");
}

#[test]
fn presentation_forms_expand_before_splitting() {
    same("ﺍﻟﻜﺘﺎﺏ ﻻ", "الكتاب لا");
    let t = toks("محمد ﷺ قال");
    assert_eq!(t.iter().map(|t| t.term.as_str()).collect::<Vec<_>>(), ["محمد", "صلي", "الله", "عليه", "وسلم", "قال"]);
    // The four words of the ligature all point at the one character.
    assert!(t[1..5].iter().all(|w| (w.start, w.end) == (t[1].start, t[1].end)));
}

#[test]
fn dagger_alef_gives_both_spellings() {
    let t = &toks("ٱلۡعَٰلَمِينَ")[0];
    assert_eq!((t.term.as_str(), t.alt.as_deref()), ("العلمين", Some("العالمين")));
    let t = &toks("ٱلرَّحۡمَٰنِ")[0];
    assert_eq!((t.term.as_str(), t.alt.as_deref()), ("الرحمن", Some("الرحمان")));
    // Uthmani و + dagger alef is a standard alef: ٱلصَّلَوٰةَ ~ الصلاة.
    assert_eq!(toks("ٱلصَّلَوٰةَ")[0].alt.as_deref(), Some("الصلاه"));
    // On alef maksura the dagger adds nothing: عَلَىٰ ~ على.
    let t = &toks("عَلَىٰ")[0];
    assert_eq!((t.term.as_str(), t.alt.as_deref()), ("علي", None));
    // Small yeh: إِبۡرَٰهِـۧمَ ~ ابراهيم.
    assert_eq!(toks("إِبۡرَٰهِـۧمَ")[0].alt.as_deref(), Some("ابراهيم"));
}

#[test]
fn spans_cover_the_written_word_with_its_marks() {
    let text = "«الكِتَابُ» مُفِيدٌ";
    let t = toks(text);
    assert_eq!(&text[t[0].start..t[0].end], "الكِتَابُ");
    assert_eq!(&text[t[1].start..t[1].end], "مُفِيدٌ");
}

#[test]
fn light_stems_strip_stacked_proclitics_and_suffixes() {
    let stems = |s: &str| tokens(s).map(|t| stem(&t.term).to_owned()).collect::<Vec<_>>();
    assert_eq!(stems("والكتاب وبالكتاب فللكتاب فالكتاب كالكتاب للكتاب"), ["كتاب"; 6]);
    assert_eq!(stems("الطالبات المعلمون مكتبتها"), ["طالب", "معلم", "مكتبت"]);
    assert_eq!(stems("تغريدة تغريدات"), ["تغريد", "تغريد"]);
    // Short words keep their first letter: وصل is not و + صل.
    assert_eq!(stems("وصل فرح"), ["وصل", "فرح"]);
}

#[test]
fn a_stem_keeps_two_letters_however_many_suffixes_match() {
    // فيه ("in it") loses ه and then still ends in ي, a suffix too; but a
    // one-letter stem ف would match every other word worn down to ف.
    assert_eq!(stem("فيه"), "في");
}

#[test]
fn runaway_words_are_cut() {
    let t = &toks(&"ب".repeat(10_000))[0];
    assert_eq!(t.term.chars().count(), fahras_core::analysis::MAX_TERM_CHARS);
    assert_eq!(t.end, 20_000, "the span still covers the whole run");
}

#[test]
fn text_without_words_has_no_tokens() {
    assert!(toks("").is_empty());
    assert!(toks("\u{064E}\u{0651}\u{064B}").is_empty());
    assert!(toks("؟!، «» — ...").is_empty());
    assert_eq!(normalize("\u{064E}\u{0651}"), "");
}

#[test]
fn the_folded_letters_are_the_letters_folding_keeps() {
    // Each stays itself; the letters folded into them do not.
    for c in FOLDED_LETTERS.chars() {
        assert_eq!(normalize(&c.to_string()), c.to_string(), "{c}");
    }
    for c in ['أ', 'إ', 'آ', 'ة', 'ى'] {
        assert_ne!(normalize(&c.to_string()), c.to_string(), "{c}");
        assert!(!FOLDED_LETTERS.contains(c), "{c}");
    }
}
