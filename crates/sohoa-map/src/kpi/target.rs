//! The numbers that are targets: percentages, scores and ranges (`từ 80 đến dưới 90 điểm`),
//! and counts with a unit behind a comparator (`tối thiểu 5.280 hồ sơ`, `ít nhất 1 tin, bài
//! viết/tuần`). Vietnamese digits: `5.280` is 5280, `1,5` is 1.5.

use once_cell::sync::Lazy;
use regex::Regex;
use sohoa_doc::classes;
use sohoa_doc::classes::FoldedWords;

use super::shapes;
use crate::letter_after::captures_then;
use crate::phrase_end::{PhraseEnd, PhraseEndWords};

/// One target in a text, located by byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Target {
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub comparator: &'static str,
    /// Start of the number (of the first number of a range).
    pub num_start: usize,
    /// Start of the unit words of a count (`hồ sơ`); equals `end` for `%`.
    pub unit_start: usize,
    /// End of the number and its unit.
    pub end: usize,
}

fn re(p: &str) -> Regex {
    // invariant: every caller passes a literal pattern, exercised by the tests
    Regex::new(p).expect("valid regex")
}

const NUM: &str = r"[0-9]+(?:[.,][0-9]+)*";
/// A letter in a `(?i)` pattern: case folding adds U+0345 (a Greek combining mark) to `\p{L}` and
/// nothing else (the tests check it), so the class is written folded; [`letter_ci`] looks it up.
#[cfg(test)]
const LETTER_CI: &str = r"(?-i:[\p{L}\x{345}])";

/// A character [`LETTER_CI`] matches: a letter, or U+0345 which case folding joins to them.
fn letter_ci(c: char) -> bool {
    classes::is_letter(c) || c == '\u{345}'
}
/// Anything but a letter in a `(?i)` pattern (see [`LETTER_CI`]).
#[cfg(test)]
const NOT_LETTER_CI: &str = r"(?-i:[^\p{L}\x{345}])";

