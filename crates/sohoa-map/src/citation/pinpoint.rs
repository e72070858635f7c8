//! The pinpoint that ends a text (`khoản 5 Điều 14`, `Phụ lục VII -`, `Biểu 02 - Danh mục ...
//! của`): the span of group 1 of the first match of
//! `(?i)((?:điểm\s+[a-zđ]\)?\s*,?\s*)?(?:khoản\s+[0-9]+\s*,?\s*)?điều\s+[0-9]+[a-zđ]?|phụ\s+lục\s+(?:số\s+)?[IVXLC0-9]+|biểu\s+(?:số\s+)?[0-9]+[a-z]?|chương\s+[IVXLC]+|mục\s+[IVXLC0-9]+)(?:\s*[-–]\s*(?P<gap>[^;:()\-–]{1,80}?)\s+(?:của|tại|thuộc))?\s*(?:của|tại|thuộc|-|–|,)?\s*$`,
//! by lookups (the pattern costs a process a few tenths of a millisecond to build). At each
//! start, the ends the pattern's part can reach are listed in the order it tries them, and the
//! first from which the rest of the text fits the tail is taken.

use std::ops::Range;

use once_cell::sync::Lazy;
use sohoa_doc::classes::is_space;

use super::lex::{comma_gap, some_spaces, spaces, CaseWords};

/// The most characters between a pinpoint's dash and the `của`, `tại`, `thuộc` after it.
const GAP: usize = 80;

struct Words {
    point: CaseWords,
    clause: CaseWords,
    article: CaseWords,
    annex: CaseWords,
    table: CaseWords,
    chapter: CaseWords,
    section: CaseWords,
    number: CaseWords,
    /// `của`, `tại`, `thuộc`.
    link: CaseWords,
}

static WORDS: Lazy<Words> = Lazy::new(|| Words {
    point: CaseWords::new(&["điểm"]),
    clause: CaseWords::new(&["khoản"]),
    article: CaseWords::new(&["điều"]),
    annex: CaseWords::new(&["phụ lục"]),
    table: CaseWords::new(&["biểu"]),
    chapter: CaseWords::new(&["chương"]),
    section: CaseWords::new(&["mục"]),
    number: CaseWords::new(&["số"]),
    link: CaseWords::new(&["của", "tại", "thuộc"]),
});

/// What `(?i)[a-z]` matches: the ASCII letters, the Kelvin sign and the long s.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '\u{212A}' || c == '\u{17F}'
}

