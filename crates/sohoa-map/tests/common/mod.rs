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
    paths.iter().map(load).collect()
}

fn load(path: &PathBuf) -> GoldDoc {
    let text = std::fs::read_to_string(path).expect("gold file");
    let records: Vec<Value> =
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("gold JSON")).collect();
    let year = records.iter().find(|r| r["type"] == "document").and_then(|d| d["year"].as_i64()).map(|y| y as i32);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    GoldDoc { stem: name.trim_end_matches(".gold.jsonl").to_string(), year, records }
}

/// The seed text of a gold file (`corpus/seeds/<stem>.txt`).
pub fn seed_text(stem: &str) -> String {
    std::fs::read_to_string(repo().join("corpus/seeds").join(format!("{stem}.txt"))).expect("seed text")
}

/// A piece of a seed text as the pipeline would hand it over: one paragraph (lines joined)
/// or one table cell, markup removed, white space folded.
pub struct Piece {
    pub text: String,
    /// Before the body: a `Căn cứ ...` / `Thực hiện ...` paragraph of the preamble.
    pub preamble: bool,
}

fn strip_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '*' | '#' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn fold_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The test's simple splitter: blank-line separated blocks, tab rows split into cells.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut body = false;
    for block in text.split("\n\n") {
        let mut para = String::new();
        for line in block.lines() {
            if line.contains('\t') {
                for cell in line.split('\t') {
                    let c = fold_space(&strip_markup(cell));
                    if !c.is_empty() {
                        out.push(Piece { text: c, preamble: false });
                    }
                }
                continue;
            }
            let l = strip_markup(line);
            let l = l.trim();
            if para.ends_with('-') || para.is_empty() {
                para.push_str(l);
            } else {
                para.push(' ');
                para.push_str(l);
            }
        }
        let p = fold_space(&para);
        if p.is_empty() {
            continue;
        }
        let lower = p.to_lowercase();
        if lower.starts_with("điều 1") || lower.starts_with("i. ") || lower.starts_with("quyết định:") {
            body = true;
        }
        let preamble = !body && (lower.starts_with("căn cứ") || lower.starts_with("thực hiện"));
        out.push(Piece { text: p, preamble });
    }
    out
}

/// The document's own number from its `Số:` line (`169/KH-UBND`, `/QĐ-UBND`).
pub fn own_number(text: &str) -> Option<String> {
    let line = text.lines().find(|l| l.trim_start().starts_with("Số:"))?;
    let rest = line.trim_start().trim_start_matches("Số:");
    let token: String = rest
        .split_whitespace()
        .take_while(|w| w.contains('/') || w.chars().all(|c| c.is_ascii_digit()) || *w == "-")
        .collect();
    (!token.is_empty()).then_some(token)
}
