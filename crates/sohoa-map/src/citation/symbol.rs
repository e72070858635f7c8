//! Số ký hiệu (`61/2018/NĐ-CP`, `528 /QĐ-UBND`, `19/NQ- HĐND`) found by a hand-written scan:
//! what `captures_iter` of
//! `([0-9]{1,5})\s*/\s*(?:((?:19|20)[0-9]{2})\s*/\s*)?([A-ZĐ][A-Za-zĐđ0-9&]*(?:(?:[-–]\s?|/)[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*)`
//! finds (the pattern costs a process about a tenth of a millisecond to build).

use std::ops::Range;

use sohoa_doc::classes::{is_space, is_word};

use super::lex::{some_spaces, spaces};

/// One số ký hiệu: the spans of the whole, the number, the year and the symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SymbolMatch {
    pub whole: Range<usize>,
    pub number: Range<usize>,
    pub year: Option<Range<usize>>,
    pub symbol: Range<usize>,
}

/// `[A-ZĐ]`.
fn opens_code(c: char) -> bool {
    c.is_ascii_uppercase() || c == 'Đ'
}

/// `[A-ZĐ0-9]`.
fn opens_part(c: char) -> bool {
    opens_code(c) || c.is_ascii_digit()
}

/// `[A-Za-zĐđ0-9&]`.
fn goes_on(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ' | '&')
}

/// Every số ký hiệu of `text`, left to right, none overlapping.
pub(super) fn symbols(text: &str) -> Vec<SymbolMatch> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(m) = text[at..].char_indices().find_map(|(i, _)| symbol_at(text, at + i)) {
        at = m.whole.end;
        out.push(m);
    }
    out
}

/// The số ký hiệu starting at `p`: every digit of a run of at most five, `/`, a year and `/`
/// when written, and a symbol (the year's path tried first, as the pattern does).
fn symbol_at(text: &str, p: usize) -> Option<SymbolMatch> {
    // six digits are enough to tell a run too long (counting on would make the scan quadratic)
    let digits = text[p..].bytes().take(6).take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&digits) {
        return None;
    }
    let number = p..p + digits;
    let after_number = slash(text, number.end)?;
    let with_year = year(text, after_number).and_then(|(y, after_year)| Some((Some(y), code(text, after_year)?)));
    let (year, symbol) = match with_year {
        Some(found) => found,
        None => (None, code(text, after_number)?),
    };
    Some(SymbolMatch { whole: p..symbol.end, number, year, symbol })
}

/// `\s*/\s*` at `at`: where it ends.
fn slash(text: &str, at: usize) -> Option<usize> {
    let at = at + spaces(&text[at..]);
    let at = at + text[at..].strip_prefix('/').map(|_| 1)?;
    Some(at + spaces(&text[at..]))
}

/// `((?:19|20)[0-9]{2})\s*/\s*` at `at`: the year and where the part ends.
fn year(text: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let y = text.get(at..at + 4)?;
    let fits = (y.starts_with("19") || y.starts_with("20")) && y.bytes().all(|b| b.is_ascii_digit());
    fits.then_some(())?;
    Some((at..at + 4, slash(text, at + 4)?))
}

/// `[A-ZĐ][A-Za-zĐđ0-9&]*(?:(?:[-–]\s?|/)[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*` at `at`, every
/// repetition as long as it goes (nothing follows it in the pattern).
fn code(text: &str, at: usize) -> Option<Range<usize>> {
    let first = text[at..].chars().next().filter(|&c| opens_code(c))?;
    let mut end = run_end(text, at + first.len_utf8());
    while let Some(next) = next_part(text, end) {
        end = run_end(text, next);
    }
    Some(at..end)
}

fn run_end(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start_matches(goes_on).len()
}

/// `(?:[-–]\s?|/)[A-ZĐ0-9]` at `at`: where the part's first character ends (one space after
/// a dash taken when a part's character follows it).
fn next_part(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let sep = rest.chars().next().filter(|&c| matches!(c, '-' | '–' | '/'))?;
    let after = at + sep.len_utf8();
    let opens_at = |i: usize| text[i..].chars().next().filter(|&c| opens_part(c)).map(|c| i + c.len_utf8());
    if sep != '/' {
        if let Some(space) = text[after..].chars().next().filter(|&c| is_space(c)) {
            if let Some(end) = opens_at(after + space.len_utf8()) {
                return Some(end);
            }
        }
    }
    opens_at(after)
}

