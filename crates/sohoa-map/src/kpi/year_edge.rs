//! A year or span at an edge of an indicator (`Đến năm 2030, ...`, `... trong giai đoạn
//! 2026-2030`): the target's period, not what it measures, scanned off rather than matched
//! by a compiled `(?i)` pattern (which costs a process more to build than every scan).

use once_cell::sync::Lazy;
use sohoa_doc::classes::{is_space, FoldedWords};

use super::numerals::{opens_year, spaces};

/// What may come before a year that opens an indicator, in the pattern's order.
static OPENING_PREFIXES: Lazy<FoldedWords> =
    Lazy::new(|| FoldedWords::new(&["đến hết", "đến", "riêng", "trong", "ngay trong", "hằng"]));
/// What may come before a year that closes an indicator, in the pattern's order.
static CLOSING_PREFIXES: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["đến", "riêng", "trong", "ngay trong"]));
/// The words right before the year.
static PERIODS: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["năm", "giai đoạn"]));
static EVERY_YEAR: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["hằng năm"]));

/// `s` less the years at its edges: what `PATTERN.replace_all(s, "")` gives for the pattern
/// `(?i)^(?:(?:đến\s+hết|đến|riêng|trong|ngay\s+trong|hằng)\s+)?PERIOD[\s,]*|[\s,]*(?:(?:đến|riêng|trong|ngay\s+trong)\s+)?PERIOD$|^hằng\s+năm[\s,]*`,
/// `PERIOD` being `(?:năm|giai\s+đoạn)\s+(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?`.
/// At most two matches: one at the start, then one running to the end.
pub(super) fn strip_year_edges(s: &str) -> String {
    let first = opening(s).or_else(|| closing_from(s, 0).then_some(s.len())).or_else(|| every_year(s));
    let from = first.unwrap_or(0);
    // a closing match ends the text with a year
    let ends_in_year = s.len() >= 4 && s.is_char_boundary(s.len() - 4) && opens_year(&s[s.len() - 4..]);
    if !ends_in_year {
        return s[from..].to_string();
    }
    s[from..closing_start(s, from).unwrap_or(s.len())].to_string()
}

/// The leftmost start at or after `from` of a closing match. From each place of a run of
/// `[\s,]` the match reads the same after the run, so a run is tried once, at its start: the
/// scan stays linear.
fn closing_start(s: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while at < s.len() {
        if closing_from(s, at) {
            return Some(at);
        }
        let run = space_or_comma(&s[at..]);
        at += if run > 0 { run } else { s[at..].chars().next().map_or(1, char::len_utf8) };
    }
    None
}

/// The end of the opening match at 0: a prefix (the first of the list that leads to a year),
/// else none, then the period and `[\s,]*`.
fn opening(s: &str) -> Option<usize> {
    let prefixed = OPENING_PREFIXES.opening(s).find_map(|len| {
        let gap = spaces(&s[len..]);
        (gap > 0).then(|| opening_period(s, len + gap)).flatten()
    });
    prefixed.or_else(|| opening_period(s, 0))
}

/// The end of `PERIOD[\s,]*` at byte `at`, the span's second year taken when one follows.
fn opening_period(s: &str, at: usize) -> Option<usize> {
    let year = period_year(s, at)?;
    let end = second_year(s, year + 4).unwrap_or(year + 4);
    Some(end + space_or_comma(&s[end..]))
}

/// Whether `[\s,]*(?:(?:CLOSING_PREFIXES)\s+)?PERIOD$` matches from byte `at` to the end.
fn closing_from(s: &str, at: usize) -> bool {
    let i = at + space_or_comma(&s[at..]);
    let prefixed = CLOSING_PREFIXES.opening(&s[i..]).any(|len| {
        let gap = spaces(&s[i + len..]);
        gap > 0 && closing_period(s, i + len + gap)
    });
    prefixed || closing_period(s, i)
}

/// Whether `PERIOD$` matches from byte `at`: the span's second year if it ends the text, else
/// the first year ending it.
fn closing_period(s: &str, at: usize) -> bool {
    period_year(s, at).is_some_and(|year| second_year(s, year + 4) == Some(s.len()) || year + 4 == s.len())
}

/// `(?:năm|giai\s+đoạn)\s+` and a year at byte `at`: where the year starts.
fn period_year(s: &str, at: usize) -> Option<usize> {
    PERIODS.opening(&s[at..]).find_map(|len| {
        let gap = spaces(&s[at + len..]);
        let year = at + len + gap;
        (gap > 0 && opens_year(&s[year..])).then_some(year)
    })
}

/// The end of `\s*[-–]\s*` and a year at byte `at`, if they follow.
fn second_year(s: &str, at: usize) -> Option<usize> {
    let i = at + spaces(&s[at..]);
    let dash = s[i..].chars().next().filter(|c| matches!(c, '-' | '–'))?;
    let year = i + dash.len_utf8() + spaces(&s[i + dash.len_utf8()..]);
    opens_year(&s[year..]).then_some(year + 4)
}

/// The end of `^hằng\s+năm[\s,]*`.
fn every_year(s: &str) -> Option<usize> {
    let len = EVERY_YEAR.opening(s).next()?;
    Some(len + space_or_comma(&s[len..]))
}

/// The length of `[\s,]*` opening `s`.
fn space_or_comma(s: &str) -> usize {
    s.len() - s.trim_start_matches(|c| is_space(c) || c == ',').len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn stripping_is_the_pattern_it_replaces() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"(?i)^(?:(?:đến\s+hết|đến|riêng|trong|ngay\s+trong|hằng)\s+)?(?:năm|giai\s+đoạn)\s+(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?[\s,]*|[\s,]*(?:(?:đến|riêng|trong|ngay\s+trong)\s+)?(?:năm|giai\s+đoạn)\s+(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?$|^hằng\s+năm[\s,]*").expect("a test pattern");
        let pieces = [
            "năm 2025",
            "Năm",
            " ",
            "\u{A0}",
            "2030",
            "1999",
            "20",
            " - ",
            "–",
            "-",
            ",",
            "giai đoạn ",
            "GIAI  ĐOẠN",
            "hằng",
            "Hằng năm",
            "đến",
            " hết",
            "ngay",
            " trong",
            "riêng ",
            "x",
            "ữ",
            "2026-2030",
        ];
        let mut changed = 0;
        for text in sohoa_doc::sample::texts(79, &pieces, 120_000, 61) {
            let theirs = one.replace_all(&text, "");
            assert_eq!(strip_year_edges(&text), theirs, "{text:?}");
            changed += usize::from(theirs != text);
        }
        assert!(changed > 10_000, "{changed}");
        assert_eq!(strip_year_edges(""), "");
    }
}
