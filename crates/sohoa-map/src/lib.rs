//! sohoa-map: the Outline in, the records of RECORDS.md out.

pub mod citation;
pub mod deadline;
pub mod kpi;
pub mod record;

pub use record::*;

use sohoa_extract::Document;

/// All records of one document, in contract order: the document, its sections,
/// then tasks, citations and KPIs. Never fails: what cannot be placed is left out.
pub fn records(doc: &Document) -> Vec<Record> {
    vec![Record::Document(document_stub(doc))]
}

fn document_stub(doc: &Document) -> DocumentRecord {
    let q = &doc.source.text_quality;
    DocumentRecord {
        doc_id: doc.source.doc_id().to_string(),
        source: SourceRecord {
            path: doc.source.path.clone(),
            format: doc.source.format.name().to_string(),
            sha256: doc.source.sha256.clone(),
            pages: doc.source.pages,
            text_quality: TextQualityRecord {
                encodings: q.encodings.clone(),
                converted_chars: q.converted_chars,
                repaired_chars: q.repaired_chars,
                unreadable_share: q.unreadable_share,
                confidence: q.confidence,
                ocr: q.ocr,
                undecoded_legacy_runs: q.undecoded_legacy_runs,
            },
        },
        kind: "other".into(),
        number: None,
        issuer: None,
        place: None,
        date: None,
        title: None,
        year: None,
        signer: None,
        recipients: vec![],
        attachments: vec![],
    }
}
