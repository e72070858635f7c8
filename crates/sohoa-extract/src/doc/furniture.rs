//! Running headers and footers (and their text boxes) as `Document::furniture`:
//! each story walked like body text, each distinct paragraph kept once
//! ([`crate::kit::furniture::distinct`], shared with the DOCX reader).

use super::boxes::Boxes;
use super::layout::{self, DocParts};
use super::lists::Lists;
use crate::error::ExtractError;
use crate::kit::furniture::distinct;
use crate::kit::Budget;
use crate::model::Paragraph;
use crate::normalize::Normalizer;
use std::ops::Range;

/// The distinct paragraphs of the header/footer stories at `ranges`, in story order.
pub(crate) fn paragraphs(
    parts: &DocParts,
    ranges: &[Range<u32>],
    lists: &mut Lists,
    norm: &mut Normalizer,
    budget: &Budget,
) -> Result<Vec<Paragraph>, ExtractError> {
    let mut stories = Vec::with_capacity(ranges.len());
    for range in ranges {
        stories.push(layout::blocks(parts, range.clone(), lists, norm, &mut Boxes::default(), budget)?);
    }
    Ok(distinct(stories))
}
