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
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for _ in 0..PASSES {
        old.push(pass(&streams, lopdf));
        new.push(pass(&streams, sohoa));
    }
    let (old, new) = (median(old), median(new));
    let mbs = |d: Duration| bytes as f64 / d.as_secs_f64() / 1e6;
    println!("{} streams, {:.1} MB, {} passes each (median)", streams.len(), bytes as f64 / 1e6, PASSES);
    println!("lopdf Content::decode   {:>8.1} ms  {:>7.1} MB/s", old.as_secs_f64() * 1e3, mbs(old));
    println!("sohoa content::decode   {:>8.1} ms  {:>7.1} MB/s", new.as_secs_f64() * 1e3, mbs(new));
    println!("speed-up                {:>8.2}x", old.as_secs_f64() / new.as_secs_f64());
}
