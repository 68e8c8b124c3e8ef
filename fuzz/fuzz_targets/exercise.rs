//! What the index-bytes targets do with an index that opened: use it every way
//! a page would, which must not panic.

use fahras_engine::Index;

const PROBES: &[&str] =
    &["ريف حلب ", "حل", "المساعدات", "مساعدت ", "\"ريف حلب\" -ادلب", "رونالدوو", "3750 ", "search", "ا"];

pub fn exercise(index: &Index) {
    index.info();
    for q in PROBES {
        index.search(q, 10);
        index.suggest(q, 10);
    }
    for n in 0..index.doc_count().min(16) {
        index.document(n);
    }
}
