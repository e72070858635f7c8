//! Running headers, footers and page numbers: text repeated at the same place on
//! most pages, and bare page numbers in the top or bottom margin. Both leave
//! the body; the running headers and footers become `Document::furniture`.

use super::layout::Line;
use crate::kit::furniture::distinct;
use crate::label::split_label;
use crate::model::{Block, Paragraph, Span, Style};
use crate::normalize::Normalizer;
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashMap;

/// Share of the page height, from the top and from the bottom, that counts as margin.
const MARGIN: f32 = 0.12;

/// A bare page number: `3`, `- 3 -`, `Trang 3`, `3/35`.
static PAGE_NUMBER: Lazy<Regex> = Lazy::new(|| {
    // invariant: the pattern is a valid regex literal
    Regex::new(r"^(?i:trang\s*)?[-–—(\[]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–—)\]]?$").expect("static regex")
});

/// One page's lines outside tables, with the page height.
pub(crate) struct PageLines {
    pub height: f32,
    pub lines: Vec<Line>,
}

/// Where a line sits, for the repetition count: margin side, rounded position, text with digits masked.
fn key(line: &Line, height: f32) -> Option<(bool, i32, String)> {
    let top = line.top < height * MARGIN;
    let bottom = line.bottom > height * (1.0 - MARGIN);
    if !top && !bottom {
        return None;
    }
    let masked: String = line.raw_text().chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect();
    Some((top, (line.baseline / 6.0).round() as i32, masked))
}

/// Removes running headers/footers (on at least half the pages, three pages or
/// more) and bare page numbers in the margins. Returns the running headers
/// and footers, page by page (the page numbers go).
pub(crate) fn remove(pages: &mut [PageLines]) -> Vec<Line> {
    let mut counts: HashMap<(bool, i32, String), usize> = HashMap::new();
    for page in pages.iter() {
        let mut seen: Vec<(bool, i32, String)> = page.lines.iter().filter_map(|l| key(l, page.height)).collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2);
    let mut running = Vec::new();
    for page in pages.iter_mut() {
        let height = page.height;
        let lines = std::mem::take(&mut page.lines);
        for l in lines {
            let Some(k) = key(&l, height) else {
                page.lines.push(l);
                continue;
            };
            let repeated = pages_len_ok(needed) && counts.get(&k).is_some_and(|&n| n >= needed);
            if PAGE_NUMBER.is_match(l.raw_text().trim()) {
                continue;
            }
            if repeated {
                running.push(l);
            } else {
                page.lines.push(l);
            }
        }
    }
    running
}

/// The running headers and footers as furniture: normalized after the body
/// (so they cannot sway how it decodes), each distinct paragraph once.
pub(crate) fn paragraphs(running: &[Line], norm: &mut Normalizer) -> Vec<Paragraph> {
    let story = running
        .iter()
        .map(|l| {
            let text = l.text(norm);
            let (label, rest) = split_label(&text);
            Block::Paragraph(Paragraph { text: rest.to_string(), label, style: Style::default(), span: Span::line(0) })
        })
        .collect();
    distinct(vec![story])
}

/// Repetition only means something from three pages on.
fn pages_len_ok(needed: usize) -> bool {
    needed >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::{lines_from_words, Word};

    fn page(texts: &[(&str, f32)]) -> PageLines {
        let words =
            texts.iter().map(|(t, y)| Word::plain(t, 100.0, 100.0 + 8.0 * t.len() as f32, *y, y + 12.0)).collect();
        PageLines { height: 800.0, lines: lines_from_words(words) }
    }

    #[test]
    fn running_header_and_page_numbers_go_body_stays() {
        let mut pages = vec![
            page(&[("Body one", 300.0)]),
            page(&[("2", 30.0), ("Báo cáo số 12", 770.0), ("Body two", 300.0)]),
            page(&[("3", 30.0), ("Báo cáo số 12", 770.0), ("Body three", 300.0)]),
            page(&[("- 4 -", 30.0), ("Báo cáo số 12", 770.0), ("Body four", 300.0)]),
        ];
        let running = remove(&mut pages);
        assert_eq!(running.iter().map(Line::raw_text).collect::<Vec<_>>(), ["Báo cáo số 12"; 3]);
        for p in &pages {
            assert_eq!(p.lines.len(), 1);
            assert!(p.lines[0].raw_text().starts_with("Body"));
        }
        let furniture = paragraphs(&running, &mut Normalizer::new());
        let got: Vec<(&str, u32)> = furniture.iter().map(|p| (p.text.as_str(), p.span.line)).collect();
        assert_eq!(got, [("Báo cáo số 12", 1)], "kept once, numbered from 1");
    }
}
