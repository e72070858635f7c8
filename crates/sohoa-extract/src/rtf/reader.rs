//! The RTF interpreter: group state, destinations, paragraphs, table rows and list labels.

use super::fonts::FontTable;
use super::lexer::Token;
use super::segments::Segments;
use crate::kit::rows::{RawCell, RawRow, VMerge};
use crate::kit::sink::{BlockSink, ParaOut};
use crate::model::{Align, Block, Style};
use crate::normalize::Normalizer;

/// Where a group's text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    Body,
    /// Ignored destination (`\*`, header, pict, ...).
    Skip,
    FontTable,
    /// `\listtext` / `\pntext`: the paragraph's label.
    Label,
    /// `\footnote`: appended to the paragraph at its mark as ` [text]`.
    Note,
}

/// State saved and restored by `{` and `}`.
#[derive(Debug, Clone, Copy)]
struct Group {
    dest: Dest,
    font: Option<i32>,
    bold: bool,
    /// `\ucN`: fallback characters after `\uN`.
    uc: u32,
    /// `\v` hidden or `\deleted` text: not printed.
    hidden: bool,
    /// `\fsN`: font size in half-points.
    half_points: Option<i32>,
}

/// Destinations whose content is not document text.
const SKIPPED: &[&str] = &[
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "annotation",
    "object",
    "objdata",
    "fldinst",
    "datastore",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "mmathPr",
    "filetbl",
    "revtbl",
    "template",
    "userprops",
    "xe",
    "tc",
    "txe",
    "shpinst",
    "shppict",
    "nonshppict",
    "sp",
    "atnid",
    "atnauthor",
    "bkmkstart",
    "bkmkend",
    "pntxta",
    "pntxtb",
    "pgdsctbl",
    "protusertbl",
    "docvar",
    "background",
    "fldtype",
    "formfield",
    "datafield",
    "blipuid",
    "pnseclvl",
    "nesttableprops",
    "nonesttables",
];

/// One cell of the current row definition (`\cellx` and the merge words before it).
#[derive(Debug, Clone, Copy, Default)]
struct CellDef {
    right: i32,
    h_merged: bool,
    v_merge: VMerge,
}

/// The whole interpreter state.
pub(crate) struct Reader<'n> {
    norm: &'n mut Normalizer,
    pub fonts: FontTable,
    stack: Vec<Group>,
    cur: Group,
    skip_chars: u32,
    para: Segments,
    label: Segments,
    note: Segments,
    /// Group depth at which the open footnote started.
    note_depth: Option<usize>,
    in_table: bool,
    align: Align,
    /// `\outlinelevelN` of the paragraph, as a heading level.
    outline: Option<u8>,
    /// `\liN`: left indent in twips.
    indent: Option<i32>,
    /// Font size (half-points) of the paragraph's first visible character.
    para_size: Option<i32>,
    cell_lines: Vec<String>,
    cell_bold: bool,
    row: Vec<RawCell>,
    row_defs: Vec<CellDef>,
    pending_def: CellDef,
    row_left: i32,
    header_row: bool,
    sink: BlockSink,
}

impl<'n> Reader<'n> {
    pub(crate) fn new(norm: &'n mut Normalizer) -> Self {
        Reader {
            norm,
            fonts: FontTable::default(),
            stack: Vec::new(),
            cur: Group { dest: Dest::Body, font: None, bold: false, uc: 1, hidden: false, half_points: None },
            skip_chars: 0,
            para: Segments::default(),
            label: Segments::default(),
            note: Segments::default(),
            note_depth: None,
            in_table: false,
            align: Align::Unknown,
            outline: None,
            indent: None,
            para_size: None,
            cell_lines: Vec::new(),
            cell_bold: true,
            row: Vec::new(),
            row_defs: Vec::new(),
            pending_def: CellDef::default(),
            row_left: 0,
            header_row: false,
            sink: BlockSink::default(),
        }
    }

    /// Group nesting depth.
    pub(crate) fn depth(&self) -> usize {
        self.stack.len()
    }

    /// Interprets one token.
    pub(crate) fn token(&mut self, t: Token) {
        match t {
            Token::GroupStart => {
                self.stack.push(self.cur);
                self.skip_chars = 0;
            }
            Token::GroupEnd => {
                if self.cur.dest == Dest::FontTable {
                    self.fonts.commit();
                }
                if let Some(g) = self.stack.pop() {
                    self.cur = g;
                }
                self.skip_chars = 0;
                if self.note_depth.is_some_and(|d| self.stack.len() < d) {
                    self.end_note();
                }
            }
            Token::Bin(_) => {}
            _ if self.cur.dest == Dest::Skip => {}
            Token::Symbol(b'*') => self.cur.dest = Dest::Skip,
            _ if self.cur.dest == Dest::FontTable => self.font_table(t),
            // Text skips fallback characters byte by byte; any other token counts as one.
            Token::Text(bytes) => self.text(bytes),
            _ if self.skipping() => {}
            Token::Control { word, param } => self.control(word, param),
            Token::Symbol(s) => self.symbol(s),
            Token::Hex(b) => self.byte(b),
        }
    }

