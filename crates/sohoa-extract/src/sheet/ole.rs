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
            let slot = seen.get_mut(id as usize).ok_or_else(|| format!("{what} chain leaves the FAT at sector {id}"))?;
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
