//! Column roles from header cells: `Stt`, `Nội dung`, `chủ trì`, `phối hợp`, `Thời gian`, `Sản phẩm`, `Ghi chú`...

use crate::outline::Role;
use sohoa_extract::normalize::fold_key;

/// Words that name each role in a header cell, tried in this order (first hit wins).
const RULES: &[(Role, &[&str])] = &[
    (Role::Notes, &["ghi chú"]),
    (Role::Other, &["đánh giá", "kinh phí", "nguồn vốn"]),
    (Role::Outputs, &["sản phẩm", "kết quả", "dự kiến"]),
    (Role::Deadline, &["thời gian", "thời hạn", "tiến độ", "thời điểm", "hoàn thành"]),
    (Role::Partners, &["phối hợp"]),
    (Role::Content, &["nội dung"]),
    (Role::Lead, &["chủ trì", "tham mưu", "thực hiện", "trách nhiệm", "cơ quan", "đơn vị chủ", "người"]),
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
    if key.contains("đơn vị tính") || key == "đvt" || (indicator_table && key == fold_key("đơn vị")) {
        return Role::Unit;
    }
    if is_object_header(&key) {
        return Role::Content;
    }
    if key.starts_with(&fold_key("đơn vị")) && !key.contains(&fold_key("phối hợp")) {
        return Role::Lead;
    }
    RULES
        .iter()
        .find(|(_, words)| words.iter().any(|w| key.contains(&fold_key(w))))
        .map_or(Role::Other, |(role, _)| *role)
}

/// `Đơn vị được kiểm tra`, `Cơ quan được khảo sát`: the units the work is done on, which are the
/// rows' content (each row is the work on one unit), not who leads it.
fn is_object_header(key: &str) -> bool {
    ["đơn vị", "cơ quan", "địa phương"].iter().any(|w| key.starts_with(&fold_key(w))) && key.contains(&fold_key("được"))
}

fn is_label_header(key: &str) -> bool {
    matches!(key, "stt" | "tt" | "số tt" | "số thứ tự" | "thứ tự" | "số" | "mục")
}

/// The roles of a header row, or `None` when the row does not read as a header
/// (fewer than two known roles, or cells as long as content).
pub fn header_roles(cells: &[String]) -> Option<Vec<Role>> {
    if cells.iter().any(|c| c.chars().count() > 80) {
        return None;
    }
    let indicator = cells.iter().any(|c| fold_key(c) == fold_key("chỉ tiêu"));
    let mut roles: Vec<Role> = cells.iter().map(|c| role_of(c, indicator)).collect();
    content_after_label(&mut roles);
    let known = roles.iter().filter(|r| **r != Role::Other).count();
    let has_body = roles.iter().any(|r| matches!(r, Role::Content | Role::Label));
    (known >= 2 && has_body).then_some(roles)
}

/// A numbered table always has a content column: when no header cell names
/// it (a misprint, an OCR slip), it is the unnamed column after the number.
fn content_after_label(roles: &mut [Role]) {
    if roles.contains(&Role::Content) {
        return;
    }
    if let Some(i) = roles.iter().position(|r| *r == Role::Label) {
        if let Some(next) = roles.get_mut(i + 1).filter(|r| **r == Role::Other) {
            *next = Role::Content;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(cells: &[&str]) -> Option<Vec<Role>> {
        header_roles(&cells.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn plan_table_header() {
        let r = roles(&["Stt", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp", "Dự kiến kết quả", "Ghi chú"]);
        use Role::*;
        assert_eq!(r, Some(vec![Label, Content, Deadline, Lead, Partners, Outputs, Notes]));
    }

    #[test]
    fn indicator_table_header() {
        let r = roles(&["STT", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2024", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp", "Cơ quan chủ trì đánh giá"]);
        use Role::*;
        assert_eq!(r, Some(vec![Label, Content, Unit, Target, Lead, Partners, Other]));
    }

    #[test]
    fn an_unnamed_column_after_the_number_is_the_content() {
        let r = roles(&["STT", "Chiêu", "Chỉ tiêu năm 2024", "Cơ quan chủ trì thực hiện"]);
        use Role::*;
        assert_eq!(r, Some(vec![Label, Content, Target, Lead]));
    }

    #[test]
    fn the_units_a_schedule_visits_are_its_content() {
        let r = roles(&["STT", "Đơn vị được khảo sát", "Thời gian khảo sát"]);
        use Role::*;
        assert_eq!(r, Some(vec![Label, Content, Deadline]));
        assert_eq!(role_of("Đơn vị thực hiện", false), Lead);
    }

    #[test]
    fn body_rows_are_not_headers() {
        assert_eq!(roles(&["1", "Ban hành kế hoạch", "Tháng 01/2025"]), None);
        assert_eq!(roles(&["UBND TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]), None);
    }
}
