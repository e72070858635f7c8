//! The File Information Block at the start of the WordDocument stream: where everything else is.

use super::le::{u16_at, u32_at};
use crate::error::ExtractError;

/// `wIdent` of a Word 97+ document.
const WORD_IDENT: u16 = 0xA5EC;
/// Offset of `FibRgFcLcb` in a Word 97 FIB (FibBase 32 + csw/fibRgW 30 + cslw/fibRgLw 90 + cbRgFcLcb 2).
const FC_LCB_BASE: usize = 154;

/// An (offset, length) pair into the table stream.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FcLcb {
    pub fc: u32,
    pub lcb: u32,
}

/// The FIB fields the reader needs.
#[derive(Debug, Clone)]
pub(crate) struct Fib {
    /// The table stream is `1Table` (else `0Table`).
    pub table_1: bool,
    /// Characters of main-document text.
    pub ccp_text: u32,
    /// Characters of the footnote, header, macro, annotation and endnote stories.
    pub ccp_ftn: u32,
    pub ccp_hdd: u32,
    pub ccp_mcr: u32,
    pub ccp_atn: u32,
    pub ccp_edn: u32,
    /// Characters of the main-document and header text-box stories.
    pub ccp_txbx: u32,
    pub ccp_hdr_txbx: u32,
    /// Footnote and endnote references (PlcffndRef / PlcfendRef) and texts (PlcffndTxt / PlcfendTxt).
    pub fnd_ref: FcLcb,
    pub fnd_txt: FcLcb,
    pub end_ref: FcLcb,
    pub end_txt: FcLcb,
    pub stshf: FcLcb,
    /// Header/footer story boundaries (PlcfHdd).
    pub plcf_hdd: FcLcb,
    /// Shapes anchored in the main text (PlcSpaMom: anchor CPs and FSPAs).
    pub plc_spa_mom: FcLcb,
    /// Text-box story boundaries of the main text and of the headers (PlcftxbxTxt, PlcfHdrtxbxTxt).
    pub plcf_txbx_txt: FcLcb,
    pub plcf_hdr_txbx_txt: FcLcb,
    pub plcf_bte_chpx: FcLcb,
    pub plcf_bte_papx: FcLcb,
    pub sttbf_ffn: FcLcb,
    pub clx: FcLcb,
    /// List definitions (PlfLst, LVLs after it); empty when the FIB is too short.
    pub plf_lst: FcLcb,
    /// List overrides (PlfLfo).
    pub plf_lfo: FcLcb,
}

impl Fib {
    /// First CP of the footnote story.
    pub(crate) fn footnote_start(&self) -> u32 {
        self.ccp_text
    }

    /// First CP of the endnote story.
    pub(crate) fn endnote_start(&self) -> u32 {
        [self.ccp_ftn, self.ccp_hdd, self.ccp_mcr, self.ccp_atn].iter().fold(self.ccp_text, |a, &b| a.saturating_add(b))
    }

    /// CPs to decode: the main text through the endnotes.
    pub(crate) fn ccp_through_notes(&self) -> u32 {
        self.endnote_start().saturating_add(self.ccp_edn)
    }

    /// First CP of the header/footer story.
    pub(crate) fn header_start(&self) -> u32 {
        self.ccp_text.saturating_add(self.ccp_ftn)
    }

    /// First CP of the main-document text-box story (right after the endnotes).
    pub(crate) fn txbx_start(&self) -> u32 {
        self.ccp_through_notes()
    }

    /// First CP of the header text-box story.
    pub(crate) fn hdr_txbx_start(&self) -> u32 {
        self.txbx_start().saturating_add(self.ccp_txbx)
    }

    /// CPs to decode: every story through the header text boxes.
    pub(crate) fn ccp_all(&self) -> u32 {
        self.hdr_txbx_start().saturating_add(self.ccp_hdr_txbx)
    }

    /// Parses the FIB of a Word 97–2003 document.
    pub(crate) fn parse(wd: &[u8]) -> Result<Fib, ExtractError> {
        let bad = |c: &str| ExtractError::damaged("doc", c);
        let ident = u16_at(wd, 0).ok_or_else(|| bad("WordDocument stream too short for a FIB"))?;
        if ident != WORD_IDENT {
            return Err(bad(&format!("not a Word document (wIdent {ident:#06x})")));
        }
        let nfib = u16_at(wd, 2).unwrap_or(0);
        if nfib < 101 {
            return Err(ExtractError::Unsupported(format!("Word 6/95 document (nFib {nfib}) is not supported")));
        }
        let flags = u16_at(wd, 0x0A).unwrap_or(0);
        if flags & 0x0100 != 0 {
            return Err(ExtractError::Encrypted {
                format: "doc",
                cause: "the FIB marks the document encrypted".into(),
            });
        }
        let pair = |i: usize| -> Result<FcLcb, ExtractError> {
            let at = FC_LCB_BASE + i * 8;
            match (u32_at(wd, at), u32_at(wd, at + 4)) {
                (Some(fc), Some(lcb)) => Ok(FcLcb { fc, lcb }),
                _ => Err(bad("FIB is truncated")),
            }
        };
        Ok(Fib {
            table_1: flags & 0x0200 != 0,
            ccp_text: u32_at(wd, 0x4C).ok_or_else(|| bad("FIB is truncated"))?,
            ccp_ftn: u32_at(wd, 0x50).unwrap_or(0),
            ccp_hdd: u32_at(wd, 0x54).unwrap_or(0),
            ccp_mcr: u32_at(wd, 0x58).unwrap_or(0),
            ccp_atn: u32_at(wd, 0x5C).unwrap_or(0),
            ccp_edn: u32_at(wd, 0x60).unwrap_or(0),
            ccp_txbx: u32_at(wd, 0x64).unwrap_or(0),
            ccp_hdr_txbx: u32_at(wd, 0x68).unwrap_or(0),
            fnd_ref: pair(2)?,
            fnd_txt: pair(3)?,
            end_ref: pair(46).unwrap_or_default(),
            end_txt: pair(47).unwrap_or_default(),
            stshf: pair(1)?,
            plcf_hdd: pair(11)?,
            plc_spa_mom: pair(40).unwrap_or_default(),
            plcf_txbx_txt: pair(56).unwrap_or_default(),
            plcf_hdr_txbx_txt: pair(58).unwrap_or_default(),
            plcf_bte_chpx: pair(12)?,
            plcf_bte_papx: pair(13)?,
            sttbf_ffn: pair(15)?,
            clx: pair(33)?,
            plf_lst: pair(73).unwrap_or_default(),
            plf_lfo: pair(74).unwrap_or_default(),
        })
    }
}
