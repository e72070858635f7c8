//! PDFs built here with lopdf: a page that crashes pdf-extract, encryption,
//! rotation, ruled tables over two pages, garbage bytes, running headers.

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sohoa_extract::{extract_bytes, Block, Document as Doc, ExtractError, ExtractOptions, OcrMode};

/// One page: its content stream and optional `/Rotate`.
struct PageSpec {
    content: String,
    rotate: Option<i64>,
}

fn page(content: &str) -> PageSpec {
    PageSpec { content: content.to_string(), rotate: None }
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

fn dict(entries: Vec<(&str, Object)>) -> Dictionary {
    let mut d = Dictionary::new();
    for (k, v) in entries {
        d.set(k, v);
    }
    d
}

/// A PDF of A4 pages with Helvetica as `/F1`.
fn build(pages: Vec<PageSpec>) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id: ObjectId = doc.new_object_id();
    let font = doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type1")),
        ("BaseFont", name("Helvetica")),
        ("Encoding", name("WinAnsiEncoding")),
    ]));
    let resources =
        doc.add_object(dict(vec![("Font", Object::Dictionary(dict(vec![("F1", Object::Reference(font))])))]));
    let mut kids = Vec::new();
    for spec in pages {
        let content = doc.add_object(Stream::new(Dictionary::new(), spec.content.into_bytes()));
        let mut p = dict(vec![
            ("Type", name("Page")),
            ("Parent", Object::Reference(pages_id)),
            ("Contents", Object::Reference(content)),
            ("Resources", Object::Reference(resources)),
            ("MediaBox", Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()])),
        ]);
        if let Some(r) = spec.rotate {
            p.set("Rotate", Object::Integer(r));
        }
        kids.push(Object::Reference(doc.add_object(p)));
    }
    let count = kids.len() as i64;
    let tree = dict(vec![("Type", name("Pages")), ("Kids", Object::Array(kids)), ("Count", Object::Integer(count))]);
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let catalog = doc.add_object(dict(vec![("Type", name("Catalog")), ("Pages", Object::Reference(pages_id))]));
    doc.trailer.set("Root", Object::Reference(catalog));
    doc
}

fn bytes(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("in-memory save");
    out
}

fn no_ocr() -> ExtractOptions {
    ExtractOptions { ocr: OcrMode::Off, ..Default::default() }
}

fn text_line(x: f32, y: f32, text: &str) -> String {
    format!("BT /F1 12 Tf {x} {y} Td ({text}) Tj ET\n")
}

