//! RTF reader: text, tables, font table and per-font 8-bit bytes.
//!
//! Non-text destinations (`\*`, header/footer, pictures, field instructions...)
//! are skipped; footnotes are appended at their mark as ` [text]`; `\listtext`
//! becomes the paragraph label; `\'xx` bytes are decoded under their font's
//! charset, or handed to the normalizer as cp1252 chars with the font name
//! so that TCVN3/VNI runs decode.

mod fonts;
mod lexer;
mod reader;
mod segments;

use crate::error::ExtractError;
use crate::kit::{Budget, Extracted};
use crate::normalize::Normalizer;
use crate::options::ExtractOptions;
use lexer::Lexer;
use reader::Reader;

/// Deepest group nesting accepted.
const MAX_DEPTH: usize = 10_000;

/// Reads one rtf file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let budget = Budget::start(opts, "rtf");
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let body = bytes.get(start..).unwrap_or(&[]);
    if !body.starts_with(b"{\\rtf") {
        return Err(ExtractError::damaged("rtf", "does not start with {\\rtf"));
    }
    let mut norm = Normalizer::new();
    let mut reader = Reader::new(&mut norm);
    let mut lexer = Lexer::new(body);
    let mut n = 0usize;
    while let Some(t) = lexer.next() {
        if n.is_multiple_of(4096) {
            budget.check()?;
        }
        n += 1;
        reader.token(t);
        if reader.depth() > MAX_DEPTH {
            let at = lexer.position();
            return Err(ExtractError::damaged("rtf", format!("groups nested deeper than {MAX_DEPTH} at byte {at}")));
        }
    }
    let blocks = reader.finish();
    Ok(Extracted { blocks, quality: norm.quality(), ..Extracted::default() })
}
