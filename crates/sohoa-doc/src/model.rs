//! The `Document` every reader produces: positioned paragraphs and tables, format-blind.
//!
//! These types cross the extract → segment boundary. They are plain data: no
//! `Serialize` (records are serialized by sohoa-map only), no behaviour beyond
//! small accessors.

/// Where a piece of a document came from. `line` is 1-based; for text input
/// it is the line of the file, for other formats the reader's own running
/// line counter (paragraph number in DOCX, text line in PDF).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Span {
    /// 1-based page, `None` where the format has no pages (text, DOCX).
    pub page: Option<u32>,
    /// 1-based line.
    pub line: u32,
    /// Box on the page in PDF points (origin bottom-left), where known.
    pub bbox: Option<BBox>,
}

impl Span {
    /// A span on a line of a page-less source.
    pub fn line(line: u32) -> Self {
        Span { page: None, line, bbox: None }
    }
}

/// Axis-aligned box in PDF points.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BBox {
    /// Left edge.
    pub x0: f32,
    /// Bottom edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge.
    pub y1: f32,
}

/// The input formats sohoa reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain or markdown-like text dumps.
    Text,
    /// PDF (text layer or scanned pages).
    Pdf,
    /// Word 2007+ (OOXML).
    Docx,
    /// Word 97–2003 (OLE2).
    Doc,
    /// Rich Text Format.
    Rtf,
    /// Excel 2007+.
    Xlsx,
    /// Excel 97–2003.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
}

impl Format {
    /// The lower-case name used in records (`source.format`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Rtf => "rtf",
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }
}

/// What the normalizer saw and did, per document (`source.text_quality`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextQuality {
    /// Legacy encodings found and converted, e.g. `["tcvn3"]`, in first-seen order.
    pub encodings: Vec<String>,
    /// Characters changed by repairs (ð→đ, decomposed marks, zero-width, split syllables...).
    pub repaired_chars: u64,
    /// Characters decoded from a legacy encoding.
    pub converted_chars: u64,
    /// Share (0..1) of characters that are private-use, U+FFFD or other garbage.
    pub unreadable_share: f64,
    /// 0..1: how much a later stage can trust the text.
    pub confidence: f64,
    /// Whether any page or run was read by OCR.
    pub ocr: bool,
    /// Total characters seen.
    pub total_chars: u64,
    /// Runs that look legacy-encoded but were left as they were (warned about by the CLI).
    pub undecoded_legacy_runs: u64,
}

/// Provenance of a whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The input path as given.
    pub path: String,
    /// The format the bytes were read as.
    pub format: Format,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// Page count where the format has pages.
    pub pages: Option<u32>,
    /// How the text was obtained and how far it can be trusted.
    pub text_quality: TextQuality,
}

impl Source {
    /// `doc_id`: the first 16 hex digits of the SHA-256.
    pub fn doc_id(&self) -> &str {
        &self.sha256[..16.min(self.sha256.len())]
    }
}

/// Horizontal alignment of a paragraph, where the format says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// The source does not say.
    #[default]
    Unknown,
    /// Left-aligned.
    Left,
    /// Centred.
    Center,
    /// Right-aligned.
    Right,
    /// Justified.
    Justify,
}

/// What layout knows about a paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Style {
    /// The whole paragraph is bold (markdown `**...**`, `<b>`, bold runs, bold font).
    pub bold: bool,
    /// The whole paragraph is italic.
    pub italic: bool,
    /// Heading level 1..=9 where the source marks it (markdown `#`, Word outline level).
    pub heading: Option<u8>,
    /// Font size in points, where known.
    pub font_size: Option<f32>,
    /// Horizontal alignment.
    pub align: Align,
    /// Left indentation in points, where known.
    pub indent: Option<f32>,
    /// Style name as the source calls it (`Heading 1`, `ListParagraph`), where any.
    pub name: Option<String>,
}

