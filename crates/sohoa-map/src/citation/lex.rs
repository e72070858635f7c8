//! The steps of the citation scans written by hand, each as the pattern piece it replaces
//! matches: a run of `\s`, `\s*,?\s*`, a `\b` after a word, `(?i)` words from a list.

use sohoa_doc::classes::{is_space, is_word};

/// The one lower-case character of `c`, when it has one.
fn lower(c: char) -> Option<char> {
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// Whether `(?i)` matches `c` where a word has `letter`, for the letters of the words of these
/// scans (Vietnamese and ASCII ones; checked on every code point against the regex parser's
/// folding): the same character, the same lower case, or the long s for `s`.
fn same_letter(c: char, letter: char) -> bool {
    if c == letter {
        return true;
    }
    if c.is_ascii() && letter.is_ascii() {
        return c.eq_ignore_ascii_case(&letter);
    }
    let l = lower(letter);
    (lower(c).is_some() && lower(c) == l) || (c == '\u{17F}' && l == Some('s'))
}

/// Words as a `(?i)` pattern matches them, a space standing for `\s+`: what
/// `sohoa_doc::classes::FoldedWords` does, with nothing to build (its folding costs a process a
/// few microseconds a letter).
pub(super) struct CaseWords(Vec<Vec<Option<char>>>);

impl CaseWords {
    pub(super) fn new(words: &[&str]) -> CaseWords {
        CaseWords(words.iter().map(|w| w.chars().map(|c| (c != ' ').then_some(c)).collect()).collect())
    }

    /// The lengths of the words that open `text`, in the order of the list.
    pub(super) fn opening<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.0.iter().filter_map(move |word| {
            let mut rest = text;
            for unit in word {
                rest = match *unit {
                    None => Some(rest.trim_start_matches(is_space)).filter(|r| r.len() < rest.len())?,
                    Some(letter) => rest.strip_prefix(|c| same_letter(c, letter))?,
                };
            }
            Some(text.len() - rest.len())
        })
    }

    /// The lengths of the words that end `text`, in the order of the list.
    pub(super) fn ending<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.endings(text).map(|(_, len)| len)
    }

    /// The words that end `text`: their places in the list, in its order, and their lengths.
    pub(super) fn endings<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.0.iter().enumerate().filter_map(move |(i, word)| {
            let mut rest = text;
            for unit in word.iter().rev() {
                rest = match *unit {
                    None => Some(rest.trim_end_matches(is_space)).filter(|r| r.len() < rest.len())?,
                    Some(letter) => rest.strip_suffix(|c| same_letter(c, letter))?,
                };
            }
            Some((i, text.len() - rest.len()))
        })
    }

    /// Whether a word opens `text` and ends a word there: what `(?i)^(?:words)\b` matches, for
    /// words that end with a word character.
    pub(super) fn opens_word(&self, text: &str) -> bool {
        self.opening(text).any(|len| !text[len..].starts_with(is_word))
    }
}

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
pub(super) fn opens(words: &CaseWords, s: &str) -> bool {
    words.opening(s).next().is_some()
}

/// The char boundaries of `s` from the first, `s.len()` included.
pub(super) fn boundaries(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len()))
}

/// The run of spaces right before `text[..end]` ends, when there is one: where a `\s+` before
/// a word ending there may start.
pub(super) fn spaces_before(text: &str, end: usize) -> Option<std::ops::Range<usize>> {
    let start = text[..end].trim_end_matches(is_space).len();
    (start < end).then_some(start..end)
}

/// What a lazy gap of a pattern may hold: at most `max` characters, each one `allowed`.
#[derive(Clone, Copy)]
pub(super) struct GapRule {
    pub max: usize,
    pub allowed: fn(char) -> bool,
}

/// Where the gaps of one text may end ([`lazy_gap`]): a run of spaces, and where the stretch
/// before it that holds only allowed characters starts (found once per text, so that each
/// gap is not read again).
#[derive(Clone)]
pub(super) struct GapEnds {
    pub ends: std::ops::Range<usize>,
    clean_from: usize,
}

impl GapEnds {
    pub(super) fn new(text: &str, ends: std::ops::Range<usize>, rule: GapRule) -> GapEnds {
        let before = &text[..ends.start];
        // no gap reaches further back than `max` characters: the stretch is not read past them
        let window = before.char_indices().rev().take(rule.max.saturating_add(1));
        let mut clean_from = ends.start;
        for (i, c) in window {
            if !(rule.allowed)(c) {
                break;
            }
            clean_from = i;
        }
        GapEnds { ends, clean_from }
    }

