//! The walk over a document's blocks that builds the section tree and places every item.

use crate::labels::{self, LabelKind};
use crate::layout::{self, Letterhead, SignatureBlock};
use crate::outline::{Item, LogicalRow, Outline, ParaItem, Section, SectionKind};
use crate::table::{self, OpenTable, Piece};
use sohoa_extract::normalize::fold_key;
use sohoa_extract::{Block, Document, Paragraph, Span, Style, Table};

/// Titles that start a new document part (a plan after its decision): the section stack resets.
const PART_TITLES: &[&str] = &["KẾ HOẠCH", "QUYẾT ĐỊNH", "CHỈ THỊ", "BÁO CÁO", "QUY ĐỊNH", "QUY CHẾ", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "HƯỚNG DẪN", "TỜ TRÌNH", "THÔNG BÁO"];

/// Paragraphs that close the body: the closing sentence and the recipients list.
const ENDINGS: &[&str] = &["Trên đây là"];

/// Walk state: the open sections (with their ranks) and the open table.
#[derive(Default)]
pub(crate) struct Walker {
    out: Outline,
    /// Open sections: (rank, index into `out.sections`).
    stack: Vec<(usize, usize)>,
    annex: Option<usize>,
    open_table: Option<OpenTable>,
    /// Only page breaks since the last table block.
    joinable: bool,
    tables: u32,
    /// Index in `out.items` of the last logical row.
    last_row: Option<usize>,
    /// A signature block is open: lines that fit it go into `out.signatures`' last block.
    in_signature: bool,
}

impl Walker {
    pub(crate) fn run(doc: &Document) -> Outline {
        let mut w = Walker::default();
        let start = w.letterhead_prefix(&doc.blocks);
        for block in &doc.blocks[start..] {
            match block {
                Block::Paragraph(p) => w.paragraph(p),
                Block::Table(t) => w.table(t),
                Block::PageBreak { .. } => continue,
            }
        }
        w.out
    }

    /// The letterhead at the top of the document (tables and paragraphs): stored, and
    /// the index of the first block after it returned (0 when there is none).
    fn letterhead_prefix(&mut self, blocks: &[Block]) -> usize {
        let mut lines: Vec<String> = Vec::new();
        let mut span = None;
        let mut end = 0;
        for (i, block) in blocks.iter().enumerate() {
            match block {
                Block::PageBreak { .. } => continue,
                Block::Table(t) => match layout::letterhead_table(t) {
                    Some(l) => {
                        span.get_or_insert(l.span);
                        lines.extend(l.lines);
                    }
                    None => break,
                },
                Block::Paragraph(p) if p.label.is_none() && layout::letterhead_paragraph(&p.text) => {
                    span.get_or_insert(p.span);
                    lines.extend(p.text.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(str::to_string));
                }
                Block::Paragraph(_) => break,
            }
            end = i + 1;
        }
        if !layout::is_letterhead(&lines) {
            return 0;
        }
        self.out.letterhead = Some(Letterhead { lines, span: span.unwrap_or_default() });
        end
    }

    /// A paragraph inside an open signature block joins it, line by line; the first
    /// line that does not fit closes the block (and the paragraph is read as usual).
    fn signature_line(&mut self, p: &Paragraph) -> bool {
        let text = match p.label.as_deref() {
            Some(l) => format!("{l} {}", p.text),
            None => p.text.clone(),
        };
        let opens = layout::is_recipients_head(&text) || layout::is_signer_title(text.split('\n').next().unwrap_or_default());
        if !self.in_signature && !opens {
            return false;
        }
        if !self.in_signature {
            self.stack.clear();
            self.open_table = None;
            self.out.signatures.push(SignatureBlock { span: p.span, ..SignatureBlock::default() });
            self.in_signature = true;
        }
        let Some(block) = self.out.signatures.last_mut() else { return false };
        let mut trial = block.clone();
        if text.split('\n').map(str::trim).filter(|l| !l.is_empty()).all(|l| trial.absorb(l)) {
            *block = trial;
            return true;
        }
        self.in_signature = false;
        if block.recipients.is_empty() && block.signer.is_empty() {
            self.out.signatures.pop();
        }
        false
    }

