//! OCR through Tesseract (`tesseract` + `pdftoppm` as external programs): page images to positioned words.
//!
//! Needs the Debian packages `poppler-utils` (pdftoppm), `tesseract-ocr` and
//! `tesseract-ocr-vie`. Pages are rendered in colour at [`DPI`] into a private
//! temporary directory, coloured ink removed and tonal scans thresholded
//! ([`binarize`]); Tesseract's TSV word boxes come back in display-space points,
//! with its word confidences summed up per page ([`confidence`]).

mod binarize;
mod clean;
mod confidence;
mod image;
mod process;
mod skew;
pub(crate) mod slots;
mod tones;
mod tsv;

use crate::error::ExtractError;
use crate::kit::Budget;
use once_cell::sync::OnceCell;
use std::path::PathBuf;

pub(crate) use confidence::{PageConfidence, FLOOR as CONFIDENCE_FLOOR};
pub(crate) use tsv::OcrWord;

/// Resolution pages are rendered at.
pub(crate) const DPI: f32 = 300.0;

/// What to install when OCR is missing.
pub(crate) const INSTALL_HINT: &str = "install tesseract-ocr and tesseract-ocr-vie (and poppler-utils for pdftoppm)";

/// A page image with less ink than this share of its pixels is blank (a
/// scanned back page, a page of dust): Tesseract is not run on it.
const BLANK_INK: f64 = 0.0005;

/// Shortest horizontal rule looked for in a page image, in points.
const MIN_H_RULE: f32 = 24.0;
/// Shortest vertical rule looked for in a page image, in points.
const MIN_V_RULE: f32 = 17.0;

/// The words and ruling lines of one OCRed page, straightened by its skew.
#[derive(Debug, Clone)]
pub(crate) struct OcrPage {
    /// Page size as rendered, in points.
    pub width: f32,
    pub height: f32,
    pub words: Vec<OcrWord>,
    /// Horizontal rules `[y, x0, x1]` and vertical rules `[x, y0, y1]`, in points.
    pub h_rules: Vec<[f32; 3]>,
    pub v_rules: Vec<[f32; 3]>,
    /// How far Tesseract trusted its words.
    pub confidence: PageConfidence,
    /// Pixels of coloured ink (seals, signatures) removed before reading.
    pub coloured_pixels: usize,
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

    /// OCRs 1-based page `page`; gives up when the budget runs out.
    pub fn page(&self, page: u32, budget: &Budget) -> Result<OcrPage, ExtractError> {
        let (gray, prepared) = self.render(page, budget)?;
        if gray.ink_share() < BLANK_INK {
            return Ok(assemble(&gray, Grid { slope: 0.0, h_rules: Vec::new(), v_rules: Vec::new() }, ""));
        }
        let grid = Grid::find(&gray);
        let clean = self.dir.path().join(format!("c{page}.pgm"));
        let unreadable = |e: std::io::Error| ExtractError::Unreadable(format!("cannot write the page image: {e}"));
        // Rules and skew come from the black-and-white page; Tesseract reads a tonal page in grey.
        let for_tesseract = match &prepared.grey {
            Some(grey) => {
                clean::grey_through(grey, &clean::without_rules(&gray, &grid.h_rules, &grid.v_rules, grid.slope))
            }
            None => clean::cleaned(&gray, &grid.h_rules, &grid.v_rules, grid.slope),
        };
        std::fs::write(&clean, for_tesseract.to_pgm()).map_err(unreadable)?;
        let out = self.dir.path().join(format!("t{page}"));
        process::run("tesseract", &[path_str(&clean)?, path_str(&out)?, "-l", "vie", "--psm", "6", "tsv"], budget)?;
        let _ = std::fs::remove_file(&clean);
        let tsv = std::fs::read_to_string(out.with_extension("tsv"))
            .map_err(|e| ExtractError::Unreadable(format!("tesseract wrote no TSV for page {page}: {e}")))?;
        let mut read = assemble(&gray, grid, &tsv);
        read.coloured_pixels = prepared.coloured;
        Ok(read)
    }

    /// The page rendered at [`DPI`] in colour, made black and white ([`binarize::prepare`]).
    fn render(&self, page: u32, budget: &Budget) -> Result<(image::Gray, binarize::Prepared), ExtractError> {
        let prefix = self.dir.path().join(format!("p{page}"));
        let (n, dpi) = (page.to_string(), (DPI as u32).to_string());
        let args = ["-r", &dpi, "-f", &n, "-l", &n, "-singlefile", path_str(&self.pdf)?, path_str(&prefix)?];
        process::run("pdftoppm", &args, budget)?;
        let ppm = prefix.with_extension("ppm");
        let bytes =
            std::fs::read(&ppm).map_err(|e| ExtractError::Unreadable(format!("pdftoppm wrote no image: {e}")))?;
        let _ = std::fs::remove_file(&ppm);
        binarize::prepare(&bytes).ok_or_else(|| ExtractError::Unreadable("pdftoppm wrote an unreadable image".into()))
    }
}

/// The skew and ruling lines of a page image, in pixels (rules straightened by the skew).
struct Grid {
    slope: f32,
    h_rules: Vec<[f32; 3]>,
    v_rules: Vec<[f32; 3]>,
}

impl Grid {
    fn find(gray: &image::Gray) -> Grid {
        let min_h = (MIN_H_RULE * DPI / 72.0) as usize;
        let slope = gray.refine_skew(skew::estimate(gray), min_h);
        let h_rules = gray.horizontal_rules(slope, min_h);
        let v_rules = gray.vertical_rules(slope, (MIN_V_RULE * DPI / 72.0) as usize);
        Grid { slope, h_rules, v_rules }
    }
}

/// Words and rules of a page image, turned straight and scaled to points.
fn assemble(gray: &image::Gray, grid: Grid, tsv: &str) -> OcrPage {
    let scale = 72.0 / DPI;
    let mut lines: Vec<Vec<OcrWord>> =
        tsv::lines(tsv).into_iter().map(|l| tsv::straighten(l, grid.slope, scale)).collect();
    tsv::even_heights(&mut lines);
    lines.iter_mut().for_each(|line| mend_tones(line));
    let words: Vec<OcrWord> = lines.into_iter().flatten().collect();
    let confidence = PageConfidence::of(&words);
    let to_points = |r: Vec<[f32; 3]>| r.into_iter().map(|[a, b, c]| [a * scale, b * scale, c * scale]).collect();
    OcrPage {
        width: gray.width as f32 * scale,
        height: gray.height as f32 * scale,
        words,
        h_rules: to_points(grid.h_rules),
        v_rules: to_points(grid.v_rules),
        confidence,
        coloured_pixels: 0,
    }
}

/// The words of one line with the tones OCR misreads mended ([`tones`]).
fn mend_tones(line: &mut [OcrWord]) {
    let mut texts: Vec<String> = line.iter().map(|w| w.text.clone()).collect();
    tones::mend(&mut texts);
    line.iter_mut().zip(texts).for_each(|(w, t)| w.text = t);
}

fn path_str(p: &std::path::Path) -> Result<&str, ExtractError> {
    p.to_str().ok_or_else(|| ExtractError::OcrUnavailable("temporary path is not UTF-8".into()))
}
