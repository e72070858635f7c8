//! Damaged Flate streams of a rebuilt PDF: a stream that no longer inflates is
//! replaced by what can still be read from it, unfiltered. Two kinds of damage
//! are common: bytes inserted or cut (what inflates before the damage is kept,
//! as poppler does), and CRLF conversion by a text-mode transfer (a `\r` put
//! before each `\n` of the compressed bytes), which is undone. The sizes of
//! the streams that inflate cleanly are kept for [`super::limits::check_streams`].

use super::limits::InflatedSizes;
use flate2::{Decompress, FlushDecompress, Status};
use pdf_extract::{Document, Object};

/// Largest output kept from one damaged stream.
const SALVAGE_CAP: usize = super::limits::MAX_STREAM_BYTES as usize;
/// Compressed bytes inflated, at most, while undoing the CRLF conversion of one stream.
const UNDO_BUDGET: usize = 32 << 20;

/// Replaces each Flate stream (without predictor) that fails to inflate by
/// what could be salvaged from it; returns the inflated sizes of those that
/// inflate cleanly.
pub(super) fn salvage_streams(doc: &mut Document) -> InflatedSizes {
    let mut sizes = InflatedSizes::default();
    let mut scratch = vec![0u8; SCRATCH];
    for (&id, obj) in &mut doc.objects {
        let Object::Stream(stream) = obj else { continue };
        let only_flate = matches!(stream.dict.get(b"Filter"), Ok(Object::Name(n)) if n == b"FlateDecode");
        if !only_flate || stream.dict.has(b"DecodeParms") {
            continue;
        }
        match measure(&stream.content, &mut scratch) {
            Measured::Clean(size) => sizes.record(id, size),
            Measured::Capped => {}
            Measured::Failed => {
                if let Some(salvaged) = salvage_flate(&stream.content) {
                    stream.dict.remove(b"Filter");
                    stream.set_plain_content(salvaged);
                }
            }
        }
    }
    sizes
}

/// Output buffer of [`measure`], reused from stream to stream.
const SCRATCH: usize = 64 << 10;

/// How a Flate stream inflates, measured without keeping its output.
#[derive(Debug, PartialEq, Eq)]
enum Measured {
    /// To its end, giving this many bytes (fewer than [`SALVAGE_CAP`]).
    Clean(u64),
    /// Past [`SALVAGE_CAP`] bytes without failing (left alone, as [`inflate`] does).
    Capped,
    /// It fails or stops short: [`salvage_flate`] decides.
    Failed,
}

/// Inflates zlib `data` into `scratch` (overwritten), up to [`SALVAGE_CAP`]
/// bytes: whether it ends cleanly, as [`inflate`] judges it, and its size.
fn measure(data: &[u8], scratch: &mut [u8]) -> Measured {
    let mut z = Decompress::new(true);
    loop {
        let (consumed, produced) = (z.total_in(), z.total_out());
        let room = (SALVAGE_CAP as u64).saturating_sub(produced);
        if room == 0 {
            return Measured::Capped;
        }
        let input = data.get(consumed as usize..).unwrap_or_default();
        let end = scratch.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let out = &mut scratch[..end];
        match z.decompress(input, out, FlushDecompress::Finish) {
            Ok(Status::StreamEnd) => return Measured::Clean(z.total_out()),
            Ok(_) if z.total_in() == consumed && z.total_out() == produced => return Measured::Failed,
            Ok(_) => {}
            Err(_) => return Measured::Failed,
        }
    }
}

/// How inflating some data went.
struct Inflated {
    out: Vec<u8>,
    /// Input offset where inflation failed; `None` when it ended cleanly.
    failed_at: Option<usize>,
}

