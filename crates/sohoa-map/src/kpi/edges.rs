//! The words an indicator loses at its edges: a list mark, a number or a commitment verb that
//! opens it (`- `, `2.1. `, `a) `, `Tiếp tục`, `100% `), a comparator word that closes it (`đạt
//! tỷ lệ tối thiểu`), scanned rather than compiled: the `(?i)` word patterns cost a process
//! more to build than every scan of a document.

use once_cell::sync::Lazy;
use sohoa_doc::classes::{is_space, is_word, FoldedWords};

use super::numerals::{digits, spaces};

/// Verbs and links that open a commitment (`Tiếp tục`, `Phấn đấu`, `và`), in the pattern's order.
static LEAD_WORDS: Lazy<FoldedWords> = Lazy::new(|| {
    FoldedWords::new(&[
        "tiếp tục",
        "duy trì",
        "đảm bảo",
        "bảo đảm",
        "phấn đấu",
        "phát động",
        "thực hiện",
        "trong đó",
        "cụ thể",
        "đồng thời",
        "đẩy mạnh",
        "tăng cường",
        "nâng cao",
        "tăng",
        "và",
        "đạt",
        "mục tiêu",
    ])
});

/// Comparator and link words that close the words before a target (`tối thiểu`, `đạt`, `từ`).
static TRAIL_WORDS: Lazy<FoldedWords> = Lazy::new(|| {
    FoldedWords::new(&[
        "tối thiểu",
        "ít nhất",
        "tối đa",
        "không quá",
        "không dưới",
        "không vượt quá",
        "trên",
        "dưới",
        "đạt",
        "là",
        "lên mức",
        "mức",
        "lên",
        "tỷ lệ",
        "chỉ tiêu",
        "đảm bảo",
        "bảo đảm",
        "mục tiêu",
        "từ",
        "còn",
        "khoảng",
    ])
});

/// The length of what opens `s` and goes: what the pattern
/// `(?i)^(?:[-+•*]\s*|[0-9]+(?:\.[0-9]+)*\.?\s+|[a-zđ]\)\s+|(?:LEAD_WORDS)\b[\s,:]*|[0-9]+(?:[.,][0-9]+)?\s*%\s*)`
/// matches, its alternatives tried in that order.
pub(super) fn lead_len(s: &str) -> Option<usize> {
    bullet(s).or_else(|| numbering(s)).or_else(|| letter_item(s)).or_else(|| lead_word(s)).or_else(|| share(s))
}

/// `[-+•*]\s*`
fn bullet(s: &str) -> Option<usize> {
    let c = s.chars().next().filter(|c| matches!(c, '-' | '+' | '•' | '*'))?;
    Some(c.len_utf8() + spaces(&s[c.len_utf8()..]))
}

/// `[0-9]+(?:\.[0-9]+)*\.?\s+`: digits and dots end where a digit does not follow a dot, so
/// the greedy reading is the only one.
fn numbering(s: &str) -> Option<usize> {
    let mut i = digits(s);
    if i == 0 {
        return None;
    }
    while s[i..].starts_with('.') && digits(&s[i + 1..]) > 0 {
        i += 1 + digits(&s[i + 1..]);
    }
    if s[i..].starts_with('.') {
        i += 1;
    }
    let sp = spaces(&s[i..]);
    (sp > 0).then_some(i + sp)
}

/// `(?i)[a-zđ]\)\s+`
fn letter_item(s: &str) -> Option<usize> {
    let c = s.chars().next().filter(|&c| item_letter(c))?;
    let at = c.len_utf8();
    let sp = spaces(s[at..].strip_prefix(')')?);
    (sp > 0).then_some(at + 1 + sp)
}

/// What `(?i)[a-zđ]` matches: case folding joins the Kelvin sign to `k` and the long s to `s`.
fn item_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'đ' | 'Đ' | '\u{212A}' | '\u{17F}')
}

/// `(?i)(?:LEAD_WORDS)\b[\s,:]*`: the first word of the list that ends a word there.
fn lead_word(s: &str) -> Option<usize> {
    let len = LEAD_WORDS.opening(s).find(|&len| !s[len..].starts_with(is_word))?;
    Some(len + s[len..].len() - s[len..].trim_start_matches(|c| is_space(c) || c == ',' || c == ':').len())
}

