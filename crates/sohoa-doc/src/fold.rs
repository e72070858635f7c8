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
}
