//! What a target measures, in the document's words: the clause around the number (cut at
//! `;`, `:` and sentence ends), less the commitment verbs before it (`Tiếp tục duy trì`,
//! `Phấn đấu`), the comparator words (`đạt tỷ lệ tối thiểu`), the number itself and a trailing
//! explanation in brackets (`(bao gồm cả ...)`).

use once_cell::sync::Lazy;
use regex::Regex;

use super::target::Target;
use crate::phrase_end::{PhraseEnd, PhraseEndWords};

fn re(p: &str) -> Regex {
    // invariant: every caller passes a literal pattern, exercised by the tests
    Regex::new(p).expect("valid regex")
}

static CLAUSE_END: Lazy<Regex> = Lazy::new(|| re(r"[;:\t\n]|\.(?:\s+[\p{Lu}\-+0-9]|\s*$)"));
static SPLIT: Lazy<Regex> = Lazy::new(|| re(r"(?i)\b(?:đảm\s+bảo|bảo\s+đảm|phấn\s+đấu)\b|\s+và\s+"));
static LEAD: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^(?:[-+•*]\s*|[0-9]+(?:\.[0-9]+)*\.?\s+|[a-zđ]\)\s+|(?:tiếp\s+tục|duy\s+trì|đảm\s+bảo|bảo\s+đảm|phấn\s+đấu|phát\s+động|thực\s+hiện|trong\s+đó|cụ\s+thể|đồng\s+thời|đẩy\s+mạnh|tăng\s+cường|nâng\s+cao|tăng|và|đạt|mục\s+tiêu)\b[\s,:]*|[0-9]+(?:[.,][0-9]+)?\s*%\s*)",
    )
});
static TRAIL: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:\b(?:tối\s+thiểu|ít\s+nhất|tối\s+đa|không\s+quá|không\s+dưới|không\s+vượt\s+quá|trên|dưới|đạt|là|lên\s+mức|mức|lên|tỷ\s+lệ|chỉ\s+tiêu|đảm\s+bảo|bảo\s+đảm|mục\s+tiêu|từ|còn|khoảng)|[\s,(])\s*$",
    )
});
/// The last commitment phrase before a target: what the sentence commits to starts after it
/// (`Tạo sự thống nhất ..., góp phần đạt chỉ số ... 12%/năm`).
static COMMIT: Lazy<Regex> = Lazy::new(|| re(r"(?i)\b(?:phấn\s+đấu|góp\s+phần)\b"));
/// `bảo đảm` right before the number (`..., bảo đảm 100% thủ tục ...`): what is measured is
/// the noun after the number, not the work before the verb.
/// What `(?i)\b(?:đảm\s+bảo|bảo\s+đảm)(?:\s+(?:tối\s+thiểu|ít\s+nhất|đạt|trên))*\s*$` matches.
static ENSURE_RIGHT_BEFORE: Lazy<PhraseEnd> = Lazy::new(|| {
    let modifiers = &["tối thiểu", "ít nhất", "đạt", "trên"];
    PhraseEnd::new(&PhraseEndWords { free: &[], after_break: &["đảm bảo", "bảo đảm"], modifiers })
});
/// A year or span opening or closing an indicator: the target's period, not what it measures.
static YEAR_EDGE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^(?:(?:đến\s+hết|đến|riêng|trong|ngay\s+trong|hằng)\s+)?(?:năm|giai\s+đoạn)\s+(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?[\s,]*|[\s,]*(?:(?:đến|riêng|trong|ngay\s+trong)\s+)?(?:năm|giai\s+đoạn)\s+(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?$|^hằng\s+năm[\s,]*",
    )
});
static NEW_SUBJECT: Lazy<Regex> = Lazy::new(|| re(r",\s+\p{Lu}"));
static NEW_PREDICATE: Lazy<Regex> = Lazy::new(|| re(r"(?i)(?:^|\s+)và\s+(?:được|đã|sẽ)\b"));