/// What `(?i)[a-zđ]` matches.
fn is_latin_or_d(c: char) -> bool {
    is_latin(c) || c == 'đ' || c == 'Đ'
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// What `(?i)[IVXLC]` matches.
fn is_roman(c: char) -> bool {
    "IVXLCivxlc".contains(c)
}

fn is_roman_or_digit(c: char) -> bool {
    is_roman(c) || is_digit(c)
}

/// The span of the pinpoint that ends `text`, as group 1 of the pattern above.
pub(super) fn pinpoint_span(text: &str) -> Option<Range<usize>> {
    let tail = Tail::new(text);
    // only the starts read back from the ends the tail allows are asked (asking every start
    // of a text for each mention in it would make the scan of a paragraph quadratic)
    let mut starts: Vec<usize> = tail.part_ends().into_iter().flat_map(|e| starts_before(text, e)).collect();
    starts.sort_unstable();
    starts.dedup();
    starts.into_iter().find_map(|p| part_ends(text, p).into_iter().find(|&e| tail.fits(e)).map(|e| p..e))
}

/// Where a part of the pattern's group 1 ending at `e` may start, read backwards: every
/// start of a match whose group 1 ends at `e` is among them.
fn starts_before(text: &str, e: usize) -> Vec<usize> {
    let w = &*WORDS;
    let mut starts = Vec::new();
    let before = |at: usize| text[..at].chars().next_back();
    let run_start = |end: usize, class: fn(char) -> bool| text[..end].trim_end_matches(class).len();
    // `word\s+(?:số\s+)?` ending at `at` (`số` only when `number_word`): where the word starts
    let word_starts = |at: usize, word: &CaseWords, number_word: bool| {
        let mut found = Vec::new();
        let Some(spaced) = spaces_back(text, at) else { return found };
        let mut ends = vec![spaced];
        if number_word {
            if let Some(l) = w.number.ending(&text[..spaced]).next() {
                ends.extend(spaces_back(text, spaced - l));
            }
        }
        for end in ends {
            found.extend(word.ending(&text[..end]).map(|l| end - l));
        }
        found
    };
    // the runs before `e`, a letter after them or not
    let mut run_ends = vec![e];
    if let Some(c) = before(e).filter(|&c| is_latin_or_d(c)) {
        run_ends.push(e - c.len_utf8());
    }
    for &x in &run_ends {
        let digits = run_start(x, is_digit);
        if digits < x {
            for article in word_starts(digits, &w.article, false) {
                starts.push(article);
                let clause = clause_before(text, article);
                starts.extend(clause);
                starts.extend(point_before(text, clause.unwrap_or(article)));
                if clause.is_some() {
                    starts.extend(point_before(text, article));
                }
            }
            starts.extend(word_starts(digits, &w.table, true));
        }
    }
    let roman_or_digits = run_start(e, is_roman_or_digit);
    if roman_or_digits < e {
        starts.extend(word_starts(roman_or_digits, &w.annex, true));
        starts.extend(word_starts(roman_or_digits, &w.section, false));
    }
    let roman = run_start(e, is_roman);
    if roman < e {
        starts.extend(word_starts(roman, &w.chapter, false));
    }
    starts
}

/// `\s+` ending at `at`: where it starts.
fn spaces_back(text: &str, at: usize) -> Option<usize> {
    let start = text[..at].trim_end_matches(is_space).len();
    (start < at).then_some(start)
}

/// `\s*,?\s*` ending at `at`, read back as far as it goes.
fn comma_gap_back(text: &str, at: usize) -> usize {
    let t = text[..at].trim_end_matches(is_space);
    t.strip_suffix(',').unwrap_or(t).trim_end_matches(is_space).len()
}

/// `khoản\s+[0-9]+\s*,?\s*` ending at `at`: where it starts.
fn clause_before(text: &str, at: usize) -> Option<usize> {
    let digits_end = comma_gap_back(text, at);
    let digits = text[..digits_end].trim_end_matches(is_digit).len();
    (digits < digits_end).then_some(())?;
    let spaced = spaces_back(text, digits)?;
    WORDS.clause.ending(&text[..spaced]).next().map(|l| spaced - l)
}

/// `điểm\s+[a-zđ]\)?\s*,?\s*` ending at `at`: where it starts.
fn point_before(text: &str, at: usize) -> Option<usize> {
    let end = comma_gap_back(text, at);
    let end = text[..end].strip_suffix(')').map_or(end, str::len);
    let letter = text[..end].chars().next_back().filter(|&c| is_latin_or_d(c))?;
    let spaced = spaces_back(text, end - letter.len_utf8())?;
    WORDS.point.ending(&text[..spaced]).next().map(|l| spaced - l)
}

/// The ends the pattern's group 1 reaches from `p`, in the order it tries them.
fn part_ends(text: &str, p: usize) -> Vec<usize> {
    let w = &*WORDS;
    let mut ends = article_ends(text, p);
    ends.extend(numbered(text, p, &w.annex, true, is_roman_or_digit, None));
    ends.extend(numbered(text, p, &w.table, true, is_digit, Some(is_latin)));
    ends.extend(numbered(text, p, &w.chapter, false, is_roman, None));
    ends.extend(numbered(text, p, &w.section, false, is_roman_or_digit, None));
    ends
}

/// `(?:điểm\s+[a-zđ]\)?\s*,?\s*)?(?:khoản\s+[0-9]+\s*,?\s*)?điều\s+[0-9]+[a-zđ]?` from `p`:
/// each optional part taken first; only one way reaches `điều` (the words differ).
fn article_ends(text: &str, p: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    for q in point_part(text, p).into_iter().chain([p]) {
        for r in clause_part(text, q).into_iter().chain([q]) {
            ends.extend(numbered(text, r, &WORDS.article, false, is_digit, Some(is_latin_or_d)));
        }
    }
    ends
}

/// `điểm\s+[a-zđ]\)?\s*,?\s*` at `p`: where it ends (before a word, the only end that fits).
fn point_part(text: &str, p: usize) -> Option<usize> {
    let after = p + WORDS.point.opening(&text[p..]).next()?;
    let letter_at = after + some_spaces(&text[after..])?;
    let letter = text[letter_at..].chars().next().filter(|&c| is_latin_or_d(c))?;
    let mut at = letter_at + letter.len_utf8();
    at += usize::from(text[at..].starts_with(')'));
    Some(at + comma_gap(&text[at..]))
}

/// `khoản\s+[0-9]+\s*,?\s*` at `q`: where it ends (every digit taken, as before a word).
fn clause_part(text: &str, q: usize) -> Option<usize> {
    let after = q + WORDS.clause.opening(&text[q..]).next()?;
    let digits_at = after + some_spaces(&text[after..])?;
    let digits = text[digits_at..].len() - text[digits_at..].trim_start_matches(is_digit).len();
    let at = digits_at + Some(digits).filter(|&d| d > 0)?;
    Some(at + comma_gap(&text[at..]))
}

/// `word\s+(?:số\s+)?class+letter?` at `p` (`số` only when `number_word`): the ends in the
/// order the pattern tries them (with `số` first; the longest run first, a letter after it
/// first).
fn numbered(
    text: &str,
    p: usize,
    word: &CaseWords,
    number_word: bool,
    class: fn(char) -> bool,
    letter: Option<fn(char) -> bool>,
) -> Vec<usize> {
    let mut ends = Vec::new();
    for len in word.opening(&text[p..]) {
        let Some(n) = some_spaces(&text[p + len..]) else { continue };
        let run_at = p + len + n;
        let after_number = number_word
            .then(|| {
                let l = WORDS.number.opening(&text[run_at..]).next()?;
                Some(run_at + l + some_spaces(&text[run_at + l..])?)
            })
            .flatten();
        for at in after_number.into_iter().chain([run_at]) {
            ends.extend(run_ends(text, at, class, letter));
        }
    }
    ends
}

/// `class+letter?` at `at`: the ends, longest run first, with the letter before without.
fn run_ends(text: &str, at: usize, class: fn(char) -> bool, letter: Option<fn(char) -> bool>) -> Vec<usize> {
    let run: Vec<usize> =
        text[at..].char_indices().take_while(|&(_, c)| class(c)).map(|(i, c)| at + i + c.len_utf8()).collect();
    let mut ends = Vec::new();
    for &end in run.iter().rev() {
        if let Some(c) = letter.and_then(|l| text[end..].chars().next().filter(|&c| l(c))) {
            ends.push(end + c.len_utf8());
        }
        ends.push(end);
    }
    ends
}

/// The tail `(?:\s*[-–]\s*(?P<gap>[^;:()\-–]{1,80}?)\s+(?:của|tại|thuộc))?\s*(?:của|tại|thuộc|-|–|,)?\s*$`
/// of one text: where its `\s+(?:của|tại|thuộc)` may start.
struct Tail<'t> {
    text: &'t str,
    /// Runs of spaces before a last `của`, `tại`, `thuộc` (then a connector, spaces, the end):
    /// the gap may end anywhere in one, a space at least left.
    link_spaces: Vec<Range<usize>>,
    /// Where the text's trailing spaces start.
    end: usize,
    /// Where the tail may start without a dash: before the trailing spaces, before a connector.
    plain: Vec<usize>,
}

