//! Plain PDF-to-text dumps: hard-wrapped lines, blank-line paragraphs, page breaks as blank runs.

use super::plain_table;
use crate::label::split_label;
use crate::model::{Block, Paragraph, Span, Style};
use crate::normalize::join_lines;

/// Lines that always open a block of their own (the recipients list).
const BLOCK_OPENERS: &[&str] = &["Nơi nhận"];

/// Blank lines in a row that mark a page break in a plain dump.
const PAGE_BREAK_BLANKS: usize = 3;

/// One run of non-blank lines, with the 0-based index of its first line.
#[derive(Debug, Clone)]
pub(super) struct Chunk<'a> {
    pub start: usize,
    pub lines: Vec<&'a str>,
    /// A page break (a long blank run) comes right before this chunk.
    pub after_page_break: bool,
}

/// The blocks of a plain dump, in reading order.
pub(super) fn blocks(lines: &[String]) -> Vec<Block> {
    let chunks = chunks(lines);
    let mut out: Vec<Block> = Vec::new();
    let mut page = 1;
    let mut i = 0;
    while i < chunks.len() {
        if chunks[i].after_page_break {
            page += 1;
            out.push(Block::PageBreak { page });
        }
        if let Some((table, next)) = plain_table::read(&chunks, i) {
            out.push(Block::Table(table));
            page += chunks[i + 1..next].iter().filter(|c| c.after_page_break).count() as u32;
            i = next;
            continue;
        }
        paragraphs(&chunks[i], &mut out);
        i += 1;
    }
    out
}

/// Splits the dump into runs of non-blank lines.
pub(super) fn chunks(lines: &[String]) -> Vec<Chunk<'_>> {
    let mut out = Vec::new();
    let mut blanks = 0;
    let mut cur: Option<Chunk> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            blanks += 1;
            out.extend(cur.take());
            continue;
        }
        if is_table_head(line) {
            // A table header glued to the paragraph above starts a chunk of its own.
            out.extend(cur.take());
        }
        let chunk = cur.get_or_insert_with(|| Chunk {
            start: i,
            lines: Vec::new(),
            after_page_break: blanks >= PAGE_BREAK_BLANKS && !out.is_empty(),
        });
        chunk.lines.push(line.as_str());
        blanks = 0;
    }
    out.extend(cur);
    out
}

/// A line that is only a number-column title (`STT`, `TT`, `Số TT`).
fn is_table_head(line: &str) -> bool {
    matches!(line.trim().to_uppercase().as_str(), "STT" | "TT" | "SỐ TT")
}

/// Turns one chunk into paragraphs; a chunk that starts in lower case
/// continues the paragraph before it (a wrap across a blank line or a page).
fn paragraphs(chunk: &Chunk, out: &mut Vec<Block>) {
    let max_len = chunk.lines.iter().map(|l| l.trim_end().chars().count()).max().unwrap_or(0);
    let mut start = 0;
    for k in 1..=chunk.lines.len() {
        if k == chunk.lines.len() || starts_paragraph(chunk.lines[k - 1], chunk.lines[k], max_len) {
            let line_no = (chunk.start + start) as u32 + 1;
            let text = join_lines(chunk.lines[start..k].iter().copied());
            push_paragraph(out, &text, line_no, start == 0);
            start = k;
        }
    }
}

/// Whether `line` begins a new paragraph after `prev` inside one chunk.
fn starts_paragraph(prev: &str, line: &str, max_len: usize) -> bool {
    let (label, _) = split_label(line);
    if label.is_some() {
        return true;
    }
    let prev = prev.trim_end();
    let short = prev.chars().count() * 10 < max_len * 8;
    let ends = prev.ends_with(['.', ';', ':']) || prev.ends_with("./");
    if BLOCK_OPENERS.iter().any(|o| line.trim_start().starts_with(o)) {
        return true;
    }
    let first_upper = line.trim_start().chars().next().is_some_and(char::is_uppercase);
    (ends && short && first_upper) || (is_caps_line(prev) != is_caps_line(line) && first_upper)
}

/// An all-capitals line (`QUYẾT ĐỊNH`, `CHỦ TỊCH`).
pub(super) fn is_caps_line(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Adds a paragraph, or continues the previous one when `text` starts in lower
/// case at the start of a chunk.
fn push_paragraph(out: &mut Vec<Block>, text: &str, line: u32, chunk_start: bool) {
    let starts_lower = text.chars().next().is_some_and(char::is_lowercase);
    if chunk_start && starts_lower {
        if let Some(p) = last_paragraph(out) {
            p.text = join_lines([p.text.as_str(), text]);
            return;
        }
    }
    let (label, rest) = split_label(text);
    let style = Style { bold: is_caps_line(rest), ..Style::default() };
    out.push(Block::Paragraph(Paragraph { text: rest.to_string(), label, style, span: Span::line(line) }));
}

/// The last paragraph, looking back over page breaks only.
fn last_paragraph(out: &mut [Block]) -> Option<&mut Paragraph> {
    for b in out.iter_mut().rev() {
        match b {
            Block::PageBreak { .. } => continue,
            Block::Paragraph(p) => return Some(p),
            Block::Table(_) => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let lines: Vec<String> = s.lines().map(str::to_string).collect();
        blocks(&lines)
            .into_iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(format!("{}|{}", p.label.unwrap_or_default(), p.text)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn wrapped_lines_join_and_labels_split() {
        let t = texts("1. Mục đích\n\n- Tổ chức thực hiện đầy đủ, kịp thời, có hiệu quả các nhiệm vụ trong công \ntác kiểm soát.\n");
        assert_eq!(
            t,
            vec![
                "1.|Mục đích",
                "-|Tổ chức thực hiện đầy đủ, kịp thời, có hiệu quả các nhiệm vụ trong công tác kiểm soát."
            ]
        );
    }

    #[test]
    fn lower_case_chunk_continues_across_page_break() {
        let t = texts("- Thường xuyên theo dõi, đôn đốc cán bộ \n\n\n\nthực hiện tiếp nhận.\n");
        assert_eq!(t, vec!["-|Thường xuyên theo dõi, đôn đốc cán bộ thực hiện tiếp nhận."]);
    }

    #[test]
    fn label_lines_inside_a_chunk_start_paragraphs() {
        let t = texts("Nơi nhận:\n- UBND huyện (để BC);\n- Lưu: Vp.\n");
        assert_eq!(t, vec!["|Nơi nhận:", "-|UBND huyện (để BC);", "-|Lưu: Vp."]);
    }
}
