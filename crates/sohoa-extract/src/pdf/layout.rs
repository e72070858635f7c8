//! Glyphs to words, words to lines: the positioned text of one page.
//!
//! Shared by the text layer and OCR (whose words arrive already formed).
//! Coordinates are display space (points, top-left origin, y down).

use super::device::Glyph;
use crate::normalize::Normalizer;
use std::rc::Rc;

/// A word: its text as runs of one font each, and its box.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// `(font, raw text)` runs, as the page gives them (not yet normalized).
    pub runs: Vec<(Option<Rc<str>>, String)>,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    pub baseline: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
}

impl Word {
    /// A word of one run (OCR words, tests).
    pub fn plain(text: &str, x0: f32, x1: f32, top: f32, bottom: f32) -> Word {
        let size = (bottom - top).max(1.0);
        Word {
            runs: vec![(None, text.to_string())],
            x0,
            x1,
            top,
            bottom,
            baseline: bottom,
            size,
            bold: false,
            italic: false,
        }
    }

    pub fn raw_text(&self) -> String {
        self.runs.iter().map(|r| r.1.as_str()).collect()
    }

    pub fn center(&self) -> (f32, f32) {
        ((self.x0 + self.x1) / 2.0, (self.top + self.bottom) / 2.0)
    }

    fn push_glyph(&mut self, g: &Glyph) {
        let same_font = match self.runs.last_mut() {
            Some((font, text)) if *font == g.font => {
                text.push_str(&g.text);
                true
            }
            _ => {
                self.runs.push((g.font.clone(), g.text.clone()));
                false
            }
        };
        self.x1 = self.x1.max(g.x_end);
        self.top = self.top.min(g.y - g.size * 0.8);
        self.bottom = self.bottom.max(g.y + g.size * 0.2);
        self.size = self.size.max(g.size);
        // A font already in the word leaves bold and italic as they are.
        if !same_font {
            self.bold = self.bold && g.font.as_deref().is_some_and(is_bold_font);
            self.italic = self.italic && g.font.as_deref().is_some_and(is_italic_font);
        }
    }

    fn from_glyph(g: &Glyph) -> Word {
        Word {
            runs: vec![(g.font.clone(), g.text.clone())],
            x0: g.x,
            x1: g.x_end.max(g.x),
            top: g.y - g.size * 0.8,
            bottom: g.y + g.size * 0.2,
            baseline: g.y,
            size: g.size,
            bold: g.font.as_deref().is_some_and(is_bold_font),
            italic: g.font.as_deref().is_some_and(is_italic_font),
        }
    }
}

/// Font names that say bold (`TimesNewRomanPS-BoldMT`, `VnTimeBold`, `Arial,Bold`).
pub(crate) fn is_bold_font(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["bold", "black", "heavy", "demi", ",b"].iter().any(|k| lower.contains(k))
}

/// Font names that say italic (`TimesNewRomanPS-ItalicMT`, `VnTimeItalic`, `Arial,Italic`).
pub(crate) fn is_italic_font(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["italic", "oblique", ",i"].iter().any(|k| lower.contains(k))
}

/// Groups glyphs (in drawing order) into words.
pub(crate) fn words_from_glyphs(glyphs: &[Glyph]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<Word> = None;
    let mut last: Option<&Glyph> = None;
    for g in glyphs {
        if g.text.chars().all(char::is_whitespace) {
            words.extend(current.take());
            last = Some(g);
            continue;
        }
        if last.is_some_and(|l| duplicate(l, g)) {
            continue; // fake bold: the same glyph drawn twice, slightly offset
        }
        current = match current.take() {
            Some(mut w) if continues(&w, g) => {
                w.push_glyph(g);
                Some(w)
            }
            done => {
                words.extend(done);
                Some(Word::from_glyph(g))
            }
        };
        last = Some(g);
    }
    words.extend(current);
    words
}

fn duplicate(a: &Glyph, b: &Glyph) -> bool {
    a.text == b.text && (a.x - b.x).abs() < a.size * 0.15 && (a.y - b.y).abs() < a.size * 0.15
}

/// Whether glyph `g` continues word `w` on the same baseline without a gap.
fn continues(w: &Word, g: &Glyph) -> bool {
    let size = w.size.max(g.size);
    (g.y - w.baseline).abs() <= size * 0.3 && g.x >= w.x1 - size * 0.4 && g.x - w.x1 <= size * 0.15
}

/// A line (or one segment of a line, where a wide gap splits it) of words.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub words: Vec<Word>,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    pub baseline: f32,
    pub size: f32,
    /// Number of segments the visual line was split into (1 = a plain line).
    pub parts: usize,
}

