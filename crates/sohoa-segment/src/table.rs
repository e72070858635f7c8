//! Physical table pieces into logical rows: header roles, pieces joined across pages,
//! repeated headers dropped, continuation rows merged, group rows recognized.

use crate::labels::{self, LabelKind};
use crate::outline::{LogicalRow, Role, RoleCell};
use crate::roles::header_roles;
use sohoa_doc::fold_key;
use sohoa_doc::label::split_label;
use sohoa_doc::{Cell, Row, Table};

/// The open logical table that later pieces may continue.
#[derive(Debug, Clone)]
pub(crate) struct OpenTable {
    pub header_key: Vec<String>,
    pub headers: Vec<String>,
    pub roles: Vec<Role>,
    pub number: u32,
    pub rows: u32,
    /// Cell texts by column of the last physical row read, for a merged cell
    /// that continues over a page break with its text left above the break.
    pub last_texts: Vec<String>,
}

/// Cell texts of a row by grid column.
fn texts_by_col(row: &Row) -> Vec<String> {
    let width = row.cells.iter().map(|c| c.col as usize + 1).max().unwrap_or(0);
    let mut out = vec![String::new(); width];
    for c in &row.cells {
        out[c.col as usize] = c.text.clone();
    }
    out
}

/// How a physical table reads.
pub(crate) enum Piece {
    /// No header and nothing to continue: a layout table; its cells are text.
    Layout(Vec<Vec<String>>),
    /// Body rows of a logical table; `continues` when it joins the open table.
    Rows { rows: Vec<LogicalRow>, continues: bool, open: OpenTable },
}

/// A physical row with the vertically merged cells above it copied in, and
/// whether its label cell is the lower part of a merge (then it continues the row above).
struct Expanded {
    row: Row,
    label_merged: bool,
}

/// Applies vertical merges: a cell with `rowspan` N gives its text to the N−1
/// rows below it. A row under a merged label cell belongs to the row above, so
/// it takes no copies (they would repeat what that row already holds).
/// `above`: cell texts by column of the row above the page break; an empty
/// merged cell at the top of the piece continues that row's cell.
fn expand_rowspans(rows: &[&Row], roles: &[Role], above: &[String]) -> Vec<Expanded> {
    let mut carry: Vec<(Cell, u16)> = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (k, row) in rows.iter().enumerate() {
        let present = |col: u16| row.cells.iter().any(|c| c.col == col);
        let covering: Vec<Cell> =
            carry.iter().filter(|(c, left)| *left > 0 && !present(c.col)).map(|(c, _)| c.clone()).collect();
        let label_merged = covering.iter().any(|c| roles.get(c.col as usize) == Some(&Role::Label))
            && !is_sub_row(row, &covering, roles);
        carry.iter_mut().for_each(|(_, left)| *left = left.saturating_sub(1));
        carry.retain(|(_, left)| *left > 0);
        for c in row.cells.iter().filter(|c| c.rowspan > 1) {
            let mut c = c.clone();
            if k == 0 && c.text.trim().is_empty() {
                c.text = above.get(c.col as usize).cloned().unwrap_or_default();
            }
            let left = c.rowspan - 1;
            carry.push((c, left));
        }
        let mut row = (*row).clone();
        if !label_merged {
            row.cells.extend(covering);
            row.cells.sort_by_key(|c| c.col);
        }
        out.push(Expanded { row, label_merged });
    }
    out
}

/// Whether a row under a merged label is a task of its own that shares the
/// label and content above it (its own unit, product or deadline beside a
/// content cell merged over both rows), rather than the rest of the row above.
fn is_sub_row(row: &Row, covering: &[Cell], roles: &[Role]) -> bool {
    let role = |c: &Cell| roles.get(c.col as usize).copied().unwrap_or(Role::Other);
    let content_merged = covering.iter().any(|c| role(c) == Role::Content);
    let own_field = row.cells.iter().any(|c| FIELD_ROLES.contains(&role(c)) && !c.text.trim().is_empty());
    let own_content = row.cells.iter().any(|c| role(c) == Role::Content && !c.text.trim().is_empty());
    content_merged && own_field && !own_content
}

