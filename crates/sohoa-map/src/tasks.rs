//! Tasks: table rows of a plan, bullets and paragraphs of its content part, assignments of its organizing part.

use crate::deadline::{self, DeadlineContext};
use crate::record::{Deadline, Provenance, TaskRecord};
use crate::units;
use crate::view::{Topic, View};
use sohoa_extract::normalize::fold_key;
use sohoa_extract::Span;
use sohoa_segment::{bare_label, label_kind, Item, LabelKind, LogicalRow, ParaItem, Role, SectionKind};

/// A task with what the KPI pass needs to know about it.
#[derive(Debug, Clone)]
pub struct TaskDraft {
    pub record: TaskRecord,
    /// Texts where the task's targets are stated (content, outputs, notes).
    pub target_texts: Vec<String>,
    /// An indicator row's target cell and unit cell (`Tối thiểu 80`, `%`).
    pub indicator: Option<(String, Option<String>)>,
    /// Index of the item in the outline it came from.
    pub item: usize,
}

/// Field lines of a prose section (`- Cơ quan chủ trì: ...`) that apply to all its bullets.
#[derive(Debug, Clone, Default)]
struct Fields {
    lead: Option<String>,
    partners: Option<String>,
    outputs: Option<String>,
    deadline: Option<String>,
}

const FIELD_KEYS: &[(&str, usize)] = &[
    ("cơ quan chủ trì", 0),
    ("đơn vị chủ trì", 0),
    ("chủ trì", 0),
    ("cơ quan phối hợp", 1),
    ("đơn vị phối hợp", 1),
    ("phối hợp", 1),
    ("sản phẩm", 2),
    ("kết quả", 2),
    ("thời gian thực hiện", 3),
    ("thời gian hoàn thành", 3),
    ("thời gian", 3),
    ("thời hạn", 3),
    ("tiến độ", 3),
];

/// `Cơ quan chủ trì: Văn phòng` → (0, `Văn phòng`).
fn field_line(text: &str) -> Option<(usize, String)> {
    let (head, value) = text.split_once(':')?;
    let key = fold_key(head);
    let (_, field) = FIELD_KEYS.iter().find(|(k, _)| key == fold_key(k))?;
    Some((*field, value.trim().to_string()))
}

/// Everything that shapes one task besides its own text.
pub struct TaskInput<'a> {
    pub doc_id: &'a str,
    pub plan_year: Option<i32>,
}

/// All tasks of the outline in reading order.
pub fn build(view: &View, input: &TaskInput) -> Vec<TaskDraft> {
    let mut out: Vec<TaskDraft> = Vec::new();
    let mut done_sections = vec![false; view.outline.sections.len()];
    for (i, item) in view.outline.items.iter().enumerate() {
        match item {
            Item::Row { row, section } if row_allowed(view, *section, i) => out.extend(row_task(view, row, *section, i, input)),
            Item::Heading(s) if !done_sections[*s] && view.tasks_allowed(*s) => {
                done_sections[*s] = true;
                section_tasks(view, *s, input, &mut out);
            }
            _ => {}
        }
    }
    out.retain(|t| !t.record.content.is_empty());
    out.sort_by_key(|t| t.item);
    for (n, t) in out.iter_mut().enumerate() {
        t.record.id = format!("t{}", n + 1);
    }
    out
}

fn row_allowed(view: &View, section: Option<usize>, item: usize) -> bool {
    view.parts[item] != crate::view::Part::Decision && section.is_none_or(|s| view.tasks_allowed(s) || view.topics[s] == Topic::Content)
}

fn path(view: &View, section: Option<usize>) -> Vec<String> {
    section.map(|s| view.outline.sections[s].path.clone()).unwrap_or_default()
}

fn provenance(span: Span, table: Option<(u32, u32)>) -> Provenance {
    Provenance { page: span.page, line: span.line, table: table.map(|t| t.0), row: table.map(|t| t.1) }
}

fn opt_text(s: Option<String>) -> Option<String> {
    s.map(|t| crate::words::one_line(&t)).filter(|t| !t.is_empty())
}

