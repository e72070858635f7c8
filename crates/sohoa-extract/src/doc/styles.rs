//! The style sheet (STSH): style names, built-in style ids, base styles, and the
//! character/paragraph properties each style sets, resolved through the base chain.

use super::fib::FcLcb;
use super::le::{slice, u16_at};
use super::sprm::{CharProps, ParaProps};
use crate::error::ExtractError;

/// Base-chain depth beyond which a style sheet is considered cyclic.
const MAX_DEPTH: usize = 16;
const ISTD_NIL: u16 = 0x0FFF;

/// One style definition.
#[derive(Debug, Clone, Default)]
struct Std {
    name: String,
    /// Built-in style id (1..=9: Heading 1..9).
    sti: u16,
    base: Option<u16>,
    chpx: Vec<u8>,
    papx: Vec<u8>,
}

/// The document's styles and its default font.
#[derive(Debug, Clone, Default)]
pub(crate) struct Styles {
    styles: Vec<Option<Std>>,
    pub default_ftc: u16,
}

impl Styles {
    /// Parses the STSH; an absent or damaged one gives an empty sheet.
    pub(crate) fn parse(table: &[u8], at: FcLcb) -> Result<Styles, ExtractError> {
        let b = slice(table, at.fc, at.lcb, "style sheet")?;
        Ok(parse_stsh(b).unwrap_or_default())
    }

    fn get(&self, istd: u16) -> Option<&Std> {
        self.styles.get(istd as usize)?.as_ref()
    }

    /// Character properties of style `istd` with its bases applied under it.
    pub(crate) fn char_props(&self, istd: u16) -> CharProps {
        let mut p = CharProps::default();
        for s in self.chain(istd) {
            p = p.over(CharProps::parse(&s.chpx));
        }
        p
    }

    /// Paragraph properties of style `istd`, bases first.
    pub(crate) fn para_props(&self, istd: u16) -> ParaProps {
        let mut p = ParaProps::default();
        for s in self.chain(istd).iter().rev() {
            p.apply(s.papx.get(2..).unwrap_or(&[]));
        }
        p
    }

    /// The style name and heading level (built-in Heading 1..9).
    pub(crate) fn name_and_heading(&self, istd: u16) -> (Option<String>, Option<u8>) {
        match self.get(istd) {
            Some(s) => {
                let heading = (1..=9).contains(&s.sti).then_some(s.sti as u8);
                (Some(s.name.clone()).filter(|n| !n.is_empty()), heading)
            }
            None => (None, None),
        }
    }

    /// `istd` then its bases, nearest first.
    fn chain(&self, istd: u16) -> Vec<&Std> {
        let mut out = Vec::new();
        let mut cur = Some(istd);
        while let Some(i) = cur {
            let Some(s) = self.get(i) else { break };
            out.push(s);
            if out.len() >= MAX_DEPTH {
                break;
            }
            cur = s.base;
        }
        out
    }
}

/// STSH: cbStshi, STSHI (cstd, cbSTDBaseInFile, ..., rgftcStandardChp), then LPStd entries.
fn parse_stsh(b: &[u8]) -> Option<Styles> {
    let cb_stshi = u16_at(b, 0)? as usize;
    let stshi = b.get(2..2 + cb_stshi)?;
    let cstd = u16_at(stshi, 0)? as usize;
    let cb_base = u16_at(stshi, 2)? as usize;
    let default_ftc = u16_at(stshi, 12).unwrap_or(0);
    let mut at = 2 + cb_stshi;
    let mut styles = Vec::with_capacity(cstd.min(b.len() / 2));
    for _ in 0..cstd {
        let cb = u16_at(b, at)? as usize;
        let std = b.get(at + 2..at + 2 + cb)?;
        styles.push(if cb == 0 { None } else { parse_std(std, cb_base) });
        at += 2 + cb;
    }
    Some(Styles { styles, default_ftc })
}

/// One STD: StdfBase, name (xstz), then its UPXs.
fn parse_std(b: &[u8], cb_base: usize) -> Option<Std> {
    let sti = u16_at(b, 0)? & 0x0FFF;
    let w1 = u16_at(b, 2)?;
    let (stk, base) = (w1 & 0x000F, w1 >> 4);
    let cch = u16_at(b, cb_base)? as usize;
    let name_units = (0..cch).map_while(|i| u16_at(b, cb_base + 2 + 2 * i));
    let name = String::from_utf16_lossy(&name_units.collect::<Vec<_>>());
    let mut at = cb_base + 2 + 2 * cch + 2;
    let mut upx = Vec::new();
    for _ in 0..if stk == 1 { 2 } else { 1 } {
        let cb = u16_at(b, at)? as usize;
        upx.push(b.get(at + 2..at + 2 + cb)?.to_vec());
        at += 2 + cb + (cb & 1);
    }
    let (papx, chpx) = match (stk, upx.len()) {
        (1, 2) => (upx.remove(0), upx.remove(0)),
        (2, 1) => (Vec::new(), upx.remove(0)),
        _ => (Vec::new(), Vec::new()),
    };
    Some(Std { name, sti, base: (base != ISTD_NIL).then_some(base), chpx, papx })
}
