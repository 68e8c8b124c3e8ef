//! Reading a corpus: every accepted file kind, ids, titles and urls as documented.

// Native only: reads files.
#![cfg(not(target_arch = "wasm32"))]

use fahras_engine::Index;
use fahras_indexer::{build_index, read_corpus, read_inputs, Document, Event, Value, MAX_DOCUMENT_WORDS};
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

/// Reads `inputs`, returning the documents (or the error) and every event as text.
fn read_logged(inputs: &[PathBuf]) -> (Result<Vec<Document>, String>, Vec<String>) {
    read_excluding(inputs, &[])
}

fn read_excluding(inputs: &[PathBuf], excluded: &[PathBuf]) -> (Result<Vec<Document>, String>, Vec<String>) {
    let mut events = Vec::new();
    let docs = read_inputs(inputs, excluded, &mut |e| {
        events.push(match e {
            Event::Read { path, documents } => format!("read {} {documents}", path.display()),
            Event::Skipped { path, why } => format!("skipped {}: {why}", path.display()),
            Event::Split { at, parts } => format!("split {at} {parts}"),
        })
    });
    (docs.map_err(|e| e.to_string()), events)
}

#[test]
fn links_never_walk_a_directory_twice_and_other_files_are_skipped() {
    use std::os::unix::fs::symlink;
    let dir = scratch("corpus-links");
    std::fs::write(dir.join("sub/a.txt"), "نص أ").unwrap();
    std::fs::write(dir.join("z.txt"), "نص ي").unwrap();
    // A loop back to the root, a link to a sibling already walked, a link to a file,
    // a broken link, and two links to one directory outside the root.
    symlink("..", dir.join("sub/loop")).unwrap();
    symlink("sub", dir.join("again")).unwrap();
    symlink("z.txt", dir.join("y.txt")).unwrap();
    symlink("missing", dir.join("broken.txt")).unwrap();
    let outside = scratch("corpus-links-outside");
    std::fs::write(outside.join("o.txt"), "نص خارجي").unwrap();
    symlink(&outside, dir.join("out1")).unwrap();
    symlink(&outside, dir.join("sub/out2")).unwrap();
    let pipe = dir.join("pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&pipe).status().unwrap().success());

    let (docs, events) = common_bounded(move || read_logged(&[dir]));
    let ids: Vec<String> = docs.unwrap().into_iter().map(|d| d.id).collect();
    // Real paths first: sub/ is walked as itself, and the outside directory once,
    // through the first link reached in path order.
    assert_eq!(ids, ["out1/o.txt", "sub/a.txt", "y.txt", "z.txt"], "{events:#?}");
    let skipped: Vec<&String> = events.iter().filter(|e| e.starts_with("skipped")).collect();
    assert_eq!(skipped.len(), 5, "{skipped:#?}");
    for (name, why) in [
        ("sub/loop", "a directory already indexed"),
        ("again", "a directory already indexed"),
        ("sub/out2", "a directory already indexed"),
        ("broken.txt", "a broken symbolic link"),
        ("pipe.txt", "not a regular file"),
    ] {
        assert!(skipped.iter().any(|e| e.contains(name) && e.contains(why)), "{name}: {skipped:#?}");
    }
}

/// Runs `f` on a thread with a deadline: a walk that loops must fail, not hang.
fn common_bounded<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(f()));
    rx.recv_timeout(std::time::Duration::from_secs(20)).expect("the walk finished")
}

#[test]
fn files_that_are_not_utf8_text_are_skipped_and_named() {
    let dir = scratch("corpus-binary");
    std::fs::write(dir.join("ok.txt"), "نص سليم").unwrap();
    std::fs::write(dir.join("random.txt"), (0..=255u8).cycle().take(4096).collect::<Vec<_>>()).unwrap();
    // «العربية» in Windows-1256.
    std::fs::write(dir.join("cp1256.txt"), [0xC7, 0xE1, 0xDA, 0xD1, 0xC8, 0xED, 0xC9]).unwrap();
    std::fs::write(dir.join("records.jsonl"), b"{\"id\": \"x\", \"text\": \"\xFF\"}\n").unwrap();
    let (docs, events) = read_logged(&[dir]);
    assert_eq!(docs.unwrap().iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["ok.txt"]);
    for (name, why) in
        [("random.txt", "a binary file"), ("cp1256.txt", "not UTF-8 text"), ("records.jsonl", "not UTF-8")]
    {
        assert!(events.iter().any(|e| e.contains(name) && e.contains(why)), "{name}: {events:#?}");
    }
}

