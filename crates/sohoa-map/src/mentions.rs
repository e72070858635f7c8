//! The citation and KPI passes: scanning every text of the outline, tied to provenance and tasks.

use crate::citation::{self, CitationContext, CitationMention};
use crate::folded::{Folded, Vocabulary};
use crate::kpi::{self, KpiContext, KpiMention};
use crate::record::{CitationRecord, KpiRecord, Provenance};
use crate::tasks::TaskDraft;
use crate::view::{Part, Topic, View};
use once_cell::sync::Lazy;
use sohoa_doc::Span;
use sohoa_segment::{Item, SectionKind};

fn prov(span: Span) -> Provenance {
    Provenance { page: span.page, line: span.line, table: None, row: None }
}

/// Every text of the outline with its span and whether it sits in the preamble, in reading order.
/// The trích yếu under a type title is not the preamble, even when it opens with `Thực hiện`.
fn texts(view: &View) -> Vec<(String, Span, bool)> {
    let title = title_items(view);
    let mut out = Vec::new();
    for (i, item) in view.outline.items.iter().enumerate() {
        match item {
            Item::Paragraph { para, section } => {
                let preamble = section.is_none() && !title.contains(&i) && is_basis(&para.text);
                out.push((crate::words::one_line(&para.text), para.span, preamble));
            }
            Item::Heading(s) => {
                let sec = &view.outline.sections[*s];
                out.push((crate::words::one_line(&sec.title), sec.span, false));
            }
            Item::Row { row, .. } => {
                // a cell merged over several columns stands in each of them: read once
                let mut seen: Vec<&str> = Vec::new();
                for c in row.cells.iter().filter(|c| !c.text.is_empty()) {
                    if !seen.contains(&c.text.as_str()) {
                        seen.push(&c.text);
                        out.push((crate::words::one_line(&c.text), row.span, false));
                    }
                }
            }
        }
    }
    out
}

/// `Căn cứ ...`, `(Tiếp tục) thực hiện ...`, `Xét đề nghị ...`: a paragraph of the legal basis.
fn is_basis(text: &str) -> bool {
    static BASIS: Lazy<Vocabulary> =
        Lazy::new(|| Vocabulary::new(&["căn cứ", "thực hiện", "tiếp tục thực hiện", "xét đề nghị"]));
    BASIS.any_at_start(text)
}

/// The items of the trích yếu: the paragraph right after each type title (`KẾ HOẠCH`) and
/// the lines that continue it in lower case (`theo hướng xanh ...`).
fn title_items(view: &View) -> Vec<usize> {
    let items = &view.outline.items;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Item::Paragraph { para, section: None } = item else { continue };
        if para.label.is_some() || crate::header::kind_of_title(&para.text).is_none() {
            continue;
        }
        for (j, next) in items.iter().enumerate().skip(i + 1) {
            let Item::Paragraph { para, section: None } = next else { break };
            let lower = para.text.trim_start().chars().next().is_some_and(char::is_lowercase);
            if j > i + 1 && !lower {
                break;
            }
            out.push(j);
        }
    }
    out
}

/// The document's kind as its first type title names it (`KẾ HOẠCH`: `ke_hoach`); a decision
/// that issues a plan counts as the plan, the document its annex lines belong to.
fn own_kind(view: &View) -> Option<String> {
    let titles: Vec<&'static str> = view
        .outline
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Paragraph { para, section: None } if para.label.is_none() => crate::header::kind_of_title(&para.text),
            _ => None,
        })
        .collect();
    titles.iter().find(|k| **k != "quyet_dinh").or(titles.first()).map(std::string::ToString::to_string)
}

