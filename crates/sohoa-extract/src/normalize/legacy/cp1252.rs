//! Windows-1252 ↔ bytes: how office formats show the bytes of a legacy 8-bit font.
//!
//! A DOCX/RTF/DOC run set in `.VnTime` or `VNI-Times` holds the cp1252 (or
//! latin-1) reading of the font's 8-bit codes. [`byte_of`] maps such a char
//! back to its byte; [`char_of`] is the reverse (undefined cp1252 codes read as
//! the latin-1 control of the same value, so the mapping is a bijection).

/// cp1252 0x80..=0x9F; `None` where cp1252 leaves the code undefined.
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The char cp1252 shows for byte `b`.
pub fn char_of(b: u8) -> char {
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)].unwrap_or(char::from(b)),
        _ => char::from(b),
    }
}

/// The byte behind `c` in a cp1252 or latin-1 reading; `None` for any char
/// neither encoding has (i.e. real Unicode text).
pub fn byte_of(c: char) -> Option<u8> {
    let code = u32::from(c);
    if code < 0x100 {
        return u8::try_from(code).ok();
    }
    HIGH.iter().position(|&h| h == Some(c)).and_then(|i| u8::try_from(0x80 + i).ok())
}

/// All bytes behind `text`, or `None` as soon as one char has no byte.
pub fn bytes_of(text: &str, out: &mut Vec<u8>) -> bool {
    out.clear();
    for c in text.chars() {
        match byte_of(c) {
            Some(b) => out.push(b),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_round_trips() {
        for b in 0..=255u8 {
            assert_eq!(byte_of(char_of(b)), Some(b), "byte {b:#04x}");
        }
        assert_eq!(byte_of('ư'), None);
    }
}
