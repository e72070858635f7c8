//! Tables whose rows each fit on one line (`1 Lĩnh vực thủy lợi (3) Trước ngày 15/9/2024`):
//! the Stt, the content, and a deadline phrase where the header has a deadline column.

use super::deadline;
use super::header::{Header, Role};
use super::rows::{is_stop_line, row_start_line, Mark, Start};
use crate::model::{Cell, Row, Span};
use crate::text::plain::Chunk;

/// The rows of a one-line-per-row table after `header`, and the index of the
/// chunk after it; `None` unless the first chunk opens with two numbered lines in sequence.
/// Lines after the last row inside the table's last chunk are not kept.
pub(super) fn read(chunks: &[Chunk], header: &Header) -> Option<(Vec<Row>, usize)> {
    let first = chunks.get(header.next)?;
    let (a, b) = (numbered(first.lines.first()?)?, numbered(first.lines.get(1)?)?);
    if b != a + 1 {
        return None;
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut expected = a;
    let mut k = header.next;
    'chunks: while k < chunks.len() {
        let chunk = &chunks[k];
        if numbered(chunk.lines.first().copied().unwrap_or("")) != Some(expected) {
            break;
        }
        for (j, line) in chunk.lines.iter().enumerate() {
            let line_no = (chunk.start + j) as u32 + 1;
            match row_start_line(line).filter(|s| s.mark == Mark::Number(expected)) {
                Some(start) => {
                    rows.push(row_of(start, header, line_no));
                    expected += 1;
                }
                None if continues(line, &chunk.lines[j + 1..], expected) => continue_row(rows.last_mut(), line, header),
                None => {
                    k += 1;
                    break 'chunks;
                }
            }
        }
        k += 1;
    }
    Some((rows, k))
}

/// The number opening a line followed by text (`12 Lĩnh vực ...`).
fn numbered(line: &str) -> Option<u32> {
    let start = row_start_line(line)?;
    start.rest.as_ref()?;
    match start.mark {
        Mark::Number(n) => Some(n),
        Mark::Roman(_) | Mark::Dotted(..) => None,
    }
}

/// Whether a line that opens no row wraps the row before it: not a line that
/// ends tables, and either in lower case or a number, or followed by the next row.
fn continues(line: &str, after: &[&str], expected: u32) -> bool {
    if is_stop_line(line) {
        return false;
    }
    let lower = line.trim_start().chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    lower || after.iter().any(|l| numbered(l) == Some(expected))
}

/// One row: the Stt cell, the content up to a deadline phrase, the deadline,
/// and what follows the deadline in the next column.
fn row_of(start: Start, header: &Header, line: u32) -> Row {
    let n = header.titles.len();
    let mut texts = vec![String::new(); n];
    texts[0] = start.label.clone();
    let rest = start.rest.unwrap_or_default();
    let content = header.column(Role::Content).unwrap_or(1.min(n - 1));
    match (header.column(Role::Deadline), deadline::inside(&rest)) {
        (Some(d), Some(at)) => {
            texts[content] = rest[..at].trim().to_string();
            let tail = rest[at..].trim();
            let end = deadline::end_of_leading(tail).unwrap_or(tail.len());
            texts[d] = tail[..end].trim().to_string();
            if let Some(after) = texts.get_mut(d + 1) {
                *after = tail[end..].trim().to_string();
            }
        }
        _ => texts[content] = rest.trim().to_string(),
    }
    let cells = texts
        .into_iter()
        .enumerate()
        .map(|(col, text)| Cell { text, col: col as u16, colspan: 1, rowspan: 1, bold: false, span: Span::line(line) })
        .collect();
    Row { cells, header: false, span: Span::line(line) }
}

/// A wrapped line goes on the last row: a number goes on its deadline when it
/// has one (`Trước ngày` + `15/9/2024`), anything else on its content.
fn continue_row(row: Option<&mut Row>, line: &str, header: &Header) {
    let Some(row) = row else { return };
    let content = header.column(Role::Content).unwrap_or(1);
    let deadline = header.column(Role::Deadline).filter(|&d| row.cells.get(d).is_some_and(|c| !c.text.is_empty()));
    let digit = line.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit());
    let col = if digit { deadline.unwrap_or(content) } else { content };
    if let Some(cell) = row.cells.get_mut(col) {
        cell.text = format!("{} {}", cell.text, line.trim()).trim().to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::plain::chunks;

    fn rows(text: &str) -> Vec<Vec<String>> {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let chunks = chunks(&lines);
        let Some(header) = super::super::header::read(&chunks, 0) else { return Vec::new() };
        let Some((rows, _)) = read(&chunks, &header) else { return Vec::new() };
        rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()
    }

    #[test]
    fn one_line_rows_split_at_the_deadline() {
        let r = rows("Số \nTT Lĩnh vực Thời gian hoàn thành\n\n1 Lĩnh vực thủy lợi (3) Trước ngày 15/9/2024\n2 Lĩnh vực Hộ tịch (35) Trước ngày\n15/9/2024\nGhi chú: rà soát theo nhóm.\n");
        assert_eq!(
            r,
            [
                ["1", "Lĩnh vực thủy lợi (3)", "Trước ngày 15/9/2024"],
                ["2", "Lĩnh vực Hộ tịch (35)", "Trước ngày 15/9/2024"]
            ]
        );
    }
}
