//! Ruled tables (lattice): ruling lines to a grid, merged cells from missing
//! rules, and the page's words dealt into the cells.

use super::layout::Word;
use super::paths::Rule;

/// Rules closer than this (points) are the same line.
const SNAP: f32 = 2.5;
/// How far a rule may stop short of a crossing and still meet it.
const REACH: f32 = 3.5;

/// One cell of a recovered grid.
#[derive(Debug, Clone)]
pub(crate) struct GridCell {
    pub col: u16,
    pub colspan: u16,
    pub rowspan: u16,
    pub words: Vec<Word>,
    pub bbox: [f32; 4],
}

/// One recovered table: rows of cells in display space.
#[derive(Debug, Clone)]
pub(crate) struct GridTable {
    pub rows: Vec<Vec<GridCell>>,
    pub bbox: [f32; 4],
}

#[derive(Debug, Clone, Copy)]
struct HRule {
    y: f32,
    x0: f32,
    x1: f32,
}

#[derive(Debug, Clone, Copy)]
struct VRule {
    x: f32,
    y0: f32,
    y1: f32,
}

/// Finds the ruled tables of a page and takes their words out of `words`.
pub(crate) fn extract(rules: &[Rule], words: &mut Vec<Word>) -> Vec<GridTable> {
    let (hs, vs) = merged_rules(rules);
    let mut tables = Vec::new();
    for (h, v) in components(&hs, &vs) {
        if let Some(t) = grid(&h, &v, words) {
            tables.push(t);
        }
    }
    tables.sort_by(|a, b| a.bbox[1].total_cmp(&b.bbox[1]));
    tables
}

/// Collinear, touching rules joined into one.
fn merged_rules(rules: &[Rule]) -> (Vec<HRule>, Vec<VRule>) {
    let mut hs: Vec<HRule> = rules
        .iter()
        .filter_map(|r| match *r {
            Rule::H { y, x0, x1 } => Some(HRule { y, x0, x1 }),
            Rule::V { .. } => None,
        })
        .collect();
    let mut vs: Vec<VRule> = rules
        .iter()
        .filter_map(|r| match *r {
            Rule::V { x, y0, y1 } => Some(VRule { x, y0, y1 }),
            Rule::H { .. } => None,
        })
        .collect();
    hs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    vs.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y0.total_cmp(&b.y0)));
    let mut mh: Vec<HRule> = Vec::new();
    for h in hs {
        let touches = |m: &&mut HRule| (m.y - h.y).abs() <= 1.0 && h.x0 <= m.x1 + REACH && h.x1 >= m.x0 - REACH;
        match mh.iter_mut().rev().take(8).find(touches) {
            Some(m) => (m.x0, m.x1) = (m.x0.min(h.x0), m.x1.max(h.x1)),
            None => mh.push(h),
        }
    }
    let mut mv: Vec<VRule> = Vec::new();
    for v in vs {
        let touches = |m: &&mut VRule| (m.x - v.x).abs() <= 1.0 && v.y0 <= m.y1 + REACH && v.y1 >= m.y0 - REACH;
        match mv.iter_mut().rev().take(8).find(touches) {
            Some(m) => (m.y0, m.y1) = (m.y0.min(v.y0), m.y1.max(v.y1)),
            None => mv.push(v),
        }
    }
    (mh, mv)
}

fn crosses(h: &HRule, v: &VRule) -> bool {
    v.x >= h.x0 - REACH && v.x <= h.x1 + REACH && h.y >= v.y0 - REACH && h.y <= v.y1 + REACH
}

/// Groups of rules that touch each other: one group per table.
fn components(hs: &[HRule], vs: &[VRule]) -> Vec<(Vec<HRule>, Vec<VRule>)> {
    let n = hs.len() + vs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            if crosses(h, v) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, hs.len() + j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<HRule>, Vec<VRule>)> = Default::default();
    for (i, h) in hs.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().0.push(*h);
    }
    for (j, v) in vs.iter().enumerate() {
        let root = find(&mut parent, hs.len() + j);
        groups.entry(root).or_default().1.push(*v);
    }
    groups.into_values().filter(|(h, v)| h.len() >= 2 && v.len() >= 2).collect()
}

