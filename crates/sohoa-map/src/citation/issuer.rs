//! Issuing authorities as written (`Chính phủ`, `Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`,
//! `UBND huyện Ân Thi`): a run of capitalised words and of the lowercase words that occur
//! inside authority names, cut before verbs (`ban hành`, `về`, `quy định`) and kind words.

use super::kind::starts_with_kind;

/// Lowercase words that belong inside an authority's name.
const INNER: &[&str] = &[
    "phủ",
    "tướng",
    "tịch",
    "trưởng",
    "nhiệm",
    "phòng",
    "pháp",
    "vụ",
    "huyện",
    "tỉnh",
    "xã",
    "thị",
    "trấn",
    "phường",
    "quận",
    "thành",
    "phố",
    "ban",
    "nhân",
    "dân",
    "đồng",
    "trị",
    "chính",
    "tư",
    "nội",
    "hội",
    "trung",
    "ương",
    "sở",
    "phó",
    "tin",
    "thông",
    "tài",
    "tế",
    "vận",
    "tải",
    "động",
    "binh",
    "chủ",
    "cấp",
    "đạo",
    "ủy",
    "uỷ",
    "hành",
    "an",
    "đốc",
];

/// Pairs that end a name when they start at a word (`UBND tỉnh ban hành ...`).
const STOP_PAIRS: &[&str] =
    &["ban hành", "quy định", "hướng dẫn", "phê duyệt", "sửa đổi", "về việc", "thực hiện", "chỉ đạo", "triển khai"];

/// Of [`STOP_PAIRS`], those that also stop a name when capitalised (`UBND tỉnh Ban hành ...`).
const CAPITAL_STOPS: &[&str] =
    &["ban hành", "về việc", "quy định", "hướng dẫn", "phê duyệt", "sửa đổi", "thực hiện", "triển khai"];

/// Words that open an authority's name (`Chính phủ`, `UBND`, `Bộ`, `Chủ tịch` ...).
const HEADS: &[&str] = &[
    "Chính",
    "Thủ",
    "Chủ",
    "UBND",
    "UBDN",
    "Ủy",
    "Uỷ",
    "HĐND",
    "Hội",
    "Bộ",
    "Văn",
    "VPCP",
    "Sở",
    "Phòng",
    "Ban",
    "Tỉnh",
    "Huyện",
    "Tổng",
    "Cục",
    "Quốc",
    "Trung",
    "BCĐ",
    "Thường",
    "Giám",
    "Đảng",
    "Phó",
    "Trưởng",
];

/// Words that open a second title of one person after a comma (`Bộ trưởng, Chủ nhiệm ...`).
const SECOND_TITLES: &[&str] = &["Chủ", "Phó", "Thứ", "Trưởng"];

struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                out.push(Word { text: &s[b..i], start: b, end: i });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn core(w: &str) -> &str {
    w.trim_end_matches([',', ';', '.', ':', ')', '/', '*', '_', '"', '”', '’'])
}

/// Whether `w` (followed by `next`) may stand inside an authority's name.
fn fits(w: &str, next: Option<&str>, rest: &str) -> bool {
    let c = core(w);
    if c.is_empty() || c.starts_with(['(', '"', '“']) || c.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
        return false;
    }
    let pair = format!("{} {}", c.to_lowercase(), next.map(core).unwrap_or_default().to_lowercase());
    let stop_pair =
        STOP_PAIRS.iter().any(|p| pair == *p) && (!capitalised(c) || CAPITAL_STOPS.contains(&pair.as_str()));
    if stop_pair || starts_with_kind(rest) {
        return false;
    }
    capitalised(c)
        || INNER.contains(&c)
        || (c == "và" && next.is_some_and(|n| capitalised(n) && !starts_with_kind_word(n)))
}

fn starts_with_kind_word(w: &str) -> bool {
    starts_with_kind(w) && !w.starts_with("Văn")
}

