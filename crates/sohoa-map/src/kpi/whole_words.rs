//! Words of a `(?i)` list found as whole words (`(?i)\b(?:phấn\s+đấu|góp\s+phần)\b`), looked
//! up rather than compiled: such a pattern costs a process more to build than every scan of a
//! document.

use std::ops::Range;

use sohoa_doc::classes::{is_word, FoldedWords};

/// A word list read as `(?i)\b(?:words)\b`, for words that open and end with a word character.
pub(super) struct WholeWords {
    words: FoldedWords,
    /// The ASCII characters that may open a word of the list (as `(?i)` folds its first
    /// letters): a place opened by any other ASCII character is skipped unread.
    ascii_openers: [bool; 128],
}

impl WholeWords {
    /// The words; a space inside one stands for `\s+`.
    pub fn new(words: &[&str]) -> WholeWords {
        let firsts: Vec<String> = words.iter().filter_map(|w| w.chars().next()).map(String::from).collect();
        let firsts = FoldedWords::new(&firsts.iter().map(String::as_str).collect::<Vec<_>>());
        let mut ascii_openers = [false; 128];
        for (b, open) in (0u8..128).zip(ascii_openers.iter_mut()) {
            *open = firsts.opening(&char::from(b).to_string()).next().is_some();
        }
        WholeWords { words: FoldedWords::new(words), ascii_openers }
    }

    /// Whether a word of the list may open `rest`: a cheap test that every opening passes.
    fn may_open(&self, rest: &str) -> bool {
        rest.as_bytes().first().is_some_and(|&b| !b.is_ascii() || self.ascii_openers[usize::from(b)])
    }

    /// The length of the first word of the list that stands whole at byte `at` of `text`.
    pub fn at(&self, text: &str, at: usize) -> Option<usize> {
        let rest = &text[at..];
        self.starting(text, at).find(|&len| !rest[len..].starts_with(is_word))
    }

    /// The lengths of the words of the list that start a word at byte `at` of `text` (`\b`
    /// before them, whatever follows), in the order of the list.
    pub fn starting<'a>(&'a self, text: &'a str, at: usize) -> impl Iterator<Item = usize> + 'a {
        // the break before the words: one lookup, where the words are one each
        let open = self.may_open(&text[at..]) && !text[..at].ends_with(is_word);
        open.then(|| self.words.opening(&text[at..])).into_iter().flatten()
    }

    /// The whole words of `text`, left to right, as the pattern's `find_iter` gives them.
    pub fn iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let (at, len) =
                text[from..].char_indices().find_map(|(i, _)| self.at(text, from + i).map(|len| (from + i, len)))?;
            from = at + len;
            Some(at..from)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn ascii_openers_are_the_folded_first_letters() {
        let words = WholeWords::new(&["kỳ", "ít", "Sau", "đến"]);
        let opened: String = (0u8..128).filter(|&b| words.ascii_openers[usize::from(b)]).map(char::from).collect();
        assert_eq!(opened, "KSks");
        assert!(words.may_open("\u{212A}ỳ") && words.may_open("ſau") && !words.may_open("x") && !words.may_open(""));
    }

    #[test]
    fn whole_words_are_the_pattern() {
        let words = WholeWords::new(&["phấn đấu", "góp phần", "góp"]);
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"(?i)\b(?:phấn\s+đấu|góp\s+phần|góp)\b").expect("a test pattern");
        let pieces = ["phấn", " đấu", "Góp", " PHẦN", " ", "\u{A0}", "x", "_", "1", "ữ", ",", "phần"];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(37, &pieces, 40_000, 61) {
            let theirs: Vec<_> = one.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(words.iter(&text).collect::<Vec<_>>(), theirs, "{text:?}");
            found += theirs.len();
        }
        assert!(found > 3_000, "{found}");
    }
}
