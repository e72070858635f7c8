//! Lines to paragraphs: a new paragraph at a label, a wider gap, an indented
//! first line, after a short line, or where bold or size change.

use super::layout::{median, Line};
use crate::label::split_label;
use crate::model::Align;

/// Lines that make one paragraph, with what layout says about them.
pub(crate) struct Group {
    pub lines: Vec<Line>,
    pub align: Align,
    /// First-line indentation from the text's left edge, in points.
    pub indent: f32,
}

/// The text area of a page: left and right edges of its plain lines, and its centre.
#[derive(Debug, Clone)]
struct Frame {
    left: f32,
    right: f32,
    center: f32,
    /// Usual baseline-to-baseline distance per font size (rounded to half points).
    pitch: Vec<(f32, f32)>,
}

impl Frame {
    /// The usual pitch of lines of `size`: measured where that size occurs, else 1.25 em.
    fn pitch(&self, size: f32) -> f32 {
        self.pitch.iter().find(|(s, _)| (s - size).abs() < 0.3).map_or(size * 1.25, |&(_, p)| p)
    }
}

/// Median pitch between consecutive plain lines of the same size, per size.
fn pitches(plain: &[&Line]) -> Vec<(f32, f32)> {
    let mut by_size: Vec<(f32, Vec<f32>)> = Vec::new();
    for w in plain.windows(2) {
        let (a, b) = (w[0], w[1]);
        let p = b.baseline - a.baseline;
        if (a.size - b.size).abs() >= 0.3 || p < a.size * 0.8 || p > a.size * 2.5 {
            continue;
        }
        let key = (a.size * 2.0).round() / 2.0;
        match by_size.iter_mut().find(|(s, _)| *s == key) {
            Some((_, v)) => v.push(p),
            None => by_size.push((key, vec![p])),
        }
    }
    by_size.into_iter().map(|(s, v)| (s, median(v))).collect()
}

fn frame(lines: &[Line], page_width: f32) -> Frame {
    let plain: Vec<&Line> = lines.iter().filter(|l| l.parts == 1).collect();
    let left = plain.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = plain.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let (left, right) = if left.is_finite() && right > left { (left, right) } else { (0.0, page_width) };
    Frame { left, right, center: (left + right) / 2.0, pitch: pitches(&plain) }
}

fn centered(l: &Line, f: &Frame) -> bool {
    ((l.x0 + l.x1) / 2.0 - f.center).abs() < l.size && l.x0 > f.left + 2.0 * l.size
}

/// Whether `cur` starts a new paragraph after `prev`. A line that starts with a
/// lower-case letter continues its paragraph unless the gap or layout says otherwise.
fn breaks(prev: &Line, cur: &Line, f: &Frame) -> bool {
    if prev.parts > 1 || cur.parts > 1 || (prev.size - cur.size).abs() > 1.5 {
        return true;
    }
    let pitch = cur.baseline - prev.baseline;
    if pitch > f.pitch((prev.size * 2.0).round() / 2.0) * 1.22 + 0.5 || pitch < prev.size * 0.5 {
        return true;
    }
    let text = cur.raw_text();
    if split_label(&text).0.is_some() && !wrapped_dash(prev, cur, &text, f) || opens_recipients(&text) {
        return true;
    }
    if text.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if line_break_after_colon(prev, cur, f) {
        return false;
    }
    // A bold run that began inside `prev` and fills `cur` is one emphasis, not a new block.
    let bold_run_goes_on = cur.bold() && prev.words.last().is_some_and(|w| w.bold);
    let style_changes = (prev.bold() != cur.bold() && !bold_run_goes_on) || (prev.italic() && !cur.italic());
    if style_changes {
        return true;
    }
    if (centered(prev, f) || wrapped_centered(prev, f)) && centered(cur, f) {
        // The document's kind in capitals (`KẾ HOẠCH`) stands on its own line above
        // its summary (Nghị định 30/2020/NĐ-CP): capitals then sentence case part.
        return all_capitals(prev) && !all_capitals(cur);
    }
    let short = prev.x1 < f.right - 3.0 * prev.size && !wrapped_word(prev, cur, f);
    let indented = cur.x0 > prev.x0 + cur.size;
    short || indented
}

/// `Nơi nhận:` heads the signature block of Nghị định 30/2020 and never goes on
/// a paragraph (however full the line above; with a tone OCR misread too).
fn opens_recipients(text: &str) -> bool {
    crate::normalize::toneless_key(text).starts_with("nơi nhân")
}

/// A dash that wrapped to the start of a line inside a compound (`kinh tế` /
/// `- xã hội`): the previous line runs to the right edge without closing its
/// clause, this one starts flush at the left edge and goes on in lower case.
/// A bullet item would start with a capital after its dash.
fn wrapped_dash(prev: &Line, cur: &Line, text: &str, f: &Frame) -> bool {
    let mut chars = text.chars();
    let dash = matches!(chars.next(), Some('-' | '–'));
    let lower = chars.as_str().trim_start().chars().next().is_some_and(char::is_lowercase);
    let open = !prev.raw_text().trim_end().ends_with(['.', ';', ':', '!', '?']);
    let full = prev.x1 >= f.right - 3.0 * prev.size;
    let flush = cur.x0 <= f.left + 0.5 * cur.size;
    dash && lower && open && full && flush
}

