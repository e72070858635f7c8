//! The rendered page image (8-bit PGM from `pdftoppm -gray`): ruling lines.
//!
//! A scanned table has no drawing operators; its rules are long runs of dark
//! pixels. The page is slightly turned, so runs are followed along the skew
//! (first estimated by [`super::skew`], then refined on the longest rules).

/// A grey page image, one byte per pixel, 0 = black.
#[derive(Clone)]
pub(crate) struct Gray {
    pub width: usize,
    pub height: usize,
    pixels: Vec<u8>,
}

impl std::fmt::Debug for Gray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gray({}×{})", self.width, self.height)
    }
}

/// Darker than this is ink.
const INK: u8 = 128;
/// Half-width (pixels) of the band a rule is followed in, once the skew is refined.
const BAND: isize = 1;

impl Gray {
    /// Parses a binary PGM (`P5`, maxval < 256).
    pub fn from_pgm(bytes: &[u8]) -> Option<Gray> {
        let (width, height, offset) = pnm_header(bytes, b"P5")?;
        let pixels = bytes.get(offset..offset + width.checked_mul(height)?)?.to_vec();
        Some(Gray { width, height, pixels })
    }

    /// An image of `width`×`height` grey `pixels` (row by row); `None` if they do not fill it.
    pub fn from_pixels(width: usize, height: usize, pixels: Vec<u8>) -> Option<Gray> {
        (width > 0 && height > 0 && pixels.len() == width.checked_mul(height)?).then_some(Gray {
            width,
            height,
            pixels,
        })
    }

    /// The grey values, row by row.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// Share (0..1) of ink pixels.
    pub fn ink_share(&self) -> f64 {
        self.pixels.iter().filter(|&&v| v < INK).count() as f64 / self.pixels.len().max(1) as f64
    }

    pub(super) fn pixels_mut(&mut self) -> &mut [u8] {
        &mut self.pixels
    }

    /// Ink within `band` pixels across the rule's direction (`dx`, `dy` = 1, 0 or 0, 1).
    fn ink_near(&self, x: isize, y: isize, across: (isize, isize), band: isize) -> bool {
        (-band..=band).any(|d| self.ink(x + d * across.0, y + d * across.1))
    }

    /// The skew refined from a first estimate: the slope (within ±0.004) along
    /// which the longest horizontal rules run furthest.
    pub fn refine_skew(&self, estimate: f32, min_len: usize) -> f32 {
        let mut frags = self.h_runs(estimate, min_len / 2, 1);
        frags.sort_by(|a, b| (b[2] - b[1]).total_cmp(&(a[2] - a[1])));
        frags.truncate(3);
        if frags.is_empty() {
            return estimate;
        }
        let score = |slope: f32| -> usize {
            frags.iter().map(|f| (-8..=8).map(|d| self.longest_h(f[0] as isize + d, slope)).max().unwrap_or(0)).sum()
        };
        let candidates = (-20..=20).map(|i| estimate + i as f32 * 0.0002);
        candidates.max_by_key(|&s| (score(s), -((s - estimate).abs() * 1e5) as i64)).unwrap_or(estimate)
    }

    /// Longest ink run along the path through `y0` with `slope`.
    fn longest_h(&self, y0: isize, slope: f32) -> usize {
        let path = |x: usize| self.ink(x as isize, y0 + (x as f32 * slope).round() as isize);
        runs(self.width, 1, path).iter().map(|(a, b)| b - a).max().unwrap_or(0)
    }

    /// A binary PGM (`P5`) of the image, as Tesseract reads it.
    pub fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }

    /// An image drawn by `ink(x, y)` (black where true).
    #[cfg(test)]
    pub fn from_fn(width: usize, height: usize, ink: impl Fn(usize, usize) -> bool) -> Gray {
        let pixels = (0..height)
            .flat_map(|y| (0..width).map(move |x| (x, y)))
            .map(|(x, y)| if ink(x, y) { 0 } else { 255 })
            .collect();
        Gray { width, height, pixels }
    }

    /// An image whose grey value at (x, y) is `value(x, y)`.
    pub fn from_fn_grey(width: usize, height: usize, value: impl Fn(usize, usize) -> u8) -> Gray {
        let pixels = (0..height).flat_map(|y| (0..width).map(move |x| (x, y))).map(|(x, y)| value(x, y)).collect();
        Gray { width, height, pixels }
    }

    /// Sets one pixel's grey value.
    #[cfg(test)]
    pub fn set_grey(&mut self, x: usize, y: usize, value: u8) {
        self.pixels[y * self.width + x] = value;
    }

    /// Paints the pixel white (outside the image: nothing).
    pub(super) fn clear(&mut self, x: isize, y: isize) {
        if x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height {
            self.pixels[y as usize * self.width + x as usize] = 255;
        }
    }

    pub(crate) fn ink(&self, x: isize, y: isize) -> bool {
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            return false;
        }
        self.pixels[y as usize * self.width + x as usize] < INK
    }

    /// Horizontal rules `[y, x0, x1]` (pixels, deskewed: y at x = 0) at least `min_len` long.
    /// `slope` is the page's skew (dy/dx).
    pub fn horizontal_rules(&self, slope: f32, min_len: usize) -> Vec<[f32; 3]> {
        merge_close(self.h_runs(slope, min_len, BAND))
    }

    fn h_runs(&self, slope: f32, min_len: usize, band: isize) -> Vec<[f32; 3]> {
        let mut out = Vec::new();
        let drift = (slope * self.width as f32).abs().ceil() as isize;
        for y0 in -drift..self.height as isize + drift {
            let ink = |x: usize| self.ink_near(x as isize, y0 + (x as f32 * slope).round() as isize, (0, 1), band);
            // Straightened, the run starts at x + y·slope (small angles).
            let shift = y0 as f32 * slope;
            out.extend(
                runs(self.width, min_len, ink)
                    .into_iter()
                    .map(|(a, b)| [y0 as f32, a as f32 + shift, b as f32 + shift]),
            );
        }
        out
    }

    /// Vertical rules `[x, y0, y1]` (pixels, deskewed: x at y = 0) at least `min_len` long.
    pub fn vertical_rules(&self, slope: f32, min_len: usize) -> Vec<[f32; 3]> {
        let mut out = Vec::new();
        let drift = (slope * self.height as f32).abs().ceil() as isize;
        for x0 in -drift..self.width as isize + drift {
            let ink = |y: usize| self.ink_near(x0 - (y as f32 * slope).round() as isize, y as isize, (1, 0), BAND);
            // Straightened, the run starts at y − x·slope.
            let shift = -(x0 as f32) * slope;
            out.extend(
                runs(self.height, min_len, ink)
                    .into_iter()
                    .map(|(a, b)| [x0 as f32, a as f32 + shift, b as f32 + shift]),
            );
        }
        merge_close(out)
    }
}