/// A table row with content is a task; its cells give lead, partners, deadline, outputs and notes.
fn row_task(view: &View, row: &LogicalRow, section: Option<usize>, item: usize, input: &TaskInput) -> Option<TaskDraft> {
    let content = opt_text(row.text(Role::Content))?;
    let deadline_raw = row.text(Role::Deadline);
    let others: Vec<String> = row.cells.iter().filter(|c| c.role == Role::Other && !c.text.is_empty()).map(|c| format!("{}: {}", crate::words::one_line(&c.header), crate::words::one_line(&c.text))).collect();
    let notes = opt_text(row.text(Role::Notes)).into_iter().chain(others).collect::<Vec<_>>();
    let outputs = opt_text(row.text(Role::Outputs));
    let notes = (!notes.is_empty()).then(|| notes.join("; "));
    let record = TaskRecord {
        doc_id: input.doc_id.to_string(),
        id: String::new(),
        section: path(view, section),
        label: row.label.as_deref().map(bare_label).filter(|l| !l.is_empty()),
        content: content.clone(),
        lead: row.text(Role::Lead).map(|t| units::split(&t)).unwrap_or_default(),
        partners: row.text(Role::Partners).map(|t| units::split(&t)).unwrap_or_default(),
        deadline: parse_deadline(deadline_raw.as_deref(), input),
        outputs: outputs.clone(),
        notes: notes.clone(),
        source: provenance(row.span, Some((row.table, row.row))),
    };
    let indicator = row.text(Role::Target).map(|t| (crate::words::one_line(&t), opt_text(row.text(Role::Unit)).or_else(|| bare_percent(row))));
    let target_texts = [Some(content), outputs, notes].into_iter().flatten().collect();
    Some(TaskDraft { record, target_texts, indicator, item })
}

fn parse_deadline(raw: Option<&str>, input: &TaskInput) -> Deadline {
    match raw.map(crate::words::one_line) {
        Some(r) if !r.is_empty() => deadline::parse(&r, &DeadlineContext { plan_year: input.plan_year }),
        _ => Deadline::default(),
    }
}

/// The prose tasks of one section: its bullets and paragraphs, or the section
/// itself when it is a numbered leaf.
fn section_tasks(view: &View, s: usize, input: &TaskInput, out: &mut Vec<TaskDraft>) {
    let sec = &view.outline.sections[s];
    let paras: Vec<(usize, &ParaItem)> = view.children[s]
        .iter()
        .filter_map(|&i| match &view.outline.items[i] {
            Item::Paragraph { para, .. } => Some((i, para)),
            _ => None,
        })
        .collect();
    if is_task_leaf(view, s) {
        out.extend(leaf_task(view, s, input));
        return;
    }
    let fields = collect_fields(&paras);
    let unit = unit_of(view, Some(s));
    let mut last: Option<usize> = None;
    let annex_titles = sec.kind == SectionKind::Annex;
    for (i, para) in paras {
        if annex_titles || field_line(&para.text).is_some() || is_closing(&para.text) || is_aside(&view.outline.items[i]) {
            continue;
        }
        if para.label.as_deref() == Some("+") {
            if let Some(t) = last.and_then(|k| out.get_mut(k)) {
                t.record.content = format!("{} + {}", t.record.content, crate::words::one_line(&para.text));
                t.target_texts[0] = t.record.content.clone();
                continue;
            }
        }
        out.push(prose_task(view, s, para, i, &fields, unit.as_deref(), input));
        last = Some(out.len() - 1);
    }
}

/// The unit a section assigns its items to: the section's own title or the
/// nearest enclosing one's, where that title is a numbered unit heading
/// (`1. Sở Nội vụ`; any numbered heading of the organizing part).
fn unit_of(view: &View, mut s: Option<usize>) -> Option<String> {
    while let Some(i) = s {
        let sec = &view.outline.sections[i];
        let numbered = sec.printed.as_deref().and_then(label_kind).is_some_and(|k| !matches!(k, LabelKind::Roman | LabelKind::Article));
        let unit_heading = view.topics[i] == Topic::Organize && label_kind(sec.printed.as_deref().unwrap_or("")) != Some(LabelKind::Letter) || units::is_unit_name(&sec.title);
        if sec.kind == SectionKind::Heading && numbered && unit_heading && sec.title.split_whitespace().count() <= 25 {
            return Some(crate::words::one_line(sec.title.trim_end_matches([':', '.'])));
        }
        s = sec.parent;
    }
    None
}

fn collect_fields(paras: &[(usize, &ParaItem)]) -> Fields {
    let mut f = Fields::default();
    for (_, p) in paras {
        if let Some((field, value)) = field_line(&p.text) {
            let slot = match field {
                0 => &mut f.lead,
                1 => &mut f.partners,
                2 => &mut f.outputs,
                _ => &mut f.deadline,
            };
            slot.get_or_insert(value);
        }
    }
    f
}

/// A paragraph in brackets (`(Chi tiết phụ lục kèm theo)`): a remark, not a task.
fn is_aside(item: &Item) -> bool {
    match item {
        Item::Paragraph { para, .. } => {
            let t = para.text.trim();
            para.label.is_none() && t.starts_with('(') && t.ends_with(')')
        }
        _ => false,
    }
}

