//! Reading a corpus: every accepted file kind, ids, titles and urls as documented.

// Native only: reads files.
#![cfg(not(target_arch = "wasm32"))]

use fahras_engine::Index;
use fahras_indexer::{build_index, read_corpus, Document};
use std::path::PathBuf;

/// A fresh directory under the target dir, removed and recreated.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    dir
}

fn find<'a>(docs: &'a [Document], id: &str) -> &'a Document {
    docs.iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no document {id:?} in {:?}", docs.iter().map(|d| &d.id).collect::<Vec<_>>()))
}

#[test]
fn every_kind_of_file() {
    let dir = scratch("corpus-kinds");
    let write = |p: &str, s: &str| std::fs::write(dir.join(p), s).unwrap();
    write("a.txt", "\u{FEFF}\n  عنوان النص\nنص الخبر الأول");
    write("b.md", "# عنوان ماركداون\nفقرة");
    write("sub/c.html", "<html><head><title>صفحة &amp; عنوان</title><script>var x = 'سر';</script></head><body><p>مرحبا <b>بالعالم</b></p></body></html>");
    write(
        "d.json",
        r#"[{"id": "rec-1", "title": "سجل", "url": "https://example.org/1", "text": "نص السجل"}, {"id": 7, "text": "بلا عنوان\nسطر ثان"}]"#,
    );
    write("e.jsonl", "{\"id\": \"l1\", \"title\": \"سطر\", \"text\": \"نص\"}\n\n{\"text\": \"بلا معرف\"}\n");
    write("ignored.csv", "a,b");
    write(".hidden.txt", "مخفي");
    let docs = read_corpus(&dir).unwrap();
    assert_eq!(docs.len(), 7, "{docs:?}");

    let a = find(&docs, "a.txt");
    assert_eq!(a.title, "عنوان النص", "first non-empty line, BOM dropped");
    assert_eq!(find(&docs, "b.md").title, "عنوان ماركداون", "markdown heading marks dropped");
    let c = find(&docs, "sub/c.html");
    assert_eq!(c.title, "صفحة & عنوان");
    assert_eq!(c.text, "مرحبا بالعالم", "tags and scripts stripped");
    let r = find(&docs, "rec-1");
    assert_eq!((r.title.as_str(), r.url.as_deref()), ("سجل", Some("https://example.org/1")));
    assert_eq!(find(&docs, "7").title, "بلا عنوان", "numeric ids, title from the first line");
    assert_eq!(find(&docs, "l1").text, "نص");
    assert_eq!(find(&docs, "e.jsonl#3").text, "بلا معرف", "no id: path and line");

    // Script text never reaches the index.
    let index = Index::from_bytes(build_index(&docs)).unwrap();
    assert!(index.search("سر ", 10).is_empty());
    assert_eq!(index.search("بالعالم", 10)[0].id, "sub/c.html");
}

#[test]
fn a_single_file_and_errors() {
    let dir = scratch("corpus-errors");
    std::fs::write(dir.join("one.jsonl"), "{\"id\": \"x\", \"text\": \"نص\"}\n").unwrap();
    assert_eq!(read_corpus(&dir.join("one.jsonl")).unwrap()[0].id, "x");

    std::fs::write(dir.join("bad.jsonl"), "{\"id\": \"x\", \"text\": \"نص\"}\nnot json\n").unwrap();
    let err = read_corpus(&dir.join("bad.jsonl")).unwrap_err().to_string();
    assert!(err.contains("bad.jsonl:2"), "{err}");

    let empty = scratch("corpus-empty");
    let err = read_corpus(&empty).unwrap_err().to_string();
    assert!(err.contains("no .txt, .md, .html, .json or .jsonl documents"), "{err}");
    assert!(read_corpus(&empty.join("missing")).is_err());
}
