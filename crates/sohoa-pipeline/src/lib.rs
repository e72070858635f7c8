//! sohoa-pipeline: one document through read → extract → segment → map, never failing.
//!
//! Each stage is called once (`extract_bytes` → `Document`, `outline` → `Outline`,
//! `map` → records) on a thread with a large stack (a fresh one per document under a
//! time budget, or the caller's: [`convert_here`]); every stage's diagnostics
//! are kept beside the records. An error, a panic or a spent time budget becomes one
//! `error` record naming the stage and the cause. The CLI (`sohoa convert`, its
//! `sohoa worker` processes) and the Python binding both run this, so they agree
//! record for record without the binding depending on the CLI.

use sohoa_doc::Diagnostic;
use sohoa_extract::{Document, ExtractError, ExtractOptions};
use sohoa_map::{ErrorRecord, Record};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::Duration;

/// The stages of one document, as `error.stage` names them.
pub const STAGES: [&str; 4] = ["read", "extract", "segment", "map"];

/// Stack of the thread a document runs on: readers of nested formats recurse.
pub const STACK: usize = 32 << 20;

/// What to convert: a file, or bytes under a name (the name picks the format
/// where the bytes do not, and becomes `source.path`).
#[derive(Debug, Clone)]
pub enum Input {
    /// A file on disk, read by the pipeline.
    Path(PathBuf),
    /// Bytes already in memory.
    Bytes {
        /// The name they go by (`source.path`).
        name: String,
        /// The file's bytes.
        bytes: Arc<Vec<u8>>,
    },
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
    /// How the readers run.
    pub extract: ExtractOptions,
    /// Wall-clock budget of one document, all stages; `None`: wait however long it
    /// takes (a `sohoa worker` process, which its parent kills at the budget).
    pub timeout: Option<Duration>,
}

/// Told each time a document enters a stage: the stage and the `doc_id` once known.
pub type StageObserver = Box<dyn Fn(&'static str, Option<&str>) + Send + Sync>;

/// One document's records and what each stage noticed on the way.
#[derive(Debug, Default)]
pub struct Conversion {
    /// The document's records, or one `error` record.
    pub records: Vec<Record>,
    /// `(stage, diagnostic)`, stages `extract`, `segment`, `map`, in that order.
    pub diagnostics: Vec<(&'static str, Diagnostic)>,
}

impl Conversion {
    /// The diagnostics as `stage code: message (span)` lines.
    pub fn diagnostic_lines(&self) -> Vec<String> {
        self.diagnostics.iter().map(|(stage, d)| format!("{stage} {d}")).collect()
    }
}

/// A failure in one stage.
#[derive(Debug)]
pub struct Failure {
    /// The document's `doc_id`, when its bytes were read.
    pub doc_id: Option<String>,
    /// The stage that failed: `read`, `extract`, `segment`, `map`.
    pub stage: &'static str,
    /// What went wrong, in words.
    pub cause: String,
}

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
            observe(STAGES[usize::from(index)], self.doc_id.get().map(String::as_str));
        }
    }

    /// A failure in the current stage.
    fn fail(&self, cause: String) -> Failure {
        Failure {
            doc_id: self.doc_id.get().cloned(),
            stage: STAGES[usize::from(self.stage.load(Ordering::SeqCst))],
            cause,
        }
    }
}

/// All records of `input` and every stage's diagnostics, or one error record;
/// `observer` hears each stage as it starts.
pub fn convert(input: &Input, settings: &Settings, observer: Option<StageObserver>) -> Conversion {
    let tracker = Tracker { observer, ..Tracker::default() };
    let result =
        guarded(input, settings, tracker, |tracker, input, settings| stages(tracker, input, &settings.extract));
    conversion(input, result)
}

/// What [`convert`] gives, with the stages run on the calling thread and no
/// time budget. A `sohoa worker` process (which its parent kills at the
/// budget) runs all its documents this way on one thread, so what the
/// patterns learn about matching on one document serves the next. The thread
/// needs a stack of [`STACK`] bytes.
pub fn convert_here(input: &Input, opts: &ExtractOptions, observer: Option<StageObserver>) -> Conversion {
    let tracker = Tracker { observer, ..Tracker::default() };
    let result = caught(&tracker, || stages(&tracker, input, opts));
    conversion(input, result)
}

/// Every stage of one document; a panic in segment or map becomes their failure.
fn stages(tracker: &Tracker, input: &Input, opts: &ExtractOptions) -> Result<Conversion, Failure> {
    let doc = extract(input, opts, tracker)?;
    catch_unwind(AssertUnwindSafe(|| structure(doc, tracker)))
        .map_err(|p| tracker.fail(format!("panicked: {}", sohoa_extract::panic_text(&p))))
}

/// Runs `f`, its panic becoming the failure of the current stage.
fn caught<T>(tracker: &Tracker, f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f))
        .unwrap_or_else(|p| Err(tracker.fail(format!("panicked: {}", sohoa_extract::panic_text(&p)))))
}