/// The citation records of the document, short mentions and law names resolved.
pub fn citations(view: &View, doc_id: &str, own_number: Option<&str>) -> Vec<CitationRecord> {
    let mut found: Vec<(CitationMention, Span)> = Vec::new();
    let own_kind = own_kind(view);
    for (text, span, preamble) in texts(view) {
        let ctx = CitationContext { own_number: own_number.map(str::to_string), preamble, own_kind: own_kind.clone() };
        found.extend(citation::scan(&text, &ctx).into_iter().map(|m| (m, span)));
    }
    citation::resolve(found)
        .into_iter()
        .map(|(m, span)| CitationRecord {
            doc_id: doc_id.to_string(),
            kind: m.kind,
            number: m.number,
            year: m.year,
            symbol: m.symbol,
            key: m.key,
            date: m.date,
            issuer: m.issuer,
            title: m.title,
            pinpoint: m.pinpoint,
            role: m.role,
            text: m.text,
            source: prov(span),
        })
        .collect()
}

/// The KPI records: targets of tasks (one per distinct target), indicator rows, and targets
/// stated in paragraphs that are no task (a CHỈ TIÊU section, the purpose part, prose), once each.
pub fn kpis(view: &View, tasks: &[TaskDraft], doc_id: &str, plan_year: Option<i32>) -> Vec<(usize, KpiRecord)> {
    let places = Places::new(view, plan_year);
    let mut out = Vec::new();
    for t in tasks {
        let ctx = places.context(view, section_of(view, t.item));
        let row_kpi = indicator_kpi(view, t, &ctx);
        let texts: Vec<&str> = t.target_texts.iter().map(String::as_str).collect();
        let scanned = kpi::scan_texts(&texts, &ctx).into_iter().map(|(_, m)| m);
        let restates_row = |m: &KpiMention| row_kpi.as_ref().is_some_and(|r| kpi::same_target(r, m));
        let seen: Vec<KpiMention> = row_kpi.clone().into_iter().chain(scanned.filter(|m| !restates_row(m))).collect();
        let text = t.target_texts.first().cloned().unwrap_or_default();
        out.extend(
            seen.into_iter()
                .map(|m| (t.item, record(m, Some(t.record.id.clone()), &text, prov_of(t), doc_id, plan_year))),
        );
    }
    out.extend(untied_kpis(view, tasks, &places, doc_id));
    out.sort_by_key(|(i, _)| *i);
    out
}

/// What the place of a text says about its targets: the plan's period from its title, and per
/// section whether it states targets and the period its heading (or an outer one) names.
struct Places {
    plan_year: Option<i32>,
    plan_period: Option<String>,
    /// The context of each section asked for so far (every task and paragraph of a section asks).
    known: std::cell::RefCell<std::collections::HashMap<Option<usize>, KpiContext>>,
}

impl Places {
    fn new(view: &View, plan_year: Option<i32>) -> Self {
        let title: Vec<String> = title_items(view)
            .into_iter()
            .filter_map(|i| match &view.outline.items[i] {
                Item::Paragraph { para, .. } => Some(para.text.clone()),
                _ => None,
            })
            .collect();
        Places { plan_year, plan_period: kpi::period::named(&title.join(" ")), known: Default::default() }
    }

    fn context(&self, view: &View, section: Option<usize>) -> KpiContext {
        if let Some(known) = self.known.borrow().get(&section) {
            return known.clone();
        }
        let ctx = self.context_of(view, section);
        self.known.borrow_mut().insert(section, ctx.clone());
        ctx
    }

    fn context_of(&self, view: &View, section: Option<usize>) -> KpiContext {
        let chain = section_chain(view, section);
        let heading = chain.iter().find_map(|&s| kpi::period::named(&view.outline.sections[s].title));
        KpiContext {
            plan_year: self.plan_year,
            period: heading.or_else(|| self.plan_period.clone()),
            states_targets: chain.iter().any(|&s| states_targets(&view.outline.sections[s].title)),
        }
    }
}

/// `s` and the sections around it, innermost first.
fn section_chain(view: &View, section: Option<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut cur = section;
    while let Some(s) = cur {
        out.push(s);
        cur = view.outline.sections[s].parent;
    }
    out
}

fn section_of(view: &View, item: usize) -> Option<usize> {
    match &view.outline.items[item] {
        Item::Paragraph { section, .. } | Item::Row { section, .. } => *section,
        Item::Heading(s) => Some(*s),
    }
}

