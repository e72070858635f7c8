//! Windows-1258: cp1252 with Vietnamese letters in place of some latin-1
//! ones and five combining tone marks, so letters are often decomposed.

use super::cp1252;
use unicode_normalization::char::decompose_canonical;

/// Bytes where cp1258 differs from cp1252.
const DIFF: [(u8, char); 14] = [
    (0xC3, 'Ă'),
    (0xCC, '\u{0300}'),
    (0xD0, 'Đ'),
    (0xD2, '\u{0309}'),
    (0xD5, 'Ơ'),
    (0xDD, 'Ư'),
    (0xDE, '\u{0303}'),
    (0xE3, 'ă'),
    (0xEC, '\u{0301}'),
    (0xF0, 'đ'),
    (0xF2, '\u{0323}'),
    (0xF5, 'ơ'),
    (0xFD, 'ư'),
    (0xFE, '₫'),
];

/// The char of one cp1258 byte (tone bytes are combining marks).
pub fn char_of(b: u8) -> char {
    DIFF.iter().find(|(k, _)| *k == b).map_or_else(|| cp1252::char_of(b), |&(_, c)| c)
}

/// The byte of a char cp1258 has as such.
fn byte_of(c: char) -> Option<u8> {
    if let Some(&(b, _)) = DIFF.iter().find(|(_, d)| *d == c) {
        return Some(b);
    }
    cp1252::byte_of(c).filter(|&b| char_of(b) == c)
}

/// cp1258 bytes of an NFC char: as such, or base letter plus a tone byte.
pub fn encode_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    if let Some(b) = byte_of(c) {
        out.push(b);
        return Some(());
    }
    // A Vietnamese letter outside cp1258 is a letter cp1258 has plus one tone.
    let tone = tone_of(c)?;
    let base = recompose_without_tone(c)?;
    out.push(byte_of(base)?);
    out.push(byte_of(tone)?);
    Some(())
}

const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

fn tone_of(c: char) -> Option<char> {
    let mut tone = None;
    decompose_canonical(c, |d| {
        if TONES.contains(&d) {
            tone = Some(d);
        }
    });
    tone
}

/// `c` without its tone mark, recomposed (ế → ê).
fn recompose_without_tone(c: char) -> Option<char> {
    let mut base: Option<char> = None;
    let mut failed = false;
    decompose_canonical(c, |d| {
        if TONES.contains(&d) {
            return;
        }
        base = match base {
            None => Some(d),
            Some(b) => unicode_normalization::char::compose(b, d).or_else(|| {
                failed = true;
                None
            }),
        };
    });
    if failed {
        None
    } else {
        base
    }
}
