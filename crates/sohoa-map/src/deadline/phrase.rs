//! The phrase grammar of deadline cells: parts, alternatives, recurrence words, event
//! triggers, by-dates and periods.

use once_cell::sync::Lazy;
use regex::Regex;
use sohoa_doc::classes;
use sohoa_doc::vocab::deadline::TIME_WORDS;

use super::calendar::{quarter_number, valid, Span};

/// A deadline part reduced to its kind and days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Coded {
    pub kind: &'static str,
    pub span: Option<Span>,
    pub recurrence: Option<&'static str>,
    /// A by-date (`Chậm nhất ...`, `Trước ngày ...`): only the end of the span counts.
    pub by_date: bool,
    /// A start with no end (`Bắt đầu thực hiện từ năm 2026`): only the start of the span counts.
    pub open_end: bool,
}

impl Coded {
    fn new(kind: &'static str) -> Coded {
        Coded { kind, span: None, recurrence: None, by_date: false, open_end: false }
    }
}

fn re(p: &str) -> Regex {
    // invariant: every caller passes a literal pattern exercised by the deadline tests
    Regex::new(p).expect("valid regex")
}

static PARENS: Lazy<Regex> = Lazy::new(|| re(r"\([^()]*\)?"));
static PART_SPLIT: Lazy<Regex> = Lazy::new(|| re(r";|\s-\s*|^\s*-|\n"));
static LABEL: Lazy<Regex> = Lazy::new(|| re(r"^[^0-9:]{1,40}:\s*(\S.*)$"));
/// `hoặc` between spaces, one of the two cuts of [`alternative_cuts`].
static OR_WORD: Lazy<Regex> = Lazy::new(|| re(r"\s+hoặc\s+"));
static EVERY: Lazy<Regex> = Lazy::new(|| re(r"\b(?:hàng|hằng|mỗi)\s+(ngày|tuần|tháng|quý|năm)\b"));
static EVERY_N_MONTHS: Lazy<Regex> = Lazy::new(|| re(r"([0-9]{1,2})\s*tháng\s*(?:/|một|1)\s*(?:0?1\s*)?lần"));
static EVENT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?:ngay\s+)?(?:sau\s+)?khi\b|^ngay\b|^theo\s+yêu\s+cầu|^đột\s+xuất|^(?:trong\s+(?:thời\s+gian|vòng)|sau)\s+[0-9]+\s+ngày|\bkể\s+từ\b|\bsau\s+khi\b",
    )
});
static BY_DATE: Lazy<Regex> =
    Lazy::new(|| re(r"\b(?:chậm\s+nhất|muộn\s+nhất|trước|hạn\s+chót|hạn\s+cuối|không\s+muộn\s+hơn|không\s+quá)\b"));
static ATOM: Lazy<Regex> = Lazy::new(|| {
    re(concat!(
        r"(?P<d>[0-9]{1,2})\s*[/.-]\s*(?P<dm>[0-9]{1,2})\s*[/.-]\s*(?P<dy>[0-9]{4})",
        r"|(?P<d2>[0-9]{1,2})\s+tháng\s+(?P<dm2>[0-9]{1,2})\s*,?\s+năm\s+(?P<dy2>[0-9]{4})",
        r"|(?P<d3>[0-9]{1,2})\s*/\s*(?P<dm3>[0-9]{1,2})\b",
        r"|(?P<d4>[0-9]{1,2})\s+tháng\s+(?P<dm4>[0-9]{1,2})\b",
        r"|(?:6|06|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<hy>[0-9]{4}))?",
        r"|quý\s+(?P<q>iv|i{1,3}|[1-4])\b(?:\s*/\s*|\s*,?\s*năm\s+)?(?P<qy>[0-9]{4})?",
        r"|tháng\s+(?P<m>[0-9]{1,2})\b(?:\s*/\s*|\s*,?\s*năm\s+)?(?P<my>[0-9]{4})?",
        r"|(?:năm|giai\s+đoạn)\s+(?P<ya>[0-9]{4})\s*[-–]\s*(?P<yb>[0-9]{4})",
        r"|năm\s+(?P<y>[0-9]{4})",
    ))
});
/// `Trước ngày 05 của tháng liền kề`, `... năm trước liền kề`: a by-day that comes back every period.
static NEXT_PERIOD: Lazy<Regex> = Lazy::new(|| re(r"\b(tháng|quý|năm)\s+(?:trước\s+|sau\s+)?liền\s+kề\b"));
/// `Bắt đầu thực hiện từ năm 2026`: a start with no end.
static OPEN_START: Lazy<Regex> =
    Lazy::new(|| re(r"^(?:bắt\s+đầu|khởi\s+động)\b|^(?:thực\s+hiện\s+)?từ\s+(?:năm|tháng|quý)\b"));
static YEAR: Lazy<Regex> = Lazy::new(|| re(r"năm\s+([0-9]{4})"));

