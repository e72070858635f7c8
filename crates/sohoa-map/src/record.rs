//! The records of RECORDS.md: the only `Serialize` types of sohoa, mirrored by `schemas/`.

use serde::{Serialize, Serializer};

/// The version of the record contract every record carries as `schema_version`.
pub const SCHEMA_VERSION: &str = "1.1";

/// The version of sohoa the document record carries as `sohoa_version`.
pub const SOHOA_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One JSON Lines record; serialized as `type`, `schema_version`, then its
/// fields (the document adds `sohoa_version` last).
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Document(DocumentRecord),
    Section(SectionRecord),
    Task(TaskRecord),
    Citation(CitationRecord),
    Kpi(KpiRecord),
    Error(ErrorRecord),
}

/// The serialized form of a [`Record`]: the contract's `type` tag, then the versions.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Tagged<'a> {
    Document(Versioned<'a, DocumentRecord>),
    Section(Versioned<'a, SectionRecord>),
    Task(Versioned<'a, TaskRecord>),
    Citation(Versioned<'a, CitationRecord>),
    Kpi(Versioned<'a, KpiRecord>),
    Error(Versioned<'a, ErrorRecord>),
}

/// A record's fields behind `schema_version` (and `sohoa_version` for documents).
#[derive(Serialize)]
struct Versioned<'a, T> {
    schema_version: &'static str,
    #[serde(flatten)]
    record: &'a T,
    #[serde(skip_serializing_if = "Option::is_none")]
    sohoa_version: Option<&'static str>,
}

fn versioned<'a, T>(record: &'a T, sohoa_version: Option<&'static str>) -> Versioned<'a, T> {
    Versioned { schema_version: SCHEMA_VERSION, record, sohoa_version }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let tagged = match self {
            Record::Document(r) => Tagged::Document(versioned(r, Some(SOHOA_VERSION))),
            Record::Section(r) => Tagged::Section(versioned(r, None)),
            Record::Task(r) => Tagged::Task(versioned(r, None)),
            Record::Citation(r) => Tagged::Citation(versioned(r, None)),
            Record::Kpi(r) => Tagged::Kpi(versioned(r, None)),
            Record::Error(r) => Tagged::Error(versioned(r, None)),
        };
        tagged.serialize(s)
    }
}

/// Where a record came from: `{page, line}`, plus `{table, row}` for table rows.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Provenance {
    pub page: Option<u32>,
    pub line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
}

/// `source.text_quality` of a document record.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TextQualityRecord {
    pub encodings: Vec<String>,
    pub converted_chars: u64,
    pub repaired_chars: u64,
    pub unreadable_share: f64,
    pub confidence: f64,
    pub ocr: bool,
    pub undecoded_legacy_runs: u64,
}

/// `source` of a document record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRecord {
    pub path: String,
    pub format: String,
    pub sha256: String,
    pub pages: Option<u32>,
    pub text_quality: TextQualityRecord,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signer {
    pub name: Option<String>,
    pub title: Option<String>,
    pub authority: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    pub kind: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRecord {
    pub doc_id: String,
    pub source: SourceRecord,
    pub kind: String,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub year: Option<i32>,
    pub signer: Option<Signer>,
    pub recipients: Vec<String>,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionRecord {
    pub doc_id: String,
    pub id: String,
    pub parent: Option<String>,
    pub label: Option<String>,
    pub path: Vec<String>,
    pub title: String,
    pub source: Provenance,
}

/// `task.deadline`: always an object; every field `None` when no time is given.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Deadline {
    pub raw: Option<String>,
    /// `date`, `period`, `recurring`, `event`, or `None`.
    pub kind: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    /// `daily`, `weekly`, `monthly`, `quarterly`, `semiannual`, `yearly`, `continuous`, or `None`.
    pub recurrence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskRecord {
    pub doc_id: String,
    pub id: String,
    pub section: Vec<String>,
    pub label: Option<String>,
    pub content: String,
    pub lead: Vec<String>,
    pub partners: Vec<String>,
    pub deadline: Deadline,
    pub outputs: Option<String>,
    pub notes: Option<String>,
    pub source: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitationRecord {
    pub doc_id: String,
    pub kind: String,
    pub number: Option<String>,
    pub year: Option<i32>,
    pub symbol: Option<String>,
    pub key: String,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub title: Option<String>,
    pub pinpoint: Option<String>,
    /// `basis` or `reference`.
    pub role: String,
    pub text: String,
    pub source: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiRecord {
    pub doc_id: String,
    pub indicator: String,
    /// `>=`, `<=`, `=`, `range`.
    pub comparator: String,
    #[serde(serialize_with = "number")]
    pub value: f64,
    #[serde(serialize_with = "opt_number")]
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub task: Option<String>,
    pub text: String,
    pub source: Provenance,
}

/// A file that could not be read or understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorRecord {
    pub doc_id: Option<String>,
    pub path: String,
    /// `read`, `extract`, `segment`, `map`, `write`.
    pub stage: String,
    pub cause: String,
}

/// Whole numbers print without a fraction (`100`, not `100.0`).
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod version_tests {
    use super::*;

    #[test]
    fn every_record_names_the_contract_version_after_its_type() {
        let e = Record::Error(ErrorRecord { doc_id: None, path: "x".into(), stage: "read".into(), cause: "gone".into() });
        let line = serde_json::to_string(&e).expect("serializes");
        assert!(line.starts_with(r#"{"type":"error","schema_version":"1.1","doc_id":null"#), "{line}");
        assert!(!line.contains("sohoa_version"), "{line}");
    }
}
