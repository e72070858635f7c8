//! Fuzz target: arbitrary bytes as the content.xml of an otherwise valid .ods
//! package must give a Document or an error, never a panic or hang. The
//! entries are stored uncompressed with a correct checksum, so mutations reach
//! the XML readers (sohoa's ODS layout scan, calamine) instead of failing the
//! zip layer as they mostly do in `sheet_ods`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sohoa_extract::{extract_bytes, ExtractError, ExtractOptions, OcrMode};
use std::io::{Cursor, Write};
use std::time::Duration;
use zip::write::SimpleFileOptions;

const MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
const MANIFEST: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// An ODS package whose content.xml is `content`.
fn package(content: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in [("mimetype", MIMETYPE), ("META-INF/manifest.xml", MANIFEST), ("content.xml", content)] {
        // Writing to an in-memory buffer cannot fail; entries are far below the zip64 limit (max_len).
        zip.start_file(name, stored).expect("in-memory zip entry");
        zip.write_all(body).expect("in-memory write");
    }
    zip.finish().expect("in-memory zip").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let opts = ExtractOptions { time_budget: Duration::from_secs(5), ocr: OcrMode::Off, ..Default::default() };
    // A reader panic is caught by extract_bytes; surface it to the fuzzer.
    if let Err(ExtractError::Panic(msg)) = extract_bytes("input.ods", &package(data), &opts) {
        panic!("reader panicked: {msg}");
    }
});
