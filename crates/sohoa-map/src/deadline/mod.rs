//! Deadline cells and lines (`Quý II/2024`, `Thường xuyên`, `Trước ngày 30/6/2023`) into [`Deadline`].
//!
//! A cell is coded from its first part that names a time (parts are split on `;` and on
//! ` - ` bullets, an activity label such as `Theo dõi:` is skipped); alternatives joined by
//! `hoặc` or `/` are coded as recurring when any of them recurs (`Định kỳ hoặc đột xuất`).

pub(crate) mod calendar;
mod own;
mod phrase;

pub use own::in_text;

use crate::record::Deadline;

/// What a deadline parse may lean on besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct DeadlineContext {
    /// The year the plan is for, used where the text gives a month or quarter without a year.
    pub plan_year: Option<i32>,
}

/// Parses a deadline as written. Empty text gives the all-`None` deadline.
pub fn parse(raw: &str, ctx: &DeadlineContext) -> Deadline {
    let raw = raw.trim();
    if raw.is_empty() {
        return Deadline::default();
    }
    let mut out = Deadline { raw: Some(raw.to_string()), ..Deadline::default() };
    if let Some(coded) = phrase::code(raw, ctx.plan_year) {
        out.kind = Some(coded.kind.to_string());
        out.start = coded.span.map(|s| calendar::iso(s.start)).filter(|_| !coded.by_date);
        out.end = coded.span.map(|s| calendar::iso(s.end));
        out.recurrence = coded.recurrence.map(str::to_string);
    }
    out
}
