//! ODS sheet layout read from `content.xml` before calamine runs: the merged
//! areas of each sheet (calamine does not report them for ODS) and a bound
//! on the cells calamine would expand from repeat counts.
//!
//! Positions are counted the way calamine counts them: covered cells take a
//! column, `number-columns-repeated` / `number-rows-repeated` advance by
//! their count, capped at calamine's 1 048 576 rows and 16 384 columns. The
//! areas therefore line up with calamine's ranges and go through the same
//! grid code as xlsx merges. calamine copies a cell's text once per repeated
//! column and row and spells out `<text:s text:c="n"/>` as n spaces, so a
//! few bytes of XML can ask for gigabytes: a workbook whose repeat counts
//! would make calamine hold more cells than the grid accepts, or more text
//! than [`MAX_TEXT_BYTES`], is refused here, before calamine allocates it.

use super::grid::MAX_CELLS;
use crate::error::ExtractError;
use crate::kit::{Budget, SafeZip};
use calamine::Dimensions;
use quick_xml::escape::unescape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// calamine's cap on the rows of an ODS sheet.
const MAX_ROWS: u64 = 1_048_576;
/// calamine's cap on the columns of an ODS sheet.
const MAX_COLUMNS: u64 = 16_384;
/// Most merged areas accepted in one workbook.
const MAX_MERGES: usize = 100_000;
/// Most cell text (bytes, repeats expanded) calamine may build for one workbook.
const MAX_TEXT_BYTES: u64 = 64 << 20;
const FORMAT: &str = "ods";

/// Merged areas by sheet name, in calamine's absolute positions.
pub(crate) type Merges = HashMap<String, Vec<Dimensions>>;

fn damaged(cause: impl ToString) -> ExtractError {
    ExtractError::damaged(FORMAT, cause)
}

fn limit(cause: String) -> ExtractError {
    ExtractError::Limit { format: FORMAT, cause }
}

/// Reads the merged areas of every sheet and checks the cell bounds.
pub(crate) fn merges(zip: &mut SafeZip, budget: &Budget) -> Result<Merges, ExtractError> {
    let content = zip.read("content.xml")?.ok_or_else(|| damaged("no content.xml"))?;
    let mut scan = Scan { reader: Reader::from_reader(content.as_slice()), budget, merges: 0, text: 0 };
    scan.reader.config_mut().check_end_names = false;
    scan.reader.config_mut().allow_dangling_amp = true;
    let mut out = Merges::new();
    loop {
        match scan.next()? {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                if let Some(name) = text_attr(&e, "table:name")? {
                    let sheet = scan.table(&name)?;
                    out.insert(name, sheet);
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The XML reader and the workbook-wide counts.
struct Scan<'a, 'd> {
    reader: Reader<&'a [u8]>,
    budget: &'d Budget,
    merges: usize,
    /// Cell text calamine would build so far, in bytes.
    text: u64,
}

impl<'a> Scan<'a, '_> {
    /// The next event; a DOCTYPE (entity declarations) is refused.
    fn next(&mut self) -> Result<Event<'a>, ExtractError> {
        match self.reader.read_event() {
            Ok(Event::DocType(_)) => Err(damaged("content.xml declares a DOCTYPE (entity expansion refused)")),
            Ok(event) => Ok(event),
            Err(e) => Err(damaged(format!("content.xml: {e}"))),
        }
    }

    /// Walks a cell's content up to its end tag; an upper bound on the bytes
    /// of text calamine may build from it (text, `text:s` spaces, one per element).
    fn cell_content(&mut self) -> Result<u64, ExtractError> {
        let (mut depth, mut len) = (0u32, 0u64);
        loop {
            let add = match self.next()? {
                Event::Start(e) => {
                    depth += 1;
                    spaces(&e)
                }
                Event::Empty(e) => spaces(&e),
                Event::Text(t) => t.len() as u64,
                // `&name;` as written
                Event::GeneralRef(r) => r.len() as u64 + 2,
                Event::CData(t) => t.len() as u64,
                Event::End(_) if depth == 0 => return Ok(len),
                Event::End(_) => {
                    depth -= 1;
                    0
                }
                Event::Eof => return Err(damaged("a cell is cut off")),
                _ => 0,
            };
            len = len.saturating_add(add);
        }
    }

    /// Scans one `table:table` up to its end; its merged areas.
    fn table(&mut self, name: &str) -> Result<Vec<Dimensions>, ExtractError> {
        let mut sheet = Sheet::default();
        loop {
            match self.next()? {
                Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                    let cells = self.row()?;
                    sheet.finish_row(&e, &cells, &mut self.merges)?;
                    self.budget.check()?;
                }
                Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                    sheet.finish_row(&e, &RowScan::default(), &mut self.merges)?;
                }
                Event::End(e) if e.name().as_ref() == "table:table" => break,
                Event::Eof => return Err(damaged(format!("sheet {name} is cut off"))),
                _ => {}
            }
        }
        sheet.check_size(name)?;
        self.text = self.text.saturating_add(sheet.text);
        if self.text > MAX_TEXT_BYTES {
            return Err(limit(format!("cell text with repeats expanded exceeds {MAX_TEXT_BYTES} bytes")));
        }
        Ok(sheet.merges)
    }

    /// Scans the cells of one row up to its end tag.
    fn row(&mut self) -> Result<RowScan, ExtractError> {
        let mut row = RowScan::default();
        loop {
            match self.next()? {
                Event::Start(e) if is_cell(&e) => {
                    let content = self.cell_content()?;
                    row.cell(&e, content)?;
                }
                Event::Empty(e) if is_cell(&e) => row.cell(&e, 0)?,
                Event::End(e) if e.name().as_ref() == "table:table-row" => return Ok(row),
                Event::Eof => return Err(damaged("a row is cut off")),
                _ => {}
            }
        }
    }
}

