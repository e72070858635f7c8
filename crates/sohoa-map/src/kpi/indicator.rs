//! What a target measures, in the document's words: the clause around the number (cut at
//! `;`, `:` and sentence ends), less the commitment verbs before it (`Tiếp tục duy trì`,
//! `Phấn đấu`), the comparator words (`đạt tỷ lệ tối thiểu`), the number itself and a trailing
//! explanation in brackets (`(bao gồm cả ...)`).

use std::ops::Range;

use once_cell::sync::Lazy;
use sohoa_doc::classes::{is_space, is_upper, FoldedWords};

use super::clause_end::ClauseEnds;
use super::edges::{lead_len, trail_start};
use super::numerals::spaces;
use super::target::Target;
use super::whole_words::WholeWords;
use super::year_edge::strip_year_edges;
use crate::phrase_end::{PhraseEnd, PhraseEndWords};

/// What `[;:\t\n]|\.(?:\s+[\p{Lu}\-+0-9]|\s*$)` matches.
const CLAUSE_ENDS: ClauseEnds = ClauseEnds {
    marks: &[';', ':', '\t', '\n'],
    openers: &['-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
};
/// The verbs of `(?i)\b(?:đảm\s+bảo|bảo\s+đảm|phấn\s+đấu)\b|\s+và\s+`, where two targets of one clause part.
static SPLIT_VERBS: Lazy<WholeWords> = Lazy::new(|| WholeWords::new(&["đảm bảo", "bảo đảm", "phấn đấu"]));
/// `và` as `(?i)` reads it.
static AND: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["và"]));
/// The last commitment phrase before a target: what the sentence commits to starts after it
/// (`Tạo sự thống nhất ..., góp phần đạt chỉ số ... 12%/năm`).
/// What `(?i)\b(?:phấn\s+đấu|góp\s+phần)\b` matches.
static COMMIT: Lazy<WholeWords> = Lazy::new(|| WholeWords::new(&["phấn đấu", "góp phần"]));
/// `bảo đảm` right before the number (`..., bảo đảm 100% thủ tục ...`): what is measured is
/// the noun after the number, not the work before the verb.
/// What `(?i)\b(?:đảm\s+bảo|bảo\s+đảm)(?:\s+(?:tối\s+thiểu|ít\s+nhất|đạt|trên))*\s*$` matches.
static ENSURE_RIGHT_BEFORE: Lazy<PhraseEnd> = Lazy::new(|| {
    let modifiers = &["tối thiểu", "ít nhất", "đạt", "trên"];
    PhraseEnd::new(&PhraseEndWords { free: &[], after_break: &["đảm bảo", "bảo đảm"], modifiers })
});
/// `và` and a verb as `(?i)và\s+(?:được|đã|sẽ)\b` reads them, a new predicate of the same subject.
static AND_VERB: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["và được", "và đã", "và sẽ"]));

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
    let start = CLAUSE_ENDS.last(&text[..t.num_start]).map_or(0, |m| m.end - trailing_capital(&text[m]));
    let end = CLAUSE_ENDS.find(&text[t.end..]).map_or(text.len(), |m| t.end + m.start);
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
    let marks = split_marks(gap);
    let verb = marks.iter().rev().find(|m| !gap[(*m).clone()].trim().eq_ignore_ascii_case("và"));
    verb.or(marks.last()).map(|m| from + m.start).or_else(|| outside_brackets_comma(gap).map(|i| from + i))
}

/// What `(?i)\b(?:đảm\s+bảo|bảo\s+đảm|phấn\s+đấu)\b|\s+và\s+` finds in `gap`, left to right.
fn split_marks(gap: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    while let Some(c) = gap[at..].chars().next() {
        match split_mark_at(gap, at, c) {
            Some(m) => {
                at = m.end;
                out.push(m);
            }
            // what follows a run of spaces is the same from each of them: the run is skipped
            None if is_space(c) => at += spaces(&gap[at..]),
            None => at += c.len_utf8(),
        }
    }
    out
}

