//! Unit lists (`lead`, `partners`) and the subject of an assignment sentence.

use once_cell::sync::Lazy;
use regex::Regex;

/// Splits a lead/partners cell on `;` and on line-leading `- `; commas stay
/// inside a name. Entries lose a leading `và`, an activity label
/// (`Công bố, công khai: ...`), and trailing punctuation.
pub fn split(cell: &str) -> Vec<String> {
    let pieces: Vec<String> = cell
        .split('\n')
        .flat_map(|line| split_dashes(line.trim()))
        .flat_map(|p| p.split(';').map(str::to_string).collect::<Vec<_>>())
        .map(|p| clean_entry(&p))
        .filter(|p| !p.is_empty())
        .collect();
    drop_activity_labels(pieces)
}

/// A line holding `- A - B` items written on one line keeps them apart only at a leading dash.
fn split_dashes(line: &str) -> Vec<String> {
    let line = line.trim_start_matches(['-', '–', '•']).trim();
    static INNER: Lazy<Regex> = Lazy::new(|| Regex::new(r"[;.]\s*-\s*").expect("static regex")); // invariant: valid literal
    INNER.split(line).map(str::to_string).collect()
}

fn clean_entry(p: &str) -> String {
    let mut t = crate::words::one_line(p.trim().trim_start_matches(['-', '–', '•', '+']).trim());
    for prefix in ["và ", "Và "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.to_string();
        }
    }
    t.trim_end_matches(['.', ';', ',', ':', ' ']).to_string()
}

/// When entries are written `activity: unit`, the unit is kept and bare
/// activity words (`Theo dõi`) are dropped.
fn drop_activity_labels(pieces: Vec<String>) -> Vec<String> {
    let labelled = pieces.iter().any(|p| activity_split(p).is_some());
    if !labelled {
        return pieces;
    }
    pieces
        .into_iter()
        .filter_map(|p| match activity_split(&p) {
            Some(unit) => Some(unit),
            None if p.split_whitespace().count() <= 3 => None,
            None => Some(p),
        })
        .collect()
}

/// `Công bố, công khai: Công chức Văn phòng` → `Công chức Văn phòng`.
fn activity_split(p: &str) -> Option<String> {
    let (label, unit) = p.split_once(':')?;
    let unit = unit.trim();
    (label.split_whitespace().count() <= 5 && !unit.is_empty()).then(|| unit.to_string())
}

/// Words an agency, office or post name starts with (`Sở`, `Phòng`, `UBND`, `Công chức`...).
const UNIT_HEADS: &[&str] = &[
    "Sở", "Phòng", "Ban", "UBND", "Ủy ban", "Uỷ ban", "Văn phòng", "Công chức", "Cán bộ", "Các", "Bộ phận", "Trung tâm", "Đài", "Hội",
    "Đoàn", "Công an", "Bộ Chỉ huy", "Ban Chỉ huy", "Mặt trận", "Chi cục", "Cục", "Thanh tra", "Kho bạc", "Bảo hiểm", "Liên đoàn",
    "Hội đồng", "Tòa án", "Viện", "Thủ trưởng", "Chủ tịch", "Giám đốc", "Người đứng đầu", "Đảng ủy", "Đảng uỷ", "Tổ công tác",
    "Lãnh đạo", "Đơn vị", "Cơ quan", "Hợp đồng", "Trường", "Báo", "Tổ chức, cá nhân", "Doanh nghiệp", "Thường trực",
];

/// Whether `text` reads as the name of a unit or post (a heading that assigns
/// the bullets under it): starts with a unit word, short, no sentence verb.
pub fn is_unit_name(text: &str) -> bool {
    let t = text.trim();
    let short = t.split_whitespace().count() <= 20 && !t.ends_with(':');
    let head = UNIT_HEADS.iter().any(|h| crate::words::starts_with(t, h));
    short && head && VERBS.iter().all(|v| !t.contains(v))
}

/// Verbs that end the subject of an assignment (`Phòng Tài chính chủ trì, ...`).
const VERBS: &[&str] = &[
    " chủ trì", " thường xuyên", " có trách nhiệm", " chịu trách nhiệm", " tham mưu", " phối hợp", " triển khai", " thực hiện",
    " theo dõi", " hướng dẫn", " căn cứ", " xây dựng", " chủ động", " kịp thời", " tăng cường", " đẩy mạnh", " tiếp tục", " nghiêm túc",
];

/// The subject of an assignment sentence: the units before its first verb,
/// and the partners named after `phối hợp với`.
pub fn assignment(sentence: &str) -> Option<(String, Vec<String>)> {
    let cut = VERBS.iter().filter_map(|v| sentence.find(v)).min()?;
    let subject = sentence[..cut].trim().trim_end_matches(',').trim();
    let words = subject.split_whitespace().count();
    if !(2..=30).contains(&words) || !UNIT_HEADS.iter().any(|h| crate::words::starts_with(subject, h)) {
        return None;
    }
    Some((subject.to_string(), partners_in(sentence)))
}

/// `... phối hợp với các cơ quan, đơn vị liên quan tham mưu ...` → `["các cơ quan, đơn vị liên quan"]`.
fn partners_in(sentence: &str) -> Vec<String> {
    let Some(i) = sentence.find("phối hợp với ") else { return Vec::new() };
    let rest = &sentence[i + "phối hợp với ".len()..];
    let end = VERBS.iter().filter_map(|v| rest.find(v)).min().unwrap_or(rest.len());
    split(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_semicolons_and_leading_dashes_only() {
        assert_eq!(split("Công chức Văn phòng TK, Công chức Tài chính – KT UBND xã"), vec!["Công chức Văn phòng TK, Công chức Tài chính – KT UBND xã"]);
        assert_eq!(split("- Văn phòng HĐND-UBND;\n- Các công chức được giao."), vec!["Văn phòng HĐND-UBND", "Các công chức được giao"]);
        assert_eq!(split("…ĐTT xã, thôn; và tổ chức, cá nhân có liên quan"), vec!["…ĐTT xã, thôn", "tổ chức, cá nhân có liên quan"]);
        assert_eq!(split("Công chức Văn phòng TK UBND xã."), vec!["Công chức Văn phòng TK UBND xã"]);
    }

    #[test]
    fn activity_labels_go() {
        assert_eq!(split("- Theo dõi; Công bố, công khai: Công chức Văn phòng TK UBND xã"), vec!["Công chức Văn phòng TK UBND xã"]);
    }

    #[test]
    fn assignment_subject_and_partners() {
        let (lead, partners) = assignment("Phòng Tài chính - Kế hoạch huyện chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu cấp kinh phí").expect("an assignment");
        assert_eq!(lead, "Phòng Tài chính - Kế hoạch huyện");
        assert_eq!(partners, vec!["các cơ quan, đơn vị liên quan"]);
    }
}
