//! The streams of every PDF in the repository (corpus, fixtures, fuzz seeds, test
//! data), for the content-stream tokenizer's equivalence test and bench: page
//! contents as the walk gets them, form XObjects, every other stream decoded, and
//! each file's raw bytes (arbitrary input for the tokenizer).
// The test and the bench each use part of this module.
#![allow(dead_code)]

use flate2::read::ZlibDecoder;
use pdf_extract::{Document, Object, ObjectId, Stream};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Streams inflating past this are left out (the flate-bomb fixture).
const MAX_INFLATED: u64 = 32 << 20;

/// The streams found, by kind.
#[derive(Default)]
pub struct Streams {
    /// Each page's content (its streams joined, as `Document::get_page_content` gives them).
    pub pages: Vec<Vec<u8>>,
    /// Each form XObject's decoded content.
    pub forms: Vec<Vec<u8>>,
    /// Every other stream, decoded where its filters allow (fonts, images, metadata).
    pub other: Vec<Vec<u8>>,
    /// Each PDF file's raw bytes.
    pub files: Vec<Vec<u8>>,
    /// PDF files read.
    pub pdfs: usize,
    /// PDF files lopdf could not load (their raw bytes are still in `files`).
    pub unloadable: usize,
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.pdf` under `corpus/`, `fixtures/`, `fuzz/seeds/` and this crate's `tests/data/`.
pub fn pdf_files() -> Vec<PathBuf> {
    let root = root();
    let mut out = Vec::new();
    for dir in ["corpus", "fixtures", "fuzz/seeds", "crates/sohoa-extract/tests/data"] {
        walk(&root.join(dir), &mut out);
    }
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            out.push(path);
        }
    }
}

/// The streams of every file of [`pdf_files`].
pub fn collect() -> Streams {
    let mut streams = Streams::default();
    for path in pdf_files() {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        streams.pdfs += 1;
        match Document::load_mem(&bytes) {
            Ok(doc) => add_document(&doc, &mut streams),
            Err(_) => streams.unloadable += 1,
        }
        streams.files.push(bytes);
    }
    streams
}

fn add_document(doc: &Document, streams: &mut Streams) {
    let mut too_big: HashSet<ObjectId> = HashSet::new();
    for (&id, obj) in &doc.objects {
        let Object::Stream(stream) = obj else { continue };
        if inflates_past_cap(stream) {
            too_big.insert(id);
            continue;
        }
        let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        let form = stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form");
        if form {
            streams.forms.push(data);
        } else {
            streams.other.push(data);
        }
    }
    for (_, page) in doc.get_pages() {
        if doc.get_page_contents(page).iter().any(|id| too_big.contains(id)) {
            continue;
        }
        if let Ok(content) = doc.get_page_content(page) {
            streams.pages.push(content);
        }
    }
}

/// Whether a Flate stream inflates past [`MAX_INFLATED`].
fn inflates_past_cap(stream: &Stream) -> bool {
    let flate = match stream.dict.get(b"Filter") {
        Ok(Object::Name(n)) => n == b"FlateDecode",
        Ok(Object::Array(a)) => a.iter().any(|f| f.as_name().is_ok_and(|n| n == b"FlateDecode")),
        _ => false,
    };
    if !flate {
        return false;
    }
    let mut decoder = ZlibDecoder::new(stream.content.as_slice()).take(MAX_INFLATED + 1);
    let size = std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
    size > MAX_INFLATED
}

/// Whether two decoded contents are the same operations, object for object
/// (reals by their bits, dictionaries in their order, inline images with their data).
pub fn same_content(a: &[pdf_extract::content::Operation], b: &[pdf_extract::content::Operation]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| x.operator == y.operator && same_objects(&x.operands, &y.operands))
}

fn same_objects(a: &[Object], b: &[Object]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_object(x, y))
}

fn same_dict(a: &pdf_extract::Dictionary, b: &pdf_extract::Dictionary) -> bool {
    a.len() == b.len() && a.iter().zip(b.iter()).all(|((ka, va), (kb, vb))| ka == kb && same_object(va, vb))
}

fn same_object(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::Real(x), Object::Real(y)) => x.to_bits() == y.to_bits(),
        (Object::Array(x), Object::Array(y)) => same_objects(x, y),
        (Object::Dictionary(x), Object::Dictionary(y)) => same_dict(x, y),
        (Object::Stream(x), Object::Stream(y)) => {
            same_dict(&x.dict, &y.dict)
                && x.content == y.content
                && x.allows_compression == y.allows_compression
                && x.start_position == y.start_position
        }
        (Object::Null, Object::Null) => true,
        (Object::Boolean(x), Object::Boolean(y)) => x == y,
        (Object::Integer(x), Object::Integer(y)) => x == y,
        (Object::Name(x), Object::Name(y)) => x == y,
        (Object::String(x, fx), Object::String(y, fy)) => x == y && fx == fy,
        (Object::Reference(x), Object::Reference(y)) => x == y,
        _ => false,
    }
}