/// The split mark starting at `at` (the character `c`): a verb, else `và` between spaces.
fn split_mark_at(gap: &str, at: usize, c: char) -> Option<Range<usize>> {
    if let Some(len) = SPLIT_VERBS.at(gap, at) {
        return Some(at..at + len);
    }
    if !is_space(c) {
        return None;
    }
    let rest = &gap[at..];
    let before = spaces(rest);
    let len = AND.opening(&rest[before..]).next()?;
    let after = spaces(&rest[before + len..]);
    (after > 0).then_some(at..at + before + len + after)
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
    let before = COMMIT.iter(before).last().map_or(before, |m| &before[m.end..]);
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
        let next = strip_year_edges(&out).trim_matches([' ', ',', ';', '.', ':', '-']).to_string();
        if next == out || next.is_empty() {
            return out;
        }
        out = next;
    }
}

/// The words of a count's phrase up to a comma that opens a new subject (`..., Sở X thông
/// báo`): what `,\s+\p{Lu}` finds.
fn before_new_subject(s: &str) -> &str {
    let subject = |i: usize| {
        let rest = &s[i + 1..];
        let after = rest.trim_start_matches(is_space);
        after.len() < rest.len() && after.starts_with(is_upper)
    };
    s.char_indices().find(|&(i, c)| c == ',' && subject(i)).map_or(s, |(i, _)| &s[..i])
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
    let from = CLAUSE_ENDS.last(&head[..label_end]).map_or(0, |m| m.end - trailing_capital(&head[m]));
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
        let next = lead_len(&s).map_or(s.as_str(), |len| &s[len..]).trim().to_string();
        let next = trail_start(&next).map_or(next.as_str(), |at| &next[..at]).trim().to_string();
        if next == s {
            return s;
        }
        s = next;
    }
}

/// Where `(?i)(?:^|\s+)và\s+(?:được|đã|sẽ)\b` first matches in `s`.
fn new_predicate(s: &str) -> Option<usize> {
    let and_verb = |rest: &str| AND_VERB.opening(rest).any(|len| !rest[len..].starts_with(sohoa_doc::classes::is_word));
    if and_verb(s) {
        return Some(0);
    }
    // the first space of each run: what follows the run is the same from each of its spaces
    let mut at = 0;
    while let Some(c) = s[at..].chars().next() {
        if is_space(c) {
            let run = spaces(&s[at..]);
            if and_verb(&s[at + run..]) {
                return Some(at);
            }
            at += run;
        } else {
            at += c.len_utf8();
        }
    }
    None
}

fn strip_after(s: &str) -> String {
    let mut s = s.trim();
    if let Some(at) = new_predicate(s) {
        s = &s[..at];
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

#[cfg(test)]
mod replaced {
    use super::*;
    use regex::Regex;

    fn pattern(p: &str) -> Regex {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        Regex::new(p).expect("a test pattern")
    }

    #[test]
    fn scans_are_the_patterns_they_replace() {
        let split = pattern(r"(?i)\b(?:đảm\s+bảo|bảo\s+đảm|phấn\s+đấu)\b|\s+và\s+");
        let subject = pattern(r",\s+\p{Lu}");
        let predicate = pattern(r"(?i)(?:^|\s+)và\s+(?:được|đã|sẽ)\b");
        let pieces = [
            "đảm",
            " bảo",
            "Bảo",
            " ĐẢM",
            "phấn đấu",
            " ",
            "\u{A0}",
            "và",
            "VÀ",
            " được",
            " đã",
            " Sẽ",
            "x",
            "_",
            "ữ",
            ",",
            "Đ",
            "ǅ",
            "1",
            "\t",
        ];
        let (mut splits, mut subjects, mut predicates) = (0, 0, 0);
        for text in sohoa_doc::sample::texts(47, &pieces, 60_000, 61) {
            let theirs: Vec<_> = split.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(split_marks(&text), theirs, "{text:?}");
            splits += theirs.len();
            let theirs = subject.find(&text).map_or(text.as_str(), |m| &text[..m.start()]);
            assert_eq!(before_new_subject(&text), theirs, "{text:?}");
            subjects += usize::from(theirs.len() < text.len());
            let theirs = predicate.find(&text).map(|m| m.start());
            assert_eq!(new_predicate(&text), theirs, "{text:?}");
            predicates += usize::from(theirs.is_some());
        }
        assert!(splits > 3_000 && subjects > 1_000 && predicates > 500, "{splits} {subjects} {predicates}");
    }
}
