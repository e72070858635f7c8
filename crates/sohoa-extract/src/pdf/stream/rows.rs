//! Lines of a stream-table run grouped into rows: at row numbers in the first
//! column (the boundary between two numbered rows placed where the columns show
//! a cell ending and a new one starting, so vertically centred cells keep their
//! lines), else at a bold header and first-column starts.

use super::{is_row_number, Dealt, StreamConfig};

/// Row groups (line indices, in order) of a run, or `None` when it has no rows.
pub(super) fn group(dealt: &[Dealt], edges: &[f32], cfg: &StreamConfig) -> Option<Vec<Vec<usize>>> {
    let numbered = dealt.iter().filter(|d| is_row_number(&d.texts[0])).count() >= 2;
    if numbered {
        numbered_rows(dealt, edges, cfg)
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
fn numbered_rows(dealt: &[Dealt], edges: &[f32], cfg: &StreamConfig) -> Option<Vec<Vec<usize>>> {
    let (anchors, end) = anchors(dealt);
    let first = *anchors.first()?;
    let head = header_end(dealt, edges, first);
    if head > cfg.max_header_lines {
        return None;
    }
    let mut starts: Vec<usize> = if head > 0 { vec![0, head] } else { vec![0] };
    starts.extend(anchors.windows(2).map(|w| best_break(dealt, edges, w[0] + 1, w[1])));
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
fn header_end(dealt: &[Dealt], edges: &[f32], first: usize) -> usize {
    let scored = (1..=first).map(|i| (break_score(dealt, edges, i), i));
    let best = scored.max_by_key(|&(score, i)| (score, i));
    best.filter(|&(score, _)| score > 0).map_or(0, |(_, i)| i)
}

/// The line in `lo..=hi` above which a row boundary is best supported; `hi`
/// (the next row number's line) unless the columns say otherwise.
fn best_break(dealt: &[Dealt], edges: &[f32], lo: usize, hi: usize) -> usize {
    let mut best = (0, hi);
    for i in (lo..hi).rev() {
        let score = break_score(dealt, edges, i);
        if score > best.0 {
            best = (score, i);
        }
    }
    let at_hi = if hi > 0 && hi < dealt.len() { break_score(dealt, edges, hi) } else { 0 };
    if at_hi >= best.0 {
        hi
    } else {
        best.1
    }
}

/// Evidence for a row boundary just above line `i`: per column after the
/// first, +1 where a cell ends and a new one starts, −1 where a cell runs on.
fn break_score(dealt: &[Dealt], edges: &[f32], i: usize) -> i32 {
    let gap = spacing_evidence(dealt, i);
    gap + (1..edges.len() - 1).map(|c| column_break(dealt, edges, i, c)).sum::<i32>()
}

/// +1 where the step to line `i` is clearly wider than the run's usual line step.
fn spacing_evidence(dealt: &[Dealt], i: usize) -> i32 {
    if i == 0 || i >= dealt.len() {
        return 0;
    }
    let mut steps: Vec<f32> = dealt.windows(2).map(|w| w[1].baseline - w[0].baseline).filter(|s| *s > 0.0).collect();
    steps.sort_by(f32::total_cmp);
    let usual = steps.get(steps.len() / 2).copied().unwrap_or(0.0);
    i32::from(usual > 0.0 && dealt[i].baseline - dealt[i - 1].baseline > usual * 1.35)
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