fn paragraphs(doc: &Doc) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => {
                Some(format!("{}{}", p.label.as_deref().map(|l| format!("{l} ")).unwrap_or_default(), p.text))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_page_that_crashes_pdf_extract_is_reported_and_the_others_kept() {
    let body =
        |t: &str| text_line(72.0, 700.0, t) + &text_line(72.0, 400.0, "Body text of the page with enough words.");
    let crashing = "BT /F1 12 Tf 72 700 Td 5 Tj ET\n"; // a number where a string must be: pdf-extract panics
    let pdf = bytes(build(vec![page(&body("Page one")), page(crashing), page(&body("Page three"))]));
    let doc = extract_bytes("three.pdf", &pdf, &no_ocr()).expect("pages 1 and 3 survive");
    let texts = paragraphs(&doc);
    assert!(texts.iter().any(|t| t == "Page one"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Page three"), "{texts:?}");
    assert_eq!(doc.source.pages, Some(3));
    assert!(doc.diagnostics.iter().any(|d| d.message.starts_with("page 2:")), "{:?}", doc.diagnostics);
}

#[test]
fn encrypted_without_the_empty_password_is_refused() {
    let mut doc = build(vec![page(&text_line(72.0, 700.0, "Secret"))]);
    let encrypt = doc.add_object(dict(vec![
        ("Filter", name("Standard")),
        ("V", Object::Integer(1)),
        ("R", Object::Integer(2)),
        ("O", Object::String(vec![1; 32], StringFormat::Literal)),
        ("U", Object::String(vec![2; 32], StringFormat::Literal)),
        ("P", Object::Integer(-4)),
    ]));
    doc.trailer.set("Encrypt", Object::Reference(encrypt));
    doc.trailer.set("ID", Object::Array(vec![Object::String(vec![7; 16], StringFormat::Literal); 2]));
    let got = extract_bytes("locked.pdf", &bytes(doc), &no_ocr());
    assert!(matches!(got, Err(ExtractError::Encrypted { .. })), "{got:?}");
}

#[test]
fn garbage_is_a_damaged_file_not_a_panic() {
    let got = extract_bytes("junk.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", &no_ocr());
    assert!(matches!(got, Err(ExtractError::Damaged { .. })), "{got:?}");
    let empty = extract_bytes("empty.pdf", b"%PDF-1.4\n", &no_ocr());
    assert!(matches!(empty, Err(ExtractError::Damaged { .. })), "{empty:?}");
}

#[test]
fn an_image_only_page_without_ocr_is_unreadable() {
    let pdf = bytes(build(vec![page("0.5 g 10 10 100 100 re f\n")]));
    let got = extract_bytes("blank.pdf", &pdf, &no_ocr());
    assert!(matches!(got, Err(ExtractError::Unreadable(_))), "{got:?}");
}

#[test]
fn a_rotated_page_reads_in_display_order() {
    // /Rotate 90: text drawn upwards in user space reads left to right on screen;
    // the user-space left edge is the top of the displayed page.
    let rotated = |x: f32, y: f32, t: &str| format!("BT /F1 12 Tf 0 1 -1 0 {x} {y} Tm ({t}) Tj ET\n");
    let content = rotated(80.0, 100.0, "First line on the landscape page")
        + &rotated(300.0, 100.0, "Second paragraph further down the page");
    let pdf = bytes(build(vec![PageSpec { content, rotate: Some(90) }]));
    let doc = extract_bytes("landscape.pdf", &pdf, &no_ocr()).expect("rotated page");
    assert_eq!(paragraphs(&doc), ["First line on the landscape page", "Second paragraph further down the page"]);
    let Block::Paragraph(p) = &doc.blocks[0] else { panic!("paragraph first") };
    let bbox = p.span.bbox.expect("bbox");
    // Display x is user y; the displayed page is 595 pt tall, the line 80 pt below its top.
    assert!((bbox.x0 - 100.0).abs() < 1.0, "{bbox:?}");
    assert!(bbox.y1 > 595.0 - 80.0 && bbox.y1 < 595.0 - 60.0, "landscape coordinates: {bbox:?}");
}

/// A two-column ruled table: thin filled rectangles (`re f*`, as Word draws them) and cell text.
fn ruled_table(top: f32, rows: &[[&str; 2]]) -> String {
    let (x0, xm, x1, h) = (72.0, 250.0, 520.0, 24.0);
    let mut s = String::new();
    let bottom = top - h * rows.len() as f32;
    for i in 0..=rows.len() {
        let y = top - h * i as f32;
        s += &format!("{x0} {y} {} 0.5 re f*\n", x1 - x0);
    }
    for x in [x0, xm, x1] {
        s += &format!("{x} {bottom} 0.5 {} re f*\n", top - bottom);
    }
    for (i, row) in rows.iter().enumerate() {
        let y = top - h * (i as f32 + 1.0) + 8.0;
        s += &text_line(x0 + 4.0, y, row[0]);
        s += &text_line(xm + 4.0, y, row[1]);
    }
    s
}

#[test]
fn ruled_table_pieces_on_two_pages_repeat_their_header() {
    let p1 = text_line(72.0, 760.0, "Annex of tasks")
        + &ruled_table(700.0, &[["No", "Task"], ["1", "Build the road"], ["2", "Open the school"]]);
    let p2 =
        ruled_table(780.0, &[["No", "Task"], ["3", "Train the staff"]]) + &text_line(72.0, 600.0, "After the table.");
    let doc = extract_bytes("table.pdf", &bytes(build(vec![page(&p1), page(&p2)])), &no_ocr()).expect("tables");
    let tables: Vec<_> =
        doc.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
    assert_eq!(tables.len(), 2);
    let cells = |r: &sohoa_extract::Row| r.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
    assert_eq!(cells(&tables[0].rows[1]), ["1", "Build the road"]);
    assert_eq!(cells(&tables[1].rows[1]), ["3", "Train the staff"]);
    assert!(tables[0].rows[0].header && tables[1].rows[0].header, "repeated header row marked");
    assert!(!tables[1].rows[1].header);
    assert_eq!(tables[1].rows[1].cells[1].col, 1);
    // Reading order: paragraph, table, page break, table, paragraph.
    let kinds: Vec<&str> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "p",
            Block::Table(_) => "t",
            Block::PageBreak { .. } => "|",
        })
        .collect();
    assert_eq!(kinds, ["p", "t", "|", "t", "p"]);
}

#[test]
fn a_running_header_leaves_the_body_for_the_furniture_and_page_numbers_go() {
    let page_of = |n: u32| {
        text_line(72.0, 800.0, "UBND TINH - Ke hoach so 12/KH-UBND")
            + &text_line(72.0, 400.0, &format!("Body text of page {n} with enough words in it."))
            + &text_line(290.0, 30.0, &format!("- {n} -"))
    };
    let pdf = bytes(build((1..=4).map(|n| page(&page_of(n))).collect()));
    let doc = extract_bytes("running.pdf", &pdf, &no_ocr()).expect("readable");
    let texts = paragraphs(&doc);
    assert_eq!(texts.iter().filter(|t| t.starts_with("Body text")).count(), 4, "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("Ke hoach") || t.starts_with("- ")), "{texts:?}");
    let furniture: Vec<(&str, u32)> = doc.furniture.iter().map(|p| (p.text.as_str(), p.span.line)).collect();
    assert_eq!(furniture, [("UBND TINH - Ke hoach so 12/KH-UBND", 1)], "the header once, page numbers dropped");
}
