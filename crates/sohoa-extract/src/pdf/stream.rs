//! Tables without ruling lines (stream): runs of lines whose words keep to the
//! same ≥ 3 columns, cut into rows, as [`GridTable`]s like the ruled ones.
//!
//! Works on the words a page has left after lattice extraction. Conservative:
//! a run needs aligned empty vertical gutters over all its lines, at least three
//! columns and three rows, and either numbered rows (`1`, `II`, `a)` in the first
//! column) or a bold header row that fills every column. Two-column layouts (the
//! letterhead, the signature block, two-column lists) never qualify.

mod rows;
mod run;

use super::layout::Word;
use super::tables::{GridCell, GridTable};
use once_cell::sync::Lazy;
use regex::Regex;
use run::{grow_run, gutters, may_start, visual_lines, Run};

/// Thresholds of stream-table recovery, in ems of the line's font size unless noted.
#[derive(Debug, Clone)]
pub(crate) struct StreamConfig {
    /// Fewest columns of a table.
    pub min_cols: usize,
    /// Fewest rows of a table, the header row included.
    pub min_rows: usize,
    /// Narrowest empty gap between two columns.
    pub min_gutter: f32,
    /// Widest baseline-to-baseline step inside a table.
    pub max_pitch: f32,
    /// Most header lines above the first numbered row.
    pub max_header_lines: usize,
    /// Pages with more visual lines than this are not searched (bounded work).
    pub max_lines: usize,
    /// Most table candidates tried on one page (bounded work).
    pub max_tries: usize,
}

impl Default for StreamConfig {
    fn default() -> Self {
        StreamConfig {
            min_cols: 3,
            min_rows: 3,
            min_gutter: 0.6,
            max_pitch: 2.5,
            max_header_lines: 4,
            max_lines: 400,
            max_tries: 60,
        }
    }
}

/// A visual line: indices into the page's words, left to right.
#[derive(Debug, Clone)]
struct VLine {
    words: Vec<usize>,
    top: f32,
    bottom: f32,
    baseline: f32,
    size: f32,
}

/// Finds the stream tables among `words` and takes their words out.
pub(crate) fn extract(words: &mut Vec<Word>, cfg: &StreamConfig) -> Vec<GridTable> {
    let lines = visual_lines(words);
    if lines.len() > cfg.max_lines {
        return Vec::new();
    }
    let mut found: Vec<Found> = Vec::new();
    let (mut i, mut floor, mut tries) = (0, 0, 0);
    while i < lines.len() && tries < cfg.max_tries {
        if !may_start(&lines[i], words, cfg) {
            i += 1;
            continue;
        }
        tries += 1;
        match candidate(&lines[floor..], i - floor, words, cfg) {
            Some(f) => {
                let f = finer(f, &lines[floor..], i - floor, words, cfg);
                floor += f.end;
                i = floor.max(i + 1);
                found.push(f);
            }
            None => i += 1,
        }
    }
    take_tables(words, found)
}

/// The table found from the next starting line below `start`, where that one
/// shows more columns and reaches as far: a header cell spanning two columns
/// (`Kết quả` over `Đơn vị tính | Số liệu`) hides a gutter from the first.
fn finer(found: Found, lines: &[VLine], start: usize, words: &[Word], cfg: &StreamConfig) -> Found {
    let next =
        (start + 1..lines.len().min(start + 1 + cfg.max_header_lines)).find(|&k| may_start(&lines[k], words, cfg));
    match next.and_then(|k| candidate(lines, k, words, cfg)) {
        Some(other) if other.bounds.len() > found.bounds.len() && other.end >= found.end => other,
        _ => found,
    }
}

/// The cell texts of one line per column, and its words per column.
#[derive(Debug, Clone)]
pub(super) struct Dealt {
    cells: Vec<Vec<usize>>,
    texts: Vec<String>,
    /// Right edge of each column's words (−∞ where the column is empty).
    ends: Vec<f32>,
    /// Whether each column's words are all bold (false where empty).
    bolds: Vec<bool>,
    /// A group row's line: everything after the first column is one cell.
    spanning: bool,
    bold: bool,
    baseline: f32,
}

