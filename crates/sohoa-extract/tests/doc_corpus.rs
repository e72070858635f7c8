//! The .doc reader on the real corpus: every file reads, legacy files decode
//! to their transcripts with diacritic accuracy ≥ 0.99 each, measured on the
//! text `sohoa text` prints (body, then running headers and footers).

mod support;

use sohoa_extract::normalize::diacritic_accuracy;
use sohoa_extract::{extract_file, Block, Document, ExtractOptions};
use support::{corpus, files, opts, plain_text};

#[test]
fn every_real_doc_reads_with_text() {
    let mut paths = files(&corpus(""), "doc");
    paths.extend(files(&corpus("legacy"), "doc"));
    assert_eq!(paths.len(), 9, "4 real + 5 legacy .doc files expected");
    for p in paths {
        let doc = extract_file(&p, &opts()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let text = plain_text(&doc);
        assert!(text.chars().count() > 500, "{}: only {} chars", p.display(), text.chars().count());
        assert_eq!(doc.source.format.name(), "doc");
    }
}

#[test]
fn real_docs_with_tables_keep_them() {
    // Official letterheads put the issuer and the motto side by side in a table.
    let tables: usize = files(&corpus(""), "doc")
        .iter()
        .map(|p| {
            extract_file(p, &opts()).expect("reads").blocks.iter().filter(|b| matches!(b, Block::Table(_))).count()
        })
        .sum();
    assert!(tables >= 4, "only {tables} tables in the 4 real .doc files");
}

/// What `sohoa text` prints, as far as diacritics go: the body, then the
/// running headers and footers (which the transcripts also hold, e.g. a
/// publisher's banner on every page).
fn printed_text(doc: &Document) -> String {
    sohoa_golden::plain_text(doc, support::PlainText { furniture: true, ..Default::default() })
}

#[test]
fn legacy_docs_reach_diacritic_accuracy() {
    let mut low = Vec::new();
    let paths = files(&corpus("legacy"), "doc");
    assert_eq!(paths.len(), 5, "5 legacy .doc files expected");
    for p in paths {
        let doc = extract_file(&p, &opts()).expect("reads");
        let transcript =
            std::fs::read_to_string(p.with_extension("transcript.txt")).expect("transcript beside the file");
        // Case is not a diacritic: .VnTimeH-style fonts print capitals that the
        // transcripts give in lower case.
        let acc = diacritic_accuracy(&transcript.to_lowercase(), &printed_text(&doc).to_lowercase());
        let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
        println!("{name}: diacritic accuracy {acc:.4}");
        if acc < 0.99 {
            low.push(format!("{name} {acc:.4}"));
        }
    }
    assert!(low.is_empty(), "legacy .doc files below 0.99: {low:?}");
}

#[test]
fn running_headers_are_furniture_not_body() {
    // 2004-B6.doc repeats a TCVN3 publisher banner in its page header and a
    // page number beside it; the banner decodes, appears once, and only there.
    let doc = extract_file(&corpus("legacy").join("2004-B6.doc"), &opts()).expect("reads");
    let furniture: Vec<String> = doc.furniture.iter().map(|p| p.text.to_lowercase()).collect();
    assert_eq!(furniture.len(), 1, "{furniture:?}");
    assert!(
        furniture[0].starts_with("văn phòng quốc hội") && furniture[0].contains("cơ sở dữ liệu luật việt nam"),
        "{furniture:?}"
    );
    assert!(!plain_text(&doc).to_lowercase().contains("văn phòng quốc hội"), "header text leaked into the body");
}

#[test]
fn a_spent_time_budget_is_a_timeout_error() {
    let p = files(&corpus("legacy"), "doc").into_iter().next().expect("a legacy file");
    let opts = ExtractOptions { time_budget: std::time::Duration::ZERO, ..opts() };
    let err = extract_file(&p, &opts).expect_err("no time at all");
    assert!(matches!(err, sohoa_extract::ExtractError::Timeout { .. }), "{err}");
}
