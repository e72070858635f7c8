//! Runs of lines that keep the same empty vertical gutters: visual lines,
//! occupied x-intervals and gutters, and growing a run around a starting line.

use super::{is_row_number, StreamConfig, VLine};
use crate::pdf::layout::Word;

/// Groups words into visual lines by baseline (no splitting at wide gaps).
pub(super) fn visual_lines(words: &[Word]) -> Vec<VLine> {
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by(|&a, &b| words[a].baseline.total_cmp(&words[b].baseline).then(words[a].x0.total_cmp(&words[b].x0)));
    let mut lines: Vec<VLine> = Vec::new();
    for i in order {
        let w = &words[i];
        match lines.last_mut() {
            Some(l) if (w.baseline - l.baseline).abs() <= l.size.max(w.size) * 0.4 => {
                l.words.push(i);
                l.top = l.top.min(w.top);
                l.bottom = l.bottom.max(w.bottom);
                l.size = l.size.max(w.size);
            }
            _ => lines.push(VLine { words: vec![i], top: w.top, bottom: w.bottom, baseline: w.baseline, size: w.size }),
        }
    }
    for l in &mut lines {
        l.words.sort_by(|&a, &b| words[a].x0.total_cmp(&words[b].x0));
    }
    lines
}

/// The narrowest gap that separates columns on `line`: `min_gutter` ems, or more
/// on a justified line whose word spaces are stretched (1.5 × its usual space).
fn gutter_width(line: &VLine, words: &[Word], cfg: &StreamConfig) -> f32 {
    let mut spaces: Vec<f32> =
        line.words.windows(2).map(|w| words[w[1]].x0 - words[w[0]].x1).filter(|&g| g > 0.0 && g < line.size).collect();
    spaces.sort_by(f32::total_cmp);
    let usual = spaces.get(spaces.len() / 2).copied().unwrap_or(0.0);
    (line.size * cfg.min_gutter).max(usual * 1.5)
}

/// Occupied x-intervals, sorted, gaps narrower than a gutter filled.
pub(super) type Occupied = Vec<(f32, f32)>;

/// Adds the words of `line` to `occ`: the line's words joined where closer than
/// its own gutter width, then joined with `occ` where closer than `min_gutter`.
fn occupy(occ: &Occupied, line: &VLine, words: &[Word], cfg: &StreamConfig) -> Occupied {
    let own = merge(line.words.iter().map(|&i| (words[i].x0, words[i].x1)).collect(), gutter_width(line, words, cfg));
    merge(occ.iter().copied().chain(own).collect(), line.size * cfg.min_gutter)
}

/// Intervals sorted and joined where the gap between them is under `gap`.
fn merge(mut spans: Vec<(f32, f32)>, gap: f32) -> Occupied {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Occupied = Vec::with_capacity(spans.len());
    for (x0, x1) in spans {
        match out.last_mut() {
            Some(last) if x0 - last.1 < gap => last.1 = last.1.max(x1),
            _ => out.push((x0, x1)),
        }
    }
    out
}

/// The gutters (empty gaps) between occupied intervals.
pub(super) fn gutters(occ: &Occupied) -> Vec<(f32, f32)> {
    occ.windows(2).map(|w| (w[0].1, w[1].0)).collect()
}

/// Whether every gutter of `before` still holds some gutter of `after`.
fn keeps_gutters(before: &Occupied, after: &Occupied) -> bool {
    let new = gutters(after);
    gutters(before).iter().all(|&(a, b)| new.iter().any(|&(c, d)| c < b && d > a))
}

/// Whether a line shows enough columns on its own to start a table.
pub(super) fn may_start(line: &VLine, words: &[Word], cfg: &StreamConfig) -> bool {
    occupy(&Vec::new(), line, words, cfg).len() >= cfg.min_cols
}

/// Whether `b` follows `a` closely enough to be in the same table.
fn near(a: &VLine, b: &VLine, cfg: &StreamConfig) -> bool {
    b.baseline - a.baseline <= cfg.max_pitch * a.size.max(b.size)
}

/// A run of lines: `begin..end` of the page's lines, its occupied intervals, and
/// its group lines (a row number, then text across the other columns).
pub(super) struct Run {
    pub begin: usize,
    pub end: usize,
    pub occ: Occupied,
    pub spanning: Vec<usize>,
}

/// The widest run of lines around `lines[start]` that keeps the gutters of
/// that line; `None` when it does not already show enough columns.
pub(super) fn grow_run(lines: &[VLine], start: usize, words: &[Word], cfg: &StreamConfig) -> Option<Run> {
    let first = lines.get(start)?;
    let mut occ = occupy(&Vec::new(), first, words, cfg);
    if occ.len() < cfg.min_cols {
        return None;
    }
    let (mut end, mut spanning) = (start + 1, Vec::new());
    while end < lines.len() && near(&lines[end - 1], &lines[end], cfg) {
        let next = occupy(&occ, &lines[end], words, cfg);
        if keeps_gutters(&occ, &next) {
            (occ, end) = (next, end + 1);
        } else if group_line(&occ, &lines[end], words) && continues(lines, end + 1, &occ, words, cfg) {
            spanning.push(end);
            end += 1;
        } else {
            break;
        }
    }
    let mut begin = start;
    let lowest = start.saturating_sub(cfg.max_header_lines);
    while begin > lowest && near(&lines[begin - 1], &lines[begin], cfg) && !is_heading(&lines[begin - 1], words, cfg) {
        let next = occupy(&occ, &lines[begin - 1], words, cfg);
        if !keeps_gutters(&occ, &next) {
            break;
        }
        (occ, begin) = (next, begin - 1);
    }
    Some(Run { begin, end, occ, spanning })
}

/// A group row's line: a row number in the first column, the rest of its words
/// right of the first gutter (they may run across the others).
fn group_line(occ: &Occupied, line: &VLine, words: &[Word]) -> bool {
    let Some(&(gap_start, _)) = gutters(occ).first() else { return false };
    let Some((&number, rest)) = line.words.split_first() else { return false };
    let number = &words[number];
    !rest.is_empty()
        && is_row_number(&number.raw_text())
        && number.x1 <= gap_start
        && rest.iter().all(|&i| words[i].x0 > gap_start)
}

/// Whether the line at `at` follows closely and keeps the gutters of `occ`.
fn continues(lines: &[VLine], at: usize, occ: &Occupied, words: &[Word], cfg: &StreamConfig) -> bool {
    let (Some(prev), Some(line)) = (lines.get(at.wrapping_sub(1)), lines.get(at)) else { return false };
    near(prev, line, cfg) && keeps_gutters(occ, &occupy(occ, line, words, cfg))
}

/// A line of one piece (no gutter) that starts with a section label and goes
/// on (`II. CHỈ TIÊU`): the heading above a table, not one of its header lines.
fn is_heading(line: &VLine, words: &[Word], cfg: &StreamConfig) -> bool {
    if occupy(&Vec::new(), line, words, cfg).len() > 1 {
        return false;
    }
    let text: Vec<String> = line.words.iter().map(|&i| words[i].raw_text()).collect();
    matches!(crate::label::split_label(&text.join(" ")), (Some(_), rest) if !rest.is_empty())
}
