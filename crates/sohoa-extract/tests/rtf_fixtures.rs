//! Data-driven RTF tests: every `fixtures/rtf/*.rtf` beside its `.expected.txt`
//! (a plain rendering of the blocks); refresh with `UPDATE_EXPECT=1`.

use sohoa_extract::{extract_bytes, Block, Document, ExtractOptions, OcrMode};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/rtf")
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
fn rtf_fixtures_match_expected() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures/rtf exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rtf") && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("crash-")))
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
fn not_rtf_is_a_damaged_error() {
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    let err = extract_bytes("x.rtf", b"{\\xyz hello}", &opts).expect_err("not RTF");
    assert!(err.to_string().contains("damaged rtf"), "{err}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    let mut bytes = b"{\\rtf1 ".to_vec();
    bytes.extend(std::iter::repeat_n(b'{', 200_000));
    let err = extract_bytes("x.rtf", &bytes, &opts).expect_err("too deep");
    assert!(err.to_string().contains("nested deeper"), "{err}");
}
