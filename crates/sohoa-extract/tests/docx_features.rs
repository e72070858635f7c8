//! DOCX reader features on small packages built in the test: Word numbering,
//! tables with merges, notes, fields, tracked changes, text boxes, and the
//! safety refusals (DOCTYPE, zip bombs, overlapping entries, damage).

use sohoa_extract::{extract_bytes, Block, Document, ExtractError, ExtractOptions, Paragraph, Table};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#;

fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        zip.start_file(*name, SimpleFileOptions::default()).expect("start entry");
        zip.write_all(body.as_bytes()).expect("write entry");
    }
    zip.finish().expect("finish zip").into_inner()
}

fn docx(body: &str, numbering: &str, styles: &str, footnotes: &str) -> Vec<u8> {
    let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let numbering = format!("<w:numbering {W}>{numbering}</w:numbering>");
    let styles = format!("<w:styles {W}>{styles}</w:styles>");
    let footnotes = format!("<w:footnotes {W}>{footnotes}</w:footnotes>");
    package(&[
        ("word/document.xml", &document),
        ("word/numbering.xml", &numbering),
        ("word/styles.xml", &styles),
        ("word/footnotes.xml", &footnotes),
    ])
}

fn read(bytes: &[u8]) -> Document {
    extract_bytes("t.docx", bytes, &ExtractOptions::default()).expect("reads")
}

fn paragraphs(doc: &Document) -> Vec<&Paragraph> {
    doc.blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None }).collect()
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
}

