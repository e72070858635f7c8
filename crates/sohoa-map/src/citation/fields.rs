//! What follows a mention's number or name: `năm YYYY`, `ngày <date>`, `của <issuer>`, and a
//! title opened by `về`, `hướng dẫn`, `sửa đổi`, `ban hành` ... up to the end of the item.

use std::ops::Range;

use once_cell::sync::Lazy;
use sohoa_doc::classes::is_space;

use super::issuer;
use super::lex::{
    boundaries, comma_gap, lazy_gap, some_spaces, spaces, spaces_before, word_ends, CaseWords, GapEnds, GapRule,
};
use super::stop::title_end;
use crate::deadline::calendar::date_at;

/// The fields read after one anchor.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Fields {
    /// `năm YYYY` written right after the number.
    pub year_word: Option<i32>,
    pub date: Option<(i32, u32, u32)>,
    pub issuer: Option<String>,
    pub title: Option<String>,
    /// Byte offset (in the scanned text) where the mention ends.
    pub end: usize,
}

/// `ngày`, `ban hành`, `của` ... as `(?i)` matches them.
struct Words {
    day: CaseWords,
    issued: CaseWords,
    /// The words that open a title (`về`, `hướng dẫn`, `sửa đổi` ...).
    title: CaseWords,
}

static WORDS: Lazy<Words> = Lazy::new(|| Words {
    day: CaseWords::new(&["ngày"]),
    issued: CaseWords::new(&["ban hành"]),
    title: CaseWords::new(&[
        "về",
        "v/v",
        "hướng dẫn",
        "sửa đổi",
        "bổ sung",
        "ban hành",
        "quy định",
        "phê duyệt",
        "triển khai",
        "thành lập",
        "kiện toàn",
        "công bố",
    ]),
});

/// The start and the gap of the first match of `\s+do\s+(.+?)\s+ban\s+hành\s*$`.
fn issued_by(title: &str) -> Option<(usize, Range<usize>)> {
    let t = title.trim_end_matches(is_space);
    let between = spaces_before(title, t.strip_suffix("hành")?.len())?;
    let ban_start = title[..between.start].strip_suffix("ban")?.len();
    let rule = GapRule { max: usize::MAX, allowed: |c| c != '\n' };
    let ends = GapEnds::new(title, spaces_before(title, ban_start)?, rule);
    // inside a run of spaces the match reads as from the run's start, which did not match
    boundaries(title).filter(|&p| !title[..p].ends_with(is_space)).find_map(|p| {
        let run = some_spaces(&title[p..])?;
        let after = p + run + title[p + run..].strip_prefix("do").map(|_| 2)?;
        Some((p, lazy_gap(title, after, &ends, rule)?))
    })
}

/// `năm YYYY` opening `s`: the year and the byte length read. What
/// `^\s*,?\s*năm\s+((?:19|20)[0-9]{2})\b` matches.
fn year_word_at(s: &str) -> Option<(i32, usize)> {
    let at = comma_gap(s);
    let rest = s[at..].strip_prefix("năm")?;
    let digits_at = s.len() - rest.len() + some_spaces(rest)?;
    let digits = s.get(digits_at..digits_at + 4)?;
    let year_like =
        (digits.starts_with("19") || digits.starts_with("20")) && digits.bytes().all(|b| b.is_ascii_digit());
    let end = digits_at + 4;
    if !year_like || !word_ends(&s[end..]) {
        return None;
    }
    Some((digits.parse().ok()?, end))
}

/// The byte length of `ngày` (or `ban hành ngày`) and the spaces after it, opening `s`. What
/// `(?i)^\s*,?\s*(?:ban\s+hành\s+)?ngày\s*` matches.
fn date_word_end(s: &str) -> Option<usize> {
    let words = &*WORDS;
    let at = comma_gap(s);
    let day_at = |at: usize| words.day.opening(&s[at..]).next().map(|l| at + l + spaces(&s[at + l..]));
    let issued = words.issued.opening(&s[at..]).next().and_then(|l| {
        let r = &s[at + l..];
        day_at(at + l + some_spaces(r)?)
    });
    issued.or_else(|| day_at(at))
}

