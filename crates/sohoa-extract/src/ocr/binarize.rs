//! From a rendered page (colour or grey) to the black-and-white image rules and
//! Tesseract are read from: coloured ink (a red seal, a blue signature) turned
//! to paper, then an adaptive threshold (Sauvola over tiles) for tonal scans.
//!
//! A bilevel scan (CCITT, JBIG2) is already black and white: it keeps the fixed
//! threshold of [`super::image`]. A grey or colour JPEG page has grey paper, ink
//! that is not black, faint thin rules and a blurred edge to every stroke: one
//! threshold for the whole page loses the rules or swells the text, so each tile
//! is thresholded by the mean and spread of the grey around it.

use super::image::Gray;

/// Chroma (max − min channel) of coloured ink; black print and tinted paper stay under it.
const COLOURED: u8 = 60;
/// Side of a statistics tile, in pixels (at 300 dpi about 2.7 mm).
const TILE: usize = 32;
/// Tiles on each side of a tile whose pixels make its window (a window of 5×5 tiles).
const REACH: usize = 2;
/// Sauvola's sensitivity `k`: how far below the local mean ink must be.
const K: f32 = 0.2;
/// Sauvola's dynamic range of the standard deviation `R` (grey levels).
const R: f32 = 128.0;
/// Grey levels between ink and paper (anti-aliased, blurred or faint).
const MID_TONES: std::ops::Range<u8> = 60..200;

/// What the page image was and what was done to it.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    /// Pixels of coloured ink turned to paper.
    pub coloured: usize,
    /// A tonal page (grey/colour scan, adaptively thresholded) before its threshold (coloured ink already paper): what
    /// Tesseract reads, since a threshold breaks the finest marks of the
    /// script (the hook of `ả`, `ổ` turns into the acute of `ố`).
    pub grey: Option<Gray>,
}

/// Parses a binary PPM (`P6`) or PGM (`P5`) page, turns coloured ink to paper,
/// and thresholds a tonal page adaptively.
pub(crate) fn prepare(bytes: &[u8]) -> Option<(Gray, Prepared)> {
    let (mut gray, coloured) = if bytes.starts_with(b"P6") { from_ppm(bytes)? } else { (Gray::from_pgm(bytes)?, 0) };
    let tonal = is_tonal(&gray);
    let grey = tonal.then(|| gray.clone());
    if tonal {
        sauvola(&mut gray);
    }
    Some((gray, Prepared { coloured, grey }))
}

/// A colour page as grey, coloured pixels made paper: grey = luminance + 2·chroma.
/// Black print under a red seal stays dark (its chroma is low); the seal's red,
/// the signature's blue and their anti-aliased rims go white.
fn from_ppm(bytes: &[u8]) -> Option<(Gray, usize)> {
    let (width, height, offset) = super::image::pnm_header(bytes, b"P6")?;
    let rgb = bytes.get(offset..offset + width.checked_mul(height)?.checked_mul(3)?)?;
    let mut coloured = 0;
    let pixels = rgb
        .chunks_exact(3)
        .map(|p| {
            let (max, min) = (p[0].max(p[1]).max(p[2]), p[0].min(p[1]).min(p[2]));
            let chroma = max - min;
            coloured += usize::from(chroma >= COLOURED);
            let luma = (299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2])) / 1000;
            (luma + 2 * u32::from(chroma)).min(255) as u8
        })
        .collect();
    Some((Gray::from_pixels(width, height, pixels)?, coloured))
}

/// A grey or colour scan rather than a bilevel one: more mid-tone pixels than
/// one and a half times the dark ones (a bilevel page has mid-tones only on the
/// rims of its strokes), or paper darker than white.
fn is_tonal(gray: &Gray) -> bool {
    let mut histogram = [0usize; 256];
    gray.pixels().iter().for_each(|&v| histogram[usize::from(v)] += 1);
    let mid: usize = histogram[MID_TONES.start as usize..MID_TONES.end as usize].iter().sum();
    let dark: usize = histogram[..MID_TONES.start as usize].iter().sum();
    // The paper: the commonest bright level.
    let paper = (128..256).max_by_key(|&v| (histogram[v], v)).unwrap_or(255);
    2 * mid > 3 * dark || paper < 245
}

