//! The canonical matching key: folds old/new tone placement, case and white space.

use unicode_normalization::UnicodeNormalization;

const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// The key under which two spellings of one name compare equal:
/// `hoà` = `hòa`, `thuỷ` = `thủy`, case-folded, white space folded.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut decomposed: Vec<char> = Vec::new();
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // No marks to move, nothing to compose: only the case folds.
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            continue;
        }
        decomposed.clear();
        decomposed.extend(word.nfd());
        let base = decomposed.iter().copied().filter(|c| !TONES.contains(c));
        let tones = decomposed.iter().copied().filter(|c| TONES.contains(c));
        out.extend(base.chain(tones).nfc().flat_map(char::to_lowercase));
    }
    out
}

/// [`fold_key`] without the five tone marks (vowel shapes and `đ` kept): the
/// key of a fixed word OCR may have read with a wrong tone (`Nơi nhân:` for
/// `Nơi nhận:`, `PHÓ CHÚ TỊCH`).
pub fn toneless_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            out.extend(word.nfd().filter(|c| !TONES.contains(c)).nfc().flat_map(char::to_lowercase));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_new_tone_placement_fold_together() {
        assert_eq!(fold_key("hoà"), fold_key("hòa"));
        assert_eq!(fold_key("Thuỷ"), fold_key("thủy"));
        assert_eq!(fold_key("UỶ  ban"), fold_key("ủy ban"));
        assert_ne!(fold_key("hòa"), fold_key("hoa"));
    }

    #[test]
    fn toneless_keys_forgive_a_misread_tone_only() {
        assert_eq!(toneless_key("Nơi  nhân:"), toneless_key("nơi nhận:"));
        assert_ne!(toneless_key("nơi nhận"), toneless_key("noi nhan"));
    }

    /// The keys as first written: each word decomposed, its tones moved to its end, composed again.
    fn fold_key_reference(s: &str) -> String {
        let words = s.split_whitespace().map(|word| {
            let decomposed: String = word.nfd().collect();
            let base: String = decomposed.chars().filter(|c| !TONES.contains(c)).collect();
            let tones: String = decomposed.chars().filter(|c| TONES.contains(c)).collect();
            (base + &tones).nfc().flat_map(char::to_lowercase).collect::<String>()
        });
        words.collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn keys_equal_the_reference_on_mixed_text() {
        for s in [
            "",
            "  ",
            "ỦY BAN NHÂN DÂN tỉnh Lào Cai",
            "Số: 11/QĐ-UBND\tngày\n05/01/2026",
            "hoà  THUỶ Ǆ İstanbul ΣΑΣ ß e\u{301}\u{302}",
            "Đơn vị phốihợp (Chủ trì/ Phối hợp) ĐVT",
        ] {
            assert_eq!(fold_key(s), fold_key_reference(s), "{s:?}");
            let toneless = s
                .split_whitespace()
                .map(|w| w.nfd().filter(|c| !TONES.contains(c)).nfc().flat_map(char::to_lowercase).collect::<String>());
            assert_eq!(toneless_key(s), toneless.collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }
}
