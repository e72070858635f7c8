//! Legacy Word 97-2003 .doc reader (OLE2 via cfb): piece table, cell marks, font table.
//!
//! The main document is the body; text boxes anchored in it follow the
//! paragraph (or table) holding their anchor, each box once; running headers
//! and footers (and their text boxes) go to `Document::furniture`, each
//! distinct paragraph once. Footnotes/endnotes are appended at their mark as ` [text]`; field codes
//! give way to their results; tables come from the TTP row definitions
//! (merges included); Word list numbering is rendered into labels; each run
//! goes to the normalizer with its font name so TCVN3/VNI text decodes.
//! Word 6/95 files (nFib < 101) are refused as unsupported.

mod boxes;
mod fib;
mod fkp;
mod fonts;
mod furniture;
mod layout;
mod le;
mod lists;
mod notes;
mod pieces;
mod sprm;
mod stories;
mod styles;

use crate::error::ExtractError;
use crate::kit::{Budget, Extracted};
use crate::model::Diagnostic;
use crate::normalize::Normalizer;
use crate::options::ExtractOptions;
use fib::Fib;
use std::io::{Cursor, Read};

/// Reads one doc file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let budget = Budget::start(opts, "doc");
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| ExtractError::damaged("doc", e))?;
    let wd = read_stream(&mut cfb, "/WordDocument", bytes.len())?;
    let fib = Fib::parse(&wd)?;
    let table = read_stream(&mut cfb, if fib.table_1 { "/1Table" } else { "/0Table" }, bytes.len())?;
    if fib.ccp_text as usize > wd.len() {
        return Err(ExtractError::damaged("doc", format!("ccpText {} exceeds the stream", fib.ccp_text)));
    }
    let pieces = pieces::parse_clx(le::slice(&table, fib.clx.fc, fib.clx.lcb, "CLX")?)?;
    let text = decode_stories(&wd, &pieces, &fib)?;
    let notes = notes::Notes::parse(&table, &fib, text.len() as u32);
    budget.check()?;
    let mut diagnostics = Vec::new();
    let mut note = |what: &str, e: ExtractError| {
        diagnostics.push(Diagnostic::new("doc.part_ignored", format!("{what} ignored: {e}")));
    };
    let fonts = fonts::parse(&table, fib.sttbf_ffn).unwrap_or_else(|e| {
        note("font table", e);
        Vec::new()
    });
    let styles = styles::Styles::parse(&table, fib.stshf).unwrap_or_else(|e| {
        note("style sheet", e);
        Default::default()
    });
    let chpx = fkp::chpx_runs(&wd, &table, fib.plcf_bte_chpx).unwrap_or_else(|e| {
        note("character runs", e);
        fkp::Runs::empty()
    });
    let papx = fkp::papx_runs(&wd, &table, fib.plcf_bte_papx, &styles).unwrap_or_else(|e| {
        note("paragraph runs", e);
        fkp::Runs::empty()
    });
    budget.check()?;
    let mut norm = Normalizer::new();
    let new_lists = || lists::Lists::parse(&table, fib.plf_lst, fib.plf_lfo);
    let parts = layout::DocParts {
        text: &text,
        notes: &notes,
        pieces: &pieces,
        chpx: &chpx,
        papx: &papx,
        styles: &styles,
        fonts: &fonts,
    };
    let text_len = text.len() as u32;
    let mut boxes =
        boxes::Boxes::new(stories::main_boxes(&table, &fib, text_len), stories::shape_anchors(&table, &fib));
    let blocks = layout::blocks(&parts, 0..fib.ccp_text, &mut new_lists(), &mut norm, &mut boxes, &budget)?;
    // Headers come after the body, so that they cannot sway how body runs
    // decode, and the text-quality report (in the records) is the body's.
    let quality = norm.quality();
    let mut ranges = stories::header_stories(&table, &fib, text_len);
    ranges.extend(stories::header_boxes(&table, &fib, text_len));
    let furniture = furniture::paragraphs(&parts, &ranges, &mut new_lists(), &mut norm, &budget)?;
    Ok(Extracted { blocks, pages: None, diagnostics, quality, furniture })
}

/// The characters of every story that fits the stream: all of them, else the
/// main text through the notes, else the main text alone (a bad count in a
/// later story only loses that story).
fn decode_stories(wd: &[u8], pieces: &[pieces::Piece], fib: &Fib) -> Result<Vec<char>, ExtractError> {
    for ccp in [fib.ccp_all(), fib.ccp_through_notes()] {
        if ccp as usize <= wd.len() {
            if let Ok(text) = pieces::decode_text(wd, pieces, ccp) {
                return Ok(text);
            }
        }
    }
    pieces::decode_text(wd, pieces, fib.ccp_text)
}

/// A whole stream, refusing one larger than the file itself.
fn read_stream(cfb: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str, cap: usize) -> Result<Vec<u8>, ExtractError> {
    let mut s = cfb.open_stream(name).map_err(|e| ExtractError::damaged("doc", format!("stream {name}: {e}")))?;
    if s.len() > cap as u64 {
        return Err(ExtractError::damaged("doc", format!("stream {name} claims {} bytes", s.len())));
    }
    let mut buf = Vec::with_capacity(s.len() as usize);
    s.by_ref()
        .take(cap as u64)
        .read_to_end(&mut buf)
        .map_err(|e| ExtractError::damaged("doc", format!("stream {name}: {e}")))?;
    Ok(buf)
}
