//! Legacy Word 97-2003 .doc reader (OLE2 via cfb): piece table, cell marks, font table.

use crate::error::ExtractError;
use crate::options::ExtractOptions;
use crate::Extracted;

/// Reads one doc file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let _ = (bytes, opts);
    Err(ExtractError::Unsupported("doc reader not implemented yet".into()))
}
