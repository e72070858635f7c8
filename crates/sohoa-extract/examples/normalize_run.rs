//! Runs each line of stdin through `Normalizer::run` (optionally with a font
//! name) and prints the result and the final text-quality report: a tool
//! for checking how a run is decoded.
//!
//! `printf 'Qu¶n lý\n' | cargo run -p sohoa-extract --example normalize_run -- .VnTime`

use sohoa_extract::normalize::Normalizer;
use std::io::BufRead;

fn main() {
    let font = std::env::args().nth(1);
    let mut n = Normalizer::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("{}", n.run(&line, font.as_deref()));
    }
    eprintln!("{:?}", n.quality());
}
