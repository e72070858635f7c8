//! sohoa-map: the Outline in, the records of RECORDS.md out.

pub mod citation;
pub mod deadline;
pub mod kpi;
pub mod record;

mod document;
mod folded;
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

use sohoa_extract::Document;

/// All records of one document, in contract order: the document, its sections,
/// then tasks, citations and KPIs. Never fails: what cannot be placed is left out.
pub fn records(doc: &Document) -> Vec<Record> {
    let outline = sohoa_segment::segment(doc);
    let view = view::View::new(&outline);
    let document = document::build(doc, &outline);
    let doc_id = document.doc_id.clone();
    let plan_year = document.year;
    let input = tasks::TaskInput { doc_id: &doc_id, plan_year, assigning: document.kind == "cong_van" };
    let tasks = tasks::build(&view, &input);
    let citations = mentions::citations(&view, &doc_id, document.number.as_deref());
    let kpis = mentions::kpis(&view, &tasks, &doc_id, plan_year);
    let mut out = vec![Record::Document(document)];
    out.extend(sections::build(&view, &doc_id).into_iter().map(Record::Section));
    out.extend(tasks.into_iter().map(|t| Record::Task(t.record)));
    out.extend(citations.into_iter().map(Record::Citation));
    out.extend(kpis.into_iter().map(|(_, k)| Record::Kpi(k)));
    out
}
