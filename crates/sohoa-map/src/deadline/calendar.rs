//! Calendar arithmetic and the Vietnamese ways of writing a day, month, quarter or year,
//! shared by deadlines and citations.

use crate::grammar::{digits, Grammar, G, SPACE, SPACES};

/// An inclusive span of days, as `(year, month, day)` triples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Span {
    pub start: (i32, u32, u32),
    pub end: (i32, u32, u32),
}

impl Span {
    pub fn day(y: i32, m: u32, d: u32) -> Span {
        Span { start: (y, m, d), end: (y, m, d) }
    }

    pub fn months(y: i32, first: u32, last: u32) -> Span {
        Span { start: (y, first, 1), end: (y, last, last_day(y, last)) }
    }

    pub fn union(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// `YYYY-MM-DD`.
pub(crate) fn iso((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

pub(crate) fn last_day(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A real calendar day in a plausible range for administrative documents.
pub(crate) fn valid(y: i32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= last_day(y, m)
}

/// `I`..`IV` or `1`..`4` as a quarter number.
pub(crate) fn quarter_number(s: &str) -> Option<u32> {
    match s.to_lowercase().as_str() {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

/// What [`DATE_AT_PATTERN`] matches.
static DATE_AT: Grammar = Grammar::new(
    DATE_AT_PATTERN,
    6,
    &[G::Alt(&[
        G::Seq(&[G::Start, NUMERIC_DATE]),
        G::Seq(&[
            G::Start,
            G::Group(4, &digits(1, 2)),
            SPACE,
            G::Fold("tháng"),
            SPACE,
            G::Group(5, &digits(1, 2)),
            SPACES,
            G::Opt(&G::Lit(",")),
            SPACE,
            G::Fold("năm"),
            SPACE,
            G::Group(6, &digits(4, 4)),
        ]),
    ])],
);
const DATE_AT_PATTERN: &str = r"(?i)^([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})|^([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s*,?\s+năm\s+([0-9]{4})";

/// `([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})`: a numeric date, groups 1 to 3
/// (day, month, year), as [`DATE_AT`] and the deadline phrases' time atom number them.
pub(super) const NUMERIC_DATE: G = G::Seq(&[
    G::Group(1, &digits(1, 2)),
    SPACES,
    G::Rep { class: date_separator, min: 1, max: 1, lazy: false },
    SPACES,
    G::Group(2, &digits(1, 2)),
    SPACES,
    G::Rep { class: date_separator, min: 1, max: 1, lazy: false },
    SPACES,
    G::Group(3, &digits(4, 4)),
]);

/// `[/.-]`
fn date_separator(c: char) -> bool {
    matches!(c, '/' | '.' | '-')
}

/// A day written at the very start of `s` (`23/4/2018`, `06/ 01/2025`, `08 tháng 6 năm 2010`):
/// the day and the byte length it took.
pub(crate) fn date_at(s: &str) -> Option<((i32, u32, u32), usize)> {
    let c = DATE_AT.captures(s)?;
    let (d, m, y) = if c.get(1).is_some() { (1, 2, 3) } else { (4, 5, 6) };
    let num = |i: usize| c.get(i).and_then(|g| g.parse::<u32>().ok());
    let (d, m, y) = (num(d)?, num(m)?, num(y)? as i32);
    valid(y, m, d).then_some(((y, m, d), c.whole().end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_is_its_pattern() {
        let pieces = [
            "23",
            "4",
            "/",
            ".",
            "-",
            " ",
            "2018",
            "tháng",
            "THÁNG",
            "năm",
            "Năm",
            ",",
            "\u{A0}",
            "x",
            "06",
            "0",
            "23/4/2018",
            "08 tháng 6 năm 2010",
        ];
        let found = crate::grammar::check::check_same(&DATE_AT, &pieces, 61);
        assert!(found > 500, "{found}");
    }

    #[test]
    fn long_lines_answer_as_the_pattern_without_overflowing() {
        for text in crate::grammar::check::long_texts(&["1", " ", "1/", "1 tháng ", "23/4/2018"]) {
            crate::grammar::check::check_long(&DATE_AT, text);
        }
    }

    #[test]
    fn reads_both_day_styles() {
        assert_eq!(date_at("23/4/2018 của").map(|x| x.0), Some((2018, 4, 23)));
        assert_eq!(date_at("06/ 01/2025").map(|x| x.0), Some((2025, 1, 6)));
        assert_eq!(date_at("08 tháng 6 năm 2010 của").map(|x| x.0), Some((2010, 6, 8)));
        assert_eq!(date_at("31/2/2020"), None);
    }

    #[test]
    fn leap_years() {
        assert_eq!(last_day(2024, 2), 29);
        assert_eq!(last_day(2023, 2), 28);
        assert_eq!(last_day(2100, 2), 28);
    }
}
