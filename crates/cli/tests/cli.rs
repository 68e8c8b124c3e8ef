//! The `fahras` command as a shell user runs it.

// Native only: runs a process.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn fahras(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fahras")).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn index_then_search_own_documents() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(
        dir.join("docs/x.jsonl"),
        "{\"id\": \"q1\", \"title\": \"الفاتحة\", \"text\": \"ٱلۡحَمۡدُ لِلَّهِ رَبِّ ٱلۡعَٰلَمِينَ\"}\n",
    )
    .unwrap();
    let index = dir.join("index.bin");
    let (docs, out) = (dir.join("docs"), index.to_str().unwrap());
    stdout(&fahras(&["index", docs.to_str().unwrap(), "-o", out]));

    let results: serde_json::Value =
        serde_json::from_str(&stdout(&fahras(&["search", "--index", out, "--json", "الحمد لله"]))).unwrap();
    assert_eq!(results["total"], 1);
    assert_eq!(results["hits"][0]["id"], "q1");
    let info: serde_json::Value = serde_json::from_str(&stdout(&fahras(&["info", "--index", out]))).unwrap();
    assert_eq!(info["documents"], 1);
    assert!(stdout(&fahras(&["search", "--index", out, "رب العالمين"])).contains("[ٱلۡعَٰلَمِينَ]"));
}

#[test]
fn default_corpus_and_analyze() {
    let index = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("default.idx");
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    stdout(&fahras(&["index", corpus, "-o", index.to_str().unwrap()]));
    let index = index.to_str().unwrap();
    let results: serde_json::Value =
        serde_json::from_str(&stdout(&fahras(&["search", "--index", index, "--json", "--limit", "1", "رونالدو"])))
            .unwrap();
    assert!(results["hits"][0]["id"].as_str().unwrap().starts_with("000"));
    let tokens: serde_json::Value = serde_json::from_str(&stdout(&fahras(&["analyze", "وبالكتاب"]))).unwrap();
    assert_eq!(tokens[0]["stem"], "كتاب");
}

