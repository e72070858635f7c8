//! Unicode classes of patterns (`\p{L}`, `\p{Lu}`, `\s`, `\w`) and case-insensitive words as
//! plain lookups, for the scans that replace patterns whose classes cost a process more to
//! compile than every scan of a document.
//!
//! The ranges and the case folding are the regex parser's own (`regex-syntax`, the crate
//! `regex` compiles with), so [`is_letter`] is true exactly where `\p{L}` matches, [`is_upper`]
//! where `\p{Lu}` does, [`is_space`] where `\s` does, [`is_word`] where `\w` does, and
//! [`FoldedWords`] matches what `(?i)` words do.

use once_cell::sync::Lazy;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Code point ranges of one general category, sorted and disjoint.
#[derive(Clone)]
struct Ranges(Vec<(char, char)>);

impl Ranges {
    /// The ranges of a one-class pattern such as `\p{L}`.
    fn of(class: &str) -> Ranges {
        // invariant: the callers pass a valid Unicode class, which parses to one class
        Ranges::of_hir(&regex_syntax::parse(class).expect("a Unicode class pattern"))
    }

    /// The characters one-character pattern matches (a class, or a literal of one character).
    fn of_hir(hir: &Hir) -> Ranges {
        let ranges = match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => c.iter().map(|r| (r.start(), r.end())).collect(),
            HirKind::Literal(l) => std::str::from_utf8(&l.0).unwrap_or_default().chars().map(|c| (c, c)).collect(),
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
static WORD: Lazy<Ranges> = Lazy::new(|| Ranges::of(r"\w"));

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

/// Whether `c` is a word character: what `\w` matches (what `\b` looks at).
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    WORD.contains(c)
}

/// Words as a `(?i)` pattern matches them: each character with those case folding joins to it,
/// a space standing for `\s+`.
pub struct FoldedWords(Vec<Vec<Option<Ranges>>>);

/// The characters `(?i)c` matches, parsed once per character a process asks for (the word
/// lists share most of their letters).
fn folded(c: char) -> Ranges {
    static SEEN: Lazy<std::sync::Mutex<std::collections::HashMap<char, Ranges>>> = Lazy::new(Default::default);
    let parse = || {
        let mut buf = [0u8; 4];
        let pattern = format!("(?i){}", regex_syntax::escape(c.encode_utf8(&mut buf)));
        // invariant: an escaped character is a valid pattern
        Ranges::of_hir(&regex_syntax::parse(&pattern).expect("an escaped character"))
    };
    match SEEN.lock() {
        Ok(mut seen) => seen.entry(c).or_insert_with(parse).clone(),
        // a thread that panicked while holding the lock left at worst a missing entry
        Err(_) => parse(),
    }
}

impl FoldedWords {
    /// The words, each character folded as `(?i)` folds it (a space is `None`: spaces).
    ///
    /// # Panics
    ///
    /// Never: one escaped character is always a valid pattern.
    pub fn new(words: &[&str]) -> FoldedWords {
        let words = words.iter().map(|w| w.chars().map(|c| (c != ' ').then(|| folded(c))).collect()).collect();
        FoldedWords(words)
    }

    /// The lengths of the words that open `text`, in the order of the list.
    pub fn opening<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.0.iter().filter_map(move |word| {
            let mut rest = text;
            for unit in word {
                rest = match unit {
                    None => Some(rest.trim_start_matches(is_space)).filter(|r| r.len() < rest.len())?,
                    Some(folded) => rest.strip_prefix(|c| folded.contains(c))?,
                };
            }
            Some(text.len() - rest.len())
        })
    }

    /// The lengths of the words that end `text`, in the order of the list.
    pub fn ending<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.endings(text).map(|(_, len)| len)
    }

    /// The words that end `text`: their places in the list, in its order, and their lengths.
    pub fn endings<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.0.iter().enumerate().filter_map(move |(i, word)| {
            let mut rest = text;
            for unit in word.iter().rev() {
                rest = match unit {
                    None => Some(rest.trim_end_matches(is_space)).filter(|r| r.len() < rest.len())?,
                    Some(folded) => rest.strip_suffix(|c| folded.contains(c))?,
                };
            }
            Some((i, text.len() - rest.len()))
        })
    }

    /// Whether a word opens `text` and ends a word there: what `(?i)^(?:words)\b` matches, for
    /// words that end with a word character.
    pub fn opens_word(&self, text: &str) -> bool {
        self.opening(text).any(|len| !text[len..].starts_with(is_word))
    }
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

    #[test]
    fn word_characters_agree_with_the_regex_ones() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let word = Regex::new(r"^\w$").expect("a test pattern");
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_word(c), word.is_match(c.encode_utf8(&mut buf)), "{:X}", c as u32);
        }
    }

    #[test]
    fn folded_words_match_what_the_pattern_does() {
        let words = ["ngày", "thông tư", "thông tư liên tịch", "kế hoạch", "ẞ", "k"];
        let folded = FoldedWords::new(&words);
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(&format!(r"(?i)^(?:{})\b", words.join("|").replace(' ', r"\s+"))).expect("a test pattern");
        let texts = [
            "Ngày 5",
            "NGÀY",
            "ngàyx",
            "ngày_",
            "THÔNG  TƯ LIÊN\tTỊCH số",
            "Thông tư liên",
            "thông\u{A0}tư,",
            "Kế Hoạch",
            "KẾ hoạchs",
            "ß",
            "ẞ.",
            "\u{212A}",
            "K2",
            "kế",
            "",
            " ngày",
            "ngày\u{301}",
        ];
        for text in texts {
            assert_eq!(folded.opens_word(text), one.is_match(text), "{text:?}");
        }
        assert!(folded.opens_word("THÔNG  TƯ LIÊN\tTỊCH số") && !folded.opens_word("ngàyx"));
    }
}
