//! ODS spreadsheets: merged cells (read from content.xml, calamine does not
//! report them) come out as the same colspan/rowspan as in xlsx, numbers
//! and dates as a person sees them, the same workbook as xlsx and as ods
//! gives the same tables, and damaged or hostile files give an error.
//!
//! `fixtures/sheet/merged_values.{xlsx,ods}` come from
//! `scripts/make_sheet_fixtures.py` (openpyxl, then LibreOffice).

use sohoa_extract::{extract_bytes, Block, Cell, ExtractError, ExtractOptions, Table};
use std::io::{Cursor, Write};
use std::path::PathBuf;
use zip::write::SimpleFileOptions;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sheet").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
}

/// `(col, colspan, rowspan, text)` of each cell of a row.
fn cells(cells: &[Cell]) -> Vec<(u16, u16, u16, &str)> {
    cells.iter().map(|c| (c.col, c.colspan, c.rowspan, c.text.as_str())).collect()
}

#[test]
fn ods_merges_become_spans_and_values_read_as_shown() {
    let doc =
        extract_bytes("merged_values.ods", &fixture("merged_values.ods"), &ExtractOptions::default()).expect("reads");
    let t = tables(&doc.blocks);
    assert_eq!(t.len(), 2, "two sheets");
    let rows = &t[0].rows;
    assert_eq!(rows.len(), 7, "the empty row is dropped");
    assert_eq!(cells(&rows[0].cells), vec![(0, 5, 1, "PHỤ LỤC: NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026")]);
    assert_eq!(
        cells(&rows[2].cells),
        vec![
            (0, 1, 1, "1"),
            (1, 1, 1, "Rà soát thủ tục hành chính"),
            (2, 1, 3, "Sở Nội vụ"),
            (3, 1, 1, "07/01/2026"),
            (4, 1, 1, "5280")
        ]
    );
    assert_eq!(
        cells(&rows[3].cells),
        vec![(0, 1, 1, "2"), (1, 1, 1, "Số hóa hồ sơ\nlưu trữ"), (3, 1, 1, "31/03/2026"), (4, 1, 1, "12.5")],
        "the cell under the vertical merge is omitted"
    );
    assert_eq!(cells(&rows[4].cells)[2..], [(3, 1, 1, "31/12/2026 10:30"), (4, 1, 1, "0.3")]);
    assert_eq!(cells(&rows[5].cells), vec![(0, 2, 1, "Tổng cộng"), (2, 2, 2, "Ghi chú chung"), (4, 1, 1, "5292.8")]);
    assert_eq!(
        cells(&rows[6].cells),
        vec![(0, 1, 1, ""), (1, 1, 1, ""), (4, 1, 1, "-1234567.25")],
        "2×2 block covered"
    );
    let times = &t[1].rows;
    assert_eq!(cells(&times[1].cells), vec![(0, 1, 2, "Giao ban tháng"), (1, 1, 1, "08:30"), (2, 1, 1, "Đã xong")]);
    assert_eq!(cells(&times[2].cells), vec![(1, 1, 1, "14:00"), (2, 1, 1, "Chưa")]);
}

#[test]
fn same_workbook_as_xlsx_and_ods_gives_the_same_blocks() {
    let opts = ExtractOptions::default();
    let xlsx = extract_bytes("merged_values.xlsx", &fixture("merged_values.xlsx"), &opts).expect("xlsx reads");
    let ods = extract_bytes("merged_values.ods", &fixture("merged_values.ods"), &opts).expect("ods reads");
    assert_eq!(tables(&xlsx.blocks).len(), 2);
    assert_eq!(xlsx.blocks, ods.blocks);
}