/// The records of a finished document, or its one error record.
fn conversion(input: &Input, result: Result<Conversion, Failure>) -> Conversion {
    result.unwrap_or_else(|f| Conversion {
        records: vec![Record::Error(ErrorRecord {
            doc_id: f.doc_id,
            path: input.display(),
            stage: f.stage.into(),
            cause: f.cause,
        })],
        diagnostics: Vec::new(),
    })
}

/// The extracted document of `input` (what `sohoa text` prints), or the failure.
///
/// # Errors
/// The [`Failure`] of the read or extract stage (a panic and a spent budget included).
pub fn document(input: &Input, settings: &Settings) -> Result<Document, Failure> {
    guarded(input, settings, Tracker::default(), |tracker, input, settings| extract(input, &settings.extract, tracker))
}

/// The segment and map stages of an extracted document, each called once.
fn structure(doc: Document, tracker: &Tracker) -> Conversion {
    tracker.enter(2);
    let outline = sohoa_segment::outline(&doc);
    tracker.enter(3);
    let mapped = sohoa_map::map(&doc.source, &outline);
    let tagged = |stage: &'static str, ds: Vec<Diagnostic>| ds.into_iter().map(move |d| (stage, d));
    let diagnostics = tagged("extract", doc.diagnostics)
        .chain(tagged("segment", outline.diagnostics))
        .chain(tagged("map", mapped.diagnostics))
        .collect();
    Conversion { records: mapped.records, diagnostics }
}

/// Runs `stages` on a worker thread with a big stack, catching its panic and
/// giving up on it when the time budget is spent (the thread is left to end).
fn guarded<T, F>(input: &Input, settings: &Settings, tracker: Tracker, stages: F) -> Result<T, Failure>
where
    T: Send + 'static,
    F: FnOnce(&Tracker, &Input, &Settings) -> Result<T, Failure> + Send + 'static,
{
    let tracker = Arc::new(tracker);
    let (tx, rx) = mpsc::channel();
    let job = {
        let (input, settings, tracker) = (input.clone(), settings.clone(), Arc::clone(&tracker));
        move || {
            let _ = tx.send(caught(&tracker, || stages(&tracker, &input, &settings)));
        }
    };
    let spawned = std::thread::Builder::new().name(format!("sohoa {}", input.display())).stack_size(STACK).spawn(job);
    match spawned {
        Err(e) => Err(Failure { doc_id: None, stage: "read", cause: format!("cannot start a worker thread: {e}") }),
        Ok(_) => match settings.timeout {
            Some(timeout) => match rx.recv_timeout(timeout) {
                Ok(result) => result,
                Err(_) => Err(tracker.fail(format!("time budget of {} s exceeded", timeout.as_secs()))),
            },
            None => rx.recv().unwrap_or_else(|_| Err(tracker.fail("the worker thread ended without a result".into()))),
        },
    }
}

/// Read and extract stages.
fn extract(input: &Input, opts: &ExtractOptions, tracker: &Tracker) -> Result<Document, Failure> {
    tracker.enter(0);
    let bytes = read(input, opts)?;
    let _ = tracker.doc_id.set(sohoa_extract::hex_sha256(&bytes)[..16].to_string());
    tracker.enter(1);
    sohoa_extract::extract_bytes(&input.display(), &bytes, opts).map_err(|e| tracker.fail(cause_chain(&e)))
}

