//! Unicode classes of patterns (`\p{L}`, `\p{Lu}`, `\s`) as plain lookups, for the scans that
//! replace patterns whose letter classes cost a process more to compile than the whole scan.
//!
//! The ranges are the regex parser's own (`regex-syntax`, the crate `regex` compiles with), so
//! [`is_letter`] is true exactly where `\p{L}` matches, [`is_upper`] where `\p{Lu}` does and
//! [`is_space`] where `\s` does.

use once_cell::sync::Lazy;
use regex_syntax::hir::{Class, HirKind};

/// Code point ranges of one general category, sorted and disjoint.
struct Ranges(Vec<(char, char)>);

impl Ranges {
    /// The ranges of a one-class pattern such as `\p{L}`.
    fn of(class: &str) -> Ranges {
        // invariant: the callers pass a valid Unicode class, which parses to one class
        let hir = regex_syntax::parse(class).expect("a Unicode class pattern");
        let ranges = match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => c.iter().map(|r| (r.start(), r.end())).collect(),
            _ => Vec::new(),
        };
        Ranges(ranges)
    }

    fn contains(&self, c: char) -> bool {
        let i = self.0.partition_point(|&(_, end)| end < c);
        self.0.get(i).is_some_and(|&(start, _)| start <= c)
    }
}

static LETTER: Lazy<Ranges> = Lazy::new(|| Ranges::of(r"\p{L}"));
static UPPER: Lazy<Ranges> = Lazy::new(|| Ranges::of(r"\p{Lu}"));
static SPACE: Lazy<Ranges> = Lazy::new(|| Ranges::of(r"\s"));

/// Whether `c` is a letter: what `\p{L}` matches.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    LETTER.contains(c)
}

/// Whether `c` is a capital letter: what `\p{Lu}` matches.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    UPPER.contains(c)
}

/// Whether `c` is white space: what `\s` matches.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | ' ');
    }
    SPACE.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn classes_agree_with_the_regex_ones_on_every_code_point() {
        let letter = Regex::new(r"^\p{L}$").expect("a test pattern");
        let upper = Regex::new(r"^\p{Lu}$").expect("a test pattern");
        let space = Regex::new(r"^\s$").expect("a test pattern");
        let mut buf = [0u8; 4];
        let mut letters = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_letter(c), letter.is_match(s), "{:X}", c as u32);
            assert_eq!(is_upper(c), upper.is_match(s), "{:X}", c as u32);
            assert_eq!(is_space(c), space.is_match(s), "{:X}", c as u32);
            letters += usize::from(is_letter(c));
        }
        assert!(letters > 100_000, "{letters}");
        assert!(is_upper('Đ') && !is_upper('đ') && is_letter('ữ') && !is_letter('1'));
        assert!(is_space('\u{A0}') && is_space('\n') && !is_space('\u{200B}'));
    }
}
