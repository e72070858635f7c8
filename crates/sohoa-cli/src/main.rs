//! The `sohoa` command: `convert`, `text`, `eval`.

mod args;
mod convert;
mod eval;
mod text;

use args::{Cli, Command, Ocr};
use clap::Parser;
use sohoa_extract::{ExtractOptions, OcrMode};
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(a) => convert::run(&convert::ConvertConfig {
            paths: a.paths,
            out: a.out,
            jobs: a.jobs.map(usize::from),
            extract: extract_options(a.ocr, a.timeout),
            timeout: Duration::from_secs(a.timeout),
            shard: a.shard,
        }),
        Command::Text(a) => text::run(&a.file, &extract_options(a.ocr, 120)).map(|()| true),
        Command::Eval(a) => {
            eval::run(&eval::EvalConfig { gold: a.gold, pred: a.pred, json: a.json, show: a.show, scope: a.scope }).map(|()| true)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("sohoa: {e:#}");
            ExitCode::from(if e.is::<UsageError>() { 2 } else { 1 })
        }
    }
}

/// A command line that cannot be run as given (exit status 2, like clap's own errors).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn extract_options(ocr: Ocr, seconds: u64) -> ExtractOptions {
    ExtractOptions {
        time_budget: Duration::from_secs(seconds),
        ocr: match ocr {
            Ocr::Auto => OcrMode::Auto,
            Ocr::Off => OcrMode::Off,
        },
        ..ExtractOptions::default()
    }
}
