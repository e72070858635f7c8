//! The numbers that are targets: percentages, scores and ranges (`từ 80 đến dưới 90 điểm`),
//! and counts with a unit behind a comparator (`tối thiểu 5.280 hồ sơ`, `ít nhất 1 tin, bài
//! viết/tuần`). Vietnamese digits: `5.280` is 5280, `1,5` is 1.5.

use once_cell::sync::Lazy;
use regex::Regex;

/// One target in a text, located by byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Target {
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub comparator: &'static str,
    /// Start of the number (of the first number of a range).
    pub num_start: usize,
    /// Start of the unit words of a count (`hồ sơ`); equals `end` for `%`.
    pub unit_start: usize,
    /// End of the number and its unit.
    pub end: usize,
}

fn re(p: &str) -> Regex {
    // invariant: every caller passes a literal pattern, exercised by the tests
    Regex::new(p).expect("valid regex")
}

const NUM: &str = r"\d+(?:[.,]\d+)*";

static PERCENT: Lazy<Regex> = Lazy::new(|| re(&format!(r"({NUM})\s*%")));
static RANGE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(r"(?i)\btừ\s+({NUM})\s*(%|điểm)?\s*(?:\s(?:đến|tới)|-|–)\s*(?:dưới\s+|không\s+quá\s+)?({NUM})\s*(%|điểm|[\p{{L}}]+)"))
});
static COUNT: Lazy<Regex> = Lazy::new(|| {
    re(&format!(r"(?i)\b(tối\s+thiểu|ít\s+nhất|không\s+dưới|tối\s+đa|không\s+quá|không\s+vượt\s+quá)(?:\s+(?:là|đạt|mức))?\s+({NUM})\s+(\p{{L}})"))
});
static AT_LEAST: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)(?:tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+thấp\s+hơn|\btrên)(?:\s+(?:là|đạt|mức|tỷ\s+lệ))*\s*$")
});
static AT_MOST: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)(?:tối\s+đa|không\s+quá|vượt\s+quá|\bdưới)(?:\s+(?:là|đạt|mức|tỷ\s+lệ))*\s*$"));
static TIME_UNIT: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)^(?:ngày|giờ|tháng|năm|tuần|phút)\b"));

/// Two-word units (`hồ sơ`), taken whole where a count's first unit word opens one.
const PAIRS: &[&str] = &[
    "hồ sơ", "thủ tục", "văn bản", "dịch vụ", "đơn vị", "cơ quan", "hội nghị", "bài viết", "tin bài",
    "cán bộ", "người dân", "doanh nghiệp", "phản ánh", "kiến nghị", "lượt người", "tài khoản",
];

/// A number written the Vietnamese way.
pub(super) fn number(s: &str) -> Option<f64> {
    let groups: Vec<&str> = s.split('.').collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3 && !g.contains(','));
    let t = if thousands { groups.concat() } else { s.to_string() };
    t.replace(',', ".").parse().ok()
}

/// All targets of `text`, in order.
pub(super) fn find(text: &str) -> Vec<Target> {
    let mut out: Vec<Target> = ranges(text);
    for t in percents(text).into_iter().chain(counts(text)) {
        if !out.iter().any(|o| t.num_start < o.end && o.num_start < t.end) {
            out.push(t);
        }
    }
    out.sort_by_key(|t| t.num_start);
    out
}

fn ranges(text: &str) -> Vec<Target> {
    RANGE
        .captures_iter(text)
        .filter_map(|c| {
            let unit = c.get(4)?.as_str().to_string();
            if c.get(2).is_none() && unit != "điểm" && unit != "%" {
                return None;
            }
            Some(Target {
                value: number(&c[1])?,
                value_max: Some(number(&c[3])?),
                unit: unit.clone(),
                comparator: "range",
                num_start: c.get(1)?.start(),
                unit_start: c.get(4)?.start(),
                end: c.get(0)?.end(),
            })
        })
        .collect()
}

fn percents(text: &str) -> Vec<Target> {
    PERCENT
        .captures_iter(text)
        .filter_map(|c| {
            let n = c.get(1)?;
            if text[..n.start()].ends_with(|ch: char| ch.is_alphanumeric() || ch == '/' || ch == '.' || ch == ',') {
                return None;
            }
            let end = c.get(0)?.end();
            Some(Target {
                value: number(n.as_str())?,
                value_max: None,
                unit: "%".into(),
                comparator: comparator(&text[..n.start()], &text[end..]),
                num_start: n.start(),
                unit_start: end,
                end,
            })
        })
        .collect()
}

fn counts(text: &str) -> Vec<Target> {
    COUNT
        .captures_iter(text)
        .filter_map(|c| {
            let n = c.get(2)?;
            let unit_start = c.get(3)?.start();
            if TIME_UNIT.is_match(&text[unit_start..]) {
                return None;
            }
            let (unit, len) = unit_words(&text[unit_start..])?;
            let lead = c[1].to_lowercase();
            let comparator = if lead.contains("đa") || lead.contains("quá") { "<=" } else { ">=" };
            Some(Target {
                value: number(n.as_str())?,
                value_max: None,
                unit,
                comparator,
                num_start: n.start(),
                unit_start,
                end: unit_start + len,
            })
        })
        .collect()
}

