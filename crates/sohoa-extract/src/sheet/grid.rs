//! One worksheet range into one `Table`: the used area only, empty rows
//! dropped, merged ranges as colspan/rowspan (cells they cover omitted).

use super::value::display;
use crate::error::ExtractError;
use crate::kit::Budget;
use crate::model::{Cell, Row, Span, Table};
use crate::normalize::{single_space, Normalizer};
use calamine::{Data, Dimensions, Range};
use std::collections::HashMap;

/// Largest used area (rows × columns) turned into a table; also the most
/// row entries the merged areas may take (disjoint areas never exceed it).
pub(super) const MAX_CELLS: u64 = 2_000_000;

/// A merged area clipped to the used area: `(r0, c0, r1, c1)`, inclusive.
type Area = (u32, u32, u32, u32);

/// The bounds of the non-empty cells, absolute `(r0, c0, r1, c1)`.
fn used_bounds(range: &Range<Data>) -> Option<Area> {
    let (sr, sc) = range.start()?;
    let mut b: Option<Area> = None;
    for (r, c, _) in range.used_cells() {
        let (r, c) = (sr + r as u32, sc + c as u32);
        b = Some(match b {
            None => (r, c, r, c),
            Some((r0, c0, r1, c1)) => (r0.min(r), c0.min(c), r1.max(r), c1.max(c)),
        });
    }
    b
}

/// The merged areas crossing each row (clipped to the used area); an area's
/// anchor is its top-left cell.
fn merge_rows(merges: &[Dimensions], bounds: Area, budget: &Budget) -> Result<HashMap<u32, Vec<Area>>, ExtractError> {
    let mut map: HashMap<u32, Vec<Area>> = HashMap::new();
    let mut entries = 0u64;
    for m in merges {
        let area = (m.start.0.max(bounds.0), m.start.1.max(bounds.1), m.end.0.min(bounds.2), m.end.1.min(bounds.3));
        if area.0 > area.2 || area.1 > area.3 || (m.start.0 < bounds.0 || m.start.1 < bounds.1) {
            continue;
        }
        budget.check()?;
        entries += u64::from(area.2 - area.0 + 1);
        if entries > MAX_CELLS {
            return Err(ExtractError::Limit {
                format: budget.format(),
                cause: "merged ranges overlap too much".into(),
            });
        }
        for r in area.0..=area.2 {
            map.entry(r).or_default().push(area);
        }
    }
    Ok(map)
}

/// The merged area covering a cell, if any.
fn area_at(merged: &HashMap<u32, Vec<Area>>, r: u32, c: u32) -> Option<Area> {
    merged.get(&r)?.iter().copied().find(|a| (a.1..=a.3).contains(&c))
}

fn cell_text(range: &Range<Data>, pos: (u32, u32), norm: &mut Normalizer) -> String {
    let raw = range.get_value(pos).map(display).unwrap_or_default();
    if raw.trim().is_empty() {
        return String::new();
    }
    let text = norm.run(&raw, None);
    let lines: Vec<String> = text.lines().map(single_space).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

/// Builds the table of one sheet; `None` when the sheet is empty.
/// `line` is the document's running row counter (`span.line`).
pub(crate) fn sheet_table(
    range: &Range<Data>,
    merges: &[Dimensions],
    norm: &mut Normalizer,
    line: &mut u32,
    budget: &Budget,
) -> Result<Option<Table>, ExtractError> {
    let Some(bounds) = used_bounds(range) else { return Ok(None) };
    let cells = u64::from(bounds.2 - bounds.0 + 1) * u64::from(bounds.3 - bounds.1 + 1);
    if cells > MAX_CELLS {
        return Err(ExtractError::Limit { format: budget.format(), cause: format!("sheet spans {cells} cells") });
    }
    let merged = merge_rows(merges, bounds, budget)?;
    let row_has_value =
        |r: u32| (bounds.1..=bounds.3).any(|c| range.get_value((r, c)).is_some_and(|v| !matches!(v, Data::Empty)));
    let kept: Vec<u32> = (bounds.0..=bounds.2).filter(|&r| row_has_value(r)).collect();
    let mut rows = Vec::with_capacity(kept.len());
    for &r in &kept {
        budget.check()?;
        *line += 1;
        let span = Span::line(*line);
        let mut cells = Vec::new();
        for c in bounds.1..=bounds.3 {
            let (colspan, rowspan) = match area_at(&merged, r, c) {
                Some((r0, c0, r1, c1)) if (r0, c0) == (r, c) => {
                    let rows_in = kept.iter().filter(|&&k| k >= r0 && k <= r1).count();
                    (c1 - c0 + 1, rows_in.max(1) as u32)
                }
                Some(_) => continue,
                None => (1, 1),
            };
            let col = (c - bounds.1).min(u32::from(u16::MAX)) as u16;
            let text = cell_text(range, (r, c), norm);
            cells.push(Cell { text, col, colspan: clamp16(colspan), rowspan: clamp16(rowspan), bold: false, span });
        }
        rows.push(Row { cells, header: false, span });
    }
    let span = rows.first().map_or(Span::line(*line), |r| r.span);
    Ok(Some(Table { rows, span }))
}

fn clamp16(v: u32) -> u16 {
    v.min(u32::from(u16::MAX)) as u16
}
