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
        out.end = coded.span.map(|s| calendar::iso(s.end)).filter(|_| !coded.open_end);
        out.recurrence = coded.recurrence.map(str::to_string);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str) -> (Option<String>, Option<String>, Option<String>, Option<String>) {
        let d = parse(raw, &DeadlineContext { plan_year: Some(2025) });
        (d.kind, d.start, d.end, d.recurrence)
    }

    #[test]
    fn a_by_day_of_the_next_period_recurs() {
        assert_eq!(
            code("Trước ngày 10 của tháng liền kề"),
            (Some("recurring".into()), None, None, Some("monthly".into()))
        );
        assert_eq!(code("Trước ngày 15/01 năm liền kề"), (Some("recurring".into()), None, None, Some("yearly".into())));
    }

    #[test]
    fn a_cadence_named_later_completes_a_bare_recurrence() {
        assert_eq!(
            code("Báo cáo định kỳ theo quy định; thực hiện hằng quý"),
            (Some("recurring".into()), None, None, Some("quarterly".into()))
        );
    }

    #[test]
    fn a_start_without_an_end_stays_open() {
        assert_eq!(
            code("Bắt đầu thực hiện từ năm 2027"),
            (Some("period".into()), Some("2027-01-01".into()), None, None)
        );
        assert_eq!(
            code("Từ tháng 3 đến tháng 9/2025"),
            (Some("period".into()), Some("2025-03-01".into()), Some("2025-09-30".into()), None)
        );
    }
}
