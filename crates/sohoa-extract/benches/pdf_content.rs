//! The content-stream tokenizer against lopdf's `Content::decode`, in the same run, on
//! every page content and form XObject stream of the repository's PDFs: each pass
//! decodes all of them; the median of the passes is printed for each, and the ratio.
//! `cargo bench -p sohoa-extract --bench pdf_content` (not part of `make test`).

#[path = "../tests/support/pdf_streams.rs"]
mod pdf_streams;

use pdf_extract::content::Content;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Passes over all streams, per decoder.
const PASSES: usize = 15;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// One pass of `decode` over every stream.
fn pass(streams: &[Vec<u8>], decode: impl Fn(&[u8]) -> usize) -> Duration {
    let start = Instant::now();
    let mut ops = 0;
    for s in streams {
        ops += decode(black_box(s));
    }
    black_box(ops);
    start.elapsed()
}

/// One pass of `decode` over every stream, the decoded contents dropped after the clock stops.
fn pass_kept<T>(streams: &[Vec<u8>], decode: impl Fn(&[u8]) -> T) -> Duration {
    let mut kept = Vec::with_capacity(streams.len());
    let start = Instant::now();
    for s in streams {
        kept.push(decode(black_box(s)));
    }
    let took = start.elapsed();
    drop(black_box(kept));
    took
}

fn lopdf(s: &[u8]) -> usize {
    Content::decode(s).map_or(0, |c| c.operations.len())
}

fn sohoa(s: &[u8]) -> usize {
    sohoa_extract::decode_pdf_content(s).map_or(0, |c| c.operations.len())
}

fn main() {
    let found = pdf_streams::collect();
    let streams: Vec<Vec<u8>> = found.pages.into_iter().chain(found.forms).collect();
    let bytes: usize = streams.iter().map(Vec::len).sum();
    for s in &streams {
        let (a, b) = (Content::decode(s), sohoa_extract::decode_pdf_content(s));
        let same = match (&a, &b) {
            (Ok(a), Ok(b)) => pdf_streams::same_content(&a.operations, &b.operations),
            (Err(_), Err(_)) => true,
            _ => false,
        };
        assert!(same, "the decoders differ on a stream of {} bytes", s.len());
    }
    if std::env::var("PROFILE_ONLY").is_ok_and(|v| v == "stats") {
        let mut ops = 0usize;
        let mut operands = 0usize;
        let mut tj = 0usize;
        for s in &streams {
            if let Ok(c) = Content::decode(s) {
                ops += c.operations.len();
                for o in &c.operations {
                    operands += o.operands.len();
                    if let Some(pdf_extract::Object::Array(a)) = o.operands.first() {
                        tj += a.len();
                    }
                }
            }
        }
        println!(
            "size of Object {} Operation {}",
            std::mem::size_of::<pdf_extract::Object>(),
            std::mem::size_of::<pdf_extract::content::Operation>()
        );
        println!("bytes {bytes} ops {ops} operands {operands} array items {tj}");
        return;
    }
    if std::env::var("PROFILE_ONLY").is_ok_and(|v| v == "sohoa") {
        // For `perf record`: our decoder alone.
        for _ in 0..PASSES {
            pass(&streams, sohoa);
        }
        return;
    }
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for _ in 0..PASSES {
        old.push(pass(&streams, lopdf));
        new.push(pass(&streams, sohoa));
    }
    let (mut old_kept, mut new_kept) = (Vec::new(), Vec::new());
    for _ in 0..PASSES {
        old_kept.push(pass_kept(&streams, Content::decode));
        new_kept.push(pass_kept(&streams, sohoa_extract::decode_pdf_content));
    }
    // The floor: building the same operations from parsed ones (every allocation, no parsing).
    let decoded: Vec<Content> = streams.iter().filter_map(|s| Content::decode(s).ok()).collect();
    let mut floor = Vec::new();
    for _ in 0..PASSES {
        let start = Instant::now();
        for c in &decoded {
            black_box(c.clone());
        }
        floor.push(start.elapsed());
    }
    let floor = median(floor);
    let (old, new) = (median(old), median(new));
    let (old_kept, new_kept) = (median(old_kept), median(new_kept));
    let mbs = |d: Duration| bytes as f64 / d.as_secs_f64() / 1e6;
    println!("{} streams, {:.1} MB, {} passes each (median)", streams.len(), bytes as f64 / 1e6, PASSES);
    println!("lopdf Content::decode   {:>8.1} ms  {:>7.1} MB/s", old.as_secs_f64() * 1e3, mbs(old));
    println!("sohoa content::decode   {:>8.1} ms  {:>7.1} MB/s", new.as_secs_f64() * 1e3, mbs(new));
    println!("speed-up                {:>8.2}x", old.as_secs_f64() / new.as_secs_f64());
    println!(
        "cloning lopdf's decoded operations (the same allocations, no parsing) {:>8.1} ms",
        floor.as_secs_f64() * 1e3
    );
    println!("decoding alone (the contents dropped after the clock stops):");
    println!("lopdf Content::decode   {:>8.1} ms  {:>7.1} MB/s", old_kept.as_secs_f64() * 1e3, mbs(old_kept));
    println!("sohoa content::decode   {:>8.1} ms  {:>7.1} MB/s", new_kept.as_secs_f64() * 1e3, mbs(new_kept));
    println!("speed-up                {:>8.2}x", old_kept.as_secs_f64() / new_kept.as_secs_f64());
}
