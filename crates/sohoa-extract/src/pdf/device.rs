//! The pdf-extract `OutputDev` that records the positioned glyphs of one page.
//!
//! Coordinates are converted to *display space*: points, origin at the top-left
//! of the page as shown (after `/Rotate`), y growing downwards.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::rc::Rc;

/// One glyph in display space.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub text: String,
    /// Left edge and baseline of the glyph origin.
    pub x: f32,
    pub y: f32,
    /// Right edge (origin + advance).
    pub x_end: f32,
    /// Font size as drawn, in points.
    pub size: f32,
    /// Base font name (subset prefix removed), where known.
    pub font: Option<Rc<str>>,
}

/// Maps PDF user space to display space for one page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageFrame {
    pub media: [f32; 4],
    /// Page rotation in degrees clockwise: 0, 90, 180 or 270.
    pub rotate: i64,
}

impl PageFrame {
    /// Width and height of the page as displayed.
    pub fn size(&self) -> (f32, f32) {
        let (w, h) = (self.media[2] - self.media[0], self.media[3] - self.media[1]);
        if self.rotate % 180 == 0 {
            (w.abs(), h.abs())
        } else {
            (h.abs(), w.abs())
        }
    }

    /// A user-space point in display space.
    pub fn map(&self, x: f64, y: f64) -> (f32, f32) {
        let w = self.media[2] - self.media[0];
        let h = self.media[3] - self.media[1];
        let (ux, uy) = (x as f32 - self.media[0], self.media[3] - y as f32);
        match self.rotate {
            90 => (h - uy, ux),
            180 => (w - ux, h - uy),
            270 => (uy, w - ux),
            _ => (ux, uy),
        }
    }
}

/// Records one page; `fonts` gives the base font of each shown string in order.
pub(crate) struct PageDevice {
    pub frame: PageFrame,
    pub glyphs: Vec<Glyph>,
    fonts: Vec<Option<Rc<str>>>,
    shown: usize,
    media_seen: bool,
}

impl PageDevice {
    pub fn new(frame: PageFrame, fonts: Vec<Option<Rc<str>>>) -> Self {
        PageDevice { frame, glyphs: Vec::new(), fonts, shown: 0, media_seen: false }
    }

    fn current_font(&self) -> Option<Rc<str>> {
        self.shown.checked_sub(1).and_then(|i| self.fonts.get(i)).cloned().flatten()
    }
}

impl OutputDev for PageDevice {
    fn begin_page(
        &mut self,
        _page: u32,
        media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        if !self.media_seen {
            self.frame.media = [media.llx as f32, media.lly as f32, media.urx as f32, media.ury as f32];
            self.media_seen = true;
        }
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        self.output_character_owned(trm, width, spacing, font_size, ch.to_string())
    }

    /// Keeps the glyph's text as pdf-extract decoded it, without a copy.
    fn output_character_owned(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: String,
    ) -> Result<(), OutputError> {
        let advance = width * font_size + spacing;
        let (ox, oy) = (trm.m31, trm.m32);
        let (ex, ey) = (trm.m11 * advance + ox, trm.m12 * advance + oy);
        let size = ((trm.m21 * font_size).powi(2) + (trm.m22 * font_size).powi(2)).sqrt() as f32;
        let o = self.frame.map(ox, oy);
        let e = self.frame.map(ex, ey);
        let horizontal = (e.1 - o.1).abs() <= (e.0 - o.0).abs() * 0.3 + 0.01;
        if !horizontal || !size.is_finite() || size <= 0.0 || !o.0.is_finite() || !o.1.is_finite() {
            return Ok(());
        }
        let font = self.current_font();
        self.glyphs.push(Glyph { text, x: o.0, y: o.1, x_end: e.0.max(o.0), size, font });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.shown += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
