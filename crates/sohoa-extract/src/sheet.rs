//! Spreadsheet reader (calamine: xlsx, xls, ods): each sheet one table, merged ranges applied.

use crate::error::ExtractError;
use crate::model::Format;
use crate::options::ExtractOptions;
use crate::Extracted;

/// Reads one spreadsheet.
pub(crate) fn read(bytes: &[u8], format: Format, opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let _ = (bytes, format, opts);
    Err(ExtractError::Unsupported("spreadsheet reader not implemented yet".into()))
}
