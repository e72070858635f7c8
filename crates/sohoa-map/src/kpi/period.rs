//! The period a target is for: the year or span its own clause names (`đến năm 2030`, `riêng
//! năm 2025`, `trong giai đoạn 2026-2030`), nearest before the target, else nearest after it,
//! never past a neighbouring target; a baseline (`so với năm 2024`) names none.

use std::ops::Range;

use once_cell::sync::Lazy;
use sohoa_doc::classes::{is_word, FoldedWords};

use super::clause_end::ClauseEnds;
use super::numerals::{opens_year, spaces};
use super::target::Target;
use super::whole_words::WholeWords;
use crate::phrase_end::{PhraseEnd, PhraseEndWords};

/// The words that name a year or span (`giai đoạn 2026-2030`), in the pattern's order.
static SPAN_WORDS: Lazy<WholeWords> = Lazy::new(|| WholeWords::new(&["giai đoạn", "thời kỳ", "năm", "từ năm"]));
/// The words that join a span's years besides a dash, in the pattern's order.
static TO: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["đến năm", "đến"]));

/// A year or span named in a text: what
/// `(?i)\b(?:giai\s+đoạn|thời\s+kỳ|năm|từ\s+năm)\s+((?:19|20)[0-9]{2})(?:\s*(?:[-–]|đến(?:\s+năm)?)\s*((?:19|20)[0-9]{2}))?\b`
/// matches: the match and its two years.
struct Span {
    whole: Range<usize>,
    from: Range<usize>,
    to: Option<Range<usize>>,
}

/// The spans of `text`, left to right, as the pattern's `captures_iter` gives them.
fn spans(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let mut from = 0;
    while let Some(span) = text[from..].char_indices().find_map(|(i, _)| span_at(text, from + i)) {
        from = span.whole.end;
        out.push(span);
    }
    out
}

/// The span starting at byte `at`: the first word of the list after which the years read.
fn span_at(text: &str, at: usize) -> Option<Span> {
    SPAN_WORDS.starting(text, at).find_map(|len| {
        let gap = spaces(&text[at + len..]);
        let year = at + len + gap;
        if gap == 0 || !opens_year(&text[year..]) {
            return None;
        }
        let from = year..year + 4;
        let to = second_years(text, from.end).find(|&y| opens_year(&text[y..]) && ends_word(text, y + 4));
        match to {
            Some(y) => Some(Span { whole: at..y + 4, from, to: Some(y..y + 4) }),
            None => ends_word(text, from.end).then_some(Span { whole: at..from.end, from, to: None }),
        }
    })
}

/// Where a second year may start after the first (`\s*(?:[-–]|đến(?:\s+năm)?)\s*`), in the
/// pattern's order of preference.
fn second_years(text: &str, end: usize) -> impl Iterator<Item = usize> + '_ {
    let at = end + spaces(&text[end..]);
    let rest = &text[at..];
    let dash = rest.chars().next().filter(|c| matches!(c, '-' | '–')).map(char::len_utf8);
    dash.into_iter().chain(TO.opening(rest)).map(move |len| at + len + spaces(&rest[len..]))
}

/// `\b` after a digit: no word character follows.
fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].starts_with(is_word)
}
/// A baseline before a year: what `(?i)(?:so\s+với|như|bằng)\s*$` matches.
static BASELINE: Lazy<PhraseEnd> = Lazy::new(|| {
    PhraseEnd::new(&PhraseEndWords { free: &["so với", "như", "bằng"], after_break: &[], modifiers: &[] })
});
/// What `;|\.(?:\s+\p{Lu}|\s*$)` matches.
const CLAUSE_ENDS: ClauseEnds = ClauseEnds { marks: &[';'], openers: &[] };

/// The years and spans `text` names, with their byte offsets.
fn named_at(text: &str) -> Vec<(usize, String)> {
    spans(text)
        .into_iter()
        .filter(|s| !BASELINE.ends(&text[..s.whole.start]))
        .map(|s| {
            let span = match s.to {
                Some(to) => format!("{}-{}", &text[s.from], &text[to]),
                None => text[s.from].to_string(),
            };
            (s.whole.start, span)
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
    use regex::Regex;

    #[test]
    fn spans_are_the_pattern_they_replace() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"(?i)\b(?:giai\s+đoạn|thời\s+kỳ|năm|từ\s+năm)\s+((?:19|20)[0-9]{2})(?:\s*(?:[-–]|đến(?:\s+năm)?)\s*((?:19|20)[0-9]{2}))?\b").expect("a test pattern");
        let pieces = [
            "giai đoạn 2026",
            "GIAI  ĐOẠN ",
            "năm 2025",
            "Từ năm",
            "thời kỳ",
            "THỜI \u{212A}Ỳ",
            " ",
            "\u{A0}",
            "2025",
            "1999",
            "20",
            "-2030",
            " – 1990",
            " đến 2030",
            " đến năm 2030",
            " Đến Năm",
            "x",
            "_",
            "1",
            "ữ",
            ",",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(61, &pieces, 60_000, 61) {
            let ours: Vec<_> = spans(&text).into_iter().map(|s| (s.whole, s.from, s.to)).collect();
            let theirs: Vec<_> = one
                .captures_iter(&text)
                .filter_map(|c| Some((c.get(0)?.range(), c.get(1)?.range(), c.get(2).map(|m| m.range()))))
                .collect();
            assert_eq!(ours, theirs, "{text:?}");
            found += theirs.iter().filter(|t| t.2.is_some()).count();
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn spans_years_and_baselines() {
        assert_eq!(named("KẾ HOẠCH GIAI ĐOẠN 2021 - 2025 của tỉnh").as_deref(), Some("2021-2025"));
        assert_eq!(named("Các chỉ tiêu cụ thể đến năm 2030").as_deref(), Some("2030"));
        assert_eq!(named("tăng 5% so với năm 2020"), None);
    }

    #[test]
    fn baseline_is_the_pattern_it_replaces() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
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
