//! What the words around a mention say about it: a list header (`Căn cứ các Nghị định của
//! Chính phủ: ...`), an issuer named before it (`ủy quyền của X tại`, `X giao tại`), a
//! pinpoint (`khoản 5 Điều 14`), a form number (`biểu mẫu 02/RS-KSTT`), and the annex line of
//! the document itself (`(Ban hành kèm theo Quyết định số ...)`).

use std::ops::Range;

use once_cell::sync::Lazy;
use sohoa_doc::classes::{is_space, is_word};

use super::issuer;
use super::kind::{kind_word_lengths, of_word};
use super::lex::{boundaries, lazy_gap, some_spaces, spaces, spaces_before, CaseWords, GapEnds, GapRule};
use super::pinpoint::pinpoint_span;

/// `các <kind> [của <issuer>]:` that opens a list of `số ...` items.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Header {
    pub kind: &'static str,
    pub issuer: Option<String>,
    pub end: usize,
}

/// The words of these scans, as `(?i)` matches them.
struct Words {
    these: CaseWords,
    of: CaseWords,
    issued: CaseWords,
    annex: CaseWords,
    at: CaseWords,
    given: CaseWords,
    power: CaseWords,
    form: CaseWords,
    number: CaseWords,
}

static WORDS: Lazy<Words> = Lazy::new(|| Words {
    these: CaseWords::new(&["các"]),
    of: CaseWords::new(&["của"]),
    issued: CaseWords::new(&["ban hành"]),
    annex: CaseWords::new(&["kèm theo"]),
    at: CaseWords::new(&["tại"]),
    given: CaseWords::new(&["giao", "ban hành"]),
    power: CaseWords::new(&["ủy quyền của", "uỷ quyền của"]),
    form: CaseWords::new(&["mẫu"]),
    number: CaseWords::new(&["số"]),
});

/// A header's gap holds at most this many characters.
const HEADER_GAP: usize = 100;

/// What `(?i)\bcác\s+({kind})(?:\s+của\s+(?P<gap>[^:;]{1,100}))?\s*:` finds first: the
/// kind word, the gap and where the match ends.
#[derive(Debug, PartialEq)]
struct HeaderMatch {
    kind: Range<usize>,
    gap: Option<Range<usize>>,
    end: usize,
}

fn header_match(text: &str) -> Option<HeaderMatch> {
    // where each `:` or `;` stands, found once (each header's search for the next one would
    // make the scan quadratic)
    let stops: Vec<usize> = text.match_indices([':', ';']).map(|(i, _)| i).collect();
    boundaries(text).filter(|&p| !text[..p].ends_with(is_word)).find_map(|p| header_at(text, p, &stops))
}

/// The header opening at `p`: the first kind word (in the list's order) after which the
/// rest fits, with the issuer part if it fits, else without.
fn header_at(text: &str, p: usize, stops: &[usize]) -> Option<HeaderMatch> {
    let these = WORDS.these.opening(&text[p..]).next()?;
    let kind_at = p + these + some_spaces(&text[p + these..])?;
    kind_word_lengths(&text[kind_at..]).find_map(|len| {
        let kind = kind_at..kind_at + len;
        if let Some((gap, end)) = issuer_part(text, kind.end, stops) {
            return Some(HeaderMatch { kind, gap: Some(gap), end });
        }
        let colon = kind.end + spaces(&text[kind.end..]);
        text[colon..].starts_with(':').then_some(HeaderMatch { kind, gap: None, end: colon + 1 })
    })
}

/// `\s+của\s+(?P<gap>[^:;]{1,100})\s*:` at `at`: the gap and the end. The gap runs to the
/// first `:` (never past a `;`); the spaces after `của` give one back at a time when no gap
/// would be left; a gap cut at the bound fits only when spaces alone follow it to the `:`.
fn issuer_part(text: &str, at: usize, stops: &[usize]) -> Option<(Range<usize>, usize)> {
    let of_at = at + some_spaces(&text[at..])?;
    let after = of_at + WORDS.of.opening(&text[of_at..]).next()?;
    let run = some_spaces(&text[after..])?;
    let stop = *stops.get(stops.partition_point(|&i| i < after))?;
    let colon = Some(stop).filter(|&i| text[i..].starts_with(':'))?;
    // the starts of the gap, from every space taken to one
    let inner = text[after..after + run].char_indices().rev().filter(|&(i, _)| i > 0).map(|(i, _)| after + i);
    std::iter::once(after + run).chain(inner).find_map(|g| {
        let mut ends = text[g..colon].char_indices().map(|(i, _)| g + i).skip(HEADER_GAP);
        match ends.next() {
            _ if g == colon => None,
            None => Some((g..colon, colon + 1)),
            Some(cut) => text[cut..colon].chars().all(is_space).then_some((g..cut, colon + 1)),
        }
    })
}

