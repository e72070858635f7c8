//! Capitals typed in an ABC (TCVN3) capitals font, told from the text itself.
//!
//! ABC has no codes for toned capitals: a `.VnTimeH`-like font draws the
//! lower-case codes as capitals, and a heading typed with Caps Lock in it
//! stores `PHÇN THø NHÊT`: capital ASCII letters around lower-case legacy
//! codes. Decoded, that reads `PHầN THứ NHấT`, which is no Vietnamese
//! casing; whatever the font is called (a PDF's subset name, a substituted
//! font), such a word is a capital word. A word with one ASCII capital
//! (`Kế`) is one too when a word next to it is.

/// The decoded ABC text with its capital words put in capitals.
pub(super) fn mend(decoded: &str) -> String {
    let words: Vec<&str> = decoded.split_inclusive(char::is_whitespace).collect();
    let kinds: Vec<Kind> = words.iter().map(|w| kind(w)).collect();
    if !kinds.contains(&Kind::Capitals) {
        return decoded.to_owned();
    }
    let mut out = String::with_capacity(decoded.len() + 8);
    for (i, word) in words.iter().enumerate() {
        let next_to_capitals = (i > 0 && kinds[i - 1] == Kind::Capitals) || kinds.get(i + 1) == Some(&Kind::Capitals);
        match kinds[i] {
            Kind::Capitals => out.push_str(&word.to_uppercase()),
            Kind::Initial if next_to_capitals => out.push_str(&word.to_uppercase()),
            _ => out.push_str(word),
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Two or more ASCII letters, all capitals, and a decoded lower-case letter.
    Capitals,
    /// One ASCII capital and decoded lower-case letters (`Kế`, `Số`).
    Initial,
    Other,
}

fn kind(word: &str) -> Kind {
    let ascii: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
    let decoded_lower = word.chars().any(|c| !c.is_ascii() && c.is_lowercase());
    if !decoded_lower || ascii.iter().any(char::is_ascii_lowercase) {
        return Kind::Other;
    }
    match ascii.len() {
        0 => Kind::Other,
        1 => Kind::Initial,
        _ => Kind::Capitals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_words_typed_in_an_abc_capitals_font_become_capitals() {
        assert_eq!(mend("PHầN THứ NHấT"), "PHẦN THỨ NHẤT");
        assert_eq!(mend("Kế HOạCH TổNG THể"), "KẾ HOẠCH TỔNG THỂ");
        assert_eq!(mend("Kế hoạch tổng thể"), "Kế hoạch tổng thể", "a sentence keeps its case");
        assert_eq!(mend("Số: 169/KH-UBND"), "Số: 169/KH-UBND", "an ASCII code is no capital word");
        assert_eq!(mend("Tổ chức ở UBND xã"), "Tổ chức ở UBND xã");
    }
}