/// Reads one physical table, joining it to `open` when it repeats its header
/// (or has none and the same columns) and `joinable` (only page breaks since).
pub(crate) fn read_piece(table: &Table, open: Option<&OpenTable>, joinable: bool, next_number: u32) -> Piece {
    let first = table.rows.first().map(cell_texts).unwrap_or_default();
    let roles = header_roles(&first);
    let key: Vec<String> = first.iter().map(|c| fold_key(c)).collect();
    let (mut state, skip, continues) = match (roles, open) {
        (Some(_), Some(o)) if joinable && same_header(&o.header_key, &key) => (o.clone(), 1, true),
        (Some(roles), _) => (new_table(first, key, roles, next_number), 1, false),
        (None, Some(o)) if joinable && width(table) <= o.roles.len() => (o.clone(), 0, true),
        (None, _) => return Piece::Layout(table.rows.iter().map(cell_texts).collect()),
    };
    let body: Vec<&Row> = table.rows.iter().skip(skip).filter(|r| !is_repeated_header(r, &state)).collect();
    let roles = state.roles.clone();
    let above = if continues { state.last_texts.clone() } else { Vec::new() };
    let expanded = expand_rowspans(&body, &roles, &above);
    if let Some(last) = expanded.last() {
        state.last_texts = texts_by_col(&last.row);
    }
    let rows = expanded
        .into_iter()
        .map(|e| {
            let mut row = logical(&e.row, &mut state);
            row.merged_above = e.label_merged;
            row
        })
        .collect();
    Piece::Rows { rows, continues, open: state }
}

fn new_table(headers: Vec<String>, header_key: Vec<String>, roles: Vec<Role>, number: u32) -> OpenTable {
    OpenTable { header_key, headers, roles, number, rows: 0, last_texts: Vec::new() }
}

fn width(table: &Table) -> usize {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| (c.col + c.colspan) as usize).max().unwrap_or(0))
        .max()
        .unwrap_or(0)
}

fn cell_texts(row: &Row) -> Vec<String> {
    row.cells.iter().map(|c| c.text.replace('\n', " ")).collect()
}

/// A header row repeated inside a piece (a reader that did not split at the page).
fn is_repeated_header(row: &Row, state: &OpenTable) -> bool {
    // cells folded one by one (most rows differ from the header in their first two cells), and
    // not at all when far longer than the header's cell: folding keeps at least a quarter of
    // the letters (NFC composes at most four characters into one), so such a cell is unlike it
    let key = row.cells.iter().zip(&state.header_key).map(|(c, y)| {
        let letters = |s: &str| s.chars().filter(|ch| !ch.is_whitespace()).count();
        (letters(&c.text) <= 6 * (letters(y) + 1))
            .then(|| std::borrow::Cow::Owned(fold_key(&c.text.replace('\n', " "))))
    });
    same_header_lazy(key, row.cells.len(), &state.header_key)
}

/// Whether two header rows (folded cell keys) are the same header: equal, or
/// read with a few slips (OCR drops spaces, misreads letters, loses a faint
/// cell): at least three cells, and all but one cell position alike, each at
/// most a fifth of its letters apart.
fn same_header(a: &[String], b: &[String]) -> bool {
    same_header_lazy(a.iter().map(|s| Some(std::borrow::Cow::Borrowed(s.as_str()))), a.len(), b)
}

/// [`same_header`] of the `a_len` keys `a` yields (`None`: a key known to be unlike and unequal
/// to `b`'s at that position), taken only while the answer is open: two cell positions unlike
/// leave only an equal row, so a row that differs stops there.
fn same_header_lazy<'a>(
    a: impl Iterator<Item = Option<std::borrow::Cow<'a, str>>>,
    a_len: usize,
    b: &[String],
) -> bool {
    let mut equal = a_len == b.len();
    let (mut alike, mut unlike) = (0, 0);
    for (x, y) in a.zip(b) {
        equal &= x.as_deref() == Some(y.as_str());
        if x.is_some_and(|x| cells_alike(&x, y)) {
            alike += 1;
        } else {
            unlike += 1;
        }
        if unlike > 1 && !equal {
            return false;
        }
    }
    equal || alike >= 3 && alike + 1 >= a_len.max(b.len())
}

/// Two folded cells at most a fifth of their letters apart (white space ignored); an empty
/// first cell is alike nothing.
fn cells_alike(x: &str, y: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<Vec<char>>();
    let (x, y) = (squeeze(x), squeeze(y));
    let longer = x.len().max(y.len());
    // the distance is at least the difference in length
    !x.is_empty() && x.len().abs_diff(y.len()) * 5 <= longer && edit_distance(&x, &y) * 5 <= longer
}

