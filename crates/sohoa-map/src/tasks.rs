//! Tasks: table rows of a plan, bullets and paragraphs of its content part, assignments of its organizing part.

use crate::deadline::{self, DeadlineContext};
use crate::nontask;
use crate::record::{Deadline, Provenance, TaskRecord};
use crate::units::{self, UnitRoles};
use crate::view::{Topic, View};
use sohoa_doc::fold_key;
use sohoa_doc::Span;
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
    notes: Option<String>,
}

/// The record field a field line fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Lead,
    Partners,
    Outputs,
    Deadline,
    /// Who oversees the section's work (`Lãnh đạo phụ trách: ...`): kept whole as `notes`.
    Oversight,
}

const FIELD_KEYS: &[(&str, Field)] = &[
    ("cơ quan chủ trì", Field::Lead),
    ("đơn vị chủ trì", Field::Lead),
    ("chủ trì", Field::Lead),
    ("cơ quan thực hiện", Field::Lead),
    ("đơn vị thực hiện", Field::Lead),
    ("cơ quan chủ trì thực hiện", Field::Lead),
    ("đơn vị chủ trì thực hiện", Field::Lead),
    ("cơ quan phối hợp", Field::Partners),
    ("đơn vị phối hợp", Field::Partners),
    ("cơ quan phối hợp thực hiện", Field::Partners),
    ("đơn vị phối hợp thực hiện", Field::Partners),
    ("phối hợp", Field::Partners),
    ("sản phẩm", Field::Outputs),
    ("kết quả", Field::Outputs),
    ("sản phẩm dự kiến", Field::Outputs),
    ("kết quả dự kiến", Field::Outputs),
    ("dự kiến sản phẩm", Field::Outputs),
    ("dự kiến kết quả", Field::Outputs),
    ("thời gian thực hiện", Field::Deadline),
    ("thời gian hoàn thành", Field::Deadline),
    ("thời gian", Field::Deadline),
    ("thời hạn", Field::Deadline),
    ("thời hạn hoàn thành", Field::Deadline),
    ("tiến độ", Field::Deadline),
    ("tiến độ thực hiện", Field::Deadline),
    ("lãnh đạo phụ trách", Field::Oversight),
    ("lãnh đạo chỉ đạo", Field::Oversight),
    ("lãnh đạo theo dõi", Field::Oversight),
    ("đơn vị theo dõi", Field::Oversight),
    ("cơ quan theo dõi", Field::Oversight),
    ("theo dõi, chỉ đạo", Field::Oversight),
    ("chỉ đạo, theo dõi", Field::Oversight),
];

/// [`FIELD_KEYS`] folded, each key with the first field listed for it.
static FIELD_KEY_MAP: once_cell::sync::Lazy<std::collections::HashMap<String, Field>> =
    once_cell::sync::Lazy::new(|| {
        let mut map = std::collections::HashMap::new();
        for (k, f) in FIELD_KEYS {
            map.entry(fold_key(k)).or_insert(*f);
        }
        map
    });

/// The fields of one field line: `Cơ quan chủ trì: Văn phòng` → [(Lead, `Văn phòng`)];
/// `Đơn vị chủ trì: X; Đơn vị phối hợp: Y` → both; `Lãnh đạo phụ trách: ...` → the line itself.
/// A `;` starts a new field only where a field name follows it (`Sản phẩm: A; B` is one value).
fn field_line(text: &str) -> Option<Vec<(Field, String)>> {
    let text = crate::words::one_line(text);
    let mut out: Vec<(Field, String)> = Vec::new();
    for part in text.split(';') {
        match field_part(part) {
            Some(f) => out.push(f),
            None => {
                let (_, value) = out.last_mut()?;
                value.push(';');
                value.push_str(part);
            }
        }
    }
    for (field, value) in &mut out {
        let v = value.trim();
        *value = match field {
            Field::Oversight => v.trim_end_matches(['.', ' ']).to_string(),
            _ => v.to_string(),
        };
    }
    Some(out)
}

