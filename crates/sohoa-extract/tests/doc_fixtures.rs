//! Data-driven .doc tests: every `fixtures/doc/*.doc` beside its `.expected.txt`
//! (a plain rendering of the blocks); refresh with `UPDATE_EXPECT=1`. The
//! fixtures are made by LibreOffice from the `.html` beside them.

use sohoa_extract::{extract_bytes, Block, Document, ExtractOptions, OcrMode};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/doc")
}

/// One line per paragraph, table row and cell.
fn render(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        // Writing into a String cannot fail.
        let _ = match b {
            Block::Paragraph(p) => writeln!(
                out,
                "P{} label={:?} bold={} heading={:?} align={:?} | {}",
                p.span.line,
                p.label,
                p.style.bold,
                p.style.heading,
                p.style.align,
                p.text.replace('\n', "⏎")
            ),
            Block::Table(t) => {
                let _ = writeln!(out, "T{}", t.span.line);
                for r in &t.rows {
                    let _ = writeln!(out, "  R{} header={}", r.span.line, r.header);
                    for c in &r.cells {
                        let _ = writeln!(out, "    C col={} span={}x{} bold={} | {}", c.col, c.colspan, c.rowspan, c.bold, c.text.replace('\n', "⏎"));
                    }
                }
                Ok(())
            }
            Block::PageBreak { page } => writeln!(out, "PAGE {page}"),
        };
    }
    out
}

#[test]
fn doc_fixtures_match_expected() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures/doc exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "doc") && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("crash-")))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    for p in paths {
        let bytes = std::fs::read(&p).expect("fixture readable");
        let doc = extract_bytes(&p.display().to_string(), &bytes, &opts).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let got = render(&doc);
        let want_path = p.with_extension("expected.txt");
        if std::env::var("UPDATE_EXPECT").is_ok() {
            std::fs::write(&want_path, &got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        assert_eq!(got, want, "{} differs from {}", p.display(), want_path.display());
    }
}

#[test]
fn not_ole_is_a_damaged_error() {
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    let err = extract_bytes("x.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really", &opts).expect_err("not OLE");
    assert!(err.to_string().contains("damaged doc"), "{err}");
}

#[test]
fn every_truncation_of_a_fixture_is_an_error_or_a_document() {
    let bytes = std::fs::read(fixtures().join("tables_lists.doc")).expect("fixture");
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    for len in (0..bytes.len()).step_by(509) {
        if let Err(e) = extract_bytes("x.doc", &bytes[..len], &opts) {
            assert!(!matches!(e, sohoa_extract::ExtractError::Panic(_)), "panic at length {len}: {e}");
        }
    }
}

#[test]
fn corrupted_bytes_never_panic() {
    let bytes = std::fs::read(fixtures().join("tables_lists.doc")).expect("fixture");
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    // Deterministic corruption: overwrite one byte in every 512-byte sector, everywhere past the header.
    for shift in 0..64usize {
        let mut b = bytes.clone();
        for at in (512 + shift * 7..b.len()).step_by(512) {
            b[at] = b[at].wrapping_add(0x5A);
        }
        if let Err(e) = extract_bytes("x.doc", &b, &opts) {
            assert!(!matches!(e, sohoa_extract::ExtractError::Panic(_)), "panic with shift {shift}: {e}");
        }
    }
}
