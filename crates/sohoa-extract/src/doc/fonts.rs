//! The font table (SttbfFfn): font names by index, as character runs refer to them.

use super::fib::FcLcb;
use super::le::{slice, u16_at, u8_at};
use crate::error::ExtractError;

/// Offset of the name (xszFfn) inside an FFN.
const FFN_NAME: usize = 39;

/// Parses the SttbfFfn into font names (an unreadable entry gives an empty name).
pub(crate) fn parse(table: &[u8], at: FcLcb) -> Result<Vec<String>, ExtractError> {
    if at.lcb == 0 {
        return Ok(Vec::new());
    }
    let b = slice(table, at.fc, at.lcb, "font table")?;
    let mut pos = 0usize;
    let mut count = u16_at(b, 0).unwrap_or(0) as usize;
    if count == 0xFFFF {
        count = u16_at(b, 2).unwrap_or(0) as usize;
        pos = 2;
    }
    pos += 4; // cData, cbExtra
    let mut names = Vec::with_capacity(count.min(b.len()));
    for _ in 0..count {
        let Some(cch) = u8_at(b, pos) else { break };
        let ffn = b.get(pos + 1..(pos + 1 + cch as usize).min(b.len())).unwrap_or(&[]);
        names.push(ffn_name(ffn));
        pos += 1 + cch as usize;
    }
    Ok(names)
}

/// The NUL-terminated UTF-16 name of one FFN.
fn ffn_name(ffn: &[u8]) -> String {
    let units: Vec<u16> = (0..).map_while(|i| u16_at(ffn, FFN_NAME + 2 * i)).take_while(|&u| u != 0).collect();
    String::from_utf16_lossy(&units)
}
