//! The document walk: block containers, paragraphs and runs into `Block`s.
//!
//! Text comes only from `w:t` (plus `w:tab` → space, `w:br` → `'\n'`), so
//! field instructions, deleted text and drawing anchor numbers cannot leak.
//! Text-box paragraphs become blocks after the paragraph that anchors them;
//! `mc:AlternateContent` is read once (its `Choice`, else its `Fallback`).
//! A footnote or endnote is never glued into the text at its mark: its text is kept
//! aside (`Walker::notes_read`, in reading order) and the reader files it with the furniture.

use super::fields::Fields;
use super::notes::{NoteKind, Notes};
use super::numbering::Numbering;
use super::props::{on_off, para_props, run_props, ParaProps};
use super::styles::{heading_level, Styles};
use super::xml::Node;
use crate::error::ExtractError;
use crate::kit::Budget;
use crate::model::{Block, Paragraph, Span, Style};
use crate::normalize::{single_space, Normalizer};

/// Notes inside notes are followed this deep.
const MAX_NOTE_DEPTH: u8 = 2;

/// State of one document walk.
pub(crate) struct Walker<'a> {
    pub styles: &'a Styles,
    pub numbering: Numbering,
    pub notes: &'a Notes<'a>,
    pub norm: Normalizer,
    pub budget: &'a Budget,
    /// Running paragraph counter (`span.line`).
    pub line: u32,
    fields: Fields,
    note_depth: u8,
    /// Footnote/endnote texts met at their marks, in reading order, kept out of the body.
    pub notes_read: Vec<Paragraph>,
    /// Table-cell nesting: in a cell, a numbered paragraph without text still
    /// prints its number (a `TT` column), so it is kept.
    pub cell_depth: u32,
}

/// Text gathered from the runs of one paragraph.
#[derive(Default)]
struct Inline {
    text: String,
    bold_chars: usize,
    plain_chars: usize,
    size: Option<f32>,
    extra: Vec<Block>,
    /// Text of consecutive runs with the same font and weight, not yet normalized.
    pending: Option<Pending>,
}

/// Runs' text waiting to be normalized together with their font (Word splits
/// runs mid-word; the normalizer sees whole stretches of one font).
struct Pending {
    raw: String,
    font: Option<String>,
    bold: bool,
    size: Option<f32>,
}

/// `mc:AlternateContent`: the first `Choice`, else the `Fallback`.
pub(crate) fn choose(alt: &Node) -> Option<&Node> {
    alt.child("mc:Choice").or_else(|| alt.child("mc:Fallback"))
}

impl<'a> Walker<'a> {
    pub fn new(
        styles: &'a Styles,
        numbering: Numbering,
        notes: &'a Notes<'a>,
        budget: &'a Budget,
        norm: Normalizer,
    ) -> Self {
        Walker {
            styles,
            numbering,
            notes,
            norm,
            budget,
            line: 0,
            fields: Fields::default(),
            note_depth: 0,
            notes_read: Vec::new(),
            cell_depth: 0,
        }
    }

