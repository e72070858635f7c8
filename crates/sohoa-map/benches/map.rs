//! The map stage alone, on fixed outlines: the seeds' text and DOCX forms are read and
//! outlined once (extraction is not measured); `segment` runs on the same `Document` and
//! `records` on the same `Outline` each iteration, so a slower mapping shows by itself.
//! `cargo bench -p sohoa-map` (not part of `make test`).

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion};
use sohoa_extract::{extract_bytes, Document, ExtractOptions};
use std::hint::black_box;

/// Seeds by name and bytes: a text dump and the same plan as DOCX, and the largest seed.
const SEEDS: &[(&str, &[u8])] = &[
    ("000.txt", include_bytes!("../../../corpus/seeds/000_1565e888bd593adb.txt")),
    ("003.txt", include_bytes!("../../../corpus/seeds/003_76f9b4deebc8deb5.txt")),
    ("000.docx", include_bytes!("../../../corpus/docx/000_1565e888bd593adb.docx")),
    ("003.docx", include_bytes!("../../../corpus/docx/003_76f9b4deebc8deb5.docx")),
];

fn documents() -> Vec<(&'static str, Document)> {
    let opts = ExtractOptions::default();
    SEEDS
        .iter()
        // invariant: the seeds are corpus files the extractor reads (the corpus tests check it)
        .map(|(name, bytes)| (*name, extract_bytes(name, bytes, &opts).expect("a readable seed")))
        .collect()
}

fn map_stage(c: &mut Criterion) {
    let docs = documents();
    let mut segment = c.benchmark_group("segment");
    for (name, doc) in &docs {
        segment.bench_function(*name, |b| b.iter(|| sohoa_segment::outline(black_box(doc))));
    }
    segment.finish();
    let mut records = c.benchmark_group("records");
    for (name, doc) in &docs {
        let outline = sohoa_segment::outline(doc);
        records.bench_function(*name, |b| b.iter(|| sohoa_map::records(black_box(&doc.source), black_box(&outline))));
    }
    records.finish();
}

criterion_group!(benches, map_stage);
criterion_main!(benches);
