//! Text statistics that tell Vietnamese from mojibake: how many words of a
//! reading are well-formed Vietnamese syllables, and when a legacy reading
//! beats the text as given.

use super::syllable::is_syllable;

/// Words with non-ASCII letters in one reading of a text. ASCII-only words
/// are the same in every reading and are not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Well-cased Vietnamese syllables.
    pub valid: u32,
    /// Words that are not.
    pub invalid: u32,
}

impl Score {
    pub fn net(self) -> i64 {
        i64::from(self.valid) - i64::from(self.invalid)
    }

    /// Mostly Vietnamese syllables.
    pub fn mostly_valid(self) -> bool {
        self.valid > self.invalid
    }
}

/// How much evidence backs a legacy reading beyond the text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// No font names the encoding: statistics alone must be clear.
    None,
    /// The run's font names the encoding, but other runs in that font
    /// proved to be Unicode: the legacy reading must be strictly better.
    Font,
    /// The font names the encoding and earlier runs of the document were
    /// decoded with it (or it is an `...H` font): a tie goes to the font.
    FontTrusted,
}

/// Whether to replace the text as given (`given`) by a legacy reading (`decoded`).
pub fn prefer_decoded(given: Score, decoded: Score, evidence: Evidence) -> bool {
    let fair = decoded.valid >= decoded.invalid;
    match evidence {
        // Statistics alone: the reading mends broken words and is Vietnamese.
        Evidence::None => {
            given.invalid > 0
                && decoded.valid >= 2
                && decoded.net() >= given.net() + 2
                && decoded.valid > 2 * decoded.invalid
        }
        Evidence::Font => fair && decoded.net() > given.net(),
        Evidence::FontTrusted => fair && decoded.net() >= given.net(),
    }
}

/// Scores every word of `text` that has a non-ASCII char.
pub fn score(text: &str) -> Score {
    let mut s = Score::default();
    let words = text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
    for word in words {
        let word = word.trim_matches(is_outer_punctuation);
        if word.is_ascii() || word.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        // A lone letter (`ˆ`, `µ`, `ở`) says little either way: OCR specks
        // and one-letter words are alike. A lone symbol (`¦`) is broken.
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            s.invalid += u32::from(!c.is_alphabetic());
            continue;
        }
        if (is_syllable(word) && well_cased(word)) || is_abbreviation(word) {
            s.valid += 1;
        } else {
            s.invalid += 1;
        }
    }
    s
}

/// `QĐ`, `NĐ`, `BGDĐT`: capitals without vowels, as in document numbers.
fn is_abbreviation(word: &str) -> bool {
    (2..=8).contains(&word.chars().count())
        && word.chars().all(|c| c == 'Đ' || (c.is_ascii_uppercase() && !"AEIOUY".contains(c)))
}

/// Quotes, dashes, ellipsis and the like around a word.
fn is_outer_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{206F}' | '«' | '»' | '\u{A0}')
}

/// `xxx`, `XXX` or `Xxx`.
pub fn well_cased(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return true };
    let rest = chars.as_str();
    let rest_lower = !rest.chars().any(char::is_uppercase);
    let rest_upper = !rest.chars().any(char::is_lowercase);
    rest_lower || (first.is_uppercase() && rest_upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_readings() {
        assert_eq!(score("Quản lý nhà nước, 2025"), Score { valid: 4, invalid: 0 });
        assert_eq!(score("Qu¶n lý"), Score { valid: 1, invalid: 1 });
        assert_eq!(score("bỔ mỏ"), Score { valid: 1, invalid: 1 });
        assert_eq!(score("Plain English text"), Score::default());
        assert_eq!(score("tháng ˆ năm"), Score { valid: 2, invalid: 0 });
        assert_eq!(score("Số: 144/2002/QĐ-BTC"), Score { valid: 2, invalid: 0 });
        assert_eq!(score("Sè: 144/2002/Q§-BTC"), Score { valid: 1, invalid: 1 });
    }

    #[test]
    fn statistics_alone_need_a_clear_margin() {
        let given = Score { valid: 1, invalid: 0 };
        assert!(!prefer_decoded(given, Score { valid: 1, invalid: 0 }, Evidence::Font));
        assert!(prefer_decoded(given, Score { valid: 1, invalid: 0 }, Evidence::FontTrusted));
        // `lãnhđạo xã`: a glued word stays invalid, the rest decides.
        let glued = Score { valid: 1, invalid: 1 };
        assert!(prefer_decoded(Score { valid: 0, invalid: 2 }, glued, Evidence::Font));
        // Without a font, text with no broken word is never re-read.
        assert!(!prefer_decoded(given, Score { valid: 5, invalid: 0 }, Evidence::None));
        let broken = Score { valid: 0, invalid: 2 };
        assert!(!prefer_decoded(broken, Score { valid: 1, invalid: 0 }, Evidence::None));
        assert!(prefer_decoded(broken, Score { valid: 2, invalid: 0 }, Evidence::None));
        assert!(!prefer_decoded(broken, Score { valid: 2, invalid: 1 }, Evidence::None));
    }
}
