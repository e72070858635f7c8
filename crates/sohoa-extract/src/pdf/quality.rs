//! Is a page's text layer usable? Too little text, or text with many characters
//! no Vietnamese document prints (private use, U+FFFD, controls, letters of other
//! scripts from a wrong ToUnicode map), sends the page to OCR.

/// Fewest non-space characters of a usable text layer.
const MIN_CHARS: usize = 20;
/// Largest share of garbage characters of a usable text layer.
const MAX_GARBAGE: f64 = 0.05;

/// Why a page's text layer is not usable, if it is not.
pub(crate) fn unusable(text: &str) -> Option<String> {
    let (total, bad) = counts(text);
    if total < MIN_CHARS {
        return Some(format!("no text layer ({total} characters)"));
    }
    let share = bad as f64 / total as f64;
    (share > MAX_GARBAGE).then(|| format!("garbage text layer ({:.0}% unreadable characters)", share * 100.0))
}

/// Non-space characters and garbage characters.
pub(crate) fn counts(text: &str) -> (usize, usize) {
    let mut total = 0;
    let mut bad = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        bad += usize::from(is_garbage(c));
    }
    (total, bad)
}

/// A character a Vietnamese text layer should not contain: the normalizer's
/// garbage (private use, U+FFFD, controls), or a letter of another script.
fn is_garbage(c: char) -> bool {
    let u = c as u32;
    // Latin (basic, Latin-1, Extended-A/B), combining marks, Vietnamese (U+1E00..U+1EFF).
    let latin = u < 0x0250 || (0x1E00..=0x1EFF).contains(&u) || (0x0300..=0x036F).contains(&u);
    crate::normalize::garbage::is_garbage(c) || (c.is_alphabetic() && !latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_to_unicode_text_is_garbage_clean_text_is_not() {
        assert!(unusable("6Ӣ CÔNG 7+ѬѪ1* &Ӝ1* HÒA XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM Ĉ2¬1 .,ӆ0 TRA").is_some());
        assert!(unusable("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc").is_none());
        assert!(unusable("  12 ").is_some(), "a page number alone is no text layer");
        assert!(unusable("\u{E001}\u{E002}\u{E003}\u{E004}\u{E005}abcdefghijklmnopqrstuvwxyz").is_some());
    }
}
