//! Word's automatic list numbering: list definitions (LSTF + LVL), list
//! overrides (LFO), and the running counters that render a paragraph's label
//! as Word prints it.

use super::fib::FcLcb;
use super::le::{u16_at, u32_at, u8_at};
use std::collections::HashMap;

const LSTF_LEN: usize = 28;
const LVLF_LEN: usize = 28;
const LFO_LEN: usize = 16;
/// `nfc` of a bullet level and of a level without a number.
const NFC_BULLET: u8 = 23;
const NFC_NONE: u8 = 255;

/// One list level.
#[derive(Debug, Clone, Default)]
struct Level {
    start: i32,
    nfc: u8,
    /// Upper levels shown as decimal (`fLegal`).
    legal: bool,
    /// The number text: literal chars, and placeholders `0..=8` for level numbers.
    text: Vec<u16>,
    /// 1-based positions of the placeholders in `text`.
    placeholders: [u8; 9],
}

/// One list: its id and up to nine levels.
#[derive(Debug, Clone, Default)]
struct List {
    lsid: i32,
    levels: Vec<Level>,
}

/// One override: which list, and per-level start-at overrides.
#[derive(Debug, Clone, Default)]
struct Override {
    lsid: i32,
    start_at: HashMap<u8, i32>,
    /// Levels whose start-at has not been applied yet.
    pending: Vec<u8>,
}

/// All lists of a document and their counters.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    lists: Vec<List>,
    overrides: Vec<Override>,
    counters: HashMap<i32, [Option<i32>; 9]>,
}

impl Lists {
    /// Parses PlfLst (with the LVLs after it) and PlfLfo; anything unreadable gives no lists.
    pub(crate) fn parse(table: &[u8], lst: FcLcb, lfo: FcLcb) -> Lists {
        let lists = parse_lists(table, lst.fc as usize).unwrap_or_default();
        let overrides = parse_overrides(table, lfo).unwrap_or_default();
        Lists { lists, overrides, counters: HashMap::new() }
    }

    /// The label of the next paragraph numbered by override `ilfo` (1-based) at level `ilvl`.
    pub(crate) fn next_label(&mut self, ilfo: u16, ilvl: u8) -> Option<String> {
        let ov = self.overrides.get_mut((ilfo as usize).checked_sub(1)?)?;
        let lsid = ov.lsid;
        let restart = ov.pending.iter().position(|&l| l == ilvl).map(|i| ov.pending.remove(i));
        let restart_at = restart.and_then(|l| ov.start_at.get(&l).copied());
        let list = self.lists.iter().find(|l| l.lsid == lsid)?;
        let level = list.levels.get(ilvl as usize)?;
        let counters = self.counters.entry(lsid).or_insert([None; 9]);
        let il = ilvl as usize;
        counters[il] = Some(match (restart_at, counters[il]) {
            (Some(s), _) => s,
            (None, Some(n)) => n.saturating_add(1),
            (None, None) => level.start,
        });
        for deeper in counters.iter_mut().skip(il + 1) {
            *deeper = None;
        }
        let label = render(level, list, counters);
        Some(label).filter(|l| !l.trim().is_empty())
    }
}

/// The number text of `level` with every placeholder replaced by its level's counter.
fn render(level: &Level, list: &List, counters: &[Option<i32>; 9]) -> String {
    let mut out = String::new();
    for (i, &u) in level.text.iter().enumerate() {
        let is_placeholder = u < 9 && level.placeholders.iter().any(|&p| p as usize == i + 1);
        if !is_placeholder {
            out.push(char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}'));
            continue;
        }
        let def = list.levels.get(u as usize);
        let n = counters[u as usize].or(def.map(|d| d.start)).unwrap_or(1);
        // Legal numbering shows every level's number in decimal.
        let nfc = if level.legal { 0 } else { def.map_or(0, |d| d.nfc) };
        out.push_str(&format_number(n, nfc));
    }
    out.trim().to_string()
}

/// A counter in a number format.
fn format_number(n: i32, nfc: u8) -> String {
    match nfc {
        1 => roman(n).to_uppercase(),
        2 => roman(n),
        3 => letter(n).to_uppercase(),
        4 => letter(n),
        22 => format!("{n:02}"),
        NFC_BULLET | NFC_NONE => String::new(),
        _ => n.to_string(),
    }
}