/// Words that make the number after them a count the plan commits to anywhere: `mỗi tháng 02
/// chuyên mục`, `nâng tổng số lên 12 ...`.
/// What `(?i)(?:\bmỗi\s+(?:tháng|quý|năm|tuần|kỳ)(?:\s+có)?|\bhằng\s+(?:tháng|quý|năm|tuần)\s+có|
/// tổng\s+số\s+lên|\bhình\s+thành\s+mới)\s*$` matches.
static QUANTIFIER: Lazy<PhraseEnd> = Lazy::new(|| {
    let every = ["tháng", "quý", "năm", "tuần", "kỳ"];
    let mut after_break: Vec<String> = every.iter().map(|p| format!("mỗi {p}")).collect();
    after_break.extend(every.iter().map(|p| format!("mỗi {p} có")));
    after_break.extend(every[..4].iter().map(|p| format!("hằng {p} có")));
    after_break.push("hình thành mới".into());
    let after_break: Vec<&str> = after_break.iter().map(String::as_str).collect();
    PhraseEnd::new(&PhraseEndWords { free: &["tổng số lên"], after_break: &after_break, modifiers: &[] })
});
/// `gồm` before a count: a commitment when the count introduces the items listed after it
/// (`..., gồm 11 chuyên mục sau:`), not a composition (`hồ sơ gồm 02 bộ`, `bao gồm 26 đơn vị`).
/// Whether `lead` ends with the word `gồm` and spaces: what `(?i)(?:^|[^\p{L}])gồm\s*$`
/// matches, scanned (the letter class costs a process more to build than every scan).
fn ends_with_gom(lead: &str) -> bool {
    let mut back = lead.trim_end_matches(classes::is_space).chars().rev();
    let word = [back.next(), back.next(), back.next()];
    let folded = [Some(['m', 'M']), Some(['ồ', 'Ồ']), Some(['g', 'G'])];
    word.iter().zip(folded).all(|(c, f)| c.zip(f).is_some_and(|(c, f)| f.contains(&c)))
        && back.next().is_none_or(|c| !letter_ci(c))
}
static LIST_FOLLOWS: Lazy<Regex> = Lazy::new(|| re(r"(?i)^\s*(?:,\s*)?(?::|(?:như\s+)?sau\b|cụ\s+thể\b)"));
/// Words before a number that make it a name, a rank or a part rather than a count
/// (`Dự án 1`, `khoản 4`, `Điều 17`, `số 08`, `mức 2`, `lần thứ 3`, `nhóm từ 30`).
static NOT_COUNT_BEFORE: Lazy<PhraseEnd> = Lazy::new(|| {
    let after_break = &[
        "án",
        "điều",
        "khoản",
        "điểm",
        "số",
        "mức",
        "lần",
        "thứ",
        "biểu",
        "mục",
        "phụ lục",
        "chương",
        "từ",
        "đến",
        "tới",
        "dưới",
        "ngày",
        "tháng",
        "năm",
        "quý",
        "tuần",
        "giai đoạn",
        "kỳ",
        "loại",
        "hạng",
        "cấp",
        "nhóm",
        "khóa",
        "tầm",
        "x",
    ];
    PhraseEnd::new(&PhraseEndWords { free: &[], after_break, modifiers: &[] })
});
/// Whether `lead` ends with a word that names rather than counts, or a slash, dot or digit:
/// what `(?i)(?:\b(?:NOT_COUNT_BEFORE)|[/.0-9])\s*$` matches.
fn not_count_before(lead: &str) -> bool {
    lead.trim_end_matches(classes::is_space).ends_with(|c: char| c == '/' || c == '.' || c.is_ascii_digit())
        || NOT_COUNT_BEFORE.ends(lead)
}
/// `từ 60 đến 70%`: the two numbers and the spaces before the unit, which [`range_unit`] reads.
static RANGE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(r"(?i)\btừ\s+({NUM})\s*(%|điểm)?\s*(?:\s(?:đến|tới)|-|–)\s*(?:dưới\s+|không\s+quá\s+)?({NUM})\s*"))
});

/// The length of the unit opening `rest`: what `(?i)(?:%|điểm|{LETTER_CI}+)` matches there,
/// read rather than compiled (the letter class costs a process more to build than every scan).
fn range_unit(rest: &str) -> Option<usize> {
    if rest.starts_with('%') {
        return Some(1);
    }
    let point = [['đ', 'Đ'], ['i', 'I'], ['ể', 'Ể'], ['m', 'M']];
    let mut chars = rest.chars();
    if point.iter().all(|cases| chars.next().is_some_and(|c| cases.contains(&c))) {
        return Some(rest.len() - chars.as_str().len());
    }
    let letters = rest.len() - rest.trim_start_matches(letter_ci).len();
    (letters > 0).then_some(letters)
}
/// Words that may follow a bound before its number (`tối thiểu là`, `trên mức`).
const BOUND_MODIFIERS: &[&str] = &["là", "đạt", "mức", "tỷ lệ"];
/// What `(?i)(?:tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+thấp\s+hơn|\btrên)(?:\s+(?:là|đạt|mức|tỷ\s+lệ))*\s*$` matches.
static AT_LEAST: Lazy<PhraseEnd> = Lazy::new(|| {
    let free = &["tối thiểu", "ít nhất", "không dưới", "không thấp hơn"];
    PhraseEnd::new(&PhraseEndWords { free, after_break: &["trên"], modifiers: BOUND_MODIFIERS })
});
/// What `(?i)(?:tối\s+đa|không\s+quá|vượt\s+quá|\bdưới)(?:\s+(?:là|đạt|mức|tỷ\s+lệ))*\s*$` matches.
static AT_MOST: Lazy<PhraseEnd> = Lazy::new(|| {
    let free = &["tối đa", "không quá", "vượt quá"];
    PhraseEnd::new(&PhraseEndWords { free, after_break: &["dưới"], modifiers: BOUND_MODIFIERS })
});
/// Units of time, which make a number a duration rather than a count; what
/// `(?i)^(?:ngày|giờ|tháng|năm|tuần|phút)\b` matches, looked up rather than compiled.
static TIME_UNIT: Lazy<FoldedWords> = Lazy::new(|| FoldedWords::new(&["ngày", "giờ", "tháng", "năm", "tuần", "phút"]));

