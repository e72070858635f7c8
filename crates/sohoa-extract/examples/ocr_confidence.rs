//! Extracts each file given and prints its text-quality report and its
//! diagnostics (OCR confidence per page, pages under the floor): a tool for
//! checking which scanned pages need a human.
//!
//! `cargo run --release -p sohoa-extract --example ocr_confidence -- scan.pdf`

use sohoa_extract::{extract_file, ExtractOptions};

fn main() {
    for path in std::env::args().skip(1) {
        match extract_file(std::path::Path::new(&path), &ExtractOptions::default()) {
            Ok(doc) => {
                let q = &doc.source.text_quality;
                println!("{path}: confidence {:.3}, ocr {}", q.confidence, q.ocr);
                doc.diagnostics.iter().for_each(|d| println!("  {}", d.message));
            }
            Err(e) => println!("{path}: {e}"),
        }
    }
}
