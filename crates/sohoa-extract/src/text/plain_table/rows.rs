//! Cutting the chunks after a header into rows: an Stt mark (`1`, `3.`, or a
//! roman group row `II Triển khai ...`) opens a row; the cells' blocks follow,
//! in page parts; a chunk that is clearly not a cell ends the table.

use super::header::{self, Header};
use crate::normalize::fold_key;
use crate::text::plain::{is_caps_line, Chunk};
use once_cell::sync::Lazy;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// An Stt mark at the start of a line, maybe followed by the row's first text.
static MARK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^\s*(?:(?P<num>[0-9]{1,3})(?:\.(?P<sub>[0-9]{1,2}))?|(?P<roman>[IVX]{1,5}))(?P<dot>\.)?(?:\s+(?P<rest>\S.*?))?\s*$",
    )
    .expect("static regex") // invariant: the pattern above is a valid regex literal
});

/// Whether `line` may match [`MARK`]: its first character after white space is a digit or
/// a Roman numeral's letter (checked before building the pattern, which most lines fail).
fn may_open_with_mark(line: &str) -> bool {
    // `char::is_whitespace` and the pattern's `\s` are both Unicode's White_Space
    line.trim_start().starts_with(|c: char| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
}

/// One Vietnamese syllable with its marks removed.
static SYLLABLE: Lazy<Regex> = Lazy::new(|| {
    // invariant: valid literal
    Regex::new(r"^[bcdghklmnpqrstvx]*[aeiouy]+(?:c|ch|m|n|ng|nh|p|t)?$").expect("static regex")
});

/// Lines starting these (folded) end a table: annex titles, recipients, notes, signers.
const STOP_PREFIXES: [&str; 8] = ["phụ lục", "nơi nhận", "ghi chú", "tm.", "kt.", "t/m", "q.", "người lập"];

/// The number printed in an Stt cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Number(u32),
    /// A sub-row `1.2`: its parent number and its own.
    Dotted(u32, u32),
    Roman(u32),
}

/// An Stt mark found at the start of a line.
#[derive(Debug, Clone)]
pub(super) struct Start {
    pub mark: Mark,
    /// The mark as printed (`3.`, `IV.`).
    pub label: String,
    /// Text after the mark on the same line.
    pub rest: Option<String>,
}

/// Some lines of one cell block, with the 1-based line number of the first.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Piece {
    pub lines: Vec<String>,
    pub line: u32,
}

impl Piece {
    /// The longest line, in characters.
    pub fn width(&self) -> usize {
        self.lines.iter().map(|l| l.trim().chars().count()).max().unwrap_or(0)
    }

    /// The first non-blank character.
    pub fn first_char(&self) -> Option<char> {
        self.lines.iter().flat_map(|l| l.trim_start().chars()).next()
    }
}

/// One table row before its blocks are put into columns.
#[derive(Debug, Clone)]
pub(super) struct RawRow {
    pub label: String,
    pub group: bool,
    pub line: u32,
    /// The row's blocks, one list per page it spreads over.
    pub parts: Vec<Vec<Piece>>,
}

/// Which Stt marks may come next.
#[derive(Debug, Default)]
struct Expect {
    last_num: Option<u32>,
    last_roman: Option<u32>,
    last_sub: Option<u32>,
    after_group: bool,
}

impl Expect {
    fn accepts(&self, mark: Mark) -> bool {
        match mark {
            Mark::Number(n) => match self.last_num {
                None => true,
                Some(l) => (n == 1 && self.after_group) || (n > l && n <= l + 2),
            },
            Mark::Dotted(a, b) => self.last_num == Some(a) && b == self.last_sub.map_or(1, |l| l + 1),
            Mark::Roman(r) => !matches!(self.last_roman, Some(l) if r != l + 1),
        }
    }

    fn take(&mut self, mark: Mark) {
        match mark {
            Mark::Number(n) => {
                self.last_num = Some(n);
                self.last_sub = None;
                self.after_group = false;
            }
            Mark::Dotted(_, b) => self.last_sub = Some(b),
            Mark::Roman(r) => {
                self.last_roman = Some(r);
                self.after_group = true;
            }
        }
    }
}

