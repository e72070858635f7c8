//! Converting one document into its records, never failing: read, extract,
//! segment and map run on a thread with a large stack, each stage called once
//! (extract → `Document`, segment → `Outline`, map → records), and every stage's
//! diagnostics are kept with the records; an error or a panic becomes one
//! `error` record naming the stage and the cause. In process ([`convert`]) a
//! time budget bounds the wait; inside a `sohoa worker` process
//! ([`convert_observed`]) the parent enforces it by killing the process.

use sohoa_extract::{ExtractError, ExtractOptions};
use sohoa_extract::Diagnostic;
use sohoa_map::{ErrorRecord, Record};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::Duration;

/// The stages of one document, as `error.stage` names them.
const STAGES: [&str; 4] = ["read", "extract", "segment", "map"];

/// Stack of a document's worker thread: readers of nested formats recurse.
const WORKER_STACK: usize = 32 << 20;

/// Told each time a document enters a stage: the stage and the `doc_id` once known.
pub type StageObserver = Box<dyn Fn(&'static str, Option<&str>) + Send + Sync>;

/// How far a document got, readable while its worker still runs.
#[derive(Default)]
struct Tracker {
    /// Index into [`STAGES`].
    stage: AtomicU8,
    /// Known once the bytes are read.
    doc_id: OnceLock<String>,
    observer: Option<StageObserver>,
}

impl Tracker {
    /// Enters stage `index` of [`STAGES`].
    fn enter(&self, index: u8) {
        self.stage.store(index, Ordering::SeqCst);
        if let Some(observe) = &self.observer {
            observe(STAGES[index as usize], self.doc_id.get().map(String::as_str));
        }
    }

    /// A failure in the current stage.
    fn fail(&self, cause: String) -> Failure {
        Failure { doc_id: self.doc_id.get().cloned(), stage: STAGES[self.stage.load(Ordering::SeqCst) as usize], cause }
    }
}

/// One document's records and what each stage noticed on the way.
#[derive(Debug, Default)]
pub struct Conversion {
    pub records: Vec<Record>,
    /// `(stage, diagnostic)`, stages `extract`, `segment`, `map`, in that order.
    pub diagnostics: Vec<(&'static str, Diagnostic)>,
}

impl Conversion {
    /// A conversion that is one record (an error record) and no diagnostics.
    fn only(record: Record) -> Self {
        Conversion { records: vec![record], diagnostics: Vec::new() }
    }
}

/// A failure in one stage.
struct Failure {
    doc_id: Option<String>,
    stage: &'static str,
    cause: String,
}

/// All records of the file at `path`, or one error record; a document still
/// running after `timeout` gives an error record (its thread is left behind).
pub fn convert(path: &Path, opts: &ExtractOptions, timeout: Duration) -> Conversion {
    convert_with(path, opts, Some(timeout), Tracker::default())
}

/// All records of the file at `path`, or one error record, however long it
/// takes; `observer` hears each stage as it starts.
pub fn convert_observed(path: &Path, opts: &ExtractOptions, observer: StageObserver) -> Conversion {
    convert_with(path, opts, None, Tracker { observer: Some(observer), ..Tracker::default() })
}

fn convert_with(path: &Path, opts: &ExtractOptions, timeout: Option<Duration>, tracker: Tracker) -> Conversion {
    let display = path.display().to_string();
    let tracker = Arc::new(tracker);
    let (tx, rx) = mpsc::channel();
    let job = {
        let (path, opts, tracker) = (path.to_path_buf(), opts.clone(), Arc::clone(&tracker));
        move || {
            let result = catch_unwind(AssertUnwindSafe(|| run_stages(&path, &opts, &tracker)));
            let _ = tx.send(result.unwrap_or_else(|p| Err(tracker.fail(format!("panicked: {}", sohoa_extract::panic_text(&p))))));
        }
    };
    let spawned = std::thread::Builder::new().name(format!("sohoa {display}")).stack_size(WORKER_STACK).spawn(job);
    let result = match spawned {
        Err(e) => Err(Failure { doc_id: None, stage: "read", cause: format!("cannot start a worker thread: {e}") }),
        Ok(_) => match timeout {
            Some(timeout) => match rx.recv_timeout(timeout) {
                Ok(result) => result,
                Err(_) => Err(tracker.fail(format!("time budget of {} s exceeded", timeout.as_secs()))),
            },
            None => rx.recv().unwrap_or_else(|_| Err(tracker.fail("the worker thread ended without a result".into()))),
        },
    };
    result.unwrap_or_else(|f| {
        Conversion::only(Record::Error(ErrorRecord { doc_id: f.doc_id, path: display, stage: f.stage.into(), cause: f.cause }))
    })
}

fn run_stages(path: &Path, opts: &ExtractOptions, tracker: &Tracker) -> Result<Conversion, Failure> {
    tracker.enter(0);
    let bytes = read(path, opts)?;
    let sha = sohoa_extract::hex_sha256(&bytes);
    let _ = tracker.doc_id.set(sha[..16].to_string());
    tracker.enter(1);
    let doc = sohoa_extract::extract_bytes(&path.display().to_string(), &bytes, opts).map_err(|e| tracker.fail(cause_chain(&e)))?;
    drop(bytes);
    catch_unwind(AssertUnwindSafe(|| structure(doc, tracker))).map_err(|p| tracker.fail(format!("panicked: {}", sohoa_extract::panic_text(&p))))
}

/// The segment and map stages of an extracted document, each called once.
fn structure(doc: sohoa_extract::Document, tracker: &Tracker) -> Conversion {
    tracker.enter(2);
    let outline = sohoa_segment::outline(&doc);
    tracker.enter(3);
    let mapped = sohoa_map::map(&doc.source, &outline);
    let tagged = |stage: &'static str, ds: Vec<Diagnostic>| ds.into_iter().map(move |d| (stage, d));
    let diagnostics = tagged("extract", doc.diagnostics).chain(tagged("segment", outline.diagnostics)).chain(tagged("map", mapped.diagnostics)).collect();
    Conversion { records: mapped.records, diagnostics }
}

/// The file's bytes, within the size limit.
fn read(path: &Path, opts: &ExtractOptions) -> Result<Vec<u8>, Failure> {
    let fail = |cause: String| Failure { doc_id: None, stage: "read", cause };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read file: {e}")))?;
    if meta.is_dir() {
        return Err(fail("cannot read file: it is a folder that cannot be listed".into()));
    }
    if meta.len() > opts.max_file_bytes {
        let limit = ExtractError::Limit { format: "input", cause: format!("file is {} bytes, limit {}", meta.len(), opts.max_file_bytes) };
        return Err(fail(limit.to_string()));
    }
    std::fs::read(path).map_err(|e| fail(format!("cannot read file: {e}")))
}

/// The error and its sources, `: `-joined, each source left out when the
/// message before it already says it.
pub fn cause_chain(e: &dyn std::error::Error) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(c: &Conversion) -> &ErrorRecord {
        match c.records.as_slice() {
            [Record::Error(e)] => e,
            other => panic!("expected one error record, got {other:?}"),
        }
    }

    #[test]
    fn missing_file_is_a_read_error() {
        let recs = convert(Path::new("/nonexistent/x.pdf"), &ExtractOptions::default(), Duration::from_secs(5));
        let e = error_of(&recs);
        assert_eq!((e.stage.as_str(), e.doc_id.as_deref()), ("read", None));
        assert!(e.cause.contains("cannot read file"), "{}", e.cause);
    }

    #[test]
    fn unknown_format_is_an_extract_error_with_doc_id() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("blob.bin");
        std::fs::write(&p, b"\x00\x01 not a document").expect("write");
        let recs = convert(&p, &ExtractOptions::default(), Duration::from_secs(5));
        let e = error_of(&recs);
        assert_eq!(e.stage, "extract");
        assert_eq!(e.doc_id.as_deref().map(str::len), Some(16));
        assert!(e.cause.contains("unsupported format"), "{}", e.cause);
    }

    #[test]
    fn text_file_gives_a_document_record_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("plan.txt");
        std::fs::write(&p, "KẾ HOẠCH\nCải cách hành chính năm 2025\n").expect("write");
        let recs = convert(&p, &ExtractOptions::default(), Duration::from_secs(30));
        assert!(matches!(recs.records.first(), Some(Record::Document(_))), "{recs:?}");
    }

    #[test]
    fn timeout_gives_an_error_record_and_returns() {
        let dir = tempfile::tempdir().expect("a temp dir"); // invariant: tests may fail loudly on a broken /tmp
        let plan = dir.path().join("plan.txt");
        std::fs::write(&plan, "KẾ HOẠCH\n\nI. NỘI DUNG\n\n- Ban hành kế hoạch.\n").expect("a temp file");
        let recs = convert(&plan, &ExtractOptions::default(), Duration::from_nanos(1));
        let e = error_of(&recs);
        assert!(e.cause.contains("time budget"), "{}", e.cause);
        assert!(STAGES.contains(&e.stage.as_str()));
    }

    #[test]
    fn cause_chain_skips_repeated_sources() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let e = ExtractError::Io { path: "x".into(), source: io };
        assert_eq!(cause_chain(&e), "cannot read file x: gone");
    }
}
