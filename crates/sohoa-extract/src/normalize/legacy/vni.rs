//! VNI-Windows: the `VNI-Times` family. A letter is a base byte plus at most
//! one mark byte; `ơ`, `ư`, `đ` and the toned `i` have bytes of their own.
//!
//! Mark bytes are latin-1 letters: lower-case ones follow a lower-case base,
//! upper-case ones (the same value minus 0x20) an upper-case base. The
//! decoder accepts either case of mark and takes the case from the base.

use super::cp1252;
use unicode_normalization::char::{compose, decompose_canonical};

const GRAVE: char = '\u{0300}';
const ACUTE: char = '\u{0301}';
const TILDE: char = '\u{0303}';
const HOOK: char = '\u{0309}';
const DOT: char = '\u{0323}';
const CIRCUMFLEX: char = '\u{0302}';
const BREVE: char = '\u{0306}';
const HORN: char = '\u{031B}';

/// Lower-case mark bytes: (byte, quality mark or '\0', tone mark or '\0').
const MARKS: [(u8, char, char); 17] = [
    (0xF9, '\0', ACUTE),
    (0xF8, '\0', GRAVE),
    (0xFB, '\0', HOOK),
    (0xF5, '\0', TILDE),
    (0xEF, '\0', DOT),
    (0xE2, CIRCUMFLEX, '\0'),
    (0xE1, CIRCUMFLEX, ACUTE),
    (0xE0, CIRCUMFLEX, GRAVE),
    (0xE5, CIRCUMFLEX, HOOK),
    (0xE3, CIRCUMFLEX, TILDE),
    (0xE4, CIRCUMFLEX, DOT),
    (0xEA, BREVE, '\0'),
    (0xE9, BREVE, ACUTE),
    (0xE8, BREVE, GRAVE),
    (0xFA, BREVE, HOOK),
    (0xFC, BREVE, TILDE),
    (0xEB, BREVE, DOT),
];

/// Dot below as written after `y` (`yî` = `ỵ`).
const Y_DOT: u8 = 0xEE;

/// Lower-case letters with a byte of their own.
const SINGLES: [(u8, char); 8] =
    [(0xF4, 'ơ'), (0xF6, 'ư'), (0xF1, 'đ'), (0xED, 'í'), (0xEC, 'ì'), (0xE6, 'ỉ'), (0xF3, 'ĩ'), (0xF2, 'ị')];

/// (quality, tone) of a mark byte of either case.
fn mark_of(b: u8) -> Option<(char, char)> {
    let lower = if (0xC0..=0xDF).contains(&b) { b + 0x20 } else { b };
    if lower == Y_DOT {
        return Some(('\0', DOT));
    }
    MARKS.iter().find(|m| m.0 == lower).map(|m| (m.1, m.2))
}

/// The letter a single byte stands for, if it is one of [`SINGLES`].
fn single_of(b: u8) -> Option<char> {
    let lower = if (0xC0..=0xDF).contains(&b) { b + 0x20 } else { b };
    let c = SINGLES.iter().find(|s| s.0 == lower)?.1;
    Some(if lower == b { c } else { upper(c) })
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

/// `base` with a quality mark and a tone applied, when Vietnamese has it.
fn apply(base: char, quality: char, tone: char) -> Option<char> {
    let lower = base.to_lowercase().next().unwrap_or(base);
    let fits = match quality {
        CIRCUMFLEX => matches!(lower, 'a' | 'e' | 'o'),
        BREVE => lower == 'a',
        _ => matches!(lower, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư'),
    };
    if !fits {
        return None;
    }
    // Compose in canonical order: dot below (ccc 220) before the marks above.
    let order = if tone == DOT { [DOT, quality] } else { [quality, tone] };
    let mut c = base;
    for mark in order {
        if mark != '\0' {
            c = compose(c, mark)?;
        }
    }
    Some(c)
}

/// Decodes VNI bytes into `out` (NFC letters; other high bytes as cp1252).
pub fn decode_into(bytes: &[u8], out: &mut String) {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let base = single_of(b).unwrap_or_else(|| cp1252::char_of(b));
        let next = bytes.get(i + 1).copied();
        let marked = next.and_then(mark_of).and_then(|(q, t)| {
            let y_dot_ok = next != Some(Y_DOT) && next != Some(Y_DOT - 0x20) || matches!(base, 'y' | 'Y');
            if y_dot_ok {
                apply(base, q, t)
            } else {
                None
            }
        });
        match marked {
            Some(c) => {
                out.push(c);
                i += 2;
            }
            None => {
                out.push(base);
                i += 1;
            }
        }
    }
}

/// VNI bytes of one NFC char; `None` if VNI cannot write it.
pub fn encode_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    if c.is_ascii() {
        out.push(u8::try_from(u32::from(c)).ok()?);
        return Some(());
    }
    let is_upper = c.is_uppercase();
    let lower = c.to_lowercase().next().unwrap_or(c);
    if let Some(&(b, _)) = SINGLES.iter().find(|s| s.1 == lower) {
        out.push(if is_upper { b - 0x20 } else { b });
        return Some(());
    }
    let (base, quality, tone) = split(lower)?;
    let (base, quality) = match (base, quality) {
        ('o' | 'u', HORN) => (if base == 'o' { 'ơ' } else { 'ư' }, '\0'),
        _ => (base, quality),
    };
    let base_byte = match SINGLES.iter().find(|s| s.1 == base) {
        Some(&(b, _)) => b,
        None if base.is_ascii() => u8::try_from(u32::from(base)).ok()?,
        None => return None,
    };
    let mark = if base == 'y' && quality == '\0' && tone == DOT {
        Y_DOT
    } else {
        MARKS.iter().find(|m| m.1 == quality && m.2 == tone)?.0
    };
    let case = |b: u8| if is_upper { b.to_ascii_uppercase_latin1() } else { b };
    out.push(case(base_byte));
    out.push(case(mark));
    Some(())
}

/// Base letter, quality mark and tone of a lower-case Vietnamese letter.
fn split(c: char) -> Option<(char, char, char)> {
    let (mut base, mut quality, mut tone) = (None, '\0', '\0');
    let mut ok = true;
    decompose_canonical(c, |d| match d {
        GRAVE | ACUTE | TILDE | HOOK | DOT => tone = d,
        CIRCUMFLEX | BREVE | HORN => quality = d,
        _ if base.is_none() => base = Some(d),
        _ => ok = false,
    });
    if !ok || (quality == '\0' && tone == '\0') {
        return None;
    }
    Some((base?, quality, tone))
}

/// Upper-casing of a latin-1 byte (mark bytes 0xE0..=0xFE and ASCII).
trait Latin1Upper {
    fn to_ascii_uppercase_latin1(self) -> u8;
}

impl Latin1Upper for u8 {
    fn to_ascii_uppercase_latin1(self) -> u8 {
        match self {
            0xE0..=0xFE if self != 0xF7 => self - 0x20,
            _ => self.to_ascii_uppercase(),
        }
    }
}
