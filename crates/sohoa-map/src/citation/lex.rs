//! The steps of the citation scans written by hand, each as the pattern piece it replaces
//! matches: a run of `\s`, `\s*,?\s*`, a `\b` after a word, `(?i)` words from a list.

use sohoa_doc::classes::{is_space, is_word, FoldedWords};

/// `\s*`: the byte length of the white space opening `s`.
pub(super) fn spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

/// `\s+`: the byte length of the white space opening `s`, when there is some.
pub(super) fn some_spaces(s: &str) -> Option<usize> {
    Some(spaces(s)).filter(|&n| n > 0)
}

/// `^\s*,?\s*` before a word that opens with neither a space nor a comma: the byte length it
/// takes (the only way it can end before such a word).
pub(super) fn comma_gap(s: &str) -> usize {
    let first = spaces(s);
    let comma = usize::from(s[first..].starts_with(','));
    first + comma + spaces(&s[first + comma..])
}

/// `\b` after a word character: `s` does not open with a word character.
pub(super) fn word_ends(s: &str) -> bool {
    !s.starts_with(is_word)
}

/// Whether a word of `words` opens `s` (any of them, whatever its length).
pub(super) fn opens(words: &FoldedWords, s: &str) -> bool {
    words.opening(s).next().is_some()
}

/// The char boundaries of `s` from the first, `s.len()` included.
pub(super) fn boundaries(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn comma_gap_is_the_pattern() {
        let one = Regex::new(r"^\s*,?\s*").expect("a test pattern");
        let pieces = [" ", ",", "\u{A0}", "x", "\n", ",,", "ữ"];
        for text in sohoa_doc::sample::texts(3, &pieces, 5_000, 61) {
            let theirs = one.find(&text).map_or(0, |m| m.end());
            assert_eq!(comma_gap(&text), theirs, "{text:?}");
        }
        assert_eq!(comma_gap(" ,\u{A0}về"), " ,\u{A0}".len());
    }
}
