//! The piece table (CLX in the table stream): where each character position's
//! text lives in the WordDocument stream, 8-bit (cp1252) or UTF-16LE.

use super::le::{short, u16_at, u32_at, u8_at};
use crate::error::ExtractError;

/// A contiguous run of character positions stored together.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    pub cp: u32,
    pub cp_end: u32,
    /// Byte offset of the first character in the WordDocument stream.
    pub fc: u32,
    /// One byte per character (cp1252) instead of two (UTF-16LE).
    pub compressed: bool,
}

impl Piece {
    /// Stream offset of character position `cp` (inside this piece).
    pub(crate) fn fc_of(&self, cp: u32) -> u32 {
        let width = if self.compressed { 1 } else { 2 };
        self.fc.saturating_add((cp - self.cp).saturating_mul(width))
    }
}

/// Parses the CLX: skips the Prcs, reads the PlcPcd.
pub(crate) fn parse_clx(clx: &[u8]) -> Result<Vec<Piece>, ExtractError> {
    let mut at = 0usize;
    loop {
        match u8_at(clx, at) {
            Some(1) => {
                let cb = u16_at(clx, at + 1).ok_or_else(|| short("CLX"))? as usize;
                at += 3 + cb;
            }
            Some(2) => return parse_plc_pcd(clx, at + 1),
            Some(t) => return Err(ExtractError::damaged("doc", format!("unknown CLX entry type {t}"))),
            None => return Err(ExtractError::damaged("doc", "CLX has no piece table")),
        }
    }
}

/// Reads `lcb`, then `n+1` CPs and `n` 8-byte PCDs.
fn parse_plc_pcd(clx: &[u8], at: usize) -> Result<Vec<Piece>, ExtractError> {
    let lcb = u32_at(clx, at).ok_or_else(|| short("piece table"))? as usize;
    let plc = clx.get(at + 4..(at + 4).saturating_add(lcb)).ok_or_else(|| short("piece table"))?;
    if plc.len() < 4 {
        return Err(ExtractError::damaged("doc", "piece table is empty"));
    }
    let n = (plc.len() - 4) / 12;
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (cp, cp_end) = (u32_at(plc, 4 * i), u32_at(plc, 4 * i + 4));
        let pcd = 4 * (n + 1) + 8 * i;
        let (Some(cp), Some(cp_end), Some(raw)) = (cp, cp_end, u32_at(plc, pcd + 2)) else {
            return Err(short("piece table"));
        };
        if cp_end < cp {
            return Err(ExtractError::damaged("doc", "piece table CPs are not ascending"));
        }
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        pieces.push(Piece { cp, cp_end, fc: if compressed { fc / 2 } else { fc }, compressed });
    }
    Ok(pieces)
}

/// Decodes characters `0..ccp` from the pieces; fails on a piece outside the stream.
pub(crate) fn decode_text(wd: &[u8], pieces: &[Piece], ccp: u32) -> Result<Vec<char>, ExtractError> {
    let mut text = Vec::with_capacity((ccp as usize).min(wd.len()));
    for p in pieces {
        if p.cp >= ccp {
            break;
        }
        // Keep text index == CP even if the pieces leave gaps or overlap.
        text.resize(p.cp as usize, ' ');
        let end = p.cp_end.min(ccp);
        let n = (end - p.cp) as usize;
        let start = p.fc as usize;
        if p.compressed {
            let b = wd.get(start..start.saturating_add(n)).ok_or_else(|| short("text piece"))?;
            // windows-1252 is single-byte: one char per byte (unassigned bytes become C1 controls).
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(b);
            text.extend(s.chars());
        } else {
            let b = wd.get(start..start.saturating_add(2 * n)).ok_or_else(|| short("text piece"))?;
            let units = b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]]));
            // One char per code unit so that indexes stay CPs; surrogates become U+FFFD.
            text.extend(units.map(|u| char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}')));
        }
    }
    Ok(text)
}
