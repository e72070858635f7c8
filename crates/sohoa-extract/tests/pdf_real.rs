//! The real PDFs of `corpus/real/`: signed Word exports with annex tables, a scan
//! with a seal, a broken text layer, and a TCVN3 legacy PDF.
//!
//! Tests that need Tesseract skip loudly (eprintln + return) where it is missing.

use similar::{capture_diff_slices, Algorithm, DiffTag};
use sohoa_extract::normalize::{diacritic_accuracy, fold_key};
use sohoa_extract::{extract_file, Block, Document, ExtractError, ExtractOptions, OcrMode, Table};
use std::path::{Path, PathBuf};
use std::process::Command;

/// All text in reading order, a table row per line (cells joined), as the transcripts lay rows out.
fn plain_text(doc: &Document) -> String {
    sohoa_golden::plain_text(
        doc,
        sohoa_golden::PlainText { tables: sohoa_golden::TableText::RowPerLine, furniture: false },
    )
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The one file of `dir` whose name starts with `prefix` and ends with `suffix`.
fn find(dir: &str, prefix: &str, suffix: &str) -> PathBuf {
    let dir = root().join(dir);
    let mut hits: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(prefix) && name.ends_with(suffix)
        })
        .collect();
    hits.sort();
    assert_eq!(hits.len(), 1, "expected one {prefix}*{suffix} in {}: {hits:?}", dir.display());
    hits.remove(0)
}

/// OCR on, with a budget that a loaded test machine does not run out of.
fn ocr_opts() -> ExtractOptions {
    ExtractOptions { time_budget: std::time::Duration::from_secs(900), ..Default::default() }
}

fn ocr_installed() -> bool {
    let langs = Command::new("tesseract").arg("--list-langs").output();
    let has_vie = langs.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == "vie"));
    has_vie && Command::new("pdftoppm").arg("-v").output().is_ok()
}

fn skip_without_ocr(test: &str) -> bool {
    if ocr_installed() {
        return false;
    }
    eprintln!("SKIPPED {test}: tesseract (with the vie model) or pdftoppm is not installed; install tesseract-ocr tesseract-ocr-vie poppler-utils");
    true
}

fn fold_chars(s: &str) -> Vec<char> {
    s.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect()
}

/// 1 − (edit distance / length of `truth`), white space folded; edits counted from a char diff.
fn char_accuracy(truth: &str, got: &str) -> f64 {
    let (a, b) = (fold_chars(truth), fold_chars(got));
    if a.is_empty() {
        return if b.is_empty() { 1.0 } else { 0.0 };
    }
    let edits: usize = capture_diff_slices(Algorithm::Myers, &a, &b)
        .iter()
        .filter(|op| op.tag() != DiffTag::Equal)
        .map(|op| op.old_range().len().max(op.new_range().len()))
        .sum();
    1.0 - edits as f64 / a.len() as f64
}

/// Share of `truth`'s chars matched by a char diff, with a second diff between the
/// leftovers of both sides: text read in another order (table cells against a
/// column-interleaved transcript) still counts as read.
fn char_recall_any_order(truth: &str, got: &str) -> f64 {
    let (a, b) = (fold_chars(truth), fold_chars(got));
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    let equal = |ops: &[similar::DiffOp]| {
        ops.iter().filter(|op| op.tag() == DiffTag::Equal).map(|op| op.old_range().len()).sum::<usize>()
    };
    let mut rest_a = Vec::new();
    let mut rest_b = Vec::new();
    for op in &ops {
        if op.tag() != DiffTag::Equal {
            rest_a.extend_from_slice(&a[op.old_range()]);
            rest_b.extend_from_slice(&b[op.new_range()]);
        }
    }
    let second = capture_diff_slices(Algorithm::Myers, &rest_a, &rest_b);
    (equal(&ops) + equal(&second)) as f64 / a.len().max(1) as f64
}

/// Folding key with punctuation dropped, for "contains" checks.
fn key(s: &str) -> String {
    fold_key(&s.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect::<String>())
}

fn tables(doc: &Document) -> Vec<(u32, &Table)> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some((t.span.page.unwrap_or(0), t)),
            _ => None,
        })
        .collect()
}

#[test]
fn char_accuracy_counts_edits() {
    assert_eq!(char_accuracy("abcd", "abcd"), 1.0);
    assert_eq!(char_accuracy("abcd", "abxd"), 0.75);
    assert_eq!(char_accuracy("a  b", "a b"), 1.0);
    let moved = "the first line then the second line";
    let swapped = "the second line the first line then";
    let (recall, accuracy) = (char_recall_any_order(moved, swapped), char_accuracy(moved, swapped));
    assert!(recall > accuracy + 0.2, "moved text still counts as read: {recall} vs {accuracy}");
    assert_eq!(char_recall_any_order(moved, moved), 1.0);
}

