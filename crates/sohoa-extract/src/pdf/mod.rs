//! PDF reader on pdf-extract: glyphs to words, lines, blocks and tables per page.

use crate::error::ExtractError;
use crate::options::ExtractOptions;
use crate::Extracted;

/// Reads one pdf file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let _ = (bytes, opts);
    Err(ExtractError::Unsupported("pdf reader not implemented yet".into()))
}