/// The unit of a count: words up to one with a slash (`tin, bài viết/tuần`), else a known
/// two-word unit (`hồ sơ`), else one word (`DVCTT`).
fn unit_words(s: &str) -> Option<(String, usize)> {
    let mut words = Vec::new();
    let mut pos = 0;
    for w in s.split(' ').take(5) {
        if w.starts_with('(') || w.is_empty() {
            break;
        }
        words.push((pos, w));
        pos += w.len() + 1;
        if w.contains('/') {
            return Some(slashed_unit(s, pos - 1));
        }
        if w.ends_with([';', '.', ')']) {
            break;
        }
    }
    let first = words.first()?.1.trim_end_matches([',', ';', '.', ')']);
    if let Some(&(s2, second)) = words.get(1) {
        let second = second.trim_end_matches([',', ';', '.', ')']);
        let pair = format!("{} {}", first.to_lowercase(), second.to_lowercase());
        if PAIRS.contains(&pair.as_str()) && !words[0].1.ends_with(',') {
            let end = s2 + second.len();
            return Some((s[..end].to_string(), end));
        }
    }
    Some((first.to_string(), first.len()))
}

/// A unit that holds a slash: a rate (`bài viết/tuần`) ends at its period; a list of
/// alternatives (`sáng kiến/mô hình/giải pháp`) runs to the end of its last item.
fn slashed_unit(s: &str, end: usize) -> (String, usize) {
    let head = s[..end].trim_end_matches([',', ';', '.']);
    let after_slash = head.rsplit('/').next().unwrap_or_default();
    if TIME_UNIT.is_match(after_slash) {
        return (head.to_string(), head.len());
    }
    let rest = &s[end..];
    let chained = rest.trim_start().split(' ').next().filter(|w| w.contains('/') || !STOPS.contains(w));
    let next = chained.map_or(end, |w| end + rest.find(w).unwrap_or(0) + w.len());
    match next {
        n if n > end && s[end..n].contains('/') => slashed_unit(s, n),
        n => (s[..n].trim_end_matches([',', ';', '.', ')']).to_string(), n),
    }
}

/// Words that end a unit list (`sáng kiến/mô hình/giải pháp về ...`).
const STOPS: &[&str] = &["về", "của", "do", "và", "để", "trong", "tại", "cho", "được", "phải", "trên", "theo", "với"];

/// `>=` after `tối thiểu`/`ít nhất`/`trên` or before `trở lên`, `<=` after `tối đa`/`không
/// quá`, else `=`.
fn comparator(before: &str, after: &str) -> &'static str {
    let window = tail(before, 60);
    let after = after.trim_start().to_lowercase();
    if AT_LEAST.is_match(window) || after.starts_with("trở lên") {
        ">="
    } else if AT_MOST.is_match(window) || after.starts_with("trở xuống") {
        "<="
    } else {
        "="
    }
}

fn tail(s: &str, n: usize) -> &str {
    let mut from = s.len().saturating_sub(n);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let t = &s[from..];
    t.rsplit_once(['.', ';', ':', '(']).map_or(t, |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(number("5.280"), Some(5280.0));
        assert_eq!(number("1,5"), Some(1.5));
        assert_eq!(number("100"), Some(100.0));
        assert_eq!(number("2.5"), Some(2.5));
    }

    #[test]
    fn targets_and_comparators() {
        let t = find("lên mức tối thiểu 5.280 hồ sơ (20 hồ sơ/ngày x 22 ngày/tháng x 12 tháng)");
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].unit.as_str(), t[0].comparator), (5280.0, "hồ sơ", ">="));
        let t = find("ít nhất 1 tin, bài viết/tuần và được tổng hợp");
        assert_eq!(t[0].unit, "tin, bài viết/tuần");
        let t = find("phải có ít nhất 01 sáng kiến/mô hình/giải pháp về cải cách");
        assert_eq!(t[0].unit, "sáng kiến/mô hình/giải pháp");
        let t = find("tự bảo đảm từ 30% - dưới 70% chi thường xuyên");
        assert_eq!((t.len(), t[0].comparator, t[0].value_max), (1, "range", Some(70.0)));
        assert_eq!(find("không được vượt quá 11% vốn")[0].comparator, "<=");
        let t = find("Đạt loại tốt (tối thiểu từ 80 đến dưới 90 điểm) theo");
        assert_eq!((t[0].comparator, t[0].value, t[0].value_max), ("range", 80.0, Some(90.0)));
        assert_eq!(find("Tối thiểu đạt 45% tổng số")[0].comparator, ">=");
        assert_eq!(find("Duy trì 100% TTHC")[0].comparator, "=");
        assert!(find("trong thời gian 10 ngày; là 01 tuyên truyền viên; VNeID mức 2").is_empty());
        assert!(find("không quá 10 ngày").is_empty());
    }
}
