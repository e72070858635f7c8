//! The text `sohoa text` prints: paragraphs one per line (label, space, text),
//! table rows one per line with cells joined by ` | `, a blank line at each page
//! break, then the running headers and footers after a separator line.
//! (The same layout as the CLI's `text.rs`, which the binding cannot depend on.)

use sohoa_extract::{Block, Document, Paragraph, Row};

/// Separates the body from the running headers and footers.
const FURNITURE_SEPARATOR: &str = "--- headers and footers ---";

/// The document's text, as `sohoa text` prints it.
pub fn render_document(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => push_line(&mut out, &paragraph_line(p)),
            Block::Table(t) => t.rows.iter().for_each(|r| push_line(&mut out, &row_line(r))),
            Block::PageBreak { .. } => out.push('\n'),
        }
    }
    if !doc.furniture.is_empty() {
        push_line(&mut out, FURNITURE_SEPARATOR);
        doc.furniture.iter().for_each(|p| push_line(&mut out, &paragraph_line(p)));
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
