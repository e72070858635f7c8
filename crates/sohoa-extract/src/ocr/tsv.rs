//! Tesseract's TSV output to words; each word gets its Tesseract line's bottom and height.

use std::collections::BTreeMap;

/// One recognised word, display-space points (top-left origin).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OcrWord {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    /// Tesseract's confidence, 0..100.
    pub conf: f32,
}

/// Words of a TSV (`level page block par line word left top width height conf text`)
/// grouped by Tesseract line, in pixels.
pub(crate) fn lines(tsv: &str) -> Vec<Vec<OcrWord>> {
    let mut lines: BTreeMap<(u32, u32, u32), Vec<OcrWord>> = BTreeMap::new();
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 || f[0] != "5" {
            continue;
        }
        let num = |i: usize| f[i].trim().parse::<f32>().ok();
        let (Some(l), Some(t), Some(w), Some(h), Some(conf)) = (num(6), num(7), num(8), num(9), num(10)) else { continue };
        let Some(text) = clean(&f[11..].join("\t"), conf) else { continue };
        let key = |i: usize| f[i].parse::<u32>().unwrap_or(0);
        let word = OcrWord { text, x0: l, x1: l + w, top: t, bottom: t + h, conf };
        lines.entry((key(2), key(3), key(4))).or_default().push(word);
    }
    lines.into_values().collect()
}

/// Marks that are never text on their own.
const PUNCTUATION: [&str; 14] = ["-", "+", "–", "•", ".", ",", ";", ":", "(", ")", "/", "%", "*", "..."];

/// A word's text without the table rules Tesseract reads as `|` or `_` at its
/// edges; `None` for a token that is only such noise, or a faint speck.
fn clean(raw: &str, conf: f32) -> Option<String> {
    let text = raw.trim().trim_matches(|c: char| matches!(c, '|' | '_' | '¦' | '[' | ']' | '~' | '¬' | '`'));
    let has_text = text.chars().any(char::is_alphanumeric);
    let keep = if has_text { conf >= 10.0 || text.chars().count() > 2 } else { PUNCTUATION.contains(&text) && conf >= 30.0 };
    (keep && conf >= 0.0).then(|| text.to_string())
}

/// Turns a line's words by the page skew (`slope` = dy/dx; small angles), scales
/// them to points, and gives them a common bottom and height (their medians).
pub(crate) fn straighten(words: Vec<OcrWord>, slope: f32, scale: f32) -> Vec<OcrWord> {
    let turned = words
        .into_iter()
        .map(|w| {
            let (cx, cy) = ((w.x0 + w.x1) / 2.0, (w.top + w.bottom) / 2.0);
            let (dx, dy) = (cy * slope, -cx * slope);
            OcrWord {
                x0: (w.x0 + dx) * scale,
                x1: (w.x1 + dx) * scale,
                top: (w.top + dy) * scale,
                bottom: (w.bottom + dy) * scale,
                ..w
            }
        })
        .collect();
    level_line(turned)
}

/// Gives the words of one line a common bottom and height (their medians).
fn level_line(mut words: Vec<OcrWord>) -> Vec<OcrWord> {
    let mid = |mut v: Vec<f32>| {
        v.sort_by(f32::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    let bottom = mid(words.iter().map(|w| w.bottom).collect());
    let height = mid(words.iter().map(|w| w.bottom - w.top).collect()).max(1.0);
    for w in &mut words {
        w.bottom = bottom;
        w.top = bottom - height;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_word_rows_and_levels_lines() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t300\t400\t120\t50\t96.5\tCỘNG\n\
                   5\t1\t1\t1\t1\t2\t440\t410\t90\t40\t91.0\tHÒA\n\
                   5\t1\t1\t1\t2\t1\t300\t500\t100\t40\t90.0\tĐộc\n";
        let lines = lines(tsv);
        assert_eq!(lines.len(), 2);
        let words: Vec<OcrWord> = lines.into_iter().flat_map(|l| straighten(l, 0.0, 72.0 / 300.0)).collect();
        assert_eq!(words.len(), 3);
        assert_eq!(words[0].text, "CỘNG");
        assert!((words[0].x0 - 72.0).abs() < 0.01);
        assert_eq!(words[0].bottom, words[1].bottom, "words of one line share a bottom");
        assert!(words[2].top > words[0].bottom);
    }

    #[test]
    fn rule_noise_is_dropped_and_trimmed() {
        assert_eq!(clean("|Thời", 90.0).as_deref(), Some("Thời"));
        assert_eq!(clean("hiện|", 90.0).as_deref(), Some("hiện"));
        assert_eq!(clean("|", 95.0), None);
        assert_eq!(clean("¬", 60.0), None);
        assert_eq!(clean("-", 80.0).as_deref(), Some("-"));
        assert_eq!(clean("a", 3.0), None);
    }
}
