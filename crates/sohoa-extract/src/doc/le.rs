//! Bounds-checked little-endian field access for the binary .doc structures.

use crate::error::ExtractError;

/// A named out-of-bounds error.
pub(crate) fn short(what: &str) -> ExtractError {
    ExtractError::damaged("doc", format!("{what} runs past the end of its stream"))
}

/// `u8` at `at`, or `None` past the end.
pub(crate) fn u8_at(b: &[u8], at: usize) -> Option<u8> {
    b.get(at).copied()
}

/// `u16` at `at`, or `None` past the end.
pub(crate) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

/// `u32` at `at`, or `None` past the end.
pub(crate) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// The sub-slice `fc..fc+lcb`, or a damaged-file error naming `what`.
pub(crate) fn slice<'a>(b: &'a [u8], fc: u32, lcb: u32, what: &str) -> Result<&'a [u8], ExtractError> {
    let start = fc as usize;
    let end = start.checked_add(lcb as usize).ok_or_else(|| short(what))?;
    b.get(start..end).ok_or_else(|| short(what))
}

/// CPs of a PLC with `n` data elements of `cb_data` bytes each: `n + 1` CPs.
pub(crate) fn plc_cps(b: &[u8], cb_data: usize) -> Vec<u32> {
    let n = plc_count(b, cb_data);
    (0..=n).filter_map(|i| u32_at(b, 4 * i)).collect()
}

/// Number of data elements of `cb_data` bytes in a PLC of `b.len()` bytes.
pub(crate) fn plc_count(b: &[u8], cb_data: usize) -> usize {
    b.len().saturating_sub(4) / (4 + cb_data)
}
