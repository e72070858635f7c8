//! DOCX reader (zip + quick-xml): paragraphs with Word numbering, tables, footnotes.
//!
//! Choices: Word's automatic numbers become `Paragraph::label` (bullets all
//! print as `"-"`, a `+` glyph as `"+"`); footnote and endnote texts are kept out of
//! the body (never glued to the text at their mark) and follow the headers and footers
//! in `Document::furniture`; nested tables are flattened into the outer cell's text;
//! text boxes follow the paragraph that anchors them; headers and footers
//! are read after the body into `Document::furniture` (each distinct
//! paragraph once; one that fails to read only loses the furniture). Only the
//! main document, header/footer, styles, numbering, notes and theme parts are parsed.

mod body;
mod fields;
mod format;
mod notes;
mod numbering;
mod parts;
mod props;
mod styles;
mod table;
mod xml;

use crate::error::ExtractError;
use crate::kit::furniture::distinct;
use crate::kit::{Budget, Extracted, Limits, SafeZip};
use crate::model::{Block, Diagnostic, Paragraph};
use crate::normalize::Normalizer;
use crate::options::ExtractOptions;
use body::Walker;
use notes::Notes;
use numbering::Numbering;
use parts::{Part, PartMap};
use styles::{Styles, ThemeFonts};
use xml::Node;

const FORMAT: &str = "docx";

/// Reads one docx file.
pub(crate) fn read(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let budget = Budget::start(opts, FORMAT);
    let mut zip = SafeZip::open(bytes, Limits::from_options(opts), FORMAT)?;
    let parts = PartMap::read(&mut zip, &budget)?;
    let document = parse_part(&mut zip, &parts.main, &budget)?
        .ok_or_else(|| ExtractError::damaged(FORMAT, format!("main part {} is missing", parts.main)))?;
    let mut diagnostics = Vec::new();
    let mut optional = |part: Part| -> Result<Option<Node>, ExtractError> {
        let Some(name) = parts.get(part) else { return Ok(None) };
        match parse_part(&mut zip, name, &budget) {
            Err(e @ (ExtractError::Timeout { .. } | ExtractError::Limit { .. })) => Err(e),
            Err(e) => {
                diagnostics.push(Diagnostic::new("docx.part_ignored", format!("{name} ignored: {e}")));
                Ok(None)
            }
            Ok(node) => Ok(node),
        }
    };
    let theme = optional(Part::Theme)?;
    let styles_xml = optional(Part::Styles)?;
    let numbering_xml = optional(Part::Numbering)?;
    let footnotes = optional(Part::Footnotes)?;
    let endnotes = optional(Part::Endnotes)?;
    let styles = Styles::parse(styles_xml.as_ref(), theme.as_ref().map(ThemeFonts::parse).unwrap_or_default());
    let notes = Notes::new(footnotes.as_ref(), endnotes.as_ref());
    let body = document
        .child("w:body")
        .ok_or_else(|| ExtractError::damaged(FORMAT, format!("{} has no w:body", parts.main)))?;
    let walk = |norm: Normalizer| -> Result<(Vec<Block>, Vec<Paragraph>, Normalizer), ExtractError> {
        let mut walker = Walker::new(&styles, Numbering::parse(numbering_xml.as_ref()), &notes, &budget, norm);
        let mut blocks = Vec::new();
        walker.blocks(body, &mut blocks)?;
        Ok((blocks, walker.notes_read, walker.norm))
    };
    let (mut blocks, mut notes_read, mut norm) = walk(Normalizer::new())?;
    // A run decided before the document showed what its font holds is read
    // again; out of time, the first reading stands.
    if let Some(again) = norm.replay() {
        match walk(again) {
            Ok(second) => (blocks, notes_read, norm) = second,
            Err(ExtractError::Timeout { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    // The text-quality report (in the records) is the body's.
    let quality = norm.quality();
    let mut walker = Walker::new(&styles, Numbering::parse(numbering_xml.as_ref()), &notes, &budget, norm);
    let mut furniture = read_furniture(&mut zip, &parts, &mut walker, &mut diagnostics);
    // Notes are furniture too: their text never joins the paragraph that marks them.
    furniture.extend(notes_read);
    Ok(Extracted { blocks, pages: None, diagnostics, quality, furniture })
}

/// The header and footer parts' distinct paragraphs; the first part that
/// fails to read ends the furniture with a diagnostic, the body stays.
fn read_furniture(
    zip: &mut SafeZip,
    parts: &PartMap,
    walker: &mut Walker,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Paragraph> {
    let mut stories = Vec::new();
    for name in parts.headers_and_footers() {
        let mut blocks = Vec::new();
        let read = parse_part(zip, name, walker.budget)
            .and_then(|root| root.map_or(Ok(()), |r| walker.blocks(&r, &mut blocks)));
        if let Err(e) = read {
            diagnostics.push(Diagnostic::new("docx.part_ignored", format!("{name} ignored: {e}")));
            break;
        }
        stories.push(blocks);
    }
    distinct(stories)
}

/// Reads and parses one part; `None` when the archive lacks it.
fn parse_part(zip: &mut SafeZip, name: &str, budget: &Budget) -> Result<Option<Node>, ExtractError> {
    match zip.read(name)? {
        Some(bytes) => xml::parse(&bytes, name, budget).map(Some),
        None => Ok(None),
    }
}