/// The byte length of `của` and the spaces after it, opening `s`. What
/// `^\s*,?\s*(?:của|củ)\s+` matches.
fn of_end(s: &str) -> Option<usize> {
    let at = comma_gap(s);
    ["của", "củ"].into_iter().find_map(|w| {
        let rest = s[at..].strip_prefix(w)?;
        Some(s.len() - rest.len() + some_spaces(rest)?)
    })
}

/// Where the title opening `s` starts. What group 1 of
/// `(?i)^\s*,?\s*(về|v/v|hướng\s+dẫn|sửa\s+đổi|bổ\s+sung|ban\s+hành|quy\s+định|phê\s+duyệt|triển\s+khai|thành\s+lập|kiện\s+toàn|công\s+bố)\b`
/// starts at.
fn title_start(s: &str) -> Option<usize> {
    let at = comma_gap(s);
    WORDS.title.opens_word(&s[at..]).then_some(at)
}

/// Reads the fields after `text[from..]`: `năm YYYY`, `ngày <date>` and `của <issuer>` in
/// whatever order they come (`của Tỉnh ủy ... ngày 29/12/2025` as well as `ngày ... của ...`),
/// then the title.
pub(super) fn after(text: &str, from: usize) -> Fields {
    let mut f = Fields { end: from, ..Fields::default() };
    while year_word(text, &mut f) || date(text, &mut f) || issuer_of(text, &mut f) {}
    read_title(text, &mut f);
    f
}

fn year_word(text: &str, f: &mut Fields) -> bool {
    let Some((year, len)) = year_word_at(&text[f.end..]).filter(|_| f.year_word.is_none()) else { return false };
    f.year_word = Some(year);
    f.end += len;
    true
}

fn date(text: &str, f: &mut Fields) -> bool {
    let Some(word) = date_word_end(&text[f.end..]).filter(|_| f.date.is_none()) else { return false };
    let Some((day, len)) = date_at(&text[f.end + word..]) else { return false };
    f.date = Some(day);
    f.end += word + len;
    true
}

fn issuer_of(text: &str, f: &mut Fields) -> bool {
    let Some(word) = of_end(&text[f.end..]).filter(|_| f.issuer.is_none()) else { return false };
    let Some((name, len)) = issuer::forward(&text[f.end + word..]) else { return false };
    f.issuer = Some(name);
    f.end += word + len;
    true
}

