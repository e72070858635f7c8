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

static YEAR_WORD: Lazy<Regex> = Lazy::new(|| re(r"^\s*,?\s*năm\s+((?:19|20)[0-9]{2})\b"));
static DATE_WORD: Lazy<Regex> = Lazy::new(|| re(r"(?i)^\s*,?\s*(?:ban\s+hành\s+)?ngày\s*"));
static OF: Lazy<Regex> = Lazy::new(|| re(r"^\s*,?\s*(?:của|củ)\s+"));
static TITLE_START: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^\s*,?\s*(về|v/v|hướng\s+dẫn|sửa\s+đổi|bổ\s+sung|ban\s+hành|quy\s+định|phê\s+duyệt|triển\s+khai|thành\s+lập|kiện\s+toàn|công\s+bố)\b",
    )
});
static TITLE_END: Lazy<Regex> =
    Lazy::new(|| re(&format!(r"(?i)[;()\t\n]|:\s|\.(?:\s|$)|,\s*{k}\b|\s+và\s+{k}\s+số|$", k = word_pattern())));
static ISSUED_BY: Lazy<Regex> = Lazy::new(|| re(r"\s+do\s+(.+?)\s+ban\s+hành\s*$"));

/// Reads the fields after `text[from..]`: `năm YYYY`, `ngày <date>` and `của <issuer>` in
/// whatever order they come (`của Tỉnh ủy ... ngày 29/12/2025` as well as `ngày ... của ...`),
/// then the title.
pub(super) fn after(text: &str, from: usize) -> Fields {
    let mut f = Fields { end: from, ..Fields::default() };
    while year_word(text, &mut f) || date(text, &mut f) || issuer_of(text, &mut f) {}
    read_title(text, &mut f);
    f
}

fn year_word(text: &str, f: &mut Fields) -> bool {
    let Some(c) = YEAR_WORD.captures(&text[f.end..]).filter(|_| f.year_word.is_none()) else { return false };
    f.year_word = c[1].parse().ok();
    f.end += c.get(0).map_or(0, |m| m.end());
    true
}

fn date(text: &str, f: &mut Fields) -> bool {
    let Some(m) = DATE_WORD.find(&text[f.end..]).filter(|_| f.date.is_none()) else { return false };
    let Some((day, len)) = date_at(&text[f.end + m.end()..]) else { return false };
    f.date = Some(day);
    f.end += m.end() + len;
    true
}

fn issuer_of(text: &str, f: &mut Fields) -> bool {
    let Some(m) = OF.find(&text[f.end..]).filter(|_| f.issuer.is_none()) else { return false };
    let Some((name, len)) = issuer::forward(&text[f.end + m.end()..]) else { return false };
    f.issuer = Some(name);
    f.end += m.end() + len;
    true
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
    fn issuer_before_date() {
        let f = after(" của Tỉnh ủy Hà Nam ngày 05/3/2024 về phát triển; Kế hoạch", 0);
        assert_eq!(f.issuer.as_deref(), Some("Tỉnh ủy Hà Nam"));
        assert_eq!(f.date, Some((2024, 3, 5)));
        assert_eq!(f.title.as_deref(), Some("về phát triển"));
    }

    #[test]
    fn year_word_and_do_ban_hanh() {
        let f = after(" năm 2022 về đẩy mạnh cải cách do Chính phủ ban hành: gửi", 0);
        assert_eq!(f.year_word, Some(2022));
        assert_eq!(f.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(f.title.as_deref(), Some("về đẩy mạnh cải cách"));
    }
}
