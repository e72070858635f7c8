//! Data-driven .doc tests: every `fixtures/doc/*.doc` beside its `.expected.txt`
//! (a plain rendering of the blocks); refresh with `UPDATE_EXPECT=1`. The
//! fixtures are made by LibreOffice from the `.html` beside them.

mod support;

use sohoa_extract::{extract_bytes, ExtractOptions, OcrMode};
use support::fixtures;

#[test]
fn doc_fixtures_match_expected() {
    support::check_fixtures("doc", "doc");
}

#[test]
fn not_ole_is_a_damaged_error() {
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    let err = extract_bytes("x.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really", &opts).expect_err("not OLE");
    assert!(err.to_string().contains("damaged doc"), "{err}");
}

#[test]
fn every_truncation_of_a_fixture_is_an_error_or_a_document() {
    let bytes = std::fs::read(fixtures("doc").join("tables_lists.doc")).expect("fixture");
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    for len in (0..bytes.len()).step_by(509) {
        if let Err(e) = extract_bytes("x.doc", &bytes[..len], &opts) {
            assert!(!matches!(e, sohoa_extract::ExtractError::Panic(_)), "panic at length {len}: {e}");
        }
    }
}

#[test]
fn corrupted_bytes_never_panic() {
    let bytes = std::fs::read(fixtures("doc").join("tables_lists.doc")).expect("fixture");
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
