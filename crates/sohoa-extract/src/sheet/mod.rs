//! Spreadsheet reader (calamine: xlsx, xls, ods): each non-empty sheet one
//! table, merged ranges applied (ODS merges read from content.xml by `ods`).
//!
//! Choices: when a workbook has more than one non-empty sheet, each table is
//! preceded by a paragraph holding the sheet name (style name `Sheet`);
//! a single-sheet workbook gives just its table. No row is marked as a
//! header (spreadsheets do not say). Cell text goes through the normalizer
//! without a font (legacy .xls text is detected statistically). Zip-based
//! workbooks are checked for bombs before calamine decompresses them, and
//! .xls sector chains for loops before calamine follows them.

mod dims;
mod grid;
mod ods;
mod ole;
mod value;

use crate::error::ExtractError;
use crate::kit::{guard, Budget, Extracted, Limits, SafeZip};
use crate::model::{Block, Format, Paragraph, Span, Style, Table};
use crate::normalize::Normalizer;
use crate::options::ExtractOptions;
use calamine::{open_workbook_auto_from_rs, Dimensions, Ods, Reader, Sheets, Xls, Xlsx};
use std::io::Cursor;

/// Reads one spreadsheet.
pub(crate) fn read(bytes: &[u8], format: Format, opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let name = format.name();
    let budget = Budget::start(opts, name);
    let ods_merges = precheck(bytes, format, opts, &budget)?;
    let mut workbook = guarded(name, || open(bytes, format))?
        .map_err(|e| ExtractError::damaged(name, format!("cannot open workbook: {e}")))?;
    let mut norm = Normalizer::new();
    let mut line = 0u32;
    let mut tables: Vec<(String, Table)> = Vec::new();
    for sheet in workbook.sheet_names() {
        budget.check()?;
        let range = guarded(name, || workbook.worksheet_range(&sheet))?
            .map_err(|e| ExtractError::damaged(name, format!("sheet {sheet}: {e}")))?;
        let merges = guarded(name, || merged_regions(&mut workbook, &sheet, &ods_merges))?;
        if let Some(table) = grid::sheet_table(&range, &merges, &mut norm, &mut line, &budget)? {
            tables.push((sheet, table));
        }
    }
    let blocks = into_blocks(tables, &mut norm);
    Ok(Extracted { blocks, quality: norm.quality(), ..Extracted::default() })
}

/// Checks done before calamine sees the bytes: zip bombs (xlsx, ods),
/// looping sector chains (xls), repeat counts (ods). Returns the ODS merged
/// areas, which calamine does not report.
fn precheck(bytes: &[u8], format: Format, opts: &ExtractOptions, budget: &Budget) -> Result<ods::Merges, ExtractError> {
    match format {
        Format::Xlsx | Format::Ods => {
            let mut zip = SafeZip::open(bytes, Limits::from_options(opts), format.name())?;
            zip.check_xml_entries()?;
            if format == Format::Xlsx {
                dims::check_xlsx(&mut zip)?;
            }
            if format == Format::Ods {
                return ods::merges(&mut zip, budget);
            }
        }
        Format::Xls => check_xls(bytes)?,
        _ => {}
    }
    Ok(ods::Merges::new())
}

/// Largest cell area a BIFF `DIMENSIONS` record may claim (calamine reserves
/// it up front, some 40 bytes a cell; 65536 rows × 61 columns still pass).
const MAX_CLAIMED_CELLS: u64 = 4_000_000;

/// Refuses .xls files whose sector chains loop or whose sheets claim absurd
/// dimensions: calamine would follow or allocate them without limit.
fn check_xls(bytes: &[u8]) -> Result<(), ExtractError> {
    let damaged = |cause: String| ExtractError::damaged("xls", format!("compound file: {cause}"));
    ole::check(bytes).map_err(damaged)?;
    let Some(workbook) = ole::stream(bytes, &["Workbook", "Book"]).map_err(damaged)? else { return Ok(()) };
    match ole::dimension_claims(&workbook).into_iter().max() {
        Some(cells) if cells > MAX_CLAIMED_CELLS => Err(ExtractError::damaged(
            "xls",
            format!("a sheet claims {cells} cells (its DIMENSIONS record or the span of its cells)"),
        )),
        _ => Ok(()),
    }
}

/// Runs a calamine call; calamine indexes some malformed records without
/// bounds checks, and such a panic means the file is damaged.
fn guarded<T>(format: &'static str, f: impl FnOnce() -> T) -> Result<T, ExtractError> {
    guard::catch(f).map_err(|p| ExtractError::damaged(format, format!("malformed records ({p})")))
}

/// Opens the workbook with the reader of its detected format.
fn open(bytes: &[u8], format: Format) -> Result<Sheets<Cursor<&[u8]>>, calamine::Error> {
    let cursor = Cursor::new(bytes);
    Ok(match format {
        Format::Xlsx => Sheets::Xlsx(Xlsx::new(cursor)?),
        Format::Xls => Sheets::Xls(Xls::new(cursor)?),
        Format::Ods => Sheets::Ods(Ods::new(cursor)?),
        _ => open_workbook_auto_from_rs(cursor)?,
    })
}

/// The merged ranges of a sheet: calamine's for xlsx/xls, read from
/// content.xml beforehand for ods.
fn merged_regions(workbook: &mut Sheets<Cursor<&[u8]>>, sheet: &str, ods: &ods::Merges) -> Vec<Dimensions> {
    match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Ods(_) => ods.get(sheet).cloned().unwrap_or_default(),
        Sheets::Xlsb(_) => Vec::new(),
    }
}

/// Tables in sheet order, each after its sheet-name paragraph when there are several.
fn into_blocks(tables: Vec<(String, Table)>, norm: &mut Normalizer) -> Vec<Block> {
    let named = tables.len() > 1;
    let mut blocks = Vec::new();
    for (sheet, table) in tables {
        if named {
            let style = Style { name: Some("Sheet".into()), ..Style::default() };
            let text = norm.run(sheet.trim(), None);
            blocks.push(Block::Paragraph(Paragraph { text, label: None, style, span: Span::line(table.span.line) }));
        }
        blocks.push(Block::Table(table));
    }
    blocks
}
