//! Real DOCX files of corpus/real: each reads without error, its dump matches
//! the expected dump beside the fixtures (refresh with `UPDATE_EXPECT=1`), and
//! the numbers Word prints (rendered by LibreOffice, fixtures/docx/printed)
//! are the labels the reader emits.

use sohoa_extract::{extract_file, Block, Document, ExtractOptions, Paragraph};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn real_docx() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus/real"))
        .expect("corpus/real exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Document {
    extract_file(path, &ExtractOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_real_docx_reads_and_matches_its_dump() {
    let files = real_docx();
    assert!(files.len() >= 6, "expected the real DOCX corpus, found {}", files.len());
    let mut mismatched = Vec::new();
    for path in files {
        let doc = read(&path);
        assert!(doc.blocks.len() > 5, "{}: only {} blocks", path.display(), doc.blocks.len());
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("utf-8 name");
        let expect = repo().join("fixtures/docx/real").join(format!("{stem}.expect.txt"));
        if let Err(problem) = sohoa_golden::check(&expect, &sohoa_golden::render(&doc)) {
            mismatched.push(problem);
        }
    }
    sohoa_golden::assert_no_problems(
        &mismatched,
        "real DOCX dumps",
        "UPDATE_EXPECT=1 cargo test -p sohoa-extract --test docx_real",
    );
}

/// A section number typed at the start of a paragraph (`I.`, `1.2.`, `a)`, `Điều 3.`).
static TYPED_NUMBER: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(r"^(?:(?:[IVXL]+|\d+(?:\.\d+)*)\.|[a-zđ]\)|Điều \d+\.|Phần [IVX]+\.?)\s").expect("valid regex")
});

/// The printed start of a numbered body paragraph: its Word label (or the
/// number typed in its text) and the first word after it.
fn printed_start(p: &Paragraph) -> Option<String> {
    let words: Vec<&str> = p.text.split_whitespace().collect();
    match p.label.as_deref() {
        Some("-" | "+") => None,
        Some(label) => Some(format!("{label} {}", words.first().copied().unwrap_or(""))),
        None if TYPED_NUMBER.is_match(&p.text) => {
            let m = TYPED_NUMBER.find(&p.text).expect("matched above");
            let number = p.text[..m.end()].trim();
            let after = p.text[m.end()..].split_whitespace().next().unwrap_or("");
            Some(format!("{number} {after}"))
        }
        None => None,
    }
}

/// The printed starts of a block: a numbered paragraph's label and first
/// word, or for a table, the section number (`1.`, `2.1.`, `I`) alone in the
/// first cell of each row (the layout text interleaves cells, so the number
/// is checked as a word of its own).
fn numbered_starts(block: &Block) -> Vec<(String, u32)> {
    match block {
        Block::Paragraph(p) => printed_start(p).map(|s| (s, p.span.line)).into_iter().collect(),
        Block::Table(t) => t
            .rows
            .iter()
            .filter(|r| !r.header && r.cells.len() > 1)
            .filter(|r| ROW_NUMBER.is_match(&r.cells[0].text))
            .map(|r| (format!(" {} ", r.cells[0].text), r.span.line))
            .collect(),
        Block::PageBreak { .. } => Vec::new(),
    }
}

/// A section number alone in a table cell.
static ROW_NUMBER: once_cell::sync::Lazy<regex::Regex> =
    once_cell::sync::Lazy::new(|| regex::Regex::new(r"^(?:[IVX]+\.?|\d+(?:\.\d+)*\.?)$").expect("valid regex"));

/// Every numbered body paragraph's number appears in the printed text,
/// followed by the paragraph's first word, in document order; every table
/// cell that starts with a Word label has that label printed.
fn check_printed(stem: &str) {
    let doc = read(&repo().join(format!("corpus/real/{stem}.docx")));
    let printed =
        std::fs::read_to_string(repo().join(format!("fixtures/docx/printed/{stem}.txt"))).expect("printed fixture");
    let printed = printed.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = 0;
    let mut checked = 0;
    for block in &doc.blocks {
        for (needle, line) in numbered_starts(block) {
            match printed[at..].find(&needle) {
                Some(i) => at += i + needle.len(),
                None => panic!("{stem}: {needle:?} (line {line}) not printed after byte {at}"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 5, "{stem}: only {checked} numbered paragraphs");
}

#[test]
fn printed_numbers_real_03_word_numbering() {
    let stem = "03_laocai_sct_KH2242_kiemtra_GCN_2026";
    check_printed(stem);
    let doc = read(&repo().join(format!("corpus/real/{stem}.docx")));
    let tt: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| t.rows.iter().filter_map(|r| r.cells.first()))
        .filter(|c| c.text.ends_with('.') && c.text.len() <= 3)
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(tt, (1..=9).map(|i| format!("{i}.")).collect::<Vec<_>>(), "auto-numbered TT column");
}

#[test]
fn printed_numbers_real_12() {
    check_printed("12_lamdong_ubnd_KH_CCHC_2026-2030_tasktable");
}

#[test]
fn printed_numbers_real_13() {
    check_printed("13_lamdong_ubnd_KH_kiemtra_CCHC_2026");
}

#[test]
fn printed_numbers_real_14() {
    check_printed("14_lamdong_ubnd_KH_tuyentruyen_CCHC_2026_inlinetables");
}

#[test]
fn printed_numbers_real_18() {
    check_printed("18_lamdong_ubnd_BC_CCHC_2025_phuluc_KPI_mergedcells");
}

#[test]
fn annex_table_of_real_12_keeps_rows_and_vertical_merges() {
    let doc = read(&repo().join("corpus/real/12_lamdong_ubnd_KH_CCHC_2026-2030_tasktable.docx"));
    let biggest = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .max_by_key(|t| t.rows.len())
        .expect("real 12 has tables");
    assert!((60..=90).contains(&biggest.rows.len()), "annex has {} rows", biggest.rows.len());
    let merged: Vec<_> = biggest.rows.iter().flat_map(|r| &r.cells).filter(|c| c.rowspan > 1).collect();
    assert!(!merged.is_empty(), "annex lost its vertical merges");
    let total_rows = biggest.rows.len() as u16;
    for (i, row) in biggest.rows.iter().enumerate() {
        for c in &row.cells {
            assert!(i as u16 + c.rowspan <= total_rows, "rowspan runs past the table at row {i}");
        }
    }
    assert!(biggest.rows.iter().any(|r| r.cells.iter().any(|c| c.colspan > 1)), "annex lost its group rows");
}