/// A heading of targets: `CHỈ TIÊU ...`, `Mục tiêu cụ thể`.
fn states_targets(title: &str) -> bool {
    static TARGETS: Lazy<[Folded; 2]> = Lazy::new(|| [Folded::new("chỉ tiêu"), Folded::new("mục tiêu")]);
    let key = Folded::new(title);
    TARGETS.iter().any(|w| key.contains(w))
}

fn prov_of(t: &TaskDraft) -> Provenance {
    t.record.source
}

/// An indicator row (`Chỉ tiêu | Đơn vị | Chỉ tiêu năm 2024`): its target cell
/// with its unit, for the indicator in the content cell (joined to a titling
/// parent row such as `1.6` for `1.6.1`).
fn indicator_kpi(view: &View, t: &TaskDraft, ctx: &KpiContext) -> Option<KpiMention> {
    let (target, unit) = t.indicator.as_ref()?;
    kpi::from_table_row(&indicator_text(view, t), unit.as_deref().unwrap_or(""), target, ctx)
}

fn indicator_text(view: &View, t: &TaskDraft) -> String {
    let Item::Row { section: Some(s), row } = &view.outline.items[t.item] else { return t.record.content.clone() };
    let sec = &view.outline.sections[*s];
    let child = match (sec.label.as_deref(), row.label.as_deref()) {
        (Some(p), Some(c)) => c.trim_end_matches('.').starts_with(&format!("{p}.")),
        _ => false,
    };
    if sec.kind == SectionKind::GroupRow && child && names_measure(&sec.title) && !names_measure(&t.record.content) {
        format!("{} {}", crate::words::one_line(&sec.title), t.record.content)
    } else {
        t.record.content.clone()
    }
}

/// A title that names a measure (`Tỷ lệ ...`, `Mức độ ...`): its child rows are breakdowns of it.
fn names_measure(text: &str) -> bool {
    static MEASURES: Lazy<Vocabulary> = Lazy::new(|| Vocabulary::new(&["Tỷ lệ", "Mức độ", "Số lượng", "Chỉ số"]));
    MEASURES.any_at_start(text)
}

/// Targets in paragraphs and headings of the plan that are no task and lie in no task's text:
/// the purpose part, a CHỈ TIÊU section, prose that introduces items (`..., gồm 11 chuyên mục
/// sau:`), a numbered scope line (`2. Số lượng đơn vị: Tối thiểu 20% ...`).
/// A target stated twice so (a purpose line restating a chỉ tiêu) is kept once, the first time.
fn untied_kpis(view: &View, tasks: &[TaskDraft], places: &Places, doc_id: &str) -> Vec<(usize, KpiRecord)> {
    let task_items: Vec<usize> = tasks.iter().map(|t| t.item).collect();
    // the tasks' keys in one string, a line each: a key (one line) is in it exactly when it is in one of them
    let task_texts: String = tasks.iter().map(|t| crate::words::key(&t.record.content) + "\n").collect();
    let mut out: Vec<(usize, KpiRecord)> = Vec::new();
    for (i, item) in view.outline.items.iter().enumerate() {
        let (raw, span, s) = match item {
            Item::Paragraph { para, section: Some(s) } => (&para.text, para.span, *s),
            Item::Heading(s) => (&view.outline.sections[*s].title, view.outline.sections[*s].span, *s),
            _ => continue,
        };
        if task_items.contains(&i) || view.section_parts[s] != Part::Plan || view.topics[s] == Topic::Funding {
            continue;
        }
        let text = crate::words::one_line(raw);
        let key = crate::words::key(&text);
        if key.is_empty() || task_texts.contains(&key) {
            continue;
        }
        let ctx = places.context(view, Some(s));
        for m in kpi::scan(&text, &ctx) {
            let r = record(m, None, &text, prov(span), doc_id, ctx.plan_year);
            if !out.iter().any(|(_, o)| restates(o, &r)) {
                out.push((i, r));
            }
        }
    }
    out
}

