//! Where a clause ends: a mark (`;`, `:`, a tab, a line end) or a sentence end (a `.` that
//! spaces and a capital follow, or that ends the text), scanned rather than compiled: the
//! patterns (`[;:\t\n]|\.(?:\s+[\p{Lu}\-+0-9]|\s*$)`) cost a process more to build than every
//! scan of a document.

use std::ops::Range;

use sohoa_doc::classes::{is_space, is_upper};

/// The marks of one kind of clause end: what `[marks]|\.(?:\s+[opener]|\s*$)` matches.
pub(super) struct ClauseEnds {
    /// Characters that end a clause by themselves.
    pub marks: &'static [char],
    /// Characters besides capitals that open a sentence after a `.` and spaces.
    pub openers: &'static [char],
}

impl ClauseEnds {
    /// The clause ends of `text`, left to right, as the pattern's `find_iter` gives them.
    pub fn iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let found = self.find_at(text, from)?;
            from = found.end;
            Some(found)
        })
    }

    /// The first clause end of `text`.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.find_at(text, 0)
    }

    /// The last clause end of `text`.
    pub fn last(&self, text: &str) -> Option<Range<usize>> {
        self.iter(text).last()
    }

    fn find_at(&self, text: &str, from: usize) -> Option<Range<usize>> {
        text[from..].char_indices().find_map(|(i, c)| self.end_at(text, from + i, c))
    }

    /// The clause end starting at `at` (the character `c`), if any.
    fn end_at(&self, text: &str, at: usize, c: char) -> Option<Range<usize>> {
        if self.marks.contains(&c) {
            return Some(at..at + c.len_utf8());
        }
        if c != '.' {
            return None;
        }
        let rest = &text[at + 1..];
        let after = rest.trim_start_matches(is_space);
        let spaces = rest.len() - after.len();
        match after.chars().next() {
            Some(n) if spaces > 0 && (is_upper(n) || self.openers.contains(&n)) => {
                Some(at..at + 1 + spaces + n.len_utf8())
            }
            None => Some(at..text.len()),
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn ends_are_the_patterns_they_replace() {
        let kinds = [
            (
                ClauseEnds {
                    marks: &[';', ':', '\t', '\n'],
                    openers: &['-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
                },
                r"[;:\t\n]|\.(?:\s+[\p{Lu}\-+0-9]|\s*$)",
            ),
            (ClauseEnds { marks: &[';'], openers: &[] }, r";|\.(?:\s+\p{Lu}|\s*$)"),
        ];
        let pieces = [
            ".", " ", "\u{A0}", "\n", "\t", ";", ":", "x", "Đ", "đ", "-", "+", "7", "Ⅻ", "ǅ", "ǆ", "\u{2003}", "..",
            "A",
        ];
        for (ends, pattern) in kinds {
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            let one = Regex::new(pattern).expect("a test pattern");
            let mut found = 0;
            for text in sohoa_doc::sample::texts(23, &pieces, 40_000, 60) {
                let theirs: Vec<_> = one.find_iter(&text).map(|m| m.range()).collect();
                assert_eq!(ends.iter(&text).collect::<Vec<_>>(), theirs, "{pattern} {text:?}");
                assert_eq!(ends.find(&text), theirs.first().cloned(), "{pattern} {text:?}");
                assert_eq!(ends.last(&text), theirs.last().cloned(), "{pattern} {text:?}");
                found += theirs.len();
            }
            assert!(found > 10_000, "{pattern} {found}");
        }
        assert_eq!(ClauseEnds { marks: &[';'], openers: &[] }.find(""), None);
    }
}