/// Indicators of `targets`, all found in `text`, in the same order.
pub(super) fn indicators(text: &str, targets: &[Target]) -> Vec<String> {
    let bounds: Vec<(usize, usize)> = targets.iter().map(|t| clause(text, t)).collect();
    (0..targets.len())
        .map(|i| {
            let (mut start, mut end) = bounds[i];
            if i > 0 && bounds[i - 1] == bounds[i] {
                start = split(text, targets[i - 1].end, targets[i].num_start).unwrap_or(start);
            }
            if i + 1 < targets.len() && bounds[i + 1] == bounds[i] {
                end = split(text, targets[i].end, targets[i + 1].num_start).unwrap_or(end);
            }
            indicator(text, &targets[i], start, end.max(targets[i].end))
        })
        .collect()
}

/// The clause holding the target: from the last `;`, `:` or sentence end before it to the
/// first after it.
fn clause(text: &str, t: &Target) -> (usize, usize) {
    let start = CLAUSE_END.find_iter(&text[..t.num_start]).last().map_or(0, |m| m.end() - trailing_capital(m.as_str()));
    let end = CLAUSE_END.find(&text[t.end..]).map_or(text.len(), |m| t.end + m.start());
    (start, end)
}

/// A sentence-end match takes the first letter of the next sentence: give it back.
fn trailing_capital(m: &str) -> usize {
    match m.chars().last() {
        Some(c) if m.starts_with('.') && !c.is_whitespace() && c != '.' => c.len_utf8(),
        _ => 0,
    }
}

/// Where two targets of one clause part: before its last `đảm bảo`/`phấn đấu`, else at its last `và`.
fn split(text: &str, from: usize, to: usize) -> Option<usize> {
    let gap = &text[from..to];
    let marks: Vec<regex::Match> = SPLIT.find_iter(gap).collect();
    let verb = marks.iter().rev().find(|m| !m.as_str().trim().eq_ignore_ascii_case("và"));
    verb.or(marks.last()).map(|m| from + m.start()).or_else(|| outside_brackets_comma(gap).map(|i| from + i))
}

/// The one comma outside brackets of a gap between two targets (`05 KCN, nâng tổng số lên
/// 12 KCN`); a gap with several is a list inside one target's phrase, not a boundary.
fn outside_brackets_comma(gap: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut commas = Vec::new();
    for (i, c) in gap.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => commas.push(i),
            _ => {}
        }
    }
    (commas.len() == 1).then(|| commas[0])
}

fn indicator(text: &str, t: &Target, start: usize, end: usize) -> String {
    let open = text[start..t.num_start].rfind('(').map(|i| start + i);
    let closed = open.is_some_and(|o| text[o..t.num_start].contains(')'));
    let counted = plain_count(t);
    let (before, after) = match open.filter(|_| !closed) {
        Some(o) => {
            let close = text[t.end..end].find(')').map_or(end, |i| t.end + i + 1);
            match counted {
                // a count in brackets (`phát sóng (mỗi tháng 02 chuyên mục)`) keeps the bracket's words
                true => (&text[start..t.num_start], &text[t.unit_start..close]),
                false => (&text[start..o], &text[close..end]),
            }
        }
        None if counted => (&text[start..t.num_start], before_new_subject(&text[t.unit_start..end])),
        None => (&text[start..t.num_start], after_part(text, t, end)),
    };
    let before = COMMIT.find_iter(before).last().map_or(before, |m| &before[m.end()..]);
    let (mut before, after) = (strip_before(before), strip_after(after));
    if ENSURE_RIGHT_BEFORE.ends(&text[start..t.num_start]) && !after.trim().is_empty() {
        before.clear();
    }
    if before.is_empty() && after.trim_matches([' ', ',', ';', '.', ':', '-']).is_empty() {
        before = field_label(text, start).unwrap_or_default();
    }
    let joined = format!("{before} {after}");
    let mut out = joined
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches([' ', ',', ';', '.', ':', '-'])
        .to_string();
    loop {
        let next = YEAR_EDGE.replace_all(&out, "").trim_matches([' ', ',', ';', '.', ':', '-']).to_string();
        if next == out || next.is_empty() {
            return out;
        }
        out = next;
    }
}

/// The words of a count's phrase up to a comma that opens a new subject (`..., Sở X thông báo`).
fn before_new_subject(s: &str) -> &str {
    NEW_SUBJECT.find(s).map_or(s, |m| &s[..m.start()])
}

