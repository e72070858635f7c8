//! The .doc reader on the real corpus: every file reads, legacy files decode
//! to their transcripts with diacritic accuracy ≥ 0.99.

mod support;

use sohoa_extract::normalize::diacritic_accuracy;
use support::{corpus, files, opts, plain_text};
use sohoa_extract::{extract_file, Block, ExtractOptions};
use std::path::PathBuf;

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
        .map(|p| extract_file(p, &opts()).expect("reads").blocks.iter().filter(|b| matches!(b, Block::Table(_))).count())
        .sum();
    assert!(tables >= 4, "only {tables} tables in the 4 real .doc files");
}

/// The transcripts also hold the running headers and footers (e.g. a
/// publisher's banner on every page), which the reader keeps out of the body;
/// a file whose transcript is mostly such text may lose up to 2 points.
#[test]
fn legacy_docs_reach_diacritic_accuracy() {
    let mut scores = Vec::new();
    for p in files(&corpus("legacy"), "doc") {
        let doc = extract_file(&p, &opts()).expect("reads");
        let transcript = std::fs::read_to_string(p.with_extension("transcript.txt")).expect("transcript beside the file");
        // Case is not a diacritic: .VnTimeH-style fonts print capitals that the
        // transcripts give in lower case.
        let acc = diacritic_accuracy(&transcript.to_lowercase(), &plain_text(&doc).to_lowercase());
        println!("{}: diacritic accuracy {acc:.4}", p.file_name().unwrap_or_default().to_string_lossy());
        scores.push(acc);
    }
    let worst = scores.iter().copied().fold(1.0, f64::min);
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert!(worst >= 0.98, "worst legacy .doc accuracy {worst:.4}");
    assert!(mean >= 0.99, "mean legacy .doc accuracy {mean:.4}");
}

#[test]
fn a_spent_time_budget_is_a_timeout_error() {
    let p = files(&corpus("legacy"), "doc").into_iter().next().expect("a legacy file");
    let opts = ExtractOptions { time_budget: std::time::Duration::ZERO, ..opts() };
    let err = extract_file(&p, &opts).expect_err("no time at all");
    assert!(matches!(err, sohoa_extract::ExtractError::Timeout { .. }), "{err}");
}

#[test]
#[ignore = "debug dump: DUMP=<file> cargo test -p sohoa-extract --test doc_corpus dump -- --ignored --nocapture"]
fn dump() {
    let p = PathBuf::from(std::env::var("DUMP").expect("DUMP=<file>"));
    let doc = extract_file(&p, &opts()).expect("reads");
    if std::env::var("DUMP_BLOCKS").is_ok() {
        for b in &doc.blocks {
            println!("{b:?}");
        }
    }
    println!("{}", plain_text(&doc));
    println!("{:?}", doc.source.text_quality);
}
