//! sohoa-map: the Outline in, the records of RECORDS.md out.

pub mod citation;
pub mod deadline;
pub mod kpi;
pub mod record;

mod document;
mod header;
mod mentions;
mod nontask;
mod sections;
mod signature;
mod tasks;
mod units;
mod view;
mod words;

pub use record::*;

use sohoa_doc::{Diagnostic, Source, Span};
use sohoa_segment::Outline;

/// What map makes of one outline: its records, and what it noticed on the way (`map.*` codes).
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    pub records: Vec<Record>,
    pub diagnostics: Vec<Diagnostic>,
}

/// All records of one document, in contract order: the document, its sections,
/// then tasks, citations and KPIs. Never fails: what cannot be placed is left out.
/// `source` is the document's provenance (the only part of the `Document` map reads
/// besides what segment made of its blocks).
pub fn records(source: &Source, outline: &Outline) -> Vec<Record> {
    map(source, outline).records
}

/// [`records`] with map's diagnostics.
pub fn map(source: &Source, outline: &Outline) -> Mapped {
    let view = view::View::new(outline);
    let document = document::build(source, outline);
    let doc_id = document.doc_id.clone();
    let plan_year = document.year;
    let input = tasks::TaskInput { doc_id: &doc_id, plan_year, assigning: document.kind == "cong_van" };
    let tasks = tasks::build(&view, &input);
    let diagnostics = tasks.iter().filter_map(|t| uncoded_deadline(&t.record)).collect();
    let citations = mentions::citations(&view, &doc_id, document.number.as_deref());
    let kpis = mentions::kpis(&view, &tasks, &doc_id, plan_year);
    let mut out = vec![Record::Document(document)];
    out.extend(sections::build(&view, &doc_id).into_iter().map(Record::Section));
    out.extend(tasks.into_iter().map(|t| Record::Task(t.record)));
    out.extend(citations.into_iter().map(Record::Citation));
    out.extend(kpis.into_iter().map(|(_, k)| Record::Kpi(k)));
    Mapped { records: out, diagnostics }
}

/// `map.deadline_uncoded`: a task whose deadline text names no time map can code
/// (`Theo Kế hoạch ...`, a misread date); the record keeps the text as `deadline.raw`.
fn uncoded_deadline(task: &TaskRecord) -> Option<Diagnostic> {
    let raw = task.deadline.raw.as_deref().filter(|_| task.deadline.kind.is_none())?;
    let span = Span { page: task.source.page, line: task.source.line, bbox: None };
    Some(Diagnostic::new("map.deadline_uncoded", format!("deadline \"{raw}\" of task {} names no time", task.id)).at(span))
}
