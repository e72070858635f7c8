//! Text-dump reader: markdown-like dumps (tab tables with inline HTML) and plain PDF-to-text dumps.

mod markdown;
mod markup;
mod plain;
mod plain_table;

use crate::error::ExtractError;
use crate::kit::Extracted;
use crate::normalize::Normalizer;
use crate::options::ExtractOptions;

/// The two dump styles sohoa knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `#` headings, `**bold**`, tab-separated table rows with inline HTML.
    Markdown,
    /// Hard-wrapped PDF-to-text output, page breaks as runs of blank lines.
    Plain,
}

/// Reads one text dump.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let _ = opts;
    let mut norm = Normalizer::new();
    let text = decode(bytes, &mut norm)?;
    let lines: Vec<String> = text.lines().map(|l| norm.run(l, None)).collect();
    let blocks = match style_of(&lines) {
        Style::Markdown => markdown::blocks(&lines),
        Style::Plain => plain::blocks(&lines),
    };
    Ok(Extracted { blocks, quality: norm.quality(), ..Extracted::default() })
}

/// The file's text: UTF-8 (a BOM is dropped), else the normalizer's legacy decoding.
fn decode(bytes: &[u8], norm: &mut Normalizer) -> Result<String, ExtractError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
        return Err(ExtractError::damaged("text", "binary data (NUL bytes) in a text file"));
    }
    Ok(norm.decode_file(bytes))
}

/// Markdown-like when the dump uses tab tables, `#` headings or `**` bold.
fn style_of(lines: &[String]) -> Style {
    let marked = lines.iter().filter(|l| l.contains('\t') || l.starts_with('#') || l.contains("**")).count();
    if marked >= 3 {
        Style::Markdown
    } else {
        Style::Plain
    }
}