/// What a damaged Flate stream gives: when the data looks CRLF-converted
/// (no `\n` without a `\r` before it), what undoing the conversion gives, else
/// what inflated before the damage; `None` when the data inflates cleanly.
fn salvage_flate(data: &[u8]) -> Option<Vec<u8>> {
    let first = inflate(data);
    first.failed_at?;
    let pairs = crlf_pairs(data);
    let bare_lf = data.iter().enumerate().any(|(i, &b)| b == b'\n' && (i == 0 || data[i - 1] != b'\r'));
    if pairs.is_empty() || bare_lf {
        return Some(first.out);
    }
    Some(undo_crlf(data, &pairs).out)
}

/// Positions of the `\r` of each `\r\n` in `data`.
fn crlf_pairs(data: &[u8]) -> Vec<usize> {
    data.windows(2).enumerate().filter(|(_, w)| w == b"\r\n").map(|(i, _)| i).collect()
}

/// Undoes the CRLF conversion: every `\r\n` becomes `\n`, except those the
/// original data held. These are found step by step: each step keeps, of the
/// pairs before the point where inflation fails, the one that lets it inflate
/// cleanly or furthest (the latest tried first), within [`UNDO_BUDGET`].
fn undo_crlf(data: &[u8], pairs: &[usize]) -> Inflated {
    let mut kept = vec![false; pairs.len()];
    let mut best = inflate(&without_pairs(data, pairs, &kept));
    let mut budget = UNDO_BUDGET.saturating_sub(data.len());
    while let Some(at) = best.failed_at {
        let offsets = undone_offsets(pairs, &kept);
        let mut step: Option<(usize, Inflated)> = None;
        let candidates: Vec<usize> = (0..pairs.len()).rev().filter(|&k| !kept[k] && offsets[k] < at).collect();
        for k in candidates {
            let Some(left) = budget.checked_sub(data.len()) else { break };
            budget = left;
            kept[k] = true;
            let tried = inflate(&without_pairs(data, pairs, &kept));
            kept[k] = false;
            if reaches_further(&tried, step.as_ref().map_or(&best, |(_, s)| s)) {
                let clean = tried.failed_at.is_none();
                step = Some((k, tried));
                if clean {
                    break;
                }
            }
        }
        let Some((k, tried)) = step else { break };
        kept[k] = true;
        best = tried;
    }
    best
}

/// Whether `a` inflated more than `b` (a clean end beats any failure).
fn reaches_further(a: &Inflated, b: &Inflated) -> bool {
    match (a.failed_at, b.failed_at) {
        (None, Some(_)) => true,
        (Some(_) | None, None) => false,
        (Some(x), Some(y)) => x > y || (x == y && a.out.len() > b.out.len()),
    }
}

/// Offset of each pair's `\n` in the data with the pairs not kept undone.
fn undone_offsets(pairs: &[usize], kept: &[bool]) -> Vec<usize> {
    let mut removed = 0;
    pairs
        .iter()
        .zip(kept)
        .map(|(&p, &keep)| {
            let at = p - removed;
            removed += usize::from(!keep);
            at
        })
        .collect()
}

/// `data` without the `\r` of each pair not kept.
fn without_pairs(data: &[u8], pairs: &[usize], kept: &[bool]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut from = 0;
    for (&p, &keep) in pairs.iter().zip(kept) {
        if !keep {
            out.extend_from_slice(&data[from..p]);
            from = p + 1;
        }
    }
    out.extend_from_slice(&data[from..]);
    out
}

/// Input fed to the inflater at a time: a failure is placed within this many bytes.
const CHUNK: usize = 512;