/// Two-word units (`hồ sơ`), taken whole where a count's first unit word opens one.
const PAIRS: &[&str] = &[
    "hồ sơ",
    "thủ tục",
    "văn bản",
    "dịch vụ",
    "đơn vị",
    "cơ quan",
    "hội nghị",
    "bài viết",
    "tin bài",
    "cán bộ",
    "người dân",
    "doanh nghiệp",
    "phản ánh",
    "kiến nghị",
    "lượt người",
    "tài khoản",
];

/// A number written the Vietnamese way.
pub(super) fn number(s: &str) -> Option<f64> {
    if s.contains('.') && s.contains(',') {
        return s.replace('.', "").replace(',', ".").parse().ok();
    }
    let groups: Vec<&str> = s.split('.').collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3 && !g.contains(','));
    let t = if thousands { groups.concat() } else { s.to_string() };
    t.replace(',', ".").parse().ok()
}

/// Which numbers without a comparator word count as targets.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Counts {
    /// The text states targets (a CHỈ TIÊU section): every number with its counted noun is
    /// one (`05 Khu công nghiệp`, `trên 2.000 ha`), except inside brackets (a composition).
    pub bare: bool,
}

/// All targets of `text`, in order.
pub(super) fn find(text: &str) -> Vec<Target> {
    find_with(text, Counts::default())
}

/// All targets of `text` under `counts`, in order.
pub(super) fn find_with(text: &str, counts: Counts) -> Vec<Target> {
    let mut out: Vec<Target> = ranges(text);
    let dashed: Vec<Target> = dash_ranges(text).into_iter().filter(|t| !out.iter().any(|o| overlaps(t, o))).collect();
    out.extend(dashed);
    let bare = if counts.bare { bare_counts(text) } else { quantified_counts(text) };
    for t in percents(text).into_iter().chain(self::counts(text)).chain(bare) {
        if !out.iter().any(|o| overlaps(&t, o)) {
            out.push(t);
        }
    }
    out.sort_by_key(|t| t.num_start);
    out
}

fn overlaps(a: &Target, b: &Target) -> bool {
    a.num_start < b.end && b.num_start < a.end
}

/// `60-70%`: a range without `từ`.
fn dash_ranges(text: &str) -> Vec<Target> {
    shapes::dash_ranges(text)
        .into_iter()
        .filter_map(|d| {
            let first = d.first;
            if text[..first.start].ends_with(|ch: char| ch.is_alphanumeric() || ch == '/' || ch == '.' || ch == ',') {
                return None;
            }
            let end = d.end;
            Some(Target {
                value: number(&text[first.clone()])?,
                value_max: Some(number(&text[d.second])?),
                unit: "%".into(),
                comparator: "range",
                num_start: first.start,
                unit_start: end,
                end,
            })
        })
        .collect()
}

/// Counts behind a quantifier word (`gồm 11 chuyên mục`), outside a composition in brackets.
fn quantified_counts(text: &str) -> Vec<Target> {
    bare_counts_where(text, false)
}

/// Every count of a text that states targets, outside brackets.
fn bare_counts(text: &str) -> Vec<Target> {
    bare_counts_where(text, true)
}

/// Whether the text before a number leaves it inside brackets: any open bracket, or with
/// `only_listing` one that opens a listing (`(gồm 166 dự án ...; 02 ...)`).
fn in_composition(before: &str, only_listing: bool) -> bool {
    let Some(open) = before.rfind('(') else { return false };
    if before[open..].contains(')') {
        return false;
    }
    let inner = before[open + 1..].trim_start().to_lowercase();
    !only_listing || ["gồm", "bao gồm", "trong đó"].iter().any(|w| inner.starts_with(w))
}

