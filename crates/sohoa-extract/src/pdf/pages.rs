//! Page by page: load and decrypt, run pdf-extract on one page under
//! `catch_unwind`, judge the text layer, OCR the pages that need it, lay out.

use super::device::{Glyph, PageDevice, PageFrame};
use super::fonts;
use super::layout::{lines_from_words, words_from_glyphs, Line, Word};
use super::limits::InflatedSizes;
use super::paths::Rule;
use super::quality;
use super::stream::{self, StreamConfig};
use super::tables::{self, GridTable};
use crate::error::ExtractError;
use crate::kit::{guard, Budget};
use crate::model::Diagnostic;
use crate::ocr::{self, OcrPage, OcrSession};
use crate::options::{ExtractOptions, OcrMode};
use pdf_extract::{Document, ObjectId, Processor};

/// What one page gave.
pub(super) enum PageContent {
    /// A usable text layer.
    Text { glyphs: Vec<Glyph>, rules: Vec<Rule> },
    /// Words recognised by OCR.
    Ocr(OcrPage),
    /// No usable text layer (the reason); OCR did not run (yet).
    NeedsOcr(String),
    /// The page could not be read (the reason).
    Failed(String),
}

/// One page as read.
pub(super) struct PageRead {
    pub num: u32,
    pub width: f32,
    pub height: f32,
    pub content: PageContent,
}

impl PageRead {
    pub fn has_text(&self) -> bool {
        match &self.content {
            PageContent::Text { glyphs, .. } => !glyphs.is_empty(),
            PageContent::Ocr(p) => !p.words.is_empty(),
            _ => false,
        }
    }

    pub fn failure(&self) -> Option<&str> {
        match &self.content {
            PageContent::Failed(why) | PageContent::NeedsOcr(why) => Some(why),
            _ => None,
        }
    }
}

/// Parses the file; an encrypted one is opened with the empty user password
/// (a file protected by an owner password only opens in any viewer) or refused.
/// With the inflated sizes measured on load (none once decrypted).
pub(super) fn load(bytes: &[u8]) -> Result<(Document, InflatedSizes), ExtractError> {
    let (mut doc, mut sizes) = super::repair::load(bytes)?;
    if doc.is_encrypted() {
        sizes.forget();
        let opened = guard::catch(|| doc.decrypt(""))
            .map_err(|p| ExtractError::Encrypted { format: "pdf", cause: format!("decryption crashed: {p}") })?;
        opened.map_err(decryption_error)?;
    }
    Ok((doc, sizes))
}

/// A wrong empty password means a user password protects the file.
fn decryption_error(e: pdf_extract::Error) -> ExtractError {
    use pdf_extract::encryption::DecryptionError;
    let cause = match e {
        pdf_extract::Error::Decryption(DecryptionError::IncorrectPassword) => "a password is needed".to_string(),
        other => format!("cannot be decrypted ({other})"),
    };
    ExtractError::Encrypted { format: "pdf", cause }
}

/// Reads one page's text layer and rules; `processor` is the document's (its fonts
/// are parsed once for all pages).
pub(super) fn read_page<'a>(doc: &'a Document, processor: &mut Processor<'a>, num: u32, id: ObjectId) -> PageRead {
    let mut plan = match guard::catch(|| fonts::plan(doc, id)) {
        Ok(plan) => plan,
        Err(p) => {
            let content = PageContent::Failed(format!("page structure unreadable: {p}"));
            return PageRead { num, width: 595.0, height: 842.0, content };
        }
    };
    let media = plan.media.unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let frame = PageFrame { media, rotate: plan.rotate };
    let (width, height) = frame.size();
    let page = |content| PageRead { num, width, height, content };
    if let Some(why) = &plan.unsafe_reason {
        return page(PageContent::Failed(why.clone()));
    }
    if plan.fonts.is_empty() {
        // A blank page is rendered but not read: OCR skips a page without ink.
        let why = if plan.images > 0 { "image-only page" } else { "empty page" };
        return page(PageContent::NeedsOcr(why.into()));
    }
    let Some(content) = plan.content.take() else {
        return page(PageContent::Failed("page content not decoded".into()));
    };
    let mut dev = PageDevice::new(frame, std::mem::take(&mut plan.fonts));
    let run = guard::catch(|| processor.output_page(doc, num, id, &content, &mut dev));
    let content = match run {
        Err(p) => PageContent::Failed(format!("text extraction crashed: {p}")),
        Ok(Err(e)) => PageContent::Failed(format!("text extraction failed: {e}")),
        Ok(Ok(())) => judge(dev.glyphs, plan.rules, plan.images),
    };
    page(content)
}

