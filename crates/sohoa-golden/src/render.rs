//! The one text rendering of a `Document` the tests use: `render` for goldens
//! (every block with its span and style), `plain_text` for word and diacritic
//! counts against transcripts.

use sohoa_doc::{Block, Document, Table};
use std::fmt::Write;

/// One line per paragraph, table row and cell, with line numbers, labels and
/// style; line breaks inside a text print as `⏎`.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Paragraph(p) => {
                let s = &p.style;
                line(
                    &mut out,
                    format_args!(
                        "P{} label={:?} bold={} heading={:?} align={:?} | {}",
                        p.span.line,
                        p.label,
                        s.bold,
                        s.heading,
                        s.align,
                        flat(&p.text)
                    ),
                );
            }
            Block::Table(t) => render_table(&mut out, t),
            Block::PageBreak { page } => line(&mut out, format_args!("PAGE {page}")),
        }
    }
    for p in &doc.furniture {
        line(&mut out, format_args!("F{} | {}", p.span.line, flat(&p.text)));
    }
    out
}

fn render_table(out: &mut String, t: &Table) {
    line(out, format_args!("T{}", t.span.line));
    for r in &t.rows {
        line(out, format_args!("  R{} header={}", r.span.line, r.header));
        for c in &r.cells {
            line(
                out,
                format_args!(
                    "    C col={} span={}x{} bold={} | {}",
                    c.col,
                    c.colspan,
                    c.rowspan,
                    c.bold,
                    flat(&c.text)
                ),
            );
        }
    }
}

/// How `plain_text` lays out a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableText {
    /// Each cell on its own line.
    CellPerLine,
    /// Each row on one line, cells joined by a space (as transcripts lay rows out).
    RowPerLine,
}

/// What `plain_text` includes besides the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlainText {
    /// The table layout.
    pub tables: TableText,
    /// Running headers, footers and footnotes after the body.
    pub furniture: bool,
}

impl Default for PlainText {
    fn default() -> Self {
        Self { tables: TableText::CellPerLine, furniture: false }
    }
}

/// All text of a document in reading order: `label text` per paragraph, then
/// tables as `how` says.
pub fn plain_text(doc: &Document, how: PlainText) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Paragraph(p) => {
                let label = p.label.as_deref().map(|l| format!("{l} ")).unwrap_or_default();
                line(&mut out, format_args!("{label}{}", p.text));
            }
            Block::Table(t) => plain_table(&mut out, t, how.tables),
            Block::PageBreak { .. } => {}
        }
    }
    if how.furniture {
        for p in &doc.furniture {
            line(&mut out, format_args!("{}", p.text));
        }
    }
    out
}

fn plain_table(out: &mut String, t: &Table, how: TableText) {
    for r in &t.rows {
        match how {
            TableText::CellPerLine => r.cells.iter().for_each(|c| line(out, format_args!("{}", c.text))),
            TableText::RowPerLine => {
                let cells: Vec<&str> = r.cells.iter().map(|c| c.text.as_str()).collect();
                line(out, format_args!("{}", cells.join(" ")));
            }
        }
    }
}

fn flat(text: &str) -> String {
    text.replace('\n', "⏎")
}

fn line(out: &mut String, args: std::fmt::Arguments) {
    // Writing into a String cannot fail.
    let _ = out.write_fmt(args);
    out.push('\n');
}