fn bare_counts_where(text: &str, every: bool) -> Vec<Target> {
    shapes::number_words(text, classes::is_letter)
        .into_iter()
        .filter_map(|m| {
            let n = &text[m.num.clone()];
            let before = &text[..m.num.start];
            let unit_start = m.letter.start;
            let year_like = n.len() == 4 && (n.starts_with("19") || n.starts_with("20"));
            let lead = tail_words(before, 40);
            let lists = || {
                counted_noun(&text[unit_start..])
                    .is_some_and(|(_, len)| LIST_FOLLOWS.is_match(&text[unit_start + len..]))
            };
            let quantified = (QUANTIFIER.ends(lead)
                || ends_with_gom(lead) && !lead.to_lowercase().ends_with("bao gồm ") && lists())
                && !in_composition(before, true);
            let named = not_count_before(tail_words(before, 24)) || after_name(before);
            let admitted = quantified || every && !named && !in_composition(before, false);
            if year_like || !admitted || TIME_UNIT.opens_word(&text[unit_start..]) {
                return None;
            }
            let (unit, len) = counted_noun(&text[unit_start..])?;
            Some(Target {
                value: number(n)?,
                value_max: None,
                unit,
                comparator: comparator(before, ""),
                num_start: m.num.start,
                unit_start,
                end: unit_start + len,
            })
        })
        .collect()
}

/// The number follows a capitalised word inside a phrase (`Nghị quyết 35`, `Bảo Hưng 2`): part of a name.
fn after_name(before: &str) -> bool {
    let t = before.trim_end();
    let Some((head, last)) = t.rsplit_once(' ') else { return false };
    let capital = last.chars().next().is_some_and(char::is_uppercase) && last.chars().all(char::is_alphabetic);
    capital && head.chars().last().is_some_and(char::is_alphabetic)
}

/// The last `n` bytes of `s`, cut on a character boundary.
fn tail_words(s: &str, n: usize) -> &str {
    let mut from = s.len().saturating_sub(n);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    &s[from..]
}

/// Words that end a counted noun (`05 Khu công nghiệp đạt ...`, `11 chuyên mục sau`).
const NOUN_STOPS: &[&str] = &[
    "đạt", "sau", "vào", "về", "của", "cho", "được", "tại", "trên", "trong", "với", "và", "là", "có", "để", "theo",
    "cụ", "từ", "đến", "mỗi", "thuộc", "đã", "sẽ", "phải", "nâng", "gồm", "hoàn", "trở", "thực", "đối", "tham", "như",
    "do", "bằng", "năm", "tháng", "quý",
];

/// The counted noun after a number: up to three words, ending before punctuation, a stop word
/// or an acronym that follows words (`01 tin, bài` and other fixed pairs whole; `12 KCN`).
fn counted_noun(s: &str) -> Option<(String, usize)> {
    if let Some(pair) = COMMA_PAIRS.iter().find(|p| s.to_lowercase().starts_with(*p)) {
        return Some((s[..pair.len()].to_string(), pair.len()));
    }
    let mut end = 0;
    let mut pos = 0;
    for (i, w) in s.split(' ').enumerate() {
        let core = w.trim_end_matches([',', ';', '.', ':', ')', '”', '"']);
        let acronym = core.chars().count() > 1 && core.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        if i >= 3
            || core.is_empty()
            || w.starts_with('(')
            || NOUN_STOPS.contains(&core.to_lowercase().as_str())
            || i > 0 && acronym
        {
            break;
        }
        end = pos + core.len();
        if core.len() != w.len() || (i == 0 && acronym) {
            break;
        }
        pos += w.len() + 1;
    }
    (end > 0).then(|| (s[..end].to_string(), end))
}

/// Counted nouns written with a comma inside (`tin, bài`).
const COMMA_PAIRS: &[&str] = &["tin, bài"];

