//! A deadline stated in a task's own text (`chậm nhất là ngày 30/01/2026`, `xong trong quý
//! II/2026`, `trước ngày 18 hằng tháng`), as opposed to a deadline cell or field line.
//!
//! Only phrases that say when the work must be done count: a completion or by-word before the
//! time, or a day that repeats. Dates of cited documents, years in names, cadence words alone
//! and conditions are left alone.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::gap::GapRegex;

use super::{calendar, phrase, DeadlineContext};
use crate::record::Deadline;

fn re(p: &str) -> Regex {
    // invariant: every caller passes a literal pattern exercised by this module's tests
    Regex::new(p).expect("valid regex")
}

/// `trước ngày 18 hằng tháng`, `chậm nhất vào ngày 17 của tháng cuối quý`.
static REPEATING_DAY: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?)\s+ngày\s+[0-9]{1,2}\s+(?:của\s+)?(?:(?:hằng|hàng|mỗi)\s+(?P<c1>tháng|quý|năm)|tháng\s+(?:cuối|đầu)\s+(?P<c2>quý|năm))",
    )
});

/// `vào ... thứ Sáu tuần thứ 2 ... hằng tháng`, `vào ngày 25 hằng tháng`: a slot that repeats.
static REPEATING_SLOT: Lazy<GapRegex> = Lazy::new(|| {
    GapRegex::new(r"(?i)\bvào\s+(?P<gap>[^.;:]{0,160}?)\b(?:hằng|hàng|mỗi)\s+(?P<c>tuần|tháng|quý|năm)", 160)
});
static DAY_MARK: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy)\b|\bngày\s+[0-9]{1,2}\b|[0-9]{1,2}\s*giờ"));

/// A completion or by-word, then (within the clause) the time it is due.
static BY_TIME: Lazy<GapRegex> = Lazy::new(|| {
    GapRegex::new(
        concat!(
            r"(?i)\b(?:hoàn\s+thành|xong|chậm\s+nhất|trước\s+ngày|hạn\s+chót|không\s+muộn\s+hơn)\b(?P<gap>[^.;:]{0,60}?)",
            r"(?P<t>[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*[0-9]{4}",
            r"|ngày\s+[0-9]{1,2}\s+tháng\s+[0-9]{1,2}\s+năm\s+[0-9]{4}",
            r"|quý\s+(?:IV|I{1,3}|iv|i{1,3}|[1-4])\s*(?:/|năm)\s*[0-9]{4}",
            r"|(?:6|06|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm\s+[0-9]{4}",
            r"|tháng\s+[0-9]{1,2}\s*(?:/|năm)\s*[0-9]{4}",
            r"|(?:trong|trước|cuối)\s+năm\s+[0-9]{4})",
        ),
        60,
    )
});

/// The deadline a task's own text states, or `None`.
pub fn in_text(text: &str, ctx: &DeadlineContext) -> Option<Deadline> {
    let candidates = [repeating_day(text), repeating_slot(text), by_time(text, ctx)];
    candidates.into_iter().flatten().min_by_key(|(at, _)| *at).map(|(_, d)| d)
}

fn recurring(raw: &str, cadence: &str) -> Deadline {
    let recurrence = match cadence.to_lowercase().as_str() {
        "tuần" => "weekly",
        "tháng" => "monthly",
        "quý" => "quarterly",
        _ => "yearly",
    };
    Deadline {
        raw: Some(raw.to_string()),
        kind: Some("recurring".into()),
        start: None,
        end: None,
        recurrence: Some(recurrence.into()),
    }
}

fn repeating_day(text: &str) -> Option<(usize, Deadline)> {
    let c = REPEATING_DAY.captures(text)?;
    let m = c.get(0)?;
    let cadence = c.name("c1").or(c.name("c2"))?.as_str();
    Some((m.start(), recurring(m.as_str(), cadence)))
}

fn repeating_slot(text: &str) -> Option<(usize, Deadline)> {
    REPEATING_SLOT.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        DAY_MARK.is_match(m.as_str()).then(|| (m.start(), recurring(m.as_str(), &c["c"])))
    })
}

/// `xong trong quý II/2026` → `date`, ending 2026-06-30.
fn by_time(text: &str, ctx: &DeadlineContext) -> Option<(usize, Deadline)> {
    BY_TIME.captures_iter(text).find_map(|c| {
        let gap = c.name("gap").map_or("", |g| g.as_str());
        if gap.contains('/') || crate::words::contains(gap, "số") || crate::words::contains(gap, "của") {
            return None; // the date of a cited document, not the task's
        }
        let m = c.get(0)?;
        let coded = phrase::code(&c["t"], ctx.plan_year)?;
        let end = coded.span.map(|s| calendar::iso(s.end))?;
        Some((
            m.start(),
            Deadline {
                raw: Some(m.as_str().to_string()),
                kind: Some("date".into()),
                start: None,
                end: Some(end),
                recurrence: None,
            },
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        in_text(text, &DeadlineContext { plan_year: Some(2025) })
            .map(|d| (d.kind.unwrap_or_default(), d.end, d.recurrence))
    }

    #[test]
    fn completion_words_give_a_by_date() {
        assert_eq!(
            dl("Nạo vét kênh mương xong trong quý III/2025."),
            Some(("date".into(), Some("2025-09-30".into()), None))
        );
        assert_eq!(
            dl("Ban hành quy chế, chậm nhất là ngày 15/02/2025."),
            Some(("date".into(), Some("2025-02-15".into()), None))
        );
        assert_eq!(
            dl("Hoàn thành trước tháng 10/2025 việc lắp đặt."),
            Some(("date".into(), Some("2025-10-31".into()), None))
        );
    }

    #[test]
    fn repeating_days_are_recurring() {
        assert_eq!(
            dl("Các tổ gửi báo cáo trước ngày 20 hằng tháng."),
            Some(("recurring".into(), None, Some("monthly".into())))
        );
        assert_eq!(
            dl("gửi báo cáo chậm nhất vào ngày 10 của tháng cuối quý"),
            Some(("recurring".into(), None, Some("quarterly".into())))
        );
        assert_eq!(
            dl("Phát sóng vào 19 giờ tối thứ Ba tuần thứ nhất hàng tháng."),
            Some(("recurring".into(), None, Some("monthly".into())))
        );
    }

    #[test]
    fn names_citations_and_cadence_words_are_not_deadlines() {
        assert_eq!(dl("Hoàn thành Kế hoạch phát triển văn hóa năm 2025."), None);
        assert_eq!(dl("Hoàn thành theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của UBND tỉnh."), None);
        assert_eq!(dl("Định kỳ hằng tháng tổng hợp kết quả."), None);
        assert_eq!(dl("Báo cáo từ ngày 15 của tháng trước đến ngày 14 của tháng cuối quý."), None);
    }
}
