//! `Outline`: what segment hands to map — the section tree and the items in reading order.

use sohoa_doc::{Diagnostic, Span, Style};

/// Why a section exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// A numbered or titled paragraph (`II. NỘI DUNG`, `1. Mục đích`).
    Heading,
    /// `Điều N.` of a decision.
    Article,
    /// `PHỤ LỤC`: everything after it lies inside it.
    Annex,
    /// A table row that titles the rows under it (`I. Ban hành các văn bản ...`).
    GroupRow,
}

/// One node of the section tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The label without its trailing punctuation (`II`, `1`, `1.1`, `a`, `Điều 1`, `PHỤ LỤC`), or `None`.
    pub label: Option<String>,
    /// The label as printed (`II.`, `a)`), or `None`.
    pub printed: Option<String>,
    /// The heading text after the label.
    pub title: String,
    /// Why the section exists.
    pub kind: SectionKind,
    /// The enclosing section (index into `Outline::sections`).
    pub parent: Option<usize>,
    /// Labels from the root down to this section.
    pub path: Vec<String>,
    /// Where the heading stands.
    pub span: Span,
    /// The heading's style.
    pub style: Style,
}

/// What a table column holds, read from its header cell (the shared vocabulary).
pub use sohoa_doc::vocab::roles::Role;

/// A cell of a logical row, with the role of its column.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleCell {
    /// The role of its column.
    pub role: Role,
    /// The header text of its column.
    pub header: String,
    /// The cell's text.
    pub text: String,
}

/// A logical table row: page pieces joined, continuation rows merged.
#[derive(Debug, Clone, PartialEq)]
pub struct LogicalRow {
    /// The printed label (`1`, `1.1`, `2.`), from the label column.
    pub label: Option<String>,
    /// The cells, with their columns' roles.
    pub cells: Vec<RoleCell>,
    /// 1-based logical table number in the document.
    pub table: u32,
    /// 1-based row number within the logical table (header rows not counted).
    pub row: u32,
    /// The label or content cell is bold throughout (a title row).
    pub bold: bool,
    /// The row sits under a vertically merged label cell: it continues the row above.
    pub merged_above: bool,
    /// Where the row starts.
    pub span: Span,
}

impl LogicalRow {
    /// The joined text of every cell with `role`, `None` when empty.
    pub fn text(&self, role: Role) -> Option<String> {
        let parts: Vec<&str> =
            self.cells.iter().filter(|c| c.role == role && !c.text.is_empty()).map(|c| c.text.as_str()).collect();
        (!parts.is_empty()).then(|| parts.join("\n"))
    }
}

/// A paragraph of running text that is not a section heading.
#[derive(Debug, Clone, PartialEq)]
pub struct ParaItem {
    /// Its printed bullet or number, if any.
    pub label: Option<String>,
    /// Its text.
    pub text: String,
    /// Its style.
    pub style: Style,
    /// Where it stands.
    pub span: Span,
}

/// An item in reading order, each knowing its innermost section.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// The heading of section `usize` (index into `Outline::sections`) stands here.
    Heading(usize),
    /// A paragraph of running text.
    Paragraph {
        /// The paragraph.
        para: ParaItem,
        /// Its innermost section, if any.
        section: Option<usize>,
    },
    /// A logical table row.
    Row {
        /// The row.
        row: LogicalRow,
        /// Its innermost section, if any.
        section: Option<usize>,
    },
}

/// The structure recovered from one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    /// The section tree, parents before children.
    pub sections: Vec<Section>,
    /// What the sections hold, in reading order.
    pub items: Vec<Item>,
    /// What segment could not place or read as it stands (`segment.*` codes).
    pub diagnostics: Vec<Diagnostic>,
    /// The document's letterhead (the first one), kept out of `items`.
    pub letterhead: Option<crate::layout::Letterhead>,
    /// Signature blocks (`Nơi nhận` and the signer) in reading order, kept out of `items`.
    pub signatures: Vec<crate::layout::SignatureBlock>,
}
