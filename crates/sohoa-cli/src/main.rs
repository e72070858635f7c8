//! The `sohoa` command: `convert`, `text`, `eval`, `search`, `export`, `links`, `completions`, `man`.

mod args;
mod convert;
mod eval;
mod export;
mod links;
mod search;
mod store;
mod text;

use args::{Cli, Command, Ocr};
use clap::{CommandFactory, Parser};
use sohoa_extract::{ExtractOptions, OcrBudget, OcrMode};
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(a) => convert::run(&convert_config(a)),
        Command::Text(a) => text::run(&a.file, &extract_options(a.ocr, 120), a.verbose).map(|()| 0),
        Command::Eval(a) => eval::run(&eval::EvalConfig {
            gold: a.gold,
            pred: a.pred,
            json: a.json,
            show: a.show,
            scope: a.scope,
            fail_under: a.fail_under,
        })
        .map(|passed| u8::from(!passed)),
        Command::Search(a) => search::run(&a).map(|()| 0),
        Command::Export(a) => export::run(&a).map(|()| 0),
        Command::Links(a) => links::run(&a).map(|()| 0),
        Command::Completions(a) => {
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut Cli::command(), "sohoa", &mut script);
            print_bytes(&script).map(|()| 0)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(anyhow::Error::from)
                .and_then(|()| print_bytes(&page))
                .map(|()| 0)
        }
        Command::Worker(a) => convert::serve(&worker_options(a)).map(|()| 0),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(e) => {
            eprintln!("sohoa: {e:#}");
            ExitCode::from(if e.is::<UsageError>() { 2 } else { 1 })
        }
    }
}

/// Writes generated text to stdout; a closed pipe (`| head`) is not an error.
fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
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

/// `sohoa convert`'s configuration; worker processes unless `--in-process`
/// (or the binary's own path is unknown).
fn convert_config(a: args::ConvertArgs) -> convert::ConvertConfig {
    let ocr = match a.ocr {
        Ocr::Auto => "auto",
        Ocr::Off => "off",
    };
    // `--jobs` bounds OCR too: pages of every document share that many slots
    let jobs =
        a.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get), usize::from);
    let extract = ExtractOptions {
        ocr_budget: OcrBudget { jobs: Some(jobs), shared_dir: None },
        ..extract_options(a.ocr, a.timeout)
    };
    let workers = std::env::current_exe().ok().filter(|_| !a.in_process).map(|exe| convert::WorkerConfig {
        exe,
        args: ["worker", "--ocr", ocr, "--timeout", &a.timeout.to_string(), "--ocr-jobs", &jobs.to_string()]
            .map(String::from)
            .to_vec(),
        extract: extract.clone(),
        max_memory: a.max_memory,
        // the readers' own budget ends them at `timeout`; the kill comes a little later
        timeout: Duration::from_secs(a.timeout) + Duration::from_secs(2 + a.timeout / 20),
        timeout_secs: a.timeout,
    });
    convert::ConvertConfig {
        paths: a.paths,
        out: a.out,
        jobs: a.jobs.map(usize::from),
        extract,
        timeout: Duration::from_secs(a.timeout),
        shard: a.shard,
        workers,
        filters: convert::Filters { include: a.include, exclude: a.exclude },
        archive: convert::ArchiveOptions { force: a.force, prune: a.prune, db: a.db },
        quiet: a.quiet,
        verbose: a.verbose,
    }
}

/// The options a `sohoa worker` converts with.
fn worker_options(a: args::WorkerArgs) -> ExtractOptions {
    let budget = OcrBudget { jobs: a.ocr_jobs, shared_dir: a.ocr_slots };
    ExtractOptions { ocr_budget: budget, ..extract_options(a.ocr, a.timeout) }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// A forked worker converts with `WorkerConfig::extract`, a spawned one
    /// with what its arguments say: the two must agree.
    #[test]
    fn forked_and_spawned_workers_convert_with_the_same_options() {
        for extra in [&["--ocr", "off", "--timeout", "30", "--jobs", "3"][..], &[][..]] {
            let line = ["sohoa", "convert", "in", "-o", "out"].iter().chain(extra);
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            let Command::Convert(a) = Cli::try_parse_from(line).expect("a convert line").command else {
                panic!("not parsed as convert")
            };
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            let wcfg = convert_config(a).workers.expect("workers by default");
            let slots = std::path::PathBuf::from("/run/slots");
            let mut forked = wcfg.extract.clone();
            forked.ocr_budget.shared_dir = Some(slots.clone());
            let spawned_line = ["sohoa".to_string()]
                .into_iter()
                .chain(wcfg.args.clone())
                .chain(["--ocr-slots".to_string(), slots.display().to_string()]);
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            let Command::Worker(w) = Cli::try_parse_from(spawned_line).expect("a worker line").command else {
                panic!("not parsed as worker")
            };
            assert_eq!(format!("{forked:?}"), format!("{:?}", worker_options(w)), "{extra:?}");
        }
    }
}