#[test]
fn duplicate_ids_are_refused_naming_both_places() {
    let dir = scratch("corpus-duplicates");
    std::fs::write(dir.join("a.jsonl"), "{\"id\": \"x\", \"text\": \"أ\"}\n{\"id\": \"y\", \"text\": \"ب\"}\n")
        .unwrap();
    std::fs::write(dir.join("b.json"), "{\"id\": \"y\", \"text\": \"ج\"}").unwrap();
    let err = read_corpus(&dir).unwrap_err().to_string();
    assert!(err.contains("duplicate document id \"y\""), "{err}");
    assert!(err.contains("a.jsonl:2") && err.contains("b.json"), "{err}");
}

#[test]
fn records_carry_metadata_language_and_direction() {
    let dir = scratch("corpus-meta");
    let line = r#"{"id": "m", "text": "نص", "meta": {"year": 2023, "source": "وكالة", "ratio": 0.5}, "lang": "ar", "dir": "rtl"}"#;
    std::fs::write(dir.join("m.jsonl"), line).unwrap();
    let doc = &read_corpus(&dir).unwrap()[0];
    let text = |s: &str| Value::Text(s.into());
    let number = |s: &str| Value::Number(s.into());
    assert_eq!(
        doc.meta,
        [("ratio".into(), number("0.5")), ("source".into(), text("وكالة")), ("year".into(), number("2023"))]
    );
    assert_eq!((doc.lang.as_deref(), doc.dir.as_deref()), (Some("ar"), Some("rtl")));
    let index = Index::from_bytes(build_index(&read_corpus(&dir).unwrap())).unwrap();
    let stored = serde_json::to_value(index.document(0).unwrap()).unwrap();
    assert_eq!(stored["meta"], serde_json::json!({"ratio": 0.5, "source": "وكالة", "year": 2023}));
    assert_eq!((stored["lang"].as_str(), stored["dir"].as_str()), (Some("ar"), Some("rtl")));

    for (bad, why) in [
        (r#"{"id": "a", "meta": {"tags": ["x"]}}"#, "meta.tags must be a string or a number"),
        (r#"{"id": true}"#, "id must be"),
    ] {
        std::fs::write(dir.join("m.jsonl"), bad).unwrap();
        let err = read_corpus(&dir).unwrap_err().to_string();
        assert!(err.contains("m.jsonl:1") && err.contains(why), "{err}");
    }
}

#[test]
fn a_very_long_document_is_split_into_parts_that_keep_every_word() {
    let dir = scratch("corpus-long");
    let line = "كلمة ".repeat(30) + "\n";
    let text = line.repeat(MAX_DOCUMENT_WORDS * 5 / 2 / 30);
    std::fs::write(dir.join("book.txt"), &text).unwrap();
    let (docs, events) = read_logged(&[dir]);
    let docs = docs.unwrap();
    assert_eq!(docs.len(), 3, "{events:?}");
    assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["book.txt", "book.txt#2", "book.txt#3"]);
    let title = docs[0].title.strip_suffix(" (1/3)").expect("part 1 of 3");
    assert_eq!(docs[2].title, format!("{title} (3/3)"));
    assert_eq!(docs.iter().map(|d| d.text.as_str()).collect::<String>(), text, "nothing lost");
    for d in &docs {
        let words = fahras_core::analysis::spans(&d.text).count();
        assert!(words <= MAX_DOCUMENT_WORDS, "{} has {words} words", d.id);
        assert!(d.text.is_empty() || text.contains(&d.text));
    }
    // Parts end at a line break when there is one in their second half.
    assert!(docs[0].text.ends_with('\n') && docs[1].text.ends_with('\n'));
    assert!(events.iter().any(|e| e.starts_with("split") && e.ends_with(" 3")), "{events:?}");
}

#[test]
fn several_inputs_and_an_empty_one() {
    let a = scratch("corpus-input-a");
    let b = scratch("corpus-input-b");
    std::fs::write(a.join("one.txt"), "أ").unwrap();
    std::fs::write(b.join("two.txt"), "ب").unwrap();
    let (docs, _) = read_logged(&[a.clone(), b.join("two.txt")]);
    assert_eq!(docs.unwrap().iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["one.txt", "two.txt"]);
    let empty = scratch("corpus-input-empty");
    let err = read_logged(&[empty]).0.unwrap_err();
    assert!(err.contains("no .txt, .md, .html, .json or .jsonl documents"), "{err}");
    let err = read_logged(&[a.join("missing.txt")]).0.unwrap_err();
    assert!(err.contains("missing.txt"), "{err}");
}

#[test]
fn a_site_of_pages_indexes_their_main_text_at_their_urls() {
    let dir = scratch("corpus-site");
    std::fs::create_dir_all(dir.join("news")).unwrap();
    let page = |title: &str, body: &str| {
        format!(
            "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><title>{title} | الموقع</title>\
             <meta name=\"date\" content=\"2024-05-01\"></head><body><nav>القائمة الرئيسية</nav>{body}\
             <footer>جميع الحقوق محفوظة</footer></body></html>"
        )
    };
    let write = |p: &str, s: String| std::fs::write(dir.join(p), s).unwrap();
    write("index.html", page("الرئيسية", "<main><p>مرحبا بكم</p></main>"));
    write("news/index.html", page("الأخبار", "<main><h1>آخر الأخبار</h1><p>قائمة الأخبار</p></main>"));
    write(
        "news/a.html",
        page("خبر", "<main><h1>قصف على إدلب</h1><p data-fahras-meta=\"author\">مراسلنا</p><form>ابحث</form></main>"),
    );
    write("about.html", page("من نحن", "<div><p>منظمة توثق الأحداث</p></div>"));
    let docs = read_corpus(&dir).unwrap();
    let by_url: Vec<(&str, &str, &str)> =
        docs.iter().map(|d| (d.url.as_deref().unwrap(), d.title.as_str(), d.text.as_str())).collect();
    assert_eq!(
        by_url,
        [
            ("/about.html", "من نحن | الموقع", "منظمة توثق الأحداث"),
            ("/", "الرئيسية | الموقع", "مرحبا بكم"),
            ("/news/a.html", "قصف على إدلب", "قصف على إدلب\nمراسلنا"),
            ("/news/", "آخر الأخبار", "آخر الأخبار\nقائمة الأخبار"),
        ]
    );
    let a = &docs[2];
    assert_eq!((a.id.as_str(), a.lang.as_deref(), a.dir.as_deref()), ("news/a.html", Some("ar"), Some("rtl")));
    assert_eq!(
        a.meta,
        [("date".into(), Value::Text("2024-05-01".into())), ("author".into(), Value::Text("مراسلنا".into()))]
    );

    // Once a page marks its body, pages without the mark are left out.
    write(
        "news/b.html",
        page("مختار", "<main><article data-fahras-body><p>نص مختار</p></article><p>تعليقات</p></main>"),
    );
    let (docs, events) = read_logged(&[dir]);
    let docs = docs.unwrap();
    assert_eq!(
        docs.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect::<Vec<_>>(),
        [("news/b.html", "نص مختار")]
    );
    assert_eq!(events.iter().filter(|e| e.contains("no data-fahras-body")).count(), 4, "{events:#?}");
}

#[test]
fn an_excluded_directory_is_never_entered_even_through_a_link() {
    let dir = scratch("corpus-excluded");
    std::fs::create_dir_all(dir.join("search")).unwrap();
    std::fs::write(dir.join("page.html"), "<p>صفحة</p>").unwrap();
    std::fs::write(dir.join("search/fahras.html"), "<h1>بحث</h1>").unwrap();
    std::os::unix::fs::symlink("search", dir.join("link")).unwrap();
    let (docs, events) = read_excluding(&[dir.clone()], &[dir.join("search"), dir.join("not-yet-made")]);
    assert_eq!(docs.unwrap().iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["page.html"], "{events:?}");
    assert!(events.iter().all(|e| !e.contains("search")), "{events:?}");
}

#[test]
fn a_sidecar_gives_plain_text_files_titles_urls_and_metadata() {
    let dir = scratch("corpus-sidecar");
    let write = |p: &str, s: &str| std::fs::write(dir.join(p), s).unwrap();
    write("a.txt", "سطر أول ليس عنوانا\nنص الخبر");
    write("b.md", "# عنوان ماركداون\nفقرة");
    write("sub/c.txt", "نص في مجلد فرعي");
    write("r.jsonl", "{\"id\": \"r1\", \"text\": \"سجل\"}\n");
    write(
        "fahras.meta.json",
        r#"{"a.txt": {"title": "العنوان الصحيح", "url": "/a", "meta": {"date": "2018-07", "year": 2018}},
            "b.md": {"meta": {"source": "غير معروف"}}}"#,
    );
    write("sub/fahras.meta.json", "\u{FEFF}{\"c.txt\": {\"title\": \"فرعي\"}}");
    let docs = read_corpus(&dir).unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a.txt", "b.md", "r1", "sub/c.txt"], "the sidecars are not documents");
    let a = find(&docs, "a.txt");
    assert_eq!((a.title.as_str(), a.url.as_deref()), ("العنوان الصحيح", Some("/a")));
    assert_eq!(a.meta, [("date".into(), Value::Text("2018-07".into())), ("year".into(), Value::Number("2018".into()))]);
    assert_eq!(a.text, "سطر أول ليس عنوانا\nنص الخبر", "the text is the file's");
    let b = find(&docs, "b.md");
    assert_eq!(b.title, "عنوان ماركداون", "no title in the entry: the file's own");
    assert_eq!(b.meta, [("source".into(), Value::Text("غير معروف".into()))]);
    assert_eq!(find(&docs, "sub/c.txt").title, "فرعي", "each directory's own sidecar");
    // A single file indexed alone takes nothing from a sidecar beside it.
    assert_eq!(read_corpus(&dir.join("a.txt")).unwrap()[0].title, "سطر أول ليس عنوانا");
}