/// The ranges opened by `từ`; [`RANGE`] is built only for a text where one may open.
fn ranges(text: &str) -> Vec<Target> {
    if !shapes::may_open_range(text) {
        return Vec::new();
    }
    captures_then(&RANGE, text, range_unit)
        .into_iter()
        .filter_map(|m| {
            let c = &m.caps;
            let unit = text[m.letter_start..m.letter_end].to_string();
            if c.get(2).is_none() && unit != "điểm" && unit != "%" {
                return None;
            }
            Some(Target {
                value: number(&c[1])?,
                value_max: Some(number(&c[3])?),
                unit: unit.clone(),
                comparator: "range",
                num_start: c.get(1)?.start(),
                unit_start: m.letter_start,
                end: m.letter_end,
            })
        })
        .collect()
}

fn percents(text: &str) -> Vec<Target> {
    shapes::shares(text)
        .into_iter()
        .filter_map(|s| {
            let n = s.num;
            if text[..n.start].ends_with(|ch: char| ch.is_alphanumeric() || ch == '/' || ch == '.' || ch == ',') {
                return None;
            }
            let end = s.end;
            let unit = s.rate.map_or("%".to_string(), |r| format!("%{}", &text[r]));
            Some(Target {
                value: number(&text[n.clone()])?,
                value_max: None,
                unit,
                comparator: comparator(&text[..n.start], &text[end..]),
                num_start: n.start,
                unit_start: end,
                end,
            })
        })
        .collect()
}

fn counts(text: &str) -> Vec<Target> {
    shapes::bounded_counts(text, letter_ci)
        .into_iter()
        .filter_map(|m| {
            let n = m.num;
            let unit_start = m.letter.start;
            if TIME_UNIT.opens_word(&text[unit_start..]) {
                return None;
            }
            let (unit, len) = unit_words(&text[unit_start..])?;
            let lead = text[m.bound].to_lowercase();
            let comparator = if lead.contains("đa") || lead.contains("quá") { "<=" } else { ">=" };
            Some(Target {
                value: number(&text[n.clone()])?,
                value_max: None,
                unit,
                comparator,
                num_start: n.start,
                unit_start,
                end: unit_start + len,
            })
        })
        .collect()
}

/// The unit of a count: words up to one with a slash (`tin, bài viết/tuần`), else a known
/// two-word unit (`hồ sơ`), else one word (`DVCTT`).
fn unit_words(s: &str) -> Option<(String, usize)> {
    let mut words = Vec::new();
    let mut pos = 0;
    for w in s.split(' ').take(5) {
        if w.starts_with('(') || w.is_empty() {
            break;
        }
        words.push((pos, w));
        pos += w.len() + 1;
        if w.contains('/') {
            return Some(slashed_unit(s, pos - 1));
        }
        if w.ends_with([';', '.', ')']) {
            break;
        }
    }
    if let Some(pair) = COMMA_PAIRS.iter().find(|p| s.to_lowercase().starts_with(*p)) {
        return Some((s[..pair.len()].to_string(), pair.len()));
    }
    let first = words.first()?.1.trim_end_matches([',', ';', '.', ')']);
    if let Some(&(s2, second)) = words.get(1) {
        let second = second.trim_end_matches([',', ';', '.', ')']);
        let pair = format!("{} {}", first.to_lowercase(), second.to_lowercase());
        if PAIRS.contains(&pair.as_str()) && !words[0].1.ends_with(',') {
            let end = s2 + second.len();
            return Some((s[..end].to_string(), end));
        }
    }
    Some((first.to_string(), first.len()))
}