/// Levenshtein distance between two character sequences.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// One physical row as a logical row with roles; the label comes from the
/// label column, or is split off a first cell that holds `I. Title`.
fn logical(row: &Row, state: &mut OpenTable) -> LogicalRow {
    let mut cells: Vec<RoleCell> = Vec::new();
    let mut bold = false;
    for c in &row.cells {
        let idx = c.col as usize;
        let role = state.roles.get(idx).copied().unwrap_or(Role::Other);
        bold |= c.bold && matches!(role, Role::Content | Role::Label);
        let header = state.headers.get(idx).cloned().unwrap_or_default();
        cells.push(RoleCell { role, header, text: c.text.trim().to_string() });
        cells.extend(spanned_fields(c, &state.roles, &state.headers));
    }
    let label = take_label(&mut cells);
    state.rows += 1;
    LogicalRow { label, cells, table: state.number, row: state.rows, bold, merged_above: false, span: row.span }
}

/// Columns whose cells a horizontal merge may fill together: the fields of a task.
const FIELD_ROLES: [Role; 5] = [Role::Lead, Role::Partners, Role::Deadline, Role::Outputs, Role::Notes];

/// A cell merged across several field columns (`gridSpan` over `Chủ trì` and
/// `Phối hợp`) says the same of each: copies of it for the columns after its
/// first. A cell that spans the content or label column (a title over the row)
/// gives none.
fn spanned_fields(c: &Cell, roles: &[Role], headers: &[String]) -> Vec<RoleCell> {
    let cols = c.col as usize..(c.col + c.colspan.max(1)) as usize;
    let covered: Vec<Role> = cols.clone().map(|i| roles.get(i).copied().unwrap_or(Role::Other)).collect();
    if covered.len() < 2 || !covered.iter().all(|r| FIELD_ROLES.contains(r)) {
        return Vec::new();
    }
    let text = c.text.trim();
    cols.skip(1)
        .zip(covered.into_iter().skip(1))
        .filter(|(_, role)| *role != roles[c.col as usize])
        .map(|(i, role)| RoleCell { role, header: headers.get(i).cloned().unwrap_or_default(), text: text.to_string() })
        .collect()
}

/// The label cell's text, when it is a label; a label cell holding `I. Title`
/// gives `I.` and moves `Title` into an empty content cell.
fn take_label(cells: &mut Vec<RoleCell>) -> Option<String> {
    let li = cells.iter().position(|c| c.role == Role::Label)?;
    let text = cells[li].text.clone();
    if text.is_empty() {
        return None;
    }
    if labels::kind(&text).is_some() || labels::kind(&format!("{text}.")).is_some() {
        return Some(text);
    }
    let (label, rest) = split_label(&text);
    let (label, rest) = match label.filter(|l| labels::kind(l).is_some_and(LabelKind::is_section)) {
        Some(l) => (l, rest.to_string()),
        None => dotless_roman(&text)?,
    };
    cells[li].text = label.clone();
    let has_content = cells.iter().any(|c| c.role == Role::Content);
    match cells.iter_mut().find(|c| c.role == Role::Content && c.text.is_empty()) {
        Some(content) => content.text = rest,
        // A title cell spanning the whole row (`I. Ban hành ...` over every column).
        None if !has_content => cells.push(RoleCell { role: Role::Content, header: String::new(), text: rest }),
        None => {}
    }
    Some(label)
}

/// A title cell numbered without a dot (`I Xây dựng ...`): the roman number and the title.
fn dotless_roman(text: &str) -> Option<(String, String)> {
    let (head, rest) = text.split_once(' ')?;
    let roman = labels::kind(head) == Some(LabelKind::Roman);
    let titled = rest.trim_start().chars().next().is_some_and(char::is_uppercase);
    (roman && titled).then(|| (head.to_string(), rest.trim().to_string()))
}

/// Whether `row` continues the row before it: the first row of a continuing
/// piece with no label, a row with neither label nor content, or the first
/// row of a piece whose previous row had no label and that starts in lower case.
pub(crate) fn is_continuation(row: &LogicalRow, prev: Option<&LogicalRow>, first_of_piece: bool) -> bool {
    let Some(prev) = prev else { return false };
    if row.merged_above {
        return true;
    }
    let content = row.text(Role::Content).unwrap_or_default();
    if row.label.is_none() && content.is_empty() {
        return row.cells.iter().any(|c| !c.text.is_empty());
    }
    let lower = content.chars().next().is_some_and(char::is_lowercase);
    if prev.label.is_none() && lower {
        return true;
    }
    first_of_piece && row.label.is_none()
}

