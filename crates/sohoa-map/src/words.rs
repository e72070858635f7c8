//! Phrase tests on running text that ignore case, tone placement and punctuation.

use crate::folded::{starts_with_words, Folded};

/// `text` on one line: every run of white space (line breaks too) folded into one space, trimmed.
/// Record text values are always written this way.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The folding key of `text` with every character that is not a letter, digit or space dropped.
pub fn key(text: &str) -> String {
    Folded::new(text).key().to_string()
}

/// Whether `text` starts with the words of `phrase` (`Nơi nhận:` starts with `Nơi nhận`).
/// Only as many words of `text` as `phrase` has are folded.
pub fn starts_with(text: &str, phrase: &str) -> bool {
    starts_with_words(text, phrase)
}

/// Whether `text` holds the words of `phrase` as whole words.
pub fn contains(text: &str, phrase: &str) -> bool {
    Folded::new(text).contains(&Folded::new(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_tone_placement_do_not_matter() {
        assert!(starts_with("Nơi nhận:", "Nơi nhận"));
        assert!(starts_with("**Trên đây là** Kế hoạch", "Trên đây là"));
        assert!(!starts_with("Nơi nhậnx", "Nơi nhận"));
        assert!(contains("công tác hoà giải", "hòa giải"));
    }

    #[test]
    fn one_line_folds_every_run_of_white_space() {
        assert_eq!(one_line("  Kế\u{a0}hoạch\n\t số  05 "), "Kế hoạch số 05");
        assert_eq!(one_line(" \n "), "");
    }
}
