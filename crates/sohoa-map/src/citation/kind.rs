//! Document kinds: the words that name them (`Nghị định`, `Công văn`) and the codes that
//! open a số ký hiệu (`NĐ-CP`, `QĐ-UBND`).

use once_cell::sync::Lazy;
use sohoa_doc::classes::{is_space, is_word};

use super::lex::CaseWords;

/// Kind words, longest first so that `Thông tư liên tịch` wins over `Thông tư`.
const WORDS: &[(&str, &str)] = &[
    ("thông tư liên tịch", "thong_tu"),
    ("nghị định", "nghi_dinh"),
    ("nghị quyết", "nghi_quyet"),
    ("quyết định", "quyet_dinh"),
    ("thông tư", "thong_tu"),
    ("chỉ thị", "chi_thi"),
    ("công văn", "cong_van"),
    ("công điện", "cong_dien"),
    ("kế hoạch", "ke_hoach"),
    ("thông báo", "thong_bao"),
    ("văn bản", "van_ban"),
    ("hướng dẫn", "van_ban"),
    ("báo cáo", "van_ban"),
    ("đề án", "van_ban"),
    ("phương án", "van_ban"),
    ("bộ luật", "luat"),
    ("luật", "luat"),
];

/// The pattern of any kind word, which the tests compare the lookups with (case-insensitive there).
#[cfg(test)]
pub(crate) fn word_pattern() -> String {
    let alts: Vec<String> = WORDS.iter().map(|(w, _)| w.replace(' ', r"\s+")).collect();
    format!("(?:{})", alts.join("|"))
}

/// The kind a word names (`Nghị định` → `nghi_dinh`), any case, inner spaces folded.
pub(crate) fn of_word(word: &str) -> Option<&'static str> {
    let w = word.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    WORDS.iter().find(|(x, _)| *x == w).map(|(_, k)| *k)
}

/// The kind a số ký hiệu's first code names (`NĐ-CP` → `nghi_dinh`), if it is a type code.
pub(crate) fn of_symbol(symbol: &str) -> Option<&'static str> {
    let code = symbol.split(['-', '/']).next().unwrap_or_default();
    Some(match code {
        "NĐ" => "nghi_dinh",
        "QĐ" => "quyet_dinh",
        "TT" | "TTLT" => "thong_tu",
        "NQ" => "nghi_quyet",
        "CT" => "chi_thi",
        "KH" => "ke_hoach",
        "TB" => "thong_bao",
        "CĐ" | "CD" => "cong_dien",
        "BC" | "ĐA" | "PA" => "van_ban",
        _ => return None,
    })
}

/// The kind words folded, in the order of [`WORDS`], looked up rather than compiled (a `(?i)`
/// pattern of them costs a process more to build than every lookup of a document).
static FOLDED: Lazy<CaseWords> = Lazy::new(|| CaseWords::new(&WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>()));
/// `số`, as `(?i)` matches it.
static NUMBER_WORD: Lazy<CaseWords> = Lazy::new(|| CaseWords::new(&["số"]));

/// `s` begins with a kind word (`Quyết định ...`): it opens a new mention. What
/// `(?i)^{word_pattern}\b` matches.
pub(crate) fn starts_with_kind(s: &str) -> bool {
    FOLDED.opens_word(s)
}

/// The byte lengths of the kind words that open `s`, in the order of [`WORDS`]: the ways
/// `(?i)^{word_pattern}` matches.
pub(crate) fn kind_word_lengths(s: &str) -> impl Iterator<Item = usize> + '_ {
    FOLDED.opening(s)
}

/// A kind word and its number (`Quyết định số 12`, `Công văn 5`), found by
/// [`kind_word_numbers`]: the spans of the word, of `số` and what follows it up to the number
/// (when written), and of the number.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct KindNumber {
    pub whole: std::ops::Range<usize>,
    pub word: std::ops::Range<usize>,
    pub number_word: Option<std::ops::Range<usize>>,
    pub number: std::ops::Range<usize>,
}

/// Every kind word followed by its number, left to right without overlaps: what `captures_iter`
/// of `(?i)\b({word_pattern})\s+(số\s*:?\s*)?([0-9]{1,5})\b` finds, by lookups.
pub(crate) fn kind_word_numbers(text: &str) -> Vec<KindNumber> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..]
        .char_indices()
        .map(|(i, _)| at + i)
        .filter(|&p| !text[..p].ends_with(is_word) && text[p..].starts_with(is_word))
        .find_map(|p| kind_number_at(text, p))
    {
        at = found.whole.end;
        out.push(found);
    }
    out
}

/// The kind word and number starting at `p` (a word start), the first word of the list that
/// has one.
fn kind_number_at(text: &str, p: usize) -> Option<KindNumber> {
    FOLDED.opening(&text[p..]).find_map(|len| {
        let word_end = p + len;
        let rest = text[word_end..].trim_start_matches(is_space);
        (rest.len() < text.len() - word_end).then_some(())?;
        let spaced = text.len() - rest.len();
        let (number_word, digits_at) = match NUMBER_WORD.opening(rest).next() {
            Some(len) => {
                let after = rest[len..].trim_start_matches(is_space);
                let after = after.strip_prefix(':').unwrap_or(after).trim_start_matches(is_space);
                let at = text.len() - after.len();
                (Some(spaced..at), at)
            }
            None => (None, spaced),
        };
        let digits = text[digits_at..].len() - text[digits_at..].trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let end = digits_at + digits;
        ((1..=5).contains(&digits) && !text[end..].starts_with(is_word)).then_some(KindNumber {
            whole: p..end,
            word: p..word_end,
            number_word,
            number: digits_at..end,
        })
    })
}

