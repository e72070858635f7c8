//! Table rows as Word and RTF describe them (cells with twip boundaries and merge
//! marks) turned into model tables with grid columns, colspans and rowspans.

use crate::model::{Cell, Row, Span, Table};
use std::collections::HashMap;

/// Boundaries closer than this (twips) are the same grid line.
const GRID_TOLERANCE: i32 = 30;

/// A cell's part in a vertical merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum VMerge {
    #[default]
    None,
    /// First cell of a vertically merged range.
    Restart,
    /// Merged into the cell above.
    Continue,
}

impl VMerge {
    /// From Word's `fVertMerge` / `fVertRestart` bits.
    pub(crate) fn from_bits(merged: bool, restart: bool) -> Self {
        match (merged, restart) {
            (_, true) => VMerge::Restart,
            (true, false) => VMerge::Continue,
            _ => VMerge::None,
        }
    }
}

/// One cell as read, before grid placement.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawCell {
    pub text: String,
    /// Left and right edge in twips, where the format gives them.
    pub bounds: Option<(i32, i32)>,
    /// Merged into the cell on its left.
    pub h_merged: bool,
    pub v_merge: VMerge,
    pub bold: bool,
}

/// One row as read.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawRow {
    pub cells: Vec<RawCell>,
    pub header: bool,
    pub line: u32,
}

/// The sorted, de-duplicated cell edges of all rows.
fn grid_lines(rows: &[RawRow]) -> Vec<i32> {
    let mut xs: Vec<i32> =
        rows.iter().flat_map(|r| r.cells.iter().filter_map(|c| c.bounds)).flat_map(|(l, r)| [l, r]).collect();
    xs.sort_unstable();
    xs.dedup_by(|b, a| (*b - *a).abs() <= GRID_TOLERANCE);
    xs
}

/// Index of the grid line nearest to `x`.
fn grid_index(lines: &[i32], x: i32) -> usize {
    match lines.binary_search(&x) {
        Ok(i) => i,
        Err(i) => {
            let below = i.checked_sub(1).map(|j| (x - lines[j]).abs());
            let above = lines.get(i).map(|&v| (v - x).abs());
            match (below, above) {
                (Some(b), Some(a)) if a < b => i,
                (Some(_), _) => i - 1,
                _ => i,
            }
        }
    }
}

/// Column and colspan of a cell, never left of `cursor`.
fn place(lines: &[i32], cell: &RawCell, cursor: u16) -> (u16, u16) {
    let Some((l, r)) = cell.bounds else { return (cursor, 1) };
    let (a, b) = (grid_index(lines, l), grid_index(lines, r.max(l)));
    let col = (a.min(u16::MAX as usize) as u16).max(cursor);
    let span = (b.saturating_sub(a).clamp(1, u16::MAX as usize)) as u16;
    (col, span)
}

/// Appends `extra` to `text` on a new line.
fn append_line(text: &mut String, extra: &str) {
    if extra.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(extra);
}

/// Builds a model table; `line` is the table's span line.
pub(crate) fn build(rows: Vec<RawRow>, line: u32) -> Table {
    let lines = grid_lines(&rows);
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    // grid column → (row index, cell index) of the open vertical merge there.
    let mut open: HashMap<u16, (usize, usize)> = HashMap::new();
    for raw in rows {
        let mut cells: Vec<Cell> = Vec::with_capacity(raw.cells.len());
        let mut cursor = 0u16;
        for rc in raw.cells {
            let (col, span) = place(&lines, &rc, cursor);
            cursor = col.saturating_add(span);
            if rc.h_merged {
                if let Some(prev) = cells.last_mut() {
                    prev.colspan = cursor.saturating_sub(prev.col).max(1);
                    append_line(&mut prev.text, &rc.text);
                    continue;
                }
            }
            if rc.v_merge == VMerge::Continue {
                let above = open.get(&col).and_then(|&(ri, ci)| out.get_mut(ri)?.cells.get_mut(ci));
                if let Some(above) = above {
                    above.rowspan = above.rowspan.saturating_add(1);
                    append_line(&mut above.text, &rc.text);
                    continue;
                }
            }
            if rc.v_merge == VMerge::Restart {
                open.insert(col, (out.len(), cells.len()));
            } else {
                open.remove(&col);
            }
            let span_line = Span::line(raw.line);
            cells.push(Cell { text: rc.text, col, colspan: span, rowspan: 1, bold: rc.bold, span: span_line });
        }
        out.push(Row { cells, header: raw.header, span: Span::line(raw.line) });
    }
    Table { rows: out, span: Span::line(line) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, l: i32, r: i32, v: VMerge) -> RawCell {
        RawCell { text: text.into(), bounds: Some((l, r)), v_merge: v, ..Default::default() }
    }

    #[test]
    fn wide_cell_spans_grid_columns_and_vertical_merge_counts_rows() {
        let rows = vec![
            RawRow {
                cells: vec![cell("A", 0, 1000, VMerge::Restart), cell("B", 1000, 3000, VMerge::None)],
                ..Default::default()
            },
            RawRow {
                cells: vec![
                    cell("", 0, 1000, VMerge::Continue),
                    cell("c", 1000, 2000, VMerge::None),
                    cell("d", 2010, 3000, VMerge::None),
                ],
                ..Default::default()
            },
        ];
        let t = build(rows, 1);
        assert_eq!(t.rows[0].cells[0].rowspan, 2);
        assert_eq!(t.rows[0].cells[1].colspan, 2);
        assert_eq!(t.rows[1].cells.len(), 2);
        assert_eq!((t.rows[1].cells[1].col, t.rows[1].cells[1].colspan), (2, 1));
    }
}
