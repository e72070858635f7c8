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
    /// The `document` record: header, signer, recipients.
    Document(DocumentRecord),
    /// A `section`: a numbered or titled division.
    Section(SectionRecord),
    /// A `task`: a unit of work the plan assigns.
    Task(TaskRecord),
    /// A `citation`: a mention of another legal or administrative document.
    Citation(CitationRecord),
    /// A `kpi`: a target the plan commits to.
    Kpi(KpiRecord),
    /// An `error`: the file could not be read or understood.
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
    /// 1-based page, `null` where the format has no pages.
    pub page: Option<u32>,
    /// 1-based line of the first line.
    pub line: u32,
    /// 1-based logical table number, for table rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    /// 1-based row within that table, for table rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
}

/// `source.text_quality` of a document record.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TextQualityRecord {
    /// Legacy encodings decoded (`tcvn3`, `vni`, ...).
    pub encodings: Vec<String>,
    /// Characters converted from a legacy encoding.
    pub converted_chars: u64,
    /// Characters repaired (broken ToUnicode maps, stray combining marks).
    pub repaired_chars: u64,
    /// Share of the text that could not be read.
    pub unreadable_share: f64,
    /// How far the text can be trusted, 0..1 (from OCR word confidences for OCR documents).
    pub confidence: f64,
    /// Whether any page was read by OCR.
    pub ocr: bool,
    /// Runs that look legacy-encoded but were left undecoded.
    pub undecoded_legacy_runs: u64,
}

/// `source` of a document record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRecord {
    /// The input path as given.
    pub path: String,
    /// `pdf`, `docx`, `doc`, `rtf`, `xlsx`, `xls`, `ods` or `text`.
    pub format: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Page count where the format has pages.
    pub pages: Option<u32>,
    /// How the text was obtained and how far it can be trusted.
    pub text_quality: TextQualityRecord,
}

/// `document.signer`: who signed, with what title and authority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signer {
    /// The signer's name.
    pub name: Option<String>,
    /// The last line above the name (`CHỦ TỊCH`).
    pub title: Option<String>,
    /// All quyền hạn lines (TM./KT./TL./Q.) joined by a space.
    pub authority: Option<String>,
}

/// `document.attachments[]`: a document issued with this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    /// Its document kind (`ke_hoach`, ...).
    pub kind: String,
    /// Its trích yếu, where printed.
    pub title: Option<String>,
}

/// The `document` record: one per input file, first in its stream.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRecord {
    /// First 16 hex of the SHA-256 of the file's bytes.
    pub doc_id: String,
    /// Where the record came from and how well it was read.
    pub source: SourceRecord,
    /// The type named in the header (`quyet_dinh`, `ke_hoach`, ..., `other`).
    pub kind: String,
    /// Số ký hiệu as printed.
    pub number: Option<String>,
    /// Cơ quan ban hành, expanded where the text says it.
    pub issuer: Option<String>,
    /// Địa danh: the name before `, ngày`.
    pub place: Option<String>,
    /// ISO date of issue, `null` when the day is blank.
    pub date: Option<String>,
    /// Trích yếu: the subject line under the type name.
    pub title: Option<String>,
    /// The year the plan is for.
    pub year: Option<i32>,
    /// The signer, `null` when unsigned.
    pub signer: Option<Signer>,
    /// Nơi nhận, one entry a line.
    pub recipients: Vec<String>,
    /// Documents issued with this one.
    pub attachments: Vec<Attachment>,
}

/// A `section` record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionRecord {
    /// The document's `doc_id`.
    pub doc_id: String,
    /// `s1`, `s2`, ... in reading order.
    pub id: String,
    /// The parent section's `id`, or `null`.
    pub parent: Option<String>,
    /// `II`, `a`, `Điều 1`, or `null`.
    pub label: Option<String>,
    /// Labels from the root down to this section.
    pub path: Vec<String>,
    /// The heading text after the label.
    pub title: String,
    /// Where its heading stands.
    pub source: Provenance,
}