/// The gap of the first match of `(?i)(?:ủy|uỷ)\s+quyền\s+của\s+(?P<gap>.{1,100}?)\s+tại\s*$`.
fn authorised(prefix: &str) -> Option<Range<usize>> {
    let w = &*WORDS;
    let t = prefix.trim_end_matches(is_space);
    let at = t.len() - w.at.ending(t).next()?;
    let rule = GapRule { max: 100, allowed: |c| c != '\n' };
    let ends = GapEnds::new(prefix, spaces_before(prefix, at)?, rule);
    // `của` ends where only spaces lie between it and the earliest gap, or past that: its
    // starts are read back from there (not from every start of the text, for each mention)
    let earliest = ends.earliest_gap();
    let from = prefix[..earliest].trim_end_matches(is_space).len();
    let mut found: Vec<(usize, usize)> = boundaries(&prefix[from..ends.ends.end])
        .flat_map(|i| {
            let a = from + i;
            w.power.ending(&prefix[..a]).map(move |l| (a - l, a))
        })
        .collect();
    found.sort_unstable();
    found.into_iter().find_map(|(_, after)| lazy_gap(prefix, after, &ends, rule))
}

/// Where `(?i)\s(?:giao|ban\s+hành)\s+tại\s*$` matches in `prefix`.
fn given_at(prefix: &str) -> Option<usize> {
    let w = &*WORDS;
    let t = prefix.trim_end_matches(is_space);
    w.at.ending(t).find_map(|l| {
        let before = &t[..t.len() - l];
        let verb_end = before.trim_end_matches(is_space);
        if verb_end.len() == before.len() {
            return None;
        }
        w.given.ending(verb_end).find_map(|v| {
            let word_start = verb_end.len() - v;
            let space = verb_end[..word_start].chars().next_back().filter(|&c| is_space(c))?;
            Some(word_start - space.len_utf8())
        })
    })
}

/// The text is the document's own annex line, whose mention is the document itself.
/// What `(?i)^[\s(*_]*(?:ban\s+hành\s+)?kèm\s+theo\b` matches.
pub(super) fn is_own_annex_line(text: &str) -> bool {
    let w = &*WORDS;
    let rest = text.trim_start_matches(|c: char| is_space(c) || matches!(c, '(' | '*' | '_'));
    let after_issued = w.issued.opening(rest).next().and_then(|l| some_spaces(&rest[l..]).map(|n| &rest[l + n..]));
    after_issued.is_some_and(|r| w.annex.opens_word(r)) || w.annex.opens_word(rest)
}

pub(super) fn header(text: &str) -> Option<Header> {
    let m = header_match(text)?;
    let kind = of_word(&text[m.kind])?;
    let issuer = m.gap.and_then(|g| issuer::forward(&text[g])).map(|(name, _)| name);
    Some(Header { kind, issuer, end: m.end })
}

/// `khoản 5 Điều 14`, `Phụ lục VII` right before a mention.
pub(super) fn pinpoint(prefix: &str) -> Option<String> {
    let span = pinpoint_span(prefix)?;
    Some(prefix[span].split_whitespace().collect::<Vec<_>>().join(" "))
}

/// An issuer named before the mention: `theo ủy quyền của X tại`, `(được) X giao tại`.
pub(super) fn issuer_before(prefix: &str) -> Option<String> {
    if let Some(gap) = authorised(prefix) {
        let gap = &prefix[gap];
        let (name, len) = issuer::forward(gap)?;
        return (len == gap.len()).then_some(name);
    }
    issuer::backward(&prefix[..given_at(prefix)?])
}

/// The number belongs to a form (`biểu mẫu 02/RS-KSTT`, `mẫu số 01/...`).
/// What `(?i)\bmẫu\s*(?:số\s*)?:?\s*$` matches.
pub(super) fn is_form(prefix: &str) -> bool {
    let w = &*WORDS;
    let t = prefix.trim_end_matches(is_space);
    let t = t.strip_suffix(':').unwrap_or(t).trim_end_matches(is_space);
    let after_number = w.number.ending(t).next().map(|l| t[..t.len() - l].trim_end_matches(is_space));
    [Some(t), after_number]
        .into_iter()
        .flatten()
        .any(|e| w.form.ending(e).any(|l| !e[..e.len() - l].ends_with(is_word)))
}

