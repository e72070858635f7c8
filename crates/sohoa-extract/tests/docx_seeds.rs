//! The DOCX versions of the seeds (scripts/make_docx.py → corpus/docx): they
//! read, carry Word numbering, header rows, spans and vertical merges, and
//! their paragraphs say what the text versions say.

use sohoa_extract::{extract_file, Block, Document, ExtractOptions};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> Document {
    extract_file(path, &ExtractOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed_docx() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus/docx"))
        .expect("corpus/docx exists (python3 scripts/make_docx.py)")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    files.sort();
    files
}

/// Body paragraphs as `label text`, the text squeezed to single spaces.
fn paragraph_lines(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => {
                let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
                Some(match &p.label {
                    Some(l) => format!("{l} {text}"),
                    None => text,
                })
            }
            _ => None,
        })
        .collect()
}

#[test]
fn seed_docx_dumps_match() {
    let files = seed_docx();
    assert_eq!(files.len(), 5, "one DOCX per seed");
    let mut differ = Vec::new();
    for path in files {
        let got = sohoa_golden::render(&read(&path));
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("utf-8 name");
        let expect = repo().join(format!("fixtures/docx/seeds/{stem}.expect.txt"));
        if let Err(problem) = sohoa_golden::check(&expect, &got) {
            differ.push(problem);
        }
    }
    sohoa_golden::assert_no_problems(
        &differ,
        "seed DOCX dumps",
        "UPDATE_EXPECT=1 cargo test -p sohoa-extract --test docx_seeds",
    );
}

#[test]
fn seed_docx_use_word_structure() {
    let docs: Vec<Document> = seed_docx().iter().map(|p| read(p)).collect();
    let paragraphs =
        || docs.iter().flat_map(|d| &d.blocks).filter_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None });
    let rows = || {
        docs.iter()
            .flat_map(|d| &d.blocks)
            .filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
            .flat_map(|t| &t.rows)
    };
    for label in ["I.", "II.", "1.", "2.", "-"] {
        assert!(paragraphs().any(|p| p.label.as_deref() == Some(label)), "no Word-numbered {label} paragraph");
    }
    assert!(
        paragraphs().all(|p| !p.text.starts_with("I. ") && !p.text.starts_with("- ")),
        "a number stayed typed in the text"
    );
    assert!(rows().any(|r| r.header), "no repeated header row");
    assert!(rows().any(|r| r.cells.len() == 1 && r.cells[0].colspan > 1), "no group row spanning the table");
    assert!(rows().flat_map(|r| &r.cells).any(|c| c.rowspan > 1), "no vertical merge");
}

/// Every body paragraph of the DOCX is a paragraph of the seed's text version
/// (the same words; the DOCX reader only moves the number into the label).
#[test]
fn seed_docx_paragraphs_have_the_seed_wording() {
    for path in seed_docx() {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("utf-8 name");
        let seed = std::fs::read_to_string(repo().join(format!("corpus/seeds/{stem}.txt"))).expect("seed");
        let squeeze =
            |s: &str| s.replace("**", "").replace(['*', '#'], "").split_whitespace().collect::<Vec<_>>().join(" ");
        let seed_words = squeeze(&seed);
        for line in paragraph_lines(&read(&path)) {
            let probe: String = squeeze(&line).chars().take(40).collect();
            assert!(seed_words.contains(&probe), "{stem}: {probe:?} is not seed wording");
        }
    }
}

/// The numbers the generator wrote as Word numbering are the ones LibreOffice
/// prints (fixtures/docx/printed/<stem>.txt, made by scripts/make_printed.sh):
/// every labelled body paragraph's label and first word, in order.
#[test]
fn seed_docx_labels_are_printed() {
    for path in seed_docx() {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("utf-8 name");
        let printed =
            std::fs::read_to_string(repo().join(format!("fixtures/docx/printed/{stem}.txt"))).expect("printed fixture");
        let printed = printed.split_whitespace().collect::<Vec<_>>().join(" ");
        let doc = read(&path);
        let mut at = 0;
        let mut checked = 0;
        for b in &doc.blocks {
            let Block::Paragraph(p) = b else { continue };
            let Some(label) = p.label.as_deref().filter(|l| *l != "-" && *l != "+") else { continue };
            let needle = format!("{label} {}", p.text.split_whitespace().next().unwrap_or(""));
            match printed[at..].find(&needle) {
                Some(i) => at += i + needle.len(),
                None => panic!("{stem}: {needle:?} not printed after byte {at}"),
            }
            checked += 1;
        }
        assert!(checked > 0 || stem.starts_with("004"), "{stem}: no numbered paragraphs");
    }
}
