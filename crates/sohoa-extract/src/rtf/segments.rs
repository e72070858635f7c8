//! Paragraph content as read: runs of raw bytes or Unicode text, each under one font.

use super::fonts::FontTable;
use crate::doc::sink::clean_text;
use crate::normalize::Normalizer;

/// What a run holds.
#[derive(Debug, Clone)]
enum Data {
    /// `\'xx` and literal bytes, decoded under the run's font.
    Bytes(Vec<u8>),
    /// `\uN` and symbol characters.
    Chars(String),
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

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The normalized, white-space-cleaned text and whether all of it is bold.
    pub(crate) fn render(self, fonts: &FontTable, norm: &mut Normalizer) -> (String, bool) {
        let mut out = String::new();
        let mut bold = true;
        for seg in self.0 {
            let text = match seg.data {
                Data::Bytes(b) => fonts.decode(&b, seg.font, norm),
                Data::Chars(s) => norm.run(&s, fonts.get(seg.font).map(|f| f.name.as_str())),
            };
            if text.chars().any(|c| !c.is_whitespace()) {
                bold &= seg.bold;
            }
            out.push_str(&text);
        }
        let text = clean_text(&out);
        let bold = bold && !text.is_empty();
        (text, bold)
    }
}
