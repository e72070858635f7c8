//! Paragraph groups and grids of one page to `Block`s, text through the normalizer.

use super::layout::{lines_from_words, Line};
use super::paragraphs::Group;
use super::tables::{GridCell, GridTable};
use crate::label::split_label;
use crate::model::{BBox, Block, Cell, Paragraph, Row, Span, Style, Table};
use crate::normalize::{fold_key, join_lines, Normalizer};

/// Turns one page's layout into blocks, numbering lines across the document.
pub(crate) struct Emitter<'n> {
    pub norm: &'n mut Normalizer,
    /// Lines emitted so far in the document.
    pub line_no: u32,
    pub page: u32,
    pub page_height: f32,
}

impl Emitter<'_> {
    fn span(&self, line: u32, x0: f32, top: f32, x1: f32, bottom: f32) -> Span {
        let h = self.page_height;
        Span { page: Some(self.page), line, bbox: Some(BBox { x0, y0: h - bottom, x1, y1: h - top }) }
    }

    fn next_line(&mut self) -> u32 {
        self.line_no += 1;
        self.line_no
    }

    /// One paragraph; `None` when it holds no text.
    pub fn paragraph(&mut self, g: Group) -> Option<Block> {
        let first = self.line_no + 1;
        let texts: Vec<String> = g
            .lines
            .iter()
            .map(|l| {
                self.next_line();
                l.text(self.norm)
            })
            .collect();
        let (label, rest) = texts.first().map_or((None, ""), |t| split_label(t));
        let text = join_lines(std::iter::once(rest).chain(texts.iter().skip(1).map(String::as_str)));
        if text.is_empty() && label.is_none() {
            return None;
        }
        let (x0, top, x1, bottom) = extent(&g.lines);
        let sizes: Vec<f32> = g.lines.iter().map(|l| l.size).collect();
        let style = Style {
            bold: g.lines.iter().all(Line::bold),
            font_size: Some((super::layout::median(sizes) * 2.0).round() / 2.0),
            align: g.align,
            indent: Some(g.indent),
            ..Style::default()
        };
        Some(Block::Paragraph(Paragraph { text, label, style, span: self.span(first, x0, top, x1, bottom) }))
    }

    /// One table piece.
    pub fn table(&mut self, t: GridTable) -> Block {
        let first = self.line_no + 1;
        let rows = t.rows.into_iter().map(|cells| self.row(cells)).collect();
        let [x0, top, x1, bottom] = t.bbox;
        Block::Table(Table { rows, span: self.span(first, x0, top, x1, bottom) })
    }

    fn row(&mut self, cells: Vec<GridCell>) -> Row {
        let line = self.next_line();
        let (x0, top) = cells.first().map_or((0.0, 0.0), |c| (c.bbox[0], c.bbox[1]));
        let (x1, bottom) = cells.iter().fold((x0, top), |(a, b), c| (a.max(c.bbox[2]), b.max(c.bbox[3])));
        let span = self.span(line, x0, top, x1, bottom);
        let cells = cells.into_iter().map(|c| self.cell(c, line)).collect();
        Row { cells, header: false, span }
    }

    fn cell(&mut self, c: GridCell, line: u32) -> Cell {
        let bold = !c.words.is_empty() && c.words.iter().all(|w| w.bold);
        let lines = lines_from_words(c.words);
        // Lines of one item are joined as wrapped text (a reference broken at `/` or `-`
        // is glued back); a line starting `- ` or `+ ` starts a new item.
        let mut items: Vec<Vec<String>> = Vec::new();
        for l in &lines {
            let t = l.text(self.norm);
            let item = t.starts_with("- ") || t.starts_with("+ ");
            match items.last_mut() {
                Some(cur) if !item => cur.push(t),
                _ => items.push(vec![t]),
            }
        }
        let text = items.iter().map(|i| join_lines(i.iter().map(String::as_str))).collect::<Vec<_>>().join("\n");
        let [x0, top, x1, bottom] = c.bbox;
        Cell {
            text,
            col: c.col,
            colspan: c.colspan,
            rowspan: c.rowspan,
            bold,
            span: self.span(line, x0, top, x1, bottom),
        }
    }
}

fn extent(lines: &[Line]) -> (f32, f32, f32, f32) {
    lines.iter().fold((f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY), |(a, b, c, d), l| {
        (a.min(l.x0), b.min(l.top), c.max(l.x1), d.max(l.bottom))
    })
}

fn row_key(row: &Row) -> String {
    fold_key(&row.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | "))
}

/// A table piece whose first rows repeat the first rows of the previous piece:
/// those rows are header rows, in both pieces.
pub(crate) fn mark_repeated_headers(blocks: &mut [Block]) {
    let mut previous: Option<usize> = None;
    for i in 0..blocks.len() {
        if !matches!(blocks[i], Block::Table(_)) {
            continue;
        }
        if let Some(p) = previous {
            let (head, tail) = blocks.split_at_mut(i);
            if let (Block::Table(prev), Block::Table(cur)) = (&mut head[p], &mut tail[0]) {
                mark_pair(prev, cur);
            }
        }
        previous = Some(i);
    }
}

fn mark_pair(prev: &mut Table, cur: &mut Table) {
    for k in 0..3.min(prev.rows.len()).min(cur.rows.len()) {
        let key = row_key(&prev.rows[k]);
        if key.is_empty() || key != row_key(&cur.rows[k]) {
            break;
        }
        prev.rows[k].header = true;
        cur.rows[k].header = true;
    }
}