/// A Party-style số ký hiệu (`18-NQ/TW`): the spans of the whole, the number and the symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PartyMatch {
    pub whole: Range<usize>,
    pub number: Range<usize>,
    pub symbol: Range<usize>,
}

/// Every Party-style số ký hiệu of `text`, left to right, none overlapping: what
/// `captures_iter` of `\b([0-9]{1,5})-([A-ZĐ]{2,5}/[A-ZĐ][A-Za-zĐđ0-9]*)` finds.
pub(super) fn party_numbers(text: &str) -> Vec<PartyMatch> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(m) = text[at..].char_indices().find_map(|(i, _)| party_at(text, at + i)) {
        at = m.whole.end;
        out.push(m);
    }
    out
}

/// The Party-style số ký hiệu starting at `p`: a word's start, every digit of a run of at most
/// five, `-`, every capital of a run of two to five, `/`, a capital and what goes on.
fn party_at(text: &str, p: usize) -> Option<PartyMatch> {
    if text[..p].ends_with(is_word) {
        return None;
    }
    let digits = text[p..].bytes().take(6).take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&digits) {
        return None;
    }
    let number = p..p + digits;
    let code_at = number.end + text[number.end..].strip_prefix('-').map(|_| 1)?;
    let capitals: usize = text[code_at..].chars().take_while(|&c| opens_code(c)).take(6).map(char::len_utf8).sum();
    let count = text[code_at..code_at + capitals].chars().count();
    if !(2..=5).contains(&count) {
        return None;
    }
    let slash = code_at + capitals;
    let after = slash + text[slash..].strip_prefix('/').map(|_| 1)?;
    let first = text[after..].chars().next().filter(|&c| opens_code(c))?;
    let rest = &text[after + first.len_utf8()..];
    let end = text.len() - rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ')).len();
    Some(PartyMatch { whole: p..end, number, symbol: code_at..end })
}

/// A standard's number (`TCVN ISO 9001:2015`): the spans of the whole, the body, the number
/// and the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StandardMatch {
    pub whole: Range<usize>,
    pub body: Range<usize>,
    pub number: Range<usize>,
    pub year: Option<Range<usize>>,
}

/// Every standard's number of `text`, left to right, none overlapping: what `captures_iter`
/// of `\b(TCVN\s+ISO|ISO|TCVN)\s*([0-9]{3,5})(?:\s*:\s*((?:19|20)[0-9]{2}))?` finds.
pub(super) fn standard_numbers(text: &str) -> Vec<StandardMatch> {
    let mut out = Vec::new();
    if !text.contains("ISO") && !text.contains("TCVN") {
        return out;
    }
    let mut at = 0;
    while let Some(m) = text[at..].char_indices().find_map(|(i, _)| standard_at(text, at + i)) {
        at = m.whole.end;
        out.push(m);
    }
    out
}

/// The standard's number starting at `p`: the first body (in the pattern's order) that three
/// to five digits follow, and a year after `:` when written.
fn standard_at(text: &str, p: usize) -> Option<StandardMatch> {
    if text[..p].ends_with(is_word) {
        return None;
    }
    let rest = &text[p..];
    let joint = rest.strip_prefix("TCVN").and_then(|r| {
        let n = some_spaces(r)?;
        r[n..].strip_prefix("ISO").map(|_| p + 4 + n + 3)
    });
    let single = |body: &str| rest.starts_with(body).then_some(p + body.len());
    [joint, single("ISO"), single("TCVN")].into_iter().flatten().find_map(|body_end| {
        let digits_at = body_end + spaces(&text[body_end..]);
        let digits = text[digits_at..].bytes().take(5).take_while(u8::is_ascii_digit).count();
        (digits >= 3).then_some(())?;
        let number = digits_at..digits_at + digits;
        let year = standard_year(text, number.end);
        let end = year.as_ref().map_or(number.end, |y| y.end);
        Some(StandardMatch { whole: p..end, body: p..body_end, number, year })
    })
}