/// Distinct positions, snapped together.
fn snap(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for v in values {
        match out.last() {
            Some(&last) if v - last <= SNAP => {}
            _ => out.push(v),
        }
    }
    out
}

/// The table of one group of rules, with the words inside it taken from `words`.
fn grid(hs: &[HRule], vs: &[VRule], words: &mut Vec<Word>) -> Option<GridTable> {
    let ys = snap(hs.iter().map(|h| h.y).collect());
    let xs = snap(vs.iter().map(|v| v.x).collect());
    if ys.len() < 2 || xs.len() < 2 || (ys.len() == 2 && xs.len() == 2) {
        return None;
    }
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    if nr * nc > 100_000 {
        return None;
    }
    let units = merge_units(hs, vs, &xs, &ys);
    let bbox = [xs[0], ys[0], xs[nc], ys[nr]];
    let inside: Vec<Word> = take_words(words, &bbox);
    if inside.is_empty() {
        return None;
    }
    Some(build(units, &xs, &ys, inside, bbox))
}

/// Union-find over grid units: units not separated by a rule are one cell.
fn merge_units(hs: &[HRule], vs: &[VRule], xs: &[f32], ys: &[f32]) -> Vec<usize> {
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    let mut parent: Vec<usize> = (0..nr * nc).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let has_v = |x: f32, y: f32| vs.iter().any(|v| (v.x - x).abs() <= SNAP && y >= v.y0 - 1.0 && y <= v.y1 + 1.0);
    let has_h = |y: f32, x: f32| hs.iter().any(|h| (h.y - y).abs() <= SNAP && x >= h.x0 - 1.0 && x <= h.x1 + 1.0);
    for r in 0..nr {
        let ym = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..nc {
            let xm = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < nc && !has_v(xs[c + 1], ym) {
                let (a, b) = (find(&mut parent, r * nc + c), find(&mut parent, r * nc + c + 1));
                parent[a] = b;
            }
            if r + 1 < nr && !has_h(ys[r + 1], xm) {
                let (a, b) = (find(&mut parent, r * nc + c), find(&mut parent, (r + 1) * nc + c));
                parent[a] = b;
            }
        }
    }
    (0..nr * nc).map(|i| find(&mut parent, i)).collect()
}

/// Removes and returns the words whose centre lies in `bbox`.
fn take_words(words: &mut Vec<Word>, bbox: &[f32; 4]) -> Vec<Word> {
    let (inside, outside): (Vec<Word>, Vec<Word>) = std::mem::take(words).into_iter().partition(|w| {
        let (cx, cy) = w.center();
        cx >= bbox[0] && cx <= bbox[2] && cy >= bbox[1] && cy <= bbox[3]
    });
    *words = outside;
    inside
}