/// An Stt mark at the start of `line`: a number (`3`, `1.2`) or a roman numeral
/// (`II`), alone or before upper-case text.
pub(super) fn row_start_line(line: &str) -> Option<Start> {
    if !may_open_with_mark(line) {
        return None;
    }
    let caps = MARK.captures(line)?;
    let rest = caps.name("rest").map(|m| m.as_str().to_string());
    if rest.as_deref().is_some_and(|r| !r.chars().next().is_some_and(|c| c.is_uppercase() || c == '(')) {
        return None;
    }
    let (mark, text) = if let Some(n) = caps.name("num") {
        let num = n.as_str().parse().ok()?;
        match caps.name("sub") {
            Some(sub) => (Mark::Dotted(num, sub.as_str().parse().ok()?), &line[n.start()..sub.end()]),
            None => (Mark::Number(num), n.as_str()),
        }
    } else {
        let r = caps.name("roman")?;
        (Mark::Roman(roman_value(r.as_str())?), r.as_str())
    };
    let label = format!("{text}{}", caps.name("dot").map_or("", |d| d.as_str()));
    Some(Start { mark, label, rest })
}

/// The value of a roman numeral up to 39, `None` when malformed.
fn roman_value(s: &str) -> Option<u32> {
    const TABLE: [&str; 40] = [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
        "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
        "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
    ];
    TABLE.iter().position(|r| *r == s).filter(|&v| v > 0).map(|v| v as u32)
}

/// Whether a chunk ends the table: an annex title, recipients, a signer, or a title in capitals.
pub(super) fn is_stop(chunks: &[Chunk], k: usize) -> bool {
    chunks[k].lines.first().is_some_and(|l| is_stop_line(l))
}

/// A line that ends a table: see [`is_stop`].
pub(super) fn is_stop_line(line: &str) -> bool {
    let words = folded_words(line);
    STOP_PREFIXES.iter().any(|p| words.starts_with(&folded_words(p))) || is_title_caps(line)
}

/// The folded words of a text, punctuation dropped (tone placement and `:` do not matter).
fn folded_words(text: &str) -> Vec<String> {
    fold_key(&text.replace([':', '.', ',', ';'], " ")).split_whitespace().map(str::to_string).collect()
}

/// What a chunk inside a table's rows is.
enum Seen {
    /// The table's header again (on a new page): its chunks end before this index.
    RepeatedHeader(usize),
    /// Another table's header, or text that ends the table.
    End,
    /// One header title alone (a repeated header written title by title).
    Title,
    Other,
}

/// Classifies chunk `k` against the table's `header`.
fn see(chunks: &[Chunk], k: usize, header: &Header) -> Seen {
    if is_stop(chunks, k) {
        return Seen::End;
    }
    let first = chunks[k].lines.first().copied().unwrap_or("");
    if header::starts_with_stt(first) {
        if let Some(h) = header::read(chunks, k) {
            return if titles_key(&h.titles) == titles_key(&header.titles) {
                Seen::RepeatedHeader(h.next)
            } else {
                Seen::End
            };
        }
    }
    let text = fold_key(&chunks[k].lines.join(" "));
    if header.titles.iter().any(|t| fold_key(t) == text) {
        return Seen::Title;
    }
    Seen::Other
}

fn titles_key(titles: &[String]) -> Vec<String> {
    titles.iter().map(|t| fold_key(t)).collect()
}

/// A line in capitals that reads as a title (`KẾ HOẠCH`, `CHỦ TỊCH`), not unit acronyms (`HĐND – UBND`).
fn is_title_caps(line: &str) -> bool {
    let syllables = line.split_whitespace().filter(|w| is_syllable(w)).count();
    is_caps_line(line) && syllables >= 2 && !line.chars().any(|c| c.is_ascii_digit())
}

/// A word shaped like one Vietnamese syllable (`HOẠCH`), unlike an acronym (`UBND`).
fn is_syllable(word: &str) -> bool {
    let base: String = word
        .nfd()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect();
    SYLLABLE.is_match(&base)
}

