//! Measurable targets (`100%`, `tối thiểu 5.280 hồ sơ`, `từ 80 đến dưới 90 điểm`) in a sentence or cell.
//!
//! A percentage is always a target; a count is one only behind a comparator (`tối thiểu`,
//! `ít nhất`, `tối đa`, `không quá`) and never in a time unit (`10 ngày` is a deadline), so
//! derivations (`20 hồ sơ/ngày x 22 ngày/tháng`), roles (`là 01 tuyên truyền viên`) and
//! levels (`VNeID mức 2`) give none.

mod clause_end;
mod edges;
mod indicator;
mod numerals;
pub mod period;
mod shapes;
mod target;
mod whole_words;
mod year_edge;

/// A target found in a text, before it is tied to a task.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiMention {
    /// What is measured, in the document's words.
    pub indicator: String,
    /// `>=`, `<=`, `=` or `range`.
    pub comparator: String,
    /// The target value (the lower bound of a range).
    pub value: f64,
    /// The upper bound, for `range` only.
    pub value_max: Option<f64>,
    /// The unit as written.
    pub unit: Option<String>,
    /// The year or span its own clause names, if any.
    pub period: Option<String>,
    /// Byte offset of the number in the scanned text.
    pub offset: usize,
}

/// What a KPI scan may lean on besides the text.
#[derive(Debug, Clone, Default)]
pub struct KpiContext {
    /// The plan year, the period of a target when neither its clause nor `period` names one.
    pub plan_year: Option<i32>,
    /// The period its place names for a target whose own clause names none: the governing
    /// heading's year or span (`ĐẾN NĂM 2030`), else the plan's from its title (`2026-2030`).
    pub period: Option<String>,
    /// The text states targets (a CHỈ TIÊU section): a number with its counted noun is a
    /// target without a comparator word (`05 Khu công nghiệp`).
    pub states_targets: bool,
}

/// The targets in `text`, in order.
pub fn scan(text: &str, ctx: &KpiContext) -> Vec<KpiMention> {
    let targets = target::find_with(text, target::Counts { bare: ctx.states_targets });
    let names = indicator::indicators(text, &targets);
    let periods = period::of_targets(text, &targets);
    targets
        .into_iter()
        .zip(names)
        .zip(periods)
        .map(|((t, name), own)| KpiMention {
            indicator: name,
            comparator: t.comparator.to_string(),
            value: t.value,
            value_max: t.value_max,
            unit: Some(t.unit),
            period: own.or_else(|| fallback_period(ctx)),
            offset: t.num_start,
        })
        .collect()
}

fn fallback_period(ctx: &KpiContext) -> Option<String> {
    ctx.period.clone().or_else(|| ctx.plan_year.map(|y| y.to_string()))
}

/// The targets of one task's texts (content, outputs, notes, in that order): every target
/// of each text, except one that restates a target of an earlier text of the task
/// ([`same_target`]). Two equal targets in one text (`Công bố 100% ...; Niêm yết (đạt tỷ lệ
/// 100%)`) are distinct targets and both kept.
pub fn scan_texts(texts: &[&str], ctx: &KpiContext) -> Vec<(usize, KpiMention)> {
    let mut out: Vec<(usize, KpiMention)> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let earlier = out.len();
        for m in scan(text, ctx) {
            if !out[..earlier].iter().any(|(_, e)| same_target(e, &m)) {
                out.push((i, m));
            }
        }
    }
    out
}

/// One row of a table of indicators (`Chỉ tiêu` | `Đơn vị` | `Chỉ tiêu năm 2024`): the
/// indicator cell as written, the unit cell (`%`) and the target cell (`Tối thiểu 80`, `100`).
pub fn from_table_row(indicator: &str, unit: &str, target_cell: &str, ctx: &KpiContext) -> Option<KpiMention> {
    let unit = unit.trim();
    let cell = format!("{} {}", target_cell.trim(), if unit == "%" { "%" } else { "" });
    let t = target::find(&cell).into_iter().next().or_else(|| bare_number(target_cell))?;
    let indicator = indicator.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(KpiMention {
        indicator,
        comparator: t.comparator.to_string(),
        value: t.value,
        value_max: t.value_max,
        unit: Some(unit.to_string()).filter(|u| !u.is_empty()),
        period: period(target_cell, ctx),
        offset: 0,
    })
}

/// A target cell holding a number and, at most, a comparator word (`Tối thiểu 50`).
fn bare_number(cell: &str) -> Option<target::Target> {
    let t = target::find(&format!("{} %", cell.trim())).into_iter().next()?;
    Some(target::Target { unit: String::new(), ..t })
}

/// The same target stated twice (the content's `(Đạt tỷ lệ 100%)` and the outputs cell's
/// `100% cơ quan, đơn vị thực hiện`): one KPI per task, the caller keeps the first.
pub fn same_target(a: &KpiMention, b: &KpiMention) -> bool {
    a.value == b.value && a.value_max == b.value_max && a.unit == b.unit && a.comparator == b.comparator
}

/// The year or span a cell names for its target, else the context's.
fn period(text: &str, ctx: &KpiContext) -> Option<String> {
    period::named(text).or_else(|| fallback_period(ctx))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CTX: KpiContext = KpiContext { plan_year: Some(2024), period: None, states_targets: false };

    #[test]
    fn table_rows() {
        let k = from_table_row("Tỷ lệ hồ sơ trực tuyến.", "%", "Tối thiểu 50", &CTX).expect("kpi");
        assert_eq!((k.comparator.as_str(), k.value, k.unit.as_deref()), (">=", 50.0, Some("%")));
        assert_eq!(from_table_row("x", "%", "100", &CTX).map(|k| k.comparator), Some("=".into()));
        assert!(from_table_row("x", "%", "", &CTX).is_none());
    }

    #[test]
    fn restated_targets_go_distinct_ones_stay() {
        let content = "Công bố 100% thủ tục; - Niêm yết, công khai (đạt tỷ lệ 100%); giảm ít nhất 20% thủ tục và ít nhất 20% chi phí";
        let outputs = "100% thủ tục được công bố";
        let got = scan_texts(&[content, outputs], &CTX);
        assert_eq!(got.len(), 4);
        assert!(got.iter().all(|(i, _)| *i == 0));
    }

    #[test]
    fn period_and_duplicates() {
        let a = scan("Đạt tỷ lệ 100% hồ sơ được đồng bộ", &CTX);
        let b = scan("100 % hồ sơ giải quyết được đồng bộ trong năm 2025", &CTX);
        assert_eq!(a[0].period.as_deref(), Some("2024"));
        assert_eq!(b[0].period.as_deref(), Some("2025"));
        assert!(same_target(&a[0], &b[0]));
    }
}
