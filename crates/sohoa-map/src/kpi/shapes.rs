//! The shapes a target is written in, found by scanning rather than by the patterns they
//! replace (each named beside its finder and compared with it in the tests): a share (`100%`,
//! `8%/năm`), a dashed range (`50-60%`), a bounded count (`tối thiểu 05 chuyên mục`) and a
//! number before a word (`05 Khu công nghiệp`).

use std::ops::Range;

use once_cell::sync::Lazy;
use sohoa_doc::classes::FoldedWords;

use super::numerals::{number_len, spaces};
use super::whole_words::WholeWords;

/// A share: what `([0-9]+(?:[.,][0-9]+)*)\s*%(/(?:năm|tháng|quý|tuần))?` matches.
pub(super) struct Share {
    pub num: Range<usize>,
    /// The rate with its slash (`/năm`).
    pub rate: Option<Range<usize>>,
    pub end: usize,
}

/// A dashed range: what `(NUM)\s*%?\s*[-–]\s*(NUM)\s*%` matches.
pub(super) struct DashRange {
    pub first: Range<usize>,
    pub second: Range<usize>,
    pub end: usize,
}

/// A bound, its number and the first letter after them: what
/// `(?i)\b(BOUNDS)(?:\s+(?:là|đạt|mức))?\s+(NUM)\s+` and a letter match.
pub(super) struct Bounded {
    pub bound: Range<usize>,
    pub num: Range<usize>,
    pub letter: Range<usize>,
}

/// A number and the first letter of the word after it: what `(NUM)\s+` and a letter match.
pub(super) struct NumberWord {
    pub num: Range<usize>,
    pub letter: Range<usize>,
}

/// `từ` as `(?i)\btừ` reads it.
static FROM: Lazy<WholeWords> = Lazy::new(|| WholeWords::new(&["từ"]));

/// The bounds before a count, in the pattern's order.
static BOUNDS: Lazy<WholeWords> =
    Lazy::new(|| WholeWords::new(&["tối thiểu", "ít nhất", "không dưới", "tối đa", "không quá", "không vượt quá"]));
/// The one word that may follow a bound (`tối thiểu là`).
static BOUND_MODIFIERS: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["là", "đạt", "mức"]));
const RATES: [&str; 4] = ["/năm", "/tháng", "/quý", "/tuần"];

/// The successive non-overlapping finds of `at` (a find at a byte and where it ends), leftmost first.
fn scan<T>(text: &str, at: impl Fn(&str, usize) -> Option<(T, usize)>) -> Vec<T> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((found, end)) = text[from..].char_indices().find_map(|(i, _)| at(text, from + i)) {
        out.push(found);
        from = end;
    }
    out
}

/// [`scan`] for shapes that open with a number, what follows it deciding the rest: only the
/// places of ASCII digits are tried, and where one fails the rest of its number is skipped
/// (a number read from any of its digits ends at the same place), so the scan stays linear.
fn scan_digits<T>(text: &str, at: impl Fn(&str, usize) -> Option<(T, usize)>) -> Vec<T> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !text.as_bytes()[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        match at(text, i) {
            Some((found, end)) => {
                out.push(found);
                i = end;
            }
            None => i += number_len(&text[i..]),
        }
    }
    out
}

/// The number opening byte `at`, when one does.
fn number_at(text: &str, at: usize) -> Option<Range<usize>> {
    let len = number_len(&text[at..]);
    (len > 0).then_some(at..at + len)
}

/// Whether `text` holds an ASCII digit, as every shape does.
fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// The shares of `text`, left to right.
pub(super) fn shares(text: &str) -> Vec<Share> {
    if !text.contains('%') {
        return Vec::new();
    }
    scan_digits(text, |text, at| {
        let num = number_at(text, at)?;
        let percent = num.end + spaces(&text[num.end..]);
        let after = percent + text[percent..].strip_prefix('%').map(|_| 1)?;
        let rate = RATES.iter().find(|r| text[after..].starts_with(**r)).map(|r| after..after + r.len());
        let end = rate.as_ref().map_or(after, |r| r.end);
        Some((Share { num, rate, end }, end))
    })
}

