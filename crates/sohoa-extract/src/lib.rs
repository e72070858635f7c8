//! sohoa-extract: bytes of any supported format in, one normalized [`Document`] out.
//!
//! Readers: text dumps ([`text`]), PDF, DOCX, legacy DOC and RTF, spreadsheets.
//! Every reader sends its text through the [`normalize::Normalizer`] once.

pub mod detect;
pub mod error;
pub mod normalize;
pub mod options;

// The model, the label grammar and the vocabularies live in sohoa-doc (the crate under
// every stage); re-exported so that `sohoa_extract::...` and readers' `crate::model::...` keep working.
pub use sohoa_doc::{label, model, vocab};

mod kit;

mod doc;
mod docx;
mod ocr;
mod pdf;
mod rtf;
mod sheet;
pub mod text;

pub use error::ExtractError;
pub use kit::extracted::hex_sha256;
pub use kit::guard::panic_text;
pub use model::*;
pub use options::{ExtractOptions, OcrBudget, OcrMode};

use kit::Extracted;
use std::path::Path;

/// The PDF content-stream tokenizer (the operations of a page or form XObject
/// stream), public only for its bench and fuzz target.
///
/// # Errors
/// [`ExtractError::Damaged`] where lopdf's `Content::decode` fails.
#[doc(hidden)]
pub fn decode_pdf_content(bytes: &[u8]) -> Result<pdf_extract::content::Content, ExtractError> {
    pdf::content::decode(bytes)
}

/// Reads and extracts one file.
///
/// # Errors
/// [`ExtractError::Io`] when the file cannot be read, [`ExtractError::Limit`] when it is
/// larger than the options allow, and every error of [`extract_bytes`].
pub fn extract_file(path: &Path, opts: &ExtractOptions) -> Result<Document, ExtractError> {
    let io = |source| ExtractError::Io { path: path.to_path_buf(), source };
    let len = std::fs::metadata(path).map_err(io)?.len();
    kit::limits::check_input_size(len, opts)?;
    let bytes = std::fs::read(path).map_err(io)?;
    extract_bytes(&path.display().to_string(), &bytes, opts)
}

/// Extracts a document from its bytes; `path` names it in the record and picks
/// the format where the bytes do not. A panicking reader becomes
/// [`ExtractError::Panic`].
///
/// # Errors
/// An unknown format, a damaged, encrypted or hostile file, a spent time budget, no
/// usable text, missing OCR programs or a reader's panic: one [`ExtractError`] naming the cause.
pub fn extract_bytes(path: &str, bytes: &[u8], opts: &ExtractOptions) -> Result<Document, ExtractError> {
    let format = detect::detect(path, bytes)
        .ok_or_else(|| ExtractError::Unsupported(format!("cannot tell the format of {path}")))?;
    if matches!(format, Format::Doc | Format::Xls) {
        detect::refuse_ole(path, bytes)?;
    }
    let extracted = kit::guard::contain(|| read(format, bytes, opts))?;
    Ok(extracted.into_document(path, format, bytes))
}

/// The reader of each format.
fn read(format: Format, bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    match format {
        Format::Text => text::read(bytes, opts),
        Format::Pdf => pdf::read(bytes, opts),
        Format::Docx => docx::read(bytes, opts),
        Format::Doc => doc::read(bytes, opts),
        Format::Rtf => rtf::read(bytes, opts),
        Format::Xlsx | Format::Xls | Format::Ods => sheet::read(bytes, format, opts),
    }
}
