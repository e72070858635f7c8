//! Numerals as the target patterns read them (`[0-9]+(?:[.,][0-9]+)*`, `(?:19|20)[0-9]{2}`)
//! and the white space around them (`\s`), scanned rather than compiled.

use sohoa_doc::classes::is_space;

/// The length of the ASCII digits opening `s`: what `[0-9]*` matches there.
pub(super) fn digits(s: &str) -> usize {
    s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len()
}

/// The length of the white space opening `s`: what `\s*` matches there.
pub(super) fn spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

/// The length of the number opening `s`: what `[0-9]+(?:[.,][0-9]+)*` matches there, greedy
/// (0 when no digit opens it).
pub(super) fn number_len(s: &str) -> usize {
    let mut i = digits(s);
    if i == 0 {
        return 0;
    }
    while s[i..].starts_with(['.', ',']) && digits(&s[i + 1..]) > 0 {
        i += 1 + digits(&s[i + 1..]);
    }
    i
}

/// Whether a year opens `s`: what `^(?:19|20)[0-9]{2}` matches (always 4 bytes).
pub(super) fn opens_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4 && matches!(&b[..2], b"19" | b"20") && b[2].is_ascii_digit() && b[3].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn numerals_are_the_patterns() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let number = Regex::new(r"^[0-9]+(?:[.,][0-9]+)*").expect("a test pattern");
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let space = Regex::new(r"^\s*").expect("a test pattern");
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let year = Regex::new(r"^(?:19|20)[0-9]{2}").expect("a test pattern");
        let pieces = ["1", "20", "9", ".", ",", " ", "\u{A0}", "x", "٣", "\u{2003}"];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(59, &pieces, 30_000, 61) {
            assert_eq!(number_len(&text), number.find(&text).map_or(0, |m| m.end()), "{text:?}");
            assert_eq!(spaces(&text), space.find(&text).map_or(0, |m| m.end()), "{text:?}");
            assert_eq!(opens_year(&text), year.is_match(&text), "{text:?}");
            found += usize::from(year.is_match(&text));
        }
        assert!(found > 300, "{found}");
    }
}