/// Width, height and data offset of a binary PNM image with `magic` (`P5`, `P6`) and maxval < 256.
pub(crate) fn pnm_header(bytes: &[u8], magic: &[u8; 2]) -> Option<(usize, usize, usize)> {
    let mut fields = Vec::new();
    let mut pos = 2;
    if !bytes.starts_with(magic) {
        return None;
    }
    while fields.len() < 3 {
        while bytes.get(pos)?.is_ascii_whitespace() {
            pos += 1;
        }
        if bytes[pos] == b'#' {
            while *bytes.get(pos)? != b'\n' {
                pos += 1;
            }
            continue;
        }
        let start = pos;
        while bytes.get(pos)?.is_ascii_digit() {
            pos += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..pos]).ok()?.parse::<usize>().ok()?);
    }
    let (width, height, maxval) = (fields[0], fields[1], fields[2]);
    (maxval > 0 && maxval < 256 && width > 0 && height > 0).then_some((width, height, pos + 1))
}

/// Rules found on neighbouring paths (one line seen through the band, or a thick
/// line) merged into one: `[position, from, to]`, sorted by position.
fn merge_close(mut rules: Vec<[f32; 3]>) -> Vec<[f32; 3]> {
    rules.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let mut out: Vec<([f32; 3], f32, f32)> = Vec::new(); // (rule, first position, last position)
    for r in rules {
        let near = out.iter_mut().rev().take_while(|(_, _, last)| r[0] - *last <= 2.0 * BAND as f32 + 2.0);
        match near.into_iter().find(|(m, _, _)| r[1] <= m[2] && r[2] >= m[1]) {
            Some((m, first, last)) => {
                *last = r[0];
                *m = [(*first + *last) / 2.0, m[1].min(r[1]), m[2].max(r[2])];
            }
            None => out.push((r, r[0], r[0])),
        }
    }
    out.into_iter().map(|(r, _, _)| r).collect()
}

/// Runs of `ink(i)` over `0..len` at least `min_len` long, gaps of up to 2 px bridged.
fn runs(len: usize, min_len: usize, ink: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_ink = 0;
    for i in 0..len {
        if ink(i) {
            if start.is_none() {
                start = Some(i);
            }
            last_ink = i;
        } else if let Some(s) = start {
            if i - last_ink > 2 {
                if last_ink + 1 - s >= min_len {
                    out.push((s, last_ink + 1));
                }
                start = None;
            }
        }
    }
    if let Some(s) = start {
        if last_ink + 1 - s >= min_len {
            out.push((s, last_ink + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(width: usize, height: usize, ink: impl Fn(usize, usize) -> bool) -> Gray {
        Gray::from_fn(width, height, ink)
    }

    #[test]
    fn parses_a_pgm_header() {
        let mut pgm = b"P5\n3 2\n255\n".to_vec();
        pgm.extend([0, 255, 0, 255, 0, 255]);
        let g = Gray::from_pgm(&pgm).expect("pgm");
        assert_eq!((g.width, g.height), (3, 2));
        assert!(g.ink(0, 0) && !g.ink(1, 0) && g.ink(1, 1));
        assert!(Gray::from_pgm(b"P5\n3 2\n255\n\x00").is_none(), "short pixel data");
    }

    #[test]
    fn finds_tilted_rules_along_the_skew() {
        let slope = 0.02;
        // A horizontal rule from x=10 to 290 at y = 50 + x*slope; a vertical one at x = 100 - y*slope.
        let g = image(300, 200, |x, y| {
            let hy = 50.0 + x as f32 * slope;
            let vx = 100.0 - y as f32 * slope;
            ((y as f32 - hy).abs() < 1.0 && (10..290).contains(&x))
                || ((x as f32 - vx).abs() < 1.0 && (20..180).contains(&y))
        });
        let h = g.horizontal_rules(slope, 200);
        assert_eq!(h.len(), 1, "{h:?}");
        assert!((h[0][0] - 50.0).abs() <= 1.0 && h[0][2] - h[0][1] >= 270.0, "{h:?}");
        // A first estimate a little off is refined to the slope of the rule.
        let long =
            image(2000, 200, |x, y| (y as f32 - (50.0 + x as f32 * slope)).abs() < 0.5 && (10..1990).contains(&x));
        let refined = long.refine_skew(slope + 0.003, 100);
        assert!((refined - slope).abs() < 0.0006, "{refined}");
        let v = g.vertical_rules(slope, 100);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!((v[0][0] - 100.0).abs() <= 1.0, "{v:?}");
    }
}