/// Characters an element inside a cell may add: `text:c` for `text:s`, else one.
fn spaces(e: &BytesStart) -> u64 {
    if e.name().as_ref() != "text:s" {
        return 1;
    }
    count_attr(e, "text:c").ok().flatten().unwrap_or(1)
}

fn is_cell(e: &BytesStart) -> bool {
    matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell")
}

/// One sheet's running position, merged areas and cell bounds.
#[derive(Default)]
struct Sheet {
    /// Index of the next row.
    row: u64,
    merges: Vec<Dimensions>,
    /// Cells calamine stores before expanding repeated rows.
    stored: u64,
    /// Bounds of the cells holding a value: `(r0, c0, r1, c1)`.
    used: Option<(u64, u64, u64, u64)>,
    /// Cell text calamine would build, repeats expanded, in bytes.
    text: u64,
}

impl Sheet {
    /// Accounts for a finished row element repeated `number-rows-repeated`
    /// times: its merged areas (once per repetition when the row holds a
    /// value; once only for an empty row, whose repetitions are layout).
    fn finish_row(&mut self, e: &BytesStart, cells: &RowScan, total: &mut usize) -> Result<(), ExtractError> {
        let repeats = count_attr(e, "table:number-rows-repeated")?.unwrap_or(1).min(MAX_ROWS - self.row);
        self.stored = self.stored.saturating_add(cells.pos);
        self.text = self.text.saturating_add(cells.text.saturating_mul(repeats.max(1)));
        if let (Some((c0, c1)), true) = (cells.used, repeats > 0) {
            let (r0, r1) = (self.row, self.row + repeats - 1);
            self.used = Some(match self.used {
                None => (r0, c0, r1, c1),
                Some(u) => (u.0.min(r0), u.1.min(c0), u.2.max(r1), u.3.max(c1)),
            });
        }
        let emitted = if cells.used.is_some() { repeats } else { repeats.min(1) };
        for r in self.row..self.row + emitted {
            for span in &cells.spans {
                self.push_span(r, span, total)?;
            }
        }
        self.row += repeats;
        Ok(())
    }

    /// Adds the areas of one spanning cell element (repeated across columns) on row `r`.
    fn push_span(&mut self, r: u64, span: &SpanCell, total: &mut usize) -> Result<(), ExtractError> {
        for c in span.col..span.col + span.repeats {
            *total += 1;
            if *total > MAX_MERGES {
                return Err(limit(format!("more than {MAX_MERGES} merged areas")));
            }
            let end_r = r.saturating_add(span.rows - 1).min(MAX_ROWS - 1);
            let end_c = c.saturating_add(span.cols - 1).min(MAX_COLUMNS - 1);
            // Positions are capped below 2^21 (rows) and 2^14 (columns), so they fit u32.
            self.merges.push(Dimensions::new((r as u32, c as u32), (end_r as u32, end_c as u32)));
        }
        Ok(())
    }

