//! Where mentions start: a số ký hiệu (`61/2018/NĐ-CP`, `528 /QĐ-UBND`), a short mention
//! (`Quyết định số 766`), a law by name (`Luật Tổ chức chính quyền địa phương`), or a
//! standard (`ISO 9001: 2015`).

use std::ops::Range;

use once_cell::sync::Lazy;

use super::kind::{kind_word_ending, kind_word_numbers, of_word};
use super::lex::some_spaces;
use super::stop::law_name_end;
use super::symbol::{party_numbers, standard_numbers, symbols};
use crate::gap::GapRegex;
use sohoa_doc::classes;

/// What an anchor names.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Named {
    /// `number/[year/]symbol`.
    Numbered { number: String, year: Option<i32>, symbol: String },
    /// A Party-style number `18-NQ/TW`: `number-symbol`.
    Party { number: String, symbol: String },
    /// A kind word and a bare number: the key comes from elsewhere.
    Short { number: String },
    /// A law keyed by its name.
    Law { name: String },
    /// `ISO 9001:2015`.
    Standard { symbol: String, number: String, year: Option<i32> },
}

/// One mention's start, before its fields are read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Anchor {
    /// Start of the mention: its kind word, or its number when no kind word precedes.
    pub start: usize,
    /// End of the number, name or standard.
    pub core_end: usize,
    /// The kind its own word names.
    pub word_kind: Option<&'static str>,
    /// The byte offset where the text before the mention ends (the kind word's start or the number's).
    pub prefix_end: usize,
    pub named: Named,
}

static LAW_NUMBER_BEFORE: Lazy<GapRegex> =
    Lazy::new(|| GapRegex::new(r"\b(?:Bộ\s+)?Luật\s+(?P<gap>[^;:()]{1,160}?)\s+số\s*$", 160));

/// All anchors of `text`, in order, none inside another (laws swallow the laws in their names).
pub(super) fn find(text: &str) -> Vec<Anchor> {
    let mut all: Vec<Anchor> =
        numbered(text).chain(party(text)).chain(shorts(text)).chain(laws(text)).chain(standards(text)).collect();
    all.sort_by_key(|a| (a.start, std::cmp::Reverse(a.core_end)));
    let mut out: Vec<Anchor> = Vec::new();
    for a in all {
        if out.last().is_none_or(|p| a.start >= p.core_end) {
            out.push(a);
        }
    }
    out
}

/// The last `n` bytes of `text[..end]`, cut on a character boundary.
fn tail(text: &str, end: usize, n: usize) -> (usize, &str) {
    let mut from = end.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    (from, &text[from..end])
}

fn numbered(text: &str) -> impl Iterator<Item = Anchor> + '_ {
    symbols(text).into_iter().filter_map(move |c| {
        if text[..c.whole.start].ends_with(|ch: char| ch.is_ascii_digit() || ch == '/' || ch == '.') {
            return None;
        }
        let symbol: String = text[c.symbol].replace('–', "-").split_whitespace().collect();
        if symbol.chars().count() < 2 {
            return None;
        }
        let (start, word_kind) = kind_before(text, c.whole.start);
        Some(Anchor {
            start,
            core_end: c.whole.end,
            word_kind,
            prefix_end: start,
            named: Named::Numbered {
                number: text[c.number].to_string(),
                year: c.year.and_then(|y| text[y].parse().ok()),
                symbol,
            },
        })
    })
}

/// The kind word right before a number (`Quyết định số`), or a law's name before `số`
/// (`Luật Tổ chức chính quyền địa phương số 77/2015/QH13`): where the mention starts, and its kind.
fn kind_before(text: &str, number_start: usize) -> (usize, Option<&'static str>) {
    let (from, before) = tail(text, number_start, 60);
    if let Some((start, word)) = kind_word_ending(before) {
        return (from + start, of_word(word));
    }
    let (from, before) = tail(text, number_start, 240);
    // the pattern holds the word `Luật`: other texts are not asked
    let law = before.contains("Luật").then(|| LAW_NUMBER_BEFORE.captures(before)).flatten();
    match law.and_then(|c| c.get(0)) {
        Some(m) => (from + m.start(), Some("luat")),
        None => (number_start, None),
    }
}

