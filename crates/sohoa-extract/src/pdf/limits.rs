//! Safety limits checked around the PDF parser: the nesting depth of arrays
//! and dictionaries (lopdf's parser recurses once per level and overflows the
//! stack on deep nesting) before parsing, and the decompressed size and count
//! of Flate streams (a few MB can inflate to many GB) after it.

use crate::error::ExtractError;
use flate2::read::ZlibDecoder;
use pdf_extract::{Document, Object, ObjectId};
use std::collections::HashMap;
use std::io::Read;

/// Deepest nesting of arrays and dictionaries accepted (`pdf.nesting`).
pub(super) const MAX_NESTING: usize = 256;
/// Largest decompressed size of one stream (`pdf.stream_bytes`).
pub(super) const MAX_STREAM_BYTES: u64 = 256 << 20;
/// Largest decompressed size of all streams together (`pdf.total_stream_bytes`).
pub(super) const MAX_TOTAL_STREAM_BYTES: u64 = 1 << 30;
/// Most streams in one file (`pdf.streams`).
pub(super) const MAX_STREAMS: usize = 200_000;

/// Inflated sizes of Flate streams measured already (by the salvage pass on
/// load), so [`check_streams`] does not inflate them again. Valid only while
/// the streams' bytes stay as measured: [`InflatedSizes::forget`] after decryption.
#[derive(Debug, Default)]
pub(super) struct InflatedSizes(HashMap<ObjectId, u64>);

impl InflatedSizes {
    /// The stream `id` inflates cleanly to `size` bytes.
    pub fn record(&mut self, id: ObjectId, size: u64) {
        self.0.insert(id, size);
    }

    /// Drops every size (the streams' bytes changed).
    pub fn forget(&mut self) {
        self.0.clear();
    }

    fn get(&self, id: ObjectId) -> Option<u64> {
        self.0.get(&id).copied()
    }
}

fn limit(cause: String) -> ExtractError {
    ExtractError::Limit { format: "pdf", cause }
}

/// Refuses a file whose arrays or dictionaries nest deeper than [`MAX_NESTING`]
/// (strings, comments and stream data are skipped).
pub(super) fn check_nesting(bytes: &[u8]) -> Result<(), ExtractError> {
    let (mut depth, mut i) = (0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'%' => i = skip_to_eol(bytes, i),
            b'(' => i = skip_string(bytes, i),
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b's' if bytes[i..].starts_with(b"stream") && !bytes[..i].ends_with(b"end") => {
                i = find(bytes, i + 6, b"endstream").unwrap_or(bytes.len());
            }
            _ => {}
        }
        if depth > MAX_NESTING {
            return Err(limit(format!(
                "arrays and dictionaries nest deeper than {MAX_NESTING} levels (limit pdf.nesting)"
            )));
        }
        i += 1;
    }
    Ok(())
}

/// Refuses a file whose Flate streams inflate past [`MAX_STREAM_BYTES`] each
/// or [`MAX_TOTAL_STREAM_BYTES`] together, or that holds more than [`MAX_STREAMS`] streams;
/// a stream whose size `known` holds is not inflated again.
pub(super) fn check_streams(doc: &Document, known: &InflatedSizes) -> Result<(), ExtractError> {
    let (mut count, mut total) = (0usize, 0u64);
    for (&id, obj) in &doc.objects {
        let Object::Stream(stream) = obj else { continue };
        count += 1;
        if count > MAX_STREAMS {
            return Err(limit(format!("more than {MAX_STREAMS} streams (limit pdf.streams)")));
        }
        if !is_flate(stream.dict.get(b"Filter").ok()) {
            continue;
        }
        let size = known.get(id).unwrap_or_else(|| inflated_size(&stream.content, MAX_STREAM_BYTES + 1));
        if size > MAX_STREAM_BYTES {
            return Err(limit(format!(
                "a stream inflates past {} MiB (limit pdf.stream_bytes)",
                MAX_STREAM_BYTES >> 20
            )));
        }
        total += size;
        if total > MAX_TOTAL_STREAM_BYTES {
            return Err(limit(format!(
                "streams inflate past {} MiB in all (limit pdf.total_stream_bytes)",
                MAX_TOTAL_STREAM_BYTES >> 20
            )));
        }
    }
    Ok(())
}

/// Whether a `/Filter` value names FlateDecode (alone or in a chain).
fn is_flate(filter: Option<&Object>) -> bool {
    match filter {
        Some(Object::Name(n)) => n == b"FlateDecode" || n == b"Fl",
        Some(Object::Array(a)) => a.iter().any(|f| is_flate(Some(f))),
        _ => false,
    }
}

/// Bytes `data` inflates to, counted up to `cap` (a broken stream counts what came out).
fn inflated_size(data: &[u8], cap: u64) -> u64 {
    let mut decoder = ZlibDecoder::new(data).take(cap);
    std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or_else(|_| decoder.limit().abs_diff(cap))
}

fn skip_to_eol(bytes: &[u8], i: usize) -> usize {
    bytes[i..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(bytes.len(), |p| i + p)
}

/// The index of the `)` closing the literal string opening at `i`.
fn skip_string(bytes: &[u8], i: usize) -> usize {
    let (mut depth, mut j) = (0usize, i);
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
        j += 1;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_and_strings_and_streams_do_not_count() {
        let deep = format!("1 0 obj {}{} endobj", "[".repeat(50_000), "]".repeat(50_000));
        let err = check_nesting(deep.as_bytes()).expect_err("too deep");
        assert!(err.to_string().contains("pdf.nesting"), "{err}");
        let fine =
            format!("1 0 obj << /A [1 2] /S ({}) >> stream\n{}\nendstream endobj", "[".repeat(1000), "[".repeat(1000));
        assert!(check_nesting(fine.as_bytes()).is_ok());
    }

    #[test]
    fn inflated_size_is_capped() {
        use flate2::write::ZlibEncoder;
        use std::io::Write;
        let mut enc = ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![b' '; 4 << 20]).expect("in memory");
        let small = enc.finish().expect("in memory");
        assert_eq!(inflated_size(&small, 1 << 30), 4 << 20);
        assert_eq!(inflated_size(&small, 1000), 1000);
        assert!(is_flate(Some(&Object::Name(b"FlateDecode".to_vec()))));
    }
}
