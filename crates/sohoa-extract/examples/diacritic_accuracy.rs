//! Prints the diacritic accuracy of recovered text files against their
//! transcripts (NFC, white space folded, aligned by a diff).
//!
//! `cargo run -p sohoa-extract --example diacritic_accuracy -- TRANSCRIPT RECOVERED [TRANSCRIPT RECOVERED...]`

use sohoa_extract::normalize::diacritic_accuracy;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || !args.chunks_exact(2).remainder().is_empty() {
        eprintln!("usage: diacritic_accuracy TRANSCRIPT RECOVERED [TRANSCRIPT RECOVERED...]");
        return ExitCode::from(2);
    }
    for pair in args.chunks(2) {
        let read = |p: &str| std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned());
        match (read(&pair[0]), read(&pair[1])) {
            (Ok(original), Ok(recovered)) => {
                println!("{:.4}\t{}", diacritic_accuracy(&original, &recovered), pair[1]);
            }
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("diacritic_accuracy: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
