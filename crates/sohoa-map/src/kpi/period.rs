//! The period a target is for: the year or span its own clause names (`đến năm 2030`, `riêng
//! năm 2025`, `trong giai đoạn 2026-2030`), nearest before the target, else nearest after it,
//! never past a neighbouring target; a baseline (`so với năm 2024`) names none.

use once_cell::sync::Lazy;
use regex::Regex;

use super::clause_end::ClauseEnds;
use super::target::Target;
use crate::phrase_end::{PhraseEnd, PhraseEndWords};

static SPAN: Lazy<Regex> = Lazy::new(|| {
    // invariant: a literal pattern, exercised by the tests
    Regex::new(r"(?i)\b(?:giai\s+đoạn|thời\s+kỳ|năm|từ\s+năm)\s+((?:19|20)[0-9]{2})(?:\s*(?:[-–]|đến(?:\s+năm)?)\s*((?:19|20)[0-9]{2}))?\b").expect("valid regex")
});
/// A baseline before a year: what `(?i)(?:so\s+với|như|bằng)\s*$` matches.
static BASELINE: Lazy<PhraseEnd> = Lazy::new(|| {
    PhraseEnd::new(&PhraseEndWords { free: &["so với", "như", "bằng"], after_break: &[], modifiers: &[] })
});
/// What `;|\.(?:\s+\p{Lu}|\s*$)` matches.
const CLAUSE_ENDS: ClauseEnds = ClauseEnds { marks: &[';'], openers: &[] };

/// The years and spans `text` names, with their byte offsets.
fn named_at(text: &str) -> Vec<(usize, String)> {
    SPAN.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            if BASELINE.ends(&text[..whole.start()]) {
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
            let clause_start = CLAUSE_ENDS.last(&text[..t.num_start]).map_or(0, |m| m.end);
            let clause_end = CLAUSE_ENDS.find(&text[t.end..]).map_or(text.len(), |m| t.end + m.start);
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
    fn baseline_is_the_pattern_it_replaces() {
        let one = Regex::new(r"(?i)(?:so\s+với|như|bằng)\s*$").expect("a test pattern");
        let pieces = ["so", " với", "SO  VỚI", "như", "Bằng", " ", "\u{A0}", "x", "_", "ữ", "1"];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(41, &pieces, 30_000, 61) {
            assert_eq!(BASELINE.ends(&text), one.is_match(&text), "{text:?}");
            found += usize::from(one.is_match(&text));
        }
        assert!(found > 3_000, "{found}");
    }

    #[test]
    fn own_clause_nearest_before_then_after() {
        let t = "đến năm 2028 đạt ít nhất 40% số xã đạt chuẩn, riêng năm 2026 phấn đấu ít nhất 15% xã đạt chuẩn; tăng 6%/năm trong giai đoạn 2026-2030.";
        let got = of_targets(t, &find(t));
        assert_eq!(got, [Some("2028".into()), Some("2026".into()), Some("2026-2030".into())]);
    }
}