    /// Refuses a sheet calamine would expand past the grid's cell cap.
    fn check_size(&self, name: &str) -> Result<(), ExtractError> {
        let area = self.used.map_or(0, |(r0, c0, r1, c1)| (r1 - r0 + 1).saturating_mul(c1 - c0 + 1));
        let cells = area.max(self.stored);
        if cells > MAX_CELLS {
            return Err(limit(format!("sheet {name} expands to {cells} cells")));
        }
        Ok(())
    }
}

/// A cell element that spans: first column, column repetitions, spans.
struct SpanCell {
    col: u64,
    repeats: u64,
    cols: u64,
    rows: u64,
}

/// One row element's cells, counted as calamine pushes them.
#[derive(Default)]
struct RowScan {
    /// Cells pushed so far (the column of the next pushed cell).
    pos: u64,
    /// Empty cells not pushed yet (calamine pushes them only before a later cell).
    pending: u64,
    spans: Vec<SpanCell>,
    /// First and last column holding a value.
    used: Option<(u64, u64)>,
    /// Text bytes of the cells with a value, column repeats expanded.
    text: u64,
}

impl RowScan {
    /// Accounts for one cell element whose content holds up to `content` bytes of text.
    fn cell(&mut self, e: &BytesStart, content: u64) -> Result<(), ExtractError> {
        let repeats = count_attr(e, "table:number-columns-repeated")?.unwrap_or(1);
        self.pos += self.pending.min(MAX_COLUMNS - self.pos);
        self.pending = 0;
        let col = self.pos;
        let count = repeats.min(MAX_COLUMNS - col);
        if has_value(e)? && count > 0 {
            self.pos += count;
            let attrs: u64 = e.attributes().flatten().map(|a| a.value.len() as u64).sum();
            self.text = self.text.saturating_add(attrs.saturating_add(content).saturating_mul(count));
            let last = col + count - 1;
            self.used = Some(self.used.map_or((col, last), |(a, _)| (a, last)));
        } else {
            self.pending = count;
        }
        if e.name().as_ref() == "table:table-cell" && count > 0 {
            let span = |key: &str| count_attr(e, key).ok().flatten().unwrap_or(1).max(1);
            let (cols, rows) = (span("table:number-columns-spanned"), span("table:number-rows-spanned"));
            if cols > 1 || rows > 1 {
                self.spans.push(SpanCell { col, repeats: count, cols, rows });
            }
        }
        Ok(())
    }
}

/// Whether calamine reads a value (or a formula) from the cell; a superset
/// of calamine's test, so the size bound never undercounts.
fn has_value(e: &BytesStart) -> Result<bool, ExtractError> {
    for attr in e.attributes() {
        let attr = attr.map_err(|err| damaged(format!("content.xml attribute: {err}")))?;
        match attr.key.as_ref() {
            "office:value"
            | "office:string-value"
            | "office:date-value"
            | "office:time-value"
            | "office:boolean-value"
            | "table:formula" => return Ok(true),
            "office:value-type" if attr.value.as_ref() == "string" => return Ok(true),
            _ => {}
        }
    }
    Ok(false)
}

/// An attribute's unescaped text.
fn text_attr(e: &BytesStart, key: &str) -> Result<Option<String>, ExtractError> {
    let attr = e.try_get_attribute(key).map_err(|err| damaged(format!("content.xml attribute: {err}")))?;
    attr.map(|a| {
        unescape(&a.value)
            .map(std::borrow::Cow::into_owned)
            .map_err(|err| damaged(format!("content.xml attribute: {err}")))
    })
    .transpose()
}

/// A count attribute (`number-rows-repeated`, ...); not a number → damaged, as calamine refuses it too.
fn count_attr(e: &BytesStart, key: &str) -> Result<Option<u64>, ExtractError> {
    let Some(text) = text_attr(e, key)? else { return Ok(None) };
    let n = text.trim().parse::<u64>().map_err(|_| damaged(format!("content.xml: {key} is not a count")))?;
    Ok(Some(n))
}