/// A kind word ending `text`, spaces and a `số` (`Quyết định số:`) allowed after it: where the
/// word starts, and the word. What `(?i)\b({word_pattern})\s*(?:số\s*:?\s*)?$` finds: the word
/// starting leftmost, the first of the list at one start.
pub(crate) fn kind_word_ending(text: &str) -> Option<(usize, &str)> {
    let trimmed = text.trim_end_matches(is_space);
    let before_colon = trimmed.strip_suffix(':').map_or(trimmed, |t| t.trim_end_matches(is_space));
    let after_number_word = NUMBER_WORD
        .ending(before_colon)
        .next()
        .map(|len| before_colon[..before_colon.len() - len].trim_end_matches(is_space).len());
    let ends = [Some(trimmed.len()), after_number_word];
    ends.into_iter()
        .flatten()
        .flat_map(|end| FOLDED.endings(&text[..end]).map(move |(i, len)| (end - len, i, end)))
        .filter(|&(start, _, _)| !text[..start].ends_with(is_word))
        .min_by_key(|&(start, i, _)| (start, i))
        .map(|(start, _, end)| (start, &text[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_codes() {
        assert_eq!(of_word("Nghị  định"), Some("nghi_dinh"));
        assert_eq!(of_word("Thông tư liên tịch"), Some("thong_tu"));
        assert_eq!(of_symbol("CD-TTg"), Some("cong_dien"));
        assert_eq!(of_symbol("RS-KSTT"), None);
        assert_eq!(of_word("Đề án"), Some("van_ban"));
        assert_eq!(of_word("Phương  án"), Some("van_ban"));
        assert_eq!(of_symbol("PA-UBND"), Some("van_ban"));
        assert_eq!(of_symbol("ĐA/TU"), Some("van_ban"));
        assert!(starts_with_kind("Quyết định số 5"));
        assert!(!starts_with_kind("Văn phòng Chính phủ"));
    }

    #[test]
    fn kind_word_ending_is_the_kind_before_pattern() {
        let one =
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            regex::Regex::new(&format!(r"(?i)\b({})\s*(?:số\s*:?\s*)?$", word_pattern())).expect("a test pattern");
        let pieces = [
            "Quyết định",
            " ",
            "số",
            "SỐ",
            ":",
            "\u{A0}",
            "bộ ",
            "luật",
            "Bộ Luật",
            "thông tư",
            " liên tịch",
            "x",
            "_",
            "nghị",
            " định",
            "1",
            "\u{17F}ố",
            "văn bản",
            "tư",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(19, &pieces, 60_000, 61) {
            let theirs = one.captures(&text).and_then(|c| Some((c.get(0)?.start(), c.get(1)?.as_str())));
            assert_eq!(kind_word_ending(&text), theirs, "{text:?}");
            found += usize::from(theirs.is_some());
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn kind_word_numbers_are_the_short_pattern() {
        let one = regex::Regex::new(&format!(r"(?i)\b({})\s+(số\s*:?\s*)?([0-9]{{1,5}})\b", word_pattern()))
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            .expect("a test pattern");
        let pieces = [
            "Quyết định",
            " ",
            "số",
            "SỐ",
            ":",
            "\u{A0}",
            "bộ ",
            "luật",
            "Bộ Luật",
            "thông tư",
            " liên tịch",
            "x",
            "_",
            "12",
            "123456",
            "5",
            " định",
            "\u{17F}ố",
            "văn bản",
            "/",
            "Quyết định 12",
            "Công văn số 5",
            " số: 7",
            "Luật 3",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(31, &pieces, 60_000, 60) {
            let theirs: Vec<_> = one
                .captures_iter(&text)
                .map(|c| {
                    let g = |i| c.get(i).map(|m: regex::Match| m.range());
                    KindNumber {
                        whole: g(0).unwrap_or_default(),
                        word: g(1).unwrap_or_default(),
                        number_word: g(2),
                        number: g(3).unwrap_or_default(),
                    }
                })
                .collect();
            found += theirs.len();
            assert_eq!(kind_word_numbers(&text), theirs, "{text:?}");
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn starts_with_kind_is_the_kind_pattern() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = regex::Regex::new(&format!(r"(?i)^{}\b", word_pattern())).expect("a test pattern");
        let mut seen = 0;
        for (word, _) in WORDS {
            let cases = [word.to_string(), word.to_uppercase(), word.replace(' ', "  "), word.replace(' ', "\u{A0}")];
            for case in cases {
                for tail in ["", " số 5", "x", "_", ",", "\u{301}", "2"] {
                    let text = format!("{case}{tail}");
                    assert_eq!(starts_with_kind(&text), one.is_match(&text), "{text:?}");
                    seen += usize::from(one.is_match(&text));
                }
            }
        }
        assert!(seen > 100, "{seen}");
    }
}
