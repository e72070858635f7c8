//! Diacritic accuracy: the share of the original's diacritic-bearing chars
//! that a recovered text has at the same place, aligned by a diff.

use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;

/// Longest time one alignment may take before the diff falls back to a coarser one.
const DIFF_BUDGET: Duration = Duration::from_secs(20);

/// Share (0..1) of `original`'s chars with a diacritic (any non-ASCII
/// letter, `đ` included) that `recovered` reproduces exactly, after NFC,
/// white-space folding and lower-casing on both (case is not a diacritic:
/// transcripts of `.VnTimeH` text keep the lower case the file stores, the
/// normalizer shows the capitals the font draws). 1.0 when the original has none.
pub fn diacritic_accuracy(original: &str, recovered: &str) -> f64 {
    let a = prepare(original);
    let b = prepare(recovered);
    let total = a.iter().filter(|&&c| has_diacritic(c)).count();
    if total == 0 {
        return 1.0;
    }
    let deadline = Instant::now() + DIFF_BUDGET;
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &a, &b, Some(deadline));
    let kept: usize = ops
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| a[op.old_range()].iter().filter(|&&c| has_diacritic(c)).count())
        .sum();
    kept as f64 / total as f64
}

fn prepare(s: &str) -> Vec<char> {
    let folded: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    folded.nfc().flat_map(char::to_lowercase).collect()
}

/// A letter outside ASCII: every Vietnamese letter with a mark, and `đ`.
pub fn has_diacritic(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_marked_letters_aligned_by_diff() {
        assert_eq!(diacritic_accuracy("Việt Nam", "Việt  Nam"), 1.0);
        assert_eq!(diacritic_accuracy("Việt Nam", "Viet Nam"), 0.0);
        // An inserted word does not shift the alignment.
        assert_eq!(diacritic_accuracy("Hà Nội", "thủ đô Hà Nội"), 1.0);
        assert_eq!(diacritic_accuracy("đã có", "đa có"), 2.0 / 3.0);
        assert_eq!(diacritic_accuracy("abc", ""), 1.0);
        assert_eq!(diacritic_accuracy("bộ tài chính", "BỘ TÀI CHÍNH"), 1.0);
    }
}
