//! One document through read → extract → segment → map, never failing: the stages run on
//! a worker thread under a time budget, and an error, a panic or a timeout
//! becomes one `error` record naming the stage and the cause, as `sohoa convert`
//! writes it (the same steps as the CLI's `convert/worker.rs`).

use sohoa_extract::{Document, ExtractError, ExtractOptions};
use sohoa_map::{ErrorRecord, Record};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::Duration;

/// The stages of one document, as `error.stage` names them.
const STAGES: [&str; 3] = ["read", "extract", "map"];

/// Stack of a document's worker thread: readers of nested formats recurse.
const WORKER_STACK: usize = 32 << 20;

/// What to convert: a file, or bytes under a name (the name picks the format
/// where the bytes do not, and becomes `source.path`).
#[derive(Debug, Clone)]
pub enum Input {
    Path(PathBuf),
    Bytes { name: String, bytes: Arc<Vec<u8>> },
}

impl Input {
    /// The name records and errors give the input.
    pub fn display(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Bytes { name, .. } => name.clone(),
        }
    }
}

/// How documents are converted.
#[derive(Debug, Clone)]
pub struct Settings {
    pub extract: ExtractOptions,
    /// Wall-clock budget of one document, all stages.
    pub timeout: Duration,
}

/// How far a document got, readable while its worker still runs.
#[derive(Default)]
struct Tracker {
    /// Index into [`STAGES`].
    stage: AtomicU8,
    /// Known once the bytes are read.
    doc_id: OnceLock<String>,
}

/// A failure in one stage.
#[derive(Debug)]
pub struct Failure {
    pub doc_id: Option<String>,
    pub stage: &'static str,
    pub cause: String,
}

impl Tracker {
    fn fail(&self, cause: String) -> Failure {
        Failure { doc_id: self.doc_id.get().cloned(), stage: STAGES[usize::from(self.stage.load(Ordering::SeqCst))], cause }
    }

    fn enter(&self, stage: u8) {
        self.stage.store(stage, Ordering::SeqCst);
    }
}

/// All records of `input`, or one error record.
pub fn records(input: &Input, settings: &Settings) -> Vec<Record> {
    let run = |tracker: &Tracker, input: &Input, settings: &Settings| {
        let doc = extract(input, &settings.extract, tracker)?;
        tracker.enter(2);
        catch_unwind(AssertUnwindSafe(|| sohoa_map::records(&doc.source, &sohoa_segment::outline(&doc))))
            .map_err(|p| tracker.fail(format!("panicked: {}", sohoa_extract::panic_text(&p))))
    };
    guarded(input, settings, run).unwrap_or_else(|f| {
        vec![Record::Error(ErrorRecord { doc_id: f.doc_id, path: input.display(), stage: f.stage.into(), cause: f.cause })]
    })
}

/// The extracted document of `input` (what `sohoa text` prints), or the failure.
pub fn document(input: &Input, settings: &Settings) -> Result<Document, Failure> {
    guarded(input, settings, |tracker, input, settings| extract(input, &settings.extract, tracker))
}

/// Runs `stages` on a worker thread with a big stack, catching its panic and
/// giving up on it when the time budget is spent (the thread is left to end).
fn guarded<T, F>(input: &Input, settings: &Settings, stages: F) -> Result<T, Failure>
where
    T: Send + 'static,
    F: FnOnce(&Tracker, &Input, &Settings) -> Result<T, Failure> + Send + 'static,
{
    let tracker = Arc::new(Tracker::default());
    let (tx, rx) = mpsc::channel();
    let job = {
        let (input, settings, tracker) = (input.clone(), settings.clone(), Arc::clone(&tracker));
        move || {
            let result = catch_unwind(AssertUnwindSafe(|| stages(&tracker, &input, &settings)));
            let _ = tx.send(result.unwrap_or_else(|p| Err(tracker.fail(format!("panicked: {}", sohoa_extract::panic_text(&p))))));
        }
    };
    let spawned = std::thread::Builder::new().name(format!("sohoa {}", input.display())).stack_size(WORKER_STACK).spawn(job);
    match spawned {
        Err(e) => Err(Failure { doc_id: None, stage: "read", cause: format!("cannot start a worker thread: {e}") }),
        Ok(_) => match rx.recv_timeout(settings.timeout) {
            Ok(result) => result,
            Err(_) => Err(tracker.fail(format!("time budget of {} s exceeded", settings.timeout.as_secs()))),
        },
    }
}

/// Read and extract stages.
fn extract(input: &Input, opts: &ExtractOptions, tracker: &Tracker) -> Result<Document, Failure> {
    let bytes = read(input, opts)?;
    let _ = tracker.doc_id.set(sohoa_extract::hex_sha256(&bytes)[..16].to_string());
    tracker.enter(1);
    sohoa_extract::extract_bytes(&input.display(), &bytes, opts).map_err(|e| tracker.fail(cause_chain(&e)))
}

/// The input's bytes, within the size limit.
fn read(input: &Input, opts: &ExtractOptions) -> Result<Arc<Vec<u8>>, Failure> {
    let fail = |cause: String| Failure { doc_id: None, stage: "read", cause };
    let too_big = |len: u64| {
        let limit = ExtractError::Limit { format: "input", cause: format!("file is {len} bytes, limit {}", opts.max_file_bytes) };
        fail(limit.to_string())
    };
    match input {
        Input::Bytes { bytes, .. } if bytes.len() as u64 > opts.max_file_bytes => Err(too_big(bytes.len() as u64)),
        Input::Bytes { bytes, .. } => Ok(Arc::clone(bytes)),
        Input::Path(path) => {
            let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read file: {e}")))?;
            if meta.is_dir() {
                return Err(fail("cannot read file: it is a folder".into()));
            }
            if meta.len() > opts.max_file_bytes {
                return Err(too_big(meta.len()));
            }
            std::fs::read(path).map(Arc::new).map_err(|e| fail(format!("cannot read file: {e}")))
        }
    }
}

/// The error and its sources, `: `-joined, each source left out when the
/// message before it already says it (as the CLI words causes).
fn cause_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}
