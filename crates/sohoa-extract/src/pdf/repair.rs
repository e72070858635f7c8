//! Loading damaged PDFs: when lopdf cannot parse a file, or parses it with
//! objects its cross-reference table points at but it could not read (offsets
//! shifted by inserted or removed bytes, CRLF conversion, a cut-off tail, a
//! missing xref), the file is rebuilt by scanning for `N G obj` headers, the
//! way viewers do: each object is copied as found (the last copy of a number
//! wins), stream `/Length`s are measured up to `endstream`, and a fresh xref
//! and trailer (the old `/Root`, `/Info`, `/Encrypt`, `/ID` when found, else
//! the catalog found by type) are written after them.

use super::limits::InflatedSizes;
use super::salvage::salvage_streams;
use crate::error::ExtractError;
use crate::kit::guard;
use once_cell::sync::Lazy;
use pdf_extract::xref::XrefEntry;
use pdf_extract::Document;
use regex::bytes::Regex;
use std::collections::BTreeMap;

/// Parses `bytes`, rebuilding the file when lopdf fails or misses objects;
/// with the inflated sizes the salvage pass measured.
pub(super) fn load(bytes: &[u8]) -> Result<(Document, InflatedSizes), ExtractError> {
    let first = guard::catch(|| Document::load_mem(bytes));
    let missing = match &first {
        Ok(Ok(doc)) => unread_objects(doc),
        _ => usize::MAX,
    };
    if missing == 0 {
        if let Ok(Ok(mut doc)) = first {
            let sizes = salvage_streams(&mut doc);
            return Ok((doc, sizes));
        }
    }
    let rebuilt = rebuild(bytes).and_then(|fixed| guard::catch(|| Document::load_mem(&fixed)).ok()?.ok());
    match (first, rebuilt) {
        (Ok(Ok(doc)), Some(fixed)) if fixed.objects.len() <= doc.objects.len() => Ok((doc, InflatedSizes::default())),
        (_, Some(mut fixed)) if !fixed.get_pages().is_empty() => {
            let sizes = salvage_streams(&mut fixed);
            Ok((fixed, sizes))
        }
        (Ok(Ok(doc)), _) => Ok((doc, InflatedSizes::default())),
        (Ok(Err(e)), _) => Err(ExtractError::damaged("pdf", e)),
        (Err(p), _) => Err(ExtractError::damaged("pdf", format!("parser crashed: {p}"))),
    }
}

/// Objects the xref table lists as in use that lopdf could not read.
fn unread_objects(doc: &Document) -> usize {
    let listed = doc.reference_table.entries.iter().filter(|(_, e)| matches!(e, XrefEntry::Normal { .. }));
    listed.filter(|(&id, e)| matches!(e, XrefEntry::Normal { generation, .. } if !doc.objects.contains_key(&(id, *generation)))).count()
}

static OBJ: Lazy<Regex> = Lazy::new(|| {
    // invariant: a constant pattern that compiles
    Regex::new(r"(?-u)(?:^|[\r\n\s])(\d{1,10})\s+(\d{1,5})\s+obj\b").expect("object header pattern")
});
static LENGTH: Lazy<Regex> = Lazy::new(|| {
    // invariant: a constant pattern that compiles
    Regex::new(r"(?-u)/Length\s+\d+(?:\s+\d+\s+R)?").expect("length pattern")
});
static TRAILER_KEY: Lazy<Regex> = Lazy::new(|| {
    // invariant: a constant pattern that compiles
    Regex::new(r"(?-u)/(Root|Info|Encrypt)\s+(\d+\s+\d+\s+R)").expect("trailer key pattern")
});
static ID: Lazy<Regex> = Lazy::new(|| {
    // invariant: a constant pattern that compiles
    Regex::new(r"(?-u)/ID\s*\[\s*(<[0-9A-Fa-f\s]*>)\s*(<[0-9A-Fa-f\s]*>)\s*\]").expect("id pattern")
});
static CATALOG: Lazy<Regex> = Lazy::new(|| {
    // invariant: a constant pattern that compiles
    Regex::new(r"(?-u)/Type\s*/Catalog\b").expect("catalog pattern")
});

/// The file rewritten from the objects found in it; `None` when it has none.
pub(super) fn rebuild(bytes: &[u8]) -> Option<Vec<u8>> {
    let objects = scan_objects(bytes);
    if objects.is_empty() {
        return None;
    }
    let mut trailer: BTreeMap<&str, String> = BTreeMap::new();
    for c in TRAILER_KEY.captures_iter(bytes) {
        let key = match &c[1] {
            b"Root" => "Root",
            b"Info" => "Info",
            _ => "Encrypt",
        };
        trailer.insert(key, String::from_utf8_lossy(&c[2]).into_owned());
    }
    let root_ok = trailer
        .get("Root")
        .and_then(|r| r.split_whitespace().next()?.parse::<u32>().ok())
        .is_some_and(|n| objects.contains_key(&n));
    if !root_ok {
        let (num, (gen, _)) = objects.iter().find(|(_, (_, body))| CATALOG.is_match(body))?;
        trailer.insert("Root", format!("{num} {gen} R"));
    }
    let id = ID
        .captures_iter(bytes)
        .last()
        .map(|c| format!("/ID [{} {}]", String::from_utf8_lossy(&c[1]), String::from_utf8_lossy(&c[2])));
    Some(write_file(&objects, &trailer, id))
}

