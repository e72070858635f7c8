//! Shared by the data-driven reader tests: the check of every fixture of a
//! folder against its `.expected.txt` (rendered by `sohoa_golden::render`),
//! corpus file lists and a document's plain text.
// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use sohoa_extract::{extract_bytes, Document, ExtractOptions, OcrMode};
pub use sohoa_golden::{render, PlainText};
use std::path::{Path, PathBuf};

/// `fixtures/<name>` of the repository.
pub fn fixtures(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(name)
}

/// Every `fixtures/<name>/*.<ext>` (crash fixtures aside) renders as its
/// `.expected.txt`; `UPDATE_EXPECT=1` rewrites those instead.
pub fn check_fixtures(name: &str, ext: &str) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures(name))
        .unwrap_or_else(|e| panic!("fixtures/{name}: {e}"))
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == ext)
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("crash-"))
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no .{ext} fixtures in fixtures/{name}");
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    let mut problems = Vec::new();
    for p in paths {
        let bytes = std::fs::read(&p).expect("fixture readable");
        let doc =
            extract_bytes(&p.display().to_string(), &bytes, &opts).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let want_path = p.with_extension("expected.txt");
        if let Err(problem) = sohoa_golden::check(&want_path, &render(&doc)) {
            problems.push(problem);
        }
    }
    sohoa_golden::assert_no_problems(&problems, "fixture renderings", "UPDATE_EXPECT=1 cargo test -p sohoa-extract");
}

/// `corpus/real/<sub>` of the repository.
pub fn corpus(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/real").join(sub)
}

pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus directory is in the repo")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

pub fn opts() -> ExtractOptions {
    ExtractOptions { ocr: OcrMode::Off, ..Default::default() }
}

/// All text of a document in reading order, one paragraph or cell per line.
pub fn plain_text(doc: &Document) -> String {
    sohoa_golden::plain_text(doc, PlainText::default())
}
