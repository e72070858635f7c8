//! Re-encodes Unicode text files into a legacy 8-bit encoding with sohoa's
//! own encoder, to make the `corpus/tcvn3/` and `corpus/vni/` test files.
//!
//! `cargo run -p sohoa-extract --example legacy_encode -- <tcvn3|vni|viscii|cp1258> IN_DIR OUT_DIR`
//!
//! Every `IN_DIR/*.txt` becomes `OUT_DIR/<same name>`. Chars the encoding
//! lacks are written as their cp1252 byte where that reads back the same,
//! else `?` (the count is printed).

use sohoa_extract::normalize::Legacy;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
        let lost = bytes.iter().filter(|&&b| b == b'?').count()
            - text.chars().filter(|&c| c == '?').count();
        let Some(name) = path.file_name() else { continue };
        std::fs::write(output.join(name), &bytes)?;
        println!("{} -> {} ({} bytes, {lost} chars not encodable)", path.display(),
            output.join(name).display(), bytes.len());
    }
    Ok(())
}
