//! Legacy Word 97-2003 .doc reader (OLE2 via cfb): piece table, cell marks, font table.
//!
//! Main-document text only (headers, footers, text boxes are left out);
//! footnotes/endnotes are appended at their mark as ` [text]`; field codes
//! give way to their results; tables come from the TTP row definitions
//! (merges included); Word list numbering is rendered into labels; each run
//! goes to the normalizer with its font name so TCVN3/VNI text decodes.
//! Word 6/95 files (nFib < 101) are refused as unsupported.

mod clock;
mod fib;
mod fkp;
mod fonts;
mod layout;
mod le;
mod lists;
mod notes;
mod pieces;
pub(crate) mod sink;
mod sprm;
mod styles;
pub(crate) mod table;

pub(crate) use clock::Clock;

use crate::error::ExtractError;
use crate::model::Diagnostic;
use crate::normalize::Normalizer;
use crate::options::ExtractOptions;
use crate::Extracted;
use fib::Fib;
use std::io::{Cursor, Read};

/// Reads one doc file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let clock = Clock::new(opts.time_budget, "doc");
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| ExtractError::damaged("doc", e))?;
    let wd = read_stream(&mut cfb, "/WordDocument", bytes.len())?;
    let fib = Fib::parse(&wd)?;
    let table = read_stream(&mut cfb, if fib.table_1 { "/1Table" } else { "/0Table" }, bytes.len())?;
    if fib.ccp_text as usize > wd.len() {
        return Err(ExtractError::damaged("doc", format!("ccpText {} exceeds the stream", fib.ccp_text)));
    }
    let pieces = pieces::parse_clx(le::slice(&table, fib.clx.fc, fib.clx.lcb, "CLX")?)?;
    // Notes are read when their stories fit the stream; a bad count only loses them.
    let with_notes = fib.ccp_through_notes();
    let text = match (with_notes as usize <= wd.len()).then(|| pieces::decode_text(&wd, &pieces, with_notes)) {
        Some(Ok(t)) => t,
        _ => pieces::decode_text(&wd, &pieces, fib.ccp_text)?,
    };
    let notes = notes::Notes::parse(&table, &fib, text.len() as u32);
    clock.check()?;
    let mut diagnostics = Vec::new();
    let mut note = |what: &str, e: ExtractError| diagnostics.push(Diagnostic { span: None, message: format!("{what} ignored: {e}") });
    let fonts = fonts::parse(&table, fib.sttbf_ffn).unwrap_or_else(|e| { note("font table", e); Vec::new() });
    let styles = styles::Styles::parse(&table, fib.stshf).unwrap_or_else(|e| { note("style sheet", e); Default::default() });
    let chpx = fkp::chpx_runs(&wd, &table, fib.plcf_bte_chpx).unwrap_or_else(|e| { note("character runs", e); fkp::Runs::empty() });
    let papx = fkp::papx_runs(&wd, &table, fib.plcf_bte_papx, &styles).unwrap_or_else(|e| { note("paragraph runs", e); fkp::Runs::empty() });
    clock.check()?;
    let mut norm = Normalizer::new();
    let mut lists = lists::Lists::parse(&table, fib.plf_lst, fib.plf_lfo);
    let parts = layout::DocParts { text: &text, main_len: fib.ccp_text, notes: &notes, pieces: &pieces, chpx: &chpx, papx: &papx, styles: &styles, fonts: &fonts };
    let blocks = layout::blocks(&parts, &mut lists, &mut norm, &clock)?;
    Ok(Extracted { blocks, pages: None, diagnostics, quality: norm.quality() })
}

/// A whole stream, refusing one larger than the file itself.
fn read_stream(cfb: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str, cap: usize) -> Result<Vec<u8>, ExtractError> {
    let mut s = cfb.open_stream(name).map_err(|e| ExtractError::damaged("doc", format!("stream {name}: {e}")))?;
    if s.len() > cap as u64 {
        return Err(ExtractError::damaged("doc", format!("stream {name} claims {} bytes", s.len())));
    }
    let mut buf = Vec::with_capacity(s.len() as usize);
    s.by_ref().take(cap as u64).read_to_end(&mut buf).map_err(|e| ExtractError::damaged("doc", format!("stream {name}: {e}")))?;
    Ok(buf)
}
