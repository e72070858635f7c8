//! Document kinds: the words that name them (`Nghị định`, `Công văn`) and the codes that
//! open a số ký hiệu (`NĐ-CP`, `QĐ-UBND`).

use once_cell::sync::Lazy;
use sohoa_doc::classes::FoldedWords;

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

/// The kind words folded, looked up rather than compiled (`(?i)^{word_pattern}\b` costs a
/// process more to build than every lookup of a document).
static STARTS_KIND: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>()));

/// `s` begins with a kind word (`Quyết định ...`): it opens a new mention.
pub(crate) fn starts_with_kind(s: &str) -> bool {
    STARTS_KIND.opens_word(s)
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