#[test]
fn a_sidecar_that_does_not_fit_its_directory_stops_the_run_naming_the_entry() {
    let dir = scratch("corpus-sidecar-bad");
    std::fs::write(dir.join("a.txt"), "نص").unwrap();
    std::fs::write(dir.join("r.json"), "{\"text\": \"سجل\"}").unwrap();
    let sidecar = dir.join("fahras.meta.json");
    for (json, entry, why) in [
        (r#"{"a.txt": {"title": "ع"}, "gone.txt": {"title": "ع"}}"#, Some("gone.txt"), "no such .txt or .md file"),
        (r#"{"sub/a.txt": {}}"#, Some("sub/a.txt"), "no such .txt or .md file"),
        (r#"{"r.json": {"title": "ع"}}"#, Some("r.json"), "only .txt and .md files"),
        (r#"{"a.txt": {"meta": {"tags": ["x"]}}}"#, Some("a.txt"), "meta.tags must be a string or a number"),
        (r#"{"a.txt": {"title": 5}}"#, Some("a.txt"), "title must be a string"),
        (r#"{"a.txt": {"author": "x"}}"#, Some("a.txt"), "unknown field \"author\""),
        (r#"{"a.txt": "title"}"#, Some("a.txt"), "must be an object"),
        (r#"["a.txt"]"#, None, "must be an object mapping file names"),
        (r#"{"a.txt": {"#, None, "not valid JSON"),
    ] {
        std::fs::write(&sidecar, json).unwrap();
        let error = read_corpus(&dir).unwrap_err().to_string();
        assert!(error.starts_with(&sidecar.display().to_string()), "{error}");
        if let Some(entry) = entry {
            assert!(error.contains(&format!("entry {entry:?}")), "{error}");
        }
        assert!(error.contains(why), "{json}: {error}");
    }
}