/// A unit that holds a slash: a rate (`bài viết/tuần`) ends at its period; a list of
/// alternatives (`sáng kiến/mô hình/giải pháp`) runs to the end of its last item.
fn slashed_unit(s: &str, end: usize) -> (String, usize) {
    let head = s[..end].trim_end_matches([',', ';', '.']);
    let after_slash = head.rsplit('/').next().unwrap_or_default();
    if TIME_UNIT.opens_word(after_slash) {
        return (head.to_string(), head.len());
    }
    let rest = &s[end..];
    let chained = rest.trim_start().split(' ').next().filter(|w| w.contains('/') || !STOPS.contains(w));
    let next = chained.map_or(end, |w| end + rest.find(w).unwrap_or(0) + w.len());
    match next {
        n if n > end && s[end..n].contains('/') => slashed_unit(s, n),
        n => (s[..n].trim_end_matches([',', ';', '.', ')']).to_string(), n),
    }
}

/// Words that end a unit list (`sáng kiến/mô hình/giải pháp về ...`).
const STOPS: &[&str] = &["về", "của", "do", "và", "để", "trong", "tại", "cho", "được", "phải", "trên", "theo", "với"];

/// `>=` after `tối thiểu`/`ít nhất`/`trên` or before `trở lên`, `<=` after `tối đa`/`không
/// quá`, else `=`.
fn comparator(before: &str, after: &str) -> &'static str {
    let window = tail(before, 60);
    let after = after.trim_start().to_lowercase();
    if AT_LEAST.ends(window) || after.starts_with("trở lên") {
        ">="
    } else if AT_MOST.ends(window) || after.starts_with("trở xuống") {
        "<="
    } else {
        "="
    }
}

