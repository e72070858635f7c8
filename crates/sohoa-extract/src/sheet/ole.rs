//! A bounded pre-check of an .xls file's OLE (compound file) sector chains.
//!
//! calamine follows FAT chains without loop detection (a directory or stream
//! chain that cycles grows its buffer until memory runs out) and indexes the
//! FAT without bounds checks. Every chain calamine will follow is walked here
//! first, each sector at most once, so such files are refused as damaged.

/// First reserved sector id; ids at or above it end a chain.
const RESERVED: u32 = 0xFFFF_FFFA;
/// Streams this long or longer live in regular sectors, shorter ones in the mini stream.
const MINI_CUTOFF: u64 = 4096;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// The file's sectors and FAT.
struct Layout<'a> {
    bytes: &'a [u8],
    size: usize,
    fat: Vec<u32>,
}

impl<'a> Layout<'a> {
    fn sector(&self, id: u32) -> Result<&'a [u8], String> {
        let start = (id as usize).checked_add(1).and_then(|n| n.checked_mul(self.size)).ok_or("sector id overflow")?;
        self.bytes.get(start..start + self.size).ok_or_else(|| format!("sector {id} lies past the end of the file"))
    }

    /// Walks a chain; each sector at most once, never outside the FAT.
    fn chain(&self, start: u32, what: &str) -> Result<Vec<u32>, String> {
        let mut seen = vec![false; self.fat.len()];
        let mut out = Vec::new();
        let mut id = start;
        while id < RESERVED {
            let slot =
                seen.get_mut(id as usize).ok_or_else(|| format!("{what} chain leaves the FAT at sector {id}"))?;
            if *slot {
                return Err(format!("{what} chain loops at sector {id}"));
            }
            *slot = true;
            out.push(id);
            id = self.fat[id as usize];
        }
        Ok(out)
    }
}

/// Reads the header, the DIFAT and the FAT.
fn layout(bytes: &[u8]) -> Result<Layout<'_>, String> {
    let shift = u16_at(bytes, 0x1E).ok_or("header too short")?;
    if !(7..=16).contains(&shift) {
        return Err(format!("sector size 2^{shift} is not valid"));
    }
    let size = 1usize << shift;
    let max_sectors = bytes.len() / size + 1;
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 0x4C + 4 * i)).collect();
    let mut layout = Layout { bytes, size, fat: Vec::new() };
    let mut next = u32_at(bytes, 0x44).ok_or("header too short")?;
    let mut steps = 0;
    while next < RESERVED {
        steps += 1;
        if steps > max_sectors {
            return Err("DIFAT chain loops".into());
        }
        let sector = layout.sector(next)?;
        let ids: Vec<u32> = sector.chunks_exact(4).filter_map(|c| u32_at(c, 0)).collect();
        let (last, rest) = ids.split_last().ok_or("empty DIFAT sector")?;
        difat.extend_from_slice(rest);
        next = *last;
    }
    for id in difat.into_iter().filter(|&id| id < RESERVED) {
        let sector = layout.sector(id)?;
        layout.fat.extend(sector.chunks_exact(4).filter_map(|c| u32_at(c, 0)));
        if layout.fat.len() > max_sectors.saturating_mul(size / 4).max(1 << 20) {
            return Err("FAT larger than the file".into());
        }
    }
    Ok(layout)
}

/// Concatenates a regular chain's sectors.
fn chain_bytes(layout: &Layout, start: u32, what: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for id in layout.chain(start, what)? {
        out.extend_from_slice(layout.sector(id)?);
    }
    Ok(out)
}

/// Follows a mini-FAT chain through the mini stream, each mini sector once.
fn mini_chain_bytes(ministream: &[u8], minifat: &[u32], start: u32) -> Result<Vec<u8>, String> {
    let mut seen = vec![false; minifat.len()];
    let mut out = Vec::new();
    let mut id = start;
    while id < RESERVED {
        let slot = seen.get_mut(id as usize).ok_or("mini chain leaves the mini FAT")?;
        if std::mem::replace(slot, true) {
            return Err("mini chain loops".into());
        }
        let at = id as usize * 64;
        out.extend_from_slice(ministream.get(at..at + 64).ok_or("mini sector past the mini stream")?);
        id = minifat[id as usize];
    }
    Ok(out)
}