impl<'t> Tail<'t> {
    fn new(text: &'t str) -> Tail<'t> {
        let w = &*WORDS;
        let t = text.trim_end_matches(is_space).len();
        let mut before_connector = vec![t];
        for x in connector_endings(&text[..t]) {
            before_connector.push(text[..t - x].trim_end_matches(is_space).len());
        }
        let mut link_spaces = Vec::new();
        let before_connector_ends = before_connector.clone();
        for u in before_connector {
            for l in w.link.ending(&text[..u]) {
                let word_start = u - l;
                let spaces_start = text[..word_start].trim_end_matches(is_space).len();
                if spaces_start < word_start {
                    link_spaces.push(spaces_start..word_start);
                }
            }
        }
        Tail { text, link_spaces, end: t, plain: before_connector_ends }
    }

    /// The ends of group 1 the tail may follow (a character other than a space before each):
    /// before the last spaces, before a connector, before the spaces ahead of a dash that
    /// opens a gap to a `của`, `tại`, `thuộc` ending the text.
    fn part_ends(&self) -> Vec<usize> {
        let text = self.text;
        let mut ends = self.plain.clone();
        for r in &self.link_spaces {
            // the last dash before the run, no `;:()` and at most a gap's worth of other
            // characters than spaces between
            let mut others = 0;
            for (i, c) in text[..r.start].char_indices().rev() {
                if c == '-' || c == '–' {
                    ends.push(text[..i].trim_end_matches(is_space).len());
                    break;
                }
                if matches!(c, ';' | ':' | '(' | ')') {
                    break;
                }
                others += usize::from(!is_space(c));
                if others > GAP {
                    break;
                }
            }
        }
        ends
    }

    /// Whether the tail matches all of `text[e..]`.
    fn fits(&self, e: usize) -> bool {
        self.connector_only(e) || self.dash_gap_link(e)
    }

    /// `\s*(?:của|tại|thuộc|-|–|,)?\s*$` at `e`.
    fn connector_only(&self, e: usize) -> bool {
        let end = self.end;
        if e >= end {
            return true;
        }
        let core = &self.text[e + spaces(&self.text[e..end])..end];
        // a connector has at most five characters of four bytes: a longer rest is not read
        core.is_empty() || core.len() <= 20 && connector_endings(core).any(|l| l == core.len())
    }

    /// `\s*[-–]\s*(?P<gap>[^;:()\-–]{1,80}?)\s+(?:của|tại|thuộc)` then the connector and the end,
    /// at `e`: some end of the gap in [`Tail::link_spaces`] that a gap from after the dash (its
    /// spaces as few as may be given to it) reaches within the bound.
    fn dash_gap_link(&self, e: usize) -> bool {
        let text = self.text;
        let k = e + spaces(&text[e..]);
        let Some(dash) = text[k..].chars().next().filter(|&c| c == '-' || c == '–') else { return false };
        let d = k + dash.len_utf8();
        let last_start = d + spaces(&text[d..]);
        let Some(after_d) = text[d..].chars().next().map(|c| d + c.len_utf8()) else { return false };
        // the gap's first end past the dash is the one to ask: before the dash's spaces end
        // its gap is one space, after them every later end only lengthens it
        self.link_spaces.iter().any(|r| {
            let h = r.start.max(after_d);
            let Some(before_h) = text[..h].char_indices().next_back().map(|(j, _)| j) else { return false };
            let g = last_start.min(before_h);
            h < r.end && g >= d && (h - g) / 4 <= GAP && {
                let gap = &text[g..h];
                gap.chars().count() <= GAP && !gap.contains([';', ':', '(', ')', '-', '–'])
            }
        })
    }
}

/// The lengths of the connectors (`của`, `tại`, `thuộc`, `-`, `–`, `,`) that end `s`.
fn connector_endings(s: &str) -> impl Iterator<Item = usize> + '_ {
    let marks = ["-", "–", ","].into_iter().filter(move |m| s.ends_with(m)).map(str::len);
    WORDS.link.ending(s).chain(marks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    const PATTERN: &str = r"(?i)((?:điểm\s+[a-zđ]\)?\s*,?\s*)?(?:khoản\s+[0-9]+\s*,?\s*)?điều\s+[0-9]+[a-zđ]?|phụ\s+lục\s+(?:số\s+)?[IVXLC0-9]+|biểu\s+(?:số\s+)?[0-9]+[a-z]?|chương\s+[IVXLC]+|mục\s+[IVXLC0-9]+)(?:\s*[-–]\s*(?P<gap>[^;:()\-–]{1,80}?)\s+(?:của|tại|thuộc))?\s*(?:của|tại|thuộc|-|–|,)?\s*$";

    #[test]
    fn the_span_is_the_pattern_group() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(PATTERN).expect("a test pattern");
        let long = "Danh mục nhiệm vụ trọng tâm năm 2026 của các sở";
        let pieces = [
            " ",
            "\u{A0}",
            "Điều 5",
            "điều",
            "khoản 3, ",
            "điểm a) ",
            "điểm đ",
            "Phụ lục số IV",
            "phụ  lục",
            "biểu 2a",
            "Biểu số 02",
            "chương II",
            "mục 1",
            "Mục",
            " - ",
            "–",
            "-",
            " của",
            " tại ",
            "thuộc",
            ",",
            long,
            "x",
            "c",
            "Ic",
            "\u{212A}",
            "\u{17F}",
            ";",
            "(",
            "đ",
            "5",
            "IV",
            "số ",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(81, &pieces, 100_000, 60) {
            let theirs = one.captures(&text).and_then(|c| c.get(1)).map(|m| m.range());
            found += usize::from(theirs.is_some());
            assert_eq!(pinpoint_span(&text), theirs, "{text:?}");
        }
        assert!(found > 5_000, "{found}");
        let far = format!("căn cứ Biểu 02 - {} của ", "x ".repeat(45));
        let cases = [
            "căn cứ Biểu 02 - Danh mục nhiệm vụ của ",
            "tại mục Icủa",
            "điểm a), khoản 5 Điều 14a thuộc",
            "Phụ lục số IV –  của  , ",
            "Điều 5 -  tại",
            far.as_str(),
        ];
        for text in cases {
            let theirs = one.captures(text).and_then(|c| c.get(1)).map(|m| m.range());
            assert_eq!(pinpoint_span(text), theirs, "{text:?}");
        }
        assert_eq!(pinpoint_span("tại mục Icủa").map(|r| &"tại mục Icủa"[r]), Some("mục I"));
        assert_eq!(pinpoint_span(&far), None);
    }

    #[test]
    fn letter_classes_are_the_case_insensitive_ones() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let latin = Regex::new(r"(?i)^[a-z]$").expect("a test pattern");
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let latin_d = Regex::new(r"(?i)^[a-zđ]$").expect("a test pattern");
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_latin(c), latin.is_match(s), "{:X}", c as u32);
            assert_eq!(is_latin_or_d(c), latin_d.is_match(s), "{:X}", c as u32);
        }
        assert!(is_latin('\u{212A}') && !is_latin('đ') && is_latin_or_d('Đ'));
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let roman = Regex::new(r"(?i)^[IVXLC]$").expect("a test pattern");
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_roman(c), roman.is_match(c.encode_utf8(&mut buf)), "{:X}", c as u32);
        }
    }
}
