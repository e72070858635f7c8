//! Re-encodes Unicode text files into a legacy 8-bit encoding with sohoa's
//! own encoder, to make the `corpus/tcvn3/` and `corpus/vni/` test files.
//!
//! `cargo run -p sohoa-extract --example legacy_encode -- <tcvn3|vni|viscii|cp1258> IN_DIR OUT_DIR`
//!
//! Every `IN_DIR/*.txt` becomes `OUT_DIR/<same name>`. Chars the encoding
//! lacks are written as their cp1252 byte where that reads back the same,
//! else `?` (the count is printed).
//!
//! `legacy_encode --runs <tcvn3|vni>` encodes DOCX run texts instead (used by
//! `scripts/legacy_docx.py`): one text a line on stdin; on stdout one line
//! of tab-separated pieces, each `N` (normal font) or `H` (TCVN3 capitals
//! font, `.VnTimeH`) followed by the cp1252 reading of the piece's bytes,
//! which is what a DOCX run in that font holds.

use sohoa_extract::normalize::legacy::{cp1252, encode_tcvn3_abc, encode_tcvn3_caps, Legacy};
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, encoding] = args.as_slice() {
        if flag == "--runs" {
            return encode_runs(encoding);
        }
    }
    let [encoding, input, output] = args.as_slice() else {
        eprintln!("usage: legacy_encode <tcvn3|vni|viscii|cp1258> IN_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    let Some(legacy) = Legacy::ALL.into_iter().find(|e| e.name() == encoding) else {
        eprintln!("unknown encoding {encoding}");
        return ExitCode::from(2);
    };
    match encode_dir(legacy, Path::new(input), Path::new(output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("legacy_encode: {e}");
            ExitCode::FAILURE
        }
    }
}

fn encode_dir(legacy: Legacy, input: &Path, output: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(output)?;
    let mut names: Vec<_> = std::fs::read_dir(input)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path)?;
        let bytes = legacy.encode_lossy(&text);
        let lost = bytes.iter().filter(|&&b| b == b'?').count() - text.chars().filter(|&c| c == '?').count();
        let Some(name) = path.file_name() else { continue };
        std::fs::write(output.join(name), &bytes)?;
        println!(
            "{} -> {} ({} bytes, {lost} chars not encodable)",
            path.display(),
            output.join(name).display(),
            bytes.len()
        );
    }
    Ok(())
}

fn encode_runs(encoding: &str) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let pieces = match encoding {
            "tcvn3" => tcvn3_pieces(&line),
            "vni" => vec![('N', Legacy::Vni.encode_lossy(&line))],
            _ => {
                eprintln!("--runs takes tcvn3 or vni");
                return ExitCode::from(2);
            }
        };
        let fields: Vec<String> = pieces
            .iter()
            .map(|(kind, bytes)| format!("{kind}{}", bytes.iter().map(|&b| cp1252::char_of(b)).collect::<String>()))
            .collect();
        if writeln!(out, "{}", fields.join("\t")).is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// An ABC font has no toned capitals: a run in capitals throughout goes to
/// `.VnTimeH` whole; elsewhere each toned capital gets an `.VnTimeH` piece.
fn tcvn3_pieces(text: &str) -> Vec<(char, Vec<u8>)> {
    let all_caps = !text.chars().any(char::is_lowercase);
    if all_caps && encode_tcvn3_abc(text).is_none() {
        return vec![('H', encode_tcvn3_caps(text).unwrap_or_else(|| Legacy::Tcvn3.encode_lossy(text)))];
    }
    let mut pieces: Vec<(char, Vec<u8>)> = Vec::new();
    for c in text.chars() {
        let one = c.to_string();
        let (kind, bytes) = match encode_tcvn3_abc(&one) {
            Some(b) => ('N', b),
            None => match encode_tcvn3_caps(&one) {
                Some(b) if c.is_uppercase() => ('H', b),
                _ => ('N', Legacy::Tcvn3.encode_lossy(&one)),
            },
        };
        match pieces.last_mut() {
            Some((k, b)) if *k == kind => b.extend(bytes),
            _ => pieces.push((kind, bytes)),
        }
    }
    pieces
}
