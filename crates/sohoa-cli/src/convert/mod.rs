//! `sohoa convert`: files and folders in, one JSON Lines stream per document
//! out, documents converted in parallel; a failing document becomes an
//! `error` record and the batch goes on.

mod archive;
mod inputs;
mod lock;
mod manifest;
mod progress;
pub mod shard;
mod sink;
mod summary;
mod worker;
// isolation (issue 11): worker processes, signals, temp and partial files
mod fork;
mod pool;
mod protocol;
mod scratch;
mod serve;
mod signals;

pub use pool::WorkerConfig;
pub use serve::serve;

use crate::UsageError;
use anyhow::Result;
use archive::Archive;
pub use archive::ArchiveOptions;
pub use inputs::Filters;
use inputs::Input;
use progress::Progress;
use protocol::Converted;
use sink::Sink;
use sohoa_extract::ExtractOptions;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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
    /// Worker processes; `None` converts in this process (threads).
    pub workers: Option<WorkerConfig>,
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
    /// Index of the next input to hand out.
    next: AtomicUsize,
    /// Worker temp folders, when documents run in worker processes.
    scratch: Option<scratch::RunDir>,
}

/// Converts everything; the exit status: 0 when every file converted cleanly,
/// 1 when some did not, 128 + signal when interrupted.
pub fn run(cfg: &ConvertConfig) -> Result<u8> {
    let start = Instant::now();
    signals::install();
    let mut inputs = inputs::collect(&cfg.paths, &cfg.filters)?;
    let not_regular = drop_non_regular(&mut inputs.files);
    let inputs = shard::select(inputs, &cfg.paths, cfg.shard);
    let sink = open_sink(&cfg.out)?;
    let archive = match &sink {
        Sink::Dir(dir) => Some(Archive::open(dir, &cfg.archive)?),
        Sink::Stdout(_) if cfg.archive.db.is_some() => {
            return Err(UsageError("--db needs an output folder (--out DIR)".into()).into())
        }
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
        next: AtomicUsize::new(0),
        scratch: match cfg.workers {
            Some(_) => {
                Some(scratch::RunDir::create().map_err(|e| anyhow::anyhow!("cannot create a temp folder: {e}"))?)
            }
            None => None,
        },
    };
    inputs.warnings.iter().chain(&not_regular).for_each(|w| run.warn(w));
    run.load_unchanged(&plan.load);
    let jobs = cfg
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
        .min(plan.convert.len())
        .max(1);
    let mut first_workers = run.prefork(jobs).into_iter();
    std::thread::scope(|s| {
        for slot in 0..jobs {
            let (run, files, worker) = (&run, &plan.convert, first_workers.next());
            s.spawn(move || run.slot(slot, files, worker));
        }
    });
    run.progress.finish();
    let linked = run.close(&plan)?;
    if !cfg.quiet {
        for path in &inputs.skipped {
            eprintln!("sohoa: skipped {} (unknown file type)", path.display());
        }
    }
    let summary = run.summary.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(signal) = signals::received() {
        eprintln!(
            "sohoa: interrupted ({}): {} of {} documents done",
            signals::name(signal),
            summary.documents,
            plan.convert.len()
        );
    }
    if !cfg.quiet {
        eprintln!("{}", summary.line(inputs.skipped.len(), start.elapsed()));
        if cfg.out.as_os_str() != "-" {
            eprintln!(
                "{}",
                summary::archive_line(plan.unchanged, plan.load.len(), plan.gone.len(), cfg.archive.prune, linked)
            );
        }
    }
    Ok(match signals::received() {
        Some(signal) => 128 + signal as u8,
        None if summary.failed == 0 && !run.stop.load(Ordering::SeqCst) => 0,
        None => 1,
    })
}

/// Removes FIFOs, devices and sockets from the inputs (reading one would
/// block or never end); a warning for each.
fn drop_non_regular(files: &mut Vec<Input>) -> Vec<String> {
    use std::os::unix::fs::FileTypeExt;
    let mut warnings = Vec::new();
    files.retain(|f| {
        let special = std::fs::metadata(&f.path)
            .map(|m| m.file_type())
            .ok()
            .filter(|t| t.is_fifo() || t.is_char_device() || t.is_block_device() || t.is_socket());
        if special.is_some() {
            warnings.push(format!("skipped {} (not a regular file: FIFO, device or socket)", f.path.display()));
        }
        special.is_none()
    });
    warnings
}