/// One paragraph of running text.
///
/// `label` is the printed number or bullet (`"II."`, `"1.1"`, `"a)"`, `"-"`,
/// `"+"`, `"Điều 1."`), split off `text`, whether Word rendered it from
/// numbering.xml or the text typed it. `text` is normalized (NFC, single
/// spaces); a hard line break the source keeps inside a paragraph is `'\n'`.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The text without its label, NFC, lines joined by `\n` where the source breaks them.
    pub text: String,
    /// The printed number or bullet (`II.`, `1.1`, `a)`, `-`).
    pub label: Option<String>,
    /// Its style.
    pub style: Style,
    /// Where it stands.
    pub span: Span,
}

/// One cell of a table row. Merges are spans, not copied text: a cell that
/// Word merges over three rows appears once with `rowspan == 3`.
/// `text` keeps the cell's own line breaks as `'\n'` (a cell written as
/// several `- ` items has one item per line).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The cell's text.
    pub text: String,
    /// 0-based grid column of the cell's first column.
    pub col: u16,
    /// Columns the cell spans (1 when not merged).
    pub colspan: u16,
    /// Rows the cell spans (1 when not merged).
    pub rowspan: u16,
    /// The cell's text is bold throughout.
    pub bold: bool,
    /// Where the cell stands.
    pub span: Span,
}

impl Cell {
    /// An unmerged, non-bold cell of grid column `col`.
    pub fn plain(text: impl Into<String>, col: u16, span: Span) -> Self {
        Cell { text: text.into(), col, colspan: 1, rowspan: 1, bold: false, span }
    }
}

/// One physical row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The cells, left to right.
    pub cells: Vec<Cell>,
    /// The source marks this row as a (repeated) header row.
    pub header: bool,
    /// Where the row stands.
    pub span: Span,
}

/// One physical table, or one piece of a table that the source splits across
/// pages. Joining pieces is segment's job.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// Where the table starts.
    pub span: Span,
}

/// A block in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph of running text or a heading.
    Paragraph(Paragraph),
    /// A table (layout tables too: segment tells them apart).
    Table(Table),
    /// A page boundary, where the format has pages (and text dumps that show them).
    PageBreak {
        /// The 1-based number of the page that starts here.
        page: u32,
    },
}

/// A non-fatal observation made by a stage (a page that failed, a part ignored, a table
/// read as text): what the user sees with `-v` and what the archive manifest counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable and dotted, `<stage or format>.<what>` (`pdf.time_budget`,
    /// `docx.part_ignored`, `segment.table_as_text`): the key the manifest counts by.
    pub code: &'static str,
    /// Where it was noticed, if known.
    pub span: Option<Span>,
    /// What was noticed, in words.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic with no span.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { code, span: None, message: message.into() }
    }

    /// The same diagnostic, placed at `span`.
    pub fn at(self, span: Span) -> Self {
        Diagnostic { span: Some(span), ..self }
    }
}

impl std::fmt::Display for Diagnostic {
    /// `code: message (page P line L)`, the span left out when there is none.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        match self.span {
            Some(Span { page: Some(p), line, .. }) => write!(f, " (page {p} line {line})"),
            Some(Span { page: None, line, .. }) => write!(f, " (line {line})"),
            None => Ok(()),
        }
    }
}

/// One input document, extracted and normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Where the text came from and how well it was read.
    pub source: Source,
    /// The body in reading order.
    pub blocks: Vec<Block>,
    /// What the reader noticed on the way.
    pub diagnostics: Vec<Diagnostic>,
    /// Running headers and footers (and their text boxes), each distinct
    /// paragraph once however many pages repeat it; `span.line` numbers them
    /// among themselves. Kept out of `blocks`, so segment and map never see
    /// them; `sohoa text` prints them after the body. Filled by the readers
    /// whose format stores them apart (doc, docx); empty elsewhere.
    pub furniture: Vec<Paragraph>,
}