/// The authority named at the start of `s`, and the byte length it takes.
pub(crate) fn forward(s: &str) -> Option<(String, usize)> {
    let ws = words(s);
    let mut end = None;
    for (i, w) in ws.iter().enumerate() {
        let next = ws.get(i + 1).map(|n| n.text);
        if !fits(w.text, next, &s[w.start..]) {
            break;
        }
        end = Some(w.start + core(w.text).len());
        let last = w.text.trim_end_matches(['*', '_', '"', '”', '’']).chars().last().unwrap_or(' ');
        let comma_goes_on = last == ',' && next.is_some_and(|n| SECOND_TITLES.contains(&core(n)));
        if matches!(last, ';' | '.' | ':' | ')') || (last == ',' && !comma_goes_on) {
            break;
        }
    }
    let end = end?;
    let name = trim_dangling(&s[..end]);
    (!name.is_empty() && heads_authority(name)).then(|| (name.to_string(), end))
}

/// The authority named at the very end of `s` (`... được Chính phủ`), if it looks like one.
pub(crate) fn backward(s: &str) -> Option<String> {
    let ws = words(s);
    let mut first = None;
    for (i, w) in ws.iter().enumerate().rev() {
        if w.text != core(w.text) && i + 1 != ws.len() {
            break;
        }
        if !fits(w.text, ws.get(i + 1).map(|n| n.text), &s[w.start..]) {
            break;
        }
        first = Some(i);
    }
    let from = (first?..ws.len()).find(|&i| HEADS.contains(&core(ws[i].text)))?;
    let name = core(s[ws[from].start..ws.last()?.end].trim());
    (!name.is_empty()).then(|| name.to_string())
}

fn trim_dangling(name: &str) -> &str {
    let mut name = name.trim_end_matches([',', ' ']);
    while let Some((head, last)) = name.rsplit_once(' ') {
        if last == "và" {
            name = head.trim_end_matches([',', ' ']);
        } else {
            break;
        }
    }
    name
}

fn heads_authority(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(|w| HEADS.contains(&w) || w.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fwd(s: &str) -> Option<String> {
        forward(s).map(|x| x.0)
    }

    #[test]
    fn names_end_before_verbs_and_kinds() {
        assert_eq!(fwd("Chính phủ về kiểm soát"), Some("Chính phủ".into()));
        assert_eq!(fwd("UBND tỉnh Hải Dương ban hành Kế hoạch"), Some("UBND tỉnh Hải Dương".into()));
        assert_eq!(fwd("UBND tỉnh Ban hành Quy chế"), Some("UBND tỉnh".into()));
        assert_eq!(
            fwd("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn"),
            Some("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ".into())
        );
        assert_eq!(fwd("HĐND tỉnh và Quyết định số 18"), Some("HĐND tỉnh".into()));
        assert_eq!(fwd("UBND huyện)."), Some("UBND huyện".into()));
        assert_eq!(fwd("Văn phòng Chính phủ*). Tiếp"), Some("Văn phòng Chính phủ".into()));
        assert_eq!(fwd("Bộ Thông tin và Truyền thông;"), Some("Bộ Thông tin và Truyền thông".into()));
        assert_eq!(fwd("cơ quan"), None);
        assert_eq!(fwd("Chính phủ Quy định chi tiết"), Some("Chính phủ".into()));
        assert_eq!(fwd("HĐND tỉnh Lâm Đồng, Giám đốc Sở"), Some("HĐND tỉnh Lâm Đồng".into()));
        assert_eq!(fwd("Bộ Công an về"), Some("Bộ Công an".into()));
        assert_eq!(fwd("Giám đốc Sở Công Thương"), Some("Giám đốc Sở Công Thương".into()));
    }

    #[test]
    fn names_before_giao_tai() {
        assert_eq!(backward("gắn với chuyển đổi số được Chính phủ"), Some("Chính phủ".into()));
        assert_eq!(backward("1. Chỉ tiêu"), None);
    }
}