fn read_title(text: &str, f: &mut Fields) {
    let Some(at) = title_start(&text[f.end..]) else { return };
    let start = f.end + at;
    let first = text[start..].chars().next().map_or(1, char::len_utf8);
    let len = title_end(&text[start + first..]) + first;
    let mut title = text[start..start + len].trim_end_matches([',', ' ', '.']);
    if let Some((start, gap)) = issued_by(title) {
        let gap = &title[gap];
        if let Some((name, n)) = issuer::forward(gap) {
            if n == gap.len() && f.issuer.is_none() {
                f.issuer = Some(name);
            }
            title = &title[..start];
        }
    }
    f.title = Some(title.trim().to_string()).filter(|t| !t.is_empty());
    f.end = start + len;
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    const PIECES: &[&str] = &[
        " ",
        "\u{A0}",
        ",",
        "năm",
        "NĂM",
        "Năm",
        "2024",
        "1999",
        "2",
        "x",
        "_",
        "ngày",
        "NGÀY",
        "ban hành",
        "Ban  Hành",
        "của",
        "củ",
        "CỦA",
        "về",
        "Về",
        "v/v",
        "V/V",
        "hướng dẫn",
        "sửa\tđổi",
        "công bố",
        "\u{301}",
        "\u{17F}",
        "a",
        "ữ",
        "do",
        " ban",
        " hành",
        "\n",
        "\u{212A}",
    ];

    /// `ours` and `theirs` agree on every sample text; `theirs` finds something in many of them.
    fn check_same<T: PartialEq + std::fmt::Debug>(
        ours: impl Fn(&str) -> Option<T>,
        theirs: impl Fn(&str) -> Option<T>,
        seed: u64,
    ) {
        check_same_on(PIECES, ours, theirs, seed);
    }

    fn check_same_on<T: PartialEq + std::fmt::Debug>(
        pieces: &[&str],
        ours: impl Fn(&str) -> Option<T>,
        theirs: impl Fn(&str) -> Option<T>,
        seed: u64,
    ) {
        let mut found = 0;
        for text in sohoa_doc::sample::texts(seed, pieces, 60_000, 61) {
            let want = theirs(&text);
            found += usize::from(want.is_some());
            assert_eq!(ours(&text), want, "{text:?}");
        }
        assert!(found > 200, "{found}");
    }

    fn pattern(p: &str) -> Regex {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        Regex::new(p).expect("a test pattern")
    }

    #[test]
    fn issued_by_is_the_pattern() {
        let one = pattern(r"\s+do\s+(.+?)\s+ban\s+hành\s*$");
        let theirs = |t: &str| one.captures(t).and_then(|c| Some((c.get(0)?.start(), c.get(1)?.range())));
        let pieces = [
            " ",
            "\u{A0}",
            "do",
            " do ",
            "Do",
            "ban",
            " ban",
            " hành",
            "hành",
            "ban hành",
            "\n",
            "x",
            "UBND tỉnh",
            "  ",
        ];
        check_same_on(&pieces, issued_by, theirs, 55);
    }

    #[test]
    fn year_word_is_the_pattern() {
        let one = pattern(r"^\s*,?\s*năm\s+((?:19|20)[0-9]{2})\b");
        let theirs = |t: &str| one.captures(t).and_then(|c| Some((c[1].parse().ok()?, c.get(0)?.end())));
        let pieces =
            [" ", ",", "năm", "NĂM", "2024", "1999", "2", "x", "_", "\u{A0}", "\u{301}", "năm 2025", ", năm 1990 "];
        check_same_on(&pieces, year_word_at, theirs, 51);
    }

    #[test]
    fn date_word_is_the_pattern() {
        let one = pattern(r"(?i)^\s*,?\s*(?:ban\s+hành\s+)?ngày\s*");
        check_same(date_word_end, |t| one.find(t).map(|m| m.end()), 52);
    }

    #[test]
    fn of_is_the_pattern() {
        let one = pattern(r"^\s*,?\s*(?:của|củ)\s+");
        check_same(of_end, |t| one.find(t).map(|m| m.end()), 53);
    }

    #[test]
    fn title_start_is_the_pattern() {
        let one = pattern(
            r"(?i)^\s*,?\s*(về|v/v|hướng\s+dẫn|sửa\s+đổi|bổ\s+sung|ban\s+hành|quy\s+định|phê\s+duyệt|triển\s+khai|thành\s+lập|kiện\s+toàn|công\s+bố)\b",
        );
        check_same(title_start, |t| one.captures(t).and_then(|c| c.get(1)).map(|m| m.start()), 54);
    }

    #[test]
    fn date_issuer_title() {
        let t = " ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa; Nghị định";
        let f = after(t, 0);
        assert_eq!(f.date, Some((2018, 4, 23)));
        assert_eq!(f.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(f.title.as_deref(), Some("về thực hiện cơ chế một cửa"));
        assert_eq!(&t[f.end..], "; Nghị định");
    }

    #[test]
    fn issuer_before_date() {
        let f = after(" của Tỉnh ủy Hà Nam ngày 05/3/2024 về phát triển; Kế hoạch", 0);
        assert_eq!(f.issuer.as_deref(), Some("Tỉnh ủy Hà Nam"));
        assert_eq!(f.date, Some((2024, 3, 5)));
        assert_eq!(f.title.as_deref(), Some("về phát triển"));
    }

    #[test]
    fn year_word_and_do_ban_hanh() {
        let f = after(" năm 2022 về đẩy mạnh cải cách do Chính phủ ban hành: gửi", 0);
        assert_eq!(f.year_word, Some(2022));
        assert_eq!(f.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(f.title.as_deref(), Some("về đẩy mạnh cải cách"));
    }
}
