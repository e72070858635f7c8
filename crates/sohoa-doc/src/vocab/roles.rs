//! Column roles from header cells (`Stt`, `Nội dung`, `chủ trì`, `phối hợp`, `Thời gian`,
//! `Sản phẩm`, `Ghi chú`...): the one vocabulary segment reads logical rows with and the
//! text reader rebuilds column-by-column dumps with.

use crate::fold::{fold_key, toneless_key};
use once_cell::sync::Lazy;

/// [`RULES`] with every word folded ([`fold_key`]), once.
static FOLDED_RULES: Lazy<Vec<(Role, Vec<String>)>> =
    Lazy::new(|| RULES.iter().map(|(role, words)| (*role, words.iter().map(|w| fold_key(w)).collect())).collect());

/// [`RULES`] with every word glued ([`glued`]), once.
static GLUED_RULES: Lazy<Vec<(Role, Vec<String>)>> =
    Lazy::new(|| RULES.iter().map(|(role, words)| (*role, words.iter().map(|w| glued(w)).collect())).collect());

/// The folded `đơn vị`, and the glued `phối hợp` and `chủ trì`.
static DON_VI: Lazy<String> = Lazy::new(|| fold_key("đơn vị"));
static GLUED_PHOI_HOP: Lazy<String> = Lazy::new(|| glued("phối hợp"));
static GLUED_CHU_TRI: Lazy<String> = Lazy::new(|| glued("chủ trì"));

/// What a table column holds, read from its header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// `Stt`, `TT`, `Số TT`.
    Label,
    /// `Nội dung`, `Nhiệm vụ`: what is to be done.
    Content,
    /// `Chủ trì`, `Đơn vị thực hiện`: who leads.
    Lead,
    /// `Phối hợp`: who helps.
    Partners,
    /// `Thời gian`, `Thời hạn`: when.
    Deadline,
    /// `Sản phẩm`, `Kết quả`: what comes out.
    Outputs,
    /// `Ghi chú`: remarks.
    Notes,
    /// `Đơn vị` / `Đơn vị tính` of an indicator table.
    Unit,
    /// `Chỉ tiêu năm 2024`, `Kế hoạch`, `Mục tiêu`: a target value.
    Target,
    /// A column no rule names.
    Other,
}

/// Words that name each role in a header cell, tried in this order (first hit wins).
pub const RULES: &[(Role, &[&str])] = &[
    // A leader named in a column oversees the work: notes, as a `Lãnh đạo phụ trách` line is.
    (Role::Notes, &["ghi chú", "lãnh đạo phụ trách"]),
    (Role::Other, &["đánh giá", "kinh phí", "nguồn vốn"]),
    (Role::Outputs, &["sản phẩm", "kết quả", "dự kiến"]),
    (Role::Deadline, &["thời gian", "thời hạn", "tiến độ", "thời điểm", "hoàn thành"]),
    (Role::Partners, &["phối hợp"]),
    (Role::Content, &["nội dung"]),
    (Role::Lead, &["chủ trì", "tham mưu", "thực hiện", "phụ trách", "trách nhiệm", "cơ quan", "đơn vị chủ", "người"]),
    (Role::Target, &["chỉ tiêu năm", "chỉ tiêu giao", "mục tiêu", "kế hoạch năm", "giá trị"]),
    (Role::Content, &["nội dung", "nhiệm vụ", "công việc", "chỉ tiêu", "tên", "hoạt động", "giải pháp", "lĩnh vực"]),
];

/// The role of one header cell. `indicator_table`: the table has a `Chỉ tiêu`
/// column, so a bare `Đơn vị` is the unit of measure, not the lead.
pub fn role_of(header: &str, indicator_table: bool) -> Role {
    let key = fold_key(header);
    if is_label_header(&key) {
        return Role::Label;
    }
    if key.contains("đơn vị tính") || key == "đvt" || (indicator_table && key == *DON_VI) {
        return Role::Unit;
    }
    if is_object_header(&key) {
        return Role::Content;
    }
    if key.starts_with(DON_VI.as_str()) && !glued(header).contains(GLUED_PHOI_HOP.as_str()) {
        return Role::Lead;
    }
    match rule_role(&key) {
        Role::Other => glued_rule_role(header),
        role => role,
    }
}

