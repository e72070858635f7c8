//! What the words around a mention say about it: a list header (`Căn cứ các Nghị định của
//! Chính phủ: ...`), an issuer named before it (`ủy quyền của X tại`, `X giao tại`), a
//! pinpoint (`khoản 5 Điều 14`), a form number (`biểu mẫu 02/RS-KSTT`), and the annex line of
//! the document itself (`(Ban hành kèm theo Quyết định số ...)`).

use once_cell::sync::Lazy;
use regex::Regex;

use super::issuer;
use super::kind::{of_word, word_pattern};
use crate::gap::GapRegex;

/// `các <kind> [của <issuer>]:` that opens a list of `số ...` items.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Header {
    pub kind: &'static str,
    pub issuer: Option<String>,
    pub end: usize,
}

fn re(p: &str) -> Regex {
    // invariant: every caller passes a pattern built from literals, exercised by the tests
    Regex::new(p).expect("valid regex")
}

static OWN_ANNEX: Lazy<Regex> = Lazy::new(|| re(r"(?i)^[\s(*_]*(?:ban\s+hành\s+)?kèm\s+theo\b"));
static HEADER: Lazy<GapRegex> = Lazy::new(|| {
    GapRegex::new(&format!(r"(?i)\bcác\s+({})(?:\s+của\s+(?P<gap>[^:;]{{1,100}}))?\s*:", word_pattern()), 100)
});
static PINPOINT: Lazy<GapRegex> = Lazy::new(|| {
    GapRegex::new(
        r"(?i)((?:điểm\s+[a-zđ]\)?\s*,?\s*)?(?:khoản\s+[0-9]+\s*,?\s*)?điều\s+[0-9]+[a-zđ]?|phụ\s+lục\s+(?:số\s+)?[IVXLC0-9]+|biểu\s+(?:số\s+)?[0-9]+[a-z]?|chương\s+[IVXLC]+|mục\s+[IVXLC0-9]+)(?:\s*[-–]\s*(?P<gap>[^;:()\-–]{1,80}?)\s+(?:của|tại|thuộc))?\s*(?:của|tại|thuộc|-|–|,)?\s*$",
        80,
    )
});
static AUTHORISED: Lazy<GapRegex> =
    Lazy::new(|| GapRegex::new(r"(?i)(?:ủy|uỷ)\s+quyền\s+của\s+(?P<gap>.{1,100}?)\s+tại\s*$", 100));
static GIVEN_AT: Lazy<Regex> = Lazy::new(|| re(r"(?i)\s(?:giao|ban\s+hành)\s+tại\s*$"));
static FORM: Lazy<Regex> = Lazy::new(|| re(r"(?i)\bmẫu\s*(?:số\s*)?:?\s*$"));

/// The text is the document's own annex line, whose mention is the document itself.
pub(super) fn is_own_annex_line(text: &str) -> bool {
    OWN_ANNEX.is_match(text)
}

pub(super) fn header(text: &str) -> Option<Header> {
    let c = HEADER.captures(text)?;
    let kind = of_word(&c[1])?;
    let issuer = c.get(2).and_then(|g| issuer::forward(g.as_str())).map(|(name, _)| name);
    Some(Header { kind, issuer, end: c.get(0)?.end() })
}

/// `khoản 5 Điều 14`, `Phụ lục VII` right before a mention.
pub(super) fn pinpoint(prefix: &str) -> Option<String> {
    let c = PINPOINT.captures(prefix)?;
    Some(c[1].split_whitespace().collect::<Vec<_>>().join(" "))
}

/// An issuer named before the mention: `theo ủy quyền của X tại`, `(được) X giao tại`.
pub(super) fn issuer_before(prefix: &str) -> Option<String> {
    if let Some(c) = AUTHORISED.captures(prefix) {
        let (name, len) = issuer::forward(&c[1])?;
        return (len == c[1].len()).then_some(name);
    }
    let m = GIVEN_AT.find(prefix)?;
    issuer::backward(&prefix[..m.start()])
}

/// The number belongs to a form (`biểu mẫu 02/RS-KSTT`, `mẫu số 01/...`).
pub(super) fn is_form(prefix: &str) -> bool {
    FORM.is_match(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_pinpoint() {
        let h = header("Căn cứ các Nghị định của Chính phủ: số 20/2008/NĐ-CP").expect("header");
        assert_eq!((h.kind, h.issuer.as_deref()), ("nghi_dinh", Some("Chính phủ")));
        assert_eq!(pinpoint("theo khoản 5 Điều 14 ").as_deref(), Some("khoản 5 Điều 14"));
        assert_eq!(pinpoint("tại Phụ lục VII-").as_deref(), Some("Phụ lục VII"));
        assert_eq!(pinpoint("theo quy định tại "), None);
        assert_eq!(pinpoint("căn cứ Biểu 02 - Danh mục nhiệm vụ của ").as_deref(), Some("Biểu 02"));
    }

    #[test]
    fn issuer_named_before() {
        assert_eq!(issuer_before("theo ủy quyền của Chủ tịch UBND tỉnh tại ").as_deref(), Some("Chủ tịch UBND tỉnh"));
        assert_eq!(issuer_before("chuyển đổi số được Chính phủ giao tại ").as_deref(), Some("Chính phủ"));
        assert_eq!(issuer_before("Chỉ tiêu giao tại "), None);
        assert!(is_own_annex_line("(Ban hành kèm theo Quyết định số 11 /QĐ-UBND)"));
        assert!(is_form("Biểu mẫu rà soát (biểu mẫu "));
    }
}
