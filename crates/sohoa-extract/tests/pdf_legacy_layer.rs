//! PDF text layers in legacy Vietnamese fonts are decoded, never OCRed:
//! a long TCVN3 PDF whose symbol font extracts as private-use chars
//! (`scripts/make_symbol_tcvn3_pdf.py`) and a LibreOffice print of a
//! `.VnTime`/`.VnTimeH` DOCX (`scripts/make_tcvn3_pdf.sh`) both read without
//! OCR, at text-layer speed, with the seeds' diacritics and the capitals fonts' capitals.

use sohoa_extract::normalize::diacritic_accuracy;
use sohoa_extract::{extract_file, Block, Document, ExtractOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/legacy_pdf").join(name)
}

/// A seed's text with the markdown marks the fixture script drops (`## `, `**`).
fn seed(stem: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/seeds").join(format!("{stem}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().map(|l| l.trim_start_matches('#').trim_start().replace("**", "")).collect::<Vec<_>>().join("\n")
}

/// Paragraph and cell texts, one a line.
fn text(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => {
                out.push_str(p.label.as_deref().unwrap_or(""));
                out.push(' ');
                out.push_str(&p.text);
                out.push('\n');
            }
            Block::Table(t) => t.rows.iter().flat_map(|r| &r.cells).for_each(|c| {
                out.push_str(&c.text);
                out.push('\n');
            }),
            Block::PageBreak { .. } => {}
        }
    }
    out
}

/// Reads `path` with OCR allowed, as the CLI does; the time it took.
fn read(path: &Path) -> (Document, Duration) {
    let start = Instant::now();
    let doc = extract_file(path, &ExtractOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (doc, start.elapsed())
}

#[test]
fn a_symbol_font_tcvn3_layer_is_decoded_not_ocred() {
    let (doc, took) = read(&data("seeds.symbol-tcvn3.pdf"));
    let q = &doc.source.text_quality;
    assert!(!q.ocr, "the text layer was sent to OCR: {q:?}");
    assert_eq!(q.encodings, ["tcvn3"]);
    assert!(doc.source.pages >= Some(50), "{:?} pages", doc.source.pages);
    let stems = [
        "000_1565e888bd593adb",
        "001_a3b877c4d28aa9a3",
        "002_1959aaa17098eaac",
        "003_76f9b4deebc8deb5",
        "004_7a78778d670c068a",
    ];
    let unicode: String = stems.iter().map(|s| seed(s)).collect::<Vec<_>>().join("\n");
    let accuracy = diacritic_accuracy(&unicode, &text(&doc));
    eprintln!("symbol-font TCVN3 PDF: {:?} pages in {took:?}, diacritic accuracy {accuracy:.4}", doc.source.pages);
    assert!(accuracy >= 0.99, "diacritic accuracy {accuracy}");
    // OCR takes seconds a page; a text layer a few milliseconds (debug build included).
    assert!(took < Duration::from_secs(60), "{took:?}");
}

/// LibreOffice takes TCVN3's `ư` (0xAD, the soft hyphen in cp1252) for a
/// soft hyphen and does not print it, so this print loses every `ư`: only its
/// capitals and the OCR decision are checked here (the accuracy is the
/// symbol-font fixture's).
#[test]
fn a_vntime_print_keeps_its_capitals_headings() {
    let (doc, _) = read(&data("003_76f9b4deebc8deb5.tcvn3.pdf"));
    let q = &doc.source.text_quality;
    assert!(!q.ocr, "{q:?}");
    assert_eq!(q.encodings, ["tcvn3"]);
    let got = text(&doc);
    assert!(got.contains(" KẾ HOẠCH\n"), "a .VnTimeH title reads in capitals");
    assert!(got.contains("Tổ chức hoạt động kiểm soát thủ tục hành chính"));
}
