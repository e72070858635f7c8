//! TCVN3 / ABC (TCVN 5712:1993): the `.VnTime` family of fonts.
//!
//! The table is the full VN1 chart: lower-case letters and the seven plain
//! capitals sit at 0xA1..=0xFF in every TCVN3 font, toned capitals at
//! 0x80..=0x9F and a few C0 control codes. ABC fonts (`.VnTime`) show
//! cp1252 punctuation at 0x80..=0x9F, so a token is read with VN1 capitals
//! there only when that makes it a Vietnamese syllable. `...H` fonts
//! (`.VnTimeH`) draw every letter as a capital: callers decode, then upper-case.

use super::{cp1252, TokenBytes};
use crate::normalize::syllable;

/// 0x80..=0xFF in the VN1 chart. 0xB0..=0xB4 are combining tone marks.
const HIGH: [char; 128] = [
    'À', 'Ả', 'Ã', 'Á', 'Ạ', 'Ặ', 'Ậ', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ', 'Ệ', 'Ì', 'Ỉ', 'Ĩ', 'Í', 'Ị', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ',
    'Ộ', 'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ', 'Ù', 'Ủ', 'Ũ', '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ',
    'ư', 'đ', 'Ằ', '\u{0300}', '\u{0309}', '\u{0303}', '\u{0301}', '\u{0323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ',
    'ẵ', 'ắ', 'Ẵ', 'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', 'é', 'ẹ', 'ề', 'ể',
    'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', 'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ',
    'ở', 'ỡ', 'ớ', 'ợ', 'ù', 'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
];

/// VN1 capitals placed on C0 control codes.
const LOW: [(u8, char); 12] = [
    (0x01, 'Ú'),
    (0x02, 'Ụ'),
    (0x04, 'Ừ'),
    (0x05, 'Ử'),
    (0x06, 'Ữ'),
    (0x11, 'Ứ'),
    (0x12, 'Ự'),
    (0x13, 'Ỳ'),
    (0x14, 'Ỷ'),
    (0x15, 'Ỹ'),
    (0x16, 'Ý'),
    (0x17, 'Ỵ'),
];

/// Bytes that, standing alone, are cp1252 punctuation far more often than a
/// one-letter capital word (… ‘ ’ “ ” • – —).
const PUNCT_ALONE: [u8; 8] = [0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97];

/// VN1 reading of one byte (0x80..=0x9F as capitals).
pub fn vn1_char(b: u8) -> char {
    match b {
        0x80..=0xFF => HIGH[usize::from(b - 0x80)],
        _ => LOW.iter().find(|(k, _)| *k == b).map_or(char::from(b), |&(_, c)| c),
    }
}

/// Whether `b` is one of the VN1 capitals on a control code.
pub fn is_low_letter(b: u8) -> bool {
    LOW.iter().any(|(k, _)| *k == b)
}

/// Decodes TCVN3 bytes into `out` (not yet NFC: 0xB0..=0xB4 are combining).
pub fn decode_into(bytes: &[u8], out: &mut String) {
    let mut word = String::new();
    for token in TokenBytes::new(bytes, is_low_letter) {
        if !token.iter().any(|b| (0x80..=0x9F).contains(b) || is_low_letter(*b)) {
            out.extend(token.iter().map(|&b| vn1_char(b)));
            continue;
        }
        word.clear();
        word.extend(token.iter().map(|&b| vn1_char(b)));
        let alone_punct = token.len() == 1 && PUNCT_ALONE.contains(&token[0]);
        if !alone_punct && syllable::is_syllable(&word) {
            out.push_str(&word);
        } else {
            out.extend(token.iter().map(|&b| abc_char(b)));
        }
    }
}

/// ABC reading of one byte: cp1252 at 0x80..=0x9F and on control codes.
fn abc_char(b: u8) -> char {
    match b {
        0x80..=0x9F => cp1252::char_of(b),
        0xA0..=0xFF => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The TCVN3 byte of an NFC char, capitals included (VN1 chart).
pub fn encode_char(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(u32::from(c)).ok();
    }
    if let Some(i) = HIGH.iter().position(|&h| h == c) {
        return u8::try_from(0x80 + i).ok();
    }
    LOW.iter().find(|(_, l)| *l == c).map(|&(b, _)| b)
}

/// The byte of an NFC char in an ABC font (no toned capitals): `None` for
/// toned capitals, which only an `...H` font can show.
pub fn encode_char_abc(c: char) -> Option<u8> {
    encode_char(c).filter(|&b| b >= 0xA0 || (b < 0x80 && !is_low_letter(b))).filter(|&b| abc_char(b) == c)
}
