//! Footnotes and endnotes: where their reference marks sit in the main text and
//! which character range of the note stories holds each note's text.

use super::fib::{FcLcb, Fib};
use super::le::{plc_cps, slice};
use std::collections::HashMap;

/// Note text ranges (absolute CPs) by the CP of their reference mark.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    by_ref: HashMap<u32, (u32, u32)>,
}

impl Notes {
    /// Reads footnote and endnote tables; unreadable ones give no notes.
    pub(crate) fn parse(table: &[u8], fib: &Fib, text_len: u32) -> Notes {
        let mut by_ref = HashMap::new();
        for (refs, txts, start) in
            [(fib.fnd_ref, fib.fnd_txt, fib.footnote_start()), (fib.end_ref, fib.end_txt, fib.endnote_start())]
        {
            add_story(table, refs, txts, start, text_len, &mut by_ref);
        }
        Notes { by_ref }
    }

    /// The text range of the note whose mark is at `cp`.
    pub(crate) fn at(&self, cp: u32) -> Option<(u32, u32)> {
        self.by_ref.get(&cp).copied()
    }
}

/// Pairs the i-th reference with the i-th text range of one story.
fn add_story(table: &[u8], refs: FcLcb, txts: FcLcb, start: u32, text_len: u32, out: &mut HashMap<u32, (u32, u32)>) {
    let (Ok(r), Ok(t)) = (slice(table, refs.fc, refs.lcb, "note refs"), slice(table, txts.fc, txts.lcb, "note texts"))
    else {
        return;
    };
    if refs.lcb == 0 || txts.lcb == 0 {
        return;
    }
    let ref_cps = plc_cps(r, 2);
    let txt_cps = plc_cps(t, 0);
    // Ranges must come in order without overlap, so that all notes together
    // are read at most once whatever the tables claim.
    let mut prev_end = 0u32;
    for (i, &cp) in ref_cps.iter().take(ref_cps.len().saturating_sub(1)).enumerate() {
        let (Some(&a), Some(&b)) = (txt_cps.get(i), txt_cps.get(i + 1)) else { break };
        let (a, b) = (start.saturating_add(a), start.saturating_add(b).min(text_len));
        if a < b && a >= prev_end {
            out.insert(cp, (a, b));
            prev_end = b;
        }
    }
}