/// `text` without tones and spaces: OCR and narrow header cells glue words (`Đơn vị
/// phốihợp`, `Thời gian thựchiện`) and misread tones, which must not change what a
/// header names (and [`fold_key`] moves a glued pair's tones to its end).
fn glued(text: &str) -> String {
    toneless_key(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// [`rule_role`] with spaces and tones ignored: the fallback for a header no rule
/// names as written.
/// A header that names both roles (`Vai trò (Chủ trì/ Phối hợp)`) says which role a unit
/// plays, it names no unit: it stays `Other`.
fn glued_rule_role(header: &str) -> Role {
    let key = glued(header);
    if key.contains(GLUED_CHU_TRI.as_str()) && key.contains(GLUED_PHOI_HOP.as_str()) {
        return Role::Other;
    }
    GLUED_RULES
        .iter()
        .find(|(_, words)| words.iter().any(|w| key.contains(w.as_str())))
        .map_or(Role::Other, |(role, _)| *role)
}

/// The role the first [`RULES`] entry whose word `key` (folded) contains names.
pub fn rule_role(key: &str) -> Role {
    FOLDED_RULES
        .iter()
        .find(|(_, words)| words.iter().any(|w| key.contains(w.as_str())))
        .map_or(Role::Other, |(role, _)| *role)
}

/// `Đơn vị được kiểm tra`, `Cơ quan được khảo sát`: the units the work is done on, which are the
/// rows' content (each row is the work on one unit), not who leads it.
fn is_object_header(key: &str) -> bool {
    static HEADS: Lazy<[String; 3]> = Lazy::new(|| ["đơn vị", "cơ quan", "địa phương"].map(fold_key));
    static DUOC: Lazy<String> = Lazy::new(|| fold_key("được"));
    HEADS.iter().any(|w| key.starts_with(w.as_str())) && key.contains(DUOC.as_str())
}

/// A whole header cell (folded) that names the number column.
pub fn is_label_header(key: &str) -> bool {
    matches!(key, "stt" | "tt" | "số tt" | "số thứ tự" | "thứ tự" | "số" | "mục")
}

/// A folded title that is, or starts with, the number column's title (`STT`, `Số TT`,
/// `Số thứ tự`): how a header that a text dump wrapped into one run of words begins.
pub fn starts_with_label_header(key: &str) -> bool {
    let mut words = key.split_whitespace();
    match words.next() {
        Some("stt" | "tt" | "s.tt" | "số.tt") => true,
        Some("số") => matches!(words.next(), Some("tt" | "thứ" | "tt.")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_units_a_schedule_visits_are_its_content() {
        assert_eq!(role_of("Đơn vị được khảo sát", false), Role::Content);
        assert_eq!(role_of("Đơn vị thực hiện", false), Role::Lead);
    }

    #[test]
    fn a_bare_unit_column_is_the_unit_of_measure_only_in_an_indicator_table() {
        assert_eq!(role_of("Đơn vị", true), Role::Unit);
        assert_eq!(role_of("Đơn vị", false), Role::Lead);
        assert_eq!(role_of("ĐVT", false), Role::Unit);
    }

    #[test]
    fn the_first_rule_that_names_the_cell_wins() {
        assert_eq!(role_of("Sản phẩm dự kiến hoàn thành", false), Role::Outputs);
        assert_eq!(role_of("Thời hạn hoàn thành", false), Role::Deadline);
        assert_eq!(role_of("Kinh phí thực hiện", false), Role::Other);
        assert_eq!(role_of("Lãnh đạo phụ trách", false), Role::Notes);
        assert_eq!(role_of("Đơn vị phụ trách", false), Role::Lead);
        assert_eq!(role_of("Số TT", false), Role::Label);
    }

    #[test]
    fn words_glued_by_ocr_name_the_same_role() {
        assert_eq!(role_of("Đơn vị phốihợp", false), Role::Partners);
        assert_eq!(role_of("Thời gian thựchiện", false), Role::Deadline);
        assert_eq!(role_of("Dự kiến kếtquả", false), Role::Outputs);
        assert_eq!(role_of("Đơn vị chủtrì", false), Role::Lead);
        assert_eq!(role_of("Vai trò (Chủ trì/ Phối hợp)", false), Role::Other);
    }

    #[test]
    fn a_wrapped_header_starts_with_the_number_title() {
        assert!(starts_with_label_header("số tt nội dung"));
        assert!(starts_with_label_header("stt"));
        assert!(!starts_with_label_header("số lượng"));
    }
}
