//! Running headers and footers (and their text boxes) as `Document::furniture`:
//! each story walked like body text, each distinct paragraph kept once.

use super::boxes::Boxes;
use super::clock::Clock;
use super::layout::{self, DocParts};
use super::lists::Lists;
use super::sink::paragraphs_of;
use crate::error::ExtractError;
use crate::model::{Paragraph, Span};
use crate::normalize::Normalizer;
use std::collections::HashSet;
use std::ops::Range;

/// The distinct paragraphs of the header/footer stories at `ranges`, in story
/// order. Paragraphs without a letter (page numbers, `- 2 -`) are left out:
/// they differ from page to page and say nothing.
pub(crate) fn paragraphs(parts: &DocParts, ranges: &[Range<u32>], lists: &mut Lists, norm: &mut Normalizer, clock: &Clock) -> Result<Vec<Paragraph>, ExtractError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for range in ranges {
        let blocks = layout::blocks(parts, range.clone(), lists, norm, &mut Boxes::default(), clock)?;
        for p in paragraphs_of(blocks) {
            if p.text.chars().any(char::is_alphabetic) && seen.insert((p.label.clone(), p.text.clone())) {
                out.push(Paragraph { span: Span::line(out.len() as u32 + 1), ..p });
            }
        }
    }
    Ok(out)
}
