//! Matches of a pattern that a letter follows, the letter looked up rather than compiled into
//! the pattern: a `\p{L}` costs a process about 0.2 ms to build, more than every scan of a
//! document.

use regex::{Captures, Regex};

/// A match of the pattern and where the letter after it starts.
pub struct LetterAfter<'t> {
    pub caps: Captures<'t>,
    pub letter_start: usize,
    pub letter_end: usize,
}

/// (Tests only: the reference the citation scans are checked against.)
/// The matches of `pattern` followed by a character `letter` accepts, left to right, each
/// search resuming after the letter: what `captures_iter` of the pattern with the letter class
/// appended finds, for a pattern that from a given start can end in one place only before a
/// letter (its last part a greedy `\s+` or `\s*` after digits or words, as every caller's is).
#[cfg(test)]
pub fn captures_then_letter<'t>(pattern: &Regex, text: &'t str, letter: impl Fn(char) -> bool) -> Vec<LetterAfter<'t>> {
    captures_then(pattern, text, |rest| rest.chars().next().filter(|&c| letter(c)).map(char::len_utf8))
}

/// [`captures_then_letter`] with any tail: `tail` gives the length of what must follow the
/// pattern's match (`None` when nothing fits), as the part appended to the pattern would.
pub fn captures_then<'t>(pattern: &Regex, text: &'t str, tail: impl Fn(&str) -> Option<usize>) -> Vec<LetterAfter<'t>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(caps) = pattern.captures_at(text, at) {
        // invariant: group 0 is the whole match and is always set
        let whole = caps.get(0).expect("group 0");
        let end = whole.end();
        match tail(&text[end..]) {
            Some(len) if len > 0 => {
                at = end + len;
                out.push(LetterAfter { caps, letter_start: end, letter_end: at });
            }
            _ if whole.is_empty() => match text[end..].chars().next() {
                Some(c) => at = end + c.len_utf8(),
                None => break,
            },
            _ => at = end,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sohoa_doc::classes;

    #[test]
    fn a_letter_after_the_pattern_is_the_letter_in_it() {
        let pairs = [
            (r"([0-9]+(?:[.,][0-9]+)*)\s+", r"([0-9]+(?:[.,][0-9]+)*)\s+(\p{L})"),
            (r"\b(?:Bộ\s+)?Luật\s+", r"\b(?:Bộ\s+)?Luật\s+(\p{L})"),
        ];
        let pieces = ["12", " ", "Luật", "Bộ ", "3.5", ",", "x", "ữ", "Ⅻ", "\u{A0}", "1,2.", "L", "uật", "\t", "/"];
        for (seed, (short, long)) in (5u64..).zip(pairs) {
            let (short, long) = (Regex::new(short).expect("a test pattern"), Regex::new(long).expect("a test pattern"));
            let mut found = 0;
            for text in sohoa_doc::sample::texts(seed, &pieces, 20_000, 60) {
                // the short pattern's groups (the whole match by its start), then the letter, the
                // long pattern's last group
                let groups = short.captures_len();
                let ours: Vec<_> = captures_then_letter(&short, &text, classes::is_letter)
                    .iter()
                    .map(|m| {
                        (
                            (0..groups)
                                .map(|i| m.caps.get(i).map(|g| g.start()..if i == 0 { g.start() } else { g.end() }))
                                .collect::<Vec<_>>(),
                            m.letter_start..m.letter_end,
                        )
                    })
                    .collect();
                let theirs: Vec<_> = long
                    .captures_iter(&text)
                    .map(|c| {
                        let letter = c.get(groups).map_or(0..0, |g| g.range());
                        (
                            (0..groups)
                                .map(|i| c.get(i).map(|g| g.start()..if i == 0 { g.start() } else { g.end() }))
                                .collect::<Vec<_>>(),
                            letter,
                        )
                    })
                    .collect();
                found += theirs.len();
                assert_eq!(ours, theirs, "{text:?}");
            }
            assert!(found > 300, "{found}");
        }
    }
}
