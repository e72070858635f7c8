//! DOCX reader (zip + quick-xml): paragraphs with Word numbering, tables, footnotes.

use crate::error::ExtractError;
use crate::options::ExtractOptions;
use crate::Extracted;

/// Reads one docx file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let _ = (bytes, opts);
    Err(ExtractError::Unsupported("docx reader not implemented yet".into()))
}
