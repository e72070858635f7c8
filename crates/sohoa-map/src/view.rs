//! A read-only view of an Outline for mapping: each item's part and topic, each section's items.

use crate::header::kind_of_title;
use sohoa_segment::{Item, Outline, SectionKind};

/// Which document an item belongs to, where one file holds a decision and the plan it issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Before any type title: the header block and the preamble.
    Front,
    /// A Quyết định: its articles assign nothing themselves.
    Decision,
    /// A plan, report, directive...: where tasks live.
    Plan,
}

/// What a top-level section of a plan is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// `MỤC ĐÍCH, YÊU CẦU`, `MỤC TIÊU`, `CHỈ TIÊU ...`: no tasks (targets there are KPIs).
    Purpose,
    /// `KINH PHÍ`: no tasks.
    Funding,
    /// `TỔ CHỨC THỰC HIỆN`: unit headings and assignments.
    Organize,
    /// Everything else: the plan's content.
    Content,
}

pub struct View<'a> {
    pub outline: &'a Outline,
    /// Part of each item.
    pub parts: Vec<Part>,
    /// Topic of each section.
    pub topics: Vec<Topic>,
    /// Items directly inside each section (indices into `outline.items`).
    pub children: Vec<Vec<usize>>,
    /// Whether each section has sub-sections.
    pub has_subsections: Vec<bool>,
    /// Part in which each section opens.
    pub section_parts: Vec<Part>,
    /// Items inside an annex that is a report outline or an empty form (`ĐỀ CƯƠNG BÁO CÁO`, `Biểu 01`): no tasks.
    pub no_tasks: Vec<bool>,
    /// Whether each section opens inside such an annex.
    pub section_no_tasks: Vec<bool>,
}

impl<'a> View<'a> {
    pub fn new(outline: &'a Outline) -> Self {
        let parts = parts(outline);
        let no_tasks = crate::nontask::outline_items(outline);
        let n = outline.sections.len();
        let mut children = vec![Vec::new(); n];
        let mut section_parts = vec![Part::Front; n];
        let mut section_no_tasks = vec![false; n];
        for (i, item) in outline.items.iter().enumerate() {
            match item {
                Item::Heading(s) => {
                    section_parts[*s] = parts[i];
                    section_no_tasks[*s] = no_tasks[i] || defines_scope(&outline.sections[*s].title);
                }
                Item::Paragraph { section: Some(s), .. } | Item::Row { section: Some(s), .. } => children[*s].push(i),
                _ => {}
            }
        }
        let mut has_subsections = vec![false; n];
        for s in &outline.sections {
            if let Some(p) = s.parent {
                has_subsections[p] = true;
            }
        }
        let topics = (0..n).map(|s| topic(outline, s)).collect();
        View { outline, parts, topics, children, has_subsections, section_parts, no_tasks, section_no_tasks }
    }

    /// Whether tasks may come from section `s`.
    pub fn tasks_allowed(&self, s: usize) -> bool {
        self.section_parts[s] != Part::Decision
            && !self.section_no_tasks[s]
            && self.outline.sections[s].kind != SectionKind::Article
            && matches!(self.topics[s], Topic::Content | Topic::Organize)
    }
}

/// The part of every item: a type title (`QUYẾT ĐỊNH`, `KẾ HOẠCH`) switches it.
fn parts(outline: &Outline) -> Vec<Part> {
    let mut part = Part::Front;
    let mut out = Vec::with_capacity(outline.items.len());
    for item in &outline.items {
        if let Item::Paragraph { para, .. } = item {
            if para.label.is_none() {
                match kind_of_title(&para.text) {
                    Some("quyet_dinh") => part = Part::Decision,
                    Some(_) => part = Part::Plan,
                    None => {}
                }
            }
        }
        if let Item::Heading(s) = item {
            match outline.sections[*s].kind {
                SectionKind::Annex => part = Part::Plan,
                SectionKind::Article => part = Part::Decision,
                _ if part == Part::Front => part = Part::Plan,
                _ => {}
            }
        }
        out.push(part);
    }
    out
}

/// The topic of section `s`, from its top-most heading below the annex.
fn topic(outline: &Outline, s: usize) -> Topic {
    let mut top = s;
    while let Some(p) = outline.sections[top].parent {
        if outline.sections[p].kind == SectionKind::Annex {
            return Topic::Content;
        }
        top = p;
    }
    let title = &outline.sections[top].title;
    let key = crate::folded::Folded::new(title);
    let has = |w: &str| key.contains(&crate::folded::Folded::new(w));
    let targets = ["chỉ tiêu", "các chỉ tiêu"].iter().any(|w| key.starts_with(&crate::folded::Folded::new(w)));
    if has("mục đích") || has("yêu cầu") || (has("mục tiêu") || targets) && !has("nhiệm vụ") {
        Topic::Purpose
    } else if has("kinh phí") {
        Topic::Funding
    } else if has("tổ chức thực hiện") || has("trách nhiệm") || has("phân công") {
        Topic::Organize
    } else {
        Topic::Content
    }
}

/// A section that defines who or what the plan covers (`Đối tượng`, `Phạm vi, đối tượng`): no tasks.
fn defines_scope(title: &str) -> bool {
    let t = title.trim().trim_end_matches([':', '.']);
    t.split_whitespace().count() <= 6 && ["Đối tượng", "Phạm vi"].iter().any(|w| crate::words::starts_with(t, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_definitions_are_not_task_sections() {
        assert!(defines_scope("Đối tượng"));
        assert!(defines_scope("Phạm vi thi đua:"));
        assert!(!defines_scope("Đối tượng tham gia được hỗ trợ kinh phí đi lại theo quy định hiện hành của tỉnh"));
        assert!(!defines_scope("Nội dung tuyên truyền"));
    }
}