#[cfg(test)]
mod tests {
    use super::super::kind::word_pattern;
    use super::*;
    use regex::Regex;

    fn pattern(p: &str) -> Regex {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        Regex::new(p).expect("a test pattern")
    }

    /// `ours` and `theirs` agree on every sample text of `pieces`; `theirs` finds something in
    /// many of them.
    fn check_same<T: PartialEq + std::fmt::Debug>(
        pieces: &[&str],
        ours: impl Fn(&str) -> T,
        theirs: impl Fn(&str) -> T,
        found: impl Fn(&T) -> bool,
        seed: u64,
    ) {
        let mut n = 0;
        for text in sohoa_doc::sample::texts(seed, pieces, 60_000, 60) {
            let want = theirs(&text);
            n += usize::from(found(&want));
            assert_eq!(ours(&text), want, "{text:?}");
        }
        assert!(n > 200, "{n}");
    }

    #[test]
    fn header_match_is_the_pattern() {
        let one = pattern(&format!(r"(?i)\bcác\s+({})(?:\s+của\s+(?P<gap>[^:;]{{1,100}}))?\s*:", word_pattern()));
        let theirs = |t: &str| {
            one.captures(t).and_then(|c| {
                Some(HeaderMatch { kind: c.get(1)?.range(), gap: c.get(2).map(|g| g.range()), end: c.get(0)?.end() })
            })
        };
        let long = "Ủy ban nhân dân tỉnh và các sở ngành liên quan";
        let pieces = [
            "các",
            "CÁC",
            "xcác",
            " ",
            "  ",
            "\u{A0}",
            "nghị định",
            "Thông tư",
            " liên tịch",
            "văn bản",
            "của",
            "Của",
            ":",
            ";",
            "Chính phủ",
            long,
            long,
            "_",
            "\u{301}",
            "Bộ luật",
            "luật",
            "các văn bản",
            "các Nghị định của ",
            " của ",
            "Bộ:",
            "Các thông tư:",
            "  :",
        ];
        check_same(&pieces, header_match, theirs, Option::is_some, 61);
    }

    #[test]
    fn authorised_is_the_pattern() {
        let one = pattern(r"(?i)(?:ủy|uỷ)\s+quyền\s+của\s+(?P<gap>.{1,100}?)\s+tại\s*$");
        let long = "Chủ tịch Ủy ban nhân dân tỉnh và các sở ngành";
        let pieces = [
            "ủy quyền của",
            "Uỷ  QUYỀN của",
            " ",
            "\u{A0}",
            "  ",
            "\n",
            "tại",
            " tại",
            "TẠI",
            "x",
            "Chủ tịch",
            long,
            "\u{301}",
            "ủy",
            " quyền",
            " của ",
        ];
        check_same(
            &pieces,
            authorised,
            |t| one.captures(t).and_then(|c| c.get(1)).map(|m| m.range()),
            Option::is_some,
            66,
        );
    }

    #[test]
    fn own_annex_line_is_the_pattern() {
        let one = pattern(r"(?i)^[\s(*_]*(?:ban\s+hành\s+)?kèm\s+theo\b");
        let pieces = [
            "(",
            "*",
            "_",
            " ",
            "\u{A0}",
            "ban hành",
            "BAN  HÀNH",
            "kèm theo",
            "Kèm\tTheo",
            "x",
            "theo",
            "kèm",
            "\u{301}",
        ];
        check_same(&pieces, is_own_annex_line, |t| one.is_match(t), |&b| b, 62);
    }

    #[test]
    fn given_at_is_the_pattern() {
        let one = pattern(r"(?i)\s(?:giao|ban\s+hành)\s+tại\s*$");
        let pieces = [
            " ",
            "\u{A0}",
            "giao",
            "GIAO",
            "ban hành",
            "Ban\u{A0}hành",
            "tại",
            "TẠI",
            "x",
            "xgiao",
            "\u{301}",
            "Chính phủ",
            " giao tại",
            " ban hành tại ",
            "giao  tại",
        ];
        check_same(&pieces, given_at, |t| one.find(t).map(|m| m.start()), Option::is_some, 63);
    }

    #[test]
    fn form_is_the_pattern() {
        let one = pattern(r"(?i)\bmẫu\s*(?:số\s*)?:?\s*$");
        let pieces =
            [" ", "\u{A0}", "mẫu", "MẪU", "xmẫu", "_", "số", "SỐ", "\u{17F}ố", ":", "::", "biểu", "\u{301}", "1"];
        check_same(&pieces, is_form, |t| one.is_match(t), |&b| b, 64);
    }

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
