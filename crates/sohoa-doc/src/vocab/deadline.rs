//! Deadline phrases (`Quý II/2024`, `Thường xuyên trong năm 2024`, `Chậm nhất ngày 15/9/2024`):
//! where a deadline opens, inside a text or at its start. The text reader anchors a dump's
//! deadline column on them and parts two merged cells there; map's deadline coder keeps
//! a part that opens with a [`TIME_WORDS`] word whole (it is no activity label).

use once_cell::sync::Lazy;
use regex::Regex;

use crate::classes::{self, FoldedWords};

/// A cell that starts with a deadline phrase (an optional leading bullet allowed): the pattern
/// [`starts_with_deadline`] answers for, by lookups (compiled, it costs a process more than
/// every lookup of a document).
#[cfg(test)]
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
/// cell written on the same line as the one before it begins. The pattern [`inside`] answers
/// for, by lookups ([`INSIDE_PHRASES`]).
#[cfg(test)]
static INSIDE: Lazy<Regex> = Lazy::new(|| {
    spaced(concat!(
        r"[\s;,.](?P<d>Thường xuyên|Hằng năm|Hàng năm|Hằng quý|Hằng tháng|Định kỳ|Chậm nhất",
        r"|Trước ngày|Trong năm|Trong quý|Trong tháng|Quý [IV]{1,3}\b|Từ ngày|Theo yêu cầu)"
    ))
});

/// The capitalized deadline phrases of [`INSIDE`] but `Quý` and its number, exact case, a space
/// standing for `\s+`.
const INSIDE_PHRASES: &[&str] = &[
    "Thường xuyên",
    "Hằng năm",
    "Hàng năm",
    "Hằng quý",
    "Hằng tháng",
    "Định kỳ",
    "Chậm nhất",
    "Trước ngày",
    "Trong năm",
    "Trong quý",
    "Trong tháng",
    "Từ ngày",
    "Theo yêu cầu",
];

/// Whether `phrase` (exact case, a space for `\s+`) opens `text`; what follows it.
fn after_phrase<'a>(text: &'a str, phrase: &str) -> Option<&'a str> {
    let mut words = phrase.split(' ');
    let first = words.next().unwrap_or_default();
    words.try_fold(text.strip_prefix(first)?, |rest, word| after_spaces(rest)?.strip_prefix(word))
}

/// A capitalized deadline phrase opens `text`: one of [`INSIDE_PHRASES`], or `Quý` and one to
/// three of `I`, `V` ending a word (`Quý IV`).
fn opens_capitalized_deadline(text: &str) -> bool {
    let quarter = after_phrase(text, "Quý").and_then(after_spaces).is_some_and(|r| {
        let roman = r.len() - r.trim_start_matches(['I', 'V']).len();
        (1..=3).contains(&roman) && !r[roman..].starts_with(classes::is_word)
    });
    quarter || INSIDE_PHRASES.iter().any(|p| after_phrase(text, p).is_some())
}

/// Deadline phrases of words only, as `(?i)` matches them (a space stands for `\s+`).
static OPENING_WORDS: Lazy<FoldedWords> = Lazy::new(|| {
    FoldedWords::new(&[
        "thường xuyên",
        "hằng năm",
        "hằng quý",
        "hằng tháng",
        "hằng tuần",
        "hằng ngày",
        "hàng năm",
        "hàng quý",
        "hàng tháng",
        "hàng tuần",
        "định kỳ",
        "chậm nhất",
        "trước ngày",
        "trước tháng",
        "trước năm",
        "trước quý",
        "trong năm",
        "trong quý",
        "trong tháng",
        "trong tuần",
        "từ ngày",
        "từ tháng",
        "từ năm",
        "đến ngày",
        "đến tháng",
        "đến năm",
        "theo yêu cầu",
        "theo kế hoạch",
        "cả năm",
        "hoàn thành trước",
        "hoàn thành trong",
    ])
});
/// Words a number follows in a deadline (`Trước 15/9`, `Tháng 3`, `Từ 2024`, `Ngày 5`).
static BEFORE_NUMBER: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["trước", "tháng", "từ", "đến", "ngày"]));
static YEAR_WORD: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["năm"]));
static QUARTER_WORD: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["quý"]));
static ROMAN_DIGIT: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["i", "v", "x"]));
static MONTHS_PART: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["tháng đầu", "tháng cuối"]));

/// `text` after the spaces that open it, when there is at least one.
fn after_spaces(text: &str) -> Option<&str> {
    Some(text.trim_start_matches(classes::is_space)).filter(|rest| rest.len() < text.len())
}

/// `text` opens with a year of this century or the last (`2024`): `(?:19|20)[0-9][0-9]`.
fn opens_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 4 && matches!(&b[..2], b"19" | b"20") && b[2].is_ascii_digit() && b[3].is_ascii_digit()
}

