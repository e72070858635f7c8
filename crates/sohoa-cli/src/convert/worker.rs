//! Converting one document into its records, never failing, with `sohoa-pipeline`
//! (the same steps the Python binding runs: read, extract, segment, map, each once,
//! their diagnostics kept beside the records; an error or a panic becomes one `error`
//! record). In process ([`convert`]) a time budget bounds the wait; inside a `sohoa
//! worker` process ([`convert_observed`], every document on the same thread) the
//! parent enforces it by killing the process.

use sohoa_extract::ExtractOptions;
use sohoa_pipeline::{Input, Settings};
use std::path::Path;
use std::time::Duration;

pub use sohoa_pipeline::{Conversion, StageObserver};

/// All records of the file at `path`, or one error record; a document still
/// running after `timeout` gives an error record (its thread is left behind).
pub fn convert(path: &Path, opts: &ExtractOptions, timeout: Duration) -> Conversion {
    let settings = Settings { extract: opts.clone(), timeout: Some(timeout) };
    sohoa_pipeline::convert(&Input::Path(path.to_path_buf()), &settings, None)
}

/// All records of the file at `path`, or one error record, however long it
/// takes, converted on this thread (which needs a stack of
/// [`sohoa_pipeline::STACK`]); `observer` hears each stage as it starts.
pub fn convert_observed(path: &Path, opts: &ExtractOptions, observer: StageObserver) -> Conversion {
    sohoa_pipeline::convert_here(&Input::Path(path.to_path_buf()), opts, Some(observer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sohoa_map::Record;

    #[test]
    fn a_missing_file_is_one_read_error_record() {
        let c = convert(Path::new("/nonexistent/x.pdf"), &ExtractOptions::default(), Duration::from_secs(5));
        assert!(
            matches!(c.records.as_slice(), [Record::Error(e)] if e.stage == "read" && e.path == "/nonexistent/x.pdf"),
            "{c:?}"
        );
    }

    #[test]
    fn a_text_file_gives_a_document_record_first() {
        let dir = tempfile::tempdir().expect("a temp dir"); // invariant: tests may fail loudly on a broken /tmp
        let p = dir.path().join("plan.txt");
        std::fs::write(&p, "KẾ HOẠCH\nCải cách hành chính năm 2025\n").expect("a temp file");
        let c = convert(&p, &ExtractOptions::default(), Duration::from_secs(30));
        assert!(matches!(c.records.first(), Some(Record::Document(_))), "{c:?}");
    }
}