/// The Stt mark opening chunk `k`, when it is the one expected next.
fn start_of(chunk: &Chunk, expect: &Expect) -> Option<Start> {
    let start = row_start_line(chunk.lines.first()?)?;
    expect.accepts(start.mark).then_some(start)
}

/// Cuts the chunks after `header` into rows; returns them and the index of the
/// first chunk after the table. `None` when no row follows the header.
pub(super) fn scan(chunks: &[Chunk], header: &Header, cells_per_row: usize) -> Option<(Vec<RawRow>, usize)> {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut expect = Expect::default();
    let mut content_width = 0;
    let mut page_break = false;
    let mut k = header.next;
    while k < chunks.len() {
        let chunk = &chunks[k];
        page_break |= chunk.after_page_break;
        if let Some(start) = start_of(chunk, &expect) {
            if matches!(start.mark, Mark::Roman(_)) && !group_confirmed(chunks, k) {
                break;
            }
            expect.take(start.mark);
            let row = open_row(chunk, start);
            content_width = content_width.max(first_content_width(&row));
            rows.push(row);
            page_break = false;
            k += 1;
            continue;
        }
        match see(chunks, k, header) {
            Seen::End => break,
            Seen::RepeatedHeader(next) => {
                k = next;
                continue;
            }
            Seen::Title => {}
            Seen::Other => {
                let row = rows.last_mut()?;
                if ends_table(chunk, row, content_width, cells_per_row) {
                    break;
                }
                add_chunk(row, chunk, page_break);
                page_break = false;
            }
        }
        k += 1;
    }
    (!rows.is_empty()).then_some((rows, k))
}

/// A group row is one when a numbered row follows it (after its title, when the
/// title stands in the next chunk); else the roman numeral heads the text after the table.
fn group_confirmed(chunks: &[Chunk], k: usize) -> bool {
    chunks.iter().skip(k + 1).take(2).any(|c| {
        c.lines
            .first()
            .and_then(|l| row_start_line(l))
            .is_some_and(|s| matches!(s.mark, Mark::Number(_) | Mark::Dotted(..)))
    })
}

/// A row of column numbers under a header (`1 2 3 4`, `(1) (2) (3)`).
pub(super) fn is_column_numbers(chunk: &Chunk) -> bool {
    let tokens: Vec<&str> = chunk.lines.iter().flat_map(|l| l.split_whitespace()).collect();
    tokens.len() >= 3
        && tokens.iter().all(|t| {
            let t = t.trim_start_matches('(').trim_end_matches(')');
            !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit())
        })
}

/// A new row from the chunk holding its Stt mark.
fn open_row(chunk: &Chunk, start: Start) -> RawRow {
    let line = chunk.start as u32 + 1;
    let mut lines: Vec<String> = start.rest.into_iter().collect();
    lines.extend(chunk.lines[1..].iter().map(std::string::ToString::to_string));
    let group = matches!(start.mark, Mark::Roman(_));
    let first = if lines.is_empty() { Vec::new() } else { vec![Piece { lines, line }] };
    RawRow { label: start.label, group, line, parts: vec![first] }
}

/// Width of a row's first content block (0 when the content starts in a later chunk).
fn first_content_width(row: &RawRow) -> usize {
    if row.group {
        return 0;
    }
    row.parts.first().and_then(|p| p.first()).map_or(0, Piece::width)
}

/// Adds a chunk to the row's current page part, opening a new part after a page break.
fn add_chunk(row: &mut RawRow, chunk: &Chunk, page_break: bool) {
    if page_break {
        row.parts.push(Vec::new());
    }
    let piece = Piece {
        lines: chunk.lines.iter().map(std::string::ToString::to_string).collect(),
        line: chunk.start as u32 + 1,
    };
    if let Some(part) = row.parts.last_mut() {
        part.push(piece);
    }
}

