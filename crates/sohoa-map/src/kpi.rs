//! Measurable targets (`100%`, `tối thiểu 5.280 hồ sơ`, `từ 80 đến dưới 90 điểm`) in a sentence or cell.

/// A target found in a text, before it is tied to a task.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiMention {
    pub indicator: String,
    pub comparator: String,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub period: Option<String>,
    /// Byte offset of the number in the scanned text.
    pub offset: usize,
}

/// What a KPI scan may lean on besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct KpiContext {
    /// The plan year, the period of a target whose sentence gives none.
    pub plan_year: Option<i32>,
}

/// The targets in `text`, in order.
pub fn scan(text: &str, ctx: &KpiContext) -> Vec<KpiMention> {
    let _ = (text, ctx);
    Vec::new()
}
