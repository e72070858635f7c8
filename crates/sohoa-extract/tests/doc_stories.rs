//! The .doc header/footer and text-box stories, on a LibreOffice-made fixture
//! (`scripts/make_doc_stories_fixture.py`): running headers and footers go to
//! `Document::furniture` (a TCVN3 header decoded), text boxes into the body
//! after the paragraph or table anchoring them, each once; damaged story
//! tables give errors or documents, never panics. The DOCX export of the
//! same source checks the DOCX reader's header and footer parts.

mod support;

use sohoa_extract::{extract_bytes, Block, Document, ExtractError};
use std::io::{Read, Write};
use support::{fixtures, opts, plain_text};

fn fixture_bytes() -> Vec<u8> {
    std::fs::read(fixtures("doc").join("headers_boxes.doc")).expect("fixture")
}

fn read(bytes: &[u8]) -> Result<Document, ExtractError> {
    extract_bytes("headers_boxes.doc", bytes, &opts())
}

fn body_lines(doc: &Document) -> Vec<String> {
    plain_text(doc).lines().map(str::to_string).collect()
}

#[test]
fn header_and_footer_are_furniture_decoded_once() {
    let doc = read(&fixture_bytes()).expect("reads");
    let furniture: Vec<&str> = doc.furniture.iter().map(|p| p.text.as_str()).collect();
    // The header is TCVN3 (.VnTime) with a page number; the footer Unicode.
    assert_eq!(furniture, ["văn phòng quốc hội 1", "Lưu hành nội bộ"]);
    let lines: Vec<u32> = doc.furniture.iter().map(|p| p.span.line).collect();
    assert_eq!(lines, [1, 2]);
    let body = plain_text(&doc);
    assert!(!body.contains("văn phòng") && !body.contains("Lưu hành"), "furniture leaked into the body:\n{body}");
}

#[test]
fn text_boxes_follow_their_anchoring_paragraph_or_table_once() {
    let doc = read(&fixture_bytes()).expect("reads");
    let want = [
        "Đoạn mở đầu.",
        "Đoạn giữ khung.",
        "DỰ THẢO",
        "Hộp văn bản dòng hai",
        "Đoạn sau khung.",
        "Ô một",
        "Ô hai",
        "Hộp trong bảng",
        "Đoạn kết thúc.",
        "Trang hai.",
    ];
    assert_eq!(body_lines(&doc), want);
    // The table stays one table, the box after it; lines keep counting up.
    let kinds: Vec<char> = doc.blocks.iter().map(|b| if matches!(b, Block::Table(_)) { 'T' } else { 'P' }).collect();
    assert_eq!(kinds.iter().collect::<String>(), "PPPPPTPPP");
    let lines: Vec<u32> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.span.line,
            Block::Table(t) => t.span.line,
            Block::PageBreak { .. } => 0,
        })
        .collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "line numbers not increasing: {lines:?}");
}

/// Offset of the WordDocument stream's FIB in the file (a sector start with `wIdent`).
fn fib_offset(bytes: &[u8]) -> usize {
    (512..bytes.len()).step_by(512).find(|&at| bytes[at..].starts_with(&[0xEC, 0xA5])).expect("a FIB sector")
}

#[test]
fn damaged_story_counts_and_tables_never_panic() {
    let bytes = fixture_bytes();
    let fib = fib_offset(&bytes);
    // ccpHdd, ccpTxbx; fc/lcb of PlcfHdd, PlcSpaMom, PlcftxbxTxt.
    let fields = [0x54, 0x64, 154 + 8 * 11, 158 + 8 * 11, 154 + 8 * 40, 158 + 8 * 40, 154 + 8 * 56, 158 + 8 * 56];
    for &field in &fields {
        for value in [0u32, 1, 7, 40, 0xFFFF, 0x7FFF_FFFF, u32::MAX] {
            let mut b = bytes.clone();
            b[fib + field..fib + field + 4].copy_from_slice(&value.to_le_bytes());
            match read(&b) {
                Ok(doc) => assert!(
                    body_lines(&doc).contains(&"Đoạn mở đầu.".to_string()),
                    "body lost with field {field:#x}={value}"
                ),
                Err(e) => assert!(!matches!(e, ExtractError::Panic(_)), "panic with field {field:#x}={value}: {e}"),
            }
        }
    }
}

#[test]
fn every_truncation_and_corruption_is_an_error_or_a_document() {
    let bytes = fixture_bytes();
    for len in (0..bytes.len()).step_by(331) {
        if let Err(e) = read(&bytes[..len]) {
            assert!(!matches!(e, ExtractError::Panic(_)), "panic at length {len}: {e}");
        }
    }
    for shift in 0..64usize {
        let mut b = bytes.clone();
        for at in (512 + shift * 7..b.len()).step_by(257) {
            b[at] = b[at].wrapping_add(0x5A);
        }
        if let Err(e) = read(&b) {
            assert!(!matches!(e, ExtractError::Panic(_)), "panic with shift {shift}: {e}");
        }
    }
}

fn docx_bytes() -> Vec<u8> {
    std::fs::read(fixtures("doc").join("headers_boxes.docx")).expect("fixture")
}

#[test]
fn docx_headers_and_footers_are_furniture_too() {
    let doc = extract_bytes("headers_boxes.docx", &docx_bytes(), &opts()).expect("reads");
    let furniture: Vec<&str> = doc.furniture.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(furniture, ["văn phòng quốc hội 1", "Lưu hành nội bộ"]);
    let body = plain_text(&doc);
    assert!(body.contains("Đoạn mở đầu.") && !body.contains("Lưu hành"), "{body}");
}

/// The package with every header part's XML cut in half.
fn with_broken_headers(bytes: &[u8]) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("fixture is a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).expect("entry");
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("entry data");
        let name = f.name().expect("fixture names are UTF-8").into_owned();
        if name.contains("header") && name.ends_with(".xml") && !name.contains("_rels") {
            data.truncate(data.len() / 2);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("start entry");
        out.write_all(&data).expect("write entry");
    }
    out.finish().expect("zip").into_inner()
}

#[test]
fn a_broken_docx_header_loses_only_the_furniture() {
    let doc =
        extract_bytes("headers_boxes.docx", &with_broken_headers(&docx_bytes()), &opts()).expect("body still reads");
    assert!(plain_text(&doc).contains("Đoạn mở đầu."));
    assert!(doc.diagnostics.iter().any(|d| d.message.contains("header")), "{:?}", doc.diagnostics);
    assert!(!doc.furniture.iter().any(|p| p.text.contains("văn phòng")), "{:?}", doc.furniture);
}