/// Object number → (generation, `obj … endobj` body with stream lengths fixed).
fn scan_objects(bytes: &[u8]) -> BTreeMap<u32, (u16, Vec<u8>)> {
    let heads: Vec<(usize, usize, u32, u16)> = OBJ
        .captures_iter(bytes)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let num = std::str::from_utf8(&c[1]).ok()?.parse().ok()?;
            let gen = std::str::from_utf8(&c[2]).ok()?.parse().ok()?;
            Some((whole.start(), whole.end(), num, gen))
        })
        .collect();
    let mut objects = BTreeMap::new();
    for (i, &(_, body_start, num, gen)) in heads.iter().enumerate() {
        let next = heads.get(i + 1).map_or(bytes.len(), |h| h.0);
        let body = &bytes[body_start..next];
        let body = match find(body, b"endobj") {
            Some(end) if !has_unfinished_stream(&body[..end]) => &body[..end],
            _ => body,
        };
        if let Some(fixed) = fix_stream(body) {
            objects.insert(num, (gen, fixed));
        }
    }
    objects
}

/// Whether `body` opens a stream that `endobj` would cut (the word inside data).
fn has_unfinished_stream(body: &[u8]) -> bool {
    find(body, b"stream").is_some_and(|s| find(&body[s..], b"endstream").is_none())
}

/// The object body with a measured `/Length` (a stream cut short ends where
/// the file or the next object starts); `None` for an empty body.
fn fix_stream(body: &[u8]) -> Option<Vec<u8>> {
    let trimmed = body.trim_ascii();
    if trimmed.is_empty() {
        return None;
    }
    let Some(kw) = find(trimmed, b"stream").filter(|&k| !trimmed[..k].ends_with(b"end")) else {
        return Some(trimmed.to_vec());
    };
    let mut data_start = kw + b"stream".len();
    if trimmed.get(data_start) == Some(&b'\r') {
        data_start += 1;
    }
    if trimmed.get(data_start) == Some(&b'\n') {
        data_start += 1;
    }
    let data_start = data_start.min(trimmed.len());
    let mut data_end = find(&trimmed[data_start..], b"endstream").map_or(trimmed.len(), |e| data_start + e);
    if trimmed[..data_end].ends_with(b"\r\n") {
        data_end -= 2;
    } else if trimmed[..data_end].ends_with(b"\n") || trimmed[..data_end].ends_with(b"\r") {
        data_end -= 1;
    }
    let data_end = data_end.max(data_start);
    let dict = &trimmed[..kw];
    let length = format!("/Length {}", data_end - data_start);
    let dict = match LENGTH.find(dict) {
        Some(m) => [&dict[..m.start()], length.as_bytes(), &dict[m.end()..]].concat(),
        None => match dict.iter().rposition(|&b| b == b'>') {
            Some(p) if p > 0 => [&dict[..p - 1], b" ", length.as_bytes(), b" ", &dict[p - 1..]].concat(),
            _ => return None,
        },
    };
    Some([&dict[..], b"stream\n", &trimmed[data_start..data_end], b"\nendstream"].concat())
}

/// A complete file: header, objects, xref table, trailer.
fn write_file(
    objects: &BTreeMap<u32, (u16, Vec<u8>)>,
    trailer: &BTreeMap<&str, String>,
    id: Option<String>,
) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = BTreeMap::new();
    for (num, (gen, body)) in objects {
        offsets.insert(*num, (out.len(), *gen));
        out.extend_from_slice(format!("{num} {gen} obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let size = objects.keys().next_back().map_or(1, |n| n + 1);
    let xref_at = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f\r\n").as_bytes());
    for n in 1..size {
        let line = match offsets.get(&n) {
            Some((off, gen)) => format!("{off:010} {gen:05} n\r\n"),
            None => "0000000000 65535 f\r\n".to_string(),
        };
        out.extend_from_slice(line.as_bytes());
    }
    let keys: String = trailer.iter().map(|(k, v)| format!(" /{k} {v}")).collect();
    let id = id.map(|i| format!(" {i}")).unwrap_or_default();
    out.extend_from_slice(format!("trailer\n<< /Size {size}{keys}{id} >>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}

fn find(bytes: &[u8], needle: &[u8]) -> Option<usize> {
    bytes.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &[u8] = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 99 >>\nstream\nBT ET\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n";

    #[test]
    fn a_file_without_xref_is_rebuilt_and_loads() {
        assert!(Document::load_mem(GOOD).is_err());
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let (doc, _) = load(GOOD).expect("rebuilt");
        assert_eq!(doc.get_pages().len(), 1);
        let content = doc.get_page_content(doc.get_pages()[&1]).expect("content");
        // lopdf 0.42 keeps the end of line before `endstream` when /Length is wrong;
        // trailing white space is nothing in a content stream.
        assert_eq!(content.trim_ascii_end(), b"BT ET");
    }

    #[test]
    fn a_cut_stream_ends_at_the_end_of_the_file() {
        let cut = &GOOD[..GOOD.len() - 40];
        let rebuilt = rebuild(cut).expect("objects found");
        let doc = Document::load_mem(&rebuilt).expect("loads");
        assert_eq!(doc.get_pages().len(), 1);
    }

    #[test]
    fn nothing_to_rebuild_from_noise() {
        assert!(rebuild(b"%PDF-1.4 garbage").is_none());
    }
}
