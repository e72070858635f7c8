//! The page's skew from the image alone (before any OCR): the slope along
//! which rows of ink line up best (projection profile).
//!
//! Text lines and table rules both run along the skew; summed along the right
//! slope, ink piles into a few sharp rows, so the sum of squared row totals is
//! largest there.

use super::image::Gray;

/// Steepest skew looked for (dy/dx; about 2.3 degrees).
const MAX_SLOPE: f32 = 0.04;
/// Every this many columns is sampled.
const COLUMN_STEP: usize = 4;

/// The slope (dy/dx) the page's ink lines up along; 0 for a blank page.
pub(crate) fn estimate(gray: &Gray) -> f32 {
    let coarse = best_slope(gray, (-16..=16).map(|i| i as f32 * MAX_SLOPE / 16.0));
    let step = MAX_SLOPE / 16.0 / 6.0;
    best_slope(gray, (-6..=6).map(|i| coarse + i as f32 * step))
}

fn best_slope(gray: &Gray, candidates: impl Iterator<Item = f32>) -> f32 {
    let mut best = (0u64, 0.0f32);
    for slope in candidates {
        let score = sharpness(gray, slope);
        // Ties go to the straighter slope.
        if score > best.0 || (score == best.0 && slope.abs() < best.1.abs()) {
            best = (score, slope);
        }
    }
    best.1
}

/// Sum of squared ink counts of the rows sheared by `slope`.
fn sharpness(gray: &Gray, slope: f32) -> u64 {
    let margin = (MAX_SLOPE * gray.width as f32).ceil() as usize + 1;
    let mut rows = vec![0u32; gray.height + 2 * margin];
    for x in (0..gray.width).step_by(COLUMN_STEP) {
        let shift = (x as f32 * slope).round() as isize;
        for y in 0..gray.height {
            if gray.ink(x as isize, y as isize) {
                // In range: |shift| ≤ MAX_SLOPE·width < margin, so 0 ≤ index < len.
                let index = (y as isize - shift + margin as isize) as usize;
                if let Some(r) = rows.get_mut(index) {
                    *r += 1;
                }
            }
        }
    }
    rows.iter().map(|&r| u64::from(r) * u64::from(r)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_slope_of_tilted_text_rows() {
        let slope = -0.017;
        // Rows of short dashes ("words") every 40 px, tilted by `slope`.
        let gray = Gray::from_fn(800, 400, |x, y| {
            let y0 = y as f32 - x as f32 * slope;
            let in_row = (y0 as i32).rem_euclid(40) < 6 && y0 > 20.0 && y0 < 380.0;
            in_row && x % 50 < 35
        });
        let found = estimate(&gray);
        assert!((found - slope).abs() < 0.002, "{found}");
        assert_eq!(estimate(&Gray::from_fn(100, 100, |_, _| false)), 0.0, "blank page");
    }
}
