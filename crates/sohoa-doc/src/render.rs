//! The text of a `Document` as `sohoa text` prints it (and as tests compare it): paragraphs
//! one per line (label, space, text), table rows one per line with cells joined by ` | `, a
//! blank line at each page break, then the running headers and footers after a separator line.

use crate::model::{Block, Document, Paragraph, Row};

/// Separates the body from the running headers and footers.
pub const FURNITURE_SEPARATOR: &str = "--- headers and footers ---";

/// The body, then, if there are any, the separator line and the running
/// headers and footers one paragraph per line.
pub fn render_document(doc: &Document) -> String {
    let mut out = render(&doc.blocks);
    if !doc.furniture.is_empty() {
        push_line(&mut out, FURNITURE_SEPARATOR);
        doc.furniture.iter().for_each(|p| push_line(&mut out, &paragraph_line(p)));
    }
    out
}

/// Paragraphs one per line (label, space, text), table rows one per line with
/// cells joined by ` | `, a blank line at each page break.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => push_line(&mut out, &paragraph_line(p)),
            Block::Table(t) => t.rows.iter().for_each(|r| push_line(&mut out, &row_line(r))),
            Block::PageBreak { .. } => out.push('\n'),
        }
    }
    out
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

/// Line breaks inside a paragraph or cell become spaces: one line per unit.
fn one_line(s: &str) -> String {
    s.split('\n').map(str::trim).filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" ")
}

fn paragraph_line(p: &Paragraph) -> String {
    match &p.label {
        Some(label) => format!("{label} {}", one_line(&p.text)),
        None => one_line(&p.text),
    }
}

fn row_line(r: &Row) -> String {
    r.cells.iter().map(|c| one_line(&c.text)).collect::<Vec<_>>().join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Format, Source, Span, Style, Table, TextQuality};

    fn para(label: Option<&str>, text: &str) -> Block {
        Block::Paragraph(Paragraph {
            text: text.into(),
            label: label.map(Into::into),
            style: Style::default(),
            span: Span::line(1),
        })
    }

    fn cell(text: &str, col: u16) -> Cell {
        Cell { text: text.into(), col, colspan: 1, rowspan: 1, bold: false, span: Span::line(1) }
    }

    #[test]
    fn renders_paragraphs_rows_and_page_breaks() {
        let table = Table {
            rows: vec![Row {
                cells: vec![cell("1", 0), cell("Rà soát\nthủ tục", 1)],
                header: false,
                span: Span::line(3),
            }],
            span: Span::line(3),
        };
        let blocks = vec![
            para(Some("I."), "MỤC ĐÍCH"),
            Block::PageBreak { page: 2 },
            Block::Table(table),
            para(None, "Nơi nhận:"),
        ];
        assert_eq!(render(&blocks), "I. MỤC ĐÍCH\n\n1 | Rà soát thủ tục\nNơi nhận:\n");
    }

    fn document(blocks: Vec<Block>, furniture: Vec<Paragraph>) -> Document {
        let source = Source {
            path: "x.doc".into(),
            format: Format::Doc,
            sha256: String::new(),
            pages: None,
            text_quality: TextQuality::default(),
        };
        Document { source, blocks, diagnostics: Vec::new(), furniture }
    }

    fn plain(text: &str) -> Paragraph {
        Paragraph { text: text.into(), label: None, style: Style::default(), span: Span::line(1) }
    }

    #[test]
    fn furniture_follows_the_body_after_a_separator() {
        let doc = document(vec![para(None, "KẾ HOẠCH")], vec![plain("VĂN PHÒNG QUỐC HỘI\nLAWDATA")]);
        assert_eq!(render_document(&doc), format!("KẾ HOẠCH\n{FURNITURE_SEPARATOR}\nVĂN PHÒNG QUỐC HỘI LAWDATA\n"));
        let bare = document(vec![para(None, "KẾ HOẠCH")], Vec::new());
        assert_eq!(render_document(&bare), "KẾ HOẠCH\n", "no separator without furniture");
    }
}