    fn current(&self) -> Option<usize> {
        self.stack.last().map(|&(_, i)| i)
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let typed;
        let p = if p.label.is_none() {
            // A reader that left a typed number in the text (`I. MỤC ĐÍCH`): split it here.
            let (label, rest) = sohoa_extract::label::split_label(&p.text);
            typed = Paragraph { label, text: rest.to_string(), ..p.clone() };
            &typed
        } else {
            p
        };
        if self.signature_line(p) {
            return;
        }
        if self.continues_last(p) {
            return;
        }
        if self.part_boundary(p) {
            self.joinable = false;
            return;
        }
        let kind = p.label.as_deref().and_then(labels::kind);
        match kind {
            Some(k) if k.is_section() => {
                let kind = if k == LabelKind::Article { SectionKind::Article } else { SectionKind::Heading };
                self.open_section(k.rank(), p.label.clone(), p.text.clone(), kind, p.span, p.style.clone());
            }
            _ => {
                // A heading between two table pieces keeps them one table; running text ends it.
                self.joinable = false;
                self.push_para(ParaItem { label: p.label.clone(), text: p.text.clone(), style: p.style.clone(), span: p.span });
            }
        }
    }

    /// An unlabeled paragraph in lower case continues the paragraph or heading
    /// before it (a sentence broken by a page break or by the converter).
    fn continues_last(&mut self, p: &Paragraph) -> bool {
        if p.label.is_some() || !p.text.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let text = p.text.replace('\n', " ");
        match self.out.items.last() {
            Some(Item::Paragraph { .. }) => {
                if let Some(Item::Paragraph { para, .. }) = self.out.items.last_mut() {
                    para.text = format!("{} {text}", para.text);
                }
                true
            }
            Some(Item::Heading(s)) => {
                let s = *s;
                let title = &mut self.out.sections[s].title;
                *title = format!("{title} {text}");
                true
            }
            _ => false,
        }
    }

    fn push_para(&mut self, para: ParaItem) {
        let section = self.current();
        self.out.items.push(Item::Paragraph { para, section });
    }

    /// `PHỤ LỤC` opens the annex; a part title (`KẾ HOẠCH`) closes every section.
    fn part_boundary(&mut self, p: &Paragraph) -> bool {
        if p.label.is_some() {
            return false;
        }
        let key = fold_key(&p.text);
        if key.starts_with(&fold_key("PHỤ LỤC")) && is_title_line(&p.text) {
            self.stack.clear();
            let label = annex_label(&p.text);
            let idx = self.open_section(0, Some(label), p.text.clone(), SectionKind::Annex, p.span, p.style.clone());
            self.annex = Some(idx);
            return true;
        }
        if ENDINGS.iter().any(|e| fold_key(&p.text.replace(':', " ")).starts_with(&fold_key(e))) {
            self.stack.clear();
            self.push_para(ParaItem { label: None, text: p.text.clone(), style: p.style.clone(), span: p.span });
            return true;
        }
        if PART_TITLES.iter().any(|t| key == fold_key(t) || key == fold_key(&format!("{t}:"))) {
            self.stack.clear();
            self.annex = None;
            self.push_para(ParaItem { label: None, text: p.text.clone(), style: p.style.clone(), span: p.span });
            return true;
        }
        false
    }

    /// Pops open sections of rank ≥ `rank`, then opens a new one under what is left.
    fn open_section(&mut self, rank: usize, printed: Option<String>, title: String, kind: SectionKind, span: Span, style: Style) -> usize {
        self.pop_to(rank);
        let parent = self.current();
        let label = printed.as_deref().map(labels::bare);
        let mut path = parent.map(|p| self.out.sections[p].path.clone()).unwrap_or_default();
        path.extend(label.clone());
        let idx = self.out.sections.len();
        self.out.sections.push(Section { label, printed, title, kind, parent, path, span, style });
        self.stack.push((rank, idx));
        self.out.items.push(Item::Heading(idx));
        idx
    }

