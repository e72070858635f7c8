//! Running headers and footers as [`Document::furniture`](crate::model::Document::furniture):
//! the last step every reader that keeps them shares, [`distinct`].

use super::sink::paragraphs_of;
use crate::model::{Block, Paragraph, Span};
use std::collections::HashSet;

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
