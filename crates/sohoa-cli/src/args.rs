//! The command line: `sohoa convert`, `sohoa text`, `sohoa eval`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// sohoa: Vietnamese government plan documents in, JSON Lines records out.
#[derive(Debug, Parser)]
#[command(name = "sohoa", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert files and folders (recursively) to JSON Lines, one output file per input.
    Convert(ConvertArgs),
    /// Print the extracted, normalized text of one document.
    Text(TextArgs),
    /// Score predicted records against gold files (precision, recall, F1, field accuracy).
    Eval(EvalArgs),
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Input files and folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output folder (created if missing), or `-` for JSON Lines on stdout.
    #[arg(long)]
    pub out: PathBuf,
    /// Documents converted at the same time (default: the number of CPUs).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Time budget per document, in seconds.
    #[arg(long, default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// When to read pages without a usable text layer with OCR.
    #[arg(long, value_enum, default_value_t = Ocr::Auto)]
    pub ocr: Ocr,
    /// Convert only the I-th of N slices of the inputs (1 <= I <= N), chosen by a
    /// stable hash of each file's path under its input folder: N runs with
    /// 1/N … N/N write exactly what one run writes.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::convert::shard::Shard>,
}

/// `--ocr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Ocr {
    Auto,
    Off,
}

#[derive(Debug, clap::Args)]
pub struct TextArgs {
    /// The document.
    pub file: PathBuf,
    /// When to read pages without a usable text layer with OCR.
    #[arg(long, value_enum, default_value_t = Ocr::Auto)]
    pub ocr: Ocr,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Folder of `<stem>.gold.jsonl` files.
    #[arg(long)]
    pub gold: PathBuf,
    /// Folder of `<stem>.jsonl` outputs of `sohoa convert`.
    #[arg(long)]
    pub pred: PathBuf,
    /// Print one JSON summary line last.
    #[arg(long)]
    pub json: bool,
    /// List up to N missed gold records per type.
    #[arg(long, default_value_t = 0)]
    pub show: usize,
    /// Which records of each prediction the gold annotates: `annex` scores
    /// only the document record and what stands in the annex (`PHỤ LỤC`),
    /// for gold such as `fixtures/gold/real/annex-only/`.
    #[arg(long, value_enum, default_value_t = crate::eval::Scope::Whole)]
    pub scope: crate::eval::Scope,
}
