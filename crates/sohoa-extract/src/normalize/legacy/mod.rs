//! Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI-Windows, VISCII, CP1258):
//! table-driven decoders and encoders, and what a font name says about them.

pub mod cp1252;
mod cp1258;
mod font;
mod tcvn3;
mod viscii;
mod vni;

pub use font::{font_hint, FontHint};

use unicode_normalization::UnicodeNormalization;

/// A legacy encoding sohoa can decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN3 (ABC): `.VnTime` fonts.
    Tcvn3,
    /// VNI: `VNI-Times` fonts.
    Vni,
    /// VISCII.
    Viscii,
    /// Windows-1258.
    Cp1258,
}

impl Legacy {
    /// Every legacy encoding, in the order statistics try them.
    pub const ALL: [Legacy; 4] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii, Legacy::Cp1258];

    /// Lower-case name used in the text-quality report.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni",
            Legacy::Viscii => "viscii",
            Legacy::Cp1258 => "cp1258",
        }
    }

    /// Decodes 8-bit bytes; the result is NFC.
    pub fn decode(self, bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
        let combining = match self {
            Legacy::Tcvn3 => {
                tcvn3::decode_into(bytes, &mut out);
                bytes.iter().any(|b| (0xB0..=0xB4).contains(b))
            }
            Legacy::Vni => {
                vni::decode_into(bytes, &mut out);
                false
            }
            Legacy::Viscii => {
                out.extend(bytes.iter().map(|&b| viscii::char_of(b)));
                false
            }
            Legacy::Cp1258 => {
                out.extend(bytes.iter().map(|&b| cp1258::char_of(b)));
                true
            }
        };
        if combining {
            out.nfc().collect()
        } else {
            out
        }
    }

    /// The table entry of one byte for the one-byte encodings (TCVN3 with its
    /// VN1 capitals, VISCII, CP1258); `None` for VNI, which pairs bytes.
    pub fn table_char(self, b: u8) -> Option<char> {
        match self {
            Legacy::Tcvn3 => Some(tcvn3::vn1_char(b)),
            Legacy::Viscii => Some(viscii::char_of(b)),
            Legacy::Cp1258 => Some(cp1258::char_of(b)),
            Legacy::Vni => None,
        }
    }

    /// Encodes `text` (any normalization form); `None` if a char cannot be
    /// written. TCVN3 writes capitals with the VN1 chart.
    pub fn encode(self, text: &str) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(text.len());
        for c in text.nfc() {
            self.encode_char(c, &mut out)?;
        }
        Some(out)
    }

    /// As [`Legacy::encode`], writing a char the encoding lacks as its cp1252
    /// byte when that byte means nothing else here, else as `?`.
    pub fn encode_lossy(self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len());
        for c in text.nfc() {
            if self.encode_char(c, &mut out).is_none() {
                let fallback = cp1252::byte_of(c).filter(|&b| self.decode(&[b]) == c.to_string());
                out.push(fallback.unwrap_or(b'?'));
            }
        }
        out
    }

    fn encode_char(self, c: char, out: &mut Vec<u8>) -> Option<()> {
        match self {
            Legacy::Tcvn3 => out.push(tcvn3::encode_char(c)?),
            Legacy::Vni => vni::encode_char(c, out)?,
            Legacy::Viscii => out.push(viscii::encode_char(c)?),
            Legacy::Cp1258 => cp1258::encode_char(c, out)?,
        }
        Some(())
    }
}

/// TCVN3 bytes for a run set in an `...H` font: the text is written in
/// lower case and the font draws capitals. `None` if a char cannot be written.
pub fn encode_tcvn3_caps(text: &str) -> Option<Vec<u8>> {
    let lower: String = text.nfc().flat_map(char::to_lowercase).collect();
    lower.chars().map(tcvn3::encode_char_abc).collect()
}

/// TCVN3 bytes for an ABC font (no toned capitals). `None` if a char cannot be written.
pub fn encode_tcvn3_abc(text: &str) -> Option<Vec<u8>> {
    text.nfc().map(tcvn3::encode_char_abc).collect()
}

/// Splits bytes into word tokens (ASCII alphanumerics, bytes ≥ 0x80 and the
/// encoding's letters on control codes) and single other bytes.
pub(crate) struct TokenBytes<'a> {
    rest: &'a [u8],
    extra_letter: fn(u8) -> bool,
}

impl<'a> TokenBytes<'a> {
    pub(crate) fn new(bytes: &'a [u8], extra_letter: fn(u8) -> bool) -> Self {
        TokenBytes { rest: bytes, extra_letter }
    }

    fn is_word(&self, b: u8) -> bool {
        b >= 0x80 || b.is_ascii_alphanumeric() || (self.extra_letter)(b)
    }
}

impl<'a> Iterator for TokenBytes<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let first = *self.rest.first()?;
        let len = if self.is_word(first) {
            self.rest.iter().position(|&b| !self.is_word(b)).unwrap_or(self.rest.len())
        } else {
            1
        };
        let (token, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(token)
    }
}
