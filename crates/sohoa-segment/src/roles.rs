//! A header row's column roles, each cell read with the shared vocabulary ([`sohoa_doc::vocab::roles`]).

use crate::outline::Role;
use once_cell::sync::Lazy;
use sohoa_doc::fold_key;
pub use sohoa_doc::vocab::roles::role_of;

/// The roles of a header row, or `None` when the row does not read as a header
/// (fewer than two known roles, or cells as long as content).
pub fn header_roles(cells: &[String]) -> Option<Vec<Role>> {
    if cells.iter().any(|c| c.chars().count() > 80) {
        return None;
    }
    static INDICATOR: Lazy<String> = Lazy::new(|| fold_key("chỉ tiêu"));
    let indicator = cells.iter().any(|c| fold_key(c) == *INDICATOR);
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
        header_roles(&cells.iter().map(std::string::ToString::to_string).collect::<Vec<_>>())
    }

    #[test]
    fn plan_table_header() {
        let r = roles(&[
            "Stt",
            "Nội dung công việc",
            "Thời gian thực hiện",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Dự kiến kết quả",
            "Ghi chú",
        ]);
        use Role::*;
        assert_eq!(r, Some(vec![Label, Content, Deadline, Lead, Partners, Outputs, Notes]));
    }

    #[test]
    fn indicator_table_header() {
        let r = roles(&[
            "STT",
            "Chỉ tiêu",
            "Đơn vị",
            "Chỉ tiêu năm 2024",
            "Cơ quan chủ trì thực hiện",
            "Cơ quan phối hợp",
            "Cơ quan chủ trì đánh giá",
        ]);
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