/// A text layer is used unless it is garbage once its legacy fonts are
/// decoded ([`legacy_layer`]), or nearly empty on a page with images.
fn judge(mut glyphs: Vec<Glyph>, rules: Vec<Rule>, images: usize) -> PageContent {
    let text = super::legacy_layer::decoded_text(&mut glyphs);
    match quality::unusable(&text) {
        Some(why) if images > 0 || !why.starts_with("no text") => PageContent::NeedsOcr(why),
        _ => PageContent::Text { glyphs, rules },
    }
}

/// Whether OCR ran, and why it could not where it could not.
pub(super) struct OcrOutcome {
    pub used: bool,
    pub error: Option<ExtractError>,
    /// Tesseract's confidences over every OCRed page, and how many pages were OCRed.
    pub confidence: ocr::PageConfidence,
    pub pages: usize,
}

impl OcrOutcome {
    /// The document's confidence: text-layer pages count as `text_layer`, OCRed
    /// pages as their words' score.
    pub fn document_confidence(&self, text_layer: f64, pages: usize) -> f64 {
        if self.pages == 0 || pages == 0 {
            return text_layer;
        }
        let ocr = self.confidence.score() * text_layer;
        let text_pages = pages.saturating_sub(self.pages) as f64;
        (ocr * self.pages as f64 + text_layer * text_pages) / (self.pages as f64 + text_pages)
    }
}

/// OCRs the pages that need it (and pages pdf-extract failed on), where OCR is on and installed.
pub(super) fn ocr_pages(
    bytes: &[u8],
    read: &mut [PageRead],
    opts: &ExtractOptions,
    budget: &Budget,
    diagnostics: &mut Vec<Diagnostic>,
) -> OcrOutcome {
    let wanted: Vec<usize> = (0..read.len())
        .filter(|&i| matches!(read[i].content, PageContent::NeedsOcr(_) | PageContent::Failed(_)))
        .collect();
    let mut outcome = OcrOutcome { used: false, error: None, confidence: Default::default(), pages: 0 };
    if wanted.is_empty() || opts.ocr == OcrMode::Off {
        return outcome;
    }
    let session = match OcrSession::new(bytes) {
        Ok(s) => s,
        Err(e) => {
            diagnostics.push(super::diag("ocr.unavailable", format!("{} page(s) need OCR: {e}", wanted.len())));
            outcome.error = Some(e);
            return outcome;
        }
    };
    let nums: Vec<u32> = wanted.iter().map(|&i| read[i].num).collect();
    let slots = ocr::slots::Slots::of(&opts.ocr_budget);
    for (i, result) in wanted.into_iter().zip(ocr_parallel(&session, &nums, &slots, budget)) {
        let page = &mut read[i];
        match result {
            Some(Ok(o)) if !o.words.is_empty() => {
                outcome.used = true;
                outcome.pages += 1;
                outcome.confidence = outcome.confidence.merged(o.confidence);
                let code =
                    if o.confidence.score() < ocr::CONFIDENCE_FLOOR { "ocr.low_confidence" } else { "ocr.page_read" };
                diagnostics.push(super::diag(code, confidence_note(page.num, &o)));
                page.width = o.width;
                page.height = o.height;
                page.content = PageContent::Ocr(o);
            }
            Some(Ok(_)) => {
                diagnostics.push(super::diag("ocr.no_text", format!("page {}: OCR found no text", page.num)));
            }
            Some(Err(e)) => diagnostics.push(super::diag("ocr.failed", format!("page {}: OCR failed: {e}", page.num))),
            None => diagnostics
                .push(super::diag("ocr.time_budget", format!("page {}: not OCRed, time budget exceeded", page.num))),
        }
    }
    outcome
}

