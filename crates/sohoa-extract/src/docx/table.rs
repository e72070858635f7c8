//! Tables: grid columns from `gridBefore`/`gridSpan`, vertical merges
//! (`vMerge`) resolved into `rowspan` on the restarting cell (continuation
//! cells are omitted), header rows from `tblHeader`.
//!
//! A nested table is flattened into the text of the outer cell: its cells'
//! texts become lines of that cell, in row order.

use super::body::{block_lines, flag, Walker};
use super::xml::Node;
use crate::error::ExtractError;
use crate::model::{Block, Cell, Row, Span, Table};
use std::collections::HashMap;

/// Widest column span accepted from `gridSpan`.
const MAX_SPAN: u16 = 1024;

/// A cell's vertical-merge role.
#[derive(Debug, Clone, Copy, PartialEq)]
enum VMerge {
    None,
    Restart,
    Continue,
}

/// Elements that wrap rows or cells without meaning (content controls, custom XML).
fn unwrap<'n>(parent: &'n Node, wanted: &str, out: &mut Vec<&'n Node>) {
    for n in parent.elements() {
        if n.name == wanted {
            out.push(n);
        } else if matches!(n.name.as_str(), "w:sdt" | "w:sdtContent" | "w:customXml" | "w:ins" | "w:moveTo") {
            unwrap(n, wanted, out);
        }
    }
}

fn int_val(node: Option<&Node>, name: &str) -> Option<u16> {
    node?.child_val(name)?.trim().parse::<u16>().ok()
}

impl Walker<'_> {
    /// One `w:tbl`.
    pub(crate) fn table(&mut self, tbl: &Node) -> Result<Table, ExtractError> {
        let mut tr_nodes = Vec::new();
        unwrap(tbl, "w:tr", &mut tr_nodes);
        let mut rows = Vec::with_capacity(tr_nodes.len());
        for tr in tr_nodes {
            rows.push(self.row(tr)?);
        }
        let rows = resolve_vmerge(rows);
        let span = rows.first().map_or(Span::line(self.line), |r| r.span);
        Ok(Table { rows, span })
    }

    fn row(&mut self, tr: &Node) -> Result<(Row, Vec<VMerge>), ExtractError> {
        let trpr = tr.child("w:trPr");
        let header = flag(trpr, "w:tblHeader");
        let mut col = int_val(trpr, "w:gridBefore").unwrap_or(0).min(MAX_SPAN);
        let mut tc_nodes = Vec::new();
        unwrap(tr, "w:tc", &mut tc_nodes);
        let (mut cells, mut merges) = (Vec::<Cell>::new(), Vec::new());
        for tc in tc_nodes {
            let tcpr = tc.child("w:tcPr");
            let colspan = int_val(tcpr, "w:gridSpan").unwrap_or(1).clamp(1, MAX_SPAN);
            let hmerge_continue =
                tcpr.and_then(|p| p.child("w:hMerge")).is_some_and(|h| h.attr("val") != Some("restart"));
            if let (true, Some(last)) = (hmerge_continue, cells.last_mut()) {
                last.colspan = last.colspan.saturating_add(colspan);
                col = col.saturating_add(colspan);
                continue;
            }
            let vmerge = match tcpr.and_then(|p| p.child("w:vMerge")) {
                None => VMerge::None,
                Some(v) if v.attr("val") == Some("restart") => VMerge::Restart,
                Some(_) => VMerge::Continue,
            };
            cells.push(self.cell(tc, col, colspan)?);
            merges.push(vmerge);
            col = col.saturating_add(colspan);
        }
        let span = cells.first().map_or(Span::line(self.line), |c| c.span);
        Ok((Row { cells, header, span }, merges))
    }

    fn cell(&mut self, tc: &Node, col: u16, colspan: u16) -> Result<Cell, ExtractError> {
        let first_line = self.line + 1;
        let mut blocks = Vec::new();
        self.cell_depth += 1;
        let walked = self.blocks(tc, &mut blocks);
        self.cell_depth -= 1;
        walked?;
        let bold = cell_bold(&blocks);
        let text = block_lines(&blocks).join("\n");
        Ok(Cell { text, col, colspan, rowspan: 1, bold, span: Span::line(first_line) })
    }
}

/// Bold throughout: every paragraph with text is bold (nested tables use their cells' flag).
fn cell_bold(blocks: &[Block]) -> bool {
    let mut any = false;
    for b in blocks {
        let bold = match b {
            Block::Paragraph(p) => p.style.bold,
            Block::Table(t) => t.rows.iter().flat_map(|r| &r.cells).all(|c| c.bold || c.text.is_empty()),
            Block::PageBreak { .. } => continue,
        };
        if !bold {
            return false;
        }
        any = true;
    }
    any
}

/// Folds continuation cells into the `rowspan` of the cell that restarts the
/// merge in the same grid column. A continuation without a restart above it
/// is kept as an ordinary cell.
fn resolve_vmerge(rows: Vec<(Row, Vec<VMerge>)>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut anchors: HashMap<u16, (usize, usize)> = HashMap::new();
    for (row, merges) in rows {
        let row_index = out.len();
        let mut kept = Vec::with_capacity(row.cells.len());
        for (cell, merge) in row.cells.into_iter().zip(merges) {
            if merge == VMerge::Continue {
                if let Some(&(r, c)) = anchors.get(&cell.col) {
                    let anchor = &mut out[r].cells[c];
                    anchor.rowspan = anchor.rowspan.saturating_add(1);
                    continue;
                }
            }
            anchors.retain(|&col, _| col < cell.col || col >= cell.col.saturating_add(cell.colspan));
            if merge != VMerge::None {
                anchors.insert(cell.col, (row_index, kept.len()));
            }
            kept.push(cell);
        }
        out.push(Row { cells: kept, ..row });
    }
    out
}