/// Codes a deadline cell, or `None` when it names no time (`Theo Kế hoạch ...`).
pub(super) fn code(raw: &str, plan_year: Option<i32>) -> Option<Coded> {
    let text = PARENS.replace_all(&raw.to_lowercase(), " ").into_owned();
    let coded: Vec<Coded> = PART_SPLIT
        .split(&text)
        .map(strip_label)
        .filter(|p| !p.is_empty())
        .filter_map(|p| code_part(&p, plan_year))
        .collect();
    let mut first = *coded.first()?;
    // `Báo cáo định kỳ ...; thực hiện hằng năm`: a cadence-less recurrence takes the cadence the cell names later
    if first.kind == "recurring" && first.recurrence.is_none() {
        first.recurrence =
            coded.iter().skip(1).find(|c| c.kind == "recurring" && c.recurrence.is_some()).and_then(|c| c.recurrence);
    }
    Some(first)
}

/// `theo dõi: thường xuyên` is coded as `thường xuyên`.
fn strip_label(part: &str) -> String {
    let part = part.trim().trim_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
    match LABEL.captures(part) {
        Some(c) if !starts_time_word(part) => c[1].trim().to_string(),
        _ => part.to_string(),
    }
}

fn starts_time_word(part: &str) -> bool {
    TIME_WORDS.iter().any(|w| part.starts_with(w))
}

fn code_part(part: &str, plan_year: Option<i32>) -> Option<Coded> {
    if defers(part) {
        return None;
    }
    let alts = split_alternatives(part);
    let coded: Vec<Coded> = alts.iter().filter_map(|a| code_alternative(a, plan_year)).collect();
    let mut pick = coded.iter().find(|c| c.kind == "recurring").or(coded.first()).copied()?;
    if pick.kind == "recurring" {
        pick.span = year_span(part);
    }
    Some(pick)
}

/// `Theo Kế hoạch ...`, `Theo Điều 17 Nghị định ...`: the time is set elsewhere (but `Theo yêu cầu` is an event).
fn defers(part: &str) -> bool {
    part.starts_with("theo ") && !part.starts_with("theo yêu cầu")
}

/// Splits on `hoặc` and on a slash between words (`Định kỳ/đột xuất`), keeping the words.
/// Where alternatives meet: `hoặc` between spaces, or a slash between two letters (`tháng/quý`,
/// the letters with it), left to right without overlaps; what `find_iter` of
/// `\s+hoặc\s+|\p{L}\s*/\s*\p{L}` finds, the slash's letters looked up rather than compiled
/// (the letter class costs a process more to build than every scan of a document).
fn alternative_cuts(part: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let word = OR_WORD.find_at(part, at).map(|m| m.range());
        let slash = slash_between_letters(part, at);
        // a cut by the word starts on a space, one by the slash on a letter: never both at once
        let Some(next) = [word, slash].into_iter().flatten().min_by_key(|r| r.start) else {
            break;
        };
        at = next.end;
        out.push(next);
    }
    out
}

/// The first slash with a letter before it (spaces between) starting at or after `at`, and a
/// letter after it (spaces between): from the letter before to the end of the letter after.
fn slash_between_letters(part: &str, at: usize) -> Option<std::ops::Range<usize>> {
    part.match_indices('/').filter(|&(q, _)| q >= at).find_map(|(q, _)| {
        let before = part[..q].trim_end_matches(classes::is_space);
        let first = before.chars().next_back().filter(|&c| classes::is_letter(c))?;
        let start = before.len() - first.len_utf8();
        let after = part[q + 1..].trim_start_matches(classes::is_space);
        let last = after.chars().next().filter(|&c| classes::is_letter(c))?;
        let end = part.len() - after.len() + last.len_utf8();
        (start >= at).then_some(start..end)
    })
}

fn split_alternatives(part: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut last = 0;
    for m in alternative_cuts(part) {
        let s = &part[m.clone()];
        let (cut_start, cut_end) = match s.find('/') {
            Some(i) if !s.trim().starts_with("hoặc") => {
                let a = m.start + s[..i].trim_end().len();
                (a, m.start + i + 1)
            }
            _ => (m.start, m.end),
        };
        out.push(part[last..cut_start].trim().to_string());
        last = cut_end;
    }
    out.push(part[last..].trim().to_string());
    out.retain(|a| !a.is_empty());
    out
}

fn code_alternative(alt: &str, plan_year: Option<i32>) -> Option<Coded> {
    if let Some(c) = continuous(alt) {
        return Some(c);
    }
    if let Some(c) = periodic(alt) {
        return Some(c);
    }
    if EVENT.is_match(alt) {
        return Some(Coded::new("event"));
    }
    timed(alt, plan_year)
}

/// `Thường xuyên`, `liên tục`; `Thường xuyên khi có thay đổi ...` is triggered by an event.
fn continuous(alt: &str) -> Option<Coded> {
    let word = ["thường xuyên", "liên tục"].iter().find_map(|w| alt.find(w).map(|i| i + w.len()))?;
    if alt[word..].trim_start().starts_with("khi ") {
        return Some(Coded::new("event"));
    }
    Some(Coded { recurrence: Some("continuous"), ..Coded::new("recurring") })
}