/// `\s*:\s*((?:19|20)[0-9]{2})` at `at`: the year.
fn standard_year(text: &str, at: usize) -> Option<Range<usize>> {
    let colon = at + spaces(&text[at..]);
    let after = colon + text[colon..].strip_prefix(':').map(|_| 1)?;
    let y = after + spaces(&text[after..]);
    let year = text.get(y..y + 4)?;
    let fits = (year.starts_with("19") || year.starts_with("20")) && year.bytes().all(|b| b.is_ascii_digit());
    fits.then_some(y..y + 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn party_numbers_are_the_pattern() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"\b([0-9]{1,5})-([A-ZĐ]{2,5}/[A-ZĐ][A-Za-zĐđ0-9]*)").expect("a test pattern");
        let pieces = [
            "18", "123456", "-", "NQ", "Đ", "ĐA", "TUVWXY", "/", "TW", "đ", "x", " ", "\u{A0}", "_", "ữ", "18-NQ/TW",
            "5", "/T", "\u{301}",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(93, &pieces, 100_000, 60) {
            let theirs: Vec<PartyMatch> = one
                .captures_iter(&text)
                .filter_map(|c| {
                    Some(PartyMatch { whole: c.get(0)?.range(), number: c.get(1)?.range(), symbol: c.get(2)?.range() })
                })
                .collect();
            found += theirs.len();
            assert_eq!(party_numbers(&text), theirs, "{text:?}");
        }
        assert!(found > 5_000, "{found}");
    }

    #[test]
    fn standard_numbers_are_the_pattern() {
        let one = Regex::new(r"\b(TCVN\s+ISO|ISO|TCVN)\s*([0-9]{3,5})(?:\s*:\s*((?:19|20)[0-9]{2}))?")
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            .expect("a test pattern");
        let pieces = [
            "TCVN",
            "ISO",
            " ",
            "\u{A0}",
            "9001",
            "12",
            "123456",
            ":",
            " : ",
            "2015",
            "1999",
            "20",
            "x",
            "_",
            "ữ",
            "TCVN ISO 9001:2015",
            "\u{301}",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(95, &pieces, 100_000, 60) {
            let theirs: Vec<StandardMatch> = one
                .captures_iter(&text)
                .filter_map(|c| {
                    Some(StandardMatch {
                        whole: c.get(0)?.range(),
                        body: c.get(1)?.range(),
                        number: c.get(2)?.range(),
                        year: c.get(3).map(|m| m.range()),
                    })
                })
                .collect();
            found += theirs.len();
            assert_eq!(standard_numbers(&text), theirs, "{text:?}");
        }
        assert!(found > 5_000, "{found}");
    }

    #[test]
    fn symbols_are_the_pattern() {
        let one = Regex::new(
            r"([0-9]{1,5})\s*/\s*(?:((?:19|20)[0-9]{2})\s*/\s*)?([A-ZĐ][A-Za-zĐđ0-9&]*(?:(?:[-–]\s?|/)[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*)",
        )
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        .expect("a test pattern");
        let pieces = [
            "12", "123456", "5", "/", " / ", " ", "\u{A0}", "2024", "1999", "2", "QĐ", "-", "–", "UBND", "&", "đ", "Đ",
            "x", "a", "NĐ-CP", "- ", "/TW", "\u{301}", ".", "Ǆ",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(91, &pieces, 100_000, 60) {
            let theirs: Vec<SymbolMatch> = one
                .captures_iter(&text)
                .filter_map(|c| {
                    Some(SymbolMatch {
                        whole: c.get(0)?.range(),
                        number: c.get(1)?.range(),
                        year: c.get(2).map(|m| m.range()),
                        symbol: c.get(3)?.range(),
                    })
                })
                .collect();
            found += theirs.len();
            assert_eq!(symbols(&text), theirs, "{text:?}");
        }
        assert!(found > 5_000, "{found}");
    }
}