/// A line break inside one paragraph (`e) Đề nghị Sở Y tế:` / `Chỉ đạo ...`): the
/// paragraph's first line is indented and ends on a colon, and the next line
/// starts flush at the left edge where a new paragraph would be indented too.
fn line_break_after_colon(prev: &Line, cur: &Line, f: &Frame) -> bool {
    let first_indented = prev.x0 > f.left + cur.size;
    let flush = cur.x0 <= f.left + 0.5 * cur.size;
    first_indented && flush && prev.raw_text().trim_end().ends_with(':')
}

/// A line whose letters are all capitals (two letters at least).
fn all_capitals(l: &Line) -> bool {
    let letters: Vec<char> = l.raw_text().chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The first line of a centred paragraph that wrapped: nearly as wide as the
/// text area, its middle on the page's middle, its clause still open.
fn wrapped_centered(l: &Line, f: &Frame) -> bool {
    let middle = ((l.x0 + l.x1) / 2.0 - f.center).abs() < l.size * 0.5;
    let inset = l.x0 > f.left + 0.1 * l.size && l.x1 < f.right - 0.1 * l.size;
    let open = !l.raw_text().trim_end().ends_with(['.', ';', ':', '!', '?']);
    middle && inset && open
}

/// Whether `cur`'s first word is too wide for the room left at the end of
/// `prev` (a date or a long name wrapped whole): then `prev` is short only
/// because of the wrap, not because its paragraph ended.
fn wrapped_word(prev: &Line, cur: &Line, f: &Frame) -> bool {
    let first = cur.words.first().map_or(0.0, |w| w.x1 - w.x0);
    f.right - prev.x1 < first + 0.5 * cur.size
}

/// Groups a page's lines (in reading order) into paragraphs.
pub(crate) fn group(lines: Vec<Line>, page_width: f32) -> Vec<Group> {
    let f = frame(&lines, page_width);
    let mut groups: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        match groups.last_mut() {
            Some(g) if g.last().is_some_and(|p| !breaks(p, &line, &f)) => g.push(line),
            _ => groups.push(vec![line]),
        }
    }
    groups
        .into_iter()
        .map(|lines| {
            let align = if lines.iter().all(|l| centered(l, &f)) { Align::Center } else { Align::Unknown };
            let indent = lines.first().map_or(0.0, |l| (l.x0 - f.left).max(0.0));
            Group { lines, align, indent }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::{lines_from_words, Word};

    fn line_words(text: &str, x0: f32, x1: f32, y: f32) -> Vec<Word> {
        let n = text.split(' ').count() as f32;
        let step = (x1 - x0) / n;
        text.split(' ')
            .enumerate()
            .map(|(i, w)| Word::plain(w, x0 + step * i as f32, x0 + step * (i as f32 + 1.0) - 3.0, y, y + 12.0))
            .collect()
    }

    #[test]
    fn indented_first_lines_and_labels_start_paragraphs() {
        let mut words = Vec::new();
        words.extend(line_words("Thực hiện kế hoạch số của tỉnh về việc tổ chức", 100.0, 500.0, 100.0));
        words.extend(line_words("triển khai nhiệm vụ năm.", 70.0, 300.0, 115.0));
        words.extend(line_words("1. Mục tiêu chung", 100.0, 260.0, 130.0));
        words.extend(line_words("- Bảo đảm tiến độ thực hiện các nhiệm vụ trọng tâm của", 100.0, 500.0, 145.0));
        words.extend(line_words("năm kế hoạch.", 70.0, 200.0, 160.0));
        let groups = group(lines_from_words(words), 595.0);
        let sizes: Vec<usize> = groups.iter().map(|g| g.lines.len()).collect();
        assert_eq!(sizes, [2, 1, 2]);
    }

    #[test]
    fn a_dash_wrapped_inside_a_compound_continues_the_paragraph() {
        let mut words = Vec::new();
        words.extend(line_words("- Chủ động tham mưu phát triển kinh tế", 100.0, 500.0, 100.0));
        words.extend(line_words("- xã hội tại địa phương.", 70.0, 300.0, 115.0));
        words.extend(line_words("- Tăng cường kiểm tra việc quản lý, sử dụng", 100.0, 500.0, 130.0));
        words.extend(line_words("- nhất là khu vực giáp ranh.", 100.0, 300.0, 145.0));
        let groups = group(lines_from_words(words), 595.0);
        let sizes: Vec<usize> = groups.iter().map(|g| g.lines.len()).collect();
        // The indented lower-case dash line is a bullet, not a wrapped dash.
        assert_eq!(sizes, [2, 1, 1]);
    }

    #[test]
    fn a_line_short_only_because_a_long_word_wrapped_continues() {
        let mut words = Vec::new();
        words.extend(line_words("a) Thời gian hoàn thành ban hành kế hoạch chậm nhất", 100.0, 500.0, 100.0));
        words.extend(line_words("trong năm. Thời hạn là ngày", 70.0, 430.0, 115.0));
        words.push(Word::plain("30/01/2026.", 70.0, 145.0, 130.0, 142.0));
        words.extend(line_words("Chủ trì thực hiện.", 100.0, 250.0, 145.0));
        let groups = group(lines_from_words(words), 595.0);
        let sizes: Vec<usize> = groups.iter().map(|g| g.lines.len()).collect();
        assert_eq!(sizes, [3, 1]);
    }

    #[test]
    fn a_bold_run_wrapping_to_the_next_line_continues() {
        let mut words = line_words("doanh nghiệp. Thời gian hoàn thành ban hành kế hoạch là ngày", 70.0, 500.0, 100.0);
        let n = words.len();
        words[n - 3..].iter_mut().for_each(|w| w.bold = true);
        let mut date = Word::plain("30/01/2026.", 70.0, 145.0, 115.0, 127.0);
        date.bold = true;
        words.push(date);
        let mut heading = line_words("II. TỔ CHỨC THỰC HIỆN", 70.0, 260.0, 130.0);
        heading.iter_mut().for_each(|w| w.bold = true);
        words.extend(heading);
        let groups = group(lines_from_words(words), 595.0);
        let sizes: Vec<usize> = groups.iter().map(|g| g.lines.len()).collect();
        assert_eq!(sizes, [2, 1]);
    }

    #[test]
    fn a_centred_paragraph_that_wrapped_stays_one() {
        let mut words = Vec::new();
        words.extend(line_words("Căn cứ kế hoạch của tỉnh.", 70.0, 400.0, 80.0));
        words.extend(line_words("(Ban hành kèm theo Nghị quyết số 35-NQ/TU ngày 29/12/2025 của", 73.0, 517.0, 100.0));
        words.extend(line_words("Tỉnh ủy)", 270.0, 320.0, 115.0));
        words.extend(line_words(
            "Căn cứ chức năng, nhiệm vụ được giao, Sở xây dựng kế hoạch như sau:",
            100.0,
            520.0,
            135.0,
        ));
        let groups = group(lines_from_words(words), 595.0);
        let sizes: Vec<usize> = groups.iter().map(|g| g.lines.len()).collect();
        assert_eq!(sizes, [1, 2, 1]);
    }

    #[test]
    fn the_kind_in_capitals_stands_apart_from_its_summary() {
        let mut words = Vec::new();
        words.extend(line_words("KẾ HOẠCH", 260.0, 335.0, 100.0));
        words.extend(line_words("Thực hiện Đề án số 08 về phát triển công nghiệp", 150.0, 445.0, 115.0));
        words.extend(line_words("theo hướng xanh, hiện đại", 220.0, 375.0, 130.0));
        words.extend(line_words(
            "Căn cứ chức năng, nhiệm vụ được giao, Sở xây dựng kế hoạch như sau:",
            100.0,
            520.0,
            150.0,
        ));
        words.extend(line_words("kế hoạch thực hiện.", 70.0, 300.0, 165.0));
        let groups = group(lines_from_words(words), 595.0);
        let sizes: Vec<usize> = groups.iter().map(|g| g.lines.len()).collect();
        assert_eq!(sizes, [1, 2, 2]);
    }

    #[test]
    fn a_line_break_after_an_indented_colon_keeps_the_paragraph() {
        let mut words = Vec::new();
        words.extend(line_words("e) Đề nghị ngân hàng nhà nước chi nhánh tỉnh:", 100.0, 380.0, 100.0));
        words.extend(line_words(
            "Chỉ đạo các ngân hàng, tổ chức tín dụng triển khai các chính sách",
            70.0,
            500.0,
            115.0,
        ));
        words.extend(line_words("hỗ trợ cho vay.", 70.0, 200.0, 130.0));
        words.extend(line_words("g) Sở Y tế:", 100.0, 180.0, 145.0));
        words.extend(line_words("Hướng dẫn các cơ sở y tế.", 100.0, 300.0, 160.0));
        let groups = group(lines_from_words(words), 595.0);
        let sizes: Vec<usize> = groups.iter().map(|g| g.lines.len()).collect();
        assert_eq!(sizes, [3, 1, 1]);
    }

    #[test]
    fn the_recipients_head_never_goes_on_the_paragraph_above() {
        let mut words = Vec::new();
        words.extend(line_words(
            "Điều 3. Văn phòng UBND xã và các cá nhân có liên quan chịu trách nhiệm thi hành",
            100.0,
            520.0,
            100.0,
        ));
        words.extend(line_words("Quyết định này./.", 70.0, 520.0, 115.0));
        words.extend(line_words("Nơi nhân:", 70.0, 130.0, 130.0));
        let groups = group(lines_from_words(words), 595.0);
        let sizes: Vec<usize> = groups.iter().map(|g| g.lines.len()).collect();
        assert_eq!(sizes, [2, 1]);
    }
}
