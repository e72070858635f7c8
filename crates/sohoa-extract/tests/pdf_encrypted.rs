//! Encrypted PDFs made at test time with qpdf from a seed PDF: a file
//! protected by an owner password only (RC4 40 and 128 bits, AES-128, AES-256;
//! the user password is empty, so any viewer opens it) reads exactly as the
//! plain file does; a file with a true user password is refused as
//! `encrypted pdf file: a password is needed`.

use sohoa_extract::{extract_bytes, extract_file, Block, Document, ExtractError, ExtractOptions, OcrMode};
use std::path::{Path, PathBuf};
use std::process::Command;

fn seed_pdf() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf/000_1565e888bd593adb.pdf")
}

fn opts() -> ExtractOptions {
    ExtractOptions { ocr: OcrMode::Off, ..Default::default() }
}

/// Paragraph texts, one a line.
fn text(doc: &Document) -> String {
    doc.blocks
        .iter()
        .filter_map(|b| if let Block::Paragraph(p) = b { Some(p.text.as_str()) } else { None })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The seed encrypted by qpdf with `user`/`own` passwords and `key` options; `None` without qpdf.
fn encrypt(dir: &Path, name: &str, user: &str, key: &[&str]) -> Option<PathBuf> {
    let out = dir.join(name);
    let mut cmd = Command::new("qpdf");
    cmd.arg("--allow-weak-crypto").args(["--encrypt", user, "own"]).args(key).arg("--").arg(seed_pdf()).arg(&out);
    let status = cmd.status().ok()?;
    assert!(status.success(), "qpdf failed on {name}");
    Some(out)
}

const SCHEMES: [(&str, &[&str]); 4] = [
    ("rc4-40.pdf", &["40"]),
    ("rc4-128.pdf", &["128", "--use-aes=n"]),
    ("aes-128.pdf", &["128", "--use-aes=y"]),
    ("aes-256.pdf", &["256"]),
];

#[test]
fn owner_password_only_pdfs_read_like_the_plain_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = text(&extract_file(&seed_pdf(), &opts()).expect("the seed reads"));
    assert!(plain.split_whitespace().count() > 200, "the seed has text");
    for (name, key) in SCHEMES {
        let Some(path) = encrypt(dir.path(), name, "", key) else {
            eprintln!("qpdf is not installed (apt-get install qpdf): skipped");
            return;
        };
        let bytes = std::fs::read(&path).expect("read");
        assert!(bytes.windows(8).any(|w| w == b"/Encrypt"), "{name} is encrypted");
        let doc = extract_bytes(name, &bytes, &opts()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(text(&doc), plain, "{name}");
    }
}

#[test]
fn a_user_password_is_needed() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, key) in SCHEMES {
        let Some(path) = encrypt(dir.path(), name, "secret", key) else {
            eprintln!("qpdf is not installed (apt-get install qpdf): skipped");
            return;
        };
        let got = extract_file(&path, &opts());
        let Err(err @ ExtractError::Encrypted { .. }) = got else { panic!("{name}: {got:?}") };
        assert_eq!(err.to_string(), "encrypted pdf file: a password is needed", "{name}");
    }
}
