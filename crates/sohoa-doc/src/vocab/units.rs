//! Unit-name words: what an agency, office or post name starts with, the nouns of a group of
//! units, the kinds of body and the administrative levels a body's name carries.

/// Words an agency, office or post name starts with (`Sở`, `Phòng`, `UBND`, `Công chức`...).
pub const UNIT_HEADS: &[&str] = &[
    "Sở",
    "Phòng",
    "Ban",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "Văn phòng",
    "Công chức",
    "Cán bộ",
    "Bộ phận",
    "Trung tâm",
    "Đài",
    "Hội",
    "Đoàn",
    "Công an",
    "Bộ Chỉ huy",
    "Ban Chỉ huy",
    "Mặt trận",
    "Chi cục",
    "Cục",
    "Thanh tra",
    "Kho bạc",
    "Bảo hiểm",
    "Liên đoàn",
    "Hội đồng",
    "Tòa án",
    "Toà án",
    "Viện",
    "Thủ trưởng",
    "Chủ tịch",
    "Giám đốc",
    "Người đứng đầu",
    "Đảng ủy",
    "Đảng uỷ",
    "Tổ công tác",
    "Lãnh đạo",
    "Đơn vị",
    "Cơ quan",
    "Hợp đồng",
    "Trường",
    "Báo",
    "Tổ chức, cá nhân",
    "Doanh nghiệp",
    "Thường trực",
    "Ngân hàng",
    "Bộ tư lệnh",
    "Bộ đội",
    "Tỉnh đoàn",
    "Huyện đoàn",
    "Bệnh viện",
    "Hải quan",
    "Quân sự",
    "Công ty",
    "Tổng công ty",
    "Tập đoàn",
    "Chi nhánh",
    "Hợp tác xã",
    "Học viện",
    "Quỹ",
    "Kiểm lâm",
    "Hạt Kiểm lâm",
    "Đồn Biên phòng",
    "Bưu điện",
    "Điện lực",
    "Kiểm toán",
];

/// Nouns that make `Các ...`/`Những ...` a group of units (`Các sở, ban, ngành`), not of things.
pub const GROUP_NOUNS: &[&str] = &[
    "sở",
    "ban",
    "ngành",
    "cơ quan",
    "đơn vị",
    "phòng",
    "địa phương",
    "xã",
    "huyện",
    "tổ chức",
    "hội",
    "doanh nghiệp",
    "bộ",
    "trường",
    "công chức",
    "cán bộ",
    "thành viên",
    "chi cục",
    "trung tâm",
    "lực lượng",
    "cấp ủy",
    "cấp",
    "đoàn thể",
    "ủy ban",
    "uỷ ban",
];

/// Words that name the kind of body, written with one capital (`Chi cục`, `Văn phòng`), longer first.
pub const BODY_TYPES: &[&str] = &[
    "ban quản lý",
    "bệnh viện",
    "chi cục",
    "tổng cục",
    "văn phòng",
    "trung tâm",
    "hội đồng",
    "thanh tra",
    "kho bạc",
    "sở",
    "ban",
    "cục",
    "phòng",
    "bộ",
    "viện",
    "trường",
];

/// Administrative levels a local body's name carries (`UBND tỉnh ...`, `UBND thị trấn ...`), longer first.
pub const LEVELS: &[&str] = &["thành phố", "thị trấn", "thị xã", "huyện", "tỉnh", "quận", "phường", "xã"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_name_comes_before_its_prefix() {
        for list in [BODY_TYPES, LEVELS] {
            for (i, a) in list.iter().enumerate() {
                for b in &list[..i] {
                    assert!(!a.starts_with(&format!("{b} ")) && a != b, "{a} after {b}");
                }
            }
        }
    }
}
