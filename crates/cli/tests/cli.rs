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

    let hits: serde_json::Value =
        serde_json::from_str(&stdout(&fahras(&["search", "--index", out, "--json", "الحمد لله"]))).unwrap();
    assert_eq!(hits[0]["id"], "q1");
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
    let hits: serde_json::Value =
        serde_json::from_str(&stdout(&fahras(&["search", "--index", index, "--json", "--limit", "1", "رونالدو"])))
            .unwrap();
    assert!(hits[0]["id"].as_str().unwrap().starts_with("000"));
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
    assert_eq!(json[0]["title"], "عنوان\u{1b}[2J\u{1b}[31m");
}
