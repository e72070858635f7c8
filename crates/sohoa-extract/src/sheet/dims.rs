//! The area an XLSX worksheet makes calamine allocate, checked before
//! calamine reads it: calamine reserves one slot per cell of the rectangle
//! from the first to the last cell with a value, so two cells at `A1` and
//! `XFD1048576` ask for 17 billion slots.

use super::grid::MAX_CELLS;
use crate::error::ExtractError;
use crate::kit::SafeZip;

/// Refuses a workbook with a worksheet whose value cells span more than
/// [`MAX_CELLS`] cells (`sheet.cells`).
pub(super) fn check_xlsx(zip: &mut SafeZip) -> Result<(), ExtractError> {
    let sheets: Vec<String> =
        zip.names().into_iter().filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml")).collect();
    for name in sheets {
        let Some(xml) = zip.read(&name)? else { continue };
        let area = value_area(&xml);
        if area > MAX_CELLS {
            return Err(ExtractError::Limit {
                format: "xlsx",
                cause: format!("{name} spans {area} cells, limit {MAX_CELLS} (limit sheet.cells)"),
            });
        }
    }
    Ok(())
}

/// Rows × columns of the rectangle holding every `<c r="…">` with content
/// (self-closing cells hold only a style and are not allocated).
fn value_area(xml: &[u8]) -> u64 {
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    let mut i = 0;
    while let Some(p) = find(xml, i, b"<c ") {
        let end = find(xml, p, b">").unwrap_or(xml.len());
        i = end;
        let tag = &xml[p..end];
        if tag.ends_with(b"/") {
            continue;
        }
        let Some((r, c)) = attr(tag, b" r=\"").and_then(cell_ref) else { continue };
        bounds = Some(match bounds {
            None => (r, c, r, c),
            Some((r0, c0, r1, c1)) => (r0.min(r), c0.min(c), r1.max(r), c1.max(c)),
        });
    }
    bounds.map_or(0, |(r0, c0, r1, c1)| u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1))
}

/// The value of the attribute starting with `key` (e.g. ` r="`) in `tag`.
fn attr<'a>(tag: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let start = find(tag, 0, key)? + key.len();
    let len = tag[start..].iter().position(|&b| b == b'"')?;
    Some(&tag[start..start + len])
}

/// `(row, column)` of an A1 reference, both from 1.
fn cell_ref(a1: &[u8]) -> Option<(u32, u32)> {
    let letters = a1.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = a1[..letters].iter().fold(0u32, |acc, b| acc * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1));
    let row: u32 = std::str::from_utf8(&a1[letters..]).ok()?.parse().ok()?;
    Some((row, col))
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_apart_cells_make_a_huge_area_and_style_only_cells_do_not() {
        let sparse =
            br#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
        assert_eq!(value_area(sparse), 1_048_576 * 16_384);
        let styled = br#"<c r="B2"><v>1</v></c><c r="C3" s="1"/><c r="XFD9" s="2"/>"#;
        assert_eq!(value_area(styled), 1);
        assert_eq!(cell_ref(b"AA10"), Some((10, 27)));
        assert_eq!(cell_ref(b"10"), None);
    }
}
