//! The page image cleaned before Tesseract reads it: table rules painted out,
//! dust specks removed.
//!
//! Left in, a rule is read as `|`, `_`, `-`, `I` or `1`, glues the words of two
//! cells into one token and breaks Tesseract's lines; the rules themselves are
//! already known (found along the skew), so the cells keep their grid. A speck
//! of dust in an empty cell is read as `-`, `.` or `'`.

use super::image::Gray;

/// Pixels cleared on each side of a rule's path (a scanned rule is 2–5 px thick).
const HALF_WIDTH: isize = 3;
/// Pixels cleared past each end of a rule.
const OVERSHOOT: isize = 3;

/// Ink blots of at most this many pixels (8-connected) are dust: the smallest
/// mark of Vietnamese print at [`super::DPI`], the dot below `ạ`, has about 20.
const DUST: usize = 6;

/// The image with every rule painted white and the dust removed.
pub(crate) fn cleaned(gray: &Gray, h_rules: &[[f32; 3]], v_rules: &[[f32; 3]], slope: f32) -> Gray {
    let mut out = without_rules(gray, h_rules, v_rules, slope);
    remove_dust(&mut out);
    out
}

/// Clears every 8-connected blot of ink of at most [`DUST`] pixels.
fn remove_dust(gray: &mut Gray) {
    let (w, h) = (gray.width, gray.height);
    let mut seen = vec![false; w * h];
    let mut blot = Vec::new();
    for start in 0..w * h {
        if seen[start] || !gray.ink((start % w) as isize, (start / w) as isize) {
            continue;
        }
        blot.clear();
        let mut stack = vec![start];
        seen[start] = true;
        while let Some(i) = stack.pop() {
            blot.push(i);
            for n in neighbours(i, w, h) {
                if !seen[n] && gray.ink((n % w) as isize, (n / w) as isize) {
                    seen[n] = true;
                    stack.push(n);
                }
            }
        }
        if blot.len() <= DUST {
            // The blot and its grey rim, which Tesseract's own threshold would still see.
            for &i in &blot {
                gray.clear((i % w) as isize, (i / w) as isize);
                neighbours(i, w, h).for_each(|n| gray.clear((n % w) as isize, (n / w) as isize));
            }
        }
    }
}

/// The up to eight pixel indices around index `i` of a `w`×`h` image.
fn neighbours(i: usize, w: usize, h: usize) -> impl Iterator<Item = usize> {
    let (x, y) = ((i % w) as isize, (i / w) as isize);
    (-1..=1isize)
        .flat_map(move |dy| (-1..=1isize).map(move |dx| (x + dx, y + dy)))
        .filter(move |&(nx, ny)| (nx, ny) != (x, y) && nx >= 0 && ny >= 0 && (nx as usize) < w && (ny as usize) < h)
        .map(move |(nx, ny)| ny as usize * w + nx as usize)
}

/// Pixels of the grey page kept around each ink pixel of the cleaned
/// black-and-white page ([`grey_through`]): the rim of a stroke and the
/// fragments a threshold made of a fine mark.
const GREY_REACH: usize = 2;

/// The grey page seen through a black-and-white one (rules painted out): grey
/// where the latter has ink within [`GREY_REACH`] pixels, paper elsewhere.
/// Rules and paper noise go as there; strokes keep their grey shape,
/// which Tesseract thresholds itself (the hook of `ổ` survives there).
pub(crate) fn grey_through(grey: &Gray, mask: &Gray) -> Gray {
    let (w, h) = (mask.width, mask.height);
    if (grey.width, grey.height) != (w, h) {
        return mask.clone();
    }
    // Dilate the mask's ink by GREY_REACH: rows first, then columns.
    let mut across = vec![false; w * h];
    for y in 0..h {
        for x in 0..w {
            across[y * w + x] =
                (x.saturating_sub(GREY_REACH)..(x + GREY_REACH + 1).min(w)).any(|nx| mask.ink(nx as isize, y as isize));
        }
    }
    let near =
        |x: usize, y: usize| (y.saturating_sub(GREY_REACH)..(y + GREY_REACH + 1).min(h)).any(|ny| across[ny * w + x]);
    Gray::from_fn_grey(w, h, |x, y| if near(x, y) { grey.pixels()[y * w + x] } else { 255 })
}

/// The image with every rule painted white. Rules are as
/// [`Gray::horizontal_rules`] and [`Gray::vertical_rules`] give them (pixels,
/// straightened by `slope`).
pub(crate) fn without_rules(gray: &Gray, h_rules: &[[f32; 3]], v_rules: &[[f32; 3]], slope: f32) -> Gray {
    let mut out = gray.clone();
    for &[y0, from, to] in h_rules {
        erase_horizontal(&mut out, y0, from, to, slope);
    }
    for &[x0, from, to] in v_rules {
        erase_vertical(&mut out, x0, from, to, slope);
    }
    out
}

