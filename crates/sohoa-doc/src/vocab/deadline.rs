//! Deadline phrases (`Quý II/2024`, `Thường xuyên trong năm 2024`, `Chậm nhất ngày 15/9/2024`):
//! where a deadline opens, inside a text or at its start. The text reader anchors a dump's
//! deadline column on them and parts two merged cells there; map's deadline coder keeps
//! a part that opens with a [`TIME_WORDS`] word whole (it is no activity label).

use once_cell::sync::Lazy;
use regex::Regex;

/// A cell that starts with a deadline phrase (an optional leading bullet allowed).
static STARTS: Lazy<Regex> = Lazy::new(|| {
    spaced(concat!(
        r"(?i)^(?:[-+]\s*)?(?:",
        r"thường xuyên|hằng (?:năm|quý|tháng|tuần|ngày)|hàng (?:năm|quý|tháng|tuần)|định kỳ",
        r"|chậm nhất|trước (?:ngày|tháng|năm|quý|[0-9])|trong (?:năm|quý|tháng|tuần)",
        r"|quý\s+(?:[ivx]+|[0-9])\b|tháng\s+[0-9]|năm\s+(?:19|20)[0-9][0-9]|(?:từ|đến) (?:ngày|tháng|năm|[0-9])",
        r"|theo yêu cầu|theo kế hoạch|ngày\s+[0-9]|[0-9]{1,2}/[0-9]{1,2}/(?:19|20)[0-9][0-9]|[0-9]{1,2}/(?:19|20)[0-9][0-9]",
        r"|[0-9]{1,2} tháng (?:đầu|cuối)|cả năm|hoàn thành (?:trước|trong)",
        r")"
    ))
});

/// A capitalized deadline phrase inside a text, after some other text: where a
/// cell written on the same line as the one before it begins.
static INSIDE: Lazy<Regex> = Lazy::new(|| {
    spaced(concat!(
        r"[\s;,.](?P<d>Thường xuyên|Hằng năm|Hàng năm|Hằng quý|Hằng tháng|Định kỳ|Chậm nhất",
        r"|Trước ngày|Trong năm|Trong quý|Trong tháng|Quý [IV]{1,3}\b|Từ ngày|Theo yêu cầu)"
    ))
});

/// Words a deadline part opens with (lower case): `Thường xuyên: ...`, `Quý I: ...` are times,
/// while `Theo dõi: thường xuyên` is an activity label before one.
pub const TIME_WORDS: &[&str] = &["thường xuyên", "hàng", "hằng", "định kỳ", "quý", "tháng", "năm", "trước", "chậm"];

/// Compiles a pattern whose literal spaces match any run of white space (a phrase may wrap).
fn spaced(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(' ', r"\s+")).expect("static regex") // invariant: callers pass valid literals
}

/// A year, alone or closing a date (`2024`, `2/2024`, `15/9/2024`): where a deadline phrase may end.
static YEAR: Lazy<Regex> = Lazy::new(|| {
    // invariant: valid literal
    Regex::new(r"(?:[0-9]{1,2}/){0,2}(?:19|20)[0-9][0-9]\b[.;,]?").expect("static regex")
});

/// Whether `text` starts with a deadline phrase.
pub fn starts_with_deadline(text: &str) -> bool {
    STARTS.is_match(text.trim_start())
}

/// Byte offset inside `text` (never 0) where a capitalized deadline phrase begins.
pub fn inside(text: &str) -> Option<usize> {
    let m = INSIDE.captures(text)?.name("d")?;
    let before = text[..m.start()].trim();
    (!before.is_empty()).then_some(m.start())
}

/// Where a leading deadline phrase of `text` ends when another cell follows it on
/// the same run (`Quý II/2024 Đề án được` → after `Quý II/2024`): the first year
/// token, when the text after it starts in upper case (or with a number after a
/// full stop) and is not itself a deadline.
pub fn end_of_leading(text: &str) -> Option<usize> {
    if !starts_with_deadline(text) {
        return None;
    }
    let m = YEAR.find(text)?;
    let rest = text[m.end()..].trim_start();
    let closed = m.as_str().ends_with('.');
    let next_cell = rest.chars().next().is_some_and(|c| c.is_uppercase() || (closed && c.is_ascii_digit()));
    (next_cell && !starts_with_deadline(rest)).then_some(m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_deadline_starts() {
        for s in
            ["Thường xuyên trong năm 2024", "- Chậm nhất ngày", "Quý I năm 2024.", "15/9/2024", "Trước ngày 15/9/2024"]
        {
            assert!(starts_with_deadline(s), "{s}");
        }
        for s in ["Văn phòng HĐND-UBND", "Trong đó, mức độ", "Báo cáo kết quả"] {
            assert!(!starts_with_deadline(s), "{s}");
        }
    }

    #[test]
    fn finds_a_deadline_after_a_unit_name() {
        let s = "UBND xã Thường\nxuyên trong";
        assert_eq!(inside(s).map(|i| &s[i..]), Some("Thường\nxuyên trong"));
        assert_eq!(inside("Thường xuyên trong năm"), None);
    }

    #[test]
    fn ends_a_deadline_before_the_next_cell() {
        let s = "Quý II/2024 Đề án được";
        assert_eq!(end_of_leading(s).map(|i| &s[..i]), Some("Quý II/2024"));
        assert_eq!(end_of_leading("Quý I/2024 và 6 tháng đầu năm 2024."), None);
        assert_eq!(end_of_leading("Năm 2024 30 hồ sơ"), None);
        let u = "Thường xuyên trong năm 2024.\n100 % hồ sơ";
        assert_eq!(end_of_leading(u).map(|i| &u[..i]), Some("Thường xuyên trong năm 2024."));
        let t = "Chậm nhất trong\ntháng 2/2024.\nKho quản lý";
        assert_eq!(end_of_leading(t).map(|i| &t[..i]), Some("Chậm nhất trong\ntháng 2/2024."));
    }
}
