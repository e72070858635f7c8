//! Text-dump reader: markdown-like dumps (tab tables with inline HTML) and plain PDF-to-text dumps.

use crate::error::ExtractError;
use crate::options::ExtractOptions;
use crate::Extracted;

/// Reads one text dump.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let _ = (bytes, opts);
    Err(ExtractError::Unsupported("text reader not implemented yet".into()))
}