fn open_sink(out: &Path) -> Result<Sink> {
    if out.as_os_str() == "-" {
        return Ok(Sink::Stdout(Mutex::new(())));
    }
    std::fs::create_dir_all(out)
        .map_err(|e| UsageError(format!("cannot create output folder {}: {e}", out.display())))?;
    scratch::remove_stale_partials(out);
    scratch::check_writable(out)
        .map_err(|e| UsageError(format!("cannot write in output folder {}: {e}", out.display())))?;
    Ok(Sink::Dir(out.to_path_buf()))
}

impl Run<'_> {
    /// The workers of the first `jobs` slots, forked from this process while
    /// it runs one thread (none in process, or when they cannot be forked:
    /// the slots then spawn theirs with exec).
    fn prefork(&self, jobs: usize) -> Vec<pool::Worker> {
        let (Some(wcfg), Some(scratch)) = (&self.cfg.workers, &self.scratch) else { return Vec::new() };
        let tmps: Vec<PathBuf> = (0..jobs).map(|slot| scratch.slot(slot)).collect();
        fork::prefork(wcfg, &tmps, &scratch.ocr_slots()).into_iter().map(pool::Worker::adopt).collect()
    }

    /// One slot of the pool: takes inputs until none are left or the run
    /// stops; `worker`: the slot's first worker, when it was forked.
    fn slot(&self, slot: usize, files: &[Input], mut worker: Option<pool::Worker>) {
        loop {
            if self.stop.load(Ordering::SeqCst) || signals::received().is_some() {
                return;
            }
            let i = self.next.fetch_add(1, Ordering::SeqCst);
            let Some(input) = files.get(i) else { return };
            // taken before the input is read: a file changed meanwhile looks changed next time
            let (started, stamp) = (Instant::now(), Archive::stamp(input));
            let converted = match (&self.cfg.workers, &self.scratch) {
                (Some(wcfg), Some(scratch)) => {
                    match self.in_worker(&mut worker, wcfg, &[scratch.slot(slot), scratch.ocr_slots()], &input.path) {
                        Some(c) => c,
                        None => return,
                    }
                }
                _ => Converted::from_conversion(&worker::convert(&input.path, &self.cfg.extract, self.cfg.timeout)),
            };
            self.one(input, &converted, started, stamp);
        }
    }

    /// Converts `file` in this slot's worker process (started when missing,
    /// dropped when it died); `None` when a stop signal interrupted it.
    /// `dirs`: the worker's temp folder and the run's OCR slot folder.
    fn in_worker(
        &self,
        worker: &mut Option<pool::Worker>,
        wcfg: &WorkerConfig,
        dirs: &[PathBuf; 2],
        file: &Path,
    ) -> Option<Converted> {
        let [tmp, ocr_slots] = dirs;
        if worker.is_none() {
            match pool::Worker::spawn(wcfg, tmp, ocr_slots) {
                Ok(w) => *worker = Some(w),
                Err(e) => {
                    self.warn(&format!(
                        "cannot start a worker process ({e}); converting {} in this process",
                        file.display()
                    ));
                    return Some(Converted::from_conversion(&worker::convert(
                        file,
                        &self.cfg.extract,
                        self.cfg.timeout,
                    )));
                }
            }
        }
        // invariant: set just above when it was missing
        let w = worker.as_mut().expect("a worker");
        match w.convert(file, wcfg) {
            Ok(c) => Some(c),
            Err(lost) => {
                *worker = None;
                scratch::clear(tmp);
                match lost {
                    pool::Lost::Failed(c) => Some(*c),
                    pool::Lost::Interrupted => None,
                }
            }
        }
    }

    /// Writes, records and counts one converted input.
    fn one(&self, input: &Input, converted: &Converted, started: Instant, stamp: manifest::Stamp) {
        let file = input.path.as_path();
        converted.warnings.iter().for_each(|w| self.warn(w));
        let mut failed = converted.failed;
        if let Err(e) = self.sink.write(&input.out, &converted.lines) {
            failed = true;
            if e.kind() == ErrorKind::BrokenPipe {
                self.stop.store(true, Ordering::SeqCst);
            } else {
                self.warn(&format!("cannot write the output of {}: {e}", file.display()));
            }
        } else if let Some(archive) = &self.archive {
            // store rows, then the manifest line: only a finished document is skipped next time
            if let Err(e) = archive.finish(input, stamp, converted, started.elapsed()) {
                failed = true;
                self.warn(&format!("cannot record {} in the archive: {e:#}", file.display()));
            }
        }
        if self.cfg.verbose {
            eprintln!(
                "sohoa: converted {} -> {} ({:.2} s)",
                file.display(),
                input.out,
                started.elapsed().as_secs_f64()
            );
            converted.diagnostics.iter().for_each(|d| eprintln!("{}: {d}", file.display()));
        }
        self.summary.lock().unwrap_or_else(std::sync::PoisonError::into_inner).add_counts(&converted.counts, failed);
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
}