/// `task.deadline`: always an object; every field `None` when no time is given.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Deadline {
    /// The time phrase as printed.
    pub raw: Option<String>,
    /// `date`, `period`, `recurring`, `event`, or `None`.
    pub kind: Option<String>,
    /// ISO start date of a period.
    pub start: Option<String>,
    /// ISO end (or by-) date.
    pub end: Option<String>,
    /// `daily`, `weekly`, `monthly`, `quarterly`, `semiannual`, `yearly`, `continuous`, or `None`.
    pub recurrence: Option<String>,
}

/// A `task` record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskRecord {
    /// The document's `doc_id`.
    pub doc_id: String,
    /// `t1`, `t2`, ... in reading order.
    pub id: String,
    /// The `path` of the innermost section that holds it.
    pub section: Vec<String>,
    /// Its own number (`1.3`, `a`), `null` for a bullet.
    pub label: Option<String>,
    /// What is to be done, continuation rows and wrapped lines joined.
    pub content: String,
    /// Chủ trì / tham mưu / thực hiện units.
    pub lead: Vec<String>,
    /// Phối hợp units.
    pub partners: Vec<String>,
    /// When it must be done; every field `null` when the text gives no time.
    pub deadline: Deadline,
    /// Dự kiến kết quả / sản phẩm, from an outputs column or line only.
    pub outputs: Option<String>,
    /// Ghi chú, oversight lines.
    pub notes: Option<String>,
    /// Where its first line stands.
    pub source: Provenance,
}

/// A `citation` record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitationRecord {
    /// The document's `doc_id`.
    pub doc_id: String,
    /// `luat`, `nghi_dinh`, `thong_tu`, ..., `van_ban`.
    pub kind: String,
    /// The number part of the số ký hiệu, as printed.
    pub number: Option<String>,
    /// Year from the number, else from the date or `năm YYYY`.
    pub year: Option<i32>,
    /// The symbol part (`NĐ-CP`).
    pub symbol: Option<String>,
    /// The comparison key (`61/2018/NĐ-CP`, or a law's name).
    pub key: String,
    /// ISO date of issue.
    pub date: Option<String>,
    /// The issuer as written.
    pub issuer: Option<String>,
    /// What it is about, when the text says.
    pub title: Option<String>,
    /// `khoản 5 Điều 14`, `Phụ lục VII`.
    pub pinpoint: Option<String>,
    /// `basis` or `reference`.
    pub role: String,
    /// The mention as written.
    pub text: String,
    /// Where the mention stands.
    pub source: Provenance,
}

/// A `kpi` record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiRecord {
    /// The document's `doc_id`.
    pub doc_id: String,
    /// What is measured, in the document's words.
    pub indicator: String,
    /// `>=`, `<=`, `=`, `range`.
    pub comparator: String,
    /// The target value (the lower bound of a range).
    #[serde(serialize_with = "number")]
    pub value: f64,
    /// The upper bound, for `range` only.
    #[serde(serialize_with = "opt_number")]
    pub value_max: Option<f64>,
    /// The unit as written (`%`, `%/năm`, a counted noun).
    pub unit: Option<String>,
    /// The year or span the target is for.
    pub period: Option<String>,
    /// The `id` of the task it belongs to.
    pub task: Option<String>,
    /// Its sentence or cell.
    pub text: String,
    /// Where it stands.
    pub source: Provenance,
}

/// A file that could not be read or understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorRecord {
    /// The document's `doc_id`, when its bytes could be read.
    pub doc_id: Option<String>,
    /// The input path.
    pub path: String,
    /// `read`, `extract`, `segment`, `map`, `write`.
    pub stage: String,
    /// What went wrong, in words.
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
        let e =
            Record::Error(ErrorRecord { doc_id: None, path: "x".into(), stage: "read".into(), cause: "gone".into() });
        let line = serde_json::to_string(&e).expect("serializes");
        assert!(line.starts_with(r#"{"type":"error","schema_version":"1.1","doc_id":null"#), "{line}");
        assert!(!line.contains("sohoa_version"), "{line}");
    }
}
