//! sohoa-map: the Outline in, the records of RECORDS.md out.

pub mod citation;
pub mod deadline;
pub mod kpi;
pub mod record;

mod document;
mod folded;
mod gap;
mod grammar;
mod header;
mod letter_after;
mod mentions;
mod nontask;
mod phrase_end;
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
    /// The records in contract order.
    pub records: Vec<Record>,
    /// What map noticed (`map.*`).
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
    Some(
        Diagnostic::new("map.deadline_uncoded", format!("deadline \"{raw}\" of task {} names no time", task.id))
            .at(span),
    )
}

#[cfg(test)]
mod tests {
    use sohoa_doc::{Block, Cell, Document, Format, Paragraph, Row, Source, Span, Style, Table, TextQuality};

    fn row(line: u32, cells: &[&str]) -> Row {
        let cells = cells.iter().enumerate().map(|(i, t)| Cell::plain(*t, i as u16, Span::line(line))).collect();
        Row { cells, header: false, span: Span::line(line) }
    }

    /// A deadline cell that names no time is kept as `raw` and reported once, where its task is.
    #[test]
    fn an_uncoded_deadline_is_a_map_diagnostic() {
        let para = |line, text: &str| {
            Block::Paragraph(Paragraph {
                text: text.into(),
                label: None,
                style: Style::default(),
                span: Span::line(line),
            })
        };
        let rows = vec![
            row(3, &["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"]),
            row(4, &["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Theo chỉ đạo của tỉnh"]),
            row(5, &["2", "Ban hành quy chế", "Sở Tư pháp", "Quý II/2026"]),
        ];
        let source = Source {
            path: "plan.docx".into(),
            format: Format::Docx,
            sha256: "0".repeat(64),
            pages: None,
            text_quality: TextQuality::default(),
        };
        let blocks =
            vec![para(1, "KẾ HOẠCH"), para(2, "II. NHIỆM VỤ"), Block::Table(Table { rows, span: Span::line(3) })];
        let doc = Document { source, blocks, diagnostics: Vec::new(), furniture: Vec::new() };
        let mapped = crate::map(&doc.source, &sohoa_segment::outline(&doc));
        let deadlines: Vec<(Option<String>, Option<String>)> = mapped
            .records
            .iter()
            .filter_map(|r| {
                if let crate::Record::Task(t) = r {
                    Some((t.deadline.raw.clone(), t.deadline.kind.clone()))
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(deadlines.len(), 2, "{deadlines:?}");
        assert_eq!(deadlines[0], (Some("Theo chỉ đạo của tỉnh".into()), None));
        let found: Vec<(&str, Option<u32>)> =
            mapped.diagnostics.iter().map(|d| (d.code, d.span.map(|s| s.line))).collect();
        assert_eq!(found, [("map.deadline_uncoded", Some(4))]);
    }
}
