//! `sohoa convert`: files and folders in, one JSON Lines stream per document
//! out, documents converted in parallel; a failing document becomes an
//! `error` record and the batch goes on.

mod inputs;
mod progress;
pub mod shard;
mod sink;
mod summary;
mod worker;

use crate::UsageError;
use anyhow::{Context, Result};
use progress::Progress;
use rayon::prelude::*;
use sink::Sink;
use sohoa_extract::ExtractOptions;
use sohoa_map::Record;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use summary::Summary;

/// What `sohoa convert` was asked.
#[derive(Debug, Clone)]
pub struct ConvertConfig {
    pub paths: Vec<PathBuf>,
    /// Output folder, or `-` for stdout.
    pub out: PathBuf,
    /// Documents at a time; `None` for one per CPU.
    pub jobs: Option<usize>,
    pub extract: ExtractOptions,
    /// Wall-clock budget per document.
    pub timeout: Duration,
    /// Only this slice of the inputs (`--shard I/N`).
    pub shard: Option<shard::Shard>,
}

/// Shared state of one run.
struct Run<'a> {
    cfg: &'a ConvertConfig,
    sink: Sink,
    progress: Progress,
    summary: Mutex<Summary>,
    /// Set when stdout is closed: the remaining documents are not converted.
    stop: AtomicBool,
}

/// Converts everything; `Ok(true)` when every file converted cleanly.
pub fn run(cfg: &ConvertConfig) -> Result<bool> {
    let start = Instant::now();
    let inputs = inputs::collect(&cfg.paths);
    let (names, warnings) = inputs::output_names(&inputs.files);
    let (inputs, names) = shard::select(inputs, names, &cfg.paths, cfg.shard);
    let run = Run {
        cfg,
        sink: open_sink(&cfg.out)?,
        progress: Progress::new(inputs.files.len()),
        summary: Mutex::new(Summary::default()),
        stop: AtomicBool::new(false),
    };
    warnings.iter().for_each(|w| run.progress.warn(w));
    let pool = rayon::ThreadPoolBuilder::new().num_threads(cfg.jobs.unwrap_or(0)).build().context("cannot start worker threads")?;
    pool.install(|| inputs.files.par_iter().zip(&names).for_each(|(file, name)| run.one(file, name)));
    run.progress.finish();
    for path in &inputs.skipped {
        eprintln!("sohoa: skipped {} (unknown file type)", path.display());
    }
    let summary = run.summary.into_inner().unwrap_or_else(|p| p.into_inner());
    eprintln!("{}", summary.line(inputs.skipped.len(), start.elapsed()));
    Ok(summary.failed == 0 && !run.stop.load(Ordering::SeqCst))
}

fn open_sink(out: &Path) -> Result<Sink> {
    if out.as_os_str() == "-" {
        return Ok(Sink::Stdout(Mutex::new(())));
    }
    std::fs::create_dir_all(out).map_err(|e| UsageError(format!("cannot create output folder {}: {e}", out.display())))?;
    Ok(Sink::Dir(out.to_path_buf()))
}

impl Run<'_> {
    /// Converts, writes and counts one input.
    fn one(&self, file: &Path, name: &str) {
        if self.stop.load(Ordering::SeqCst) {
            return;
        }
        let records = worker::convert(file, &self.cfg.extract, self.cfg.timeout);
        self.warn_about(&records);
        let mut failed = records.iter().any(|r| matches!(r, Record::Error(_)));
        if let Err(e) = self.sink.write(name, &to_lines(&records)) {
            failed = true;
            if e.kind() == ErrorKind::BrokenPipe {
                self.stop.store(true, Ordering::SeqCst);
            } else {
                self.progress.warn(&format!("cannot write the output of {}: {e}", file.display()));
            }
        }
        self.summary.lock().unwrap_or_else(|p| p.into_inner()).add(&records, failed);
        self.progress.done(name);
    }

    /// Warnings about a document that converted but may read badly.
    fn warn_about(&self, records: &[Record]) {
        if let Some(Record::Document(d)) = records.first() {
            let runs = d.source.text_quality.undecoded_legacy_runs;
            if runs > 0 {
                self.progress.warn(&format!(
                    "{}: {runs} run(s) look legacy-encoded (TCVN3/VNI) but were left as they were",
                    d.source.path
                ));
            }
        }
        if let Some(Record::Error(e)) = records.first() {
            self.progress.warn(&format!("{}: {} failed: {}", e.path, e.stage, e.cause));
        }
    }
}

/// One JSON line per record.
fn to_lines(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records {
        // invariant: records hold only strings, numbers, options and vectors, which always serialize
        out.push_str(&serde_json::to_string(r).expect("records serialize"));
        out.push('\n');
    }
    out
}