impl Line {
    fn from_words(words: Vec<Word>, parts: usize) -> Line {
        let words = drop_note_marks(words);
        let f = |init: f32, op: fn(f32, f32) -> f32, get: fn(&Word) -> f32| words.iter().map(get).fold(init, op);
        let size = median(words.iter().map(|w| w.size).collect());
        Line {
            x0: f(f32::INFINITY, f32::min, |w| w.x0),
            x1: f(f32::NEG_INFINITY, f32::max, |w| w.x1),
            top: f(f32::INFINITY, f32::min, |w| w.top),
            bottom: f(f32::NEG_INFINITY, f32::max, |w| w.bottom),
            baseline: words.first().map_or(0.0, |w| w.baseline),
            size,
            parts,
            words,
        }
    }

    /// Bold throughout, a leading label (`II.` in a plain font) aside.
    pub fn bold(&self) -> bool {
        let skip = usize::from(self.words.len() > 1 && is_bare_label(&self.words[..1]));
        self.words.len() > skip && self.words[skip..].iter().all(|w| w.bold)
    }

    /// The raw text, words separated by spaces (for comparisons, not output).
    pub fn raw_text(&self) -> String {
        self.words.iter().map(Word::raw_text).collect::<Vec<_>>().join(" ")
    }

    /// The normalized text: runs of one font go through the normalizer together.
    pub fn text(&self, norm: &mut Normalizer) -> String {
        let mut runs: Vec<(Option<Rc<str>>, String)> = Vec::new();
        for (i, word) in self.words.iter().enumerate() {
            for (j, (font, text)) in word.runs.iter().enumerate() {
                let sep = if i > 0 && j == 0 { " " } else { "" };
                match runs.last_mut() {
                    Some((f, t)) if f == font => {
                        t.push_str(sep);
                        t.push_str(text);
                    }
                    Some((_, t)) => {
                        t.push_str(sep);
                        runs.push((font.clone(), text.clone()));
                    }
                    None => runs.push((font.clone(), text.clone())),
                }
            }
        }
        let out: String = runs.iter().map(|(f, t)| norm.run(&undo_pdf_remap(t, f.as_deref()), f.as_deref())).collect();
        crate::normalize::single_space(&out)
    }

    pub fn italic(&self) -> bool {
        !self.words.is_empty() && self.words.iter().all(|w| w.italic)
    }
}

/// Acrobat Distiller moves two bytes of 8-bit legacy fonts (TCVN3 `ư` at 0xAD, a
/// soft hyphen in WinAnsi, and `ã` at 0xB7, a middle dot) into a CID font whose
/// ToUnicode says MINUS SIGN and BULLET OPERATOR; in a legacy-font run they are
/// put back, so the normalizer sees the font's 8-bit text.
fn undo_pdf_remap<'t>(text: &'t str, font: Option<&str>) -> std::borrow::Cow<'t, str> {
    let legacy = crate::normalize::legacy::font_hint(font).encoding.is_some();
    if !legacy || !text.contains(['\u{2212}', '\u{2219}']) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{2212}' => '\u{AD}',
            '\u{2219}' => '\u{B7}',
            c => c,
        })
        .collect()
}

/// Footnote marks: small raised digits after a word (`ngành¹`), dropped from the line.
fn drop_note_marks(words: Vec<Word>) -> Vec<Word> {
    if words.len() < 2 {
        return words;
    }
    let size = median(words.iter().map(|w| w.size).collect());
    let base = median(words.iter().map(|w| w.baseline).collect());
    let is_mark = |w: &Word| {
        let text = w.raw_text();
        w.size < size * 0.8
            && w.baseline < base - size * 0.15
            && text.len() <= 3
            && text.chars().all(|c| c.is_ascii_digit() || c == '*')
    };
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut after_mark = false;
    for w in words {
        if is_mark(&w) {
            after_mark = true;
            continue;
        }
        let punct = w.raw_text().starts_with(['.', ',', ';', ':', ')']);
        match out.last_mut() {
            // `ngành¹.` : the full stop after a dropped mark goes back to its word.
            Some(prev) if after_mark && punct => {
                prev.runs.extend(w.runs);
                prev.x1 = prev.x1.max(w.x1);
            }
            _ => out.push(w),
        }
        after_mark = false;
    }
    out
}

pub(crate) fn median(mut v: Vec<f32>) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

/// Groups words into lines in reading order; a gap wider than a few em splits
/// a visual line into segments (the two halves of an official letterhead).
pub(crate) fn lines_from_words(mut words: Vec<Word>) -> Vec<Line> {
    words.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<Word>> = Vec::new();
    for w in words {
        match rows.last_mut() {
            Some(row) if same_row(row, &w) => row.push(w),
            _ => rows.push(vec![w]),
        }
    }
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let segments = split_segments(row);
        let parts = segments.len();
        lines.extend(segments.into_iter().map(|s| Line::from_words(s, parts)));
    }
    lines
}

fn same_row(row: &[Word], w: &Word) -> bool {
    let Some(first) = row.first() else { return false };
    let size = row.iter().map(|x| x.size).fold(w.size, f32::max);
    let base = row.iter().map(|x| x.baseline).sum::<f32>() / row.len() as f32;
    (w.baseline - base).abs() <= size * 0.4 && w.baseline - first.baseline <= size * 0.6
}

