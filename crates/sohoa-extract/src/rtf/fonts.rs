//! The RTF font table: font names and charsets, and how a run's bytes are decoded under its font.

use crate::normalize::legacy::cp1252;
use encoding_rs::Encoding;
use std::collections::HashMap;

/// One `\fonttbl` entry.
#[derive(Debug, Clone, Default)]
pub(crate) struct Font {
    pub name: String,
    pub charset: Option<i32>,
}

/// Fonts by number, plus the document defaults.
#[derive(Debug, Default)]
pub(crate) struct FontTable {
    fonts: HashMap<i32, Font>,
    pub default_font: Option<i32>,
    pub ansi_cpg: Option<i32>,
    /// Entry being read: number, charset, name bytes.
    pending: Option<(i32, Option<i32>, Vec<u8>)>,
}

impl FontTable {
    /// `\fN` inside the font table starts an entry.
    pub(crate) fn begin(&mut self, id: i32) {
        self.commit();
        self.pending = Some((id, None, Vec::new()));
    }

    /// `\fcharsetN` of the pending entry.
    pub(crate) fn charset(&mut self, cs: i32) {
        if let Some(p) = self.pending.as_mut() {
            p.1 = Some(cs);
        }
    }

    /// Name bytes; a `;` ends the entry.
    pub(crate) fn name_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            match (b, self.pending.as_mut()) {
                (b';', Some(_)) => self.commit(),
                (_, Some(p)) if p.2.len() < 256 => p.2.push(b),
                _ => {}
            }
        }
    }

    /// Stores the pending entry, if any.
    pub(crate) fn commit(&mut self) {
        if let Some((id, charset, name)) = self.pending.take() {
            let (name, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&name);
            self.fonts.insert(id, Font { name: name.trim().to_string(), charset });
        }
    }

    /// The font of a run (its own number, else the default font).
    pub(crate) fn get(&self, id: Option<i32>) -> Option<&Font> {
        self.fonts.get(&id.or(self.default_font)?)
    }

    /// A run's raw bytes as characters under font `id`: through the code page
    /// of its charset, else as cp1252 chars (how the normalizer takes legacy
    /// 8-bit text such as TCVN3 and VNI).
    pub(crate) fn to_chars(&self, bytes: &[u8], id: Option<i32>) -> String {
        let cp = match self.get(id).and_then(|f| f.charset) {
            Some(cs) => charset_codepage(cs),
            None => self.ansi_cpg.filter(|&c| c != 1252),
        };
        match cp.and_then(codepage_encoding) {
            Some(enc) => enc.decode_without_bom_handling(bytes).0.into_owned(),
            None => bytes.iter().map(|&b| cp1252::char_of(b)).collect(),
        }
    }

    /// A symbol font (`\fcharset2`): its bytes are glyph codes, not text in any encoding.
    pub(crate) fn is_symbol(&self, id: Option<i32>) -> bool {
        self.get(id).is_some_and(|f| f.charset == Some(2))
    }

    /// The name of font `id`, for the normalizer.
    pub(crate) fn name(&self, id: Option<i32>) -> Option<&str> {
        self.get(id).map(|f| f.name.as_str())
    }
}

/// The Windows code page of an RTF `\fcharset`; `None` for ANSI, default and symbol charsets.
fn charset_codepage(cs: i32) -> Option<i32> {
    Some(match cs {
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}

/// The decoder of a Windows code page.
fn codepage_encoding(cp: i32) -> Option<&'static Encoding> {
    match cp {
        932 => Some(encoding_rs::SHIFT_JIS),
        936 => Some(encoding_rs::GBK),
        949 => Some(encoding_rs::EUC_KR),
        950 => Some(encoding_rs::BIG5),
        874 | 1250..=1258 => Encoding::for_label(format!("windows-{cp}").as_bytes()),
        _ => None,
    }
}
