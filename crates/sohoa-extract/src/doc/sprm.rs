//! Property modifiers (sprms): walking a grpprl and reading the character and paragraph properties sohoa uses.

use super::le::{u16_at, u32_at, u8_at};

pub(crate) const CHAR_FTC0: u16 = 0x4A4F;
pub(crate) const CHAR_ISTD: u16 = 0x4A30;
pub(crate) const CHAR_BOLD: u16 = 0x0835;
pub(crate) const CHAR_ITALIC: u16 = 0x0836;
/// Hidden text (sprmCFVanish) and text deleted with change tracking (sprmCFRMarkDel).
pub(crate) const CHAR_VANISH: u16 = 0x083C;
pub(crate) const CHAR_DELETED: u16 = 0x0800;
/// Font size in half-points.
pub(crate) const CHAR_HPS: u16 = 0x4A43;
pub(crate) const PARA_DXA_LEFT: u16 = 0x845E;
pub(crate) const PARA_DXA_LEFT80: u16 = 0x840F;
pub(crate) const PARA_IN_TABLE: u16 = 0x2416;
pub(crate) const PARA_TTP: u16 = 0x2417;
pub(crate) const PARA_ITAP: u16 = 0x6649;
pub(crate) const PARA_INNER_TTP: u16 = 0x244C;
pub(crate) const PARA_JC80: u16 = 0x2403;
pub(crate) const PARA_JC: u16 = 0x2461;
pub(crate) const PARA_OUTLINE: u16 = 0x2640;
pub(crate) const PARA_ILVL: u16 = 0x260A;
pub(crate) const PARA_ILFO: u16 = 0x460B;
pub(crate) const TABLE_DEF: u16 = 0xD608;
pub(crate) const TABLE_HEADER: u16 = 0x3404;
const PARA_CHG_TABS: u16 = 0xC615;

/// Iterates `(sprm, operand)` over a grpprl; stops at the first malformed sprm.
pub(crate) struct Sprms<'a> {
    grpprl: &'a [u8],
    at: usize,
}

impl<'a> Sprms<'a> {
    pub(crate) fn new(grpprl: &'a [u8]) -> Self {
        Sprms { grpprl, at: 0 }
    }

    /// Operand length of `sprm` whose operand starts at `op` (including any length prefix).
    fn operand_len(&self, sprm: u16, op: usize) -> Option<usize> {
        match sprm >> 13 {
            0 | 1 => Some(1),
            2 | 4 | 5 => Some(2),
            3 => Some(4),
            7 => Some(3),
            _ if sprm == TABLE_DEF => Some(u16_at(self.grpprl, op)? as usize + 1),
            _ if sprm == PARA_CHG_TABS => Some(u8_at(self.grpprl, op)? as usize + 1),
            _ => Some(u8_at(self.grpprl, op)? as usize + 1),
        }
    }
}

impl<'a> Iterator for Sprms<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let sprm = u16_at(self.grpprl, self.at)?;
        let op = self.at + 2;
        let len = self.operand_len(sprm, op)?;
        let operand = self.grpprl.get(op..op.checked_add(len)?)?;
        self.at = op + len;
        Some((sprm, operand))
    }
}

/// The character properties a grpprl sets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CharProps {
    pub ftc: Option<u16>,
    pub istd: Option<u16>,
    /// sprmCFBold operand: 0 off, 1 on, 0x80 as the style, 0x81 opposite of the style.
    pub bold: Option<u8>,
    /// sprmCFItalic operand, as `bold`.
    pub italic: Option<u8>,
    /// Not printed: hidden, or deleted under change tracking.
    pub hidden: bool,
    /// Font size in half-points.
    pub hps: Option<u16>,
}

impl CharProps {
    /// Reads a CHPX grpprl.
    pub(crate) fn parse(grpprl: &[u8]) -> Self {
        let mut p = CharProps::default();
        for (sprm, op) in Sprms::new(grpprl) {
            match sprm {
                CHAR_FTC0 => p.ftc = u16_at(op, 0),
                CHAR_ISTD => p.istd = u16_at(op, 0),
                CHAR_BOLD => p.bold = op.first().copied(),
                CHAR_ITALIC => p.italic = op.first().copied(),
                CHAR_HPS => p.hps = u16_at(op, 0),
                CHAR_VANISH | CHAR_DELETED => p.hidden |= op.first() == Some(&1),
                _ => {}
            }
        }
        p
    }

