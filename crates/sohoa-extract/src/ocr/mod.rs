//! OCR through Tesseract (`tesseract` + `pdftoppm` as external programs): page images to positioned words.
//!
//! Needs the Debian packages `poppler-utils` (pdftoppm), `tesseract-ocr` and
//! `tesseract-ocr-vie`. Pages are rendered at [`DPI`] into a private temporary
//! directory; Tesseract's TSV word boxes come back in display-space points.

mod process;
mod tsv;

use crate::error::ExtractError;
use once_cell::sync::OnceCell;
use std::path::PathBuf;
use std::time::Instant;

pub(crate) use tsv::OcrWord;

/// Resolution pages are rendered at.
pub(crate) const DPI: f32 = 300.0;

/// What to install when OCR is missing.
pub(crate) const INSTALL_HINT: &str = "install tesseract-ocr and tesseract-ocr-vie (and poppler-utils for pdftoppm)";

/// The words of one OCRed page.
#[derive(Debug, Clone)]
pub(crate) struct OcrPage {
    /// Page size as rendered, in points.
    pub width: f32,
    pub height: f32,
    pub words: Vec<OcrWord>,
}

/// Whether `pdftoppm` and `tesseract` with the Vietnamese model can run (checked once).
pub(crate) fn available() -> Result<(), ExtractError> {
    static CHECK: OnceCell<Result<(), String>> = OnceCell::new();
    CHECK
        .get_or_init(|| {
            let langs = process::output("tesseract", &["--list-langs"]).ok_or("tesseract not found")?;
            if !langs.lines().any(|l| l.trim() == "vie") {
                return Err("tesseract has no Vietnamese model (vie)".to_string());
            }
            process::output("pdftoppm", &["-v"]).ok_or("pdftoppm not found")?;
            Ok(())
        })
        .clone()
        .map_err(|why| ExtractError::OcrUnavailable(format!("{why}: {INSTALL_HINT}")))
}

/// One PDF written to a private temporary directory, ready to OCR page by page.
pub(crate) struct OcrSession {
    dir: tempfile::TempDir,
    pdf: PathBuf,
}

impl OcrSession {
    pub fn new(pdf_bytes: &[u8]) -> Result<Self, ExtractError> {
        available()?;
        let io = |e: std::io::Error| ExtractError::OcrUnavailable(format!("cannot create a temporary directory: {e}"));
        let dir = tempfile::Builder::new().prefix("sohoa-ocr").tempdir().map_err(io)?;
        let pdf = dir.path().join("input.pdf");
        std::fs::write(&pdf, pdf_bytes).map_err(io)?;
        Ok(OcrSession { dir, pdf })
    }

    /// OCRs 1-based page `page`; gives up at `deadline`.
    pub fn page(&self, page: u32, deadline: Instant) -> Result<OcrPage, ExtractError> {
        let prefix = self.dir.path().join(format!("p{page}"));
        let (n, dpi) = (page.to_string(), (DPI as u32).to_string());
        let args = ["-r", &dpi, "-f", &n, "-l", &n, "-png", "-singlefile", path_str(&self.pdf)?, path_str(&prefix)?];
        process::run("pdftoppm", &args, deadline)?;
        let png = prefix.with_extension("png");
        let (w, h) = png_size(&png)?;
        let out = self.dir.path().join(format!("t{page}"));
        process::run("tesseract", &[path_str(&png)?, path_str(&out)?, "-l", "vie", "--psm", "6", "tsv"], deadline)?;
        let tsv = std::fs::read_to_string(out.with_extension("tsv"))
            .map_err(|e| ExtractError::Unreadable(format!("tesseract wrote no TSV for page {page}: {e}")))?;
        let _ = std::fs::remove_file(&png);
        let scale = 72.0 / DPI;
        Ok(OcrPage { width: w as f32 * scale, height: h as f32 * scale, words: tsv::words(&tsv, scale) })
    }
}

fn path_str(p: &std::path::Path) -> Result<&str, ExtractError> {
    p.to_str().ok_or_else(|| ExtractError::OcrUnavailable("temporary path is not UTF-8".into()))
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(path: &std::path::Path) -> Result<(u32, u32), ExtractError> {
    let bytes = std::fs::read(path).map_err(|e| ExtractError::Unreadable(format!("pdftoppm wrote no image: {e}")))?;
    let field = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    match (bytes.starts_with(b"\x89PNG"), field(16), field(20)) {
        (true, Some(w), Some(h)) if w > 0 && h > 0 => Ok((w, h)),
        _ => Err(ExtractError::Unreadable("pdftoppm wrote an unreadable image".into())),
    }
}