/// Cells from the merged units, rows that start no cell dropped.
fn build(units: Vec<usize>, xs: &[f32], ys: &[f32], words: Vec<Word>, bbox: [f32; 4]) -> GridTable {
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    let mut extent: std::collections::HashMap<usize, [usize; 4]> = Default::default();
    for (i, &root) in units.iter().enumerate() {
        let (r, c) = (i / nc, i % nc);
        let e = extent.entry(root).or_insert([r, c, r, c]);
        *e = [e[0].min(r), e[1].min(c), e[2].max(r), e[3].max(c)];
    }
    let mut cells: Vec<(usize, [usize; 4], GridCell)> = extent
        .into_iter()
        .map(|(root, [r0, c0, r1, c1])| {
            let bbox = [xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]];
            let cell = GridCell { col: c0 as u16, colspan: (c1 - c0 + 1) as u16, rowspan: 1, words: Vec::new(), bbox };
            (root, [r0, c0, r1, c1], cell)
        })
        .collect();
    cells.sort_by_key(|(_, e, _)| (e[0], e[1]));
    for w in words {
        let (cx, cy) = w.center();
        let r = ys.partition_point(|&y| y < cy).saturating_sub(1).min(nr - 1);
        let c = xs.partition_point(|&x| x < cx).saturating_sub(1).min(nc - 1);
        let root = units[r * nc + c];
        if let Some(cell) = cells.iter_mut().find(|(id, _, _)| *id == root) {
            cell.2.words.push(w);
        }
    }
    let starts: Vec<bool> = (0..nr).map(|r| cells.iter().any(|(_, e, _)| e[0] == r)).collect();
    let kept_before: Vec<usize> = starts
        .iter()
        .scan(0, |n, &s| {
            let k = *n;
            *n += usize::from(s);
            Some(k)
        })
        .collect();
    let mut rows: Vec<Vec<GridCell>> = vec![Vec::new(); starts.iter().filter(|&&s| s).count()];
    for (_, [r0, _, r1, _], mut cell) in cells {
        let last = kept_before[r1] + usize::from(starts[r1]);
        cell.rowspan = (last - kept_before[r0]).max(1) as u16;
        rows[kept_before[r0]].push(cell);
    }
    GridTable { rows, bbox }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f32, x0: f32, x1: f32) -> Rule {
        Rule::H { y, x0, x1 }
    }
    fn v(x: f32, y0: f32, y1: f32) -> Rule {
        Rule::V { x, y0, y1 }
    }

    #[test]
    fn grid_with_a_merged_header_cell() {
        // Two columns, three rows; the top row has no middle rule: one cell spanning both.
        let rules = vec![
            h(0.0, 0.0, 200.0),
            h(20.0, 0.0, 200.0),
            h(40.0, 0.0, 200.0),
            h(60.0, 0.0, 200.0),
            v(0.0, 0.0, 60.0),
            v(200.0, 0.0, 60.0),
            v(100.0, 20.0, 60.0),
        ];
        let mut words = vec![
            Word::plain("Head", 80.0, 120.0, 5.0, 15.0),
            Word::plain("a", 10.0, 20.0, 25.0, 35.0),
            Word::plain("b", 110.0, 120.0, 25.0, 35.0),
            Word::plain("c", 10.0, 20.0, 45.0, 55.0),
            Word::plain("outside", 10.0, 50.0, 80.0, 90.0),
        ];
        let tables = extract(&rules, &mut words);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].len(), 1);
        assert_eq!(t.rows[0][0].colspan, 2);
        assert_eq!(t.rows[1].len(), 2);
        assert_eq!(t.rows[1][1].words[0].raw_text(), "b");
        assert!(t.rows[2][1].words.is_empty());
        assert_eq!(words.len(), 1, "words outside the table stay on the page");
    }

    #[test]
    fn rules_on_one_line_out_of_order_merge_only_where_they_touch() {
        // Two pieces of one row rule, the right one drawn a hair higher (sorted first).
        let rules = vec![h(50.0, 0.0, 100.0), h(49.8, 150.0, 200.0), h(50.1, 95.0, 120.0)];
        let (hs, _) = merged_rules(&rules);
        let mut spans: Vec<(f32, f32)> = hs.iter().map(|r| (r.x0, r.x1)).collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(spans, [(0.0, 120.0), (150.0, 200.0)]);
    }

    #[test]
    fn a_framed_box_is_not_a_table() {
        let rules = vec![h(0.0, 0.0, 200.0), h(60.0, 0.0, 200.0), v(0.0, 0.0, 60.0), v(200.0, 0.0, 60.0)];
        let mut words = vec![Word::plain("boxed", 10.0, 50.0, 20.0, 30.0)];
        assert!(extract(&rules, &mut words).is_empty());
        assert_eq!(words.len(), 1);
    }
}