/// `text` after one or two digits that open it and the `/` after them.
fn after_day_or_month(text: &str) -> Option<&str> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=2).contains(&digits).then(|| text[digits..].strip_prefix('/')).flatten()
}

/// A quarter's number (`I`, `iv`, `3`) opening `text` and ending a word there:
/// `(?i)(?:[ivx]+|[0-9])\b`.
fn opens_quarter_number(text: &str) -> bool {
    let mut rest = text;
    while let Some(len) = ROMAN_DIGIT.opening(rest).next() {
        rest = &rest[len..];
    }
    let roman = rest.len() < text.len() && !rest.starts_with(classes::is_word);
    let digit = text.starts_with(|c: char| c.is_ascii_digit()) && !text[1..].starts_with(classes::is_word);
    roman || digit
}

/// The deadline phrases with a number: what the numbered alternatives of the pattern
/// ([`STARTS`]) match at the start of `text`.
fn opens_numbered(text: &str) -> bool {
    let then_spaces = |words: &FoldedWords, next: &dyn Fn(&str) -> bool| {
        words.opening(text).any(|len| after_spaces(&text[len..]).is_some_and(next))
    };
    let leading_digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    then_spaces(&BEFORE_NUMBER, &|r| r.starts_with(|c: char| c.is_ascii_digit()))
        || then_spaces(&YEAR_WORD, &opens_year)
        || then_spaces(&QUARTER_WORD, &opens_quarter_number)
        || after_day_or_month(text).is_some_and(|r| opens_year(r) || after_day_or_month(r).is_some_and(opens_year))
        || (1..=2).contains(&leading_digits)
            && after_spaces(&text[leading_digits..]).is_some_and(|r| MONTHS_PART.opening(r).next().is_some())
}

/// Words a deadline part opens with (lower case): `Thường xuyên: ...`, `Quý I: ...` are times,
/// while `Theo dõi: thường xuyên` is an activity label before one.
pub const TIME_WORDS: &[&str] = &["thường xuyên", "hàng", "hằng", "định kỳ", "quý", "tháng", "năm", "trước", "chậm"];

/// Compiles a pattern whose literal spaces match any run of white space (a phrase may wrap).
#[cfg(test)]
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
    let text = text.trim_start();
    let body = match text.strip_prefix(['-', '+']) {
        Some(rest) => rest.trim_start_matches(classes::is_space),
        None => text,
    };
    OPENING_WORDS.opening(body).next().is_some() || opens_numbered(body)
}

/// Byte offset inside `text` (never 0) where a capitalized deadline phrase begins.
pub fn inside(text: &str) -> Option<usize> {
    let separator = |c: char| classes::is_space(c) || matches!(c, ';' | ',' | '.');
    let start = text
        .char_indices()
        .filter(|&(_, c)| separator(c))
        .map(|(i, c)| i + c.len_utf8())
        .find(|&at| opens_capitalized_deadline(&text[at..]))?;
    (!text[..start].trim().is_empty()).then_some(start)
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
    fn starts_with_deadline_is_the_pattern() {
        let pieces = [
            "- ",
            "+",
            " ",
            "\u{A0}",
            "Thường xuyên",
            "hằng ",
            "năm",
            "QUÝ",
            " IV",
            "iv",
            "x",
            "3",
            "2024",
            "1999",
            "/",
            "12",
            "tháng",
            " đầu",
            "cuối",
            "trước",
            "Từ",
            "đến",
            "ngày",
            "theo yêu cầu",
            "cả năm",
            "hoàn thành",
            " trong",
            "_",
            "a",
        ];
        let mut found = 0;
        for text in crate::sample::texts(23, &pieces, 60_000, 61) {
            let theirs = STARTS.is_match(text.trim_start());
            assert_eq!(starts_with_deadline(&text), theirs, "{text:?}");
            found += usize::from(theirs);
        }
        assert!(found > 5000, "{found}");
    }

    #[test]
    fn inside_is_the_pattern() {
        let theirs = |text: &str| {
            let m = INSIDE.captures(text)?.name("d")?;
            (!text[..m.start()].trim().is_empty()).then_some(m.start())
        };
        let pieces = [
            " ",
            "\u{A0}",
            ";",
            ",",
            ".",
            "Quý",
            " IV",
            "I",
            "VI",
            "IIII",
            "x",
            "_",
            "Thường",
            " xuyên",
            "Hằng năm",
            "Trước ngày",
            "Theo  yêu cầu",
            "Từ",
            " ngày",
            "UBND",
            "thường xuyên",
            "\n",
        ];
        let mut found = 0;
        for text in crate::sample::texts(29, &pieces, 60_000, 61) {
            assert_eq!(inside(&text), theirs(&text), "{text:?}");
            found += usize::from(theirs(&text).is_some());
        }
        assert!(found > 2000, "{found}");
    }

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
