//! Running headers and footers (and their text boxes) as `Document::furniture`:
//! each story walked like body text, each distinct paragraph kept once (the
//! DOCX reader shares the last step, [`distinct`]).

use super::boxes::Boxes;
use super::clock::Clock;
use super::layout::{self, DocParts};
use super::lists::Lists;
use super::sink::paragraphs_of;
use crate::error::ExtractError;
use crate::model::{Block, Paragraph, Span};
use crate::normalize::Normalizer;
use std::collections::HashSet;
use std::ops::Range;

/// The distinct paragraphs of the header/footer stories at `ranges`, in story order.
pub(crate) fn paragraphs(parts: &DocParts, ranges: &[Range<u32>], lists: &mut Lists, norm: &mut Normalizer, clock: &Clock) -> Result<Vec<Paragraph>, ExtractError> {
    let mut stories = Vec::with_capacity(ranges.len());
    for range in ranges {
        stories.push(layout::blocks(parts, range.clone(), lists, norm, &mut Boxes::default(), clock)?);
    }
    Ok(distinct(stories))
}

/// The paragraphs of header/footer stories (any format), each distinct one
/// once, numbered 1, 2, ... Paragraphs without a letter (page numbers,
/// `- 2 -`) are left out: they differ from page to page and say nothing.
pub(crate) fn distinct(stories: Vec<Vec<Block>>) -> Vec<Paragraph> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for p in stories.into_iter().flat_map(paragraphs_of) {
        if p.text.chars().any(char::is_alphabetic) && seen.insert((p.label.clone(), p.text.clone())) {
            out.push(Paragraph { span: Span::line(out.len() as u32 + 1), ..p });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Style;

    fn para(text: &str) -> Block {
        Block::Paragraph(Paragraph { text: text.into(), label: None, style: Style::default(), span: Span::line(9) })
    }

    #[test]
    fn keeps_each_distinct_lettered_paragraph_once() {
        let stories = vec![vec![para("- 2 -"), para("VĂN PHÒNG")], vec![para("VĂN PHÒNG"), para("Trang 3")]];
        let got: Vec<(String, u32)> = distinct(stories).into_iter().map(|p| (p.text, p.span.line)).collect();
        assert_eq!(got, [("VĂN PHÒNG".to_string(), 1), ("Trang 3".to_string(), 2)]);
    }
}