/// Whether `chunk` is running text after the last row: a wide paragraph in upper
/// case once the row already has a block for every column (or a group row its title).
fn ends_table(chunk: &Chunk, row: &RawRow, content_width: usize, cells_per_row: usize) -> bool {
    const MIN_WIDE: usize = 35;
    if content_width < MIN_WIDE {
        return false;
    }
    let wide = chunk_width(chunk) >= content_width * 8 / 10;
    let upper = chunk.lines.first().and_then(|l| l.trim_start().chars().next()).is_some_and(char::is_uppercase);
    if row.group {
        return wide && upper && row.parts.iter().any(|p| !p.is_empty());
    }
    let narrow = row.parts.iter().flatten().filter(|p| p.width() * 10 < content_width * 6).count();
    narrow >= cells_per_row && upper && wide
}

/// The longest line of a chunk, in characters.
fn chunk_width(chunk: &Chunk) -> usize {
    chunk.lines.iter().map(|l| l.trim().chars().count()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_the_guard_refuses_never_matches_the_mark() {
        let pieces = [
            " ",
            "\u{a0}",
            "\u{3000}",
            "\t",
            "1",
            "12",
            ".",
            "3",
            "I",
            "V",
            "X",
            "i",
            "Ⅳ",
            "١",
            "a",
            "Nhiệm vụ",
            "-",
            "(",
        ];
        let mut refused = 0;
        for line in sohoa_doc::sample::texts(43, &pieces, 20_000, 61) {
            if !may_open_with_mark(&line) {
                refused += 1;
                assert!(!MARK.is_match(&line), "{line:?}");
            }
        }
        assert!(refused > 1_000, "{refused}");
    }

    #[test]
    fn reads_stt_marks() {
        assert_eq!(row_start_line("12").map(|s| s.mark), Some(Mark::Number(12)));
        assert_eq!(row_start_line("3.").map(|s| s.label), Some("3.".to_string()));
        let g = row_start_line("IV. Nhiệm vụ khác có liên quan");
        assert_eq!(g.as_ref().map(|s| s.mark), Some(Mark::Roman(4)));
        assert_eq!(g.and_then(|s| s.rest), Some("Nhiệm vụ khác có liên quan".to_string()));
        assert!(row_start_line("6 tháng đầu năm").is_none());
        assert!(row_start_line("15/9/2024").is_none());
        assert!(row_start_line("100% thủ tục").is_none());
        let d = row_start_line("2.1.");
        assert_eq!(d.as_ref().map(|s| s.mark), Some(Mark::Dotted(2, 1)));
        assert_eq!(d.map(|s| s.label), Some("2.1.".to_string()));
    }

    #[test]
    fn numbering_must_follow_on() {
        let mut e = Expect::default();
        e.take(Mark::Number(3));
        assert!(e.accepts(Mark::Number(4)));
        assert!(!e.accepts(Mark::Number(1)));
        assert!(!e.accepts(Mark::Number(9)));
        assert!(e.accepts(Mark::Dotted(3, 1)));
        assert!(!e.accepts(Mark::Dotted(3, 2)));
        e.take(Mark::Dotted(3, 1));
        assert!(e.accepts(Mark::Dotted(3, 2)));
        assert!(e.accepts(Mark::Number(4)));
        e.take(Mark::Roman(2));
        assert!(e.accepts(Mark::Number(1)));
        assert!(e.accepts(Mark::Roman(3)));
        assert!(!e.accepts(Mark::Roman(5)));
    }

    #[test]
    fn stop_lines_are_found_whatever_the_tone_placement() {
        let lines: Vec<String> =
            ["Phụ lục II", "", "Nơi nhận:", "", "Xã Hòa Thắng"].iter().map(std::string::ToString::to_string).collect();
        let chunks = crate::text::plain::chunks(&lines);
        let stops: Vec<bool> = (0..chunks.len()).map(|k| is_stop(&chunks, k)).collect();
        assert_eq!(stops, [true, true, false]);
    }

    #[test]
    fn title_capitals_are_not_unit_acronyms() {
        assert!(is_title_caps("KẾ HOẠCH"));
        assert!(!is_title_caps("HĐND-UBND"));
        assert!(!is_title_caps("HĐND – UBND"));
    }
}
