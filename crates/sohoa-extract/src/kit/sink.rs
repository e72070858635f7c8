//! Collects the paragraphs and table rows a word-processor reader finds into
//! model blocks, numbering them with a running paragraph counter.

use super::rows::{self, RawRow};
use crate::label::split_label;
use crate::model::{Block, Paragraph, Span, Style};

/// One finished paragraph, before its line number is known.
#[derive(Debug, Clone, Default)]
pub(crate) struct ParaOut {
    pub text: String,
    pub label: Option<String>,
    pub style: Style,
}

/// Running block list; rows gather until a paragraph or the end closes the table.
#[derive(Debug, Default)]
pub(crate) struct BlockSink {
    blocks: Vec<Block>,
    line: u32,
    rows: Vec<RawRow>,
    table_line: u32,
}

impl BlockSink {
    /// Adds a paragraph (empty ones are dropped, but count as lines). A
    /// paragraph without a rendered label has a typed one split off its text.
    pub(crate) fn paragraph(&mut self, p: ParaOut) {
        self.flush_table();
        self.line = self.line.saturating_add(1);
        if p.text.is_empty() && p.label.is_none() {
            return;
        }
        let (label, text) = match p.label {
            Some(l) => (Some(tidy_label(&l)), p.text),
            None => match split_label(&p.text) {
                (Some(l), rest) => (Some(l), rest.to_string()),
                (None, _) => (None, p.text),
            },
        };
        let span = Span::line(self.line);
        self.blocks.push(Block::Paragraph(Paragraph { text, label, style: p.style, span }));
    }

    /// Adds a paragraph read elsewhere (a text box), renumbered into this sink's lines.
    pub(crate) fn extra(&mut self, mut p: Paragraph) {
        self.flush_table();
        self.line = self.line.saturating_add(1);
        p.span = Span::line(self.line);
        self.blocks.push(Block::Paragraph(p));
    }

    /// Adds a table row to the open table.
    pub(crate) fn row(&mut self, mut row: RawRow) {
        self.line = self.line.saturating_add(1);
        if self.rows.is_empty() {
            self.table_line = self.line;
        }
        if row.cells.is_empty() {
            return;
        }
        row.line = self.line;
        self.rows.push(row);
    }

    /// Closes the open table, if any.
    pub(crate) fn flush_table(&mut self) {
        if !self.rows.is_empty() {
            let taken = std::mem::take(&mut self.rows);
            self.blocks.push(Block::Table(rows::build(taken, self.table_line)));
        }
    }

    /// All blocks, the open table closed.
    pub(crate) fn finish(mut self) -> Vec<Block> {
        self.flush_table();
        self.blocks
    }
}

/// The paragraphs of blocks read outside the body (text boxes, headers): a
/// table gives one paragraph per non-empty cell.
pub(crate) fn paragraphs_of(blocks: Vec<Block>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(p),
            Block::Table(t) => {
                out.extend(t.rows.into_iter().flat_map(|r| r.cells).filter(|c| !c.text.is_empty()).map(|c| {
                    Paragraph {
                        text: c.text,
                        label: None,
                        style: Style { bold: c.bold, ..Style::default() },
                        span: c.span,
                    }
                }));
            }
            Block::PageBreak { .. } => {}
        }
    }
    out
}

/// A rendered label as printed; bullet glyphs of any font print as `-` (`+` stays).
fn tidy_label(label: &str) -> String {
    if label == "+" || label.chars().any(char::is_alphanumeric) {
        label.to_string()
    } else {
        "-".to_string()
    }
}

/// Folds white space within each line, trims, and drops empty lines.
pub(crate) fn clean_text(s: &str) -> String {
    let lines: Vec<String> =
        s.split('\n').map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}