/// The bytes of the first stream named one of `names` (case-insensitive), if any.
pub(crate) fn stream(bytes: &[u8], names: &[&str]) -> Result<Option<Vec<u8>>, String> {
    let layout = layout(bytes)?;
    let dir = chain_bytes(&layout, u32_at(bytes, 0x30).ok_or("header too short")?, "directory")?;
    let entries: Vec<&[u8]> = dir.chunks_exact(128).collect();
    let Some(root) = entries.first() else { return Ok(None) };
    for entry in &entries {
        let name_len = (u16_at(entry, 64).unwrap_or(0) as usize).min(64);
        let units: Vec<u16> =
            entry[..name_len].chunks_exact(2).filter_map(|c| u16_at(c, 0)).take_while(|&u| u != 0).collect();
        let name = String::from_utf16_lossy(&units);
        if entry[66] != 2 || !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            continue;
        }
        let start = u32_at(entry, 116).unwrap_or(RESERVED);
        let len = u64_at(entry, 120).unwrap_or(0);
        let mut data = if len >= MINI_CUTOFF {
            chain_bytes(&layout, start, "stream")?
        } else {
            let ministream = chain_bytes(&layout, u32_at(root, 116).unwrap_or(RESERVED), "mini stream")?;
            let minifat_bytes = chain_bytes(&layout, u32_at(bytes, 0x3C).ok_or("header too short")?, "mini FAT")?;
            let minifat: Vec<u32> = minifat_bytes.chunks_exact(4).filter_map(|c| u32_at(c, 0)).collect();
            mini_chain_bytes(&ministream, &minifat, start)?
        };
        data.truncate(usize::try_from(len).unwrap_or(usize::MAX));
        return Ok(Some(data));
    }
    Ok(None)
}

/// The cells a BIFF `DIMENSIONS` record (0x0200) makes calamine reserve,
/// computed as calamine does (wrapping), for each such record of the stream,
/// and the area spanned by each sheet's value cells (calamine allocates the
/// rectangle from the first to the last cell, whatever DIMENSIONS says).
pub(crate) fn dimension_claims(workbook: &[u8]) -> Vec<u64> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    let mut span = CellSpan::default();
    while let (Some(typ), Some(len)) = (u16_at(workbook, pos), u16_at(workbook, pos + 2)) {
        let data = workbook.get(pos + 4..pos + 4 + len as usize).unwrap_or(&[]);
        span.add(typ, data);
        if typ == 0x000A {
            out.extend(span.take_area());
        }
        if typ == 0x0200 {
            let fields = match data.len() {
                10 => (0..4).map(|i| u16_at(data, 2 * i).map(u32::from)).collect::<Option<Vec<u32>>>(),
                14 | 16 => {
                    [u32_at(data, 0), u32_at(data, 4), u16_at(data, 8).map(u32::from), u16_at(data, 10).map(u32::from)]
                        .into_iter()
                        .collect()
                }
                _ => None,
            };
            if let Some([rf, rl, cf, cl]) = fields.as_deref().and_then(|f| <[u32; 4]>::try_from(f).ok()) {
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                let (end_r, end_c) = if rl >= 1 && cl >= 1 { (rl - 1, cl - 1) } else { (rf, cf) };
                let rows = u64::from(end_r.wrapping_sub(rf).wrapping_add(1));
                let cols = u64::from(end_c.wrapping_sub(cf).wrapping_add(1));
                out.push(rows.saturating_mul(cols));
            }
        }
        pos += 4 + len as usize;
    }
    out.extend(span.take_area());
    out
}

/// Rows and columns spanned by the value cells of one BIFF substream.
#[derive(Default)]
struct CellSpan {
    rows: Option<(u16, u16)>,
    cols: Option<(u16, u16)>,
}

impl CellSpan {
    /// Widens the span by a value cell record (FORMULA, LABELSST, NUMBER, RK,
    /// MULRK, BOOLERR, LABEL, RSTRING); other records are ignored.
    fn add(&mut self, typ: u16, data: &[u8]) {
        let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else { return };
        let last_col = match typ {
            0x0006 | 0x00FD | 0x0203 | 0x027E | 0x0205 | 0x0204 | 0x00D6 => col,
            0x00BD => data.len().checked_sub(2).and_then(|at| u16_at(data, at)).unwrap_or(col),
            _ => return,
        };
        let widen = |span: Option<(u16, u16)>, lo: u16, hi: u16| {
            Some(span.map_or((lo.min(hi), lo.max(hi)), |(a, b)| (a.min(lo).min(hi), b.max(hi).max(lo))))
        };
        self.rows = widen(self.rows, row, row);
        self.cols = widen(self.cols, col, last_col);
    }

    /// The cells of the spanned rectangle, and a fresh span.
    fn take_area(&mut self) -> Option<u64> {
        let taken = std::mem::take(self);
        let (r0, r1) = taken.rows?;
        let (c0, c1) = taken.cols?;
        Some((u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1))
    }
}

/// Checks every chain calamine follows: directory, mini stream, mini FAT, and
/// each regular stream. `Err` names the defect.
pub(crate) fn check(bytes: &[u8]) -> Result<(), String> {
    let layout = layout(bytes)?;
    let dir_start = u32_at(bytes, 0x30).ok_or("header too short")?;
    let dir_sectors = layout.chain(dir_start, "directory")?;
    layout.chain(u32_at(bytes, 0x3C).ok_or("header too short")?, "mini FAT")?;
    for (i, id) in dir_sectors.into_iter().enumerate() {
        let sector = layout.sector(id)?;
        for entry in sector.chunks_exact(128) {
            let kind = entry[66];
            let start = u32_at(entry, 116).unwrap_or(RESERVED);
            let len = u64_at(entry, 120).unwrap_or(0);
            let root = i == 0 && kind == 5;
            if root || (kind == 2 && len >= MINI_CUTOFF) {
                layout.chain(start, "stream")?;
            }
        }
    }
    Ok(())
}