/// A count with no comparator word (`Hình thành mới 05 Khu công nghiệp`): what it measures
/// is said with its counted noun, which stays in the indicator.
fn plain_count(t: &Target) -> bool {
    t.comparator == "=" && !t.unit.starts_with('%') && t.unit != "điểm"
}

/// The field label a target's clause follows (`Diện tích mới: trên 2.000 ha`),
/// when the clause says nothing else of what is measured.
fn field_label(text: &str, clause_start: usize) -> Option<String> {
    let head = text[..clause_start].trim_end();
    let label_end = head.strip_suffix(':').map(str::len)?;
    let from = CLAUSE_END.find_iter(&head[..label_end]).last().map_or(0, |m| m.end() - trailing_capital(m.as_str()));
    let label = strip_before(&head[from..label_end]);
    (!label.is_empty() && label.split_whitespace().count() <= 12).then_some(label)
}

/// The words after the number; a count keeps its unit when more words follow it.
fn after_part<'a>(text: &'a str, t: &Target, end: usize) -> &'a str {
    let rest = strip_after(&text[t.end..end]);
    if t.unit == "%" || rest.trim().is_empty() {
        &text[t.end..end]
    } else {
        &text[t.unit_start..end]
    }
}

fn strip_before(s: &str) -> String {
    let mut s = s.trim().to_string();
    loop {
        let next = LEAD.replace(&s, "").trim().to_string();
        let next = TRAIL.replace(&next, "").trim().to_string();
        if next == s {
            return s;
        }
        s = next;
    }
}