/// Deals each line's words into columns split at the gutters' centres.
fn deal(lines: &[VLine], spanning: &[bool], words: &[Word], bounds: &[f32]) -> Vec<Dealt> {
    lines
        .iter()
        .zip(spanning)
        .map(|(l, &spans)| {
            let mut cells: Vec<Vec<usize>> = vec![Vec::new(); bounds.len() + 1];
            for &i in &l.words {
                let (cx, _) = words[i].center();
                let col = bounds.partition_point(|&b| b < cx);
                cells[if spans { col.min(1) } else { col }].push(i);
            }
            let texts =
                cells.iter().map(|c| c.iter().map(|&i| words[i].raw_text()).collect::<Vec<_>>().join(" ")).collect();
            let ends = cells.iter().map(|c| c.iter().map(|&i| words[i].x1).fold(f32::NEG_INFINITY, f32::max)).collect();
            let bolds = cells.iter().map(|c| !c.is_empty() && c.iter().all(|&i| words[i].bold)).collect();
            Dealt {
                cells,
                texts,
                ends,
                bolds,
                spanning: spans,
                bold: l.words.iter().all(|&i| words[i].bold),
                baseline: l.baseline,
            }
        })
        .collect()
}

/// Column boundaries after merging each bullet-only column into its right neighbour.
fn merge_bullet_columns(mut bounds: Vec<f32>, dealt: &[Dealt]) -> Vec<f32> {
    let bullet_only = |c: usize| {
        let mut texts = dealt.iter().map(|d| d.texts[c].as_str()).filter(|t| !t.is_empty()).peekable();
        texts.peek().is_some() && texts.all(|t| matches!(t, "-" | "+" | "•" | "–" | "*" | "●" | "▪"))
    };
    let doomed: Vec<usize> = (0..bounds.len()).filter(|&c| bullet_only(c)).collect();
    for c in doomed.into_iter().rev() {
        bounds.remove(c);
    }
    bounds
}

/// A row number as printed in a first column: `1`, `12.`, `II`, `a)`, `1.2`.
pub(super) fn is_row_number(text: &str) -> bool {
    static NUMBER: Lazy<Regex> = Lazy::new(|| {
        // invariant: the pattern above is a valid regex literal
        Regex::new(r"^(?:\d{1,3}|[IVXL]{1,6}|[a-zđ]|\d{1,3}(?:\.\d{1,3}){1,3})[.)]?$").expect("static regex")
    });
    NUMBER.is_match(text.trim())
}

/// A list number at the start of a text: `5.`, `5. Rà soát`, `b)`, `IV.`.
fn starts_list_number(text: &str) -> bool {
    static LIST: Lazy<Regex> = Lazy::new(|| {
        // invariant: the pattern above is a valid regex literal
        Regex::new(r"^(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)](?:\s|$)").expect("static regex")
    });
    LIST.is_match(text.trim_start())
}

/// A table run found: where it ends (in the lines it was searched in), its rows
/// (lines dealt into columns), column bounds and horizontal extent.
#[derive(Debug)]
struct Found {
    end: usize,
    rows: Vec<Vec<Dealt>>,
    row_lines: Vec<Vec<VLine>>,
    bounds: Vec<f32>,
    extent: (f32, f32),
}

/// The table around `lines[start]`, if there is one (`lines` start after the previous table).
fn candidate(lines: &[VLine], start: usize, words: &[Word], cfg: &StreamConfig) -> Option<Found> {
    let Run { begin, end, occ, spanning } = grow_run(lines, start, words, cfg)?;
    let run = &lines[begin..end];
    let spans: Vec<bool> = (begin..end).map(|i| spanning.contains(&i)).collect();
    let raw: Vec<f32> = gutters(&occ).iter().map(|&(a, b)| (a + b) / 2.0).collect();
    let bounds = merge_bullet_columns(raw.clone(), &deal(run, &spans, words, &raw));
    if bounds.len() + 1 < cfg.min_cols {
        return None;
    }
    let dealt = deal(run, &spans, words, &bounds);
    let extent = (occ[0].0, occ[occ.len() - 1].1);
    let edges: Vec<f32> =
        std::iter::once(extent.0).chain(bounds.iter().copied()).chain(std::iter::once(extent.1)).collect();
    let groups = rows::group(&dealt, &edges, cfg)?;
    let used = groups.last().and_then(|g| g.last()).map_or(0, |&i| i + 1);
    let found = Found {
        end: begin + used,
        rows: groups.iter().map(|g| g.iter().map(|&i| dealt[i].clone()).collect()).collect(),
        row_lines: groups.iter().map(|g| g.iter().map(|&i| run[i].clone()).collect()).collect(),
        bounds,
        extent,
    };
    accept(&found, cfg).then_some(found)
}