/// The same target stated again with no task: equal value, unit and comparator, and an
/// indicator that holds the other's (folded).
fn restates(a: &KpiRecord, b: &KpiRecord) -> bool {
    let (ia, ib) = (crate::words::key(&a.indicator), crate::words::key(&b.indicator));
    a.value == b.value
        && a.value_max == b.value_max
        && a.unit == b.unit
        && a.comparator == b.comparator
        && (ia.contains(&ib) || ib.contains(&ia))
}

fn record(
    m: KpiMention,
    task: Option<String>,
    text: &str,
    source: Provenance,
    doc_id: &str,
    plan_year: Option<i32>,
) -> KpiRecord {
    let indicator =
        if m.indicator.trim().is_empty() { crate::words::one_line(text) } else { crate::words::one_line(&m.indicator) };
    KpiRecord {
        doc_id: doc_id.to_string(),
        indicator,
        comparator: m.comparator,
        value: m.value,
        value_max: m.value_max,
        unit: m.unit,
        period: m.period.or_else(|| plan_year.map(|y| y.to_string())),
        task,
        text: text.to_string(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use crate::record::Record;

    /// The records of a synthetic plain-text plan.
    fn records(text: &str) -> Vec<Record> {
        let opts = sohoa_extract::ExtractOptions::default();
        // invariant: a UTF-8 text with a `.txt` name is always read by the text reader
        let doc = sohoa_extract::extract_bytes("plan.txt", text.as_bytes(), &opts).expect("text is readable");
        crate::records(&doc.source, &sohoa_segment::outline(&doc))
    }

    const PLAN: &str = "KẾ HOẠCH\n\n\
Thực hiện Đề án số 05 về phát triển du lịch giai đoạn 2026-2030\n\n\
Thực hiện Đề án 05-ĐA/TU ngày 10/01/2026 của Tỉnh ủy Hà Nam về phát triển du lịch, Sở Văn hóa ban hành Kế hoạch.\n\
I. MỤC TIÊU ĐẾN NĂM 2030\n\
- Hình thành mới 03 khu du lịch, nâng tổng số lên 09 KDL.\n\
- Lượng khách tăng bình quân 10%/năm; tỷ lệ lấp đầy phòng đạt 55-65%.\n\
II. NHIỆM VỤ\n\
1. Tuyên truyền\n\
- Xây dựng chuyên mục quảng bá theo quy định của Luật Du lịch.\n\
- Phát hành ấn phẩm theo Luật du lịch, bảo đảm 100% điểm đến có bảng chỉ dẫn.\n";

    #[test]
    fn the_title_is_no_preamble_and_short_mentions_take_the_full_key() {
        let cites: Vec<(String, String)> = records(PLAN)
            .into_iter()
            .filter_map(|r| match r {
                Record::Citation(c) => Some((c.key, c.role)),
                _ => None,
            })
            .collect();
        let want = [
            ("05-ĐA/TU", "reference"),
            ("05-ĐA/TU", "basis"),
            ("Luật Du lịch", "reference"),
            ("Luật Du lịch", "reference"),
        ];
        let want: Vec<(String, String)> = want.iter().map(|(k, r)| (k.to_string(), r.to_string())).collect();
        assert_eq!(cites, want);
    }

    #[test]
    fn targets_of_a_chi_tieu_section_take_its_period_others_the_plan_span() {
        let kpis: Vec<(f64, Option<String>, Option<String>)> = records(PLAN)
            .into_iter()
            .filter_map(|r| match r {
                Record::Kpi(k) => Some((k.value, k.unit, k.period)),
                _ => None,
            })
            .collect();
        let s = |x: &str| Some(x.to_string());
        let want = [
            (3.0, s("khu du lịch"), s("2030")),
            (9.0, s("KDL"), s("2030")),
            (10.0, s("%/năm"), s("2030")),
            (55.0, s("%"), s("2030")),
            (100.0, s("%"), s("2026-2030")),
        ];
        assert_eq!(kpis, want);
    }
}
