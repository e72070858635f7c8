//! The canonical matching key: folds old/new tone placement, case and white space.

use unicode_normalization::UnicodeNormalization;

const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// The key under which two spellings of one name compare equal:
/// `hoà` = `hòa`, `thuỷ` = `thủy`, case-folded, white space folded.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut base, mut tones) = (String::new(), String::new());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // no marks to move, nothing to compose: lower case is the whole fold
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            continue;
        }
        base.clear();
        tones.clear();
        for c in word.nfd() {
            if TONES.contains(&c) {
                tones.push(c);
            } else {
                base.push(c);
            }
        }
        base.push_str(&tones);
        out.extend(base.nfc().flat_map(char::to_lowercase));
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

    /// The definition: per word, decompose, move the tone marks after the
    /// letters, recompose, lower-case.
    fn fold_by_definition(s: &str) -> String {
        let words = s.split_whitespace().map(|word| {
            let decomposed: String = word.nfd().collect();
            let base: String = decomposed.chars().filter(|c| !TONES.contains(c)).collect();
            let tones: String = decomposed.chars().filter(|c| TONES.contains(c)).collect();
            (base + &tones).nfc().flat_map(char::to_lowercase).collect::<String>()
        });
        words.collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn fold_key_is_the_definition_on_the_seeds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
        let mut lines = 0;
        for entry in std::fs::read_dir(dir).expect("corpus/seeds is in the repository") {
            let text = std::fs::read_to_string(entry.expect("a seed").path()).expect("a UTF-8 seed");
            for line in text.lines().chain(["ÂU Ấu  ĐIỀU hoà\tHÒA İ ẞ ǅ ǈ a\u{0301}\u{0302} Ω K"]) {
                assert_eq!(fold_key(line), fold_by_definition(line), "{line}");
                lines += 1;
            }
        }
        assert!(lines > 100, "the seeds hold {lines} lines");
    }

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
