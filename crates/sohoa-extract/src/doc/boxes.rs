//! Text-box stories handed out once each to the walk of the main text: at
//! the anchor of the shape that shows them, or, when no anchor names them
//! (a box inside a group shape, a damaged anchor table), after the body.

use super::stories::BoxStory;
use std::collections::HashMap;
use std::ops::Range;

/// Text-box stories waiting for their anchors.
#[derive(Debug, Default)]
pub(crate) struct Boxes {
    /// Each box's story range, in story order; `None` once handed out.
    ranges: Vec<Option<Range<u32>>>,
    /// Box index by the spid of the shape that shows it.
    by_spid: HashMap<u32, usize>,
    /// Shape spid by the main-text CP of its anchor.
    anchors: HashMap<u32, u32>,
}

impl Boxes {
    /// Boxes in story order, anchored by `anchors` (CP → spid).
    pub(crate) fn new(boxes: Vec<BoxStory>, anchors: HashMap<u32, u32>) -> Boxes {
        let mut by_spid = HashMap::new();
        let mut ranges = Vec::with_capacity(boxes.len());
        for (i, b) in boxes.into_iter().enumerate() {
            by_spid.entry(b.spid).or_insert(i);
            ranges.push(Some(b.range));
        }
        Boxes { ranges, by_spid, anchors }
    }

    /// The story of the box anchored at `cp`, the first time it is asked for.
    pub(crate) fn take_at(&mut self, cp: u32) -> Option<Range<u32>> {
        let spid = self.anchors.get(&cp)?;
        let &i = self.by_spid.get(spid)?;
        self.ranges.get_mut(i)?.take()
    }

    /// Every box not handed out yet, in story order.
    pub(crate) fn take_rest(&mut self) -> Vec<Range<u32>> {
        self.ranges.iter_mut().filter_map(Option::take).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_box_is_handed_out_once() {
        let anchors = HashMap::from([(10, 1026), (20, 1026), (30, 999)]);
        let boxes = vec![BoxStory { range: 100..110, spid: 1026 }, BoxStory { range: 110..120, spid: 1027 }];
        let mut b = Boxes::new(boxes, anchors);
        assert_eq!(b.take_at(10), Some(100..110));
        assert_eq!(b.take_at(20), None, "same shape anchored twice");
        assert_eq!(b.take_at(30), None, "a shape without a text box");
        assert_eq!(b.take_at(5), None, "no anchor");
        assert_eq!(b.take_rest(), vec![110..120]);
        assert!(b.take_rest().is_empty());
    }
}