/// Lower-case roman numeral (1..=3999; others as decimal).
fn roman(n: i32) -> String {
    if !(1..=3999).contains(&n) {
        return n.to_string();
    }
    const TABLE: [(i32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Lower-case letter numbering: a..z, then aa, bb...
fn letter(n: i32) -> String {
    if n < 1 {
        return n.to_string();
    }
    let i = (n - 1) as usize;
    let c = (b'a' + (i % 26) as u8) as char;
    std::iter::repeat_n(c, (i / 26 + 1).min(10)).collect()
}

/// PlfLst: `cLst`, LSTFs, then each list's LVLs (1 if simple, else 9).
fn parse_lists(table: &[u8], at: usize) -> Option<Vec<List>> {
    let count = u16_at(table, at)? as i16;
    let count = (count.max(0) as usize).min(table.len() / LSTF_LEN);
    let mut pos = at + 2 + count * LSTF_LEN;
    let mut lists = Vec::with_capacity(count);
    for i in 0..count {
        let lstf = at + 2 + i * LSTF_LEN;
        let lsid = u32_at(table, lstf)? as i32;
        let simple = u8_at(table, lstf + 26)? & 1 != 0;
        let mut levels = Vec::new();
        for _ in 0..if simple { 1 } else { 9 } {
            let (level, next) = parse_level(table, pos)?;
            levels.push(level);
            pos = next;
        }
        lists.push(List { lsid, levels });
    }
    Some(lists)
}

/// One LVL at `at`: LVLF, grpprlPapx, grpprlChpx, number text. Returns it and the offset after it.
fn parse_level(table: &[u8], at: usize) -> Option<(Level, usize)> {
    let lvlf = table.get(at..at.checked_add(LVLF_LEN)?)?;
    let start = u32_at(lvlf, 0)? as i32;
    let (nfc, flags) = (lvlf[4], lvlf[5]);
    let mut placeholders = [0u8; 9];
    placeholders.copy_from_slice(&lvlf[6..15]);
    let (cb_chpx, cb_papx) = (lvlf[24] as usize, lvlf[25] as usize);
    let xst = at + LVLF_LEN + cb_papx + cb_chpx;
    let cch = u16_at(table, xst)? as usize;
    let text: Vec<u16> = (0..cch).map(|i| u16_at(table, xst + 2 + 2 * i)).collect::<Option<_>>()?;
    let level = Level { start, nfc, legal: flags & 0x04 != 0, text, placeholders };
    Some((level, xst + 2 + 2 * cch))
}

/// PlfLfo: `lfoMac`, LFOs, then one LFOData per LFO (cp, LFOLVLs with optional LVLs).
fn parse_overrides(table: &[u8], at: FcLcb) -> Option<Vec<Override>> {
    if at.lcb < 4 {
        return None;
    }
    let base = at.fc as usize;
    let count = (u32_at(table, base)? as usize).min(table.len() / LFO_LEN);
    let mut out = Vec::with_capacity(count);
    let mut data = base + 4 + count * LFO_LEN;
    for i in 0..count {
        let lfo = base + 4 + i * LFO_LEN;
        let lsid = u32_at(table, lfo)? as i32;
        let clfolvl = u8_at(table, lfo + 12)?;
        let mut ov = Override { lsid, ..Default::default() };
        data += 4; // LFOData.cp
        for _ in 0..clfolvl {
            data = parse_lfolvl(table, data, &mut ov)?;
        }
        out.push(ov);
    }
    Some(out)
}

/// One LFOLVL (start-at override, optionally followed by a whole LVL); returns the offset after it.
fn parse_lfolvl(table: &[u8], at: usize, ov: &mut Override) -> Option<usize> {
    let start = u32_at(table, at)? as i32;
    let flags = u32_at(table, at + 4)?;
    let ilvl = (flags & 0x0F) as u8;
    if flags & 0x10 != 0 {
        ov.start_at.insert(ilvl, start);
        ov.pending.push(ilvl);
    }
    let mut next = at + 8;
    if flags & 0x20 != 0 {
        let (_, after) = parse_level(table, next)?;
        next = after;
    }
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, 1), "IV");
        assert_eq!(format_number(14, 2), "xiv");
        assert_eq!(format_number(2, 4), "b");
        assert_eq!(format_number(27, 3), "AA");
        assert_eq!(format_number(7, 22), "07");
    }

    #[test]
    fn multi_level_label_uses_upper_counters() {
        let lvl = |nfc, text: &str, ph: &[u8]| {
            let mut placeholders = [0u8; 9];
            placeholders[..ph.len()].copy_from_slice(ph);
            let text =
                text.chars().map(|c| if c.is_ascii_digit() { c as u16 - '0' as u16 } else { c as u16 }).collect();
            Level { start: 1, nfc, legal: false, text, placeholders }
        };
        let list = List { lsid: 7, levels: vec![lvl(1, "0.", &[1]), lvl(0, "0.1.", &[1, 3])] };
        let mut lists = Lists {
            lists: vec![list],
            overrides: vec![Override { lsid: 7, ..Default::default() }],
            ..Default::default()
        };
        assert_eq!(lists.next_label(1, 0).as_deref(), Some("I."));
        assert_eq!(lists.next_label(1, 1).as_deref(), Some("I.1."));
        assert_eq!(lists.next_label(1, 1).as_deref(), Some("I.2."));
        assert_eq!(lists.next_label(1, 0).as_deref(), Some("II."));
        assert_eq!(lists.next_label(1, 1).as_deref(), Some("II.1."));
    }
}
