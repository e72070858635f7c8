//! PDF reader on pdf-extract: glyphs to words, lines, blocks and tables per page.
//!
//! Each page is read on its own under `catch_unwind` (pdf-extract panics on some
//! damaged files); pages without a usable text layer go to OCR ([`crate::ocr`]).
//! Running headers and footers leave the body for `Document::furniture`.

pub(crate) mod content;
mod device;
mod emit;
mod fonts;
mod furniture;
mod layout;
mod legacy_layer;
mod limits;
mod pages;
mod paragraphs;
mod paths;
mod quality;
mod repair;
mod salvage;
mod stream;
mod tables;

use crate::error::ExtractError;
use crate::kit::{Budget, Extracted};
use crate::model::{Block, Diagnostic};
use crate::normalize::Normalizer;
use crate::options::{ExtractOptions, OcrMode};
use emit::Emitter;
use pages::{PageContent, PageRead};

/// Reads one pdf file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let budget = Budget::start(opts, "pdf");
    limits::check_nesting(bytes)?;
    let (doc, inflated) = pages::load(bytes)?;
    limits::check_streams(&doc, &inflated)?;
    let ids: Vec<(u32, pdf_extract::ObjectId)> = doc.get_pages().into_iter().collect();
    if ids.is_empty() {
        return Err(ExtractError::damaged("pdf", "the document has no pages"));
    }
    let mut diagnostics = Vec::new();
    let mut read: Vec<PageRead> = Vec::new();
    let mut processor = pdf_extract::Processor::with_decoder(fonts::DECODE);
    for &(num, id) in &ids {
        if budget.expired() {
            diagnostics
                .push(diag("pdf.time_budget", format!("time budget exceeded: pages {num}–{} not read", ids.len())));
            break;
        }
        read.push(pages::read_page(&doc, &mut processor, num, id));
    }
    drop(processor);
    drop(doc);
    let ocr = pages::ocr_pages(bytes, &mut read, opts, &budget, &mut diagnostics);
    for p in &read {
        if let PageContent::Failed(why) = &p.content {
            diagnostics.push(diag("pdf.page_failed", format!("page {}: {why}", p.num)));
        }
    }
    if !read.iter().any(pages::PageRead::has_text) {
        return Err(no_text_error(&read, ocr.error, opts, &budget, ids.len()));
    }
    let mut norm = Normalizer::new();
    let (blocks, running) = layout_document(read, &mut norm);
    // The text-quality report (in the records) is the body's.
    let mut quality = norm.quality();
    quality.ocr = ocr.used;
    quality.confidence = ocr.document_confidence(quality.confidence, ids.len());
    let furniture = furniture::paragraphs(&running, &mut norm);
    Ok(Extracted { blocks, pages: Some(ids.len() as u32), diagnostics, quality, furniture })
}

/// A diagnostic of the PDF reader; `code` is its stable name (`pdf.*`, `ocr.*`).
fn diag(code: &'static str, message: String) -> Diagnostic {
    Diagnostic::new(code, message)
}

/// The error for a document none of whose pages gave text.
fn no_text_error(
    read: &[PageRead],
    ocr_error: Option<ExtractError>,
    opts: &ExtractOptions,
    budget: &Budget,
    pages: usize,
) -> ExtractError {
    if read.is_empty() {
        return budget.timeout();
    }
    if let Some(e) = ocr_error {
        return e;
    }
    if opts.ocr == OcrMode::Off && read.iter().any(|p| matches!(p.content, PageContent::NeedsOcr(_))) {
        return ExtractError::Unreadable("no usable text layer and OCR is off".into());
    }
    let reasons: Vec<String> =
        read.iter().filter_map(|p| p.failure().map(|w| format!("page {}: {w}", p.num))).take(3).collect();
    if reasons.is_empty() {
        return ExtractError::Unreadable(format!("no text on any of {pages} pages"));
    }
    ExtractError::damaged("pdf", reasons.join("; "))
}

/// Layout of every page: tables, furniture removal, paragraphs, blocks; and
/// the running headers and footers removed.
fn layout_document(read: Vec<PageRead>, norm: &mut Normalizer) -> (Vec<Block>, Vec<layout::Line>) {
    let mut laid: Vec<pages::LaidOut> = read.into_iter().map(pages::lay_out).collect();
    let mut lines: Vec<furniture::PageLines> = laid
        .iter_mut()
        .map(|p| furniture::PageLines { height: p.height, lines: std::mem::take(&mut p.lines) })
        .collect();
    let running = furniture::remove(&mut lines);
    let mut blocks = Vec::new();
    let mut emitter = Emitter { norm, line_no: 0, page: 1, page_height: 0.0 };
    for (i, (page, lines)) in laid.into_iter().zip(lines).enumerate() {
        if i > 0 {
            blocks.push(Block::PageBreak { page: page.num });
        }
        emitter.page = page.num;
        emitter.page_height = page.height;
        emit_page(&mut emitter, page, lines.lines, &mut blocks);
    }
    emit::mark_repeated_headers(&mut blocks);
    (blocks, running)
}

/// Paragraphs and tables of one page, tables placed by their top edge.
fn emit_page(emitter: &mut Emitter, page: pages::LaidOut, lines: Vec<layout::Line>, out: &mut Vec<Block>) {
    let mut tables = page.tables.into_iter().peekable();
    for group in paragraphs::group(lines, page.width) {
        let top = group.lines.first().map_or(f32::INFINITY, |l| l.top);
        while let Some(t) = tables.next_if(|t| t.bbox[1] <= top) {
            out.push(emitter.table(t));
        }
        out.extend(emitter.paragraph(group));
    }
    for t in tables {
        out.push(emitter.table(t));
    }
}
