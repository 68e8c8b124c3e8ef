//! What the examples share: reading query sets.

use serde::Deserialize;

#[derive(Deserialize)]
struct Query {
    q: String,
}

/// The queries (`q` of each JSON line) of `files`, in order.
pub fn read_queries(files: &[String]) -> Vec<String> {
    files
        .iter()
        .flat_map(|f| std::fs::read_to_string(f).expect("read queries").lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Query>(&l).expect("query line").q)
        .collect()
}
