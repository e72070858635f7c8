//! The period a target is for: the year or span its own clause names (`đến năm 2030`, `riêng
//! năm 2025`, `trong giai đoạn 2026-2030`), nearest before the target, else nearest after it,
//! never past a neighbouring target; a baseline (`so với năm 2024`) names none.

use once_cell::sync::Lazy;
use regex::Regex;

use super::target::Target;

static SPAN: Lazy<Regex> = Lazy::new(|| {
    // invariant: a literal pattern, exercised by the tests
    Regex::new(r"(?i)\b(?:giai\s+đoạn|thời\s+kỳ|năm|từ\s+năm)\s+((?:19|20)[0-9]{2})(?:\s*(?:[-–]|đến(?:\s+năm)?)\s*((?:19|20)[0-9]{2}))?\b").expect("valid regex")
});
static BASELINE: Lazy<Regex> = Lazy::new(|| {
    // invariant: a literal pattern, exercised by the tests
    Regex::new(r"(?i)(?:so\s+với|như|bằng)\s*$").expect("valid regex")
});
static CLAUSE_END: Lazy<Regex> = Lazy::new(|| {
    // invariant: a literal pattern, exercised by the tests
    Regex::new(r";|\.(?:\s+\p{Lu}|\s*$)").expect("valid regex")
});

/// The years and spans `text` names, with their byte offsets.
fn named_at(text: &str) -> Vec<(usize, String)> {
    SPAN.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            if BASELINE.is_match(&text[..whole.start()]) {
                return None;
            }
            let span = match c.get(2) {
                Some(to) => format!("{}-{}", &c[1], to.as_str()),
                None => c[1].to_string(),
            };
            Some((whole.start(), span))
        })
        .collect()
}

/// The first span a text names, else its first year (`... GIAI ĐOẠN 2026 - 2030` gives `2026-2030`).
pub fn named(text: &str) -> Option<String> {
    let all = named_at(text);
    all.iter().find(|(_, s)| s.contains('-')).or(all.first()).map(|(_, s)| s.clone())
}

/// The period the own clause of each target names, in order.
pub(super) fn of_targets(text: &str, targets: &[Target]) -> Vec<Option<String>> {
    let names = named_at(text);
    (0..targets.len())
        .map(|i| {
            let t = &targets[i];
            let clause_start = CLAUSE_END.find_iter(&text[..t.num_start]).last().map_or(0, |m| m.end());
            let clause_end = CLAUSE_END.find(&text[t.end..]).map_or(text.len(), |m| t.end + m.start());
            let low = clause_start.max(if i > 0 { targets[i - 1].end } else { 0 });
            let high = clause_end.min(targets.get(i + 1).map_or(text.len(), |n| n.num_start));
            let before = names.iter().rfind(|(at, _)| *at >= low && *at < t.num_start);
            let after = names.iter().find(|(at, _)| *at >= t.end && *at < high);
            before.or(after).map(|(_, s)| s.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::target::find;
    use super::*;

    #[test]
    fn spans_years_and_baselines() {
        assert_eq!(named("KẾ HOẠCH GIAI ĐOẠN 2021 - 2025 của tỉnh").as_deref(), Some("2021-2025"));
        assert_eq!(named("Các chỉ tiêu cụ thể đến năm 2030").as_deref(), Some("2030"));
        assert_eq!(named("tăng 5% so với năm 2020"), None);
    }

    #[test]
    fn own_clause_nearest_before_then_after() {
        let t = "đến năm 2028 đạt ít nhất 40% số xã đạt chuẩn, riêng năm 2026 phấn đấu ít nhất 15% xã đạt chuẩn; tăng 6%/năm trong giai đoạn 2026-2030.";
        let got = of_targets(t, &find(t));
        assert_eq!(got, [Some("2028".into()), Some("2026".into()), Some("2026-2030".into())]);
    }
}
