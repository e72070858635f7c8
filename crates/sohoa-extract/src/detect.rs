//! Format detection from magic bytes, falling back to the file extension.

use crate::error::ExtractError;
use crate::model::Format;

/// The signature of an OLE2 compound file (.doc, .xls, .ppt, encrypted OOXML).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Refuses compound files that are not Word or Excel documents sohoa reads:
/// a password-protected DOCX/XLSX (an `EncryptedPackage` stream) and a
/// PowerPoint presentation. Other files pass (their reader judges them).
pub(crate) fn refuse_ole(name: &str, bytes: &[u8]) -> Result<(), ExtractError> {
    if !bytes.starts_with(&OLE_MAGIC) {
        return Ok(());
    }
    let Ok(cfb) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) else { return Ok(()) };
    let has = |stream: &str| cfb.is_stream(format!("/{stream}"));
    if has("EncryptedPackage") || has("EncryptionInfo") {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        let format = if ext.starts_with("xls") { "xlsx" } else { "docx" };
        return Err(ExtractError::Encrypted { format, cause: "a password is needed".into() });
    }
    if has("PowerPoint Document") {
        return Err(ExtractError::Unsupported("format not supported: a PowerPoint presentation (.ppt)".into()));
    }
    Ok(())
}

/// The format of `bytes`, named `name`; `None` when neither the bytes nor the extension say.
pub fn detect(name: &str, bytes: &[u8]) -> Option<Format> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if bytes.starts_with(b"%PDF") {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some(Format::Rtf);
    }
    if bytes.starts_with(&OLE_MAGIC) {
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

    fn compound_file(streams: &[&str]) -> Vec<u8> {
        let mut cfb = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("in memory");
        for s in streams {
            use std::io::Write;
            cfb.create_stream(format!("/{s}")).expect("in memory").write_all(b"x").expect("in memory");
        }
        cfb.into_inner().into_inner()
    }

    #[test]
    fn encrypted_ooxml_and_powerpoint_are_named() {
        let enc =
            refuse_ole("plan.docx", &compound_file(&["EncryptionInfo", "EncryptedPackage"])).expect_err("encrypted");
        assert_eq!(enc.to_string(), "encrypted docx file: a password is needed");
        let ppt = refuse_ole("slides.doc", &compound_file(&["PowerPoint Document"])).expect_err("ppt");
        assert!(ppt.to_string().contains("format not supported"), "{ppt}");
        assert!(refuse_ole("a.doc", &compound_file(&["WordDocument"])).is_ok());
    }
}