/// The dashed ranges of `text`, left to right.
pub(super) fn dash_ranges(text: &str) -> Vec<DashRange> {
    if !text.contains('%') {
        return Vec::new();
    }
    scan_digits(text, |text, at| {
        let first = number_at(text, at)?;
        let mut i = first.end + spaces(&text[first.end..]);
        i += usize::from(text[i..].starts_with('%'));
        i += spaces(&text[i..]);
        let dash = text[i..].chars().next().filter(|c| matches!(c, '-' | '–'))?;
        i += dash.len_utf8();
        i += spaces(&text[i..]);
        let second = number_at(text, i)?;
        let percent = second.end + spaces(&text[second.end..]);
        let end = percent + text[percent..].strip_prefix('%').map(|_| 1)?;
        Some((DashRange { first, second, end }, end))
    })
}

/// The bounded counts of `text` whose number a character `letter` accepts follows, left to right.
pub(super) fn bounded_counts(text: &str, letter: impl Fn(char) -> bool) -> Vec<Bounded> {
    if !has_digit(text) {
        return Vec::new();
    }
    scan(text, |text, at| {
        BOUNDS.starting(text, at).find_map(|len| {
            let bound = at..at + len;
            let gap = spaces(&text[bound.end..]);
            let modified = (gap > 0)
                .then(|| BOUND_MODIFIERS.opening(&text[bound.end + gap..]).next())
                .flatten()
                .map(|m| bound.end + gap + m);
            modified.into_iter().chain([bound.end]).find_map(|from| {
                let (num, letter) = spaced_number_word(text, from, &letter)?;
                let end = letter.end;
                Some((Bounded { bound: bound.clone(), num, letter }, end))
            })
        })
    })
}

/// Whether `(?i)\btừ\s+[0-9]` matches in `text`, as every range opened by `từ` must.
pub(super) fn may_open_range(text: &str) -> bool {
    let digit_after = |at: usize| {
        let gap = spaces(&text[at..]);
        gap > 0 && text[at + gap..].starts_with(|c: char| c.is_ascii_digit())
    };
    has_digit(text) && text.char_indices().any(|(at, _)| FROM.starting(text, at).any(|len| digit_after(at + len)))
}

/// The numbers of `text` followed by spaces and a character `letter` accepts, left to right.
pub(super) fn number_words(text: &str, letter: impl Fn(char) -> bool) -> Vec<NumberWord> {
    if !has_digit(text) {
        return Vec::new();
    }
    scan_digits(text, |text, at| {
        let num = number_at(text, at)?;
        let letter = letter_after_spaces(text, num.end, &letter)?;
        let end = letter.end;
        Some((NumberWord { num, letter }, end))
    })
}

/// `\s+(NUM)\s+` and a letter from byte `from`: the number and the letter.
fn spaced_number_word(text: &str, from: usize, letter: &impl Fn(char) -> bool) -> Option<(Range<usize>, Range<usize>)> {
    let gap = spaces(&text[from..]);
    let num = (gap > 0).then(|| number_at(text, from + gap)).flatten()?;
    let letter = letter_after_spaces(text, num.end, letter)?;
    Some((num, letter))
}

