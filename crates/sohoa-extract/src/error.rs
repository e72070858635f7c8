//! `ExtractError`: the one error type of sohoa-extract.

use std::path::PathBuf;

/// Why a document could not be extracted. Every variant names the cause;
/// the CLI adds the file name.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file could not be read from disk.
    #[error("cannot read file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why reading failed.
        #[source]
        source: std::io::Error,
    },
    /// Not a format sohoa reads (the text says which).
    #[error("unsupported format: {0}")]
    Unsupported(String),
    #[error("damaged {format} file: {cause}")]
    /// The file is broken beyond what the reader repairs.
    Damaged {
        /// The reader's name for the format (`pdf`, `docx`, ...).
        format: &'static str,
        /// What is broken.
        cause: String,
    },
    #[error("encrypted {format} file: {cause}")]
    /// The file needs a password.
    Encrypted {
        /// The reader's name for the format (`pdf`, `docx`, ...).
        format: &'static str,
        /// What protects it.
        cause: String,
    },
    #[error("{format} file exceeds a safety limit: {cause}")]
    /// The file exceeds a safety limit (size, nesting, cells): a bomb or a hostile file.
    Limit {
        /// The reader's name for the format (`pdf`, `docx`, ...).
        format: &'static str,
        /// Which limit, and by how much.
        cause: String,
    },
    #[error("time budget of {seconds} s exceeded while reading {format}")]
    /// The time budget ran out.
    Timeout {
        /// The reader's name for the format (`pdf`, `docx`, ...).
        format: &'static str,
        /// The budget, in seconds.
        seconds: u64,
    },
    /// The file was read but gave no usable text (a scan with OCR off, garbage text).
    #[error("no usable text: {0}")]
    Unreadable(String),
    /// OCR was needed but `tesseract` or `pdftoppm` is missing.
    #[error("OCR is not available: {0}")]
    OcrUnavailable(String),
    /// A reader (or a library under it) panicked; the panic's text.
    #[error("reader panicked: {0}")]
    Panic(String),
}

impl ExtractError {
    /// Shorthand for a damaged-file error.
    pub fn damaged(format: &'static str, cause: impl ToString) -> Self {
        ExtractError::Damaged { format, cause: cause.to_string() }
    }
}
