//! `sohoa convert`: files and folders in, one JSON Lines stream per document
//! out, documents converted in parallel; a failing document becomes an
//! `error` record and the batch goes on.

mod archive;
mod inputs;
mod lock;
mod manifest;
mod progress;
mod sink;
mod summary;
mod worker;

use crate::UsageError;
use anyhow::{Context, Result};
use archive::Archive;
pub use archive::ArchiveOptions;
pub use inputs::Filters;
use inputs::Input;
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
    /// `--include` / `--exclude`.
    pub filters: Filters,
    /// `--force`, `--prune`, `--db`.
    pub archive: ArchiveOptions,
    /// `-q`: no warnings, no summary.
    pub quiet: bool,
    /// `-v`: one line per input.
    pub verbose: bool,
}

/// Shared state of one run.
struct Run<'a> {
    cfg: &'a ConvertConfig,
    sink: Sink,
    progress: Progress,
    summary: Mutex<Summary>,
    /// The manifest and store of an output folder (`None` for stdout).
    archive: Option<Archive>,
    /// Set when stdout is closed: the remaining documents are not converted.
    stop: AtomicBool,
}

/// Converts everything; `Ok(true)` when every file converted cleanly.
pub fn run(cfg: &ConvertConfig) -> Result<bool> {
    let start = Instant::now();
    let inputs = inputs::collect(&cfg.paths, &cfg.filters)?;
    let sink = open_sink(&cfg.out)?;
    let archive = match &sink {
        Sink::Dir(dir) => Some(Archive::open(dir, &cfg.archive)?),
        Sink::Stdout(_) if cfg.archive.db.is_some() => return Err(UsageError("--db needs an output folder (--out DIR)".into()).into()),
        Sink::Stdout(_) => None,
    };
    // the archive decides which inputs to convert before the pool runs
    let plan = match &archive {
        Some(a) => a.plan(&inputs.files, &cfg.archive)?,
        None => archive::Plan { convert: inputs.files.clone(), ..archive::Plan::default() },
    };
    let run = Run {
        cfg,
        sink,
        progress: if cfg.quiet { Progress::hidden() } else { Progress::new(plan.convert.len()) },
        summary: Mutex::new(Summary::default()),
        archive,
        stop: AtomicBool::new(false),
    };
    inputs.warnings.iter().for_each(|w| run.warn(w));
    run.load_unchanged(&plan.load);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(cfg.jobs.unwrap_or(0)).build().context("cannot start worker threads")?;
    pool.install(|| plan.convert.par_iter().for_each(|input| run.one(input)));
    run.progress.finish();
    let linked = run.close(&plan)?;
    if !cfg.quiet {
        for path in &inputs.skipped {
            eprintln!("sohoa: skipped {} (unknown file type)", path.display());
        }
    }
    let summary = run.summary.into_inner().unwrap_or_else(|p| p.into_inner());
    if !cfg.quiet {
        eprintln!("{}", summary.line(inputs.skipped.len(), start.elapsed()));
        if cfg.out.as_os_str() != "-" {
            eprintln!("{}", summary::archive_line(plan.unchanged, plan.load.len(), plan.gone.len(), cfg.archive.prune, linked));
        }
    }
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
    fn one(&self, input: &Input) {
        if self.stop.load(Ordering::SeqCst) {
            return;
        }
        let (file, started, stamp) = (input.path.as_path(), Instant::now(), Archive::stamp(input));
        let records = worker::convert(file, &self.cfg.extract, self.cfg.timeout);
        self.warn_about(&records);
        let mut failed = records.iter().any(|r| matches!(r, Record::Error(_)));
        let lines = to_lines(&records);
        if let Err(e) = self.sink.write(&input.out, &lines) {
            failed = true;
            if e.kind() == ErrorKind::BrokenPipe {
                self.stop.store(true, Ordering::SeqCst);
            } else {
                self.warn(&format!("cannot write the output of {}: {e}", file.display()));
            }
        } else if let Some(archive) = &self.archive {
            // store rows, then the manifest line: only a finished document is skipped next time
            if let Err(e) = archive.finish(input, stamp, &records, &lines, started.elapsed()) {
                failed = true;
                self.warn(&format!("cannot record {} in the archive: {e:#}", file.display()));
            }
        }
        if self.cfg.verbose {
            eprintln!("sohoa: converted {} -> {} ({:.2} s)", file.display(), input.out, started.elapsed().as_secs_f64());
        }
        self.summary.lock().unwrap_or_else(|p| p.into_inner()).add(&records, failed);
        self.progress.done(&input.out);
    }

    /// A warning, unless `-q`.
    fn warn(&self, msg: &str) {
        if !self.cfg.quiet {
            self.progress.warn(msg);
        }
    }

    /// Puts unchanged outputs the store lacks into it.
    fn load_unchanged(&self, load: &[Input]) {
        let Some(archive) = &self.archive else { return };
        for input in load {
            if let Err(e) = archive.load(input) {
                self.warn(&format!("cannot load the output of {} into the store: {e:#}", input.path.display()));
            }
        }
    }

    /// Reports (or prunes) disappeared inputs, links citations, compacts the manifest.
    fn close(&self, plan: &archive::Plan) -> Result<Option<usize>> {
        let Some(archive) = &self.archive else { return Ok(None) };
        for entry in &plan.gone {
            if self.cfg.archive.prune {
                archive.prune(entry)?;
            } else if self.cfg.verbose {
                eprintln!("sohoa: {} is gone (its output {} is kept; --prune removes it)", entry.source, entry.output);
            }
        }
        archive.close()
    }

    /// Warnings about a document that converted but may read badly.
    fn warn_about(&self, records: &[Record]) {
        if let Some(Record::Document(d)) = records.first() {
            let runs = d.source.text_quality.undecoded_legacy_runs;
            if runs > 0 {
                self.warn(&format!(
                    "{}: {runs} run(s) look legacy-encoded (TCVN3/VNI) but were left as they were",
                    d.source.path
                ));
            }
        }
        if let Some(Record::Error(e)) = records.first() {
            self.warn(&format!("{}: {} failed: {}", e.path, e.stage, e.cause));
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