/// The shape checks: enough rows and columns, every column used, a header
/// that fills every column where rows are not numbered, no list-like column.
fn accept(f: &Found, cfg: &StreamConfig) -> bool {
    let cols = f.bounds.len() + 1;
    if f.rows.len() < cfg.min_rows.max(1) || cols < cfg.min_cols {
        return false;
    }
    let text = |row: &[Dealt], c: usize| row.iter().map(|d| d.texts[c].as_str()).collect::<Vec<_>>().join(" ");
    let used = |c: usize| f.rows.iter().filter(|r| !text(r, c).trim().is_empty()).count();
    // Every column is used twice, or only by the header (an empty `Ghi chú` column).
    let in_header = |c: usize| !text(&f.rows[0], c).trim().is_empty();
    if (0..cols).any(|c| used(c) < 2 && !in_header(c)) || (0..cols).filter(|&c| used(c) >= 2).count() < cfg.min_cols {
        return false;
    }
    // A later column whose every cell starts with a list number is a list laid out in columns.
    let listed = |c: usize| {
        let body: Vec<String> = f.rows.iter().skip(1).map(|r| text(r, c)).filter(|t| !t.trim().is_empty()).collect();
        body.len() >= 2 && body.iter().all(|t| starts_list_number(t))
    };
    if (1..cols).any(listed) {
        return false;
    }
    let numbered = f.rows.iter().filter(|r| is_row_number(&text(r, 0))).count() >= 2;
    let header = &f.rows[0];
    let full_header = header.iter().all(|d| d.bold) && (0..cols).all(|c| !text(header, c).trim().is_empty());
    numbered || full_header
}

/// Builds the tables and removes their words from `words`.
fn take_tables(words: &mut Vec<Word>, found: Vec<Found>) -> Vec<GridTable> {
    let mut slots: Vec<Option<Word>> = std::mem::take(words).into_iter().map(Some).collect();
    let tables = found.into_iter().map(|f| build(f, &mut slots)).collect();
    *words = slots.into_iter().flatten().collect();
    tables
}

fn build(f: Found, slots: &mut [Option<Word>]) -> GridTable {
    let (left, right) = f.extent;
    let mut edges = vec![left];
    edges.extend(f.bounds.iter().copied());
    edges.push(right);
    let mut rows: Vec<Vec<GridCell>> = Vec::with_capacity(f.rows.len());
    for (dealt, lines) in f.rows.iter().zip(&f.row_lines) {
        let top = lines.iter().map(|l| l.top).fold(f32::INFINITY, f32::min);
        let bottom = lines.iter().map(|l| l.bottom).fold(f32::NEG_INFINITY, f32::max);
        rows.push(row_cells(dealt, &edges, [top, bottom], slots));
    }
    let top = rows.first().and_then(|r| r.first()).map_or(0.0, |c| c.bbox[1]);
    let bottom = rows.last().and_then(|r| r.first()).map_or(0.0, |c| c.bbox[3]);
    GridTable { rows, bbox: [left, top, right, bottom] }
}

