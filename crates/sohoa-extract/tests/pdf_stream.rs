//! Tables without ruling lines in text-layer PDFs (`fixtures/pdf/stream/`, made
//! by `scripts/make_stream_pdf.py`): the unruled tables come back as tables with
//! their rows and cells; the letterhead, the signature block, two-column lists and
//! prose stay paragraphs.

use sohoa_extract::{extract_file, Block, Document, ExtractOptions, OcrMode, Table};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf/stream").join(name)
}

fn read(name: &str) -> Document {
    let opts = ExtractOptions { ocr: OcrMode::Off, ..Default::default() };
    extract_file(&fixture(name), &opts).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
}

/// Cell texts of every row.
fn grid(t: &Table) -> Vec<Vec<String>> {
    t.rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()
}

fn paragraphs(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| {
            if let Block::Paragraph(p) = b {
                Some(format!("{} {}", p.label.as_deref().unwrap_or(""), p.text))
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn numbered_unruled_table_keeps_rows_and_wrapped_cells() {
    let doc = read("unruled_tables.pdf");
    let found = tables(&doc);
    assert_eq!(found.len(), 2, "tables: {:#?}", found.iter().map(|t| grid(t)).collect::<Vec<_>>());
    let rows = grid(found[0]);
    let want: Vec<Vec<&str>> = vec![
        vec!["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        vec!["I", "Cải cách thể chế", "", ""],
        vec![
            "1",
            "Rà soát, đánh giá các văn bản quy phạm pháp luật do xã ban hành",
            "Văn phòng HĐND và UBND xã",
            "Tháng 6/2026",
        ],
        vec![
            "2",
            "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở, công khai kết quả kiểm tra trên cổng thông tin của xã",
            "Công chức Tư pháp - Hộ tịch",
            "Quý III/2026",
        ],
        vec!["3", "Tổ chức hội nghị đối thoại với người dân", "Văn phòng HĐND và UBND xã", "Tháng 9/2026"],
        vec!["II", "Cải cách thủ tục hành chính", "", ""],
        vec!["4", "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa", "Bộ phận Một cửa", "Thường xuyên"],
        vec![
            "5",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "Bộ phận Một cửa; các công chức chuyên môn",
            "Tháng 12/2026",
        ],
    ];
    assert_eq!(rows, want);
}

#[test]
fn unruled_table_with_bold_header_and_no_numbers() {
    let doc = read("unruled_tables.pdf");
    let found = tables(&doc);
    assert_eq!(found.len(), 2);
    let want: Vec<Vec<&str>> = vec![
        vec!["Chỉ tiêu", "Năm 2025", "Năm 2026", "Ghi chú"],
        vec!["Hồ sơ trực tuyến", "65%", "80%", "Toàn trình"],
        vec!["Hồ sơ đúng hạn", "97%", "100%", ""],
        vec!["Hài lòng của người dân", "90%", "95%", "Khảo sát"],
    ];
    assert_eq!(grid(found[1]), want);
}

#[test]
fn letterhead_signature_and_lists_stay_paragraphs() {
    let doc = read("unruled_tables.pdf");
    let text = paragraphs(&doc).join("\n");
    for part in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Nơi nhận",
        "TM. ỦY BAN NHÂN DÂN",
        "Tuyên truyền, phổ biến",
        "Khen thưởng kịp thời",
    ] {
        assert!(text.contains(part), "{part:?} is not in a paragraph:\n{text}");
    }
    let cells: String = tables(&doc).iter().flat_map(|t| grid(t).concat()).collect::<Vec<_>>().join(" ");
    assert!(!cells.contains("Nơi nhận") && !cells.contains("CỘNG HÒA") && !cells.contains("Tuyên truyền"), "{cells}");
}

#[test]
fn two_column_layouts_are_not_tables() {
    let doc = read("two_column_only.pdf");
    assert!(tables(&doc).is_empty(), "{:#?}", tables(&doc).iter().map(|t| grid(t)).collect::<Vec<_>>());
    let text = paragraphs(&doc).join("\n");
    assert!(text.contains("Đơn vị chủ trì:"), "{text}");
}

#[test]
fn vertically_centred_cells_and_group_rows() {
    let doc = read("centred_cells.pdf");
    let found = tables(&doc);
    assert_eq!(found.len(), 1, "tables: {:#?}", found.iter().map(|t| grid(t)).collect::<Vec<_>>());
    // A cell of two lines where the second starts with "- " prints as two items.
    let rows: Vec<Vec<String>> =
        grid(found[0]).into_iter().map(|r| r.into_iter().map(|c| c.replace('\n', " ")).collect()).collect();
    let want: Vec<Vec<&str>> = vec![
        vec!["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian", "Ghi chú"],
        vec!["I", "Tuyên truyền, phổ biến về cải cách hành chính trên địa bàn xã"],
        vec![
            "1",
            "Tuyên truyền trên hệ thống truyền thanh của xã về kết quả cải cách hành chính, chú trọng các thủ tục hành chính liên quan trực tiếp đến người dân",
            "Văn phòng HĐND và UBND xã",
            "Hằng quý",
            "",
        ],
        vec!["2", "Tổ chức hội nghị", "Công chức Văn hóa - Xã hội", "Tháng 6/2026", ""],
        vec!["3", "Niêm yết công khai kết quả giải quyết hồ sơ tại bộ phận một cửa và trên trang thông tin điện tử của xã", "Bộ phận Một cửa", "Thường xuyên", ""],
        vec!["II", "Kiểm tra cải cách hành chính tại các thôn, tổ dân phố"],
        vec!["4", "Kiểm tra công tác cải cách hành chính tại các thôn theo kế hoạch đã được phê duyệt", "Văn phòng HĐND và UBND xã", "Quý III/2026", ""],
        vec!["5", "Báo cáo kết quả", "Công chức Tư pháp - Hộ tịch", "Tháng 12/2026", ""],
    ];
    assert_eq!(rows, want);
    assert_eq!(found[0].rows[1].cells[1].colspan, 4, "the group row's text spans the other columns");
}