/// The input's bytes, within the size limit.
fn read(input: &Input, opts: &ExtractOptions) -> Result<Arc<Vec<u8>>, Failure> {
    let fail = |cause: String| Failure { doc_id: None, stage: "read", cause };
    let too_big = |len: u64| {
        let limit = ExtractError::Limit {
            format: "input",
            cause: format!("file is {len} bytes, limit {}", opts.max_file_bytes),
        };
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
    use std::path::Path;
    use std::sync::Mutex;

    fn settings(timeout: Duration) -> Settings {
        Settings { extract: ExtractOptions::default(), timeout: Some(timeout) }
    }

    fn convert_path(path: &Path, timeout: Duration) -> Conversion {
        convert(&Input::Path(path.to_path_buf()), &settings(timeout), None)
    }

    fn error_of(c: &Conversion) -> &ErrorRecord {
        match c.records.as_slice() {
            [Record::Error(e)] => e,
            other => panic!("expected one error record, got {other:?}"),
        }
    }

    #[test]
    fn missing_file_is_a_read_error() {
        let c = convert_path(Path::new("/nonexistent/x.pdf"), Duration::from_secs(5));
        let e = error_of(&c);
        assert_eq!((e.stage.as_str(), e.doc_id.as_deref()), ("read", None));
        assert!(e.cause.contains("cannot read file"), "{}", e.cause);
    }

    #[test]
    fn unknown_format_is_an_extract_error_with_doc_id() {
        let input = Input::Bytes { name: "blob.bin".into(), bytes: Arc::new(b"\x00\x01 not a document".to_vec()) };
        let c = convert(&input, &settings(Duration::from_secs(5)), None);
        let e = error_of(&c);
        assert_eq!(e.stage, "extract");
        assert_eq!(e.doc_id.as_deref().map(str::len), Some(16));
        assert!(e.cause.contains("unsupported format"), "{}", e.cause);
    }

    #[test]
    fn every_stage_runs_once_in_order_and_is_heard() {
        let dir = tempfile::tempdir().expect("a temp dir"); // invariant: tests may fail loudly on a broken /tmp
        let p = dir.path().join("plan.txt");
        let plan = "KẾ HOẠCH\nCải cách hành chính năm 2026\n\nHội nghị sơ kết\tQuý II\nHội nghị tổng kết\tQuý IV\n\nII. NHIỆM VỤ\n\n\
                    STT\tNội dung\tĐơn vị chủ trì\tThời gian hoàn thành\n1\tRà soát thủ tục hành chính\tSở Nội vụ\tTheo chỉ đạo của tỉnh\n";
        std::fs::write(&p, plan).expect("a temp file");
        let heard = Arc::new(Mutex::new(Vec::new()));
        let observer: StageObserver = {
            let heard = Arc::clone(&heard);
            Box::new(move |stage, doc_id| heard.lock().expect("not poisoned").push((stage, doc_id.is_some())))
        };
        let c =
            convert(&Input::Path(p), &Settings { extract: ExtractOptions::default(), timeout: None }, Some(observer));
        assert!(matches!(c.records.first(), Some(Record::Document(_))), "{c:?}");
        let heard = heard.lock().expect("not poisoned").clone();
        assert_eq!(heard, [("read", false), ("extract", true), ("segment", true), ("map", true)]);
        let codes: Vec<(&str, &str)> = c.diagnostics.iter().map(|(stage, d)| (*stage, d.code)).collect();
        assert_eq!(codes, [("segment", "segment.table_as_text"), ("map", "map.deadline_uncoded")]);
        assert_eq!(
            c.diagnostic_lines()[0],
            "segment segment.table_as_text: a table of 2 rows without a header row read as paragraphs (line 4)"
        );
    }

    #[test]
    fn on_the_calling_thread_a_document_gives_the_same_records_and_errors() {
        let plan = "KẾ HOẠCH\nCải cách hành chính năm 2026\n\nII. NHIỆM VỤ\n\n1. Rà soát thủ tục hành chính, hoàn thành trước ngày 30/6/2026.\n";
        let inputs = [
            Input::Bytes { name: "plan.txt".into(), bytes: Arc::new(plan.as_bytes().to_vec()) },
            Input::Bytes { name: "blob.bin".into(), bytes: Arc::new(b"\x00\x01 not a document".to_vec()) },
            Input::Path("/nonexistent/x.pdf".into()),
        ];
        for input in &inputs {
            let here = convert_here(input, &ExtractOptions::default(), None);
            let there = convert(input, &settings(Duration::from_secs(30)), None);
            assert_eq!(format!("{:?}", here.records), format!("{:?}", there.records), "{}", input.display());
            assert_eq!(here.diagnostic_lines(), there.diagnostic_lines());
        }
        assert!(matches!(convert_here(&inputs[0], &ExtractOptions::default(), None).records[0], Record::Document(_)));
    }

    #[test]
    fn timeout_gives_an_error_record_and_returns() {
        let dir = tempfile::tempdir().expect("a temp dir"); // invariant: tests may fail loudly on a broken /tmp
        let plan = dir.path().join("plan.txt");
        std::fs::write(&plan, "KẾ HOẠCH\n\nI. NỘI DUNG\n\n- Ban hành kế hoạch.\n").expect("a temp file");
        let c = convert_path(&plan, Duration::from_nanos(1));
        let e = error_of(&c);
        assert!(e.cause.contains("time budget"), "{}", e.cause);
        assert!(STAGES.contains(&e.stage.as_str()));
    }

    #[test]
    fn a_document_is_read_without_the_later_stages() {
        let input = Input::Bytes { name: "plan.txt".into(), bytes: Arc::new("KẾ HOẠCH\n".as_bytes().to_vec()) };
        let doc = document(&input, &settings(Duration::from_secs(30))).expect("a text document");
        assert_eq!(doc.source.path, "plan.txt");
        let folder = document(&Input::Path(std::env::temp_dir()), &settings(Duration::from_secs(5)))
            .expect_err("a folder is no document");
        assert_eq!((folder.stage, folder.cause.as_str()), ("read", "cannot read file: it is a folder"));
    }

    #[test]
    fn cause_chain_skips_repeated_sources() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let e = ExtractError::Io { path: "x".into(), source: io };
        assert_eq!(cause_chain(&e), "cannot read file x: gone");
    }
}