    /// Consumes one `\uN` fallback character if any are pending.
    fn skipping(&mut self) -> bool {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return true;
        }
        false
    }

    fn font_table(&mut self, t: Token) {
        match t {
            Token::Control { word: "f", param: Some(n) } => self.fonts.begin(n),
            Token::Control { word: "fcharset", param: Some(n) } => self.fonts.charset(n),
            Token::Text(b) => self.fonts.name_bytes(b),
            Token::Hex(b) => self.fonts.name_bytes(&[b]),
            _ => {}
        }
    }

    fn text(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.skip_chars > 0 {
                self.skip_chars -= 1;
            } else if b == b'\t' {
                self.char(' ');
            } else if b >= 0x20 {
                self.byte(b);
            }
        }
    }

    fn byte(&mut self, b: u8) {
        if self.cur.hidden {
            return;
        }
        self.note_size(b != b' ');
        let (font, bold) = (self.cur.font, self.cur.bold);
        self.target().byte(b, font, bold);
    }

    fn char(&mut self, c: char) {
        if self.cur.hidden && c != '\n' {
            return;
        }
        self.note_size(!c.is_whitespace());
        let (font, bold) = (self.cur.font, self.cur.bold);
        self.target().char(c, font, bold);
    }

    /// Remembers the font size of the paragraph's first visible character.
    fn note_size(&mut self, visible: bool) {
        if visible && self.cur.dest == Dest::Body && self.para_size.is_none() {
            self.para_size = self.cur.half_points;
        }
    }

    fn target(&mut self) -> &mut Segments {
        match self.cur.dest {
            Dest::Label => &mut self.label,
            Dest::Note => &mut self.note,
            _ => &mut self.para,
        }
    }

    /// The footnote group closed: its text joins the paragraph at the mark.
    fn end_note(&mut self) {
        self.note_depth = None;
        let (text, _) = std::mem::take(&mut self.note).render(&self.fonts, self.norm);
        if !text.is_empty() {
            let bold = self.cur.bold;
            self.para.normalized(format!(" [{}]", text.replace('\n', " ")), bold);
        }
    }

    fn symbol(&mut self, s: u8) {
        match s {
            b'~' => self.char(' '),
            b'_' => self.char('-'),
            b'{' | b'}' | b'\\' => self.byte(s),
            _ => {}
        }
    }

    /// Control words: destinations, text, then paragraph and table structure.
    fn control(&mut self, word: &str, param: Option<i32>) {
        if SKIPPED.contains(&word) {
            self.cur.dest = Dest::Skip;
        } else if let Some(c) = special_char(word) {
            self.char(c);
        } else if !self.character(word, param) && !self.document(word, param) {
            self.structure(word, param);
        }
    }

    /// Character formatting and Unicode; true when `word` was one of them.
    fn character(&mut self, word: &str, param: Option<i32>) -> bool {
        match word {
            "f" => self.cur.font = param,
            "plain" => {
                self.cur.font = None;
                self.cur.bold = false;
                self.cur.hidden = false;
            }
            "b" => self.cur.bold = param != Some(0),
            "fs" => self.cur.half_points = param.filter(|&p| p > 0),
            "v" | "deleted" => self.cur.hidden = param != Some(0),
            "uc" => self.cur.uc = param.unwrap_or(1).clamp(0, 16) as u32,
            "u" => {
                let n = param.unwrap_or(0);
                let code = if n < 0 { n + 65536 } else { n } as u32;
                self.char(char::from_u32(code).unwrap_or('\u{FFFD}'));
                self.skip_chars = self.cur.uc;
            }
            _ => return false,
        }
        true
    }

    /// Document-level words; true when `word` was one of them.
    fn document(&mut self, word: &str, param: Option<i32>) -> bool {
        match word {
            "fonttbl" => self.cur.dest = Dest::FontTable,
            "listtext" | "pntext" => self.cur.dest = Dest::Label,
            "footnote" if self.note_depth.is_none() => {
                self.cur.dest = Dest::Note;
                self.note_depth = Some(self.stack.len());
            }
            "footnote" => self.cur.dest = Dest::Skip,
            "deff" => self.fonts.default_font = param,
            "ansicpg" => self.fonts.ansi_cpg = param,
            _ => return false,
        }
        true
    }

    fn structure(&mut self, word: &str, param: Option<i32>) {
        if self.cur.dest == Dest::Note {
            // Inside a note, paragraph and table words only separate words.
            if matches!(word, "par" | "line" | "tab" | "sect" | "page" | "cell" | "row") {
                self.char(' ');
            }
            return;
        }
        match word {
            "par" | "sect" | "page" => self.end_paragraph(),
            "line" => self.char('\n'),
            "tab" => self.char(' '),
            "pard" => {
                self.in_table = false;
                self.align = Align::Unknown;
                self.outline = None;
                self.indent = None;
            }
            "li" => self.indent = param,
            "outlinelevel" => self.outline = param.filter(|l| (0..9).contains(l)).map(|l| l as u8 + 1),
            "intbl" => self.in_table = true,
            "ql" => self.align = Align::Left,
            "qc" => self.align = Align::Center,
            "qr" => self.align = Align::Right,
            "qj" => self.align = Align::Justify,
            "cell" => self.end_cell(),
            "nestcell" => self.cell_paragraph(),
            "row" => self.end_row(),
            _ => self.row_definition(word, param),
        }
    }

    fn row_definition(&mut self, word: &str, param: Option<i32>) {
        match word {
            "trowd" => {
                self.row_defs.clear();
                self.pending_def = CellDef::default();
                self.header_row = false;
                self.row_left = 0;
            }
            "trleft" => self.row_left = param.unwrap_or(0),
            "trhdr" => self.header_row = true,
            "clvmgf" => self.pending_def.v_merge = VMerge::Restart,
            "clvmrg" => self.pending_def.v_merge = VMerge::Continue,
            "clmrg" => self.pending_def.h_merged = true,
            "cellx" => {
                let def = CellDef { right: param.unwrap_or(0), ..std::mem::take(&mut self.pending_def) };
                if self.row_defs.len() < 4096 {
                    self.row_defs.push(def);
                }
            }
            _ => {}
        }
    }

    /// `\par`: a body paragraph, or a line of the current cell.
    fn end_paragraph(&mut self) {
        if self.in_table {
            self.cell_paragraph();
            return;
        }
        self.flush_row();
        let (text, bold) = std::mem::take(&mut self.para).render(&self.fonts, self.norm);
        let label = self.take_label();
        let style = Style {
            bold,
            align: self.align,
            heading: self.outline,
            font_size: self.para_size.take().map(|h| h as f32 / 2.0),
            indent: self.indent.map(|t| t as f32 / 20.0),
            ..Default::default()
        };
        self.sink.paragraph(ParaOut { text, label, style });
    }

    fn take_label(&mut self) -> Option<String> {
        let (label, _) = std::mem::take(&mut self.label).render(&self.fonts, self.norm);
        Some(label).filter(|l| !l.is_empty())
    }

    /// The pending paragraph as a line of the current cell.
    fn cell_paragraph(&mut self) {
        self.para_size = None;
        let (text, bold) = std::mem::take(&mut self.para).render(&self.fonts, self.norm);
        let text = match self.take_label() {
            Some(l) if !text.is_empty() => format!("{l} {text}"),
            Some(l) => l,
            None => text,
        };
        if !text.is_empty() {
            self.cell_bold &= bold;
            self.cell_lines.push(text);
        }
    }

    fn end_cell(&mut self) {
        self.cell_paragraph();
        let lines = std::mem::take(&mut self.cell_lines);
        let bold = self.cell_bold && !lines.is_empty();
        self.cell_bold = true;
        if self.row.len() < 4096 {
            self.row.push(RawCell { text: lines.join("\n"), bold, ..Default::default() });
        }
    }

    /// `\row`: the cells so far, placed by the row definition.
    fn end_row(&mut self) {
        if !self.para.is_empty() || !self.cell_lines.is_empty() {
            self.end_cell();
        }
        let mut cells = std::mem::take(&mut self.row);
        let mut left = self.row_left;
        for (cell, def) in cells.iter_mut().zip(&self.row_defs) {
            cell.bounds = Some((left, def.right.max(left)));
            cell.h_merged = def.h_merged;
            cell.v_merge = def.v_merge;
            left = def.right.max(left);
        }
        self.sink.row(RawRow { cells, header: self.header_row, line: 0 });
    }

    /// Cells left open when body text resumes form a row of their own.
    fn flush_row(&mut self) {
        if !self.row.is_empty() || !self.cell_lines.is_empty() {
            self.end_row();
        }
    }

    /// The blocks, with whatever is pending closed.
    pub(crate) fn finish(mut self) -> Vec<Block> {
        if !self.para.is_empty() {
            self.in_table = false;
            self.end_paragraph();
        }
        self.flush_row();
        self.sink.finish()
    }
}

/// Control words that stand for one character.
fn special_char(word: &str) -> Option<char> {
    Some(match word {
        "emdash" => '—',
        "endash" => '–',
        "bullet" => '•',
        "lquote" => '‘',
        "rquote" => '’',
        "ldblquote" => '“',
        "rdblquote" => '”',
        "emspace" | "enspace" | "qmspace" => ' ',
        _ => return None,
    })
}
