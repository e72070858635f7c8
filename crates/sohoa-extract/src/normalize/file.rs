//! Decoding the whole bytes of a text file: BOMs, UTF-8, UTF-16, or a legacy
//! 8-bit encoding picked by statistics for the file, overridden per line
//! where another encoding is clearly better (one file can mix TCVN3 and VNI).

use super::detect::{score, Score};
use super::legacy::cp1252;
use super::{Legacy, Normalizer};

/// A line's legacy reading must beat the file's by this many words to win.
const LINE_OVERRIDE_MARGIN: i64 = 2;

pub(super) fn decode(n: &mut Normalizer, bytes: &[u8]) -> String {
    match unicode_text(bytes) {
        Some(text) => unicode_lines(n, &text),
        None => legacy_lines(n, bytes),
    }
}

/// The text of a Unicode file, or `None` for 8-bit bytes.
fn unicode_text(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some(utf16(rest, u16::from_be_bytes));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_owned());
    }
    bom_less_utf16(bytes).or_else(|| mostly_utf8(bytes))
}

/// Valid multi-byte UTF-8 sequences a file needs per invalid byte to stay
/// UTF-8 (its bad bytes become U+FFFD, counted as unreadable).
const UTF8_PER_BAD_BYTE: usize = 20;

/// UTF-8 with a few bad bytes (a damaged or cut file): the lossy text. An
/// 8-bit legacy file has few valid multi-byte sequences and many invalid bytes.
fn mostly_utf8(bytes: &[u8]) -> Option<String> {
    let (mut multi, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    (multi > 0 && bad * UTF8_PER_BAD_BYTE <= multi).then(|| String::from_utf8_lossy(bytes).into_owned())
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')).collect()
}

/// UTF-16 without BOM: most odd (LE) or even (BE) bytes are zero.
fn bom_less_utf16(bytes: &[u8]) -> Option<String> {
    let pairs = bytes.len() / 2;
    if pairs < 8 {
        return None;
    }
    let zeros_at = |k: usize| bytes.iter().skip(k).step_by(2).filter(|&&b| b == 0).count();
    if zeros_at(1) * 10 > pairs * 7 {
        return Some(utf16(bytes, u16::from_le_bytes));
    }
    if zeros_at(0) * 10 > pairs * 7 {
        return Some(utf16(bytes, u16::from_be_bytes));
    }
    None
}

/// Lines of `text` without their terminators (`\r\n`, `\n` or `\r`).
fn lines_of<T: AsRef<[u8]> + ?Sized>(text: &T) -> impl Iterator<Item = &[u8]> {
    let bytes = text.as_ref();
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) => {
                let skip = if r[i] == b'\r' && r.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                rest = Some(&r[i + skip..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// A Unicode file: each line is a run without font (mojibake of TCVN3/VNI
/// saved as UTF-8 is decoded there).
fn unicode_lines(n: &mut Normalizer, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines_of(text).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Lines split at ASCII bytes of valid UTF-8 are valid UTF-8.
        out.push_str(&n.run(&String::from_utf8_lossy(line), None));
    }
    out
}

/// An 8-bit file: the file's best encoding, a line's own where clearly better.
fn legacy_lines(n: &mut Normalizer, bytes: &[u8]) -> String {
    let file_choice = best_for(bytes);
    if let Some(e) = file_choice {
        n.note_file_encoding(e);
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for (i, line) in lines_of(bytes).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let decoded = decode_line(line, file_choice);
        n.finish_decoded(&decoded.0, decoded.1, &mut out);
    }
    out
}

/// The encoding whose reading of `bytes` has the most Vietnamese
/// syllables, if that reading is mostly Vietnamese and clearly beats plain
/// cp1252 (a French or German 8-bit file stays cp1252).
fn best_for(bytes: &[u8]) -> Option<Legacy> {
    let plain: String = bytes.iter().map(|&b| cp1252::char_of(b)).collect();
    let plain_net = score(&plain).net();
    let mut best: Option<(Legacy, Score)> = None;
    for e in Legacy::ALL {
        let s = score(&e.decode(bytes));
        if !matches!(best, Some((_, b)) if b.net() >= s.net()) {
            best = Some((e, s));
        }
    }
    best.filter(|(_, s)| s.mostly_valid() && s.net() >= plain_net + 2).map(|(e, _)| e)
}

/// One line in the file's encoding, or in another that beats it clearly.
fn decode_line(line: &[u8], file_choice: Option<Legacy>) -> (String, Option<Legacy>) {
    let read = |e: Option<Legacy>| match e {
        Some(e) => e.decode(line),
        None => line.iter().map(|&b| cp1252::char_of(b)).collect(),
    };
    if line.iter().all(|&b| b.is_ascii() && (b >= 0x20 || b == b'\t')) {
        return (read(None), None);
    }
    let base_text = read(file_choice);
    let base: Score = score(&base_text);
    let mut best = (base_text, file_choice, base.net());
    for e in Legacy::ALL.into_iter().filter(|&e| Some(e) != file_choice) {
        let text = e.decode(line);
        let net = score(&text).net();
        if net >= best.2 + LINE_OVERRIDE_MARGIN && net > base.net() {
            best = (text, Some(e), net);
        }
    }
    (best.0, best.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        let mut bytes = "Số: 11 /QĐ-UBND\nỦy ban nhân dân xã Hòa Bình ban hành kế hoạch\n".repeat(5).into_bytes();
        bytes.insert(10, 0xFF);
        let text = unicode_text(&bytes).expect("stays Unicode");
        assert!(text.starts_with("Số: 11 /\u{FFFD}QĐ-UBND"), "{text}");
        assert_eq!(text.matches('\u{FFFD}').count(), 1);
        let tcvn3: &[u8] = b"U\xFB ban nh\xE2n d\xE2n x\xE3 \xAE\xA8 L\xE9c";
        assert_eq!(mostly_utf8(tcvn3), None);
    }
}
