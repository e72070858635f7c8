//! `ExtractOptions`: the budgets and switches every reader honours.

use std::path::PathBuf;
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
    /// How many pages may be OCRed at once.
    pub ocr_budget: OcrBudget,
}

/// The CPU budget of OCR: at most `jobs` pages are rendered and read at once
/// (one `pdftoppm` or one single-threaded `tesseract` each), counted in this
/// process, or across every process sharing `shared_dir` (the CLI's workers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OcrBudget {
    /// Pages at once; `None`: the threads of the caller's rayon pool.
    pub jobs: Option<usize>,
    /// A folder of lock files, one per slot, shared by cooperating processes;
    /// `None`: slots are counted in this process only.
    pub shared_dir: Option<PathBuf>,
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
            ocr_budget: OcrBudget::default(),
        }
    }
}