fn tail(s: &str, n: usize) -> &str {
    let mut from = s.len().saturating_sub(n);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let t = &s[from..];
    t.rsplit_once(['.', ';', ':', '(']).map_or(t, |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_ends_are_the_patterns_they_replace() {
        let patterns = [
            (
                &*QUANTIFIER,
                r"(?i)(?:\bmỗi\s+(?:tháng|quý|năm|tuần|kỳ)(?:\s+có)?|\bhằng\s+(?:tháng|quý|năm|tuần)\s+có|tổng\s+số\s+lên|\bhình\s+thành\s+mới)\s*$",
            ),
            (
                &*AT_LEAST,
                r"(?i)(?:tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+thấp\s+hơn|\btrên)(?:\s+(?:là|đạt|mức|tỷ\s+lệ))*\s*$",
            ),
            (&*AT_MOST, r"(?i)(?:tối\s+đa|không\s+quá|vượt\s+quá|\bdưới)(?:\s+(?:là|đạt|mức|tỷ\s+lệ))*\s*$"),
        ];
        let pieces = [
            "mỗi",
            "Hằng",
            " ",
            "tháng",
            "KỲ",
            " có",
            "tổng số lên",
            "hình thành  mới",
            "x",
            "tối đa",
            "không",
            " quá",
            "vượt quá",
            "dưới",
            "trên",
            " mức",
            " là",
            "tỷ lệ",
            "ít nhất",
            "\u{A0}",
            "1",
            "quý",
            "năm",
        ];
        for (ours, pattern) in patterns {
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            let one = Regex::new(pattern).expect("a test pattern");
            let mut found = 0;
            for text in sohoa_doc::sample::texts(17, &pieces, 30_000, 61) {
                assert_eq!(ours.ends(&text), one.is_match(&text), "{pattern} {text:?}");
                found += usize::from(one.is_match(&text));
            }
            assert!(found > 300, "{pattern} {found}");
        }
    }

    #[test]
    fn not_count_before_is_the_pattern_it_replaces() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"(?i)(?:\b(?:án|điều|khoản|điểm|số|mức|lần|thứ|biểu|mục|phụ\s+lục|chương|từ|đến|tới|dưới|ngày|tháng|năm|quý|tuần|giai\s+đoạn|kỳ|loại|hạng|cấp|nhóm|khóa|tầm|x)|[/.0-9])\s*$").expect("a test pattern");
        let pieces = [
            "án",
            "Điều",
            "phụ",
            " lục",
            "GIAI  ĐOẠN",
            "x",
            "X",
            "/",
            ".",
            "7",
            " ",
            "\u{A0}",
            "_",
            "ữ",
            "kỳ",
            "\u{212A}ỳ",
            "tầm",
            "a",
            ",",
        ];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(43, &pieces, 40_000, 61) {
            assert_eq!(not_count_before(&text), one.is_match(&text), "{text:?}");
            found += usize::from(one.is_match(&text));
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn scans_are_the_patterns_they_replace() {
        let gom = Regex::new(&format!(r"(?i)(?:^|{NOT_LETTER_CI})gồm\s*$")).expect("a test pattern");
        let range = Regex::new(&format!(
            r"(?i)\btừ\s+({NUM})\s*(%|điểm)?\s*(?:\s(?:đến|tới)|-|–)\s*(?:dưới\s+|không\s+quá\s+)?({NUM})\s*(%|điểm|{LETTER_CI}+)"
        ))
        .expect("a test pattern");
        let mut range_found = 0;
        let pieces = [
            "gồm",
            "GỒM",
            "Gồm",
            "bao ",
            " ",
            "\u{A0}",
            "x",
            "1",
            "\u{345}",
            "tối đa ",
            "không quá ",
            "là ",
            "12",
            "3,5",
            "tối",
            " thiểu ",
            "ồm",
            "g",
            "Ⅻ",
            "ǅ",
            "đơn vị",
        ];
        let mut gom_found = 0;
        for text in sohoa_doc::sample::texts(3, &pieces, 40_000, 61) {
            assert_eq!(ends_with_gom(&text), gom.is_match(&text), "{text:?}");
            gom_found += usize::from(gom.is_match(&text));
        }
        let pieces = [
            "từ ",
            "Từ ",
            "5",
            "3,5",
            " ",
            " đến ",
            "-",
            "–",
            "%",
            "điểm",
            "ĐIỂM",
            "dưới ",
            "không quá ",
            "điểmx",
            "ha",
            "İ",
            "ı",
            "\u{345}",
            "x",
        ];
        for text in sohoa_doc::sample::texts(4, &pieces, 240_000, 60) {
            assert!(shapes::may_open_range(&text) || !range.is_match(&text), "{text:?}");
            let ours: Vec<_> = captures_then(&RANGE, &text, range_unit)
                .iter()
                .map(|m| {
                    let g = |i| m.caps.get(i).map(|g: regex::Match| g.range());
                    (g(0).map(|r| r.start), g(1), g(2), g(3), m.letter_start..m.letter_end)
                })
                .collect();
            let theirs: Vec<_> = range
                .captures_iter(&text)
                .map(|c| {
                    let g = |i| c.get(i).map(|g: regex::Match| g.range());
                    (g(0).map(|r| r.start), g(1), g(2), g(3), c.get(4).map_or(0..0, |g| g.range()))
                })
                .collect();
            range_found += theirs.len();
            assert_eq!(ours, theirs, "{text:?}");
        }
        assert!(gom_found > 100 && range_found > 120, "{gom_found} {range_found}");
        let mut buf = [0u8; 4];
        let letters = [
            ("g", ['g', 'G']),
            ("ồ", ['ồ', 'Ồ']),
            ("m", ['m', 'M']),
            ("đ", ['đ', 'Đ']),
            ("i", ['i', 'I']),
            ("ể", ['ể', 'Ể']),
        ];
        for (letter, cases) in letters {
            let one = Regex::new(&format!("(?i)^{letter}$")).expect("a test pattern");
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                assert_eq!(one.is_match(c.encode_utf8(&mut buf)), cases.contains(&c), "{letter} {c:?}");
            }
        }
    }

    #[test]
    fn letter_classes_read_as_case_folding_reads_them() {
        let pairs =
            [(r"(?i)^\p{L}$", format!("(?i)^{LETTER_CI}$")), (r"(?i)^[^\p{L}]$", format!("(?i)^{NOT_LETTER_CI}$"))];
        for (folded, written) in pairs {
            let (folded, written) = (re(folded), re(&written));
            let differ: Vec<char> = ('\0'..='\u{FFFF}')
                .filter(|c| {
                    let s = c.to_string();
                    folded.is_match(&s) != written.is_match(&s)
                })
                .collect();
            assert!(differ.is_empty(), "{written}: {differ:?}");
        }
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(number("5.280"), Some(5280.0));
        assert_eq!(number("1,5"), Some(1.5));
        assert_eq!(number("100"), Some(100.0));
        assert_eq!(number("2.5"), Some(2.5));
        assert_eq!(number("1.234,5"), Some(1234.5));
    }

    #[test]
    fn targets_and_comparators() {
        let t = find("lên mức tối thiểu 5.280 hồ sơ (20 hồ sơ/ngày x 22 ngày/tháng x 12 tháng)");
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].unit.as_str(), t[0].comparator), (5280.0, "hồ sơ", ">="));
        let t = find("ít nhất 1 tin, bài viết/tuần và được tổng hợp");
        assert_eq!(t[0].unit, "tin, bài viết/tuần");
        let t = find("phải có ít nhất 01 sáng kiến/mô hình/giải pháp về cải cách");
        assert_eq!(t[0].unit, "sáng kiến/mô hình/giải pháp");
        let t = find("tự bảo đảm từ 30% - dưới 70% chi thường xuyên");
        assert_eq!((t.len(), t[0].comparator, t[0].value_max), (1, "range", Some(70.0)));
        assert_eq!(find("không được vượt quá 11% vốn")[0].comparator, "<=");
        let t = find("Đạt loại tốt (tối thiểu từ 80 đến dưới 90 điểm) theo");
        assert_eq!((t[0].comparator, t[0].value, t[0].value_max), ("range", 80.0, Some(90.0)));
        assert_eq!(find("Tối thiểu đạt 45% tổng số")[0].comparator, ">=");
        assert_eq!(find("Duy trì 100% TTHC")[0].comparator, "=");
        assert!(find("trong thời gian 10 ngày; là 01 tuyên truyền viên; VNeID mức 2").is_empty());
        assert!(find("không quá 10 ngày").is_empty());
    }

    #[test]
    fn rates_ranges_and_counts() {
        let t = find("tăng bình quân 8%/năm; tỷ lệ sử dụng đạt 50-60%");
        assert_eq!((t[0].unit.as_str(), t[0].value), ("%/năm", 8.0));
        assert_eq!((t[1].comparator, t[1].value, t[1].value_max), ("range", 50.0, Some(60.0)));
        let t = find(
            "tổ chức chương trình năm 2026, gồm 12 kỳ phát sóng sau; mỗi quý 03 chuyên đề; ít nhất 02 tin, bài về",
        );
        let got: Vec<_> = t.iter().map(|t| (t.value, t.unit.as_str(), t.comparator)).collect();
        assert_eq!(got, [(12.0, "kỳ phát sóng", "="), (3.0, "chuyên đề", "="), (2.0, "tin, bài", ">=")]);
        assert!(find("Tổ chức 02 hội nghị tập huấn; 01 cán bộ").is_empty());
        assert!(find("Hồ sơ gồm 03 bộ bản chính; bao gồm 40 đơn vị: a, b").is_empty());
        let bare = Counts { bare: true };
        let t = find_with("Thành lập mới 04 Cụm công nghiệp, nâng tổng số lên 20 CCN; trên 1.500 ha", bare);
        let got: Vec<_> = t.iter().map(|t| (t.value, t.unit.as_str(), t.comparator)).collect();
        assert_eq!(got, [(4.0, "Cụm công nghiệp", "="), (20.0, "CCN", "="), (1500.0, "ha", ">=")]);
        let t = find_with("công suất 1.234,5 MW (gồm 10 dự án thủy điện; 02 dự án điện gió)", bare);
        assert_eq!(t.len(), 1);
        assert!(find_with("Dự án 3, khoản 2 Điều 5, giai đoạn 1, nhóm từ 20 hộ trở lên, Bảo Lâm 2", bare).is_empty());
    }
}
