//! Data-driven RTF tests: every `fixtures/rtf/*.rtf` beside its `.expected.txt`
//! (a plain rendering of the blocks); refresh with `UPDATE_EXPECT=1`.

mod support;

use sohoa_extract::{extract_bytes, ExtractOptions, OcrMode};

#[test]
fn rtf_fixtures_match_expected() {
    support::check_fixtures("rtf", "rtf");
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
