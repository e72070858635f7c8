//! Tables in plain dumps, where a converter wrote each cell as its own block, column after column.
//!
//! A table opens with a header whose titles name the usual plan columns
//! ([`header`]); the rows are cut at their Stt marks ([`rows`]), blocks holding
//! two cells are split ([`merged`], by [`deadline`] phrases), and each row's
//! blocks are put into columns ([`cells`]) and joined into cell text
//! ([`cell_text`]). Tables whose rows fit on one line each are read by [`line_rows`].

mod cell_text;
mod cells;
mod header;
mod line_rows;
mod merged;
mod rows;

use super::plain::Chunk;
use crate::model::{Cell, Row, Span, Table};
use cells::{Columns, Layout};
use header::{Header, Role};
use rows::{Piece, RawRow};
use sohoa_doc::vocab::deadline;

/// Content lines this long (relative to the widest first content block, in tenths) are wide.
const WIDE_TENTHS: usize = 6;
/// A content column narrower than this (characters) cannot be told from the others by width.
const MIN_CONTENT_WIDTH: usize = 35;

/// A table starting at chunk `i`, and the index of the first chunk after it;
/// `None` when chunk `i` does not start a table.
pub(super) fn read(chunks: &[Chunk], i: usize) -> Option<(Table, usize)> {
    let header = header::read(chunks, i)?;
    let line = chunks[i].start as u32 + 1;
    let mut table = Table { rows: vec![header_row(&header, line)], span: Span::line(line) };
    if let Some((rows, next)) = line_rows::read(chunks, &header) {
        table.rows.extend(rows);
        return Some((table, next));
    }
    let mut layout = layout_of(&header);
    let (raw, next) = rows::scan(chunks, &header, layout.others.len())?;
    layout.wide = wide_threshold(&raw);
    table.rows.extend(raw.iter().map(|r| row_of(r, &layout)));
    Some((table, next))
}

/// The header as the table's first row.
fn header_row(header: &Header, line: u32) -> Row {
    let cells = header.titles.iter().enumerate().map(|(c, t)| cell(c, t.clone(), line)).collect();
    Row { cells, header: true, span: Span::line(line) }
}

fn cell(col: usize, text: String, line: u32) -> Cell {
    Cell { text, col: col as u16, colspan: 1, rowspan: 1, bold: false, span: Span::line(line) }
}

/// Which column takes what, from the header's roles.
fn layout_of(header: &Header) -> Layout {
    let content = header.column(Role::Content).unwrap_or(1);
    let others: Vec<usize> = (1..header.titles.len()).filter(|&c| c != content).collect();
    let deadline = header.column(Role::Deadline).and_then(|d| others.iter().position(|&c| c == d));
    Layout { content, others, deadline, wide: 0, columns: header.titles.len() }
}

/// The width from which a block is content: a share of the widest first content block.
fn wide_threshold(rows: &[RawRow]) -> usize {
    let widest = rows
        .iter()
        .filter(|r| !r.group)
        .filter_map(|r| r.parts.first().and_then(|p| p.first()))
        .map(Piece::width)
        .max()
        .unwrap_or(0);
    if widest < MIN_CONTENT_WIDTH {
        0
    } else {
        widest * WIDE_TENTHS / 10
    }
}

/// One table row: a group row keeps its title in the content column.
fn row_of(raw: &RawRow, layout: &Layout) -> Row {
    let cols: Columns = if raw.group {
        let mut cols = vec![Vec::new(); layout.columns];
        cols[layout.content] = raw.parts.iter().flatten().cloned().collect();
        cols
    } else {
        cells::assign(raw, layout)
    };
    let mut cells_out = vec![cell(0, raw.label.clone(), raw.line)];
    for (c, pieces) in cols.iter().enumerate().skip(1) {
        let line = pieces.first().map_or(raw.line, |p| p.line);
        cells_out.push(cell(c, cell_text::cell_text(pieces, c != layout.content), line));
    }
    Row { cells: cells_out, header: false, span: Span::line(raw.line) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::plain::chunks;

    fn table(text: &str) -> Option<(Vec<Vec<String>>, usize)> {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let chunks = chunks(&lines);
        let (t, next) = read(&chunks, 0)?;
        Some((t.rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect(), next))
    }

    const HEADER: &str = "STT\n\nNội dung\n\nĐơn vị chủ trì\n\nThời gian\n\n";

    #[test]
    fn column_numbers_under_the_header_are_skipped() {
        let (rows, _) = table(&format!("{HEADER}1\n2\n3\n4\n\n1\n\nBan hành kế hoạch\n\nVăn phòng\n\nQuý I/2024\n"))
            .unwrap_or_default();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1], ["1", "Ban hành kế hoạch", "Văn phòng", "Quý I/2024"]);
    }

    #[test]
    fn a_roman_heading_after_the_table_is_not_a_group_row() {
        let text = format!("{HEADER}I\n\nCông tác chỉ đạo\n\n1\n\nBan hành kế hoạch\n\nVăn phòng\n\nQuý I/2024\n\nII. TỔ CHỨC THỰC HIỆN\n\nCác phòng ban căn cứ nhiệm vụ được giao triển khai thực hiện kế hoạch.\n");
        let (rows, next) = table(&text).unwrap_or_default();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][..2], ["I", "Công tác chỉ đạo"]);
        assert_eq!(next, 10);
    }

    #[test]
    fn text_without_a_header_is_no_table() {
        assert!(table("1. Mục đích\n\n- Tổ chức thực hiện\n").is_none());
    }
}
