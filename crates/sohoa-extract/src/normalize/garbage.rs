//! Unreadable characters: private-use glyphs, U+FFFD and stray controls,
//! the signature of a PDF text layer that should be OCR'd instead.

/// Whether `c` carries no readable text.
pub fn is_garbage(c: char) -> bool {
    matches!(c,
        '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' | '\u{FFFD}' | '\u{FFFE}' | '\u{FFFF}')
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
}

/// Number of garbage chars in `s`.
pub fn count(s: &str) -> u64 {
    if s.is_ascii() {
        return s.bytes().filter(|&b| is_garbage(char::from(b))).count() as u64;
    }
    s.chars().filter(|&c| is_garbage(c)).count() as u64
}

/// Share (0..1) of the non-white-space chars of `s` that are garbage; 0 for
/// empty text.
pub fn garbage_share(s: &str) -> f64 {
    let visible = s.chars().filter(|c| !c.is_whitespace()).count();
    if visible == 0 {
        return 0.0;
    }
    count(s) as f64 / visible as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_use_and_replacement_are_garbage() {
        assert_eq!(garbage_share("Hà Nội"), 0.0);
        assert_eq!(garbage_share("\u{E001}\u{E002}\u{FFFD}a"), 0.75);
        assert_eq!(garbage_share("  "), 0.0);
        assert_eq!(count("a\u{1}b\n"), 1);
    }
}
