//! PDF versions of the seeds (`corpus/pdf/`, made by `scripts/make_pdf.sh` from
//! `corpus/docx/`) and their scanned versions (`corpus/scan/`, `scripts/make_scans.py`):
//! the words of the seed text come back, and the annex tables keep their header.

use sohoa_extract::normalize::fold_key;
use sohoa_extract::{extract_file, Block, Document, ExtractOptions, OcrMode};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn plain_text(doc: &Document) -> String {
    sohoa_golden::plain_text(doc, sohoa_golden::PlainText::default())
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `(pdf, seed text)` pairs of `dir`.
fn pairs(dir: &str) -> Vec<(PathBuf, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(root().join(dir)) else { return Vec::new() };
    let mut out: Vec<(PathBuf, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .filter_map(|p| {
            let stem = p.file_stem()?.to_str()?.to_string();
            let seed = root().join("corpus/seeds").join(format!("{stem}.txt"));
            seed.exists().then_some((p, seed))
        })
        .collect();
    out.sort();
    out
}

/// Distinct folded words (letters and digits); HTML tags of the seed dumps dropped.
fn words(text: &str) -> HashSet<String> {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => plain.push(if c.is_alphanumeric() { c } else { ' ' }),
            _ => {}
        }
    }
    fold_key(&plain).split_whitespace().map(str::to_string).collect()
}

/// Share of the seed's distinct words found in the document (merged cells print
/// once in a PDF where the seed dump repeats them, so counts are not compared).
fn word_recall(seed: &str, got: &str) -> f64 {
    let (want, have) = (words(seed), words(got));
    want.iter().filter(|w| have.contains(*w)).count() as f64 / want.len().max(1) as f64
}

#[test]
fn seed_pdfs_give_back_the_seed_words() {
    let pairs = pairs("corpus/pdf");
    if pairs.is_empty() {
        eprintln!("SKIPPED seed_pdfs_give_back_the_seed_words: no corpus/pdf (run scripts/make_pdf.sh)");
        return;
    }
    for (pdf, seed) in pairs {
        let doc =
            extract_file(&pdf, &ExtractOptions { ocr: OcrMode::Off, ..Default::default() }).expect("seed PDF converts");
        assert!(doc.diagnostics.is_empty(), "{}: {:?}", pdf.display(), doc.diagnostics);
        let recall = word_recall(&std::fs::read_to_string(&seed).expect("seed"), &plain_text(&doc));
        eprintln!("{}: word recall {recall:.4}", pdf.display());
        assert!(recall >= 0.97, "{}: word recall {recall:.4}", pdf.display());
    }
}

#[test]
fn seed_003_annex_pieces_repeat_the_header_row() {
    let Some((pdf, _)) = pairs("corpus/pdf")
        .into_iter()
        .find(|(p, _)| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("003_")))
    else {
        eprintln!("SKIPPED seed_003_annex_pieces_repeat_the_header_row: no corpus/pdf/003_*.pdf");
        return;
    };
    let doc = extract_file(&pdf, &ExtractOptions { ocr: OcrMode::Off, ..Default::default() }).expect("003 converts");
    let pieces: Vec<_> =
        doc.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
    assert!(pieces.len() >= 10, "annex pieces: {}", pieces.len());
    let header =
        |t: &sohoa_extract::Table| t.rows[0].cells.iter().map(|c| fold_key(&c.text)).collect::<Vec<_>>().join("|");
    let task_header = header(pieces[0]);
    assert!(task_header.starts_with(&fold_key("Stt|Nội dung")), "{task_header}");
    let task_pieces: Vec<_> = pieces.iter().filter(|t| header(t) == task_header).collect();
    assert!(task_pieces.len() >= 10, "pieces of the task table: {}", task_pieces.len());
    for t in task_pieces {
        assert!(t.rows[0].header, "the repeated header row is marked");
        assert!(t.rows.iter().skip(1).all(|r| !r.header), "body rows are not headers");
    }
}

/// OCR on, with a budget that a loaded test machine does not run out of.
fn ocr_opts() -> ExtractOptions {
    ExtractOptions { time_budget: std::time::Duration::from_secs(900), ..Default::default() }
}

fn ocr_installed() -> bool {
    let langs = Command::new("tesseract").arg("--list-langs").output();
    langs.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == "vie"))
        && Command::new("pdftoppm").arg("-v").output().is_ok()
}

#[test]
fn scanned_seeds_are_ocred_with_their_words() {
    if !ocr_installed() {
        eprintln!(
            "SKIPPED scanned_seeds_are_ocred_with_their_words: install tesseract-ocr tesseract-ocr-vie poppler-utils"
        );
        return;
    }
    // The short scans only: OCR takes seconds a page.
    let pairs: Vec<_> = pairs("corpus/scan")
        .into_iter()
        .filter(|(p, _)| std::fs::metadata(p).is_ok_and(|m| m.len() < 500_000))
        .take(2)
        .collect();
    if pairs.is_empty() {
        eprintln!("SKIPPED scanned_seeds_are_ocred_with_their_words: no corpus/scan (run scripts/make_scans.py)");
        return;
    }
    for (pdf, seed) in pairs {
        let doc = extract_file(&pdf, &ocr_opts()).expect("scan converts");
        assert!(doc.source.text_quality.ocr, "{}", pdf.display());
        let recall = word_recall(&std::fs::read_to_string(&seed).expect("seed"), &plain_text(&doc));
        eprintln!("{}: OCR word recall {recall:.4}", pdf.display());
        assert!(recall >= 0.90, "{}: OCR word recall {recall:.4}", pdf.display());
    }
}
