//! Fuzz target: arbitrary bytes as an .ods file must give a Document or an error, never a panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sohoa_extract::{extract_bytes, ExtractError, ExtractOptions, OcrMode};
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    let opts = ExtractOptions { time_budget: Duration::from_secs(5), ocr: OcrMode::Off, ..Default::default() };
    // A reader panic is caught by extract_bytes; surface it to the fuzzer.
    if let Err(ExtractError::Panic(msg)) = extract_bytes("input.ods", data, &opts) {
        panic!("reader panicked: {msg}");
    }
});
