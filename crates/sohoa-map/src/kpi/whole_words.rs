//! Words of a `(?i)` list found as whole words (`(?i)\b(?:phấn\s+đấu|góp\s+phần)\b`), looked
//! up rather than compiled: such a pattern costs a process more to build than every scan of a
//! document.

use std::ops::Range;

use sohoa_doc::classes::{is_word, FoldedWords};

/// A word list read as `(?i)\b(?:words)\b`, for words that open and end with a word character.
pub(super) struct WholeWords(FoldedWords);

impl WholeWords {
    /// The words; a space inside one stands for `\s+`.
    pub fn new(words: &[&str]) -> WholeWords {
        WholeWords(FoldedWords::new(words))
    }

    /// The length of the first word of the list that stands whole at byte `at` of `text`.
    pub fn at(&self, text: &str, at: usize) -> Option<usize> {
        let rest = &text[at..];
        self.starting(text, at).find(|&len| !rest[len..].starts_with(is_word))
    }

    /// The lengths of the words of the list that start a word at byte `at` of `text` (`\b`
    /// before them, whatever follows), in the order of the list.
    pub fn starting<'a>(&'a self, text: &'a str, at: usize) -> impl Iterator<Item = usize> + 'a {
        let open = !text[..at].ends_with(is_word);
        self.0.opening(&text[at..]).filter(move |_| open)
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
    fn whole_words_are_the_pattern() {
        let words = WholeWords::new(&["phấn đấu", "góp phần", "góp"]);
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
