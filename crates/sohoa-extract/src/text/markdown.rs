//! Markdown-like dumps: `#` headings, `**bold**` paragraphs, tab-separated table rows.

use super::markup::clean;
use crate::label::split_label;
use crate::model::{Block, Cell, Paragraph, Row, Span, Style, Table};

/// The blocks of a markdown-like dump, in reading order.
pub(super) fn blocks(lines: &[String]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
        } else if is_table_line(&lines[i]) {
            i = table(lines, i, &mut out);
        } else {
            i = paragraph(lines, i, &mut out);
        }
    }
    out
}

fn is_table_line(line: &str) -> bool {
    line.contains('\t')
}

/// Reads the table rows from `start` to the next non-table line.
fn table(lines: &[String], start: usize, out: &mut Vec<Block>) -> usize {
    let mut rows = Vec::new();
    let mut i = start;
    while i < lines.len() && is_table_line(&lines[i]) {
        let line_no = i as u32 + 1;
        if !is_separator(&lines[i]) {
            rows.push(row(&lines[i], line_no));
        }
        i += 1;
    }
    if !rows.is_empty() {
        out.push(Block::Table(Table { rows, span: Span::line(start as u32 + 1) }));
    }
    i
}

/// A markdown table separator row (`-----\t-----`).
fn is_separator(line: &str) -> bool {
    line.split('\t').all(|c| c.trim().chars().all(|ch| ch == '-' || ch == ':'))
}

fn row(line: &str, line_no: u32) -> Row {
    let cells = line
        .split('\t')
        .enumerate()
        .map(|(col, raw)| {
            let c = clean(raw);
            Cell { text: c.text, col: col as u16, colspan: 1, rowspan: 1, bold: c.bold, span: Span::line(line_no) }
        })
        .collect();
    Row { cells, header: false, span: Span::line(line_no) }
}

/// Reads one paragraph: consecutive lines while a `**` span is open, or lines
/// joined by markdown hard breaks (two trailing spaces) inside one bold span.
fn paragraph(lines: &[String], start: usize, out: &mut Vec<Block>) -> usize {
    let mut i = start;
    let mut raw = String::new();
    loop {
        let line = &lines[i];
        if !raw.is_empty() {
            raw.push(if lines[i - 1].ends_with("  ") { '\n' } else { ' ' });
        }
        raw.push_str(line.trim());
        i += 1;
        let open = raw.matches("**").count() % 2 == 1;
        let next_ok = i < lines.len() && !lines[i].trim().is_empty() && !is_table_line(&lines[i]);
        if !(open && next_ok) {
            break;
        }
    }
    if !continues_previous(out, &raw) {
        out.extend(to_paragraph(&raw, start as u32 + 1));
    }
    i
}

/// A paragraph that starts in lower case continues the one before it
/// (a heading or sentence the dump broke in two).
fn continues_previous(out: &mut [Block], raw: &str) -> bool {
    let body = heading_level(raw).1;
    let text = clean(body).text;
    if !text.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    match out.last_mut() {
        Some(Block::Paragraph(p)) => {
            p.text = format!("{} {}", p.text, text.replace('\n', " "));
            true
        }
        _ => false,
    }
}

fn to_paragraph(raw: &str, line: u32) -> Option<Block> {
    let (heading, body) = heading_level(raw);
    let c = clean(body);
    let text = c.text;
    if text.is_empty() {
        return None;
    }
    let (label, rest) = split_label(&text);
    let style = Style { bold: c.bold, heading, ..Style::default() };
    Some(Block::Paragraph(Paragraph { text: rest.to_string(), label, style, span: Span::line(line) }))
}

/// `### x` → (Some(3), "x").
fn heading_level(raw: &str) -> (Option<u8>, &str) {
    let hashes = raw.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 || !raw[hashes..].starts_with(' ') {
        return (None, raw);
    }
    (Some(hashes as u8), raw[hashes..].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn heading_bold_and_label() {
        let b = blocks(&lines("## **II. NỘI DUNG**\n\n- Ban hành kế hoạch.\n"));
        let Block::Paragraph(p) = &b[0] else { panic!("expected a paragraph, got {b:?}") };
        assert_eq!(
            (p.label.as_deref(), p.text.as_str(), p.style.heading, p.style.bold),
            (Some("II."), "NỘI DUNG", Some(2), true)
        );
        let Block::Paragraph(p) = &b[1] else { panic!("expected a paragraph, got {b:?}") };
        assert_eq!((p.label.as_deref(), p.text.as_str()), (Some("-"), "Ban hành kế hoạch."));
    }

    #[test]
    fn bold_title_over_hard_breaks_is_one_paragraph() {
        let b = blocks(&lines("**Về việc ban hành  \nKế hoạch năm 2025**\n"));
        assert_eq!(b.len(), 1);
        let Block::Paragraph(p) = &b[0] else { panic!("expected a paragraph") };
        assert_eq!(p.text, "Về việc ban hành\nKế hoạch năm 2025");
    }

    #[test]
    fn tables_split_at_blank_lines_and_skip_separators() {
        let b = blocks(&lines("Stt\tNội dung\n-----\t----\n1\tA\n\nStt\tNội dung\n\tB\n"));
        let tables: Vec<_> = b.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[0].rows.len(), 2);
        assert_eq!(tables[1].rows[1].cells[1].text, "B");
        assert_eq!(tables[1].rows[1].span.line, 6);
    }
}