    /// Walks a block container (`w:body`, `w:tc`, `w:txbxContent`, a note).
    pub fn blocks(&mut self, container: &Node, out: &mut Vec<Block>) -> Result<(), ExtractError> {
        for n in container.elements() {
            match n.name.as_str() {
                "w:p" => {
                    let (para, extra) = self.paragraph(n)?;
                    if !para.text.is_empty() || (para.label.is_some() && self.cell_depth > 0) {
                        out.push(Block::Paragraph(para));
                    }
                    out.extend(extra);
                }
                "w:tbl" => {
                    let table = self.table(n)?;
                    if !table.rows.is_empty() {
                        out.push(Block::Table(table));
                    }
                }
                "mc:AlternateContent" => {
                    if let Some(c) = choose(n) {
                        self.blocks(c, out)?;
                    }
                }
                "w:sdt" | "w:sdtContent" | "w:customXml" | "w:ins" | "w:moveTo" => self.blocks(n, out)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// One paragraph, plus the blocks of text boxes anchored in it.
    fn paragraph(&mut self, p: &Node) -> Result<(Paragraph, Vec<Block>), ExtractError> {
        self.budget.check()?;
        self.line += 1;
        self.fields.paragraph_start();
        let line = self.line;
        let props = p.child("w:pPr").map(para_props).unwrap_or_default();
        let style_id = self.styles.para_style_id(props.style.as_deref()).map(str::to_string);
        let label = self.label(&props, style_id.as_deref());
        let mut acc = Inline::default();
        self.inline(p, style_id.as_deref(), &mut acc)?;
        self.flush(&mut acc);
        let style = self.style(&props, style_id.as_deref(), &acc);
        let text = clean_text(&acc.text);
        Ok((Paragraph { text, label, style, span: Span::line(line) }, acc.extra))
    }

    /// The printed number of a paragraph, from its own `numPr` or its style's.
    fn label(&mut self, props: &ParaProps, style: Option<&str>) -> Option<String> {
        let from_style = self.styles.num_ref(style);
        let direct = props.num.as_ref();
        let direct_id = direct.and_then(|n| n.num_id.clone());
        let num_id = direct_id.clone().or_else(|| from_style.as_ref().and_then(|n| n.num_id.clone()))?;
        if num_id.trim() == "0" {
            return None;
        }
        let ilvl = direct.and_then(|n| n.ilvl).or_else(|| from_style.as_ref().and_then(|n| n.ilvl));
        let ilvl = match (ilvl, style, direct_id) {
            (Some(l), _, _) => l,
            (None, Some(s), None) => self.numbering.level_for_style(&num_id, s, self.styles),
            _ => 0,
        };
        self.numbering.next_label(&num_id, ilvl, self.styles)
    }

    fn style(&self, props: &ParaProps, style_id: Option<&str>, acc: &Inline) -> Style {
        let name = self.styles.name(style_id);
        let outline = props.outline.or_else(|| self.styles.outline(style_id));
        Style {
            bold: acc.bold_chars > 0 && acc.plain_chars == 0,
            italic: false,
            heading: heading_level(outline, name.as_deref()),
            font_size: acc.size,
            align: props.align.or_else(|| self.styles.align(style_id)).unwrap_or_default(),
            indent: props.indent.or_else(|| self.styles.indent(style_id)),
            name,
        }
    }

    /// Walks inline content (runs and their wrappers) of a paragraph.
    fn inline(&mut self, node: &Node, pstyle: Option<&str>, acc: &mut Inline) -> Result<(), ExtractError> {
        for n in node.elements() {
            match n.name.as_str() {
                "w:r" => self.run(n, pstyle, acc)?,
                "w:pPr" | "w:rPr" | "w:del" | "w:moveFrom" | "w:sdtPr" | "w:sdtEndPr" | "w:tcPr" => {}
                "mc:AlternateContent" => {
                    if let Some(c) = choose(n) {
                        self.inline(c, pstyle, acc)?;
                    }
                }
                "w:txbxContent" => self.blocks(n, &mut acc.extra)?,
                _ => self.inline(n, pstyle, acc)?,
            }
        }
        Ok(())
    }

    /// One run: its text queued for normalization with its font, notes
    /// appended at their marks.
    fn run(&mut self, r: &Node, pstyle: Option<&str>, acc: &mut Inline) -> Result<(), ExtractError> {
        let direct = r.child("w:rPr").map(run_props).unwrap_or_default();
        let mut props = direct.clone();
        props.inherit(&self.styles.run_base(pstyle, direct.style.as_deref()));
        let hidden = props.hidden == Some(true);
        let font = props.font.as_ref().and_then(|f| self.styles.font_name(f));
        let key = Pending { raw: String::new(), font, bold: props.bold == Some(true), size: props.size };
        for c in r.elements() {
            let shown = !hidden && !self.fields.hiding();
            match c.name.as_str() {
                "w:t" if shown => self.queue(acc, &key, &c.text()),
                "w:tab" | "w:ptab" if shown => self.queue(acc, &key, " "),
                "w:br" | "w:cr" if shown => self.queue(acc, &key, line_break(c)),
                "w:noBreakHyphen" if shown => self.queue(acc, &key, "-"),
                "w:fldChar" => self.fields.mark(c.attr("fldCharType")),
                "w:footnoteReference" | "w:endnoteReference" if shown => {
                    self.flush(acc);
                    let kind = if c.name == "w:footnoteReference" { NoteKind::Foot } else { NoteKind::End };
                    if let Some(note) = self.note_text(kind, c.attr("id"))? {
                        let span = Span { line: self.line, ..Span::default() };
                        self.notes_read.push(Paragraph { text: note, label: None, style: Style::default(), span });
                    }
                }
                "mc:AlternateContent" => {
                    self.flush(acc);
                    if let Some(choice) = choose(c) {
                        self.inline(choice, pstyle, acc)?;
                    }
                }
                "w:drawing" | "w:pict" | "w:object" => {
                    self.flush(acc);
                    self.inline(c, pstyle, acc)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Adds run text to the pending stretch, starting a new one when the
    /// font, weight or size changes.
    fn queue(&mut self, acc: &mut Inline, key: &Pending, text: &str) {
        let same = acc.pending.as_ref().is_some_and(|p| (&p.font, p.bold, p.size) == (&key.font, key.bold, key.size));
        if !same {
            self.flush(acc);
            acc.pending = Some(Pending { raw: String::new(), font: key.font.clone(), bold: key.bold, size: key.size });
        }
        if let Some(p) = acc.pending.as_mut() {
            p.raw.push_str(text);
        }
    }

    /// Normalizes the pending stretch into the paragraph text.
    fn flush(&mut self, acc: &mut Inline) {
        let Some(pending) = acc.pending.take() else { return };
        if pending.raw.is_empty() {
            return;
        }
        let text = self.norm.run(&pending.raw, pending.font.as_deref());
        let visible = text.chars().filter(|c| !c.is_whitespace()).count();
        if visible > 0 {
            if pending.bold {
                acc.bold_chars += visible;
            } else {
                acc.plain_chars += visible;
            }
            acc.size = acc.size.or(pending.size);
        }
        acc.text.push_str(&text);
    }

    /// The text of a footnote/endnote, walked with its own line counter and field state.
    fn note_text(&mut self, kind: NoteKind, id: Option<&str>) -> Result<Option<String>, ExtractError> {
        let notes = self.notes;
        let Some(node) = id.and_then(|id| notes.get(kind, id)) else { return Ok(None) };
        if self.note_depth >= MAX_NOTE_DEPTH {
            return Ok(None);
        }
        self.note_depth += 1;
        let saved = (self.line, std::mem::take(&mut self.fields));
        let mut blocks = Vec::new();
        let result = self.blocks(node, &mut blocks);
        (self.line, self.fields) = saved;
        self.note_depth -= 1;
        result?;
        let text = block_lines(&blocks).join(" ");
        Ok((!text.is_empty()).then_some(text))
    }
}

/// `w:br`: a text-wrapping break is a line break; page/column breaks a space.
fn line_break(br: &Node) -> &'static str {
    match br.attr("type") {
        Some("page" | "column") => " ",
        _ => "\n",
    }
}

/// Single spaces within each line; empty lines dropped.
pub(crate) fn clean_text(raw: &str) -> String {
    let lines: Vec<String> = raw.split('\n').map(single_space).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

/// Blocks as text lines: a paragraph's label prefixed to its text, a
/// (nested) table's cells one after another in row order.
pub(crate) fn block_lines(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(match &p.label {
                Some(l) if p.text.is_empty() => l.clone(),
                Some(l) => format!("{l} {}", p.text),
                None => p.text.clone(),
            }),
            Block::Table(t) => {
                for cell in t.rows.iter().flat_map(|r| &r.cells) {
                    if !cell.text.is_empty() {
                        out.push(cell.text.clone());
                    }
                }
            }
            Block::PageBreak { .. } => {}
        }
    }
    out
}

/// Whether a `w:trPr`-style child flag is set.
pub(crate) fn flag(parent: Option<&Node>, name: &str) -> bool {
    parent.and_then(|p| p.child(name)).is_some_and(on_off)
}
