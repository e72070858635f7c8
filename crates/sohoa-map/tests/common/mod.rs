//! Shared by the data-driven tests of sohoa-map: where the repository is, and the gold files.

#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// The repository root: `SOHOA_REPO` if set, else the first ancestor of the crate holding `fixtures/gold`.
pub fn repo() -> PathBuf {
    if let Some(p) = std::env::var_os("SOHOA_REPO") {
        return PathBuf::from(p);
    }
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .find(|p| p.join("fixtures/gold").is_dir())
        .map(PathBuf::from)
        .expect("fixtures/gold above the crate")
}

/// One gold file: its stem, the plan year of its document, all its records.
pub struct GoldDoc {
    pub stem: String,
    pub year: Option<i32>,
    pub records: Vec<Value>,
}

pub fn gold_docs() -> Vec<GoldDoc> {
    let dir = repo().join("fixtures/gold");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/gold")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.jsonl"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load(p)).collect()
}

fn load(path: &PathBuf) -> GoldDoc {
    let text = std::fs::read_to_string(path).expect("gold file");
    let records: Vec<Value> = text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("gold JSON")).collect();
    let year = records.iter().find(|r| r["type"] == "document").and_then(|d| d["year"].as_i64()).map(|y| y as i32);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    GoldDoc { stem: name.trim_end_matches(".gold.jsonl").to_string(), year, records }
}

/// The seed text of a gold file (`corpus/seeds/<stem>.txt`).
pub fn seed_text(stem: &str) -> String {
    std::fs::read_to_string(repo().join("corpus/seeds").join(format!("{stem}.txt"))).expect("seed text")
}