/// A horizontal rule through `y0` (at x = 0), straightened span `from..to`.
fn erase_horizontal(gray: &mut Gray, y0: f32, from: f32, to: f32, slope: f32) {
    // Straightened x is x + y0·slope (see `Gray::horizontal_rules`).
    let (a, b) = ((from - y0 * slope) as isize - OVERSHOOT, (to - y0 * slope) as isize + OVERSHOOT);
    for x in a..=b {
        let y = (y0 + x as f32 * slope).round() as isize;
        for d in -HALF_WIDTH..=HALF_WIDTH {
            gray.clear(x, y + d);
        }
    }
}

/// A vertical rule through `x0` (at y = 0), straightened span `from..to`.
fn erase_vertical(gray: &mut Gray, x0: f32, from: f32, to: f32, slope: f32) {
    // Straightened y is y − x0·slope (see `Gray::vertical_rules`).
    let (a, b) = ((from + x0 * slope) as isize - OVERSHOOT, (to + x0 * slope) as isize + OVERSHOOT);
    for y in a..=b {
        let x = (x0 - y as f32 * slope).round() as isize;
        for d in -HALF_WIDTH..=HALF_WIDTH {
            gray.clear(x + d, y);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grey_is_kept_around_ink_only() {
        // A grey stroke (value 90) with a faint rim (170); noise (200) far from any ink.
        let grey = Gray::from_fn_grey(40, 20, |x, y| match (x, y) {
            (10..=12, 5..=15) => 90,
            (13, 5..=15) => 170,
            (30, 10) => 200,
            _ => 250,
        });
        let mask = Gray::from_fn(40, 20, |x, y| (10..=12).contains(&x) && (5..=15).contains(&y));
        let out = grey_through(&grey, &mask);
        assert_eq!(out.pixels()[10 * 40 + 11], 90, "the stroke keeps its grey");
        assert_eq!(out.pixels()[10 * 40 + 13], 170, "and its rim");
        assert_eq!(out.pixels()[10 * 40 + 30], 255, "noise away from ink is paper");
    }

    #[test]
    fn tilted_rules_are_painted_out_and_text_is_kept() {
        let slope = 0.015;
        let on_h = |x: usize, y: usize| (y as f32 - (60.0 + x as f32 * slope)).abs() < 1.5 && (20..380).contains(&x);
        let on_v = |x: usize, y: usize| (x as f32 - (200.0 - y as f32 * slope)).abs() < 1.5 && (30..180).contains(&y);
        let text = |x: usize, y: usize| (100..110).contains(&x) && (100..120).contains(&y);
        let gray = Gray::from_fn(400, 200, |x, y| on_h(x, y) || on_v(x, y) || text(x, y));
        let (h, v) = (gray.horizontal_rules(slope, 200), gray.vertical_rules(slope, 100));
        assert_eq!((h.len(), v.len()), (1, 1));
        let clean = without_rules(&gray, &h, &v, slope);
        let ink = |g: &Gray, f: &dyn Fn(usize, usize) -> bool| {
            (0..200)
                .flat_map(|y| (0..400).map(move |x| (x, y)))
                .filter(|&(x, y)| f(x, y) && g.ink(x as isize, y as isize))
                .count()
        };
        assert!(ink(&gray, &on_h) > 300 && ink(&clean, &on_h) == 0, "the horizontal rule is gone");
        assert_eq!(ink(&clean, &on_v), 0, "the vertical rule is gone");
        assert_eq!(ink(&clean, &text), 200, "the text block is untouched");
    }

    #[test]
    fn dust_goes_and_small_marks_of_print_stay() {
        let speck = |x: usize, y: usize| (x == 10 && y == 10) || ((30..32).contains(&x) && (30..32).contains(&y));
        let dot = |x: usize, y: usize| (50..55).contains(&x) && (50..55).contains(&y);
        let mut gray = Gray::from_fn(80, 80, |x, y| speck(x, y) || dot(x, y));
        gray.set_grey(11, 10, 150);
        remove_dust(&mut gray);
        assert_eq!(gray.to_pgm()[gray.to_pgm().len() - 80 * 80 + 10 * 80 + 11], 255, "the speck's grey rim goes too");
        let count = |f: &dyn Fn(usize, usize) -> bool| {
            (0..80)
                .flat_map(|y| (0..80).map(move |x| (x, y)))
                .filter(|&(x, y)| f(x, y) && gray.ink(x as isize, y as isize))
                .count()
        };
        assert_eq!(count(&speck), 0, "specks of 1 and 4 pixels are dust");
        assert_eq!(count(&dot), 25, "a 5x5 dot is print");
    }
}