#[test]
fn errors_are_clear_and_exit_non_zero() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-errors");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.bin");
    std::fs::write(&bad, b"not an index at all, just some bytes long enough for a header......").unwrap();
    let o = fahras(&["search", "--index", bad.to_str().unwrap(), "حلب"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a Fahras index"));
    let o = fahras(&["index", "nowhere-to-be-found", "-o", dir.join("x.bin").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(fahras(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn document_text_cannot_drive_the_terminal() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-escapes");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let record = serde_json::json!({
        "id": "evil\u{1b}]0;owned\u{7}",
        "title": "عنوان\u{1b}[2J\u{1b}[31m",
        "text": "حلب \u{202E}txt.exe\u{202C} \u{9b}6n نص",
    });
    std::fs::write(dir.join("evil.jsonl"), record.to_string()).unwrap();
    let index = dir.join("evil.idx");
    let out = fahras(&["index", dir.join("evil.jsonl").to_str().unwrap(), "-o", index.to_str().unwrap()]);
    let summary = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(summary.contains("indexed 1 documents from 1 files"), "{summary}");
    let shown = stdout(&fahras(&["search", "--index", index.to_str().unwrap(), "حلب"]));
    assert!(!shown.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202E}']), "{shown:?}");
    assert!(shown.contains("\\u{1b}[2J") && shown.contains("\\u{202e}txt.exe"), "{shown:?}");
    // JSON output stays exact: a program reading it gets the text as indexed.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&fahras(&["search", "--index", index.to_str().unwrap(), "--json", "حلب"])))
            .unwrap();
    assert_eq!(json["hits"][0]["title"], "عنوان\u{1b}[2J\u{1b}[31m");
    // The document view escapes the same way, line by line.
    let shown =
        stdout(&fahras(&["show", "--index", index.to_str().unwrap(), "--query", "حلب", "evil\u{1b}]0;owned\u{7}"]));
    assert!(!shown.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202E}']), "{shown:?}");
    assert!(shown.contains("[حلب] \\u{202e}txt.exe"), "{shown:?}");
}

/// An index of news records with metadata, in its own directory.
fn news_index(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let sources = ["الجزيرة", "العربية", "بي بي سي"];
    let records: Vec<String> = (0..12)
        .map(|i| {
            serde_json::json!({
                "id": format!("n{i:02}"),
                "title": format!("خبر {i}"),
                "text": format!("قافلة إلى حلب {i}\nوالسطر الثاني عن حلب"),
                "meta": { "source": sources[i % 3], "date": format!("2024-{:02}-01", 12 - i), "n": i },
            })
            .to_string()
        })
        .collect();
    std::fs::write(dir.join("news.jsonl"), records.join("\n")).unwrap();
    let index = dir.join("news.idx");
    stdout(&fahras(&["index", dir.join("news.jsonl").to_str().unwrap(), "-o", index.to_str().unwrap()]));
    index.to_str().unwrap().to_owned()
}

#[test]
fn search_pages_filters_and_sorts() {
    let index = news_index("cli-query");
    let page = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["search", "--index", &index, "--json"];
        all.extend(args);
        serde_json::from_str(&stdout(&fahras(&all))).unwrap()
    };
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_owned()).collect()
    };
    let first = page(&["--limit", "5", "حلب"]);
    assert_eq!(first["total"], 12);
    let second = page(&["--limit", "5", "--offset", "5", "حلب"]);
    assert!(ids(&second).iter().all(|id| !ids(&first).contains(id)));
    // The same key twice: either value.
    let filtered = page(&["--filter", "source=العربية", "--filter", "source=الجزيرة", "--limit", "20", "حلب"]);
    assert_eq!(filtered["total"], 8);
    assert_eq!(filtered["facets"]["source"]["بي بي سي"], 4, "a filtered key still counts its other values");
    let by_date = page(&["--sort", "date:asc", "--limit", "3", "--filter", "source=العربية"]);
    assert_eq!(ids(&by_date), ["n10", "n07", "n04"], "an empty query browses the filter, here by date");
    assert_eq!(by_date["hits"][0]["meta"]["n"], 10);

    let human =
        stdout(&fahras(&["search", "--index", &index, "--limit", "2", "--offset", "3", "--sort", "n:desc", "حلب"]));
    let lines: Vec<&str> = human.lines().collect();
    assert_eq!(lines[0], "12 documents match, showing 4-5");
    assert!(lines[1].starts_with("4. خبر 8 (n08)"), "{human}");
    assert_eq!(lines[2], "   date: 2024-04-01 · n: 8 · source: بي بي سي");
    let none = stdout(&fahras(&["search", "--index", &index, "لا يوجد"]));
    assert_eq!(none, "0 documents match\n");
}

#[test]
fn show_prints_one_document_whole() {
    let index = news_index("cli-show");
    let shown = stdout(&fahras(&["show", "--index", &index, "--query", "حلب", "n03"]));
    assert_eq!(
        shown,
        "خبر 3\nn03\ndate: 2024-09-01 · n: 3 · source: الجزيرة\n\nقافلة إلى [حلب] 3\nوالسطر الثاني عن [حلب]\n"
    );
    let plain = stdout(&fahras(&["show", "--index", &index, "n03"]));
    assert!(plain.ends_with("\nقافلة إلى حلب 3\nوالسطر الثاني عن حلب\n"), "{plain}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&fahras(&["show", "--index", &index, "--json", "--query", "قافلة", "n03"])))
            .unwrap();
    assert_eq!(json["text"], "قافلة إلى حلب 3\nوالسطر الثاني عن حلب");
    assert_eq!(json["segments"][0], serde_json::json!({ "text": "قافلة", "hit": true }));
    assert_eq!(json["meta"]["source"], "الجزيرة");
}

#[test]
fn bad_query_options_are_named() {
    let index = news_index("cli-bad-options");
    for (args, message) in [
        (&["--filter", "source"][..], "--filter needs key=value"),
        (&["--sort", "date"], "--sort needs key:asc or key:desc"),
        (&["--sort", "date:up"], "--sort needs key:asc or key:desc"),
        (&["--offset", "-1"], "--offset needs a whole number"),
    ] {
        let mut all = vec!["search", "--index", &index];
        all.extend(args);
        all.push("حلب");
        let o = fahras(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains(message), "{args:?}");
    }
    let o = fahras(&["show", "--index", &index, "n99"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no document has the id \"n99\""));
    assert_eq!(fahras(&["show", "--index", &index]).status.code(), Some(2));
}
