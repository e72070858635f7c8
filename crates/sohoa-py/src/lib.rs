//! `sohoa._sohoa`: the Rust half of the Python package `sohoa` (PyO3, abi3).
//! Records cross into Python as the JSON `sohoa convert` writes, so the two
//! agree field for field; the Python half (`python/sohoa/`) loads it, raises
//! `ConversionError` and documents the API.

mod many;

use pyo3::exceptions::{PyStopIteration, PyValueError};
use pyo3::prelude::*;
use sohoa_extract::{ExtractOptions, OcrMode};
use sohoa_map::Record;
use sohoa_pipeline::{Input, Settings};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The version of the record contract (`RECORDS.md`) the records follow.
const SCHEMA_VERSION: &str = "1.1";

/// Time budget of one document when none is given, as `sohoa convert --timeout`.
const DEFAULT_TIMEOUT_SECONDS: f64 = 600.0;

/// Records as one JSON array, each record as `sohoa convert` writes its line.
pub(crate) fn to_json(records: &[Record]) -> String {
    // invariant: records hold only strings, numbers, options and vectors, which always serialize
    serde_json::to_string(records).expect("records serialize")
}

/// The settings of `ocr` ("auto" or "off") and `timeout` (seconds; `None` for the CLI's default).
fn settings(ocr: &str, timeout: Option<f64>) -> PyResult<Settings> {
    let ocr = match ocr {
        "auto" => OcrMode::Auto,
        "off" => OcrMode::Off,
        other => return Err(PyValueError::new_err(format!("ocr must be \"auto\" or \"off\", not {other:?}"))),
    };
    let seconds = timeout.unwrap_or(DEFAULT_TIMEOUT_SECONDS);
    if !(seconds.is_finite() && seconds > 0.0) {
        return Err(PyValueError::new_err(format!("timeout must be a positive number of seconds, not {seconds}")));
    }
    let timeout = Duration::from_secs_f64(seconds);
    Ok(Settings {
        extract: ExtractOptions { time_budget: timeout, ocr, ..ExtractOptions::default() },
        timeout: Some(timeout),
    })
}

/// The input: a path, or bytes under `name`.
fn input(path: Option<PathBuf>, data: Option<Vec<u8>>, name: Option<String>) -> PyResult<Input> {
    match (path, data) {
        (Some(path), None) => Ok(Input::Path(path)),
        (None, Some(bytes)) => {
            Ok(Input::Bytes { name: name.unwrap_or_else(|| "<bytes>".into()), bytes: Arc::new(bytes) })
        }
        _ => Err(PyValueError::new_err("give either a path or bytes")),
    }
}

/// Records of one document as a JSON array (an error becomes one error record).
#[pyfunction]
#[pyo3(signature = (path=None, data=None, name=None, ocr="auto", timeout=None))]
fn convert_json(
    py: Python<'_>,
    path: Option<PathBuf>,
    data: Option<Vec<u8>>,
    name: Option<String>,
    ocr: &str,
    timeout: Option<f64>,
) -> PyResult<String> {
    let (input, settings) = (input(path, data, name)?, settings(ocr, timeout)?);
    Ok(py.allow_threads(|| to_json(&sohoa_pipeline::convert(&input, &settings, None).records)))
}

/// The text of one document as `sohoa text` prints it: `(text, None)`, or
/// `(None, error record as JSON)`.
#[pyfunction]
#[pyo3(signature = (path=None, data=None, name=None, ocr="auto", timeout=None))]
fn text_or_error(
    py: Python<'_>,
    path: Option<PathBuf>,
    data: Option<Vec<u8>>,
    name: Option<String>,
    ocr: &str,
    timeout: Option<f64>,
) -> PyResult<(Option<String>, Option<String>)> {
    let (input, settings) = (input(path, data, name)?, settings(ocr, timeout)?);
    Ok(py.allow_threads(|| match sohoa_pipeline::document(&input, &settings) {
        Ok(doc) => (Some(sohoa_doc::render::render_document(&doc)), None),
        Err(f) => {
            let error = sohoa_map::ErrorRecord {
                doc_id: f.doc_id,
                path: input.display(),
                stage: f.stage.into(),
                cause: f.cause,
            };
            (None, Some(to_json(&[Record::Error(error)])))
        }
    }))
}

/// The folding key sohoa compares text with (case, tone placement, spaces).
#[pyfunction]
fn fold(text: &str) -> String {
    sohoa_extract::normalize::fold_key(text)
}

/// Whether a file of this name is one `sohoa convert` reads when it walks a folder.
#[pyfunction]
fn is_supported(name: &str) -> bool {
    sohoa_extract::detect::detect(name, b"").is_some()
}

/// Files converted on Rust threads; iterating gives `(path, records as JSON)` in input order.
#[pyclass(module = "sohoa._sohoa")]
struct Batch {
    inner: many::Batch,
}

#[pymethods]
impl Batch {
    #[new]
    #[pyo3(signature = (paths, jobs=None, ocr="auto", timeout=None))]
    fn new(paths: Vec<PathBuf>, jobs: Option<usize>, ocr: &str, timeout: Option<f64>) -> PyResult<Self> {
        let settings = settings(ocr, timeout)?;
        let jobs = match jobs {
            Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, usize::from),
        };
        Ok(Batch { inner: many::Batch::start(paths.into_iter().map(Input::Path).collect(), settings, jobs) })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(mut slf: PyRefMut<'_, Self>, py: Python<'_>) -> PyResult<(String, String)> {
        let batch = &mut slf.inner;
        py.allow_threads(|| batch.next_in_order()).ok_or_else(|| PyStopIteration::new_err(()))
    }
}

#[pymodule]
fn _sohoa(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", SCHEMA_VERSION)?;
    m.add_function(wrap_pyfunction!(convert_json, m)?)?;
    m.add_function(wrap_pyfunction!(text_or_error, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(is_supported, m)?)?;
    m.add_class::<Batch>()?;
    Ok(())
}
