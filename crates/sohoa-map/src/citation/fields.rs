//! What follows a mention's number or name: `năm YYYY`, `ngày <date>`, `của <issuer>`, and a
//! title opened by `về`, `hướng dẫn`, `sửa đổi`, `ban hành` ... up to the end of the item.

use once_cell::sync::Lazy;
use regex::Regex;

use super::issuer;
use super::kind::word_pattern;
use crate::deadline::calendar::date_at;

/// The fields read after one anchor.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Fields {
    /// `năm YYYY` written right after the number.
    pub year_word: Option<i32>,
    pub date: Option<(i32, u32, u32)>,
    pub issuer: Option<String>,
    pub title: Option<String>,
    /// Byte offset (in the scanned text) where the mention ends.
    pub end: usize,
}

fn re(p: &str) -> Regex {
    // invariant: every caller passes a pattern built from literals, exercised by the tests
    Regex::new(p).expect("valid regex")
}

static YEAR_WORD: Lazy<Regex> = Lazy::new(|| re(r"^\s*,?\s*năm\s+((?:19|20)\d{2})\b"));
static DATE_WORD: Lazy<Regex> = Lazy::new(|| re(r"(?i)^\s*,?\s*(?:ban\s+hành\s+)?ngày\s*"));
static OF: Lazy<Regex> = Lazy::new(|| re(r"^\s*,?\s*(?:của|củ)\s+"));
static TITLE_START: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)^\s*,?\s*(về|v/v|hướng\s+dẫn|sửa\s+đổi|bổ\s+sung|ban\s+hành|quy\s+định|phê\s+duyệt|triển\s+khai|thành\s+lập|kiện\s+toàn|công\s+bố)\b")
});
static TITLE_END: Lazy<Regex> = Lazy::new(|| {
    re(&format!(r"(?i)[;()\t\n]|:\s|\.(?:\s|$)|,\s*{k}\b|\s+và\s+{k}\s+số|$", k = word_pattern()))
});
static ISSUED_BY: Lazy<Regex> = Lazy::new(|| re(r"\s+do\s+(.+?)\s+ban\s+hành\s*$"));

/// Reads the fields after `text[from..]`.
pub(super) fn after(text: &str, from: usize) -> Fields {
    let mut f = Fields { end: from, ..Fields::default() };
    if let Some(c) = YEAR_WORD.captures(&text[f.end..]) {
        f.year_word = c[1].parse().ok();
        f.end += c.get(0).map_or(0, |m| m.end());
    }
    if let Some(m) = DATE_WORD.find(&text[f.end..]) {
        if let Some((day, len)) = date_at(&text[f.end + m.end()..]) {
            f.date = Some(day);
            f.end += m.end() + len;
        }
    }
    if f.year_word.is_none() {
        if let Some(c) = YEAR_WORD.captures(&text[f.end..]) {
            f.year_word = c[1].parse().ok();
            f.end += c.get(0).map_or(0, |m| m.end());
        }
    }
    if let Some(m) = OF.find(&text[f.end..]) {
        if let Some((name, len)) = issuer::forward(&text[f.end + m.end()..]) {
            f.issuer = Some(name);
            f.end += m.end() + len;
        }
    }
    read_title(text, &mut f);
    f
}

fn read_title(text: &str, f: &mut Fields) {
    let Some(m) = TITLE_START.captures(&text[f.end..]).and_then(|c| c.get(1)) else { return };
    let start = f.end + m.start();
    let first = text[start..].chars().next().map_or(1, char::len_utf8);
    let len = TITLE_END.find(&text[start + first..]).map_or(text.len() - start, |e| e.start() + first);
    let mut title = text[start..start + len].trim_end_matches([',', ' ', '.']);
    if let Some(c) = ISSUED_BY.captures(title) {
        if let Some((name, n)) = issuer::forward(&c[1]) {
            if n == c[1].len() && f.issuer.is_none() {
                f.issuer = Some(name);
            }
            title = &title[..c.get(0).map_or(title.len(), |g| g.start())];
        }
    }
    f.title = Some(title.trim().to_string()).filter(|t| !t.is_empty());
    f.end = start + len;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_issuer_title() {
        let t = " ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa; Nghị định";
        let f = after(t, 0);
        assert_eq!(f.date, Some((2018, 4, 23)));
        assert_eq!(f.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(f.title.as_deref(), Some("về thực hiện cơ chế một cửa"));
        assert_eq!(&t[f.end..], "; Nghị định");
    }

    #[test]
    fn year_word_and_do_ban_hanh() {
        let f = after(" năm 2022 về đẩy mạnh cải cách do Chính phủ ban hành: gửi", 0);
        assert_eq!(f.year_word, Some(2022));
        assert_eq!(f.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(f.title.as_deref(), Some("về đẩy mạnh cải cách"));
    }
}