/// `\s+` and a letter from byte `from`: the letter.
fn letter_after_spaces(text: &str, from: usize, letter: &impl Fn(char) -> bool) -> Option<Range<usize>> {
    let gap = spaces(&text[from..]);
    let at = from + gap;
    let c = text[at..].chars().next().filter(|&c| gap > 0 && letter(c))?;
    Some(at..at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use sohoa_doc::classes::is_letter;

    const NUM: &str = r"[0-9]+(?:[.,][0-9]+)*";

    fn pattern(p: &str) -> Regex {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        Regex::new(p).expect("a test pattern")
    }

    fn range(m: Option<regex::Match>) -> Option<Range<usize>> {
        m.map(|m| m.range())
    }

    #[test]
    fn shares_and_dashed_ranges_are_the_patterns() {
        let share = pattern(&format!(r"({NUM})\s*%(/(?:năm|tháng|quý|tuần))?"));
        let dash = pattern(&format!(r"({NUM})\s*%?\s*[-–]\s*({NUM})\s*%"));
        let pieces = [
            "1", "20", ".", ",", "5", " ", "\u{A0}", "%", "/năm", "/Năm", "/tuần", "/", "-", "–", "x", "ữ", "%/quý",
            "50-60%", "5 % - 6", "1,5–2",
        ];
        let (mut shared, mut dashed) = (0, 0);
        for text in sohoa_doc::sample::texts(67, &pieces, 60_000, 61) {
            let ours: Vec<_> = shares(&text).into_iter().map(|s| (Some(s.num), s.rate, s.end)).collect();
            let theirs: Vec<_> = share
                .captures_iter(&text)
                .map(|c| (range(c.get(1)), range(c.get(2)), c.get(0).map_or(0, |m| m.end())))
                .collect();
            assert_eq!(ours, theirs, "{text:?}");
            shared += theirs.iter().filter(|t| t.1.is_some()).count();
            let ours: Vec<_> = dash_ranges(&text).into_iter().map(|d| (Some(d.first), Some(d.second), d.end)).collect();
            let theirs: Vec<_> = dash
                .captures_iter(&text)
                .map(|c| (range(c.get(1)), range(c.get(2)), c.get(0).map_or(0, |m| m.end())))
                .collect();
            assert_eq!(ours, theirs, "{text:?}");
            dashed += theirs.len();
        }
        assert!(shared > 1_000 && dashed > 500, "{shared} {dashed}");
    }

    #[test]
    fn ranges_open_where_the_pattern_says() {
        let one = pattern(r"(?i)\btừ\s+[0-9]");
        let pieces = ["từ", "TỪ", "Từ", " ", "\u{A0}", "5", "x", "_", "ữ", "-"];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(73, &pieces, 30_000, 61) {
            assert_eq!(may_open_range(&text), one.is_match(&text), "{text:?}");
            found += usize::from(one.is_match(&text));
        }
        assert!(found > 150, "{found}");
    }

    #[test]
    fn counts_are_the_patterns() {
        let letter_ci = |c: char| is_letter(c) || c == '\u{345}';
        let bounded = pattern(&format!(
            r"(?i)\b(tối\s+thiểu|ít\s+nhất|không\s+dưới|tối\s+đa|không\s+quá|không\s+vượt\s+quá)(?:\s+(?:là|đạt|mức))?\s+({NUM})\s+((?-i:[\p{{L}}\x{{345}}]))"
        ));
        let bare = pattern(&format!(r"({NUM})\s+(\p{{L}})"));
        let pieces = [
            "tối",
            " thiểu",
            "Tối Đa",
            "không",
            " vượt",
            " quá",
            "ÍT NHẤT",
            " là",
            " mức",
            "mức",
            " ",
            "\u{A0}",
            "12",
            "3,5",
            ".",
            "x",
            "ữ",
            "\u{345}",
            "Ⅻ",
            "_",
            "đơn vị",
            "tối thiểu 5 x",
            "không quá là 12 ",
            "ít nhất\u{A0}3 ",
        ];
        let (mut bounds, mut bares) = (0, 0);
        for text in sohoa_doc::sample::texts(71, &pieces, 60_000, 61) {
            let ours: Vec<_> = bounded_counts(&text, letter_ci)
                .into_iter()
                .map(|b| (Some(b.bound), Some(b.num), Some(b.letter)))
                .collect();
            let theirs: Vec<_> =
                bounded.captures_iter(&text).map(|c| (range(c.get(1)), range(c.get(2)), range(c.get(3)))).collect();
            assert_eq!(ours, theirs, "{text:?}");
            bounds += theirs.len();
            let ours: Vec<_> =
                number_words(&text, is_letter).into_iter().map(|n| (Some(n.num), Some(n.letter))).collect();
            let theirs: Vec<_> = bare.captures_iter(&text).map(|c| (range(c.get(1)), range(c.get(2)))).collect();
            assert_eq!(ours, theirs, "{text:?}");
            bares += theirs.len();
        }
        assert!(bounds > 500 && bares > 5_000, "{bounds} {bares}");
    }
}
