//! `sohoa convert`: files and folders in, one JSON Lines stream per document
//! out, documents converted in parallel; a failing document becomes an
//! `error` record and the batch goes on.

mod inputs;
mod progress;
pub mod shard;
mod sink;
mod summary;
mod worker;
// isolation (issue 11): worker processes, signals, temp and partial files
mod pool;
mod protocol;
mod scratch;
mod serve;
mod signals;

pub use pool::WorkerConfig;
pub use serve::serve;

use crate::UsageError;
use anyhow::Result;
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
}

/// Shared state of one run.
struct Run<'a> {
    cfg: &'a ConvertConfig,
    sink: Sink,
    progress: Progress,
    summary: Mutex<Summary>,
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
    let mut inputs = inputs::collect(&cfg.paths);
    let not_regular = drop_non_regular(&mut inputs.files);
    let (names, warnings) = inputs::output_names(&inputs.files);
    let (inputs, names) = shard::select(inputs, names, &cfg.paths, cfg.shard);
    let run = Run {
        cfg,
        sink: open_sink(&cfg.out)?,
        progress: Progress::new(inputs.files.len()),
        summary: Mutex::new(Summary::default()),
        stop: AtomicBool::new(false),
        next: AtomicUsize::new(0),
        scratch: match cfg.workers {
            Some(_) => Some(scratch::RunDir::create().map_err(|e| anyhow::anyhow!("cannot create a temp folder: {e}"))?),
            None => None,
        },
    };
    warnings.iter().chain(&not_regular).for_each(|w| run.progress.warn(w));
    let jobs = cfg.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).min(inputs.files.len()).max(1);
    std::thread::scope(|s| {
        for slot in 0..jobs {
            let (run, files, names) = (&run, &inputs.files, &names);
            s.spawn(move || run.slot(slot, files, names));
        }
    });
    run.progress.finish();
    for path in &inputs.skipped {
        eprintln!("sohoa: skipped {} (unknown file type)", path.display());
    }
    let summary = run.summary.into_inner().unwrap_or_else(|p| p.into_inner());
    if let Some(signal) = signals::received() {
        eprintln!("sohoa: interrupted ({}): {} of {} documents done", signals::name(signal), summary.documents, inputs.files.len());
    }
    eprintln!("{}", summary.line(inputs.skipped.len(), start.elapsed()));
    Ok(match signals::received() {
        Some(signal) => 128 + signal as u8,
        None if summary.failed == 0 && !run.stop.load(Ordering::SeqCst) => 0,
        None => 1,
    })
}

/// Removes FIFOs, devices and sockets from the inputs (reading one would
/// block or never end); a warning for each.
fn drop_non_regular(files: &mut Vec<PathBuf>) -> Vec<String> {
    use std::os::unix::fs::FileTypeExt;
    let mut warnings = Vec::new();
    files.retain(|f| {
        let special = std::fs::metadata(f).map(|m| m.file_type()).ok().filter(|t| t.is_fifo() || t.is_char_device() || t.is_block_device() || t.is_socket());
        if special.is_some() {
            warnings.push(format!("skipped {} (not a regular file: FIFO, device or socket)", f.display()));
        }
        special.is_none()
    });
    warnings
}

fn open_sink(out: &Path) -> Result<Sink> {
    if out.as_os_str() == "-" {
        return Ok(Sink::Stdout(Mutex::new(())));
    }
    std::fs::create_dir_all(out).map_err(|e| UsageError(format!("cannot create output folder {}: {e}", out.display())))?;
    scratch::remove_stale_partials(out);
    scratch::check_writable(out).map_err(|e| UsageError(format!("cannot write in output folder {}: {e}", out.display())))?;
    Ok(Sink::Dir(out.to_path_buf()))
}

impl Run<'_> {
    /// One slot of the pool: takes inputs until none are left or the run stops.
    fn slot(&self, slot: usize, files: &[PathBuf], names: &[String]) {
        let mut worker: Option<pool::Worker> = None;
        loop {
            if self.stop.load(Ordering::SeqCst) || signals::received().is_some() {
                return;
            }
            let i = self.next.fetch_add(1, Ordering::SeqCst);
            let (Some(file), Some(name)) = (files.get(i), names.get(i)) else { return };
            let converted = match (&self.cfg.workers, &self.scratch) {
                (Some(wcfg), Some(scratch)) => match self.in_worker(&mut worker, wcfg, &scratch.slot(slot), file) {
                    Some(c) => c,
                    None => return,
                },
                _ => Converted::from_records(&worker::convert(file, &self.cfg.extract, self.cfg.timeout)),
            };
            self.one(file, name, &converted);
        }
    }

    /// Converts `file` in this slot's worker process (started when missing,
    /// dropped when it died); `None` when a stop signal interrupted it.
    fn in_worker(&self, worker: &mut Option<pool::Worker>, wcfg: &WorkerConfig, tmp: &Path, file: &Path) -> Option<Converted> {
        if worker.is_none() {
            match pool::Worker::spawn(wcfg, tmp) {
                Ok(w) => *worker = Some(w),
                Err(e) => {
                    self.progress.warn(&format!("cannot start a worker process ({e}); converting {} in this process", file.display()));
                    return Some(Converted::from_records(&worker::convert(file, &self.cfg.extract, self.cfg.timeout)));
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
                    pool::Lost::Failed(c) => Some(c),
                    pool::Lost::Interrupted => None,
                }
            }
        }
    }

    /// Writes and counts one input.
    fn one(&self, file: &Path, name: &str, converted: &Converted) {
        converted.warnings.iter().for_each(|w| self.progress.warn(w));
        let mut failed = converted.failed;
        if let Err(e) = self.sink.write(name, &converted.lines) {
            failed = true;
            if e.kind() == ErrorKind::BrokenPipe {
                self.stop.store(true, Ordering::SeqCst);
            } else {
                self.progress.warn(&format!("cannot write the output of {}: {e}", file.display()));
            }
        }
        self.summary.lock().unwrap_or_else(|p| p.into_inner()).add_counts(&converted.counts, failed);
        self.progress.done(name);
    }
}
