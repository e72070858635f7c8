//! RTF reader: text, tables, font table and per-font 8-bit bytes.

use crate::error::ExtractError;
use crate::options::ExtractOptions;
use crate::Extracted;

/// Reads one rtf file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let _ = (bytes, opts);
    Err(ExtractError::Unsupported("rtf reader not implemented yet".into()))
}
