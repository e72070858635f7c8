//! sohoa-extract: bytes of any supported format in, one normalized [`Document`] out.
//!
//! Readers: text dumps ([`text`]), PDF, DOCX, legacy DOC and RTF, spreadsheets.
//! Every reader sends its text through the [`normalize::Normalizer`] once.

pub mod detect;
pub mod label;
pub mod error;
pub mod model;
pub mod normalize;
pub mod options;

mod doc;
mod docx;
mod ocr;
mod pdf;
mod rtf;
mod sheet;
pub mod text;

pub use error::ExtractError;
pub use model::*;
pub use options::{ExtractOptions, OcrBudget, OcrMode};

use sha2::{Digest, Sha256};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// What a reader hands back; [`extract_bytes`] adds the provenance.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    pub blocks: Vec<Block>,
    pub pages: Option<u32>,
    pub diagnostics: Vec<Diagnostic>,
    pub quality: TextQuality,
}

/// A reader's output with the running headers and footers it keeps apart
/// ([`Document::furniture`]); readers of formats without them give none.
#[derive(Debug, Default)]
pub(crate) struct WithFurniture {
    pub body: Extracted,
    pub furniture: Vec<Paragraph>,
}

impl From<Extracted> for WithFurniture {
    fn from(body: Extracted) -> Self {
        WithFurniture { body, furniture: Vec::new() }
    }
}

/// Reads and extracts one file.
pub fn extract_file(path: &Path, opts: &ExtractOptions) -> Result<Document, ExtractError> {
    let io = |source| ExtractError::Io { path: path.to_path_buf(), source };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > opts.max_file_bytes {
        return Err(ExtractError::Limit {
            format: "input",
            cause: format!("file is {len} bytes, limit {}", opts.max_file_bytes),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    extract_bytes(&path.display().to_string(), &bytes, opts)
}

/// Extracts a document from its bytes; `path` names it in the record and picks
/// the format where the bytes do not. A panicking reader becomes
/// [`ExtractError::Panic`].
pub fn extract_bytes(path: &str, bytes: &[u8], opts: &ExtractOptions) -> Result<Document, ExtractError> {
    let format = detect::detect(path, bytes)
        .ok_or_else(|| ExtractError::Unsupported(format!("cannot tell the format of {path}")))?;
    if matches!(format, Format::Doc | Format::Xls) {
        detect::refuse_ole(path, bytes)?;
    }
    let read = || match format {
        Format::Text => text::read(bytes, opts).map(WithFurniture::from),
        Format::Pdf => pdf::read(bytes, opts).map(WithFurniture::from),
        Format::Docx => docx::read(bytes, opts),
        Format::Doc => doc::read(bytes, opts),
        Format::Rtf => rtf::read(bytes, opts).map(WithFurniture::from),
        Format::Xlsx | Format::Xls | Format::Ods => sheet::read(bytes, format, opts).map(WithFurniture::from),
    };
    let WithFurniture { body: extracted, furniture } = catch_unwind(AssertUnwindSafe(read)).map_err(|p| ExtractError::Panic(panic_text(&p)))??;
    Ok(Document {
        source: Source {
            path: path.to_string(),
            format,
            sha256: hex_sha256(bytes),
            pages: extracted.pages,
            text_quality: extracted.quality,
        },
        blocks: extracted.blocks,
        diagnostics: extracted.diagnostics,
        furniture,
    })
}

/// Lower-case hex SHA-256.
pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The message of a caught panic.
pub fn panic_text(payload: &Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}
