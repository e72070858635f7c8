//! Legacy-encoded documents through the readers and the normalizer:
//! the DOCX corpus rewritten with TCVN3/VNI runs (`scripts/legacy_docx.py`,
//! to re-run whenever `corpus/docx/` changes) reads back like the Unicode
//! DOCX, and the real TCVN3/VNI files of `corpus/real/legacy/` reach their
//! transcripts.

use sohoa_extract::normalize::diacritic_accuracy;
use sohoa_extract::{extract_file, Block, Document, ExtractOptions};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    out
}

fn read(path: &Path) -> Document {
    extract_file(path, &ExtractOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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
            Block::Table(t) => {
                for cell in t.rows.iter().flat_map(|r| &r.cells) {
                    out.push_str(&cell.text);
                    out.push('\n');
                }
            }
            Block::PageBreak { .. } => {}
        }
    }
    out
}

#[test]
fn legacy_font_docx_reads_like_the_unicode_docx() {
    for unicode_path in files(&corpus().join("docx"), "docx") {
        let unicode = text(&read(&unicode_path));
        let Some(name) = unicode_path.file_name() else { continue };
        for enc in ["tcvn3", "vni"] {
            let path = corpus().join(format!("docx-{enc}")).join(name);
            let doc = read(&path);
            let accuracy = diacritic_accuracy(&unicode, &text(&doc));
            eprintln!("docx-{enc}/{}: diacritic accuracy {accuracy:.5}", name.to_string_lossy());
            assert!(
                accuracy >= 0.999,
                "{}: {accuracy} (if corpus/docx changed: python3 scripts/legacy_docx.py)",
                path.display()
            );
            // Short runs valid both ways (`Sè:` for `Số:`) follow their font's
            // other runs: the whole text comes back, not just most of it.
            assert_eq!(text(&doc), unicode, "{}", path.display());
            assert_eq!(doc.source.text_quality.encodings, vec![enc.to_owned()]);
            assert_eq!(doc.source.text_quality.undecoded_legacy_runs, 0, "{}", path.display());
        }
    }
}

/// Floor for the real files: the normalizer decodes all of their text; the
/// rest is text a reader does not reach (page headers of `.doc`) and
/// transcript errors (`nẵng` for VNI `naëng` = `nặng`).
const REAL_FLOOR: f64 = 0.98;

#[test]
fn real_legacy_files_reach_their_transcripts() {
    let dir = corpus().join("real/legacy");
    let mut checked = 0;
    for ext in ["doc", "rtf", "xls", "pdf"] {
        for path in files(&dir, ext) {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let transcript = std::fs::read_to_string(dir.join(format!("{stem}.transcript.txt")))
                .unwrap_or_else(|e| panic!("{stem}: transcript: {e}"));
            let doc = read(&path);
            let accuracy = diacritic_accuracy(&transcript, &text(&doc));
            let q = &doc.source.text_quality;
            eprintln!("{stem}.{ext}: diacritic accuracy {accuracy:.4} encodings {:?}", q.encodings);
            assert!(accuracy >= REAL_FLOOR, "{stem}.{ext}: {accuracy}");
            assert!(!q.encodings.is_empty(), "{stem}.{ext}: no legacy encoding reported");
            checked += 1;
        }
    }
    assert_eq!(checked, 10);
}
