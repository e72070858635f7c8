//! Format detection from magic bytes, falling back to the file extension.

use crate::model::Format;

/// The format of `bytes`, named `name`; `None` when neither the bytes nor the extension say.
pub fn detect(name: &str, bytes: &[u8]) -> Option<Format> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if bytes.starts_with(b"%PDF") {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some(Format::Rtf);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(if ext == "xls" { Format::Xls } else { Format::Doc });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match ext.as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            _ => Some(Format::Docx),
        };
    }
    match ext.as_str() {
        "txt" | "text" | "md" => Some(Format::Text),
        "pdf" => Some(Format::Pdf),
        "docx" => Some(Format::Docx),
        "doc" => Some(Format::Doc),
        "rtf" => Some(Format::Rtf),
        "xlsx" | "xlsm" => Some(Format::Xlsx),
        "xls" => Some(Format::Xls),
        "ods" => Some(Format::Ods),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_beats_extension() {
        assert_eq!(detect("a.txt", b"%PDF-1.4"), Some(Format::Pdf));
        assert_eq!(detect("a.xlsx", b"PK\x03\x04...."), Some(Format::Xlsx));
        assert_eq!(detect("a.bin", b"PK\x03\x04...."), Some(Format::Docx));
        assert_eq!(detect("a.txt", b"hello"), Some(Format::Text));
        assert_eq!(detect("a.bin", b"hello"), None);
    }
}
