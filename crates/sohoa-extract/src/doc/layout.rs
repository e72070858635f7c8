//! Walks the characters of one story (main text, a header, a text box):
//! fields reduced to their results, paragraph and cell marks turned into
//! paragraphs and table rows, runs normalized per font, text boxes placed
//! after the paragraph (or table) that holds their anchor.

use super::boxes::Boxes;
use super::fkp::{Para, Runs};
use super::lists::Lists;
use super::notes::Notes;
use super::pieces::Piece;
use super::sprm::{CharProps, ParaProps};
use super::styles::Styles;
use crate::error::ExtractError;
use crate::kit::rows::{RawCell, RawRow};
use crate::kit::sink::{clean_text, paragraphs_of, BlockSink, ParaOut};
use crate::kit::Budget;
use crate::model::{Align, Block, Paragraph, Style};
use crate::normalize::Normalizer;
use std::collections::HashMap;
use std::ops::Range;

/// Everything parsed out of the two streams.
pub(crate) struct DocParts<'a> {
    /// All stories, indexed by CP: main text, notes, headers, text boxes.
    pub text: &'a [char],
    pub notes: &'a Notes,
    pub pieces: &'a [Piece],
    pub chpx: &'a Runs<CharProps>,
    pub papx: &'a Runs<Para>,
    pub styles: &'a Styles,
    pub fonts: &'a [String],
}

/// One visible character and its direct character properties.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    ch: char,
    props: CharProps,
}

/// A paragraph's text and emphasis.
struct Rendered {
    text: String,
    bold: bool,
    italic: bool,
    /// Font size (points) of the first visible character.
    size: Option<f32>,
}

/// Walk state.
struct Walker<'a, 'n> {
    parts: &'a DocParts<'a>,
    lists: &'n mut Lists,
    norm: &'n mut Normalizer,
    style_chars: HashMap<u16, CharProps>,
    /// Open fields: `true` once past the separator (in the result).
    fields: Vec<bool>,
    /// How many open fields are still in their code part (text there is hidden).
    in_code: usize,
    para: Vec<Glyph>,
    cell_lines: Vec<String>,
    cell_bold: bool,
    row: Vec<RawCell>,
    last_was_cell_end: bool,
    sink: BlockSink,
    boxes: &'n mut Boxes,
    budget: &'n Budget,
    /// Text boxes anchored in the open paragraph, and in the open table.
    boxes_here: Vec<Paragraph>,
    boxes_after_table: Vec<Paragraph>,
}

/// The blocks of the story at `range`; text boxes anchored there are read at
/// their anchor (so in reading order), and those no anchor claimed at the end.
pub(crate) fn blocks(
    parts: &DocParts,
    range: Range<u32>,
    lists: &mut Lists,
    norm: &mut Normalizer,
    boxes: &mut Boxes,
    budget: &Budget,
) -> Result<Vec<Block>, ExtractError> {
    let mut w = Walker {
        parts,
        lists,
        norm,
        style_chars: HashMap::new(),
        fields: Vec::new(),
        in_code: 0,
        para: Vec::new(),
        cell_lines: Vec::new(),
        cell_bold: true,
        row: Vec::new(),
        last_was_cell_end: false,
        sink: BlockSink::default(),
        boxes,
        budget,
        boxes_here: Vec::new(),
        boxes_after_table: Vec::new(),
    };
    let end = (range.end as usize).min(parts.text.len());
    let start = (range.start as usize).min(end);
    let mut piece_ix = parts.pieces.partition_point(|p| (p.cp_end as usize) <= start);
    for (i, &ch) in parts.text[start..end].iter().enumerate() {
        if i.is_multiple_of(4096) {
            budget.check()?;
        }
        // `text` is indexed by CP and CPs are u32, so `start + i` fits.
        let cp = (start + i) as u32;
        while parts.pieces.get(piece_ix).is_some_and(|p| p.cp_end <= cp) {
            piece_ix += 1;
        }
        let fc = parts.pieces.get(piece_ix).filter(|p| p.cp <= cp).map(|p| p.fc_of(cp));
        match ch {
            '\u{2}' if w.in_code == 0 => w.note_at(cp),
            '\u{8}' => w.anchor_at(cp)?,
            _ => w.char_at(ch, fc),
        }
    }
    if !w.para.is_empty() {
        w.end_paragraph('\r', None);
    }
    w.flush_row();
    let mut rest = std::mem::take(&mut w.boxes_after_table);
    rest.append(&mut w.boxes_here);
    for range in w.boxes.take_rest() {
        rest.extend(w.text_box(range)?);
    }
    rest.into_iter().for_each(|p| w.sink.extra(p));
    Ok(w.sink.finish())
}

