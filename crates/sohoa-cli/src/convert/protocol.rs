//! What the `convert` parent and its `sohoa worker` processes say to each
//! other over pipes: one JSON line per request (parent → worker) and one JSON
//! line per stage change or result (worker → parent).

use super::summary::type_index;
use super::worker::Conversion;
use serde::{Deserialize, Serialize};
use sohoa_map::Record;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Convert the file at `path` (its bytes, hex-encoded: file names need not be UTF-8).
#[derive(Debug, Serialize, Deserialize)]
pub struct Request {
    pub path_hex: String,
}

impl Request {
    /// The request line, `\n` included, for the file at `path`.
    pub fn line(path: &std::path::Path) -> String {
        let request = Request { path_hex: path_to_hex(path) };
        // invariant: a request is one string field, which always serializes
        let mut line = serde_json::to_string(&request).expect("requests serialize");
        line.push('\n');
        line
    }
}

/// One line from a worker.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "msg", rename_all = "snake_case")]
pub enum Reply {
    /// The document entered a stage (`read`, `extract`, `map`); `doc_id` once known.
    Stage { stage: String, doc_id: Option<String> },
    /// The document is done.
    Done(Converted),
}

/// One document's output, ready to write and count.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Converted {
    /// JSON Lines, each ending in `\n`.
    pub lines: String,
    /// Records per type, in `summary::TYPES` order.
    pub counts: [usize; 6],
    /// The document ended in an error record.
    pub failed: bool,
    /// Warnings for stderr.
    pub warnings: Vec<String>,
    /// The stages' diagnostics, one `stage code: message (span)` line each (printed with `-v`).
    #[serde(default)]
    pub diagnostics: Vec<String>,
    /// Diagnostics per code (the manifest entry's `diagnostics`).
    #[serde(default)]
    pub diagnostic_counts: BTreeMap<String, usize>,
}

impl Converted {
    /// Serializes `records` and notes what a run reports about them.
    pub fn from_records(records: &[Record]) -> Self {
        let mut counts = [0; 6];
        records.iter().for_each(|r| counts[type_index(r)] += 1);
        Converted {
            lines: to_lines(records),
            counts,
            failed: records.iter().any(|r| matches!(r, Record::Error(_))),
            warnings: warnings_about(records),
            diagnostics: Vec::new(),
            diagnostic_counts: BTreeMap::new(),
        }
    }

    /// [`Converted::from_records`] with the diagnostics of every stage.
    pub fn from_conversion(c: &Conversion) -> Self {
        let mut out = Converted::from_records(&c.records);
        for (stage, d) in &c.diagnostics {
            out.diagnostics.push(format!("{stage} {d}"));
            *out.diagnostic_counts.entry(d.code.to_string()).or_default() += 1;
        }
        out
    }
}

/// Hex of a path's bytes.
pub fn path_to_hex(path: &std::path::Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// The path whose bytes `hex` holds; `None` when it is not hex.
pub fn path_from_hex(hex: &str) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> =
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()).collect();
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes?)))
}

/// Warnings about a document that converted but may read badly, or failed.
fn warnings_about(records: &[Record]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(Record::Document(d)) = records.first() {
        let runs = d.source.text_quality.undecoded_legacy_runs;
        if runs > 0 {
            out.push(format!(
                "{}: {runs} run(s) look legacy-encoded (TCVN3/VNI) but were left as they were",
                d.source.path
            ));
        }
    }
    if let Some(Record::Error(e)) = records.first() {
        out.push(format!("{}: {} failed: {}", e.path, e.stage, e.cause));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn paths_round_trip_through_hex_even_when_not_utf8() {
        let p = PathBuf::from(std::ffi::OsStr::from_bytes(b"/tmp/a\xff b.pdf"));
        assert_eq!(path_from_hex(&path_to_hex(&p)), Some(p));
        assert_eq!(path_from_hex("zz"), None);
    }

    #[test]
    fn diagnostics_are_lines_and_counts_per_code() {
        use sohoa_extract::{Diagnostic, Span};
        let c = Conversion {
            records: Vec::new(),
            diagnostics: vec![
                ("extract", Diagnostic::new("pdf.page_failed", "page 2: bad stream")),
                ("segment", Diagnostic::new("segment.table_as_text", "a table read as text").at(Span::line(7))),
                (
                    "segment",
                    Diagnostic::new("segment.table_as_text", "another").at(Span { page: Some(3), line: 9, bbox: None }),
                ),
            ],
        };
        let conv = Converted::from_conversion(&c);
        assert_eq!(
            conv.diagnostics,
            [
                "extract pdf.page_failed: page 2: bad stream",
                "segment segment.table_as_text: a table read as text (line 7)",
                "segment segment.table_as_text: another (page 3 line 9)"
            ]
        );
        let counts: Vec<(&str, usize)> = conv.diagnostic_counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(counts, [("pdf.page_failed", 1), ("segment.table_as_text", 2)]);
        let back: Converted = serde_json::from_str(&serde_json::to_string(&conv).expect("serializes")).expect("parses");
        assert_eq!(back, conv);
    }

    #[test]
    fn replies_are_one_json_line() {
        let r = Reply::Stage { stage: "extract".into(), doc_id: Some("ab".into()) };
        let line = serde_json::to_string(&r).expect("serializes");
        assert_eq!(line, r#"{"msg":"stage","stage":"extract","doc_id":"ab"}"#);
        let back: Reply = serde_json::from_str(&line).expect("parses");
        assert!(matches!(back, Reply::Stage { stage, .. } if stage == "extract"));
    }
}