    /// `self` with the unset fields taken from `under`.
    pub(crate) fn over(self, under: CharProps) -> CharProps {
        CharProps {
            ftc: self.ftc.or(under.ftc),
            istd: self.istd.or(under.istd),
            bold: toggle_over(self.bold, under.bold),
            italic: toggle_over(self.italic, under.italic),
            hidden: self.hidden || under.hidden,
            hps: self.hps.or(under.hps),
        }
    }

    /// Bold once resolved down to the style sheet.
    pub(crate) fn is_bold(&self) -> bool {
        self.bold == Some(1)
    }

    /// Italic once resolved down to the style sheet.
    pub(crate) fn is_italic(&self) -> bool {
        self.italic == Some(1)
    }
}

/// A toggle operand over the one beneath it: 0x80 keeps it, 0x81 inverts it.
fn toggle_over(top: Option<u8>, under: Option<u8>) -> Option<u8> {
    match top {
        Some(0x80) | None => under,
        Some(0x81) => Some(u8::from(under != Some(1))),
        t => t,
    }
}

/// The paragraph properties a grpprl sets.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ParaProps {
    pub in_table: bool,
    /// Table terminating paragraph: this mark ends a row.
    pub ttp: bool,
    pub inner_ttp: bool,
    /// Table nesting depth (0: not in a table).
    pub itap: u32,
    pub jc: Option<u8>,
    pub outline: Option<u8>,
    /// Left indent in twips.
    pub indent: Option<i32>,
    pub header_row: bool,
    /// 1-based list override (0: not in a list) and list level.
    pub ilfo: u16,
    pub ilvl: u8,
    /// Cell boundaries (twips) and merge flags from sprmTDefTable.
    pub cells: Vec<CellDef>,
}

/// One cell of a row definition.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct CellDef {
    pub left: i32,
    pub right: i32,
    /// Merged into the cell on its left (Word 97 horizontal merge).
    pub h_merged: bool,
    pub v_merge: crate::kit::rows::VMerge,
}

impl ParaProps {
    /// Reads the grpprl of a PAPX (after its istd).
    pub(crate) fn apply(&mut self, grpprl: &[u8]) {
        for (sprm, op) in Sprms::new(grpprl) {
            let b = op.first().copied().unwrap_or(0);
            match sprm {
                PARA_IN_TABLE => self.in_table = b != 0,
                PARA_TTP => self.ttp = b != 0,
                PARA_INNER_TTP => self.inner_ttp = b != 0,
                PARA_ITAP => self.itap = u32_at(op, 0).unwrap_or(0),
                PARA_JC80 | PARA_JC => self.jc = Some(b),
                PARA_OUTLINE => self.outline = Some(b),
                PARA_DXA_LEFT | PARA_DXA_LEFT80 => self.indent = u16_at(op, 0).map(|v| i32::from(v as i16)),
                TABLE_HEADER => self.header_row = b != 0,
                PARA_ILFO => self.ilfo = u16_at(op, 0).unwrap_or(0),
                PARA_ILVL => self.ilvl = b.min(8),
                TABLE_DEF => self.cells = table_def(op),
                _ => {}
            }
        }
    }
}

/// Parses a TDefTableOperand: `cb`, `itcMac`, `rgdxaCenter[itcMac+1]`, `rgTc80[itcMac]`.
fn table_def(op: &[u8]) -> Vec<CellDef> {
    let n = u8_at(op, 2).unwrap_or(0) as usize;
    let centers: Vec<i32> = (0..=n).map_while(|i| u16_at(op, 3 + 2 * i).map(|v| i32::from(v as i16))).collect();
    let tc_base = 3 + 2 * (n + 1);
    (0..n.min(centers.len().saturating_sub(1)))
        .map(|i| {
            let grf = u16_at(op, tc_base + 20 * i).unwrap_or(0);
            CellDef {
                left: centers[i],
                right: centers[i + 1],
                h_merged: grf & 0x0002 != 0,
                v_merge: crate::kit::rows::VMerge::from_bits(grf & 0x0020 != 0, grf & 0x0040 != 0),
            }
        })
        .collect()
}