/// The cells of one row: one per column, or for a group row the first column
/// and one cell spanning the others.
fn row_cells(dealt: &[Dealt], edges: &[f32], [top, bottom]: [f32; 2], slots: &mut [Option<Word>]) -> Vec<GridCell> {
    let cols = edges.len() - 1;
    let spans: Vec<(usize, usize)> = if dealt.iter().any(|d| d.spanning) {
        vec![(0, 1), (1, cols)]
    } else {
        (0..cols).map(|c| (c, c + 1)).collect()
    };
    spans
        .into_iter()
        .map(|(c0, c1)| {
            let words =
                dealt.iter().flat_map(|d| d.cells[c0..c1].iter().flatten()).filter_map(|&i| slots[i].take()).collect();
            let colspan = (c1 - c0) as u16;
            GridCell { col: c0 as u16, colspan, rowspan: 1, words, bbox: [edges[c0], top, edges[c1], bottom] }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of one line at `y`: each `(x, text)` is a cell starting at `x`, 6 pt per
    /// character and 3 pt between words (a plain word space).
    fn line(y: f32, cells: &[(f32, &str)], bold: bool) -> Vec<Word> {
        let mut out = Vec::new();
        for &(x, text) in cells {
            let mut at = x;
            for w in text.split_whitespace() {
                let width = 6.0 * w.chars().count() as f32;
                let mut word = Word::plain(w, at, at + width, y, y + 12.0);
                word.bold = bold;
                out.push(word);
                at += width + 3.0;
            }
        }
        out
    }

    fn cells(t: &GridTable) -> Vec<Vec<String>> {
        let text = |c: &GridCell| c.words.iter().map(Word::raw_text).collect::<Vec<_>>().join(" ");
        t.rows.iter().map(|r| r.iter().map(text).collect()).collect()
    }

    #[test]
    fn numbered_rows_in_three_columns_make_a_table() {
        let mut words = line(0.0, &[(0.0, "STT"), (60.0, "Nội dung"), (300.0, "Chủ trì")], true);
        words.extend(line(15.0, &[(0.0, "1"), (60.0, "Rà soát văn bản"), (300.0, "Sở A")], false));
        words.extend(line(30.0, &[(0.0, "2"), (60.0, "Kiểm tra việc"), (300.0, "Sở B")], false));
        words.extend(line(45.0, &[(60.0, "thực hiện")], false));
        words.extend(line(60.0, &[(0.0, "3"), (60.0, "Báo cáo"), (300.0, "Sở C")], false));
        words.extend(line(90.0, &[(0.0, "Đoạn văn sau bảng kéo dài qua mọi cột của trang giấy")], false));
        let tables = extract(&mut words, &StreamConfig::default());
        assert_eq!(tables.len(), 1);
        let want = [
            ["STT", "Nội dung", "Chủ trì"],
            ["1", "Rà soát văn bản", "Sở A"],
            ["2", "Kiểm tra việc thực hiện", "Sở B"],
            ["3", "Báo cáo", "Sở C"],
        ];
        assert_eq!(cells(&tables[0]), want.map(|r| r.map(String::from).to_vec()).to_vec());
        assert_eq!(words.len(), 12, "the paragraph below stays on the page");
    }

    #[test]
    fn a_group_row_across_the_columns_stays_in_the_table() {
        let mut words = line(0.0, &[(0.0, "STT"), (60.0, "Nội dung"), (300.0, "Chủ trì")], true);
        words.extend(line(
            15.0,
            &[(0.0, "I"), (60.0, "Cải cách thể chế, thủ tục hành chính và tổ chức bộ máy nhà nước")],
            true,
        ));
        words.extend(line(30.0, &[(0.0, "1"), (60.0, "Rà soát văn bản"), (300.0, "Sở A")], false));
        words.extend(line(45.0, &[(0.0, "2"), (60.0, "Kiểm tra"), (300.0, "Sở B")], false));
        let tables = extract(&mut words, &StreamConfig::default());
        assert_eq!(tables.len(), 1);
        let group = &tables[0].rows[1];
        assert_eq!(group.len(), 2);
        assert_eq!(group[1].colspan, 2);
        assert_eq!(cells(&tables[0])[1], ["I", "Cải cách thể chế, thủ tục hành chính và tổ chức bộ máy nhà nước"]);
        assert_eq!(tables[0].rows.len(), 4);
    }

    #[test]
    fn vertically_centred_row_numbers_keep_their_cells() {
        let mut words = line(0.0, &[(0.0, "TT"), (60.0, "Nội dung"), (300.0, "Thời gian")], true);
        words.extend(line(15.0, &[(60.0, "Giải đáp vướng mắc"), (300.0, "Tháng 1")], false));
        words.extend(line(30.0, &[(0.0, "1"), (60.0, "của người dân và")], false));
        words.extend(line(45.0, &[(60.0, "doanh nghiệp")], false));
        words.extend(line(60.0, &[(60.0, "Tổ chức đối thoại")], false));
        words.extend(line(75.0, &[(0.0, "2"), (60.0, "với doanh nghiệp"), (300.0, "Tháng 2")], false));
        words.extend(line(90.0, &[(60.0, "Tổng kết năm")], false));
        words.extend(line(105.0, &[(0.0, "3"), (60.0, "và khen thưởng"), (300.0, "Tháng 3")], false));
        let tables = extract(&mut words, &StreamConfig::default());
        assert_eq!(tables.len(), 1);
        let got = cells(&tables[0]);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[1], ["1", "Giải đáp vướng mắc của người dân và doanh nghiệp", "Tháng 1"]);
        assert_eq!(got[2], ["2", "Tổ chức đối thoại với doanh nghiệp", "Tháng 2"]);
        assert_eq!(got[3], ["3", "Tổng kết năm và khen thưởng", "Tháng 3"]);
    }

    #[test]
    fn two_column_blocks_are_not_tables() {
        // Letterhead and signature block: agency | motto, then "Nơi nhận" | signer.
        let mut words = line(0.0, &[(0.0, "ỦY BAN NHÂN DÂN"), (250.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA")], true);
        words.extend(line(15.0, &[(20.0, "XÃ HÒA BÌNH"), (270.0, "Độc lập Tự do Hạnh phúc")], true));
        words.extend(line(30.0, &[(10.0, "Số: 27/KH-UBND"), (260.0, "Hòa Bình, ngày 05 tháng 3")], false));
        words.extend(line(45.0, &[(0.0, "- Như trên;"), (280.0, "CHỦ TỊCH")], false));
        let before = words.len();
        assert!(extract(&mut words, &StreamConfig::default()).is_empty());
        assert_eq!(words.len(), before);
    }

    #[test]
    fn three_columns_without_header_or_numbers_are_not_tables() {
        let mut words = Vec::new();
        for k in 0..4 {
            words.extend(line(15.0 * k as f32, &[(0.0, "Tên:"), (60.0, "Nguyễn Văn A"), (300.0, "Ký tên")], false));
        }
        assert!(extract(&mut words, &StreamConfig::default()).is_empty());
    }

    #[test]
    fn a_numbered_list_in_two_columns_is_not_a_table() {
        let mut words = Vec::new();
        for k in 0..4 {
            let (a, b) = (format!("{}.", k + 1), format!("{}.", k + 5));
            words.extend(line(
                15.0 * k as f32,
                &[(0.0, &a), (30.0, "Tuyên truyền"), (250.0, &b), (280.0, "Khen thưởng")],
                false,
            ));
        }
        assert!(extract(&mut words, &StreamConfig::default()).is_empty());
    }

    proptest::proptest! {
        /// Any page of words: no panic, and every word ends up either in a table
        /// cell or still on the page, once.
        #[test]
        fn words_are_kept_whatever_the_layout(
            cells in proptest::collection::vec((0u8..40, 0u16..600, 0usize..6, proptest::bool::ANY), 0..120)
        ) {
            let texts = ["1", "II", "a)", "Sở", "Nội dung", "-"];
            let mut words = Vec::new();
            for &(row, x, t, bold) in &cells {
                words.extend(line(f32::from(row) * 15.0, &[(f32::from(x), texts[t])], bold));
            }
            let before = words.len();
            let tables = extract(&mut words, &StreamConfig::default());
            let in_tables: usize = tables.iter().flat_map(|t| t.rows.iter().flatten()).map(|c| c.words.len()).sum();
            proptest::prop_assert_eq!(in_tables + words.len(), before);
        }
    }

    #[test]
    fn row_numbers_and_list_numbers() {
        for n in ["1", "12.", "II", "IV.", "a)", "2.1", "3.3.1."] {
            assert!(is_row_number(n), "{n}");
        }
        for n in ["Sở", "2026", "12%", "1/2", ""] {
            assert!(!is_row_number(n), "{n}");
        }
        assert!(starts_list_number("5. Rà soát") && starts_list_number("b)"));
        assert!(!starts_list_number("5 đơn vị") && !starts_list_number("2026"));
    }
}
