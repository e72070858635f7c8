//! The command line: `sohoa convert`, `text`, `eval`, and the archive's
//! `search`, `export`, `links`, plus `completions` and `man`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// sohoa: Vietnamese government plan documents in, JSON Lines records out.
#[derive(Debug, Parser)]
#[command(name = "sohoa", version, about, after_help = AFTER_HELP)]
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
    /// Internal: one worker process of `convert` (requests on stdin, records on stdout).
    #[command(hide = true)]
    Worker(WorkerArgs),
    /// Search the store of an archive (folded: `phong chong ma tuy` finds `Phòng, chống ma túy`).
    Search(SearchArgs),
    /// Write every table of a store as one CSV or JSON Lines file.
    Export(ExportArgs),
    /// For each document of a store: the archive documents it cites, and those citing it.
    Links(LinksArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

/// Longest `--timeout`: one day.
pub const MAX_TIMEOUT: u64 = 86_400;
/// Most `--jobs`.
pub const MAX_JOBS: u16 = 256;

/// Examples and exit codes, shown by `sohoa --help`.
const AFTER_HELP: &str = "\
Examples:
  sohoa convert archive/ -o out/ --db archive.sqlite    convert (again: only new and changed files)
  sohoa convert plan.pdf -o - | jq -c 'select(.type == \"task\")'
  sohoa search 'phong chong ma tuy' --db archive.sqlite --type task
  sohoa export --db archive.sqlite --format csv csv/
  sohoa links --db archive.sqlite

Exit status:
  0  success (convert: every file converted)
  1  convert: at least one file gave an error record; eval: a score under --fail-under; other failures
  2  usage error (bad arguments, a missing input path, an output folder another run holds)";

/// Examples of `sohoa convert --help`.
const CONVERT_HELP: &str = "\
Output: DIR/<path relative to its input folder>.jsonl (a file given by name: DIR/<stem>.jsonl),
and DIR/.sohoa/manifest.jsonl, one line per input. A re-run converts only new and changed
inputs; a killed run, run again, finishes the job.

Examples:
  sohoa convert province/ -o out/ --db province.sqlite -j 2
  sohoa convert province/ -o out/ --include '*.docx' --exclude '**/draft/**'
  sohoa convert plan.pdf -o - | jq -c 'select(.type == \"task\") | {content, lead}'

Exit status: 0 every file converted, 1 some file gave an error record, 2 usage error.";

#[derive(Debug, clap::Args)]
#[command(after_help = CONVERT_HELP)]
pub struct ConvertArgs {
    /// Input files and folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output folder (created if missing), or `-` for JSON Lines on stdout.
    #[arg(short, long)]
    pub out: PathBuf,
    /// Documents converted at the same time, one worker process each (default: the number of CPUs; at most 256);
    /// also the most pages OCRed at once across all of them (one pdftoppm or single-threaded tesseract each).
    #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..=MAX_JOBS as i64))]
    pub jobs: Option<u16>,
    /// Also keep the records in this SQLite store (created if missing, updated in place).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Convert every input again, even unchanged ones.
    #[arg(long)]
    pub force: bool,
    /// Remove the outputs and store rows of inputs that are gone.
    #[arg(long)]
    pub prune: bool,
    /// Convert only files whose relative path or name matches this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip files whose relative path or name matches this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// No warnings and no summary on stderr.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// One line per converted input on stderr.
    #[arg(short, long)]
    pub verbose: bool,
    /// Time budget per document, in seconds (at most 86400); a worker past it is killed.
    #[arg(long, default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT))]
    pub timeout: u64,
    /// When to read pages without a usable text layer with OCR.
    #[arg(long, value_enum, default_value_t = Ocr::Auto)]
    pub ocr: Ocr,
    /// Convert only the I-th of N slices of the inputs (1 <= I <= N), chosen by a
    /// stable hash of each file's path under its input folder: N runs with
    /// 1/N … N/N write exactly what one run writes.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::convert::shard::Shard>,
    /// Memory limit of each worker process and the programs it runs (address space), e.g. `2G`, `1536M`.
    #[arg(long, default_value = "2G", value_parser = parse_memory)]
    pub max_memory: u64,
    /// Convert in this process (threads, no worker processes): no memory limit, no crash isolation.
    #[arg(long, hide = true)]
    pub in_process: bool,
}

#[derive(Debug, clap::Args)]
pub struct WorkerArgs {
    #[arg(long, value_enum, default_value_t = Ocr::Auto)]
    pub ocr: Ocr,
    #[arg(long, default_value_t = 600)]
    pub timeout: u64,
    /// Pages OCRed at once across every worker of the run (the run's `--jobs`).
    #[arg(long)]
    pub ocr_jobs: Option<usize>,
    /// The run's folder of OCR slot locks, shared by its workers.
    #[arg(long)]
    pub ocr_slots: Option<PathBuf>,
}

/// Smallest and largest `--max-memory`.
const MEMORY_RANGE: (u64, u64) = (256 << 20, 1 << 40);

/// `--max-memory`: bytes, or a number with a `K`, `M`, `G` or `T` suffix (powers of 1024).
pub fn parse_memory(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let shift = match unit.trim_end_matches(['b', 'B', 'i']).to_ascii_uppercase().as_str() {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(format!("`{s}` is not a size (e.g. 2G, 1536M)")),
    };
    let n: u64 = digits.parse().map_err(|_| format!("`{s}` is not a size (e.g. 2G, 1536M)"))?;
    let bytes = n.checked_mul(1 << shift).filter(|b| (MEMORY_RANGE.0..=MEMORY_RANGE.1).contains(b));
    bytes.ok_or_else(|| "must be between 256M and 1T".to_string())
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
    /// Also print, on stderr, what each stage (extract, segment, map) noticed, one
    /// `path: stage code: message (span)` line each.
    #[arg(short, long)]
    pub verbose: bool,
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
    /// Exit with status 1 when a task, citation or KPI F1 is below this (0 to 1).
    #[arg(long, value_name = "F1")]
    pub fail_under: Option<f64>,
}

/// `search --type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchType {
    Task,
    Citation,
    Kpi,
    Section,
    Document,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  sohoa search 'phong chong ma tuy' --db archive.sqlite\n  sohoa search 'kiem tra' --db archive.sqlite --type task --lead 'van phong' --year 2025 --json"
)]
pub struct SearchArgs {
    /// Words to find (case, tone marks and đ are folded).
    pub query: String,
    /// The store made by `sohoa convert --db`.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Only records of this type.
    #[arg(long = "type", value_enum)]
    pub kind: Option<SearchType>,
    /// Only tasks one of whose lead units contains this (folded).
    #[arg(long, value_name = "UNIT")]
    pub lead: Option<String>,
    /// Only records of documents of this year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,
    /// One JSON object per match.
    #[arg(long)]
    pub json: bool,
    /// At most this many matches.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The store made by `sohoa convert --db`.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Output folder: one file per table.
    pub dir: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct LinksArgs {
    /// The store made by `sohoa convert --db`.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// One JSON object per link.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_sizes_parse_with_suffixes_and_bounds() {
        assert_eq!(parse_memory("2G"), Ok(2 << 30));
        assert_eq!(parse_memory("1536M"), Ok(1536 << 20));
        assert_eq!(parse_memory("1GiB"), Ok(1 << 30));
        assert!(parse_memory("12").is_err());
        assert!(parse_memory("99999999999T").is_err());
        assert!(parse_memory("lots").is_err());
    }

    #[test]
    fn timeout_and_jobs_are_bounded() {
        let over = Cli::try_parse_from(["sohoa", "convert", "x", "--out", "o", "--timeout", "18446744073709551615"]);
        assert!(over.is_err());
        let jobs = Cli::try_parse_from(["sohoa", "convert", "x", "--out", "o", "--jobs", "100000"]);
        assert!(jobs.is_err());
        assert!(Cli::try_parse_from(["sohoa", "convert", "x", "--out", "o", "--jobs", "4", "--timeout", "60"]).is_ok());
    }
}