fn p(num: Option<(u32, u32)>, text: &str) -> String {
    let ppr = num.map_or(String::new(), |(id, lvl)| {
        format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
    });
    format!("<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A three-level outline list: I. / 1. / a), and a bullet list.
const OUTLINE: &str = r#"
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2.%4"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/><w:pStyle w:val="Dieu"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
"#;

const STYLES: &str = r#"
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="DieuBase"><w:name w:val="Dieu base"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Dieu"><w:name w:val="Điều"/><w:basedOn w:val="DieuBase"/></w:style>
"#;

#[test]
fn word_numbering_renders_as_printed() {
    let body = [
        p(Some((1, 0)), "MỤC ĐÍCH"),
        p(Some((1, 1)), "Mục đích"),
        p(Some((1, 2)), "ý một"),
        p(Some((1, 2)), "ý hai"),
        p(Some((1, 3)), "chi tiết"),
        p(Some((2, 0)), "gạch đầu dòng"),
        p(Some((2, 1)), "cộng"),
        p(Some((1, 1)), "Yêu cầu"),
        p(Some((1, 0)), "NỘI DUNG"),
        p(Some((1, 1)), "Công tác"),
        p(Some((3, 1)), "restarted at five"),
        p(None, "Ban hành"),
        p(Some((0, 0)), "numId 0 is no list"),
    ]
    .concat()
        + r#"<w:p><w:pPr><w:pStyle w:val="Dieu"/></w:pPr><w:r><w:t>Phạm vi</w:t></w:r></w:p>"#
        + r#"<w:p><w:pPr><w:pStyle w:val="Dieu"/></w:pPr><w:r><w:t>Hiệu lực</w:t></w:r></w:p>"#;
    let doc = read(&docx(&body, OUTLINE, STYLES, ""));
    let got: Vec<(Option<&str>, &str)> =
        paragraphs(&doc).iter().map(|p| (p.label.as_deref(), p.text.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (Some("I."), "MỤC ĐÍCH"),
            (Some("1."), "Mục đích"),
            (Some("a)"), "ý một"),
            (Some("b)"), "ý hai"),
            (Some("1.1.1"), "chi tiết"),
            (Some("-"), "gạch đầu dòng"),
            (Some("+"), "cộng"),
            (Some("2."), "Yêu cầu"),
            (Some("II."), "NỘI DUNG"),
            (Some("1."), "Công tác"),
            (Some("5."), "restarted at five"),
            (None, "Ban hành"),
            (None, "numId 0 is no list"),
            (Some("Điều 1."), "Phạm vi"),
            (Some("Điều 2."), "Hiệu lực"),
        ]
    );
    let dieu = paragraphs(&doc)[13];
    assert!(dieu.style.bold, "bold inherited through basedOn");
    assert_eq!(dieu.style.heading, Some(2), "outline level through basedOn");
    assert_eq!(dieu.style.name.as_deref(), Some("Điều"));
}

fn tc(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(None, text))
}

#[test]
fn tables_keep_spans_merges_header_and_cell_numbers() {
    let header = format!(
        r"<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}</w:tr>",
        tc("", "TT"),
        tc("", "Nội dung"),
        tc("", "Chủ trì")
    );
    let group = format!(r"<w:tr>{}</w:tr>", tc(r#"<w:gridSpan w:val="3"/>"#, "I. Nhóm"));
    let numbered_cell = format!("<w:tc>{}</w:tc>", p(Some((2, 0)), "việc một") + &p(Some((2, 0)), "việc hai"));
    let r1 =
        format!(r"<w:tr>{}{}{}</w:tr>", tc("", "1"), numbered_cell, tc(r#"<w:vMerge w:val="restart"/>"#, "Sở Nội vụ"));
    let r2 = format!(r"<w:tr>{}{}{}</w:tr>", tc("", "2"), tc("", "việc ba"), tc("<w:vMerge/>", ""));
    let r3 = format!(r"<w:tr>{}{}{}</w:tr>", tc("", "3"), tc("", "việc bốn"), tc("<w:vMerge/>", "ignored"));
    let nested = format!(
        "<w:tr>{}<w:tc>{}<w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc>{}</w:tr>",
        tc("", "4"),
        p(None, "ngoài"),
        tc("", "trong A"),
        tc("", "trong B"),
        tc("", "Sở Tư pháp")
    );
    let body = format!("<w:tbl>{header}{group}{r1}{r2}{r3}{nested}</w:tbl>");
    let doc = read(&docx(&body, OUTLINE, STYLES, ""));
    let t = tables(&doc)[0];
    assert_eq!(t.rows.len(), 6);
    assert!(t.rows[0].header && !t.rows[1].header);
    assert_eq!((t.rows[1].cells.len(), t.rows[1].cells[0].colspan), (1, 3));
    assert_eq!(t.rows[2].cells[1].text, "- việc một\n- việc hai");
    assert_eq!((t.rows[2].cells[2].text.as_str(), t.rows[2].cells[2].rowspan), ("Sở Nội vụ", 3));
    assert_eq!(t.rows[3].cells.len(), 2, "continuation cell omitted");
    assert_eq!(t.rows[4].cells.len(), 2);
    assert_eq!(t.rows[5].cells[1].text, "ngoài\ntrong A\ntrong B", "nested table flattened into the cell");
    assert_eq!((t.rows[5].cells[2].col, t.rows[5].cells[2].text.as_str()), (2, "Sở Tư pháp"));
}

#[test]
fn notes_fields_revisions_boxes_and_breaks() {
    let body = r#"
<w:p><w:r><w:t xml:space="preserve">Theo Nghị định 61</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> đã ban hành</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>99</w:t></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:ins><w:r><w:t xml:space="preserve">thêm </w:t></w:r></w:ins><w:del><w:r><w:delText>bỏ </w:delText></w:r></w:del><w:r><w:t>giữ</w:t><w:tab/><w:t>tab</w:t><w:br/><w:t>dòng hai</w:t></w:r></w:p>
<w:p><w:r><w:t>Neo</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH><wp:posOffset>123456</wp:posOffset></wp:positionH><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ĐẬM</w:t></w:r></w:p>
<w:sectPr/>"#;
    let notes = r#"<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Nghị định số 61/2018/NĐ-CP</w:t></w:r></w:p></w:footnote>"#;
    let doc = read(&docx(body, "", STYLES, notes));
    let texts: Vec<&str> = paragraphs(&doc).iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        vec!["Theo Nghị định 61 đã ban hành", "Trang 3", "thêm giữ tab\ndòng hai", "Neo", "Hộp chữ", "ĐẬM",]
    );
    assert!(paragraphs(&doc)[5].style.bold && !paragraphs(&doc)[0].style.bold);
    assert!(
        doc.furniture.iter().any(|p| p.text == "Nghị định số 61/2018/NĐ-CP"),
        "the note is kept aside: {:?}",
        doc.furniture
    );
    assert!(paragraphs(&doc).iter().all(|p| !p.text.contains("123456") && !p.text.contains("99")));
}

fn damaged_cause(bytes: &[u8]) -> String {
    match extract_bytes("t.docx", bytes, &ExtractOptions::default()) {
        Err(ExtractError::Damaged { format: "docx", cause }) => cause,
        other => panic!("expected a damaged-docx error, got {other:?}"),
    }
}

#[test]
fn doctype_is_refused() {
    let document = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let cause = damaged_cause(&package(&[("word/document.xml", &document)]));
    assert!(cause.contains("DOCTYPE"), "{cause}");
}

#[test]
fn damaged_files_say_why() {
    assert!(damaged_cause(b"PK\x03\x04 not really a zip").contains("zip"));
    let cause = damaged_cause(&package(&[("word/other.xml", "<x/>")]));
    assert!(cause.contains("missing"), "{cause}");
    let cause = damaged_cause(&package(&[("word/document.xml", &format!("<w:document {W}><w:body><w:p></w:body>"))]));
    assert!(cause.contains("XML"), "{cause}");
}

#[test]
fn zip_bomb_is_capped() {
    let zeros = "0".repeat(4 << 20);
    let document = format!("<w:document {W}><w:body><w:p><w:r><w:t>{zeros}</w:t></w:r></w:p></w:body></w:document>");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflate = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", deflate).expect("entry");
    zip.write_all(document.as_bytes()).expect("write");
    let bytes = zip.finish().expect("finish").into_inner();
    let opts = ExtractOptions { max_compression_ratio: 50, ..ExtractOptions::default() };
    match extract_bytes("t.docx", &bytes, &opts) {
        Err(ExtractError::Limit { format: "docx", cause }) => assert!(cause.contains("inflates"), "{cause}"),
        other => panic!("expected a limit error, got {other:?}"),
    }
    let opts = ExtractOptions { max_entry_bytes: 1 << 20, ..ExtractOptions::default() };
    assert!(matches!(extract_bytes("t.docx", &bytes, &opts), Err(ExtractError::Limit { .. })));
}

#[test]
fn overlapping_entries_are_refused() {
    let document = format!("<w:document {W}><w:body>{}</w:body></w:document>", p(None, "x"));
    let mut bytes = package(&[("word/document.xml", &document), ("word/styles.xml", &format!("<w:styles {W}/>"))]);
    // Point the second central-directory record at the first local header.
    let cd = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").expect("central directory");
    let offset_field = cd + 42;
    bytes[offset_field..offset_field + 4].copy_from_slice(&0u32.to_le_bytes());
    let cause = damaged_cause(&bytes);
    assert!(cause.contains("overlap"), "{cause}");
}

#[test]
fn time_budget_is_honoured() {
    let body = p(None, "x").repeat(20_000);
    let opts = ExtractOptions { time_budget: std::time::Duration::ZERO, ..ExtractOptions::default() };
    let bytes = docx(&body, "", "", "");
    assert!(matches!(extract_bytes("t.docx", &bytes, &opts), Err(ExtractError::Timeout { format: "docx", .. })));
}

/// Random nestings of the elements the walker knows (generated as XML, so
/// unlike byte-level fuzzing of the zip every case reaches the walk): the
/// reader returns a document or an error, never a panic.
mod random_markup {
    use super::*;
    use proptest::prelude::*;

    const OPEN: &[&str] = &[
        "<w:p>",
        "<w:r>",
        "<w:tbl>",
        "<w:tr>",
        "<w:tc>",
        "<w:ins>",
        "<w:del>",
        "<w:sdt>",
        "<w:sdtContent>",
        "<w:hyperlink>",
        "<mc:AlternateContent>",
        "<mc:Choice>",
        "<mc:Fallback>",
        "<w:txbxContent>",
        "<w:drawing>",
        "<w:pPr>",
        "<w:tcPr>",
        "<w:trPr>",
        "<w:fldSimple>",
    ];
    const EMPTY: &[&str] = &[
        "<w:t>x</w:t>",
        "<w:tab/>",
        "<w:br/>",
        r#"<w:fldChar w:fldCharType="begin"/>"#,
        r#"<w:fldChar w:fldCharType="separate"/>"#,
        r#"<w:fldChar w:fldCharType="end"/>"#,
        r#"<w:footnoteReference w:id="1"/>"#,
        r#"<w:gridSpan w:val="65535"/>"#,
        "<w:vMerge/>",
        r#"<w:vMerge w:val="restart"/>"#,
        r#"<w:numPr><w:ilvl w:val="9"/><w:numId w:val="1"/></w:numPr>"#,
        r#"<w:numPr><w:numId w:val="2"/></w:numPr>"#,
        "<w:tblHeader/>",
        r#"<w:gridBefore w:val="9"/>"#,
        r#"<w:hMerge w:val="continue"/>"#,
        r#"<w:pStyle w:val="Dieu"/>"#,
    ];

    /// Builds well-formed markup from a token list: positive picks open an
    /// element, negative ones an empty element, zero closes the innermost.
    fn markup(tokens: &[i16]) -> String {
        let mut out = String::new();
        let mut stack: Vec<&str> = Vec::new();
        for &t in tokens {
            match t {
                0 => {
                    if let Some(open) = stack.pop() {
                        out.push_str(&open.replacen('<', "</", 1));
                    }
                }
                t if t > 0 => {
                    let open = OPEN[t as usize % OPEN.len()];
                    out.push_str(open);
                    stack.push(open);
                }
                t => out.push_str(EMPTY[t.unsigned_abs() as usize % EMPTY.len()]),
            }
        }
        while let Some(open) = stack.pop() {
            out.push_str(&open.replacen('<', "</", 1));
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics(tokens in proptest::collection::vec(-40i16..40, 0..200)) {
            let notes = format!(r#"<w:footnote w:id="1">{}</w:footnote>"#, markup(&tokens));
            let bytes = docx(&markup(&tokens), OUTLINE, STYLES, &notes);
            let result = extract_bytes("t.docx", &bytes, &ExtractOptions::default());
            prop_assert!(!matches!(result, Err(ExtractError::Panic(_))), "{result:?}");
        }
    }
}
