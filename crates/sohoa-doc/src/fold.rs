//! The canonical matching key: folds old/new tone placement, case and white space.

use unicode_normalization::UnicodeNormalization;

const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// The key under which two spellings of one name compare equal:
/// `hoà` = `hòa`, `thuỷ` = `thủy`, case-folded, white space folded.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let decomposed: String = word.nfd().collect();
        let base: String = decomposed.chars().filter(|c| !TONES.contains(c)).collect();
        let tones: String = decomposed.chars().filter(|c| TONES.contains(c)).collect();
        out.extend((base + &tones).nfc().flat_map(char::to_lowercase));
    }
    out
}

/// [`fold_key`] without the five tone marks (vowel shapes and `đ` kept): the
/// key of a fixed word OCR may have read with a wrong tone (`Nơi nhân:` for
/// `Nơi nhận:`, `PHÓ CHÚ TỊCH`).
pub fn toneless_key(s: &str) -> String {
    let words = s
        .split_whitespace()
        .map(|w| w.nfd().filter(|c| !TONES.contains(c)).nfc().flat_map(char::to_lowercase).collect::<String>());
    words.collect::<Vec<_>>().join(" ")
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
}