/// Appends `next`'s cells to `row`'s, column by column; `next`'s label wins where `row` had none.
pub(crate) fn merge(row: &mut LogicalRow, next: LogicalRow) {
    for c in next.cells {
        if c.text.is_empty() || c.role == Role::Label {
            continue;
        }
        match row.cells.iter_mut().find(|r| r.header == c.header && r.role == c.role) {
            Some(r) => r.text = join_cell(&r.text, &c.text),
            None => row.cells.push(c),
        }
    }
    if row.label.is_none() {
        row.label = next.label;
    }
}

/// Joins two parts of one cell: a new line before a `- ` or `+ ` item, else a space.
fn join_cell(a: &str, b: &str) -> String {
    if a.is_empty() {
        return b.to_string();
    }
    let item = b.starts_with("- ") || b.starts_with("+ ") || b.starts_with('-');
    format!("{a}{}{b}", if item { '\n' } else { ' ' })
}

/// Whether `row` titles the rows after it: a label and a content cell and no
/// other filled cell, and bold, or roman, or followed by a child label (`1.6` → `1.6.1`).
pub(crate) fn is_group_row(row: &LogicalRow, next_label: Option<&str>) -> bool {
    let Some(label) = row.label.as_deref() else { return false };
    let others_empty = row.cells.iter().all(|c| matches!(c.role, Role::Label | Role::Content) || c.text.is_empty());
    if !others_empty || row.text(Role::Content).is_none() {
        return false;
    }
    let roman = labels::kind(label) == Some(LabelKind::Roman);
    let child = next_label.is_some_and(|n| is_child(label, n));
    row.bold || roman || child
}