/// `[0-9]+(?:[.,][0-9]+)?\s*%\s*`
fn share(s: &str) -> Option<usize> {
    let mut i = digits(s);
    if i == 0 {
        return None;
    }
    if s[i..].starts_with(['.', ',']) && digits(&s[i + 1..]) > 0 {
        i += 1 + digits(&s[i + 1..]);
    }
    i += spaces(&s[i..]);
    i += s[i..].strip_prefix('%').map(|_| 1)?;
    Some(i + spaces(&s[i..]))
}

/// Where what closes `s` starts: the start of the leftmost match of the pattern
/// `(?i)(?:\b(?:TRAIL_WORDS)|[\s,(])\s*$`, every match of which runs to the end.
pub(super) fn trail_start(s: &str) -> Option<usize> {
    let trimmed = s.trim_end_matches(is_space);
    let t = trimmed.len();
    if trimmed.ends_with([',', '(']) {
        return Some(t - 1);
    }
    let word = TRAIL_WORDS.ending(trimmed).filter(|&len| !trimmed[..t - len].ends_with(is_word)).max();
    word.map(|len| t - len).or((t < s.len()).then_some(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    const LEAD: &str = r"(?i)^(?:[-+•*]\s*|[0-9]+(?:\.[0-9]+)*\.?\s+|[a-zđ]\)\s+|(?:tiếp\s+tục|duy\s+trì|đảm\s+bảo|bảo\s+đảm|phấn\s+đấu|phát\s+động|thực\s+hiện|trong\s+đó|cụ\s+thể|đồng\s+thời|đẩy\s+mạnh|tăng\s+cường|nâng\s+cao|tăng|và|đạt|mục\s+tiêu)\b[\s,:]*|[0-9]+(?:[.,][0-9]+)?\s*%\s*)";
    const TRAIL: &str = r"(?i)(?:\b(?:tối\s+thiểu|ít\s+nhất|tối\s+đa|không\s+quá|không\s+dưới|không\s+vượt\s+quá|trên|dưới|đạt|là|lên\s+mức|mức|lên|tỷ\s+lệ|chỉ\s+tiêu|đảm\s+bảo|bảo\s+đảm|mục\s+tiêu|từ|còn|khoảng)|[\s,(])\s*$";

    #[test]
    fn lead_is_the_pattern_it_replaces() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(LEAD).expect("a test pattern");
        let pieces = [
            "-",
            "+",
            "•",
            "*",
            " ",
            "\u{A0}",
            "1",
            "23",
            ".",
            ",",
            "%",
            "a",
            "Đ",
            "K",
            "\u{212A}",
            "\u{17F}",
            ")",
            "x",
            "tăng",
            " cường",
            "Tiếp Tục",
            "và",
            "VÀ",
            "đạt",
            ":",
            "_",
            "mục  tiêu",
            "ữ",
            "TRONG ĐÓ",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(29, &pieces, 60_000, 61) {
            let theirs = one.find(&text).map(|m| m.end());
            assert_eq!(lead_len(&text), theirs, "{text:?}");
            found += usize::from(theirs.is_some());
        }
        assert!(found > 10_000, "{found}");
        assert_eq!(lead_len(""), None);
    }

    #[test]
    fn item_letters_are_the_class_folded() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"(?i)^[a-zđ]$").expect("a test pattern");
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(item_letter(c), one.is_match(c.encode_utf8(&mut buf)), "{:X}", c as u32);
        }
    }

    #[test]
    fn trail_is_the_pattern_it_replaces() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(TRAIL).expect("a test pattern");
        let pieces = [
            "tối",
            " thiểu",
            "không",
            " vượt",
            " quá",
            " ",
            "\u{A0}",
            "lên",
            " mức",
            "mức",
            "Từ",
            "x",
            "_",
            ",",
            "(",
            "còn",
            "KHOẢNG",
            "1",
            "tỷ lệ",
            "đạt",
            "ữ",
            "là",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(31, &pieces, 60_000, 61) {
            let theirs = one.find(&text).map(|m| m.start());
            assert_eq!(trail_start(&text), theirs, "{text:?}");
            found += usize::from(theirs.is_some());
        }
        assert!(found > 10_000, "{found}");
        assert_eq!(trail_start(""), None);
    }
}