#[test]
fn real_17_annex_table_pieces_repeat_their_header() {
    let doc = extract_file(&find("corpus/real", "17_", ".pdf"), &ExtractOptions::default()).expect("17 converts");
    assert_eq!(doc.source.pages, Some(35));
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    assert!(!doc.source.text_quality.ocr, "17 has a good text layer");
    let pieces = tables(&doc);
    assert!(pieces.len() >= 6, "annex tables found: {}", pieces.len());
    let with_header = pieces.iter().filter(|(_, t)| t.rows.first().is_some_and(|r| r.header)).count();
    assert!(with_header >= 5, "pieces with a repeated header: {with_header}");
    // The piece continuing "Biểu mẫu 3" on the next page: header rows, then the rows that spill over.
    let (page, piece) = pieces
        .iter()
        .find(|(_, t)| t.rows.iter().any(|r| r.cells.iter().any(|c| c.text == "467.565")))
        .expect("row 3.2.2. of Biểu mẫu 3");
    let previous = pieces.iter().rev().find(|(p, _)| p < page).expect("the piece before");
    assert_eq!(previous.0 + 1, *page, "continued on the next page");
    assert!(piece.rows[0].header && piece.rows[1].header, "two header rows repeated");
    assert_eq!(fold_key(&piece.rows[0].cells[0].text), "stt");
    assert_eq!(piece.rows[0].cells[0].rowspan, 2);
    let row = piece.rows.iter().find(|r| r.cells.iter().any(|c| c.text == "467.565")).expect("row");
    let texts: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["3.2.2.", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", "467.565", ""]);
    // Page numbers printed at the top of each page are gone.
    let text = plain_text(&doc);
    assert!(!text.lines().any(|l| l.trim() == "27"), "bare page number left in the text");
}

#[test]
fn real_20_and_22_convert_with_their_text() {
    let doc20 = extract_file(&find("corpus/real", "20_", ".pdf"), &ExtractOptions::default()).expect("20 converts");
    let pieces = tables(&doc20);
    assert_eq!(pieces.len(), 1);
    assert!(pieces[0].1.rows.len() >= 25, "rows: {}", pieces[0].1.rows.len());
    assert_eq!(key(&pieces[0].1.rows[0].cells[1].text), key("Nội dung góp ý"));
    let doc22 = extract_file(&find("corpus/real", "22_", ".pdf"), &ExtractOptions::default()).expect("22 converts");
    let text = plain_text(&doc22);
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{text}");
    let labelled =
        doc22.blocks.iter().filter(|b| matches!(b, Block::Paragraph(p) if p.label.as_deref() == Some("1."))).count();
    assert_eq!(labelled, 1, "paragraph '1.' has its label split off");
}

#[test]
fn legacy_tcvn3_pdf_decodes() {
    let pdf = find("corpus/real/legacy", "2006-16EZE", ".pdf");
    let transcript =
        std::fs::read_to_string(find("corpus/real/legacy", "2006-16EZE", ".transcript.txt")).expect("transcript");
    let doc = extract_file(&pdf, &ExtractOptions { ocr: OcrMode::Off, ..Default::default() }).expect("legacy converts");
    assert_eq!(doc.source.text_quality.encodings, ["tcvn3"]);
    let accuracy = diacritic_accuracy(&transcript, &plain_text(&doc));
    eprintln!("legacy TCVN3 PDF: diacritic accuracy {accuracy:.4}");
    assert!(accuracy >= 0.99, "diacritic accuracy {accuracy:.4}");
}

#[test]
fn real_04_broken_text_layer_is_detected_and_ocred() {
    let pdf = find("corpus/real", "04_", ".pdf");
    let off = extract_file(&pdf, &ExtractOptions { ocr: OcrMode::Off, ..Default::default() });
    assert!(matches!(off, Err(ExtractError::Unreadable(_))), "garbage layer must not pass as text: {off:?}");
    if skip_without_ocr("real_04_broken_text_layer_is_detected_and_ocred") {
        return;
    }
    let doc = extract_file(&pdf, &ocr_opts()).expect("04 converts through OCR");
    assert!(doc.source.text_quality.ocr);
    let transcript = std::fs::read_to_string(find("corpus/real", "04_", "transcript.txt")).expect("transcript");
    let text = plain_text(&doc);
    let accuracy = char_accuracy(&transcript, &text);
    let recall = char_recall_any_order(&transcript, &text);
    eprintln!(
        "real 04 (broken ToUnicode, OCRed): character accuracy {accuracy:.4}, characters read in any order {recall:.4}"
    );
    assert!(recall >= 0.90, "characters read {recall:.4}");
    assert!(accuracy >= 0.60, "character accuracy {accuracy:.4}");
}

#[test]
fn real_24_scan_with_seal_is_ocred() {
    let pdf = find("corpus/real", "24_", ".pdf");
    let off = extract_file(&pdf, &ExtractOptions { ocr: OcrMode::Off, ..Default::default() });
    assert!(matches!(off, Err(ExtractError::Unreadable(_))), "{off:?}");
    if skip_without_ocr("real_24_scan_with_seal_is_ocred") {
        return;
    }
    let doc = extract_file(&pdf, &ocr_opts()).expect("24 converts through OCR");
    assert!(doc.source.text_quality.ocr);
    assert_eq!(doc.source.pages, Some(2));
    let text = key(&plain_text(&doc));
    for phrase in ["cộng hoà xã hội chủ nghĩa việt nam", "kế hoạch rà soát quy định, thủ tục hành chính", "kính gửi"]
    {
        assert!(text.contains(&key(phrase)), "missing {phrase:?}");
    }
    assert!(doc.blocks.iter().any(|b| matches!(b, Block::PageBreak { page: 2 })));
}