fn strip_after(s: &str) -> String {
    let mut s = s.trim();
    if let Some(m) = NEW_PREDICATE.find(s) {
        s = &s[..m.start()];
    }
    let s = s.trim_end_matches([' ', '.', ',', ';']);
    if s.ends_with(')') {
        if let Some(o) = s.rfind('(') {
            return s[..o].trim_end().to_string();
        }
    }
    match s.rfind('(') {
        Some(o) if !s[o..].contains(')') => s[..o].trim_end().to_string(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::target::find;
    use super::*;

    fn ind(text: &str) -> Vec<String> {
        indicators(text, &find(text))
    }

    #[test]
    fn verbs_and_brackets_go() {
        assert_eq!(ind("Tiếp tục duy trì 100% TTHC thuộc thẩm quyền; nâng cao chất lượng"), ["TTHC thuộc thẩm quyền"]);
        assert_eq!(
            ind("- Niêm yết, công khai thủ tục hành chính (đạt tỷ lệ 100%);"),
            ["Niêm yết, công khai thủ tục hành chính"]
        );
        assert_eq!(
            ind("100% hồ sơ phải được tiếp nhận trên Hệ thống (bao gồm cả hồ sơ ngoài trụ sở)"),
            ["hồ sơ phải được tiếp nhận trên Hệ thống"]
        );
        assert_eq!(
            ind("Tăng năng suất trong 01 năm lên mức tối thiểu 5.280 hồ sơ (20 hồ sơ/ngày)"),
            ["năng suất trong 01 năm"]
        );
    }

    #[test]
    fn counts_labels_and_brackets() {
        let t = "Thành lập mới 04 Cụm công nghiệp, nâng tổng số lên 20 CCN; tỷ lệ lấp đầy trên 75%";
        let got = indicators(t, &super::super::target::find_with(t, super::super::target::Counts { bare: true }));
        assert_eq!(got, ["Thành lập mới Cụm công nghiệp", "nâng tổng số CCN", "tỷ lệ lấp đầy"]);
        assert_eq!(ind("Số đơn vị được khảo sát: Tối thiểu 30%.")[0], "Số đơn vị được khảo sát");
        assert_eq!(ind("đảm bảo chỉ tiêu: - Đạt tỷ lệ 100% hồ sơ được số hóa")[0], "hồ sơ được số hóa");
        assert_eq!(
            ind("thực hiện nghiêm; phát sóng định kỳ (mỗi quý 03 chuyên đề).")[0],
            "phát sóng định kỳ (mỗi quý chuyên đề)"
        );
        assert_eq!(
            ind("Phát sóng mỗi quý 03 chuyên đề vào tối thứ Bảy, Đài tỉnh thông báo lịch")[0],
            "Phát sóng mỗi quý chuyên đề vào tối thứ Bảy"
        );
    }

    #[test]
    fn ensured_share_names_its_noun() {
        assert_eq!(
            ind("rà soát quy trình nội bộ, bảo đảm 100% thủ tục theo lĩnh vực quản lý.")[0],
            "thủ tục theo lĩnh vực quản lý"
        );
        assert_eq!(
            ind("rà soát thủ tục nội bộ đảm bảo tỷ lệ ít nhất 40% trên tổng số")[0],
            "rà soát thủ tục nội bộ trên tổng số"
        );
    }

    #[test]
    fn commitments_and_years_go() {
        assert_eq!(
            ind("Thống nhất hành động, góp phần đạt tốc độ tăng năng suất bình quân 7%/năm trong giai đoạn 2026-2030."),
            ["tốc độ tăng năng suất bình quân"]
        );
        assert_eq!(
            ind("Hằng năm, phấn đấu đến năm 2029 đạt ít nhất 40% số thôn đạt chuẩn, riêng năm 2027")[0],
            "số thôn đạt chuẩn"
        );
    }

    #[test]
    fn targets_of_one_clause_part() {
        let got = ind("đơn giản hóa ít nhất 20% thủ tục hành chính và cắt giảm ít nhất 20% chi phí tuân thủ;");
        assert_eq!(got, ["đơn giản hóa thủ tục hành chính", "cắt giảm chi phí tuân thủ"]);
        let got = ind("đạt tối thiểu 90%. Trong đó, mức độ hài lòng về đất đai đạt tối thiểu 85%.");
        assert_eq!(got[1], "mức độ hài lòng về đất đai");
    }
}

#[cfg(test)]
mod sentences {
    use super::super::target::find;
    use super::*;

    fn ind(text: &str) -> Vec<String> {
        indicators(text, &find(text))
    }

    #[test]
    fn three_targets_in_one_clause() {
        let t = "2.2. Tổ chức rà soát, đơn giản hóa thủ tục hành chính liên quan đến người dân, doanh nghiệp; rà soát, đơn giản hóa thủ tục hành chính nội bộ đảm bảo tỷ lệ ít nhất 50% trên tổng số thủ tục hành chính thuộc phạm vi quản lý, đề xuất phương án đơn giản hóa đảm bảo mục tiêu cắt giảm, đơn giản hóa ít nhất 20% thủ tục hành chính và cắt giảm ít nhất 20% chi phí tuân thủ thủ tục hành chính;";
        let got = ind(t);
        assert_eq!(got.len(), 3);
        assert!(got[0].starts_with("rà soát, đơn giản hóa thủ tục hành chính nội bộ trên tổng số"), "{got:?}");
        assert_eq!(got[1], "cắt giảm, đơn giản hóa thủ tục hành chính");
        assert_eq!(got[2], "cắt giảm chi phí tuân thủ thủ tục hành chính");
    }

    #[test]
    fn percent_and_count_of_one_clause() {
        let t = "Phát động 100% học sinh cấp trung học phổ thông, sinh viên, học viên tại các cơ sở giáo dục trên địa bàn thực hiện hoàn thành ít nhất 01 DVCTT do tỉnh cung cấp";
        let got = ind(t);
        assert_eq!(got[0], "học sinh cấp trung học phổ thông, sinh viên, học viên tại các cơ sở giáo dục trên địa bàn thực hiện hoàn thành ít nhất 01 DVCTT do tỉnh cung cấp");
        assert_eq!(got[1], "học sinh cấp trung học phổ thông, sinh viên, học viên tại các cơ sở giáo dục trên địa bàn thực hiện hoàn thành DVCTT do tỉnh cung cấp");
        let t = "Mỗi cán bộ, công chức, viên chức, người lao động ít nhất 1 tin, bài viết/tuần và được tổng hợp thành danh sách phục vụ báo cáo.";
        assert_eq!(ind(t), ["Mỗi cán bộ, công chức, viên chức, người lao động"]);
    }
}