impl Walker<'_, '_> {
    /// Handles one character at stream offset `fc`.
    fn char_at(&mut self, ch: char, fc: Option<u32>) {
        match ch {
            '\u{13}' => {
                self.fields.push(false);
                self.in_code += 1;
            }
            '\u{14}' => {
                if let Some(f) = self.fields.last_mut().filter(|f| !**f) {
                    *f = true;
                    self.in_code -= 1;
                }
            }
            '\u{15}' => {
                if self.fields.pop() == Some(false) {
                    self.in_code -= 1;
                }
            }
            _ if self.in_code > 0 => {}
            '\r' | '\u{7}' => self.end_paragraph(ch, fc),
            _ => {
                let props = fc.and_then(|fc| self.parts.chpx.at(fc)).copied().unwrap_or_default();
                if let Some(c) = visible(ch).filter(|_| !props.hidden) {
                    self.para.push(Glyph { ch: c, props });
                }
            }
        }
    }

    /// A footnote/endnote mark at `cp`: the note's text appended as ` [text]`.
    fn note_at(&mut self, cp: u32) {
        let Some((a, b)) = self.parts.notes.at(cp) else { return };
        let text = self.parts.text;
        let glyphs: Vec<Glyph> = (a..b)
            .filter_map(|c| {
                let ch = match *text.get(c as usize)? {
                    '\r' | '\u{7}' => ' ',
                    ch => visible(ch)?,
                };
                let props =
                    fc_of(self.parts.pieces, c).and_then(|fc| self.parts.chpx.at(fc)).copied().unwrap_or_default();
                Some(Glyph { ch, props })
            })
            .collect();
        if glyphs.iter().all(|g| g.ch.is_whitespace()) {
            return;
        }
        let plain = |ch| Glyph { ch, props: CharProps::default() };
        self.para.extend([plain(' '), plain('[')]);
        self.para.extend(glyphs.into_iter().skip_while(|g| g.ch.is_whitespace()));
        self.para.push(plain(']'));
    }

    /// A shape anchor at `cp`: its text box, if any, is read now and waits for the paragraph's end.
    fn anchor_at(&mut self, cp: u32) -> Result<(), ExtractError> {
        if let Some(range) = self.boxes.take_at(cp) {
            let paras = self.text_box(range)?;
            self.boxes_here.extend(paras);
        }
        Ok(())
    }

    /// The paragraphs of a text-box story (which places no boxes itself).
    fn text_box(&mut self, range: Range<u32>) -> Result<Vec<Paragraph>, ExtractError> {
        let blocks = blocks(self.parts, range, self.lists, self.norm, &mut Boxes::default(), self.budget)?;
        Ok(paragraphs_of(blocks))
    }

    /// A paragraph (`\r`) or cell (`\x07`) mark at stream offset `fc`.
    fn end_paragraph(&mut self, mark: char, fc: Option<u32>) {
        let para = fc.and_then(|fc| self.parts.papx.at(fc)).cloned().unwrap_or_default();
        let glyphs = std::mem::take(&mut self.para);
        let rendered = self.render(&glyphs, para.istd);
        let p = &para.props;
        let label = if p.ilfo > 0 && !p.ttp { self.lists.next_label(p.ilfo, p.ilvl) } else { None };
        if p.in_table || p.itap >= 1 || mark == '\u{7}' {
            let text = match label {
                Some(l) if rendered.text.is_empty() => l,
                Some(l) => format!("{l} {}", rendered.text),
                None => rendered.text,
            };
            self.table_paragraph(mark, p, text, rendered.bold);
            let here = std::mem::take(&mut self.boxes_here);
            self.boxes_after_table.extend(here);
        } else {
            self.flush_row();
            std::mem::take(&mut self.boxes_after_table).into_iter().for_each(|b| self.sink.extra(b));
            let style = Style { italic: rendered.italic, font_size: rendered.size, ..self.style(&para, rendered.bold) };
            self.sink.paragraph(ParaOut { text: rendered.text, label, style });
            std::mem::take(&mut self.boxes_here).into_iter().for_each(|b| self.sink.extra(b));
            self.last_was_cell_end = false;
        }
    }

    /// A paragraph inside a table: a line of a cell, the end of a cell, or the end of a row.
    fn table_paragraph(&mut self, mark: char, p: &ParaProps, text: String, bold: bool) {
        let cell_end = mark == '\u{7}' && p.itap < 2;
        if cell_end && self.is_row_end(p, &text) {
            self.end_row(p);
        } else {
            self.cell_line(text, bold);
            if cell_end {
                self.end_cell();
            }
        }
        self.last_was_cell_end = cell_end && !p.ttp;
    }

    /// A row ends at a TTP mark; without paragraph properties, at an empty mark right after a cell end.
    fn is_row_end(&self, p: &ParaProps, text: &str) -> bool {
        p.ttp || (self.parts.papx.is_empty() && text.is_empty() && self.last_was_cell_end)
    }

