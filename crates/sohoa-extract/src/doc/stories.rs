//! Where the secondary stories lie: header/footer stories (PlcfHdd), text-box
//! stories (PlcftxbxTxt, PlcfHdrtxbxTxt) and the shapes anchored in the main
//! text (PlcSpaMom), all as absolute, ascending, non-overlapping CP ranges so
//! that every character is walked at most once whatever the tables claim.

use super::fib::{FcLcb, Fib};
use super::le::{plc_count, plc_cps, slice, u16_at, u32_at};
use std::collections::HashMap;
use std::ops::Range;

/// PlcfHdd opens with six note-separator stories, which are not headers.
const SEPARATOR_STORIES: usize = 6;
/// Bytes of an FTXBXS (text-box data in PlcftxbxTxt).
const FTXBXS_LEN: usize = 22;
/// Bytes of an FSPA (shape anchor data in PlcSpaMom).
const FSPA_LEN: usize = 26;

/// A story's bounds: the first CP and the number of CPs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoryBounds {
    pub start: u32,
    pub len: u32,
}

impl StoryBounds {
    /// The story's CPs, cut to the decoded text.
    fn clip(self, text_len: u32) -> Range<u32> {
        self.start.min(text_len)..self.start.saturating_add(self.len).min(text_len)
    }

    /// `a..b` (story-relative) as absolute CPs inside the story, if it stays after `prev_end`.
    fn sub(self, a: u32, b: u32, prev_end: u32, text_len: u32) -> Option<Range<u32>> {
        let whole = self.clip(text_len);
        let (a, b) = (self.start.saturating_add(a), self.start.saturating_add(b).min(whole.end));
        (a < b && a >= prev_end.max(whole.start)).then_some(a..b)
    }
}

/// The header and footer stories, separators left out; the whole header
/// story as one range when PlcfHdd cannot be read.
pub(crate) fn header_stories(table: &[u8], fib: &Fib, text_len: u32) -> Vec<Range<u32>> {
    let bounds = StoryBounds { start: fib.header_start(), len: fib.ccp_hdd };
    let cps = slice(table, fib.plcf_hdd.fc, fib.plcf_hdd.lcb, "PlcfHdd").map(|b| plc_cps(b, 0)).unwrap_or_default();
    if cps.len() < 2 {
        let whole = bounds.clip(text_len);
        return if whole.is_empty() { Vec::new() } else { vec![whole] };
    }
    let mut out = Vec::new();
    let mut prev_end = 0;
    for w in cps.windows(2).skip(SEPARATOR_STORIES) {
        if let Some(r) = bounds.sub(w[0], w[1], prev_end, text_len) {
            prev_end = r.end;
            out.push(r);
        }
    }
    out
}

/// One text box: its story range and the shape (spid) that shows it.
#[derive(Debug, Clone)]
pub(crate) struct BoxStory {
    pub range: Range<u32>,
    pub spid: u32,
}

/// The text boxes of one text-box story (main or header), reusable
/// (deleted) entries left out.
pub(crate) fn text_boxes(table: &[u8], plc: FcLcb, bounds: StoryBounds, text_len: u32) -> Vec<BoxStory> {
    let Ok(b) = slice(table, plc.fc, plc.lcb, "PlcftxbxTxt") else { return Vec::new() };
    let n = plc_count(b, FTXBXS_LEN);
    let cps = plc_cps(b, FTXBXS_LEN);
    let mut out = Vec::new();
    let mut prev_end = 0;
    for i in 0..n {
        let data = 4 * (n + 1) + FTXBXS_LEN * i;
        let (Some(&a), Some(&z), Some(reusable), Some(lid)) =
            (cps.get(i), cps.get(i + 1), u16_at(b, data + 8), u32_at(b, data + 14))
        else {
            break;
        };
        if reusable != 0 {
            continue;
        }
        if let Some(range) = bounds.sub(a, z, prev_end, text_len) {
            prev_end = range.end;
            out.push(BoxStory { range, spid: lid });
        }
    }
    out
}

/// The main text's text boxes.
pub(crate) fn main_boxes(table: &[u8], fib: &Fib, text_len: u32) -> Vec<BoxStory> {
    text_boxes(table, fib.plcf_txbx_txt, StoryBounds { start: fib.txbx_start(), len: fib.ccp_txbx }, text_len)
}

/// The header text boxes' story ranges.
pub(crate) fn header_boxes(table: &[u8], fib: &Fib, text_len: u32) -> Vec<Range<u32>> {
    let bounds = StoryBounds { start: fib.hdr_txbx_start(), len: fib.ccp_hdr_txbx };
    text_boxes(table, fib.plcf_hdr_txbx_txt, bounds, text_len).into_iter().map(|b| b.range).collect()
}

/// Shape ids by the main-text CP of their anchor character.
pub(crate) fn shape_anchors(table: &[u8], fib: &Fib) -> HashMap<u32, u32> {
    let Ok(b) = slice(table, fib.plc_spa_mom.fc, fib.plc_spa_mom.lcb, "PlcSpaMom") else { return HashMap::new() };
    let n = plc_count(b, FSPA_LEN);
    let cps = plc_cps(b, FSPA_LEN);
    (0..n).filter_map(|i| Some((*cps.get(i)?, u32_at(b, 4 * (n + 1) + FSPA_LEN * i)?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_ranges_stay_inside_the_story_and_in_order() {
        let s = StoryBounds { start: 100, len: 50 };
        assert_eq!(s.sub(0, 10, 0, 1000), Some(100..110));
        assert_eq!(s.sub(5, 80, 0, 1000), Some(105..150), "cut at the story end");
        assert_eq!(s.sub(5, 20, 110, 1000), None, "overlaps the previous range");
        assert_eq!(s.sub(10, 10, 0, 1000), None, "empty");
        assert_eq!(s.sub(0, 40, 0, 120), Some(100..120), "cut at the decoded text");
        assert_eq!(s.sub(u32::MAX, u32::MAX, 0, 1000), None);
    }

    #[test]
    fn text_boxes_skip_reusable_entries() {
        // Two boxes: the first reusable (deleted), the second shown by shape 1026.
        let mut plc = Vec::new();
        for cp in [0u32, 4, 9] {
            plc.extend(cp.to_le_bytes());
        }
        for (reusable, lid) in [(1u16, 7u32), (0, 1026)] {
            let mut f = [0u8; FTXBXS_LEN];
            f[8..10].copy_from_slice(&reusable.to_le_bytes());
            f[14..18].copy_from_slice(&lid.to_le_bytes());
            plc.extend(f);
        }
        let fc = FcLcb { fc: 0, lcb: plc.len() as u32 };
        let boxes = text_boxes(&plc, fc, StoryBounds { start: 200, len: 10 }, 1000);
        assert_eq!(boxes.len(), 1);
        assert_eq!((boxes[0].range.clone(), boxes[0].spid), (204..209, 1026));
    }
}
