//! Phrases that end a text, as `(?i)` patterns of the form `P(?:\s+M)*\s*$` match them, the
//! words looked up rather than compiled (such a pattern costs a process about 0.2 ms to build,
//! more than every lookup of a document).

use sohoa_doc::classes::{is_space, is_word, FoldedWords};

/// The words of one ending pattern.
pub struct PhraseEnd {
    /// Phrases matched wherever they start (`tối\s+thiểu`).
    free: FoldedWords,
    /// Phrases matched only after a word break (`\btrên`).
    after_break: FoldedWords,
    /// Words any number of which may follow the phrase, spaces before each (`là`, `đạt`).
    modifiers: FoldedWords,
}

/// The word lists of a [`PhraseEnd`]; a space inside a word stands for `\s+`.
pub struct PhraseEndWords<'a> {
    pub free: &'a [&'a str],
    pub after_break: &'a [&'a str],
    pub modifiers: &'a [&'a str],
}

impl PhraseEnd {
    pub fn new(words: &PhraseEndWords) -> PhraseEnd {
        PhraseEnd {
            free: FoldedWords::new(words.free),
            after_break: FoldedWords::new(words.after_break),
            modifiers: FoldedWords::new(words.modifiers),
        }
    }

    /// Whether a phrase, its modifiers and spaces end `text`: what
    /// `(?i)(?:free|\b(?:after_break))(?:\s+(?:modifiers))*\s*$` matches.
    pub fn ends(&self, text: &str) -> bool {
        self.ends_trimmed(text.trim_end_matches(is_space))
    }

    /// Every way of reading the end of `text` is tried, so this is the pattern's match exactly.
    fn ends_trimmed(&self, text: &str) -> bool {
        let before = |len: usize| &text[..text.len() - len];
        self.free.ending(text).next().is_some()
            || self.after_break.ending(text).any(|len| !before(len).ends_with(is_word))
            || self.modifiers.ending(text).any(|len| {
                let rest = before(len);
                let trimmed = rest.trim_end_matches(is_space);
                trimmed.len() < rest.len() && self.ends_trimmed(trimmed)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn ends_is_the_pattern() {
        let words = PhraseEndWords {
            free: &["tối thiểu", "không thấp hơn"],
            after_break: &["trên"],
            modifiers: &["là", "đạt", "tỷ lệ"],
        };
        let ending = PhraseEnd::new(&words);
        let one = Regex::new(r"(?i)(?:tối\s+thiểu|không\s+thấp\s+hơn|\btrên)(?:\s+(?:là|đạt|tỷ\s+lệ))*\s*$")
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            .expect("a test pattern");
        let pieces = [
            "tối",
            " thiểu",
            " ",
            "TỐI THIỂU",
            "trên",
            "xtrên",
            "là",
            " đạt",
            "Tỷ  Lệ",
            "\u{A0}",
            "không thấp hơn",
            "_",
            "1",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(13, &pieces, 40_000, 60) {
            assert_eq!(ending.ends(&text), one.is_match(&text), "{text:?}");
            found += usize::from(one.is_match(&text));
        }
        assert!(found > 1000, "{found}");
    }
}
