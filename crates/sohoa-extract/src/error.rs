//! `ExtractError`: the one error type of sohoa-extract.

use std::path::PathBuf;

/// Why a document could not be extracted. Every variant names the cause;
/// the CLI adds the file name.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("cannot read file {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("unsupported format: {0}")]
    Unsupported(String),
    #[error("damaged {format} file: {cause}")]
    Damaged { format: &'static str, cause: String },
    #[error("encrypted {format} file: {cause}")]
    Encrypted { format: &'static str, cause: String },
    #[error("{format} file exceeds a safety limit: {cause}")]
    Limit { format: &'static str, cause: String },
    #[error("time budget of {seconds} s exceeded while reading {format}")]
    Timeout { format: &'static str, seconds: u64 },
    #[error("no usable text: {0}")]
    Unreadable(String),
    #[error("OCR is not available: {0}")]
    OcrUnavailable(String),
    #[error("reader panicked: {0}")]
    Panic(String),
}

impl ExtractError {
    /// Shorthand for a damaged-file error.
    pub fn damaged(format: &'static str, cause: impl ToString) -> Self {
        ExtractError::Damaged { format, cause: cause.to_string() }
    }
}