const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";
const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// An ODS package around the given `<table:table>` elements.
fn ods(tables: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflate = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body, how) in [
        ("mimetype", MIMETYPE, stored),
        ("META-INF/manifest.xml", MANIFEST, deflate),
        ("content.xml", &content, deflate),
    ] {
        zip.start_file(name, how).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fn text(s: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#)
}

fn empty(n: u32) -> String {
    format!(r#"<table:table-cell table:number-columns-repeated="{n}"/>"#)
}

/// Rows and columns advanced by repeat counts (values repeated, huge empty
/// runs, covered cells repeated) before the merges: the spans land on the
/// cells that hold them.
#[test]
fn ods_merge_positions_follow_repeat_counts() {
    let sheet = [
        r#"<table:table table:name="S"><table:table-column table:number-columns-repeated="16384"/>"#.to_string(),
        format!(r#"<table:table-row table:number-rows-repeated="2">{}{}</table:table-row>"#, empty(1), text("lặp")),
        format!(r#"<table:table-row table:number-rows-repeated="3">{}</table:table-row>"#, empty(16384)),
        format!(
            r#"<table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-spanned="3" table:number-rows-spanned="2"/><table:covered-table-cell table:number-columns-repeated="2"/>{}</table:table-row>"#,
            text("x")
        ),
        format!(r#"<table:table-row><table:covered-table-cell table:number-columns-repeated="3"/>{}</table:table-row>"#, text("y")),
        format!(
            r#"<table:table-row>{}<table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>gộp</text:p></table:table-cell><table:covered-table-cell/>{}</table:table-row>"#,
            empty(2),
            empty(16380)
        ),
        format!(r#"<table:table-row table:number-rows-repeated="1048000">{}</table:table-row></table:table>"#, empty(16384)),
    ]
    .concat();
    let doc = extract_bytes("t.ods", &ods(&sheet), &ExtractOptions::default()).expect("reads");
    let t = tables(&doc.blocks);
    let rows: Vec<Vec<(u16, u16, u16, &str)>> = t[0].rows.iter().map(|r| cells(&r.cells)).collect();
    assert_eq!(rows.len(), 5, "two repeated rows, three empty rows dropped, three rows");
    assert_eq!(rows[0], rows[1], "a repeated row appears each time");
    assert_eq!(rows[2], vec![(0, 3, 2, "1"), (3, 1, 1, "x")]);
    assert_eq!(rows[3], vec![(3, 1, 1, "y")]);
    assert_eq!(rows[4], vec![(0, 1, 1, ""), (1, 1, 1, ""), (2, 2, 1, "gộp")]);
}

#[test]
fn ods_boolean_and_native_types_read_as_shown() {
    let row = r#"<table:table-row><table:table-cell office:value-type="boolean" office:boolean-value="true"/><table:table-cell office:value-type="percentage" office:value="0.30000000000000004"/><table:table-cell office:value-type="time" office:time-value="PT07H05M00S"/></table:table-row>"#;
    let doc = extract_bytes(
        "t.ods",
        &ods(&format!(r#"<table:table table:name="S">{row}</table:table>"#)),
        &ExtractOptions::default(),
    )
    .expect("reads");
    let t = tables(&doc.blocks);
    let got: Vec<&str> = t[0].rows[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(got, vec!["TRUE", "0.3", "07:05"]);
}

/// A few bytes of XML whose repeat counts would make calamine hold 10^8
/// cells: refused before calamine expands them.
#[test]
fn ods_huge_repeat_counts_are_refused_quickly() {
    let row = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="100"/></table:table-row>"#;
    let bytes = ods(&format!(r#"<table:table table:name="S">{row}</table:table>"#));
    let start = std::time::Instant::now();
    match extract_bytes("t.ods", &bytes, &ExtractOptions::default()) {
        Err(ExtractError::Limit { format: "ods", cause }) => assert!(cause.contains("cells"), "{cause}"),
        other => panic!("expected an ods limit error, got {other:?}"),
    }
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}

/// calamine spells out `text:s` counts and copies a cell's text per
/// repeated column: both refused before calamine builds gigabytes of text.
#[test]
fn ods_text_bombs_are_refused() {
    let spaces = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2000000000"/>b</text:p></table:table-cell></table:table-row>"#;
    let long = "x".repeat(100_000);
    let copies = format!(
        r#"<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="1000"><text:p>{long}</text:p></table:table-cell></table:table-row>"#
    );
    for (what, row) in [("spaces", spaces), ("copies", copies.as_str())] {
        let bytes = ods(&format!(r#"<table:table table:name="S">{row}</table:table>"#));
        match extract_bytes("t.ods", &bytes, &ExtractOptions::default()) {
            Err(ExtractError::Limit { format: "ods", cause }) => assert!(cause.contains("text"), "{what}: {cause}"),
            other => panic!("{what}: expected an ods limit error, got {other:?}"),
        }
    }
}

#[test]
fn ods_with_many_merges_is_refused() {
    let cell = r#"<table:table-cell office:value-type="float" office:value="1" table:number-columns-spanned="2" table:number-columns-repeated="1000"/>"#;
    let row = format!(r#"<table:table-row table:number-rows-repeated="200">{cell}</table:table-row>"#);
    let bytes = ods(&format!(r#"<table:table table:name="S">{row}</table:table>"#));
    assert!(matches!(
        extract_bytes("t.ods", &bytes, &ExtractOptions::default()),
        Err(ExtractError::Limit { format: "ods", .. })
    ));
}

#[test]
fn truncated_ods_is_an_error_not_a_panic() {
    let bytes = fixture("merged_values.ods");
    for len in [10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 30] {
        let got = extract_bytes("t.ods", &bytes[..len], &ExtractOptions::default());
        assert!(matches!(got, Err(ExtractError::Damaged { format: "ods", .. })), "cut at {len}: {got:?}");
    }
}

#[test]
fn ods_with_broken_content_is_damaged() {
    let cut = r#"<table:table table:name="S"><table:table-row>"#;
    let doctype = r#"<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><table:table table:name="S"></table:table>"#;
    let bad_count = r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="many"></table:table-row></table:table>"#;
    for (what, tables) in [("cut off", cut), ("doctype", doctype), ("bad count", bad_count)] {
        let got = extract_bytes("t.ods", &ods(tables), &ExtractOptions::default());
        assert!(matches!(got, Err(ExtractError::Damaged { format: "ods", .. })), "{what}: {got:?}");
    }
}