/// `Hàng tháng`, `Định kỳ hàng quý`, `06 tháng/ 01 lần`, bare `Định kỳ` (no cadence).
fn periodic(alt: &str) -> Option<Coded> {
    let recurring = |r: Option<&'static str>| Some(Coded { recurrence: r, ..Coded::new("recurring") });
    if let Some(c) = EVERY.captures(alt) {
        return recurring(Some(match &c[1] {
            "ngày" => "daily",
            "tuần" => "weekly",
            "tháng" => "monthly",
            "quý" => "quarterly",
            _ => "yearly",
        }));
    }
    if let Some(c) = EVERY_N_MONTHS.captures(alt) {
        return recurring(match c[1].parse::<u32>().ok()? {
            1 => Some("monthly"),
            3 => Some("quarterly"),
            6 => Some("semiannual"),
            12 => Some("yearly"),
            _ => None,
        });
    }
    if let Some(c) = NEXT_PERIOD.captures(alt) {
        return recurring(Some(match &c[1] {
            "tháng" => "monthly",
            "quý" => "quarterly",
            _ => "yearly",
        }));
    }
    if alt.contains("định kỳ") {
        return recurring(None);
    }
    None
}

/// Dates and periods: a by-date (`Chậm nhất ...`) keeps the end of its first time, a
/// bare day is a `date`, anything else the union of the periods named.
fn timed(alt: &str, plan_year: Option<i32>) -> Option<Coded> {
    let atoms: Vec<(Span, bool)> = ATOM.captures_iter(alt).filter_map(|c| atom(&c, plan_year)).collect();
    let (first, first_is_day) = *atoms.first()?;
    if let Some(m) = BY_DATE.find(alt) {
        if ATOM.find(alt).is_some_and(|a| a.start() >= m.start()) {
            return Some(Coded { span: Some(first), by_date: true, ..Coded::new("date") });
        }
    }
    if atoms.len() == 1 && OPEN_START.is_match(alt.trim()) && !alt.contains("đến") {
        return Some(Coded { span: Some(first), open_end: true, ..Coded::new("period") });
    }
    if atoms.len() == 1 && first_is_day {
        return Some(Coded { span: Some(first), ..Coded::new("date") });
    }
    let span = atoms.iter().map(|a| a.0).reduce(Span::union)?;
    Some(Coded { span: Some(span), ..Coded::new("period") })
}

/// One time expression as a span of days, and whether it is a single day.
fn atom(c: &regex::Captures, plan_year: Option<i32>) -> Option<(Span, bool)> {
    let n = |name: &str| c.name(name).and_then(|g| g.as_str().parse::<u32>().ok());
    let year = |name: &str| n(name).map(|y| y as i32).or(plan_year);
    if let (Some(d), Some(m), Some(y)) = (n("d").or(n("d2")), n("dm").or(n("dm2")), n("dy").or(n("dy2"))) {
        return valid(y as i32, m, d).then(|| (Span::day(y as i32, m, d), true));
    }
    if let (Some(d), Some(m), Some(y)) = (n("d3").or(n("d4")), n("dm3").or(n("dm4")), plan_year) {
        return valid(y, m, d).then(|| (Span::day(y, m, d), true));
    }
    if let Some(h) = c.name("half") {
        let (a, b) = if h.as_str() == "đầu" { (1, 6) } else { (7, 12) };
        return Some((Span::months(year("hy")?, a, b), false));
    }
    if let Some(q) = c.name("q").and_then(|q| quarter_number(q.as_str())) {
        return Some((Span::months(year("qy")?, q * 3 - 2, q * 3), false));
    }
    if let Some(m) = n("m").filter(|m| (1..=12).contains(m)) {
        return Some((Span::months(year("my")?, m, m), false));
    }
    if let (Some(a), Some(b)) = (n("ya"), n("yb")) {
        let (a, b) = (a as i32, b as i32);
        return (a <= b && valid(b, 1, 1)).then(|| (Span::months(a, 1, 12).union(Span::months(b, 1, 12)), false));
    }
    n("y").map(|y| (Span::months(y as i32, 1, 12), false))
}

/// The whole year a recurring deadline is bounded by (`Thường xuyên trong năm 2024`).
fn year_span(part: &str) -> Option<Span> {
    let y: i32 = YEAR.captures(part)?[1].parse().ok()?;
    valid(y, 1, 1).then(|| Span::months(y, 1, 12))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternative_cuts_are_those_of_the_one_pattern() {
        let one = Regex::new(r"\s+hoặc\s+|(?:\p{L})\s*/\s*(?:\p{L})").expect("a test pattern");
        let pieces = ["tháng", "/", " ", "hoặc", "quý", "a", "1", "\u{A0}", "Ⅻ", "ǅ", "\t", "/ ", " hoặc ", "-"];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(9, &pieces, 40_000, 60) {
            let theirs: Vec<_> = one.find_iter(&text).map(|m| m.range()).collect();
            found += theirs.len();
            assert_eq!(alternative_cuts(&text), theirs, "{text:?}");
        }
        assert!(found > 1000, "{found}");
    }
}
