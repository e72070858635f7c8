//! `ExtractOptions`: the budgets and switches every reader honours.

use std::time::Duration;

/// How a document may be read.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Wall-clock budget per document.
    pub time_budget: Duration,
    /// Largest input file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Largest uncompressed size of one archive entry (DOCX/XLSX zip).
    pub max_entry_bytes: u64,
    /// Largest uncompressed/compressed ratio of an archive entry.
    pub max_compression_ratio: u64,
    /// Use OCR for pages without a usable text layer.
    pub ocr: OcrMode,
}

/// When OCR runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OcrMode {
    /// Pages with no or garbage text layer are OCRed (needs `tesseract` and `pdftoppm`).
    Auto,
    /// Never OCR; such pages give an `Unreadable` error.
    Off,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            time_budget: Duration::from_secs(120),
            max_file_bytes: 512 << 20,
            max_entry_bytes: 256 << 20,
            max_compression_ratio: 200,
            ocr: OcrMode::Auto,
        }
    }
}