    fn cell_line(&mut self, text: String, bold: bool) {
        if !text.is_empty() {
            self.cell_bold &= bold;
            self.cell_lines.push(text);
        }
    }

    fn end_cell(&mut self) {
        let lines = std::mem::take(&mut self.cell_lines);
        let bold = self.cell_bold && !lines.is_empty();
        self.cell_bold = true;
        self.row.push(RawCell { text: lines.join("\n"), bold, ..Default::default() });
    }

    /// Closes the row with the cell definitions of its TTP.
    fn end_row(&mut self, p: &ParaProps) {
        if !self.cell_lines.is_empty() {
            self.end_cell();
        }
        let mut cells = std::mem::take(&mut self.row);
        for (cell, def) in cells.iter_mut().zip(&p.cells) {
            cell.bounds = Some((def.left, def.right));
            cell.h_merged = def.h_merged;
            cell.v_merge = def.v_merge;
        }
        self.sink.row(RawRow { cells, header: p.header_row, line: 0 });
    }

    /// A row left open when body text resumes is closed without cell definitions.
    fn flush_row(&mut self) {
        if !self.row.is_empty() || !self.cell_lines.is_empty() {
            self.end_row(&ParaProps::default());
        }
    }

    /// The paragraph's text, normalized run by run (a run: same font), and whether it is all bold/italic.
    fn render(&mut self, glyphs: &[Glyph], istd: u16) -> Rendered {
        let mut out = String::new();
        let (mut bold, mut italic) = (true, true);
        let mut size = None;
        let mut run = String::new();
        let mut run_font: Option<u16> = None;
        for g in glyphs {
            let props = self.resolve(g.props, istd);
            if !g.ch.is_whitespace() {
                bold &= props.is_bold();
                italic &= props.is_italic();
                size = size.or(props.hps.map(|h| f32::from(h) / 2.0));
            }
            let ftc = props.ftc.unwrap_or(self.parts.styles.default_ftc);
            if run_font != Some(ftc) && !run.is_empty() {
                out.push_str(&self.normalize(&run, run_font));
                run.clear();
            }
            run_font = Some(ftc);
            run.push(g.ch);
        }
        out.push_str(&self.normalize(&run, run_font));
        let text = clean_text(&out);
        let some = !text.is_empty();
        Rendered { text, bold: bold && some, italic: italic && some, size }
    }

    fn normalize(&mut self, run: &str, ftc: Option<u16>) -> String {
        if run.is_empty() {
            return String::new();
        }
        let font = ftc.and_then(|f| self.parts.fonts.get(f as usize)).map(String::as_str);
        self.norm.run(run, font)
    }

    /// Direct properties over the character style over the paragraph style.
    fn resolve(&mut self, direct: CharProps, para_istd: u16) -> CharProps {
        let char_style = direct.istd.map(|i| self.style_chars_of(i)).unwrap_or_default();
        let para_style = self.style_chars_of(para_istd);
        direct.over(char_style.over(para_style))
    }

    fn style_chars_of(&mut self, istd: u16) -> CharProps {
        let styles = self.parts.styles;
        *self.style_chars.entry(istd).or_insert_with(|| styles.char_props(istd))
    }

    /// Layout facts of a body paragraph.
    fn style(&self, para: &Para, bold: bool) -> Style {
        let (name, heading) = self.parts.styles.name_and_heading(para.istd);
        let outline = para.props.outline.filter(|&l| l < 9).map(|l| l + 1);
        let indent = para.props.indent.map(|t| t as f32 / 20.0);
        Style { bold, heading: heading.or(outline), align: align(para.props.jc), name, indent, ..Default::default() }
    }
}

/// Stream offset of `cp`, through the piece table.
fn fc_of(pieces: &[Piece], cp: u32) -> Option<u32> {
    let i = pieces.partition_point(|p| p.cp_end <= cp);
    pieces.get(i).filter(|p| p.cp <= cp).map(|p| p.fc_of(cp))
}

/// Word's justification code as an alignment.
fn align(jc: Option<u8>) -> Align {
    match jc {
        Some(0) => Align::Left,
        Some(1) => Align::Center,
        Some(2) => Align::Right,
        Some(3..=5) => Align::Justify,
        _ => Align::Unknown,
    }
}

/// The character as text, or `None` for marks and control characters.
fn visible(ch: char) -> Option<char> {
    match ch {
        '\u{B}' | '\u{C}' => Some('\n'),
        '\u{1E}' => Some('-'),
        // Word's optional hyphen is U+00AD to the normalizer: dropped in Unicode
        // text, `ư` in a TCVN3 run (which is how such runs often store it).
        '\u{1F}' => Some('\u{AD}'),
        '\t' | '\u{A0}' => Some(' '),
        c if (c as u32) < 0x20 => None,
        c => Some(c),
    }
}
