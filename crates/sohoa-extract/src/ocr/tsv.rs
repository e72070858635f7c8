//! Tesseract's TSV output to words; each word gets its Tesseract line's bottom
//! and height, lines of noise are dropped and label punctuation repaired.

use once_cell::sync::Lazy;
use regex::Regex;
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
        let (Some(l), Some(t), Some(w), Some(h), Some(conf)) = (num(6), num(7), num(8), num(9), num(10)) else {
            continue;
        };
        let Some(text) = clean(&f[11..].join("\t"), conf) else { continue };
        let key = |i: usize| f[i].parse::<u32>().unwrap_or(0);
        let word = OcrWord { text, x0: l, x1: l + w, top: t, bottom: t + h, conf };
        lines.entry((key(2), key(3), key(4))).or_default().push(word);
    }
    lines.into_values().map(drop_stray_marks).filter(|l| !is_noise(l)).map(repair_label).collect()
}

/// A mark with no letter or digit (`-`, `.`, `'`) standing apart from every
/// word of its line is dust or the end of a rule, not punctuation: a bullet
/// or a dash sits a space away from a word.
fn drop_stray_marks(line: Vec<OcrWord>) -> Vec<OcrWord> {
    let height = line.iter().map(|w| w.bottom - w.top).fold(0.0f32, f32::max);
    let near = |w: &OcrWord, o: &OcrWord| (o.x0 - w.x1).max(w.x0 - o.x1) <= 1.5 * height;
    let keep: Vec<bool> = line
        .iter()
        .enumerate()
        .map(|(i, w)| {
            w.text.chars().any(char::is_alphanumeric)
                || line
                    .iter()
                    .enumerate()
                    .any(|(j, o)| j != i && o.text.chars().any(char::is_alphanumeric) && near(w, o))
        })
        .collect();
    line.into_iter().zip(keep).filter_map(|(w, k)| k.then_some(w)).collect()
}

/// A line that is no text: no letter or digit at all, or at most two of them
/// read with low confidence (dust, a stamp's edge, the end of a rule).
fn is_noise(line: &[OcrWord]) -> bool {
    let alnum: usize = line.iter().map(|w| w.text.chars().filter(|c| c.is_alphanumeric()).count()).sum();
    let conf = line.iter().map(|w| w.conf).sum::<f32>() / line.len().max(1) as f32;
    alnum == 0 || (alnum <= 2 && conf < 70.0)
}

/// `V,` read for `V.` at the start of a line that goes on with a capital: a
/// heading label whose full stop Tesseract took for a comma.
fn repair_label(mut line: Vec<OcrWord>) -> Vec<OcrWord> {
    let capital_next = line.get(1).and_then(|w| w.text.chars().next()).is_some_and(char::is_uppercase);
    if let Some(first) = line.first_mut().filter(|_| capital_next) {
        if let Some(number) = first.text.strip_suffix(',').filter(|n| is_roman(n) || is_short_number(n)) {
            first.text = format!("{number}.");
        }
    }
    line
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn is_short_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit())
}

/// Gives body-text lines one height: a line's height comes from its tallest
/// marks (a capital with a tone mark is half again as tall as `cơ`), so lines
/// within a quarter of the page's median height take the median.
pub(crate) fn even_heights(lines: &mut [Vec<OcrWord>]) {
    let mut heights: Vec<f32> = lines.iter().filter_map(|l| l.first()).map(|w| w.bottom - w.top).collect();
    if heights.is_empty() {
        return;
    }
    heights.sort_by(f32::total_cmp);
    let median = heights[heights.len() / 2];
    for w in lines.iter_mut().flatten() {
        let h = w.bottom - w.top;
        if (h - median).abs() <= median * 0.25 {
            w.top = w.bottom - median;
        }
    }
}

/// Marks that are never text on their own.
const PUNCTUATION: [&str; 14] = ["-", "+", "–", "•", ".", ",", ";", ":", "(", ")", "/", "%", "*", "..."];

/// A word's text without the table rules Tesseract reads as `|` or `_` at its
/// edges; `None` for a token that is only such noise, or a faint speck.
fn clean(raw: &str, conf: f32) -> Option<String> {
    let text = raw.trim().trim_matches(|c: char| matches!(c, '|' | '_' | '¦' | '[' | ']' | '~' | '¬' | '`'));
    let has_text = text.chars().any(char::is_alphanumeric);
    let keep =
        if has_text { conf >= 10.0 || text.chars().count() > 2 } else { PUNCTUATION.contains(&text) && conf >= 30.0 };
    (keep && conf >= 0.0).then(|| repair_ttg(text))
}