/// The OCR diagnostic of one page: its confidence, the seal or signature ink
/// removed, and a warning under [`ocr::CONFIDENCE_FLOOR`].
fn confidence_note(num: u32, page: &OcrPage) -> String {
    let c = page.confidence;
    let mut note = format!(
        "page {num}: OCR confidence {:.2} (mean word confidence {:.0}, {:.0}% of {} words unsure)",
        c.score(),
        c.mean(),
        c.unsure_share() * 100.0,
        c.words
    );
    if page.coloured_pixels > 0 {
        note.push_str(&format!("; {} pixels of coloured ink (seal, signature) removed", page.coloured_pixels));
    }
    if c.score() < ocr::CONFIDENCE_FLOOR {
        note.push_str(&format!("; under the floor {:.2}: check this page by hand", ocr::CONFIDENCE_FLOOR));
    }
    note
}

/// OCRs `pages` on a few threads of this document, each page waiting for one
/// of the `slots` ([`ocr::slots`]: the CLI's `--jobs`);
/// `None` for a page not started before the budget ran out. Results in the order of `pages`.
fn ocr_parallel(
    session: &OcrSession,
    pages: &[u32],
    slots: &ocr::slots::Slots,
    budget: &Budget,
) -> Vec<Option<Result<OcrPage, ExtractError>>> {
    let workers = slots.workers(pages.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Result<OcrPage, ExtractError>>>> =
        pages.iter().map(|_| Default::default()).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(_slot) = (i < pages.len()).then(|| slots.acquire(budget)).flatten() else { break };
                let result = session.page(pages[i], budget);
                // invariant: each result is written by the one worker that took its index
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(result);
                }
            });
        }
    });
    results.into_iter().map(|m| m.into_inner().ok().flatten()).collect()
}

/// A page after layout: tables found, other lines in reading order.
pub(super) struct LaidOut {
    pub num: u32,
    pub width: f32,
    pub height: f32,
    pub tables: Vec<GridTable>,
    pub lines: Vec<Line>,
}

/// Words, tables and lines of one page.
pub(super) fn lay_out(page: PageRead) -> LaidOut {
    let (mut words, rules) = match page.content {
        PageContent::Text { glyphs, rules } => (words_from_glyphs(&glyphs), rules),
        PageContent::Ocr(o) => (o.words.iter().map(ocr_word).collect(), ocr_rules(&o)),
        PageContent::NeedsOcr(_) | PageContent::Failed(_) => (Vec::new(), Vec::new()),
    };
    let mut tables = tables::extract(&rules, &mut words);
    tables.extend(stream::extract(&mut words, &StreamConfig::default()));
    tables.sort_by(|a, b| a.bbox[1].total_cmp(&b.bbox[1]));
    LaidOut { num: page.num, width: page.width, height: page.height, tables, lines: lines_from_words(words) }
}

fn ocr_rules(page: &OcrPage) -> Vec<Rule> {
    let h = page.h_rules.iter().map(|&[y, x0, x1]| Rule::H { y, x0, x1 });
    let v = page.v_rules.iter().map(|&[x, y0, y1]| Rule::V { x, y0, y1 });
    h.chain(v).collect()
}

fn ocr_word(w: &ocr::OcrWord) -> Word {
    Word::plain(&w.text, w.x0, w.x1, w.top, w.bottom)
}