/// `\b(?:Bộ\s+)?Luật` at `p`: where `Luật` ends.
fn law_word_end(text: &str, p: usize) -> Option<usize> {
    if text[..p].ends_with(classes::is_word) {
        return None;
    }
    let law_at = |at: usize| Some(text.len() - text[at..].strip_prefix("Luật")?.len());
    let after_bo = text[p..].strip_prefix("Bộ").and_then(|rest| Some(text.len() - rest.len() + some_spaces(rest)?));
    after_bo.and_then(law_at).or_else(|| law_at(p))
}

fn party(text: &str) -> impl Iterator<Item = Anchor> + '_ {
    party_numbers(text).into_iter().map(move |c| {
        let (start, word_kind) = kind_before(text, c.whole.start);
        Anchor {
            start,
            core_end: c.whole.end,
            word_kind,
            prefix_end: start,
            named: Named::Party { number: text[c.number].to_string(), symbol: text[c.symbol].to_string() },
        }
    })
}

fn shorts(text: &str) -> impl Iterator<Item = Anchor> + '_ {
    kind_word_numbers(text).into_iter().filter_map(move |c| {
        let whole = c.whole;
        let word = &text[c.word];
        let after = &text[whole.end..];
        if after.trim_start().starts_with('/')
            || after.starts_with(['.', ',']) && after[1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            return None;
        }
        let number = text[c.number].to_string();
        let yearlike = number.len() == 4 && (number.starts_with("19") || number.starts_with("20"));
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if c.number_word.is_none() && (yearlike || !capital) || of_word(word) == Some("luat") {
            return None;
        }
        Some(Anchor {
            start: whole.start,
            core_end: whole.end,
            word_kind: of_word(word),
            prefix_end: whole.start,
            named: Named::Short { number },
        })
    })
}

/// `\b(?:Bộ\s+)?Luật\s+` at `p`: where it ends.
fn law_word_at(text: &str, p: usize) -> Option<usize> {
    let end = law_word_end(text, p)?;
    Some(end + some_spaces(&text[end..])?)
}

/// Every `Luật` (or `Bộ Luật`) and the spaces after it that a letter follows, left to right,
/// each search resuming after the letter (else after the spaces): what
/// `captures_then_letter` of `\b(?:Bộ\s+)?Luật\s+` and a letter finds.
fn law_words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // the pattern holds the word `Luật`: other texts hold none
    if !text.contains("Luật") {
        return out;
    }
    let mut at = 0;
    while let Some((p, end)) = text[at..].char_indices().find_map(|(i, _)| Some((at + i, law_word_at(text, at + i)?))) {
        match text[end..].chars().next().filter(|&c| classes::is_letter(c)) {
            Some(c) => {
                at = end + c.len_utf8();
                out.push(p..end);
            }
            None => at = end,
        }
    }
    out
}

fn laws(text: &str) -> impl Iterator<Item = Anchor> + '_ {
    law_words(text).into_iter().filter_map(move |m| {
        let m_str = &text[m.clone()];
        let rest = &text[m.start..];
        // the name is read from right after the word `Luật`, so that `Luật số 8` has none
        let skip = m_str.find("Luật").map_or(0, |i| i + "Luật".len());
        let end = law_name_end(&rest[skip..]) + skip;
        let name = rest[..end].trim_end_matches([',', ' ', '"']).to_string();
        let numbered = rest[end..].trim_start().starts_with("số");
        if numbered || name.chars().count() > 160 || name.split_whitespace().count() < 2 {
            return None;
        }
        Some(Anchor {
            start: m.start,
            core_end: m.start + name.len(),
            word_kind: Some("luat"),
            prefix_end: m.start,
            named: Named::Law { name },
        })
    })
}

