//! Lines of a stream-table run grouped into rows: at row numbers in the first
//! column (the boundary between two numbered rows placed where the columns show
//! a cell ending and a new one starting, so vertically centred cells keep their
//! lines), else at a bold header and first-column starts.

use super::{is_row_number, Dealt, StreamConfig};

/// A run's lines dealt into columns, the column edges, and its usual line step.
struct Run<'a> {
    dealt: &'a [Dealt],
    edges: &'a [f32],
    usual_step: f32,
}

impl<'a> Run<'a> {
    fn new(dealt: &'a [Dealt], edges: &'a [f32]) -> Self {
        let mut steps: Vec<f32> =
            dealt.windows(2).map(|w| w[1].baseline - w[0].baseline).filter(|s| *s > 0.0).collect();
        steps.sort_by(f32::total_cmp);
        let usual_step = steps.get(steps.len() / 2).copied().unwrap_or(0.0);
        Run { dealt, edges, usual_step }
    }
}

/// Row groups (line indices, in order) of a run, or `None` when it has no rows.
pub(super) fn group(dealt: &[Dealt], edges: &[f32], cfg: &StreamConfig) -> Option<Vec<Vec<usize>>> {
    let numbered = dealt.iter().filter(|d| is_row_number(&d.texts[0])).count() >= 2;
    if numbered {
        numbered_rows(&Run::new(dealt, edges), cfg)
    } else {
        headed_rows(dealt)
    }
}

/// Lines holding a row number, up to the first other first-column text after them.
fn anchors(dealt: &[Dealt]) -> (Vec<usize>, usize) {
    let mut out = Vec::new();
    for (i, d) in dealt.iter().enumerate() {
        let col0 = d.texts[0].as_str();
        if is_row_number(col0) {
            out.push(i);
        } else if !col0.is_empty() && !out.is_empty() {
            return (out, i);
        }
    }
    (out, dealt.len())
}

/// Header lines, then one row per row number.
fn numbered_rows(run: &Run, cfg: &StreamConfig) -> Option<Vec<Vec<usize>>> {
    let (anchors, end) = anchors(run.dealt);
    let first = *anchors.first()?;
    let head = header_end(run, first);
    if head > cfg.max_header_lines {
        return None;
    }
    let mut starts: Vec<usize> = if head > 0 { vec![0, head] } else { vec![0] };
    starts.extend(anchors.windows(2).map(|w| best_break(run, w[0] + 1, w[1])));
    let groups = starts
        .iter()
        .enumerate()
        .map(|(k, &s)| (s..starts.get(k + 1).copied().unwrap_or(end)).collect::<Vec<usize>>())
        .filter(|g| !g.is_empty())
        .collect();
    Some(groups)
}

/// Where the header above the first numbered line (`first`) ends: 0 (no header,
/// the lines belong to the first row) unless some boundary is supported.
fn header_end(run: &Run, first: usize) -> usize {
    let scored = (1..=first).map(|i| (break_score(run, i), i));
    let best = scored.max_by_key(|&(score, i)| (score, i));
    best.filter(|&(score, _)| score > 0).map_or(0, |(_, i)| i)
}

/// The line in `lo..=hi` above which a row boundary is best supported; `hi`
/// (the next row number's line) unless the columns say otherwise.
fn best_break(run: &Run, lo: usize, hi: usize) -> usize {
    let mut best = (0, hi);
    for i in (lo..hi).rev() {
        let score = break_score(run, i);
        if score > best.0 {
            best = (score, i);
        }
    }
    let at_hi = if hi > 0 && hi < run.dealt.len() { break_score(run, hi) } else { 0 };
    // On a tie, a row number alone on its line (cells centred around it) points
    // to the earlier boundary; a full line (cells starting at the top) to its own.
    let sparse =
        run.dealt.get(hi).is_some_and(|d| 2 * d.texts.iter().filter(|t| !t.is_empty()).count() < d.texts.len());
    if at_hi > best.0 || (at_hi == best.0 && !(sparse && best.0 > 0)) {
        hi
    } else {
        best.1
    }
}

/// Evidence for a row boundary just above line `i`: per column after the
/// first, +1 where a cell ends and a new one starts, −1 where a cell runs on.
fn break_score(run: &Run, i: usize) -> i32 {
    let (dealt, edges) = (run.dealt, run.edges);
    let wide = i > 0
        && i < dealt.len()
        && run.usual_step > 0.0
        && dealt[i].baseline - dealt[i - 1].baseline > run.usual_step * 1.35;
    i32::from(wide) + (1..edges.len() - 1).map(|c| column_break(dealt, edges, i, c)).sum::<i32>()
}

/// One column's view of a boundary above line `i`: the nearest text above and below.
fn column_break(dealt: &[Dealt], edges: &[f32], i: usize, c: usize) -> i32 {
    let above = (0..i).rev().find(|&j| !dealt[j].texts[c].is_empty());
    let below = (i..dealt.len()).find(|&j| !dealt[j].texts[c].is_empty());
    let (Some(a), Some(b)) = (above, below) else { return 0 };
    let (ta, tb) = (dealt[a].texts[c].trim_end(), dealt[b].texts[c].as_str());
    if tb.starts_with(char::is_lowercase) {
        return -1;
    }
    let width = edges[c + 1] - edges[c];
    let short = dealt[a].ends[c] < edges[c + 1] - width * 0.25;
    let closed = ta.ends_with(['.', ';', ':', '!', '?']);
    let unbolded = dealt[a].bolds[c] && !dealt[b].bolds[c];
    i32::from(short || closed || unbolded)
}

/// A bold header (its lines), then a row at each line that starts a first-column
/// cell (not lower case) beside another cell.
fn headed_rows(dealt: &[Dealt]) -> Option<Vec<Vec<usize>>> {
    let header = dealt.iter().take_while(|d| d.bold).count();
    if header == 0 {
        return None;
    }
    let mut groups: Vec<Vec<usize>> = vec![(0..header).collect()];
    for (i, d) in dealt.iter().enumerate().skip(header) {
        let col0 = d.texts[0].as_str();
        let filled = d.texts.iter().filter(|t| !t.is_empty()).count();
        let starts = !col0.is_empty() && !col0.starts_with(char::is_lowercase) && filled >= 2;
        match groups.len() {
            _ if starts => groups.push(vec![i]),
            n if n > 1 => groups[n - 1].push(i),
            _ => break,
        }
    }
    Some(groups)
}
