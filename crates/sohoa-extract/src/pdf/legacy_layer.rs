//! A text layer in a legacy Vietnamese font (TCVN3 `.VnTime`, VNI) judged as
//! the normalizer will read it, before it is called unreadable and sent to OCR.
//!
//! Such a layer holds the font's bytes, not Unicode: TCVN3 puts capitals on
//! C0 and C1 control codes, and a font embedded as a symbol font comes out of
//! the PDF as private-use chars U+F001..U+F0FF (the byte plus 0xF000). Both
//! look like garbage, yet the legacy decoders read them: so private-use bytes
//! are turned back into the cp1252 chars the normalizer decodes, and the page
//! is judged on its decoded text.

use super::device::Glyph;
use crate::normalize::legacy::{cp1252, font_hint, Legacy};
use crate::normalize::Normalizer;

/// Private-use chars a symbol font's byte `b` comes out as (U+F000 + b).
const SYMBOL_BASE: u32 = 0xF000;

/// The page's text as it will read once its legacy runs are decoded; the
/// glyphs of symbol-font bytes are rewritten to cp1252 chars first.
/// A glyph pdf-extract could not map to Unicode counts as U+FFFD.
pub(super) fn decoded_text(glyphs: &mut [Glyph]) -> String {
    let symbol_bytes = glyphs.iter().any(|g| g.text.chars().any(is_symbol_byte));
    if symbol_bytes && reads_as_legacy(glyphs) {
        for g in glyphs.iter_mut() {
            if g.text.chars().all(is_symbol_byte) {
                g.text = g.text.chars().map(symbol_to_cp1252).collect();
            }
        }
    }
    let mut norm = Normalizer::new();
    let mut out = String::new();
    for run in glyphs.chunk_by(|a, b| a.font == b.font) {
        let text: String = run.iter().map(|g| if g.text.is_empty() { "\u{FFFD}" } else { g.text.as_str() }).collect();
        match legacy_font(&run[0]) {
            Some(_) => out.push_str(&norm.run(&text, run[0].font.as_deref())),
            None => out.push_str(&text),
        }
    }
    out
}

/// The legacy encoding the glyph's font names, if any.
fn legacy_font(g: &Glyph) -> Option<Legacy> {
    font_hint(g.font.as_deref()).encoding
}

fn is_symbol_byte(c: char) -> bool {
    (SYMBOL_BASE + 0x01..=SYMBOL_BASE + 0xFF).contains(&u32::from(c))
}

fn symbol_to_cp1252(c: char) -> char {
    // In range: is_symbol_byte(c) holds, so the offset is 0x01..=0xFF.
    u8::try_from(u32::from(c) - SYMBOL_BASE).map_or(c, cp1252::char_of)
}

/// Whether the page's symbol-font bytes read as Vietnamese in a legacy
/// encoding: in a font named for one, or by the normalizer's statistics.
fn reads_as_legacy(glyphs: &[Glyph]) -> bool {
    if glyphs.iter().any(|g| legacy_font(g).is_some() && g.text.chars().any(is_symbol_byte)) {
        return true;
    }
    let bytes: String = glyphs
        .iter()
        .flat_map(|g| g.text.chars())
        .map(|c| if is_symbol_byte(c) { symbol_to_cp1252(c) } else { c })
        .collect();
    let mut norm = Normalizer::new();
    norm.run(&bytes, None);
    !norm.quality().encodings.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn glyphs(text: &str, font: &str) -> Vec<Glyph> {
        let font: Rc<str> = Rc::from(font);
        text.chars()
            .map(|c| Glyph { text: c.to_string(), x: 0.0, y: 0.0, x_end: 1.0, size: 12.0, font: Some(font.clone()) })
            .collect()
    }

    #[test]
    fn symbol_font_bytes_in_a_vntime_font_read_as_vietnamese() {
        // `Kế hoạch tổ chức` in TCVN3, as a symbol font's private-use chars.
        let tcvn3 = "KÕ ho¹ch tæ chøc thùc hiÖn";
        let pua: String = tcvn3
            .chars()
            .map(|c| char::from_u32(SYMBOL_BASE + u32::from(cp1252::byte_of(c).unwrap_or(b'?'))).unwrap_or(c))
            .collect();
        let mut page = glyphs(&pua, ".VnTime");
        let text = decoded_text(&mut page);
        assert!(text.contains("Kế hoạch tổ chức"), "{text}");
        assert_eq!(page[1].text, "Õ", "the glyph holds the cp1252 char the normalizer decodes");
        assert!(super::super::quality::unusable(&text).is_none());
        assert!(super::super::quality::unusable(&pua).is_some(), "judged raw, it would go to OCR");
    }

    #[test]
    fn unicode_glyphs_are_judged_as_they_are() {
        let mut page = glyphs("Kế hoạch tổ chức thực hiện", "TimesNewRomanPSMT");
        assert_eq!(decoded_text(&mut page), "Kế hoạch tổ chức thực hiện");
    }
}
