//! Formatted disk pages (FKPs): the character (CHPX) and paragraph (PAPX)
//! properties of stream-offset ranges, found through the PlcBte tables.

use super::fib::FcLcb;
use super::le::{slice, u16_at, u32_at, u8_at};
use super::sprm::{CharProps, ParaProps};
use super::styles::Styles;
use crate::error::ExtractError;

const PAGE: usize = 512;

/// Properties of the stream range `fc..fc_end`.
#[derive(Debug, Clone)]
pub(crate) struct Run<P> {
    pub fc: u32,
    pub fc_end: u32,
    pub props: P,
}

/// Sorted runs with lookup by stream offset.
#[derive(Debug, Clone)]
pub(crate) struct Runs<P>(Vec<Run<P>>);

impl<P> Runs<P> {
    /// The properties of the run holding stream offset `fc`.
    pub(crate) fn at(&self, fc: u32) -> Option<&P> {
        let i = self.0.partition_point(|r| r.fc_end <= fc);
        self.0.get(i).filter(|r| r.fc <= fc).map(|r| &r.props)
    }

    /// No runs (the table was absent or unreadable).
    pub(crate) fn empty() -> Self {
        Runs(Vec::new())
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The FKP pages a PlcBte lists.
fn pages<'a>(wd: &'a [u8], table: &[u8], plc: FcLcb) -> Result<Vec<&'a [u8]>, ExtractError> {
    if plc.lcb < 4 {
        return Ok(Vec::new());
    }
    let b = slice(table, plc.fc, plc.lcb, "PlcBte")?;
    let n = (b.len() - 4) / 8;
    let mut pns: Vec<u32> = (0..n).filter_map(|i| u32_at(b, 4 * (n + 1) + 4 * i)).map(|pn| pn & 0x003F_FFFF).collect();
    // A page listed twice would only repeat its runs (and could multiply memory).
    pns.sort_unstable();
    pns.dedup();
    Ok(pns
        .into_iter()
        .filter_map(|pn| {
            let at = (pn as usize).checked_mul(PAGE)?;
            wd.get(at..at.checked_add(PAGE)?)
        })
        .collect())
}

/// The `(fc, fc_end)` pairs of an FKP with `crun` runs.
fn bounds(page: &[u8], crun: usize, i: usize) -> Option<(u32, u32)> {
    let (a, b) = (u32_at(page, 4 * i)?, u32_at(page, 4 * i + 4)?);
    (i < crun && a <= b).then_some((a, b))
}

/// Sorts runs by offset (pages are usually in order already).
fn sorted<P>(mut v: Vec<Run<P>>) -> Runs<P> {
    v.sort_by_key(|r| r.fc);
    Runs(v)
}

/// Character properties of every run of the CHPX FKPs.
pub(crate) fn chpx_runs(wd: &[u8], table: &[u8], plc: FcLcb) -> Result<Runs<CharProps>, ExtractError> {
    let mut runs = Vec::new();
    for page in pages(wd, table, plc)? {
        let crun = page[PAGE - 1] as usize;
        for i in 0..crun {
            let Some((fc, fc_end)) = bounds(page, crun, i) else { break };
            let off = 2 * u8_at(page, 4 * (crun + 1) + i).unwrap_or(0) as usize;
            let props = if off == 0 { CharProps::default() } else { chpx_at(page, off) };
            runs.push(Run { fc, fc_end, props });
        }
    }
    Ok(sorted(runs))
}

/// The CHPX (`cb`, grpprl) at `off` in an FKP.
fn chpx_at(page: &[u8], off: usize) -> CharProps {
    let cb = u8_at(page, off).unwrap_or(0) as usize;
    let end = (off + 1 + cb).min(page.len());
    CharProps::parse(page.get(off + 1..end).unwrap_or(&[]))
}

/// Paragraph properties (style applied under direct formatting) of every run of the PAPX FKPs.
pub(crate) fn papx_runs(wd: &[u8], table: &[u8], plc: FcLcb, styles: &Styles) -> Result<Runs<Para>, ExtractError> {
    let mut runs = Vec::new();
    for page in pages(wd, table, plc)? {
        let crun = page[PAGE - 1] as usize;
        for i in 0..crun {
            let Some((fc, fc_end)) = bounds(page, crun, i) else { break };
            let off = 2 * u8_at(page, 4 * (crun + 1) + 13 * i).unwrap_or(0) as usize;
            runs.push(Run { fc, fc_end, props: papx_at(page, off, styles) });
        }
    }
    Ok(sorted(runs))
}

/// A paragraph's style and resolved properties.
#[derive(Debug, Clone, Default)]
pub(crate) struct Para {
    pub istd: u16,
    pub props: ParaProps,
}

/// The PapxInFkp at `off`: `cb` (or 0 then `cb'`), istd, grpprl.
fn papx_at(page: &[u8], off: usize, styles: &Styles) -> Para {
    if off == 0 {
        return Para { istd: 0, props: styles.para_props(0) };
    }
    let cb = u8_at(page, off).unwrap_or(0) as usize;
    let (start, len) =
        if cb == 0 { (off + 2, 2 * u8_at(page, off + 1).unwrap_or(0) as usize) } else { (off + 1, 2 * cb - 1) };
    let body = page.get(start..(start + len).min(page.len())).unwrap_or(&[]);
    let istd = u16_at(body, 0).unwrap_or(0);
    let mut props = styles.para_props(istd);
    props.apply(body.get(2..).unwrap_or(&[]));
    Para { istd, props }
}