fn standards(text: &str) -> impl Iterator<Item = Anchor> + '_ {
    standard_numbers(text).into_iter().map(|c| {
        let symbol = text[c.body].split_whitespace().collect::<Vec<_>>().join(" ");
        Anchor {
            start: c.whole.start,
            core_end: c.whole.end,
            word_kind: Some("tieu_chuan"),
            prefix_end: c.whole.start,
            named: Named::Standard {
                symbol,
                number: text[c.number].to_string(),
                year: c.year.and_then(|y| text[y].parse().ok()),
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn law_words_are_the_pattern_and_a_letter() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"\b(?:Bộ\s+)?Luật\s+").expect("a test pattern");
        let pieces = ["Bộ", "Luật", " ", "\u{A0}", "x", "Đ", "ữ", "1", "_", "Bộ Luật ", "Luật ", "\u{301}", ",", "Ⅻ"];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(73, &pieces, 40_000, 60) {
            let theirs: Vec<_> = crate::letter_after::captures_then_letter(&one, &text, classes::is_letter)
                .iter()
                .filter_map(|m| Some(m.caps.get(0)?.range()))
                .collect();
            found += theirs.len();
            assert_eq!(law_words(&text), theirs, "{text:?}");
        }
        assert!(found > 5_000, "{found}");
    }

    #[test]
    fn numbered_with_and_without_kind_word() {
        let a = find("theo Quyết định số 528 /QĐ-UBND ngày 06/ 01/2025");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].word_kind, Some("quyet_dinh"));
        assert_eq!(a[0].named, Named::Numbered { number: "528".into(), year: None, symbol: "QĐ-UBND".into() });
        let b = find("số 20/2008/NĐ-CP ngày 14/02/2008");
        assert_eq!(b[0].word_kind, None);
        assert!(find("ngày 23/4/2018").is_empty());
    }

    #[test]
    fn short_law_and_standard() {
        assert_eq!(find("theo Quyết định số 766 trên Cổng")[0].named, Named::Short { number: "766".into() });
        assert!(find("theo kế hoạch 55 lớp; Luật số 8").is_empty());
        let odd = find("Nghị quyết số 57/NQ/TW, Nghị quyết 19/NQ- HĐND ngày");
        let symbols: Vec<_> = odd.iter().map(|a| a.named.clone()).collect();
        assert_eq!(
            symbols,
            [
                Named::Numbered { number: "57".into(), year: None, symbol: "NQ/TW".into() },
                Named::Numbered { number: "19".into(), year: None, symbol: "NQ-HĐND".into() },
            ]
        );
        let law = find("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;");
        assert_eq!(law[0].named, Named::Law { name: "Luật Tổ chức chính quyền địa phương".into() });
        let text = "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19/6/2015;";
        let law = find(text);
        assert_eq!((law.len(), law[0].word_kind, Some(law[0].start)), (1, Some("luat"), text.find("Luật")));
        let named = find("theo quy định của Luật Phòng, chống tệ nạn và các văn bản hướng dẫn");
        assert_eq!(named[0].named, Named::Law { name: "Luật Phòng, chống tệ nạn".into() });
        let lower = find("theo Luật bảo vệ rừng.");
        assert_eq!(lower[0].named, Named::Law { name: "Luật bảo vệ rừng".into() });
        let party = find("Nghị quyết số 18-NQ/TW ngày 25/10/2017");
        assert_eq!(party[0].named, Named::Party { number: "18".into(), symbol: "NQ/TW".into() });
        let iso = find("tiêu chuẩn quốc gia ISO 9001: 2015 vào");
        assert_eq!(iso[0].named, Named::Standard { symbol: "ISO".into(), number: "9001".into(), year: Some(2015) });
    }
}
