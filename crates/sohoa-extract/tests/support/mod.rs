//! Shared by the data-driven reader tests: a plain rendering of a `Document`
//! and the check of every fixture of a folder against its `.expected.txt`;
//! corpus file lists and a document's plain text.
// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use sohoa_extract::{extract_bytes, Block, Document, ExtractOptions, OcrMode};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// `fixtures/<name>` of the repository.
pub fn fixtures(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(name)
}

/// One line per paragraph, table row and cell.
pub fn render(doc: &Document) -> String {
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

/// Every `fixtures/<name>/*.<ext>` (crash fixtures aside) renders as its
/// `.expected.txt`; `UPDATE_EXPECT=1` rewrites those instead.
pub fn check_fixtures(name: &str, ext: &str) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures(name))
        .unwrap_or_else(|e| panic!("fixtures/{name}: {e}"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext) && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("crash-")))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no .{ext} fixtures in fixtures/{name}");
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    for p in paths {
        let bytes = std::fs::read(&p).expect("fixture readable");
        let doc = extract_bytes(&p.display().to_string(), &bytes, &opts).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let got = render(&doc);
        let want_path = p.with_extension("expected.txt");
        if std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1") {
            std::fs::write(&want_path, &got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        assert_eq!(got, want, "{} differs from {}", p.display(), want_path.display());
    }
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
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Paragraph(p) => {
                if let Some(l) = &p.label {
                    out.push_str(l);
                    out.push(' ');
                }
                out.push_str(&p.text);
                out.push('\n');
            }
            Block::Table(t) => {
                for c in t.rows.iter().flat_map(|r| &r.cells) {
                    out.push_str(&c.text);
                    out.push('\n');
                }
            }
            Block::PageBreak { .. } => {}
        }
    }
    out
}
