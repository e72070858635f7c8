//! Spreadsheet reader on a small xlsx built in the test: merged ranges as
//! spans (covered cells omitted), empty rows dropped, numbers as shown,
//! several sheets named, and a zip bomb refused before calamine sees it.

use sohoa_extract::{extract_bytes, Block, ExtractError, ExtractOptions};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const WORKBOOK: &str = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Nhiệm vụ" sheetId="1" r:id="rId1"/><sheet name="Trống" sheetId="2" r:id="rId2"/><sheet name="KPI" sheetId="3" r:id="rId3"/></sheets></workbook>"#;
const RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>"#;
const PACKAGE_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const TYPES: &str = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;

fn s(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

fn n(r: &str, v: &str) -> String {
    format!(r#"<c r="{r}"><v>{v}</v></c>"#)
}

fn sheet(rows: &[String], merges: &[&str]) -> String {
    let rows: String = rows.concat();
    let merges = if merges.is_empty() {
        String::new()
    } else {
        let m: String = merges.iter().map(|r| format!(r#"<mergeCell ref="{r}"/>"#)).collect();
        format!(r#"<mergeCells count="{}">{m}</mergeCells>"#, merges.len())
    };
    format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData>{merges}</worksheet>"#
    )
}

fn row(r: u32, cells: &[String]) -> String {
    format!(r#"<row r="{r}">{}</row>"#, cells.concat())
}

fn xlsx(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflate = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        zip.start_file(*name, deflate).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fn workbook() -> Vec<u8> {
    let tasks = sheet(
        &[
            row(1, &[s("A1", "KẾ HOẠCH")]),
            row(2, &[s("A2", "STT"), s("B2", "Nội dung"), s("C2", "Chủ trì")]),
            row(3, &[n("A3", "1"), s("B3", "Việc một"), s("C3", "Sở Nội vụ")]),
            row(5, &[n("A5", "2"), s("B5", "Việc hai")]),
            row(6, &[n("A6", "3"), s("B6", "Việc ba")]),
        ],
        &["A1:C1", "C3:C6"],
    );
    let kpi = sheet(&[row(1, &[s("A1", "Chỉ tiêu"), n("B1", "5280"), n("C1", "0.30000000000000004")])], &[]);
    xlsx(&[
        ("[Content_Types].xml", TYPES.to_string()),
        ("_rels/.rels", PACKAGE_RELS.to_string()),
        ("xl/workbook.xml", WORKBOOK.to_string()),
        ("xl/_rels/workbook.xml.rels", RELS.to_string()),
        ("xl/worksheets/sheet1.xml", tasks),
        ("xl/worksheets/sheet2.xml", sheet(&[], &[])),
        ("xl/worksheets/sheet3.xml", kpi),
    ])
}

#[test]
fn sheets_become_named_tables_with_spans() {
    let doc = extract_bytes("t.xlsx", &workbook(), &ExtractOptions::default()).expect("reads");
    let names: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| if let Block::Paragraph(p) = b { Some(p.text.as_str()) } else { None })
        .collect();
    assert_eq!(names, vec!["Nhiệm vụ", "KPI"], "empty sheet skipped, names kept");
    let tables: Vec<_> =
        doc.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
    let t = tables[0];
    assert_eq!(t.rows.len(), 5, "empty row 4 dropped");
    assert_eq!((t.rows[0].cells.len(), t.rows[0].cells[0].colspan), (1, 3));
    let lead = &t.rows[2].cells[2];
    assert_eq!((lead.text.as_str(), lead.rowspan), ("Sở Nội vụ", 3), "rowspan counts kept rows only");
    assert_eq!(t.rows[3].cells.len(), 2, "covered cell omitted");
    assert_eq!(t.rows[2].cells[0].text, "1");
    let kpi: Vec<&str> = tables[1].rows[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(kpi, vec!["Chỉ tiêu", "5280", "0.3"]);
}

#[test]
fn spreadsheet_zip_bomb_is_refused() {
    let big = format!("<worksheet>{}</worksheet>", " ".repeat(8 << 20));
    let bytes = xlsx(&[("[Content_Types].xml", TYPES.to_string()), ("xl/worksheets/sheet1.xml", big)]);
    let opts = ExtractOptions { max_compression_ratio: 50, ..ExtractOptions::default() };
    assert!(matches!(extract_bytes("t.xlsx", &bytes, &opts), Err(ExtractError::Limit { format: "xlsx", .. })));
}

#[test]
fn damaged_spreadsheet_is_an_error_not_a_panic() {
    let mut bytes = workbook();
    let len = bytes.len();
    bytes.truncate(len / 2);
    assert!(extract_bytes("t.xlsx", &bytes, &ExtractOptions::default()).is_err());
    assert!(extract_bytes("t.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage", &ExtractOptions::default()).is_err());
}

/// Fuzz crasher (out of memory inside calamine): an .xls whose directory
/// sector chain loops. It must be refused as damaged before calamine runs.
#[test]
fn fuzz_xls_with_looping_sector_chain_is_damaged() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sheet/fuzz/xls_directory_chain_loop.xls");
    let bytes = std::fs::read(path).expect("fixture");
    match extract_bytes("crash.xls", &bytes, &ExtractOptions::default()) {
        Err(ExtractError::Damaged { format: "xls", cause }) => assert!(cause.contains("chain"), "{cause}"),
        other => panic!("expected a damaged-xls error, got {other:?}"),
    }
}

/// Fuzz crashers: a truncated record, a sheet offset past the stream, a record
/// cut inside its header while the workbook opens (2026-12-05); calamine
/// indexes past a slice. The reader turns calamine's panic into a
/// damaged-file error.
#[test]
fn fuzz_xls_with_bad_records_are_damaged_not_a_panic() {
    for name in [
        "xls_short_record_calamine_panic.xls",
        "xls_bad_offset_calamine_panic.xls",
        "xls_short_header_calamine_panic.xls",
        // MULRK whose last column is before its first (calamine subtracts and overflows)
        "xls_mulrk_column_underflow_calamine_panic.xls",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sheet/fuzz").join(name);
        let bytes = std::fs::read(path).expect("fixture");
        match extract_bytes("crash.xls", &bytes, &ExtractOptions::default()) {
            Err(ExtractError::Damaged { format: "xls", cause }) => {
                assert!(cause.contains("malformed"), "{name}: {cause}");
            }
            other => panic!("{name}: expected a damaged-xls error, got {other:?}"),
        }
    }
}

/// Fuzz crasher (a 61 GB allocation inside calamine, 2026-12-05): an .xls
/// whose value cells lie far apart, so the rectangle calamine allocates from
/// the first to the last is huge. Refused before calamine reads the sheet.
#[test]
fn fuzz_xls_with_far_apart_cells_is_damaged() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sheet/fuzz/xls_far_apart_cells.xls");
    let bytes = std::fs::read(path).expect("fixture");
    match extract_bytes("crash.xls", &bytes, &ExtractOptions::default()) {
        Err(ExtractError::Damaged { format: "xls", cause }) => assert!(cause.contains("cells"), "{cause}"),
        other => panic!("expected a damaged-xls error, got {other:?}"),
    }
}

/// Fuzz crasher (allocation abort inside calamine): a DIMENSIONS record
/// claiming an absurd cell area. Refused before calamine reserves it.
#[test]
fn fuzz_xls_with_huge_dimensions_is_damaged() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sheet/fuzz/xls_huge_dimensions.xls");
    let bytes = std::fs::read(path).expect("fixture");
    match extract_bytes("crash.xls", &bytes, &ExtractOptions::default()) {
        Err(ExtractError::Damaged { format: "xls", cause }) => assert!(cause.contains("DIMENSIONS"), "{cause}"),
        other => panic!("expected a damaged-xls error, got {other:?}"),
    }
}
