//! Prints what the readers make of one file: the golden rendering of its
//! blocks and furniture (`sohoa_golden::render`), then its text quality.
//!
//! `cargo run -p sohoa-extract --example dump -- FILE [--ocr] [--debug]`
//! (`--debug` prints every block with `{:?}` instead).

use sohoa_extract::{extract_file, ExtractOptions, OcrMode};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: dump FILE [--ocr] [--debug]");
        return ExitCode::from(2);
    };
    let ocr = if args.iter().any(|a| a == "--ocr") { OcrMode::Auto } else { OcrMode::Off };
    let opts = ExtractOptions { ocr, ..Default::default() };
    let doc = match extract_file(&path, &opts) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    if args.iter().any(|a| a == "--debug") {
        doc.blocks.iter().for_each(|b| println!("{b:?}"));
    } else {
        print!("{}", sohoa_golden::render(&doc));
    }
    println!("{:?}", doc.source.text_quality);
    ExitCode::SUCCESS
}
