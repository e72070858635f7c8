//! Deadline cells and lines (`Quý II/2024`, `Thường xuyên`, `Trước ngày 30/6/2023`) into [`Deadline`].

use crate::record::Deadline;

/// What a deadline parse may lean on besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct DeadlineContext {
    /// The year the plan is for, used where the text gives a month or quarter without a year.
    pub plan_year: Option<i32>,
}

/// Parses a deadline as written. Empty text gives the all-`None` deadline.
pub fn parse(raw: &str, ctx: &DeadlineContext) -> Deadline {
    let _ = ctx;
    let raw = raw.trim();
    if raw.is_empty() {
        return Deadline::default();
    }
    Deadline { raw: Some(raw.to_string()), ..Deadline::default() }
}