/// Inflates zlib `data` up to [`SALVAGE_CAP`] bytes, noting where it failed
/// (the end of the input chunk being read then).
fn inflate(data: &[u8]) -> Inflated {
    let mut z = Decompress::new(true);
    let mut out: Vec<u8> = Vec::with_capacity(data.len().saturating_mul(4).min(SALVAGE_CAP));
    loop {
        if out.len() >= SALVAGE_CAP {
            return Inflated { out, failed_at: None };
        }
        if out.capacity() == out.len() {
            out.reserve((out.len() + 1).min(SALVAGE_CAP - out.len()));
        }
        let consumed = (z.total_in() as usize).min(data.len());
        let chunk_end = (consumed + CHUNK).min(data.len());
        let produced = z.total_out();
        let flush = if chunk_end == data.len() { FlushDecompress::Finish } else { FlushDecompress::None };
        match z.decompress_vec(&data[consumed..chunk_end], &mut out, flush) {
            Ok(Status::StreamEnd) => return Inflated { out, failed_at: None },
            Ok(_) if z.total_out() == produced && z.total_in() as usize == consumed && out.len() < out.capacity() => {
                return Inflated { out, failed_at: Some(data.len()) };
            }
            Ok(_) => {}
            Err(_) => return Inflated { out, failed_at: Some(chunk_end) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::ZlibEncoder;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut enc = ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(data).expect("in memory");
        enc.finish().expect("in memory")
    }

    fn crlf_converted(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, &b) in data.iter().enumerate() {
            if b == b'\n' && (i == 0 || data[i - 1] != b'\r') {
                out.push(b'\r');
            }
            out.push(b);
        }
        out
    }

    /// Text whose compressed form holds `\n` bytes, and (for some seeds) `\r\n` pairs.
    fn text(seed: u32) -> Vec<u8> {
        (0..4000u32)
            .flat_map(|i| {
                format!("BT /F1 {} Tf ({}) Tj ET\n", i.wrapping_mul(seed) % 97, i.wrapping_mul(2_654_435_761) >> 7)
                    .into_bytes()
            })
            .collect()
    }

    #[test]
    fn a_clean_stream_is_left_alone() {
        assert!(salvage_flate(&deflate(b"BT (a) Tj ET")).is_none());
    }

    #[test]
    fn measure_agrees_with_inflate() {
        let mut scratch = vec![0u8; 1000];
        let plain = text(5);
        let packed = deflate(&plain);
        assert_eq!(measure(&packed, &mut scratch), Measured::Clean(plain.len() as u64));
        assert_eq!(measure(&packed[..packed.len() / 2], &mut scratch), Measured::Failed);
        let mut damaged = packed.clone();
        let mid = damaged.len() / 2;
        damaged.splice(mid..mid, [0xFF, 0x00, 0x13, 0x77]);
        assert_eq!(measure(&damaged, &mut scratch), Measured::Failed);
        assert!(inflate(&damaged).failed_at.is_some());
        assert_eq!(measure(b"not zlib", &mut scratch), Measured::Failed);
    }

    #[test]
    fn a_crlf_converted_stream_inflates_whole() {
        let mut whole = 0;
        for seed in 1..40 {
            let plain = text(seed);
            let packed = deflate(&plain);
            let damaged = crlf_converted(&packed);
            if damaged == packed {
                continue;
            }
            let got = salvage_flate(&damaged).expect("damaged");
            whole += usize::from(got == plain);
        }
        assert_eq!(whole, 39, "streams inflated whole");
    }

    #[test]
    fn original_crlf_pairs_are_found_again() {
        let with_pair = (1..400).map(text).map(|t| deflate(&t)).zip(1..).find(|(p, _)| crlf_pairs(p).len() == 1);
        let (packed, seed) = with_pair.expect("some seed compresses to a \\r\\n");
        let got = salvage_flate(&crlf_converted(&packed)).expect("damaged");
        assert_eq!(got, text(seed));
    }

    #[test]
    fn inserted_bytes_keep_what_came_before() {
        let plain = text(3);
        let mut packed = deflate(&plain);
        let mid = packed.len() / 2;
        packed.splice(mid..mid, [0xFF, 0x00, 0x13, 0x77]);
        let got = salvage_flate(&packed).expect("damaged");
        let common = got.iter().zip(&plain).take_while(|(a, b)| a == b).count();
        assert!(common > plain.len() / 3, "{common} bytes read before the damage");
    }
}