/// `Trên đây là Kế hoạch ...`: the closing paragraph.
fn is_closing(text: &str) -> bool {
    crate::words::starts_with(text, "Trên đây là") || crate::words::starts_with(text, "Trong quá trình")
}

fn prose_task(view: &View, s: usize, para: &ParaItem, item: usize, fields: &Fields, unit: Option<&str>, input: &TaskInput) -> TaskDraft {
    let content = crate::words::one_line(&para.text);
    let mut lead = fields.lead.as_deref().map(units::split).unwrap_or_default();
    let mut partners = fields.partners.as_deref().map(units::split).unwrap_or_default();
    if lead.is_empty() {
        if let Some(u) = unit {
            lead = vec![u.to_string()];
        } else if view.topics[s] == Topic::Organize && para.label.is_none() {
            if let Some((l, p)) = units::assignment(&content) {
                lead = vec![l];
                partners = p;
            }
        }
    }
    let label = para.label.as_deref().filter(|l| !matches!(*l, "-" | "+")).map(bare_label);
    let record = TaskRecord {
        doc_id: input.doc_id.to_string(),
        id: String::new(),
        section: view.outline.sections[s].path.clone(),
        label,
        content: content.clone(),
        lead,
        partners,
        deadline: parse_deadline(fields.deadline.as_deref(), input),
        outputs: fields.outputs.clone().map(|o| crate::words::one_line(&o)),
        notes: None,
        source: provenance(para.span, None),
    };
    let target_texts = [Some(content), record.outputs.clone()].into_iter().flatten().collect();
    TaskDraft { record, target_texts, indicator: None, item }
}

/// Whether section `s` is a numbered leaf of a task part: nothing under it,
/// an arabic, dotted or letter label. Such a section is a task, not a section.
pub fn is_task_leaf(view: &View, s: usize) -> bool {
    let sec = &view.outline.sections[s];
    let kind = sec.printed.as_deref().and_then(label_kind);
    view.tasks_allowed(s)
        && view.children[s].iter().all(|&i| is_aside(&view.outline.items[i]))
        && !view.has_subsections[s]
        && sec.kind == SectionKind::Heading
        && kind.is_some_and(|k| !matches!(k, LabelKind::Roman | LabelKind::Article))
}

/// A numbered section with nothing under it is itself a task (`4. Phòng Tài chính chủ trì ...`).
fn leaf_task(view: &View, s: usize, input: &TaskInput) -> Option<TaskDraft> {
    let sec = &view.outline.sections[s];
    let content = crate::words::one_line(&sec.title);
    let (lead, partners) = match units::assignment(&content) {
        Some((l, p)) => (vec![l], p),
        None => (unit_of(view, sec.parent).into_iter().collect(), Vec::new()),
    };
    let parent_path = sec.parent.map(|p| view.outline.sections[p].path.clone()).unwrap_or_default();
    let record = TaskRecord {
        doc_id: input.doc_id.to_string(),
        id: String::new(),
        section: parent_path,
        label: sec.label.clone(),
        content: content.clone(),
        lead,
        partners,
        deadline: Deadline::default(),
        outputs: None,
        notes: None,
        source: provenance(sec.span, None),
    };
    let item = view.outline.items.iter().position(|it| matches!(it, Item::Heading(h) if *h == s)).unwrap_or(0);
    Some(TaskDraft { record, target_texts: vec![content], indicator: None, item })
}

/// A unit column whose header could not be read still shows `%` alone in its cell.
fn bare_percent(row: &LogicalRow) -> Option<String> {
    row.cells.iter().any(|c| c.role == Role::Other && c.text.trim() == "%").then(|| "%".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sohoa_segment::RoleCell;

    fn row(cells: &[(Role, &str)]) -> LogicalRow {
        let cells = cells.iter().map(|&(role, text)| RoleCell { role, header: String::new(), text: text.into() }).collect();
        LogicalRow { label: None, cells, table: 1, row: 1, bold: false, merged_above: false, span: Span::default() }
    }

    #[test]
    fn a_lone_percent_sign_is_the_unit() {
        assert_eq!(bare_percent(&row(&[(Role::Content, "Tỷ lệ hồ sơ"), (Role::Other, "%"), (Role::Target, "80")])).as_deref(), Some("%"));
        assert_eq!(bare_percent(&row(&[(Role::Content, "Tỷ lệ hồ sơ"), (Role::Other, "80 %")])), None);
    }
}