/// Splits a sorted row where the horizontal gap exceeds 1.6 em, except after
/// a bare label (`I.` + tab + heading stays one line) and across a blank left
/// to be filled by hand (`Số:      /KH-UBND`, `..., ngày    tháng    năm 2026`).
fn split_segments(row: Vec<Word>) -> Vec<Vec<Word>> {
    let mut out: Vec<Vec<Word>> = Vec::new();
    for w in row {
        match out.last_mut() {
            Some(seg)
                if seg.last().is_some_and(|p| w.x0 - p.x1 <= p.size.max(w.size) * 1.6 || spans_fill_blank(p, &w))
                    || is_bare_label(seg) =>
            {
                seg.push(w);
            }
            _ => out.push(vec![w]),
        }
    }
    out
}

/// Whether a gap between `prev` and `next` is the blank an official document
/// leaves for its number or date (Nghị định 30/2020/NĐ-CP): after `Số:`, `ngày`
/// or `tháng`, a blank followed by the rest of the number (`/KH-UBND`) or date
/// (`tháng`, `năm`, a day or month). The blank stays within one column (10 em).
fn spans_fill_blank(prev: &Word, next: &Word) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let fold = |w: &Word| w.raw_text().nfc().collect::<String>().to_lowercase();
    let (before, after) = (fold(prev), fold(next));
    if next.x0 - prev.x1 > prev.size.max(next.size) * 10.0 {
        return false;
    }
    match before.as_str() {
        "số:" => after.starts_with('/'),
        "ngày" | "tháng" => {
            matches!(after.as_str(), "tháng" | "năm")
                || after.trim_end_matches(['/', '.']).parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
        }
        _ => false,
    }
}

/// A segment that is only a printed number or bullet (`I.`, `1.2.`, `a)`, `-`).
fn is_bare_label(seg: &[Word]) -> bool {
    let text: String = seg.iter().map(Word::raw_text).collect::<Vec<_>>().join(" ");
    let bullet = matches!(text.as_str(), "-" | "+" | "•" | "–" | "*");
    bullet || matches!(crate::label::split_label(&text), (Some(_), rest) if rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32) -> Glyph {
        Glyph { text: text.into(), x, y, x_end: x + 6.0, size: 12.0, font: None }
    }

    #[test]
    fn glyphs_group_into_words_on_gaps_and_spaces() {
        let gs = vec![
            glyph("a", 0.0, 10.0),
            glyph("b", 6.0, 10.0),
            glyph(" ", 12.0, 10.0),
            glyph("c", 15.0, 10.0),
            glyph("d", 40.0, 10.0),
        ];
        let words = words_from_glyphs(&gs);
        let texts: Vec<String> = words.iter().map(Word::raw_text).collect();
        assert_eq!(texts, ["ab", "c", "d"]);
    }

    #[test]
    fn rows_split_into_segments_on_wide_gaps() {
        let words = vec![
            Word::plain("SỞ", 10.0, 30.0, 0.0, 12.0),
            Word::plain("CỘNG", 300.0, 340.0, 0.5, 12.5),
            Word::plain("HÒA", 343.0, 370.0, 0.0, 12.0),
            Word::plain("next", 10.0, 40.0, 20.0, 32.0),
        ];
        let lines = lines_from_words(words);
        let texts: Vec<String> = lines.iter().map(Line::raw_text).collect();
        assert_eq!(texts, ["SỞ", "CỘNG HÒA", "next"]);
        assert_eq!(lines[0].parts, 2);
    }

    #[test]
    fn blanks_for_the_number_and_date_stay_in_one_line() {
        let words = vec![
            Word::plain("Số:", 60.0, 80.0, 0.0, 12.0),
            Word::plain("/KH-UBND", 130.0, 180.0, 0.0, 12.0),
            Word::plain("Lào", 300.0, 320.0, 0.0, 12.0),
            Word::plain("Cai,", 323.0, 345.0, 0.0, 12.0),
            Word::plain("ngày", 348.0, 370.0, 0.0, 12.0),
            Word::plain("tháng", 410.0, 440.0, 0.0, 12.0),
            Word::plain("năm", 480.0, 500.0, 0.0, 12.0),
            Word::plain("2026", 503.0, 530.0, 0.0, 12.0),
        ];
        let texts: Vec<String> = lines_from_words(words).iter().map(Line::raw_text).collect();
        assert_eq!(texts, ["Số: /KH-UBND", "Lào Cai, ngày tháng năm 2026"]);
        // A wide gap after another word still splits the row.
        let words = vec![Word::plain("Số:", 60.0, 80.0, 0.0, 12.0), Word::plain("Hà", 300.0, 320.0, 0.0, 12.0)];
        assert_eq!(lines_from_words(words).len(), 2);
    }
}
