//! Per-stage goldens of segment: every text-layer file of the listed corpus
//! folders is read (OCR off), outlined, and its `Outline::dump` compared with
//! `fixtures/segment/<folder>/<file name>.outline.txt`. `UPDATE_EXPECT=1`
//! rewrites them (`sohoa_golden`'s one rule); review the diff like any golden.

use sohoa_extract::{extract_file, ExtractOptions, OcrMode};
use std::path::{Path, PathBuf};

/// Corpus folders with a text layer (the scan folders need OCR: their
/// outlines are covered by the record goldens).
const FOLDERS: &[&str] = &["seeds", "docx", "docx-layout", "tcvn3", "vni", "pdf", "pdf-layout", "real", "archive"];

/// The formats sohoa reads.
const EXTENSIONS: &[&str] = &["txt", "md", "docx", "doc", "rtf", "xlsx", "xls", "ods", "pdf"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The readable files directly in `dir`, sorted.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().and_then(|x| x.to_str()).is_some_and(|x| EXTENSIONS.contains(&x)))
        .collect();
    files.sort();
    files
}

/// The outline dump of one file, or the reader's error in one line.
fn outline_of(path: &Path) -> String {
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    match extract_file(path, &opts) {
        Ok(doc) => sohoa_segment::outline(&doc).dump(),
        Err(e) => format!("ERROR {e}\n"),
    }
}

#[test]
fn every_outline_matches_its_golden() {
    let mut problems = Vec::new();
    let mut count = 0;
    for folder in FOLDERS {
        for path in inputs(&repo().join("corpus").join(folder)) {
            let name = path.file_name().and_then(|n| n.to_str()).expect("corpus file names are UTF-8");
            let golden = repo().join("fixtures/segment").join(folder).join(format!("{name}.outline.txt"));
            if let Err(p) = sohoa_golden::check(&golden, &outline_of(&path)) {
                problems.push(p);
            }
            count += 1;
        }
    }
    assert!(count >= 40, "only {count} corpus files found: is corpus/ complete?");
    sohoa_golden::assert_no_problems(
        &problems,
        "outline dump(s)",
        "UPDATE_EXPECT=1 cargo test -p sohoa-segment --test outline_goldens",
    );
}
