//! Paragraph content as read: runs of raw bytes or Unicode text, each under one font.

use super::fonts::FontTable;
use crate::kit::sink::clean_text;
use crate::normalize::legacy::font_hint;
use crate::normalize::Normalizer;

/// What a run holds.
#[derive(Debug, Clone)]
enum Data {
    /// `\'xx` and literal bytes, decoded under the run's font.
    Bytes(Vec<u8>),
    /// `\uN` and symbol characters.
    Chars(String),
    /// Text normalized already (a footnote's rendered text).
    Normalized(String),
}

/// One run.
#[derive(Debug, Clone)]
struct Seg {
    font: Option<i32>,
    bold: bool,
    data: Data,
}

/// A paragraph's (or label's) runs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segments(Vec<Seg>);

impl Segments {
    /// Appends a byte under `font`.
    pub(crate) fn byte(&mut self, b: u8, font: Option<i32>, bold: bool) {
        if let Some(Seg { font: f, bold: bo, data: Data::Bytes(v) }) = self.0.last_mut() {
            if *f == font && *bo == bold {
                v.push(b);
                return;
            }
        }
        self.0.push(Seg { font, bold, data: Data::Bytes(vec![b]) });
    }

    /// Appends a Unicode character under `font`.
    pub(crate) fn char(&mut self, c: char, font: Option<i32>, bold: bool) {
        if let Some(Seg { font: f, bold: bo, data: Data::Chars(s) }) = self.0.last_mut() {
            if *f == font && *bo == bold {
                s.push(c);
                return;
            }
        }
        self.0.push(Seg { font, bold, data: Data::Chars(c.to_string()) });
    }

    /// Appends text that is normalized already.
    pub(crate) fn normalized(&mut self, text: String, bold: bool) {
        self.0.push(Seg { font: None, bold, data: Data::Normalized(text) });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The normalized, white-space-cleaned text and whether all of it is bold.
    /// Consecutive runs in one font go to the normalizer together, except that
    /// in a legacy font (TCVN3, VNI...) bytes and real Unicode chars stay apart.
    pub(crate) fn render(self, fonts: &FontTable, norm: &mut Normalizer) -> (String, bool) {
        let mut out = String::new();
        let mut bold = true;
        let mut run = String::new();
        let mut run_font = None;
        for seg in self.0 {
            let chars = match &seg.data {
                Data::Bytes(b) => fonts.to_chars(b, seg.font),
                Data::Chars(s) | Data::Normalized(s) => s.clone(),
            };
            if chars.chars().any(|c| !c.is_whitespace()) {
                bold &= seg.bold;
            }
            // Symbol-font glyph codes must not be read as legacy Vietnamese.
            let normalized = matches!(seg.data, Data::Normalized(_)) || fonts.is_symbol(seg.font);
            let legacy = font_hint(fonts.name(seg.font)).encoding.is_some();
            let key = (seg.font, legacy && matches!(seg.data, Data::Bytes(_)));
            if (normalized || run_font != Some(key)) && !run.is_empty() {
                out.push_str(&norm.run(&run, fonts.name(run_font.and_then(|k| k.0))));
                run.clear();
            }
            if normalized {
                out.push_str(&chars);
                run_font = None;
            } else {
                run_font = Some(key);
                run.push_str(&chars);
            }
        }
        if !run.is_empty() {
            out.push_str(&norm.run(&run, fonts.name(run_font.and_then(|k| k.0))));
        }
        let text = clean_text(&out);
        let bold = bold && !text.is_empty();
        (text, bold)
    }
}
