//! The walk over a document's blocks that builds the section tree and places every item.

use crate::head_key;
use crate::labels::{self, LabelKind};
use crate::layout::{self, Letterhead, SignatureBlock};
use crate::outline::{Item, LogicalRow, Outline, ParaItem, Section, SectionKind};
use crate::table::{self, OpenTable, Piece};
use once_cell::sync::Lazy;
use sohoa_doc::fold_key;
use sohoa_doc::{Block, Diagnostic, Document, Paragraph, Span, Style, Table};

/// The keys of a part title line ([`layout::PART_TITLES`]): the title alone or with its colon,
/// folded once.
static PART_TITLE_KEYS: Lazy<Vec<String>> =
    Lazy::new(|| layout::PART_TITLES.iter().flat_map(|t| [fold_key(t), fold_key(&format!("{t}:"))]).collect());
/// Words of the longest part title.
static PART_TITLE_WORDS: Lazy<usize> =
    Lazy::new(|| layout::PART_TITLES.iter().map(|t| t.split_whitespace().count()).max().unwrap_or(0));

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
    /// Depth of the section stack where the open logical table began: its rows and
    /// group rows nest under that section and never close it.
    table_floor: usize,
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
        let text: std::borrow::Cow<str> = match p.label.as_deref() {
            Some(l) => format!("{l} {}", p.text).into(),
            None => p.text.as_str().into(),
        };
        let opens =
            layout::is_recipients_head(&text) || layout::is_signer_title(text.split('\n').next().unwrap_or_default());
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
            let (label, rest) = sohoa_doc::label::split_label(&p.text);
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
                self.push_para(ParaItem {
                    label: p.label.clone(),
                    text: p.text.clone(),
                    style: p.style.clone(),
                    span: p.span,
                });
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
        if head_key::starts_with(&p.text, &[], &fold_key("PHỤ LỤC"))
            && (is_title_line(&p.text) || is_numbered_annex_title(&p.text))
        {
            self.stack.clear();
            let label = annex_label(&p.text);
            let idx = self.open_section(0, Some(label), p.text.clone(), SectionKind::Annex, p.span, p.style.clone());
            self.annex = Some(idx);
            return true;
        }
        if ENDINGS.iter().any(|e| head_key::starts_with(&p.text, &[':'], &fold_key(e))) {
            self.stack.clear();
            self.push_para(ParaItem { label: None, text: p.text.clone(), style: p.style.clone(), span: p.span });
            return true;
        }
        // a part title is a line of its own: a paragraph of more words than the longest is none
        let key = head_key::short_key(&p.text, *PART_TITLE_WORDS);
        if key.is_some_and(|key| PART_TITLE_KEYS.contains(&key)) {
            self.stack.clear();
            self.annex = None;
            self.push_para(ParaItem { label: None, text: p.text.clone(), style: p.style.clone(), span: p.span });
            return true;
        }
        false
    }

    /// Pops open sections of rank ≥ `rank`, then opens a new one under what is left.
    fn open_section(
        &mut self,
        rank: usize,
        printed: Option<String>,
        title: String,
        kind: SectionKind,
        span: Span,
        style: Style,
    ) -> usize {
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

    /// A new table: the group rows of the table before it are closed.
    fn close_group_rows(&mut self) {
        while self.stack.last().is_some_and(|&(_, i)| self.out.sections[i].kind == SectionKind::GroupRow) {
            self.stack.pop();
        }
    }

    /// Closes open sections of rank ≥ `rank` (the annex, rank 0, stays open).
    fn pop_to(&mut self, rank: usize) {
        self.pop_above(rank, 0);
    }

    /// Closes open sections of rank ≥ `rank`, keeping the first `floor` of the stack.
    fn pop_above(&mut self, rank: usize, floor: usize) {
        while self.stack.len() > floor && self.stack.last().is_some_and(|&(r, _)| r >= rank && r > 0) {
            self.stack.pop();
        }
    }

    fn table(&mut self, t: &Table) {
        self.in_signature = false;
        if let Some(l) = layout::letterhead_table(t) {
            self.open_table = None;
            if self.out.letterhead.is_some() {
                let d = Diagnostic::new(
                    "segment.letterhead_ignored",
                    format!("a second letterhead ({} lines) left out: the first one is the document's", l.lines.len()),
                );
                self.out.diagnostics.push(d.at(t.span));
            } else {
                self.out.letterhead = Some(l);
            }
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
                    self.close_group_rows();
                    self.table_floor = self.stack.len();
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
        let d = Diagnostic::new(
            "segment.table_as_text",
            format!("a table of {} rows without a header row read as paragraphs", rows.len()),
        );
        self.out.diagnostics.push(d.at(span));
        for cell in rows.into_iter().flatten() {
            for line in cell.split('\n').filter(|l| !l.trim().is_empty()) {
                let (label, rest) = sohoa_doc::label::split_label(line);
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
        let kind = row
            .label
            .as_deref()
            .and_then(labels::kind)
            .or_else(|| row.label.as_deref().and_then(|l| labels::kind(&format!("{l}."))));
        if table::is_group_row(&row, next_label) {
            let rank = kind.map_or(2, LabelKind::rank);
            self.pop_above(rank, self.table_floor);
            let rank = self.stack.last().map_or(rank, |&(r, _)| rank.max(r + 1));
            let title = row.text(crate::outline::Role::Content).unwrap_or_default().replace('\n', " ");
            self.open_section(
                rank,
                row.label.clone(),
                title,
                SectionKind::GroupRow,
                row.span,
                Style { bold: row.bold, ..Style::default() },
            );
            self.last_row = None;
            return;
        }
        if let Some(k) = kind {
            self.pop_above(k.rank(), self.table_floor);
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

/// `Phụ lục I`, `Phụ lục số 02:` alone on its line, in any case: an annex's
/// number line (its title follows on the next lines).
fn is_numbered_annex_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().skip(2).collect();
    let words: Vec<&str> = match words.first() {
        Some(w) if fold_key(w) == fold_key("số") => words[1..].to_vec(),
        _ => words,
    };
    matches!(words.as_slice(), [n] if is_annex_number(n))
}

/// `I`, `II.`, `02:`: the number of an annex.
fn is_annex_number(word: &str) -> bool {
    labels::kind(word).is_some_and(|k| matches!(k, LabelKind::Roman | LabelKind::Arabic))
}

/// `PHỤ LỤC`, or `PHỤ LỤC II` where the annex is numbered (`Phụ lục II` gives the same label).
fn annex_label(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(4).collect();
    let number = match words.get(2) {
        Some(w) if fold_key(w) == fold_key("số") => words.get(3),
        other => other,
    };
    match number {
        Some(w) if is_annex_number(w) => format!("PHỤ LỤC {}", labels::bare(w)),
        _ => "PHỤ LỤC".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::outline::Item;
    use sohoa_doc::{Block, Cell, Document, Format, Paragraph, Row, Source, Span, Style, Table, TextQuality};

    fn para(text: &str) -> Block {
        Block::Paragraph(Paragraph {
            text: text.to_string(),
            label: None,
            style: Style::default(),
            span: Span::default(),
        })
    }

    fn table(rows: &[&[&str]]) -> Block {
        let row = |r: &&[&str]| Row {
            cells: r.iter().enumerate().map(|(i, t)| Cell::plain(*t, i as u16, Span::default())).collect(),
            header: false,
            span: Span::default(),
        };
        Block::Table(Table { rows: rows.iter().map(row).collect(), span: Span::default() })
    }

    fn document(blocks: Vec<Block>) -> Document {
        let source = Source {
            path: "t".into(),
            format: Format::Docx,
            sha256: "0".repeat(64),
            pages: None,
            text_quality: TextQuality::default(),
        };
        Document { source, blocks, diagnostics: Vec::new(), furniture: Vec::new() }
    }

    fn texts(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| if let Item::Paragraph { para, .. } = i { Some(para.text.clone()) } else { None })
            .collect()
    }

    #[test]
    fn a_title_case_annex_number_line_opens_a_numbered_annex() {
        let outline = crate::outline(&document(vec![
            para("Nội dung của kế hoạch."),
            para("Phụ lục I"),
            para("THỜI GIAN KIỂM TRA"),
            para("Phụ lục số 02:"),
            para("Phụ lục kèm theo được gửi cho các đơn vị trong tháng."),
        ]));
        let annexes: Vec<(Option<&str>, &str)> = outline
            .sections
            .iter()
            .filter(|s| s.kind == crate::SectionKind::Annex)
            .map(|s| (s.label.as_deref(), s.title.as_str()))
            .collect();
        assert_eq!(annexes, vec![(Some("PHỤ LỤC I"), "Phụ lục I"), (Some("PHỤ LỤC 02"), "Phụ lục số 02:")]);
    }

    #[test]
    fn annex_labels_keep_their_number_in_capitals() {
        assert_eq!(super::annex_label("PHỤ LỤC"), "PHỤ LỤC");
        assert_eq!(super::annex_label("Phụ lục II"), "PHỤ LỤC II");
        assert_eq!(super::annex_label("PHỤ LỤC số 3."), "PHỤ LỤC 3");
        assert!(!super::is_numbered_annex_title("Phụ lục I kèm theo Kế hoạch"));
    }

    #[test]
    fn layout_tables_become_letterhead_and_signature() {
        let doc = document(vec![
            table(&[
                &["ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
                &["Số: /KH-UBND", "Lâm Đồng, ngày tháng 01 năm 2026"],
            ]),
            para("DỰ THẢO"),
            para("KẾ HOẠCH"),
            para("II. NHIỆM VỤ"),
            para("1. Tuyên truyền"),
            para("a) Trên báo"),
            table(&[
                &["TT", "Nội dung", "Trách nhiệm thực hiện"],
                &["1", "Chuyên mục A", "Sở Nội vụ"],
                &["2", "Chuyên mục B", "Sở Tư pháp"],
            ]),
            para("Trên đây là Kế hoạch."),
            table(&[&["Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT, NC.", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Ngọc Phúc"]]),
            para("PHỤ LỤC"),
            table(&[&["STT", "Nhiệm vụ"], &["1", "Rà soát"]]),
        ]);
        let out = crate::outline(&doc);
        let lh = out.letterhead.expect("a letterhead");
        assert!(lh.lines.contains(&"Số: /KH-UBND".to_string()));
        assert_eq!(out.signatures.len(), 1);
        assert_eq!(out.signatures[0].signer.last().map(String::as_str), Some("Nguyễn Ngọc Phúc"));
        let paras = texts(&out.items);
        assert!(
            paras.iter().all(|t| !t.contains("Nơi nhận")
                && !t.contains("Số:")
                && !t.contains("PHÓ CHỦ TỊCH")
                && t != "DỰ THẢO"),
            "{paras:?}"
        );
        let rows: Vec<Vec<String>> = out
            .items
            .iter()
            .filter_map(|i| {
                if let Item::Row { section, .. } = i {
                    Some(section.map(|s| out.sections[s].path.clone()).unwrap_or_default())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(
            rows[..2],
            [vec!["II", "1", "a"], vec!["II", "1", "a"]],
            "rows stay in the section the table opens in"
        );
        assert_eq!(rows[2], ["PHỤ LỤC"]);
    }

    #[test]
    fn paragraphs_of_a_text_dump_give_the_same_blocks() {
        let doc = document(vec![
            para("ỦY BAN NHÂN DÂN"),
            para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            para("TỈNH LÂM ĐỒNG"),
            para("Số:"),
            para("/BC-UBND"),
            para("Lâm Đồng, ngày"),
            para("tháng 12 năm 2025"),
            para("BÁO CÁO"),
            para("Trên đây là báo cáo."),
            para("Nơi nhận:"),
            para("KT. CHỦ TỊCH"),
            para("- Bộ Nội vụ;"),
            para("PHÓ CHỦ TỊCH"),
            para("- Lưu: VT, NC."),
            para("Nguyễn Ngọc Phúc"),
            para("PHỤ LỤC"),
        ]);
        let out = crate::outline(&doc);
        assert_eq!(out.letterhead.map(|l| l.lines.len()), Some(7));
        assert_eq!(out.signatures[0].recipients, ["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, NC."]);
        assert_eq!(out.signatures[0].signer, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"]);
        assert_eq!(texts(&out.items), ["BÁO CÁO", "Trên đây là báo cáo."]);
    }

    #[test]
    fn what_segment_cannot_place_is_in_its_diagnostics() {
        let letterhead: &[&[&str]] = &[
            &["ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
            &["Số: /KH-UBND", "Lâm Đồng, ngày tháng 01 năm 2026"],
        ];
        let mut doc = document(vec![
            table(letterhead),
            para("KẾ HOẠCH"),
            para("I. NỘI DUNG"),
            table(&[&["Hội nghị sơ kết", "Quý II"], &["Hội nghị tổng kết", "Quý IV"]]),
            table(letterhead),
        ]);
        if let Block::Table(t) = &mut doc.blocks[3] {
            t.span = Span { page: Some(2), line: 14, bbox: None };
        }
        let out = crate::outline(&doc);
        let codes: Vec<(&str, Option<u32>)> =
            out.diagnostics.iter().map(|d| (d.code, d.span.and_then(|s| s.page))).collect();
        assert_eq!(codes, [("segment.table_as_text", Some(2)), ("segment.letterhead_ignored", None)]);
        assert_eq!(
            out.diagnostics[0].to_string(),
            "segment.table_as_text: a table of 2 rows without a header row read as paragraphs (page 2 line 14)"
        );
        assert!(crate::outline(&document(vec![para("KẾ HOẠCH"), para("I. NỘI DUNG")])).diagnostics.is_empty());
    }
}