/// One `name: value` piece of a field line.
fn field_part(part: &str) -> Option<(Field, String)> {
    let (head, value) = part.split_once(':')?;
    let head = head.trim().trim_start_matches(['-', '+', ' ']);
    let field = FIELD_KEY_MAP.get(&crate::folded::fold_words(head))?;
    let value = match field {
        Field::Oversight => part.trim().trim_start_matches(['-', '+', ' ']).to_string(),
        _ => value.to_string(),
    };
    Some((*field, value))
}

/// Everything that shapes one task besides its own text.
pub struct TaskInput<'a> {
    pub doc_id: &'a str,
    pub plan_year: Option<i32>,
    /// The document assigns work by its numbered items (a công văn): they read like an implementation part.
    pub assigning: bool,
}

/// All tasks of the outline in reading order.
pub fn build(view: &View, input: &TaskInput) -> Vec<TaskDraft> {
    let mut out: Vec<TaskDraft> = Vec::new();
    let mut done_sections = vec![false; view.outline.sections.len()];
    for (i, item) in view.outline.items.iter().enumerate() {
        match item {
            Item::Row { row, section } if row_allowed(view, *section, i) => {
                out.extend(row_task(view, row, *section, i, input));
            }
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
    view.parts[item] != crate::view::Part::Decision
        && !view.no_tasks[item]
        && section
            .is_none_or(|s| !view.section_no_tasks[s] && (view.tasks_allowed(s) || view.topics[s] == Topic::Content))
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
fn row_task(
    view: &View,
    row: &LogicalRow,
    section: Option<usize>,
    item: usize,
    input: &TaskInput,
) -> Option<TaskDraft> {
    let content = opt_text(row.text(Role::Content))?;
    let deadline_raw = row.text(Role::Deadline);
    let others: Vec<String> = row
        .cells
        .iter()
        .filter(|c| c.role == Role::Other && !c.text.is_empty())
        .map(|c| format!("{}: {}", crate::words::one_line(&c.header), crate::words::one_line(&c.text)))
        .collect();
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
        deadline: match deadline_raw.as_deref().map(str::trim) {
            Some(raw) if !raw.is_empty() => parse_deadline(Some(raw), input),
            _ => own_deadline(&content, input).unwrap_or_default(),
        },
        outputs: outputs.clone(),
        notes: notes.clone(),
        source: provenance(row.span, Some((row.table, row.row))),
    };
    let indicator = row
        .text(Role::Target)
        .map(|t| (crate::words::one_line(&t), opt_text(row.text(Role::Unit)).or_else(|| bare_percent(row))));
    let target_texts = [Some(content), outputs, notes].into_iter().flatten().collect();
    Some(TaskDraft { record, target_texts, indicator, item })
}

fn parse_deadline(raw: Option<&str>, input: &TaskInput) -> Deadline {
    match raw.map(crate::words::one_line) {
        Some(r) if !r.is_empty() => deadline::parse(&r, &DeadlineContext { plan_year: input.plan_year }),
        _ => Deadline::default(),
    }
}

/// A by-date or period stated in a task's own text (`xong trong quý II/2026`).
fn own_deadline(content: &str, input: &TaskInput) -> Option<Deadline> {
    deadline::in_text(content, &DeadlineContext { plan_year: input.plan_year })
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
    if let Some(t) = assignment_title_task(view, s, input) {
        out.push(t);
    }
    let fields = collect_fields(&paras);
    let unit = unit_of(view, Some(s));
    let mut last: Option<usize> = None;
    let annex_titles = sec.kind == SectionKind::Annex;
    for (i, para) in paras {
        if annex_titles
            || view.no_tasks[i]
            || field_line(&para.text).is_some()
            || nontask::is_not_task(&para.text, para.label.is_none())
            || is_aside(&view.outline.items[i])
        {
            continue;
        }
        if para.label.as_deref() == Some("+") {
            if let Some(t) = last.and_then(|k| out.get_mut(k)) {
                t.record.content = format!("{} + {}", t.record.content, crate::words::one_line(&para.text));
                t.target_texts[0] = t.record.content.clone();
                if let Some(d) = own_deadline(&t.record.content, input) {
                    t.record.deadline = d;
                }
                continue;
            }
        }
        out.push(prose_task(view, s, para, i, &fields, unit.as_ref(), input));
        last = Some(out.len() - 1);
    }
}

/// The unit a section assigns its items to: the section's own title or the
/// nearest enclosing one's, where that title is a numbered or lettered unit heading
/// (`1. Sở Nội vụ`, `a) Các sở, ban, ngành:`, `Giao Công an tỉnh:`).
fn unit_of(view: &View, mut s: Option<usize>) -> Option<UnitRoles> {
    while let Some(i) = s {
        let sec = &view.outline.sections[i];
        let numbered = sec
            .printed
            .as_deref()
            .and_then(label_kind)
            .is_some_and(|k| !matches!(k, LabelKind::Roman | LabelKind::Article));
        if sec.kind == SectionKind::Heading && numbered {
            if let Some(roles) = units::heading_roles(&sec.title) {
                return Some(roles);
            }
        }
        s = sec.parent;
    }
    None
}

/// Whether items of section `s` read like an implementation part: its topic, or a công văn.
fn assigning(view: &View, s: Option<usize>, input: &TaskInput) -> bool {
    input.assigning || s.is_some_and(|s| view.topics[s] == Topic::Organize)
}

/// The lead and partners of a one-task paragraph: its inline unit (`b) Công an tỉnh: ...`) anywhere,
/// its subject where the part assigns work (`8. Các sở ... chủ động ...`), else its unit heading's lead.
fn paragraph_roles(view: &View, text: &str, parent: Option<usize>, input: &TaskInput) -> UnitRoles {
    if let Some(r) = units::inline_roles(text) {
        return r;
    }
    if assigning(view, parent, input) {
        if let Some((l, p)) = units::assignment(text) {
            return UnitRoles { lead: units::split(&l), partners: p };
        }
    }
    unit_of(view, parent).unwrap_or_default()
}

/// A numbered paragraph that is itself an assignment stays one task even when bullets or a
/// note follow it (`3. Giao Công an tỉnh là cơ quan thường trực, ...`).
fn assignment_title_task(view: &View, s: usize, input: &TaskInput) -> Option<TaskDraft> {
    let sec = &view.outline.sections[s];
    let kind = sec.printed.as_deref().and_then(label_kind);
    if sec.kind != SectionKind::Heading
        || !kind.is_some_and(|k| !matches!(k, LabelKind::Roman | LabelKind::Article))
        || view.has_subsections[s]
    {
        return None;
    }
    let title = crate::words::one_line(&sec.title);
    if !title.trim_end_matches(['/', ' ']).ends_with(['.', ';']) {
        return None; // a heading over its items, not a sentence that assigns
    }
    let inline = units::inline_roles(&title).is_some() && title.split_whitespace().count() >= 8;
    let sentence = assigning(view, sec.parent, input)
        && units::assignment(&title).is_some()
        && title.split_whitespace().count() >= 12;
    if !(inline || sentence) {
        return None;
    }
    leaf_task(view, s, input)
}

fn collect_fields(paras: &[(usize, &ParaItem)]) -> Fields {
    let mut f = Fields::default();
    for (_, p) in paras {
        for (field, value) in field_line(&p.text).unwrap_or_default() {
            let slot = match field {
                Field::Lead => &mut f.lead,
                Field::Partners => &mut f.partners,
                Field::Outputs => &mut f.outputs,
                Field::Deadline => &mut f.deadline,
                Field::Oversight => &mut f.notes,
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

fn prose_task(
    view: &View,
    s: usize,
    para: &ParaItem,
    item: usize,
    fields: &Fields,
    unit: Option<&UnitRoles>,
    input: &TaskInput,
) -> TaskDraft {
    let content = crate::words::one_line(&para.text);
    let mut lead = fields.lead.as_deref().map(units::split).unwrap_or_default();
    let mut partners = fields.partners.as_deref().map(units::split).unwrap_or_default();
    if lead.is_empty() {
        if let Some(u) = unit {
            lead = u.lead.clone();
            if partners.is_empty() {
                partners = u.partners.clone();
            }
        } else if assigning(view, Some(s), input) && para.label.is_none() {
            if let Some((l, p)) = units::assignment(&content) {
                lead = vec![l];
                partners = p;
            }
        }
    }
    let deadline = match own_deadline(&content, input) {
        Some(d) => d,
        None => parse_deadline(fields.deadline.as_deref(), input),
    };
    let label = para.label.as_deref().filter(|l| !matches!(*l, "-" | "+")).map(bare_label);
    let record = TaskRecord {
        doc_id: input.doc_id.to_string(),
        id: String::new(),
        section: view.outline.sections[s].path.clone(),
        label,
        content: content.clone(),
        lead,
        partners,
        deadline,
        outputs: fields.outputs.clone().map(|o| crate::words::one_line(&o)),
        notes: fields.notes.clone(),
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
    if nontask::is_not_task(&content, false) {
        return None;
    }
    let roles = paragraph_roles(view, &content, sec.parent, input);
    let (lead, partners) = (roles.lead, roles.partners);
    let deadline = own_deadline(&content, input).unwrap_or_default();
    let parent_path = sec.parent.map(|p| view.outline.sections[p].path.clone()).unwrap_or_default();
    let record = TaskRecord {
        doc_id: input.doc_id.to_string(),
        id: String::new(),
        section: parent_path,
        label: sec.label.clone(),
        content: content.clone(),
        lead,
        partners,
        deadline,
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
        let cells =
            cells.iter().map(|&(role, text)| RoleCell { role, header: String::new(), text: text.into() }).collect();
        LogicalRow { label: None, cells, table: 1, row: 1, bold: false, merged_above: false, span: Span::default() }
    }

    #[test]
    fn a_field_line_holding_two_roles_is_split() {
        let f = field_line("Đơn vị chủ trì: Phòng Kinh tế; Đơn vị phối hợp: Phòng Tư pháp, Văn phòng.")
            .expect("a field line");
        assert_eq!(
            f,
            vec![
                (Field::Lead, "Phòng Kinh tế".to_string()),
                (Field::Partners, "Phòng Tư pháp, Văn phòng.".to_string())
            ]
        );
    }

    #[test]
    fn a_semicolon_inside_a_value_does_not_start_a_field() {
        let f = field_line("- Sản phẩm: Báo cáo; Kế hoạch.").expect("a field line");
        assert_eq!(f, vec![(Field::Outputs, "Báo cáo; Kế hoạch.".to_string())]);
        assert_eq!(field_line("Thời gian thực hiện Kế hoạch: năm 2025"), None);
    }

    #[test]
    fn oversight_lines_are_notes_without_the_final_stop() {
        let f = field_line("Lãnh đạo phụ trách: Phó Chủ tịch Nguyễn Văn A.").expect("a field line");
        assert_eq!(f, vec![(Field::Oversight, "Lãnh đạo phụ trách: Phó Chủ tịch Nguyễn Văn A".to_string())]);
    }

    #[test]
    fn a_lone_percent_sign_is_the_unit() {
        assert_eq!(
            bare_percent(&row(&[(Role::Content, "Tỷ lệ hồ sơ"), (Role::Other, "%"), (Role::Target, "80")])).as_deref(),
            Some("%")
        );
        assert_eq!(bare_percent(&row(&[(Role::Content, "Tỷ lệ hồ sơ"), (Role::Other, "80 %")])), None);
    }
}