/// `TTg`, the Prime Minister's code in document numbers (`766/QĐ-TTg`), is
/// the one issuer code that mixes case, and Tesseract reads its capitals as
/// `I`, `l`, `1`, `H` or `'`, or drops one (`QĐ-TIg`, `CD-Tg`). In a document
/// number whose issuer code is such a misreading, the code is put right.
fn repair_ttg(text: &str) -> String {
    static NUMBER: Lazy<Regex> = Lazy::new(|| {
        // invariant: a fixed pattern, exercised by the tests below
        Regex::new(r"^(\d+/(?:\d{4}/)?[A-ZĐ]+-)([TIl1H'|]{1,3})g([.,;:)]*)$").expect("valid regex")
    });
    match NUMBER.captures(text) {
        Some(c) if &c[2] != "TT" => format!("{}TTg{}", &c[1], &c[3]),
        _ => text.to_string(),
    }
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

    fn word(text: &str, conf: f32) -> OcrWord {
        OcrWord { text: text.into(), x0: 0.0, x1: 10.0, top: 0.0, bottom: 10.0, conf }
    }

    #[test]
    fn noise_lines_go_and_label_commas_become_stops() {
        assert!(is_noise(&[word("-", 90.0), word(".", 80.0)]));
        assert!(is_noise(&[word("s", 40.0)]));
        assert!(!is_noise(&[word("3", 95.0)]), "a page number read with confidence stays");
        assert!(!is_noise(&[word("Bảo", 40.0), word("đảm", 40.0)]));
        let texts = |l: Vec<OcrWord>| l.into_iter().map(|w| w.text).collect::<Vec<_>>();
        assert_eq!(texts(repair_label(vec![word("V,", 90.0), word("Tổ", 90.0)])), ["V.", "Tổ"]);
        assert_eq!(texts(repair_label(vec![word("2,", 90.0), word("Giao", 90.0)])), ["2.", "Giao"]);
        assert_eq!(
            texts(repair_label(vec![word("V,", 90.0), word("và", 90.0)])),
            ["V,", "và"],
            "a lower-case word goes on a sentence"
        );
        assert_eq!(texts(repair_label(vec![word("Hà,", 90.0), word("Nam", 90.0)])), ["Hà,", "Nam"]);
    }

    #[test]
    fn marks_apart_from_words_are_dropped() {
        let at = |text: &str, x0: f32| OcrWord { x0, x1: x0 + 10.0, ..word(text, 90.0) };
        let line = vec![at("-", 0.0), at("Rà", 14.0), at("soát", 28.0), at("-", 400.0), at(".", 600.0)];
        let texts: Vec<String> = drop_stray_marks(line).into_iter().map(|w| w.text).collect();
        assert_eq!(texts, ["-", "Rà", "soát"], "the bullet stays, the far marks go");
    }

    #[test]
    fn body_lines_take_the_median_height() {
        let line = |top: f32| vec![OcrWord { top, bottom: 50.0, ..word("x", 90.0) }];
        let mut lines = vec![line(10.0), line(14.0), line(16.0), line(12.0), line(-10.0)];
        even_heights(&mut lines);
        let heights: Vec<f32> = lines.iter().map(|l| l[0].bottom - l[0].top).collect();
        assert_eq!(heights, [38.0, 38.0, 38.0, 38.0, 60.0], "the tall title line keeps its height");
    }

    #[test]
    fn misread_prime_minister_codes_are_put_right() {
        assert_eq!(repair_ttg("766/QĐ-TIg"), "766/QĐ-TTg");
        assert_eq!(repair_ttg("766/QĐ-T'1g,"), "766/QĐ-TTg,");
        assert_eq!(repair_ttg("644/CD-Tg"), "644/CD-TTg");
        assert_eq!(repair_ttg("468/QĐ-TTg"), "468/QĐ-TTg");
        assert_eq!(repair_ttg("61/2018/NĐ-CP"), "61/2018/NĐ-CP");
        assert_eq!(repair_ttg("Tg"), "Tg", "only inside a document number");
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
