//! The .rtf reader on the real corpus: every legacy file reads and decodes to
//! its transcript with diacritic accuracy ≥ 0.99.

mod support;

use sohoa_extract::normalize::diacritic_accuracy;
use sohoa_extract::{extract_file, ExtractOptions};
use support::{corpus, files, opts, plain_text};

#[test]
fn every_legacy_rtf_reads_with_text() {
    let paths = files(&corpus("legacy"), "rtf");
    assert_eq!(paths.len(), 2, "2 legacy .rtf files expected");
    for p in paths {
        let doc = extract_file(&p, &opts()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let text = plain_text(&doc);
        assert!(text.chars().count() > 2000, "{}: only {} chars", p.display(), text.chars().count());
        assert_eq!(doc.source.format.name(), "rtf");
        assert!(!text.contains("Times New Roman"), "{}: font table leaked into the text", p.display());
    }
}

#[test]
fn legacy_rtfs_reach_diacritic_accuracy() {
    let mut worst = 1.0f64;
    for p in files(&corpus("legacy"), "rtf") {
        let doc = extract_file(&p, &opts()).expect("reads");
        let transcript =
            std::fs::read_to_string(p.with_extension("transcript.txt")).expect("transcript beside the file");
        // Case is not a diacritic: .VnTimeH-style fonts print capitals that the
        // transcripts give in lower case.
        let acc = diacritic_accuracy(&transcript.to_lowercase(), &plain_text(&doc).to_lowercase());
        println!("{}: diacritic accuracy {acc:.4}", p.file_name().unwrap_or_default().to_string_lossy());
        worst = worst.min(acc);
    }
    assert!(worst >= 0.99, "worst legacy .rtf accuracy {worst:.4}");
}

#[test]
fn a_spent_time_budget_is_a_timeout_error() {
    let p = files(&corpus("legacy"), "rtf").into_iter().next().expect("a legacy file");
    let opts = ExtractOptions { time_budget: std::time::Duration::ZERO, ..opts() };
    let err = extract_file(&p, &opts).expect_err("no time at all");
    assert!(matches!(err, sohoa_extract::ExtractError::Timeout { .. }), "{err}");
}
