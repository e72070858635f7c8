//! What a reader hands back ([`Extracted`]), and the [`Document`] made of it
//! with the file's provenance.

use crate::model::{Block, Diagnostic, Document, Format, Paragraph, Source, TextQuality};
use sha2::{Digest, Sha256};

/// A reader's output: the body, and the running headers and footers it keeps
/// apart ([`Document::furniture`]; none for formats without them).
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    pub blocks: Vec<Block>,
    pub pages: Option<u32>,
    pub diagnostics: Vec<Diagnostic>,
    pub quality: TextQuality,
    pub furniture: Vec<Paragraph>,
}

impl Extracted {
    /// The document of the file at `path` (its name in the record) holding `bytes`.
    pub fn into_document(self, path: &str, format: Format, bytes: &[u8]) -> Document {
        Document {
            source: Source {
                path: path.to_string(),
                format,
                sha256: hex_sha256(bytes),
                pages: self.pages,
                text_quality: self.quality,
            },
            blocks: self.blocks,
            diagnostics: self.diagnostics,
            furniture: self.furniture,
        }
    }
}

/// Lower-case hex SHA-256.
pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_carries_the_digest_and_the_reader_output() {
        let read = Extracted { pages: Some(3), ..Extracted::default() };
        let doc = read.into_document("a.txt", Format::Text, b"abc");
        assert_eq!(doc.source.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!((doc.source.path.as_str(), doc.source.pages), ("a.txt", Some(3)));
    }
}
