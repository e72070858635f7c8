//! Document kinds: the words that name them (`Nghị định`, `Công văn`) and the codes that
//! open a số ký hiệu (`NĐ-CP`, `QĐ-UBND`).

use once_cell::sync::Lazy;
use sohoa_doc::classes::{is_space, is_word, FoldedWords};

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

/// The pattern of any kind word, for building larger patterns (case-insensitive there).
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
static FOLDED: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>()));
/// `số`, as `(?i)` matches it.
static NUMBER_WORD: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["số"]));

/// `s` begins with a kind word (`Quyết định ...`): it opens a new mention. What
/// `(?i)^{word_pattern}\b` matches.
pub(crate) fn starts_with_kind(s: &str) -> bool {
    FOLDED.opens_word(s)
}

/// A kind word ending `text`, spaces and a `số` (`Quyết định số:`) allowed after it: where the
/// word starts, and the word. What `(?i)\b({word_pattern})\s*(?:số\s*:?\s*)?$` finds: the word
/// starting leftmost, the first of the list at one start.
pub(crate) fn kind_word_ending(text: &str) -> Option<(usize, &str)> {
    let trimmed = text.trim_end_matches(is_space);
    let before_colon = trimmed.strip_suffix(':').map_or(trimmed, |t| t.trim_end_matches(is_space));
    let after_number_word =
        NUMBER_WORD.ending(before_colon).next().map(|len| before_colon[..before_colon.len() - len].trim_end_matches(is_space).len());
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
        let one = regex::Regex::new(&format!(r"(?i)\b({})\s*(?:số\s*:?\s*)?$", word_pattern())).expect("a test pattern");
        let pieces = [
            "Quyết định", " ", "số", "SỐ", ":", "\u{A0}", "bộ ", "luật", "Bộ Luật", "thông tư", " liên tịch", "x", "_", "nghị",
            " định", "1", "\u{17F}ố", "văn bản", "tư",
        ];
        let mut seed = 19u64;
        let mut found = 0;
        for _ in 0..60_000 {
            let mut text = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            for _ in 0..=(seed >> 61) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let theirs = one.captures(&text).and_then(|c| Some((c.get(0)?.start(), c.get(1)?.as_str())));
            assert_eq!(kind_word_ending(&text), theirs, "{text:?}");
            found += usize::from(theirs.is_some());
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn starts_with_kind_is_the_kind_pattern() {
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
