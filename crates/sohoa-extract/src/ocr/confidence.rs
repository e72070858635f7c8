//! How far an OCRed page can be trusted, from Tesseract's own word confidences:
//! their mean and the share of words it was unsure of.
//!
//! A clean page reads at a mean near 90 with few unsure words; a page with a
//! seal across its text, a faint copy or a wrong skew reads lower on both. The
//! score is the mean (0..1) discounted by the unsure share, so a page whose
//! words are half unsure scores under [`FLOOR`] even if the rest read well.

use super::tsv::OcrWord;

/// Words Tesseract gave less than this confidence (0..100) are unsure.
const UNSURE: f32 = 60.0;
/// A page scoring under this needs a human to check it.
pub(crate) const FLOOR: f64 = 0.6;

/// Tesseract's confidences of one page's words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct PageConfidence {
    /// Words counted (those with a letter or digit).
    pub words: usize,
    /// Sum of their confidences (0..100 each).
    pub sum: f64,
    /// Words under [`UNSURE`].
    pub unsure: usize,
}

impl PageConfidence {
    /// The confidences of `words` (marks without a letter or digit are not counted).
    pub fn of(words: &[OcrWord]) -> PageConfidence {
        let mut out = PageConfidence::default();
        for w in words.iter().filter(|w| w.text.chars().any(char::is_alphanumeric)) {
            out.words += 1;
            out.sum += f64::from(w.conf.clamp(0.0, 100.0));
            out.unsure += usize::from(w.conf < UNSURE);
        }
        out
    }

    /// Two pages' words together.
    pub fn merged(self, other: PageConfidence) -> PageConfidence {
        PageConfidence {
            words: self.words + other.words,
            sum: self.sum + other.sum,
            unsure: self.unsure + other.unsure,
        }
    }

    /// Mean confidence, 0..100 (0 without words).
    pub fn mean(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        self.sum / self.words as f64
    }

    /// Share of unsure words, 0..1.
    pub fn unsure_share(&self) -> f64 {
        if self.words == 0 {
            return 1.0;
        }
        self.unsure as f64 / self.words as f64
    }

    /// 0..1: the mean confidence discounted by the share of unsure words.
    pub fn score(&self) -> f64 {
        (self.mean() / 100.0 * (1.0 - self.unsure_share())).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(confs: &[f32]) -> Vec<OcrWord> {
        confs
            .iter()
            .map(|&conf| OcrWord { text: "chủ".into(), x0: 0.0, x1: 1.0, top: 0.0, bottom: 1.0, conf })
            .collect()
    }

    #[test]
    fn a_clean_page_scores_high_and_an_unsure_one_under_the_floor() {
        let clean = PageConfidence::of(&words(&[95.0, 92.0, 90.0, 96.0, 88.0, 93.0, 91.0, 45.0]));
        assert!(clean.score() > 0.75, "{}", clean.score());
        let bad = PageConfidence::of(&words(&[80.0, 40.0, 30.0, 75.0, 20.0, 55.0, 85.0, 50.0]));
        assert!(bad.score() < FLOOR, "{}", bad.score());
        assert_eq!(clean.merged(bad).words, 16);
        assert_eq!(PageConfidence::of(&[]).score(), 0.0, "no words, no trust");
    }

    #[test]
    fn marks_are_not_counted() {
        let mut w = words(&[90.0]);
        w.push(OcrWord { text: "-".into(), ..w[0].clone() });
        w[1].conf = 5.0;
        assert_eq!(PageConfidence::of(&w).words, 1);
    }
}
