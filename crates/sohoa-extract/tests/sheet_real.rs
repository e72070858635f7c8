//! Spreadsheets of corpus/real (xlsx) and corpus/real/legacy (xls): each
//! reads into tables whose dump matches the expected dump beside the
//! fixtures (refresh with `UPDATE_EXPECT=1`); merged ranges come out as spans
//! and numbers as a person reads them.

use sohoa_extract::{extract_file, Block, Document, ExtractOptions};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sheets() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["corpus/real", "corpus/real/legacy"] {
        for e in std::fs::read_dir(repo().join(dir)).expect("corpus dir").flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "xlsx" || x == "xls" || x == "ods") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn read(path: &Path) -> Document {
    extract_file(path, &ExtractOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_spreadsheet_reads_and_matches_its_dump() {
    let files = sheets();
    assert!(files.len() >= 4, "expected xlsx and xls files, found {}", files.len());
    let mut differ = Vec::new();
    for path in files {
        let doc = read(&path);
        assert!(
            doc.blocks.iter().any(|b| matches!(b, Block::Table(t) if t.rows.len() > 2)),
            "{}: no table",
            path.display()
        );
        let name = path.file_name().and_then(|s| s.to_str()).expect("utf-8 name");
        let expect = repo().join("fixtures/sheet").join(format!("{name}.expect.txt"));
        if let Err(problem) = sohoa_golden::check(&expect, &sohoa_golden::render(&doc)) {
            differ.push(problem);
        }
    }
    sohoa_golden::assert_no_problems(
        &differ,
        "spreadsheet dumps",
        "UPDATE_EXPECT=1 cargo test -p sohoa-extract --test sheet_real",
    );
}

#[test]
fn merged_ranges_become_spans_and_numbers_read_naturally() {
    let docs: Vec<Document> = sheets().iter().map(|p| read(p)).collect();
    let cells = || {
        docs.iter()
            .flat_map(|d| &d.blocks)
            .filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
            .flat_map(|t| &t.rows)
            .flat_map(|r| &r.cells)
    };
    assert!(cells().any(|c| c.colspan > 1), "no merged columns");
    assert!(cells().all(|c| !c.text.ends_with(".0")), "a float printed with .0");
    assert!(cells().all(|c| !c.text.contains("00000000")), "binary float noise");
}