/// Sauvola's threshold `T = m·(1 + k·(s/R − 1))`, with the mean `m` and standard
/// deviation `s` of the window of tiles around each pixel's tile: ink (below
/// `T`) becomes 0, the rest 255.
fn sauvola(gray: &mut Gray) {
    let (w, h) = (gray.width, gray.height);
    let (tw, th) = (w.div_ceil(TILE), h.div_ceil(TILE));
    // Per tile: pixel count, sum and sum of squares.
    let mut stats = vec![(0u64, 0u64, 0u64); tw * th];
    for (y, row) in gray.pixels().chunks_exact(w).enumerate() {
        for (x, &v) in row.iter().enumerate() {
            let s = &mut stats[(y / TILE) * tw + x / TILE];
            let v = u64::from(v);
            *s = (s.0 + 1, s.1 + v, s.2 + v * v);
        }
    }
    let thresholds: Vec<u8> = (0..tw * th).map(|i| window_threshold(&stats, tw, th, i % tw, i / tw)).collect();
    let width = w;
    for (i, v) in gray.pixels_mut().iter_mut().enumerate() {
        let (x, y) = (i % width, i / width);
        *v = if *v < thresholds[(y / TILE) * tw + x / TILE] { 0 } else { 255 };
    }
}

/// The threshold of tile (`tx`, `ty`) from the tiles within [`REACH`] of it.
fn window_threshold(stats: &[(u64, u64, u64)], tw: usize, th: usize, tx: usize, ty: usize) -> u8 {
    let (mut n, mut sum, mut sq) = (0u64, 0u64, 0u64);
    for y in ty.saturating_sub(REACH)..(ty + REACH + 1).min(th) {
        for x in tx.saturating_sub(REACH)..(tx + REACH + 1).min(tw) {
            let s = stats[y * tw + x];
            (n, sum, sq) = (n + s.0, sum + s.1, sq + s.2);
        }
    }
    let n = n.max(1) as f32;
    let mean = sum as f32 / n;
    let sd = (sq as f32 / n - mean * mean).max(0.0).sqrt();
    (mean * (1.0 + K * (sd / R - 1.0))).clamp(0.0, 255.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ppm(width: usize, height: usize, colour: impl Fn(usize, usize) -> [u8; 3]) -> Vec<u8> {
        let mut out = format!("P6\n{width} {height}\n255\n").into_bytes();
        for y in 0..height {
            for x in 0..width {
                out.extend(colour(x, y));
            }
        }
        out
    }

    #[test]
    fn a_red_seal_goes_and_black_print_under_it_stays() {
        // Grey paper, a black bar of print, a red disc over part of it, a blue stroke.
        let page = ppm(200, 200, |x, y| {
            let print = (40..160).contains(&x) && (90..110).contains(&y);
            let seal = (x as i32 - 100).pow(2) + (y as i32 - 100).pow(2) < 50 * 50;
            let stroke = (150..190).contains(&x) && (30..34).contains(&y);
            match (print, seal, stroke) {
                (true, true, _) => [30, 20, 25],
                (true, false, _) => [35, 35, 40],
                (false, true, _) => [205, 40, 50],
                (_, _, true) => [30, 50, 165],
                _ => [240, 238, 228],
            }
        });
        let (gray, prep) = prepare(&page).expect("a valid ppm");
        assert!(prep.coloured > 5000, "{prep:?}");
        let ink = |x: usize, y: usize| gray.ink(x as isize, y as isize);
        assert!(ink(60, 100) && ink(100, 100), "print stays, under the seal too");
        assert!(!ink(100, 70) && !ink(100, 130), "the seal is gone");
        assert!(!ink(170, 32), "the blue stroke is gone");
    }

    #[test]
    fn faint_rules_and_grey_text_become_black_on_white() {
        // Paper at 232 with ±4 noise, a faint 3-px rule at 175, a block of text at 60.
        let noise = |x: usize, y: usize| ((x * 7 + y * 13) % 9) as u8;
        let mut pgm = b"P5\n300 300\n255\n".to_vec();
        for y in 0..300 {
            for x in 0..300 {
                let v = if (149..152).contains(&y) {
                    175
                } else if (40..60).contains(&x) && (40..60).contains(&y) {
                    60
                } else {
                    228 + noise(x, y)
                };
                pgm.push(v);
            }
        }
        let (gray, prep) = prepare(&pgm).expect("a valid pgm");
        assert!(prep.grey.as_ref().is_some_and(|g| g.pixels()[0] > 200), "the grey page is kept for Tesseract");
        let ink = |x: usize, y: usize| gray.ink(x as isize, y as isize);
        assert!((0..300).all(|x| ink(x, 150)), "the faint rule is ink all along");
        assert!(ink(50, 50), "the text is ink");
        let specks =
            (0..300).flat_map(|y| (0..300).map(move |x| (x, y))).filter(|&(x, y)| y > 200 && ink(x, y)).count();
        assert_eq!(specks, 0, "noisy grey paper is paper");
    }

    #[test]
    fn a_bilevel_page_is_left_as_it_is() {
        let mut pgm = b"P5\n100 100\n255\n".to_vec();
        pgm.extend((0..100 * 100).map(|i| if (i / 100) % 10 < 3 && i % 100 > 10 { 0 } else { 255 }));
        let (gray, prep) = prepare(&pgm).expect("a valid pgm");
        assert!(prep.grey.is_none(), "not tonal");
        assert_eq!(gray.to_pgm(), pgm);
    }
}
