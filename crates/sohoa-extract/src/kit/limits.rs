//! The size caps readers share, taken from [`ExtractOptions`]: the input
//! file's size, and the inflated size of an archive entry.

use crate::error::ExtractError;
use crate::options::ExtractOptions;

/// Smallest per-entry allowance regardless of the ratio cap, so that tiny,
/// highly repetitive parts (an empty styles.xml) are not refused.
const RATIO_FLOOR_BYTES: u64 = 1 << 20;

/// Refuses an input file larger than `max_file_bytes`.
pub(crate) fn check_input_size(len: u64, opts: &ExtractOptions) -> Result<(), ExtractError> {
    if len > opts.max_file_bytes {
        return Err(ExtractError::Limit {
            format: "input",
            cause: format!("file is {len} bytes, limit {}", opts.max_file_bytes),
        });
    }
    Ok(())
}

/// The caps applied while reading archive entries (DOCX, XLSX, ODS).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub max_entry_bytes: u64,
    pub max_ratio: u64,
}

impl Limits {
    pub fn from_options(opts: &ExtractOptions) -> Self {
        Limits { max_entry_bytes: opts.max_entry_bytes, max_ratio: opts.max_compression_ratio }
    }

    /// How many bytes an entry of `compressed` bytes may inflate to.
    pub fn allowance(&self, compressed: u64) -> u64 {
        let by_ratio = compressed.saturating_mul(self.max_ratio).max(RATIO_FLOOR_BYTES);
        by_ratio.min(self.max_entry_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowance_is_the_ratio_cap_with_a_floor_under_the_entry_cap() {
        let limits = Limits { max_entry_bytes: 10 << 20, max_ratio: 100 };
        assert_eq!(limits.allowance(10), RATIO_FLOOR_BYTES);
        assert_eq!(limits.allowance(50_000), 5_000_000);
        assert_eq!(limits.allowance(1 << 30), 10 << 20);
        let opts = ExtractOptions { max_file_bytes: 100, ..ExtractOptions::default() };
        assert!(check_input_size(100, &opts).is_ok());
        assert!(check_input_size(101, &opts).is_err());
    }
}