    /// The earliest a gap may start.
    pub(super) fn earliest_gap(&self) -> usize {
        self.clean_from
    }
}

/// `\s+(?P<gap>[allowed]{1,max}?)` at `after` followed by a `\s+` that starts in `ends` (a
/// run of spaces, all of whose starts fit what follows): the gap the pattern takes, its spaces
/// given back one at a time from the longest run, the shortest gap first.
pub(super) fn lazy_gap(text: &str, after: usize, gap_ends: &GapEnds, rule: GapRule) -> Option<std::ops::Range<usize>> {
    let ends = &gap_ends.ends;
    let run = some_spaces(&text[after..])?;
    let inner = text[after..after + run].char_indices().rev().filter(|&(i, _)| i > 0).map(|(i, _)| after + i);
    std::iter::once(after + run).chain(inner).find_map(|g| {
        let first = text[g..].chars().next()?;
        let shortest = g + first.len_utf8();
        let h = if shortest <= ends.start {
            ends.start
        } else if shortest < ends.end {
            shortest
        } else {
            return None;
        };
        // a character takes at most four bytes: a longer gap is not counted
        let short = (h - g) / 4 <= rule.max;
        let allowed = if h == ends.start { g >= gap_ends.clean_from } else { text[g..h].chars().all(rule.allowed) };
        let counted = || rule.max == usize::MAX || text[g..h].chars().count() <= rule.max;
        (short && allowed && counted()).then_some(g..h)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use sohoa_doc::classes::FoldedWords;

    /// Every letter of the words the citation scans look up.
    const LETTERS: &str = "thông tư liên tịch nghị định quyết chỉ thị công văn điện kế hoạch báo bản hướng dẫn cáo đề án \
        phương bộ luật số ngày năm về và các những một hiện hành để nhằm đối với được đã sẽ thì là ban của kèm theo tại giao \
        quyền uỷ mẫu điều lục biểu chương mục điểm khoản thuộc v/v sửa bổ sung quy phê duyệt triển khai thành lập kiện toàn bố";

    #[test]
    fn same_letter_is_the_regex_folding_on_every_code_point() {
        let mut letters: Vec<char> = LETTERS.chars().filter(|c| !c.is_whitespace() && *c != '\\').collect();
        letters.sort_unstable();
        letters.dedup();
        let mut buf = [0u8; 4];
        let mut matched = 0;
        for &letter in &letters {
            let folded = FoldedWords::new(&[letter.encode_utf8(&mut buf)]);
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                let theirs = folded.opening(c.encode_utf8(&mut buf)).next().is_some();
                assert_eq!(same_letter(c, letter), theirs, "{letter} {:X}", c as u32);
                matched += usize::from(theirs);
            }
        }
        assert!(letters.len() > 30 && matched > 2 * letters.len(), "{} {matched}", letters.len());
    }

    #[test]
    fn words_match_as_folded_words_do() {
        let list = ["thông tư", "thông tư liên tịch", "số", "kèm theo", "v/v"];
        let (ours, theirs) = (CaseWords::new(&list), FoldedWords::new(&list));
        let pieces = [
            "thông",
            " ",
            "TƯ",
            " liên",
            " tịch",
            "\u{A0}",
            "\u{17F}ố",
            "SỐ",
            "x",
            "Kèm",
            "\u{212A}èm",
            "theo",
            "V/V",
            "\u{301}",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(5, &pieces, 20_000, 61) {
            let a: Vec<_> = ours.opening(&text).collect();
            assert_eq!(a, theirs.opening(&text).collect::<Vec<_>>(), "{text:?}");
            assert_eq!(ours.endings(&text).collect::<Vec<_>>(), theirs.endings(&text).collect::<Vec<_>>(), "{text:?}");
            assert_eq!(ours.opens_word(&text), theirs.opens_word(&text), "{text:?}");
            found += a.len();
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn comma_gap_is_the_pattern() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"^\s*,?\s*").expect("a test pattern");
        let pieces = [" ", ",", "\u{A0}", "x", "\n", ",,", "ữ"];
        for text in sohoa_doc::sample::texts(3, &pieces, 5_000, 61) {
            let theirs = one.find(&text).map_or(0, |m| m.end());
            assert_eq!(comma_gap(&text), theirs, "{text:?}");
        }
        assert_eq!(comma_gap(" ,\u{A0}về"), " ,\u{A0}".len());
    }
}