/// `1.6.1` is a child of `1.6`; `1.1` of `1.`.
fn is_child(parent: &str, child: &str) -> bool {
    let p = labels::bare(parent);
    let c = labels::bare(child);
    c.len() > p.len() + 1 && c.starts_with(&p) && c[p.len()..].starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: Option<&str>, content: &str, lead: &str) -> LogicalRow {
        let cell = |role, text: &str| RoleCell { role, header: format!("{role:?}"), text: text.into() };
        LogicalRow {
            label: label.map(str::to_string),
            cells: vec![cell(Role::Label, label.unwrap_or("")), cell(Role::Content, content), cell(Role::Lead, lead)],
            table: 1,
            row: 1,
            bold: false,
            merged_above: false,
            span: Default::default(),
        }
    }

    fn grid_cell(col: u16, colspan: u16, rowspan: u16, text: &str) -> Cell {
        Cell { text: text.into(), col, colspan, rowspan, bold: false, span: Default::default() }
    }

    fn grid_row(cells: Vec<Cell>) -> Row {
        Row { cells, header: false, span: Default::default() }
    }

    const ROLES: [Role; 5] = [Role::Label, Role::Content, Role::Outputs, Role::Lead, Role::Partners];

    #[test]
    fn a_cell_merged_over_field_columns_fills_each_but_a_title_over_the_row_does_not() {
        let headers: Vec<String> = ["TT", "Nhiệm vụ", "Sản phẩm", "Chủ trì", "Phối hợp"].map(String::from).to_vec();
        let both = spanned_fields(&grid_cell(3, 2, 1, "Theo phân công tại Quyết định"), &ROLES, &headers);
        assert_eq!(both.len(), 1);
        assert_eq!(
            (both[0].role, both[0].header.as_str(), both[0].text.as_str()),
            (Role::Partners, "Phối hợp", "Theo phân công tại Quyết định")
        );
        assert!(spanned_fields(&grid_cell(1, 4, 1, "Nhóm nhiệm vụ"), &ROLES, &headers).is_empty());
        assert!(spanned_fields(&grid_cell(3, 1, 1, "Sở Nội vụ"), &ROLES, &headers).is_empty());
    }

    #[test]
    fn a_row_under_a_merged_label_with_its_own_fields_is_a_task_of_its_own() {
        let top = grid_row(vec![
            grid_cell(0, 1, 2, "2"),
            grid_cell(1, 1, 2, "Ban hành kế hoạch"),
            grid_cell(2, 1, 1, "Kế hoạch của tỉnh"),
            grid_cell(3, 1, 1, "Sở Nội vụ"),
        ]);
        let sub = grid_row(vec![grid_cell(2, 1, 1, "Kế hoạch của đơn vị"), grid_cell(3, 1, 1, "Các cơ quan")]);
        let expanded = expand_rowspans(&[&top, &sub], &ROLES, &[]);
        assert!(!expanded[1].label_merged);
        let texts: Vec<&str> = expanded[1].row.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec!["2", "Ban hành kế hoạch", "Kế hoạch của đơn vị", "Các cơ quan"]);
        // the lower part of a row whose content goes on below the merged label continues it
        let rest = grid_row(vec![grid_cell(1, 1, 1, "và tổ chức thực hiện")]);
        let top_label_only = grid_row(vec![grid_cell(0, 1, 2, "3"), grid_cell(1, 1, 1, "Rà soát thủ tục")]);
        assert!(expand_rowspans(&[&top_label_only, &rest], &ROLES, &[])[1].label_merged);
    }

    #[test]
    fn continuation_rules() {
        let prev = row(Some("1"), "Cập nhật, công khai trên", "Công chức Văn hoá –");
        assert!(is_continuation(&row(None, "Cổng thông tin", "Xã hội"), Some(&prev), true));
        assert!(!is_continuation(&row(None, "Rà soát", "Công chức"), Some(&prev), false));
        let unlabeled = row(None, "Rà soát, đề xuất danh mục thủ tục hành", "Công chức");
        assert!(is_continuation(&row(Some("1.3"), "chính được tích hợp", "kiểm soát"), Some(&unlabeled), true));
    }

    #[test]
    fn merge_joins_cells_and_takes_label() {
        let mut a = row(None, "Rà soát thủ tục hành", "Công chức");
        merge(&mut a, row(Some("1.3"), "chính được tích hợp", "kiểm soát TTHC"));
        assert_eq!(a.label.as_deref(), Some("1.3"));
        assert_eq!(a.text(Role::Content).as_deref(), Some("Rà soát thủ tục hành chính được tích hợp"));
        assert_eq!(a.text(Role::Lead).as_deref(), Some("Công chức kiểm soát TTHC"));
    }

    #[test]
    fn group_rows() {
        assert!(is_group_row(&row(Some("1.6"), "Tỷ lệ xử lý văn bản", ""), Some("1.6.1")));
        assert!(is_group_row(&row(Some("I."), "Ban hành văn bản", ""), Some("1")));
        assert!(!is_group_row(&row(Some("3."), "Đạt loại tốt", ""), None));
        let mut bold = row(Some("1"), "Ban hành", "Văn phòng");
        bold.bold = true;
        assert!(!is_group_row(&bold, None));
    }

    #[test]
    fn a_header_read_with_slips_is_the_same_header() {
        let key = |cells: &[&str]| cells.iter().map(|c| fold_key(c)).collect::<Vec<_>>();
        let printed = key(&["Stt", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"]);
        let scanned = key(&["Stt", "Nội dung côngviệc", "Thời gian thựchiện", "Đơn vị chủ 'ưì"]);
        assert!(same_header(&printed, &scanned));
        let other = key(&["Stt", "Chỉ tiêu", "Kết quả", "Ghi chú"]);
        assert!(!same_header(&printed, &other));
        assert!(same_header(&printed, &printed[..3]), "a last cell lost");
        assert!(!same_header(&printed, &printed[..2]), "two cells lost");
        let blank_last = key(&["Stt", "Nội dung công việc", "Thời gian thực hiện", ""]);
        assert!(same_header(&printed, &blank_last), "a last cell read empty");
    }

    #[test]
    fn a_cell_left_unfolded_counts_as_unlike() {
        use std::borrow::Cow;
        let header = vec![fold_key("Stt"), fold_key("Nội dung"), fold_key("Ghi chú"), fold_key("Đơn vị")];
        let row = vec![
            fold_key("Stt"),
            fold_key(&"Tổ chức tuyên truyền ".repeat(10)),
            fold_key("Ghi chú"),
            fold_key("Đơn vị"),
        ];
        let lazy = |second: Option<Cow<'static, str>>| {
            vec![
                Some(Cow::Owned(row[0].clone())),
                second,
                Some(Cow::Owned(row[2].clone())),
                Some(Cow::Owned(row[3].clone())),
            ]
        };
        assert!(same_header(&row, &header), "one unlike cell of four");
        assert_eq!(same_header_lazy(lazy(None).into_iter(), 4, &header), same_header(&row, &header));
        let two_off = vec![fold_key("1"), row[1].clone(), row[2].clone(), row[3].clone()];
        assert!(!same_header(&two_off, &header));
        let lazy_two_off = vec![
            Some(Cow::Owned(two_off[0].clone())),
            None,
            Some(Cow::Owned(row[2].clone())),
            Some(Cow::Owned(row[3].clone())),
        ];
        assert!(!same_header_lazy(lazy_two_off.into_iter(), 4, &header));
    }
}
