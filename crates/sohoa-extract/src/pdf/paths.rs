//! Ruling lines from the page's painted paths (`re f*`, `m l S`, ...), in display space.
//!
//! pdf-extract reports only some paint operators (not `f*`, `B`, `s`), so the
//! content walk in [`super::fonts`] drives this collector itself.

use super::device::PageFrame;

/// An axis-aligned ruling segment in display space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Rule {
    /// Horizontal at `y` from `x0` to `x1`.
    H { y: f32, x0: f32, x1: f32 },
    /// Vertical at `x` from `y0` to `y1`.
    V { x: f32, y0: f32, y1: f32 },
}

/// Thicker than this (points), a painted shape is an area, not a rule.
const THIN: f32 = 3.0;
/// Most rules kept per page (a vector drawing is not a table).
const MAX_RULES: usize = 20_000;

/// A 2-D affine matrix `[a b c d e f]` as PDF writes it.
pub(crate) type Matrix = [f64; 6];

pub(crate) const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` applied first, then `ctm`.
pub(crate) fn concat(m: &Matrix, ctm: &Matrix) -> Matrix {
    [
        m[0] * ctm[0] + m[1] * ctm[2],
        m[0] * ctm[1] + m[1] * ctm[3],
        m[2] * ctm[0] + m[3] * ctm[2],
        m[2] * ctm[1] + m[3] * ctm[3],
        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
        m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
    ]
}

/// The path being built and the rules painted so far.
#[derive(Debug)]
pub(crate) struct RuleCollector {
    pub frame: PageFrame,
    pub rules: Vec<Rule>,
    /// Subpaths of the current path, display-space points.
    subpaths: Vec<Vec<(f32, f32)>>,
}

impl RuleCollector {
    pub fn new(frame: PageFrame) -> Self {
        RuleCollector { frame, rules: Vec::new(), subpaths: Vec::new() }
    }

    fn map(&self, ctm: &Matrix, x: f64, y: f64) -> (f32, f32) {
        self.frame.map(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])
    }

    pub fn move_to(&mut self, ctm: &Matrix, x: f64, y: f64) {
        let p = self.map(ctm, x, y);
        self.subpaths.push(vec![p]);
    }

    pub fn line_to(&mut self, ctm: &Matrix, x: f64, y: f64) {
        let p = self.map(ctm, x, y);
        match self.subpaths.last_mut() {
            Some(sp) => sp.push(p),
            None => self.subpaths.push(vec![p]),
        }
    }

    pub fn rect(&mut self, ctm: &Matrix, x: f64, y: f64, w: f64, h: f64) {
        let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
        let pts = corners.iter().map(|&(a, b)| self.map(ctm, a, b)).collect();
        self.subpaths.push(pts);
    }

    /// Forgets the path without painting (`n`, or after a paint operator).
    pub fn clear(&mut self) {
        self.subpaths.clear();
    }

    /// Paints the current path: `filled` shapes count by their extent, stroked ones by their segments.
    pub fn paint(&mut self, filled: bool, visible: bool) {
        let subpaths = std::mem::take(&mut self.subpaths);
        if !visible || self.rules.len() >= MAX_RULES {
            return;
        }
        for sp in subpaths {
            if filled {
                self.filled_shape(&sp);
            } else {
                sp.windows(2).for_each(|w| self.segment(w[0], w[1]));
            }
        }
    }

    /// A thin filled shape is one rule; a larger one (a framed or shaded box) gives its edges.
    fn filled_shape(&mut self, pts: &[(f32, f32)]) {
        let xs = pts.iter().map(|p| p.0);
        let ys = pts.iter().map(|p| p.1);
        let (x0, x1) = (xs.clone().fold(f32::INFINITY, f32::min), xs.fold(f32::NEG_INFINITY, f32::max));
        let (y0, y1) = (ys.clone().fold(f32::INFINITY, f32::min), ys.fold(f32::NEG_INFINITY, f32::max));
        let (w, h) = (x1 - x0, y1 - y0);
        if !(w.is_finite() && h.is_finite()) {
            return;
        }
        if h <= THIN && w >= 2.0 {
            self.rules.push(Rule::H { y: (y0 + y1) / 2.0, x0, x1 });
        } else if w <= THIN && h >= 2.0 {
            self.rules.push(Rule::V { x: (x0 + x1) / 2.0, y0, y1 });
        } else if w > THIN && h > THIN && pts.len() <= 6 {
            self.segment((x0, y0), (x1, y0));
            self.segment((x0, y1), (x1, y1));
            self.segment((x0, y0), (x0, y1));
            self.segment((x1, y0), (x1, y1));
        }
    }

    fn segment(&mut self, a: (f32, f32), b: (f32, f32)) {
        let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
        if !(dx.is_finite() && dy.is_finite()) {
            return;
        }
        if dy <= 1.5 && dx >= 2.0 {
            self.rules.push(Rule::H { y: (a.1 + b.1) / 2.0, x0: a.0.min(b.0), x1: a.0.max(b.0) });
        } else if dx <= 1.5 && dy >= 2.0 {
            self.rules.push(Rule::V { x: (a.0 + b.0) / 2.0, y0: a.1.min(b.1), y1: a.1.max(b.1) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thin_filled_rectangles_become_rules() {
        let frame = PageFrame { media: [0.0, 0.0, 600.0, 800.0], rotate: 0 };
        let mut c = RuleCollector::new(frame);
        c.rect(&IDENTITY, 50.0, 700.0, 200.0, 0.5);
        c.rect(&IDENTITY, 50.0, 600.0, 0.5, 100.0);
        c.paint(true, true);
        assert_eq!(c.rules.len(), 2);
        assert!(matches!(c.rules[0], Rule::H { y, x0, x1 } if (y - 99.75).abs() < 0.01 && x0 == 50.0 && x1 == 250.0));
        assert!(matches!(c.rules[1], Rule::V { x, .. } if (x - 50.25).abs() < 0.01));
    }

    #[test]
    fn matrices_concatenate_in_pdf_order() {
        let scale = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        let shift = [1.0, 0.0, 0.0, 1.0, 10.0, 20.0];
        // Scale inside a shifted frame: x' = 2x + 10.
        let m = concat(&scale, &shift);
        assert_eq!(m, [2.0, 0.0, 0.0, 2.0, 10.0, 20.0]);
    }
}