    /// Closes open sections of rank ≥ `rank` (the annex, rank 0, stays open).
    fn pop_to(&mut self, rank: usize) {
        while self.stack.last().is_some_and(|&(r, _)| r >= rank && r > 0) {
            self.stack.pop();
        }
    }

    fn table(&mut self, t: &Table) {
        self.in_signature = false;
        if let Some(l) = layout::letterhead_table(t) {
            self.open_table = None;
            self.out.letterhead.get_or_insert(l);
            return;
        }
        if let Some(s) = layout::signature_table(t) {
            self.stack.clear();
            self.open_table = None;
            self.out.signatures.push(s);
            self.in_signature = true;
            return;
        }
        let next_number = self.tables + 1;
        match table::read_piece(t, self.open_table.as_ref(), self.joinable, next_number) {
            Piece::Layout(rows) => self.layout_table(rows, t.span),
            Piece::Rows { rows, continues, open } => {
                if !continues {
                    self.tables = open.number;
                    self.last_row = None;
                }
                self.open_table = Some(open);
                self.rows(rows, continues);
            }
        }
        self.joinable = true;
    }

    /// A table that is only layout (a header block, a signature block): its cells become paragraphs.
    fn layout_table(&mut self, rows: Vec<Vec<String>>, span: Span) {
        self.open_table = None;
        for cell in rows.into_iter().flatten() {
            for line in cell.split('\n').filter(|l| !l.trim().is_empty()) {
                let (label, rest) = sohoa_extract::label::split_label(line);
                self.push_para(ParaItem { label, text: rest.to_string(), style: Style::default(), span });
            }
        }
    }

    fn rows(&mut self, rows: Vec<LogicalRow>, continues: bool) {
        let labels_after: Vec<Option<String>> = rows.iter().skip(1).map(|r| r.label.clone()).chain([None]).collect();
        for (k, (row, next)) in rows.into_iter().zip(labels_after).enumerate() {
            let prev = self.last_row.and_then(|i| match &self.out.items[i] {
                Item::Row { row, .. } => Some(row),
                _ => None,
            });
            if table::is_continuation(&row, prev, k == 0 && continues) {
                if let Some(Item::Row { row: p, .. }) = self.last_row.map(|i| &mut self.out.items[i]) {
                    table::merge(p, row);
                }
                continue;
            }
            self.row(row, next.as_deref());
        }
    }

    fn row(&mut self, row: LogicalRow, next_label: Option<&str>) {
        let kind = row.label.as_deref().and_then(labels::kind).or_else(|| row.label.as_deref().and_then(|l| labels::kind(&format!("{l}."))));
        if table::is_group_row(&row, next_label) {
            let rank = kind.map_or(2, LabelKind::rank);
            let title = row.text(crate::outline::Role::Content).unwrap_or_default().replace('\n', " ");
            self.open_section(rank, row.label.clone(), title, SectionKind::GroupRow, row.span, Style { bold: row.bold, ..Style::default() });
            self.last_row = None;
            return;
        }
        if let Some(k) = kind {
            self.pop_to(k.rank());
        }
        let section = self.current();
        self.out.items.push(Item::Row { row, section });
        self.last_row = Some(self.out.items.len() - 1);
    }
}

/// A short line in capitals (a title, not running text).
fn is_title_line(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    text.chars().count() < 40 && upper * 10 >= letters.len() * 9
}

/// `PHỤ LỤC`, or `PHỤ LỤC II` where the annex is numbered.
fn annex_label(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(3).collect();
    match words.get(2) {
        Some(w) if labels::kind(w).is_some_and(|k| matches!(k, LabelKind::Roman | LabelKind::Arabic)) || w.chars().all(|c| c.is_ascii_digit()) => {
            format!("{} {} {}", words[0], words[1], labels::bare(w))
        }
        _ => "PHỤ LỤC".to_string(),
    }
}
