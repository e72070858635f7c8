//! The phrase grammar of deadline cells: parts, alternatives, recurrence words, event
//! triggers, by-dates and periods.

use sohoa_doc::classes;

use crate::grammar::{self, digits, Grammar, G, SPACE, SPACES};
use sohoa_doc::vocab::deadline::TIME_WORDS;

use super::calendar::{quarter_number, valid, Span, NUMERIC_DATE};

/// A deadline part reduced to its kind and days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Coded {
    pub kind: &'static str,
    pub span: Option<Span>,
    pub recurrence: Option<&'static str>,
    /// A by-date (`Chậm nhất ...`, `Trước ngày ...`): only the end of the span counts.
    pub by_date: bool,
    /// A start with no end (`Bắt đầu thực hiện từ năm 2026`): only the start of the span counts.
    pub open_end: bool,
}

impl Coded {
    fn new(kind: &'static str) -> Coded {
        Coded { kind, span: None, recurrence: None, by_date: false, open_end: false }
    }
}

/// A bracket and what it holds: what `\([^()]*\)?` matches.
static PARENS: Grammar = Grammar::new(
    r"\([^()]*\)?",
    0,
    &[G::Lit("("), G::Rep { class: not_bracket, min: 0, max: usize::MAX, lazy: false }, G::Opt(&G::Lit(")"))],
);
/// Where a cell's parts meet: what `;|\s-\s*|^\s*-|\n` matches.
static PART_SPLIT: Grammar = Grammar::new(
    r";|\s-\s*|^\s*-|\n",
    0,
    &[G::Alt(&[
        G::Lit(";"),
        G::Seq(&[G::Rep { class: classes::is_space, min: 1, max: 1, lazy: false }, G::Lit("-"), SPACES]),
        G::Seq(&[G::Start, SPACES, G::Lit("-")]),
        G::Lit("\n"),
    ])],
);
/// `theo dõi: ...`: what `^[^0-9:]{1,40}:\s*(\S.*)$` matches.
static LABEL: Grammar = Grammar::new(
    r"^[^0-9:]{1,40}:\s*(\S.*)$",
    1,
    &[
        G::Start,
        G::Rep { class: label_char, min: 1, max: 40, lazy: false },
        G::Lit(":"),
        SPACES,
        G::Group(
            1,
            &G::Seq(&[
                G::Rep { class: not_space, min: 1, max: 1, lazy: false },
                G::Rep { class: not_newline, min: 0, max: usize::MAX, lazy: false },
            ]),
        ),
        G::End,
    ],
);
/// `hoặc` between spaces, one of the two cuts of [`alternative_cuts`].
static OR_WORD: Grammar = Grammar::new(r"\s+hoặc\s+", 0, &[SPACE, G::Lit("hoặc"), SPACE]);
/// What `\b(?:hàng|hằng|mỗi)\s+(ngày|tuần|tháng|quý|năm)\b` matches.
static EVERY: Grammar = Grammar::new(
    r"\b(?:hàng|hằng|mỗi)\s+(ngày|tuần|tháng|quý|năm)\b",
    1,
    &[
        G::Boundary,
        G::Alt(&[G::Lit("hàng"), G::Lit("hằng"), G::Lit("mỗi")]),
        SPACE,
        G::Group(1, &G::Alt(&[G::Lit("ngày"), G::Lit("tuần"), G::Lit("tháng"), G::Lit("quý"), G::Lit("năm")])),
        G::Boundary,
    ],
);
/// What `([0-9]{1,2})\s*tháng\s*(?:/|một|1)\s*(?:0?1\s*)?lần` matches.
static EVERY_N_MONTHS: Grammar = Grammar::new(
    r"([0-9]{1,2})\s*tháng\s*(?:/|một|1)\s*(?:0?1\s*)?lần",
    1,
    &[
        G::Group(1, &digits(1, 2)),
        SPACES,
        G::Lit("tháng"),
        SPACES,
        G::Alt(&[G::Lit("/"), G::Lit("một"), G::Lit("1")]),
        SPACES,
        G::Opt(&G::Seq(&[G::Opt(&G::Lit("0")), G::Lit("1"), SPACES])),
        G::Lit("lần"),
    ],
);
/// What `^(?:ngay\s+)?(?:sau\s+)?khi\b|^ngay\b|^theo\s+yêu\s+cầu|^đột\s+xuất|^(?:trong\s+(?:thời\s+gian|vòng)|sau)\s+[0-9]+\s+ngày|\bkể\s+từ\b|\bsau\s+khi\b`
/// matches.
static EVENT: Grammar = Grammar::new(
    r"^(?:ngay\s+)?(?:sau\s+)?khi\b|^ngay\b|^theo\s+yêu\s+cầu|^đột\s+xuất|^(?:trong\s+(?:thời\s+gian|vòng)|sau)\s+[0-9]+\s+ngày|\bkể\s+từ\b|\bsau\s+khi\b",
    0,
    &[G::Alt(&[
        G::Seq(&[
            G::Start,
            G::Opt(&G::Seq(&[G::Lit("ngay"), SPACE])),
            G::Opt(&G::Seq(&[G::Lit("sau"), SPACE])),
            G::Lit("khi"),
            G::Boundary,
        ]),
        G::Seq(&[G::Start, G::Lit("ngay"), G::Boundary]),
        G::Seq(&[G::Start, G::Words("theo yêu cầu")]),
        G::Seq(&[G::Start, G::Words("đột xuất")]),
        G::Seq(&[
            G::Start,
            G::Alt(&[
                G::Seq(&[G::Lit("trong"), SPACE, G::Alt(&[G::Words("thời gian"), G::Lit("vòng")])]),
                G::Lit("sau"),
            ]),
            SPACE,
            digits(1, usize::MAX),
            SPACE,
            G::Lit("ngày"),
        ]),
        G::Seq(&[G::Boundary, G::Words("kể từ"), G::Boundary]),
        G::Seq(&[G::Boundary, G::Words("sau khi"), G::Boundary]),
    ])],
);
/// What `\b(?:chậm\s+nhất|muộn\s+nhất|trước|hạn\s+chót|hạn\s+cuối|không\s+muộn\s+hơn|không\s+quá)\b` matches.
static BY_DATE: Grammar = Grammar::new(
    r"\b(?:chậm\s+nhất|muộn\s+nhất|trước|hạn\s+chót|hạn\s+cuối|không\s+muộn\s+hơn|không\s+quá)\b",
    0,
    &[
        G::Boundary,
        G::Alt(&[
            G::Words("chậm nhất"),
            G::Words("muộn nhất"),
            G::Lit("trước"),
            G::Words("hạn chót"),
            G::Words("hạn cuối"),
            G::Words("không muộn hơn"),
            G::Words("không quá"),
        ]),
        G::Boundary,
    ],
);
/// One time expression: what [`ATOM_PATTERN`] matches, its groups numbered as there
/// (`d`, `dm`, `dy`, `d2`, `dm2`, `dy2`, `d3`, `dm3`, `d4`, `dm4`, `half`, `hy`, `q`, `qy`,
/// `m`, `my`, `ya`, `yb`, `y`: 1 to 19).
static ATOM: Grammar = Grammar::new(
    ATOM_PATTERN,
    19,
    &[G::Alt(&[
        NUMERIC_DATE,
        G::Seq(&[
            G::Group(4, &digits(1, 2)),
            SPACE,
            G::Lit("tháng"),
            SPACE,
            G::Group(5, &digits(1, 2)),
            SPACES,
            G::Opt(&G::Lit(",")),
            SPACE,
            G::Lit("năm"),
            SPACE,
            G::Group(6, &digits(4, 4)),
        ]),
        G::Seq(&[G::Group(7, &digits(1, 2)), SPACES, G::Lit("/"), SPACES, G::Group(8, &digits(1, 2)), G::Boundary]),
        G::Seq(&[G::Group(9, &digits(1, 2)), SPACE, G::Lit("tháng"), SPACE, G::Group(10, &digits(1, 2)), G::Boundary]),
        G::Seq(&[
            G::Alt(&[G::Lit("6"), G::Lit("06"), G::Lit("sáu")]),
            SPACE,
            G::Lit("tháng"),
            SPACE,
            G::Group(11, &G::Alt(&[G::Lit("đầu"), G::Lit("cuối")])),
            SPACE,
            G::Lit("năm"),
            G::Opt(&G::Seq(&[SPACE, G::Group(12, &digits(4, 4))])),
        ]),
        G::Seq(&[
            G::Lit("quý"),
            SPACE,
            G::Group(
                13,
                &G::Alt(&[
                    G::Lit("iv"),
                    G::Rep { class: is_i, min: 1, max: 3, lazy: false },
                    G::Rep { class: quarter_digit, min: 1, max: 1, lazy: false },
                ]),
            ),
            G::Boundary,
            G::Opt(&YEAR_JOIN),
            G::Opt(&G::Group(14, &digits(4, 4))),
        ]),
        G::Seq(&[
            G::Lit("tháng"),
            SPACE,
            G::Group(15, &digits(1, 2)),
            G::Boundary,
            G::Opt(&YEAR_JOIN),
            G::Opt(&G::Group(16, &digits(4, 4))),
        ]),
        G::Seq(&[
            G::Alt(&[G::Lit("năm"), G::Words("giai đoạn")]),
            SPACE,
            G::Group(17, &digits(4, 4)),
            SPACES,
            G::Rep { class: dash, min: 1, max: 1, lazy: false },
            SPACES,
            G::Group(18, &digits(4, 4)),
        ]),
        G::Seq(&[G::Lit("năm"), SPACE, G::Group(19, &digits(4, 4))]),
    ])],
);
/// `\s*/\s*|\s*,?\s*năm\s+`: what joins a quarter or a month to its year.
const YEAR_JOIN: G = G::Alt(&[
    G::Seq(&[SPACES, G::Lit("/"), SPACES]),
    G::Seq(&[SPACES, G::Opt(&G::Lit(",")), SPACES, G::Lit("năm"), SPACE]),
]);
const ATOM_PATTERN: &str = concat!(
    r"(?P<d>[0-9]{1,2})\s*[/.-]\s*(?P<dm>[0-9]{1,2})\s*[/.-]\s*(?P<dy>[0-9]{4})",
    r"|(?P<d2>[0-9]{1,2})\s+tháng\s+(?P<dm2>[0-9]{1,2})\s*,?\s+năm\s+(?P<dy2>[0-9]{4})",
    r"|(?P<d3>[0-9]{1,2})\s*/\s*(?P<dm3>[0-9]{1,2})\b",
    r"|(?P<d4>[0-9]{1,2})\s+tháng\s+(?P<dm4>[0-9]{1,2})\b",
    r"|(?:6|06|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<hy>[0-9]{4}))?",
    r"|quý\s+(?P<q>iv|i{1,3}|[1-4])\b(?:\s*/\s*|\s*,?\s*năm\s+)?(?P<qy>[0-9]{4})?",
    r"|tháng\s+(?P<m>[0-9]{1,2})\b(?:\s*/\s*|\s*,?\s*năm\s+)?(?P<my>[0-9]{4})?",
    r"|(?:năm|giai\s+đoạn)\s+(?P<ya>[0-9]{4})\s*[-–]\s*(?P<yb>[0-9]{4})",
    r"|năm\s+(?P<y>[0-9]{4})",
);
/// `Trước ngày 05 của tháng liền kề`, `... năm trước liền kề`: a by-day that comes back every
/// period; what `\b(tháng|quý|năm)\s+(?:trước\s+|sau\s+)?liền\s+kề\b` matches.
static NEXT_PERIOD: Grammar = Grammar::new(
    r"\b(tháng|quý|năm)\s+(?:trước\s+|sau\s+)?liền\s+kề\b",
    1,
    &[
        G::Boundary,
        G::Group(1, &G::Alt(&[G::Lit("tháng"), G::Lit("quý"), G::Lit("năm")])),
        SPACE,
        G::Opt(&G::Alt(&[G::Seq(&[G::Lit("trước"), SPACE]), G::Seq(&[G::Lit("sau"), SPACE])])),
        G::Words("liền kề"),
        G::Boundary,
    ],
);
/// `Bắt đầu thực hiện từ năm 2026`: a start with no end; what
/// `^(?:bắt\s+đầu|khởi\s+động)\b|^(?:thực\s+hiện\s+)?từ\s+(?:năm|tháng|quý)\b` matches.
static OPEN_START: Grammar = Grammar::new(
    r"^(?:bắt\s+đầu|khởi\s+động)\b|^(?:thực\s+hiện\s+)?từ\s+(?:năm|tháng|quý)\b",
    0,
    &[G::Alt(&[
        G::Seq(&[G::Start, G::Alt(&[G::Words("bắt đầu"), G::Words("khởi động")]), G::Boundary]),
        G::Seq(&[
            G::Start,
            G::Opt(&G::Seq(&[G::Words("thực hiện"), SPACE])),
            G::Lit("từ"),
            SPACE,
            G::Alt(&[G::Lit("năm"), G::Lit("tháng"), G::Lit("quý")]),
            G::Boundary,
        ]),
    ])],
);

/// `[^0-9:]`
fn label_char(c: char) -> bool {
    !c.is_ascii_digit() && c != ':'
}

/// `\S`
fn not_space(c: char) -> bool {
    !classes::is_space(c)
}

/// `.`
fn not_newline(c: char) -> bool {
    c != '\n'
}

/// `[-–]`
fn dash(c: char) -> bool {
    matches!(c, '-' | '–')
}

/// `i`
fn is_i(c: char) -> bool {
    c == 'i'
}

/// `[1-4]`
fn quarter_digit(c: char) -> bool {
    matches!(c, '1'..='4')
}
/// What `năm\s+([0-9]{4})` matches.
static YEAR: Grammar = Grammar::new(r"năm\s+([0-9]{4})", 1, &[G::Lit("năm"), SPACE, G::Group(1, &digits(4, 4))]);

/// `[^()]`
fn not_bracket(c: char) -> bool {
    !matches!(c, '(' | ')')
}

/// `raw` in lower case, each bracket and what it holds a space (as `replace_all` of [`PARENS`]).
fn without_brackets(raw: &str) -> String {
    let text = raw.to_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for c in PARENS.captures_iter(&text) {
        let m = c.whole();
        out.push_str(&text[last..m.start]);
        out.push(' ');
        last = m.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The parts of a cell, between the matches of [`PART_SPLIT`] (as `Regex::split`).
fn parts(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut last = 0;
    for c in PART_SPLIT.captures_iter(text) {
        let m = c.whole();
        out.push(&text[last..m.start]);
        last = m.end;
    }
    out.push(&text[last..]);
    out
}

/// Codes a deadline cell, or `None` when it names no time (`Theo Kế hoạch ...`).
pub(super) fn code(raw: &str, plan_year: Option<i32>) -> Option<Coded> {
    let text = without_brackets(raw);
    let coded: Vec<Coded> = parts(&text)
        .into_iter()
        .map(strip_label)
        .filter(|p| !p.is_empty())
        .filter_map(|p| code_part(&p, plan_year))
        .collect();
    let mut first = *coded.first()?;
    // `Báo cáo định kỳ ...; thực hiện hằng năm`: a cadence-less recurrence takes the cadence the cell names later
    if first.kind == "recurring" && first.recurrence.is_none() {
        first.recurrence =
            coded.iter().skip(1).find(|c| c.kind == "recurring" && c.recurrence.is_some()).and_then(|c| c.recurrence);
    }
    Some(first)
}

/// `theo dõi: thường xuyên` is coded as `thường xuyên`.
fn strip_label(part: &str) -> String {
    let part = part.trim().trim_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
    match LABEL.captures(part).and_then(|c| c.get(1)) {
        Some(c) if !starts_time_word(part) => c.trim().to_string(),
        _ => part.to_string(),
    }
}

fn starts_time_word(part: &str) -> bool {
    TIME_WORDS.iter().any(|w| part.starts_with(w))
}

fn code_part(part: &str, plan_year: Option<i32>) -> Option<Coded> {
    if defers(part) {
        return None;
    }
    let alts = split_alternatives(part);
    let coded: Vec<Coded> = alts.iter().filter_map(|a| code_alternative(a, plan_year)).collect();
    let mut pick = coded.iter().find(|c| c.kind == "recurring").or(coded.first()).copied()?;
    if pick.kind == "recurring" {
        pick.span = year_span(part);
    }
    Some(pick)
}

/// `Theo Kế hoạch ...`, `Theo Điều 17 Nghị định ...`: the time is set elsewhere (but `Theo yêu cầu` is an event).
fn defers(part: &str) -> bool {
    part.starts_with("theo ") && !part.starts_with("theo yêu cầu")
}

/// Splits on `hoặc` and on a slash between words (`Định kỳ/đột xuất`), keeping the words.
/// Where alternatives meet: `hoặc` between spaces, or a slash between two letters (`tháng/quý`,
/// the letters with it), left to right without overlaps; what `find_iter` of
/// `\s+hoặc\s+|\p{L}\s*/\s*\p{L}` finds, the slash's letters looked up rather than compiled
/// (the letter class costs a process more to build than every scan of a document).
fn alternative_cuts(part: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    // the next cut of each kind at or after `at`, searched again only once `at` passed its start
    // (the first cut from an earlier point that starts after `at` is the first from `at`), so
    // that a part of many cuts is read once rather than once per cut
    let (mut word, mut slash) = (None, None);
    loop {
        if word.as_ref().is_none_or(|w: &Option<std::ops::Range<usize>>| w.as_ref().is_some_and(|r| r.start < at)) {
            word = Some(OR_WORD.captures_at(part, at).map(|c| c.whole()));
        }
        if slash.as_ref().is_none_or(|w: &Option<std::ops::Range<usize>>| w.as_ref().is_some_and(|r| r.start < at)) {
            slash = Some(slash_between_letters(part, at));
        }
        let (word, slash) = (word.clone().flatten(), slash.clone().flatten());
        // a cut by the word starts on a space, one by the slash on a letter: never both at once
        let Some(next) = [word, slash].into_iter().flatten().min_by_key(|r| r.start) else {
            break;
        };
        at = next.end;
        out.push(next);
    }
    out
}

/// The first slash with a letter before it (spaces between) starting at or after `at`, and a
/// letter after it (spaces between): from the letter before to the end of the letter after.
fn slash_between_letters(part: &str, at: usize) -> Option<std::ops::Range<usize>> {
    part[at..].match_indices('/').map(|(q, _)| at + q).find_map(|q| {
        let before = part[..q].trim_end_matches(classes::is_space);
        let first = before.chars().next_back().filter(|&c| classes::is_letter(c))?;
        let start = before.len() - first.len_utf8();
        let after = part[q + 1..].trim_start_matches(classes::is_space);
        let last = after.chars().next().filter(|&c| classes::is_letter(c))?;
        let end = part.len() - after.len() + last.len_utf8();
        (start >= at).then_some(start..end)
    })
}

fn split_alternatives(part: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut last = 0;
    for m in alternative_cuts(part) {
        let s = &part[m.clone()];
        let (cut_start, cut_end) = match s.find('/') {
            Some(i) if !s.trim().starts_with("hoặc") => {
                let a = m.start + s[..i].trim_end().len();
                (a, m.start + i + 1)
            }
            _ => (m.start, m.end),
        };
        out.push(part[last..cut_start].trim().to_string());
        last = cut_end;
    }
    out.push(part[last..].trim().to_string());
    out.retain(|a| !a.is_empty());
    out
}

fn code_alternative(alt: &str, plan_year: Option<i32>) -> Option<Coded> {
    if let Some(c) = continuous(alt) {
        return Some(c);
    }
    if let Some(c) = periodic(alt) {
        return Some(c);
    }
    if EVENT.captures(alt).is_some() {
        return Some(Coded::new("event"));
    }
    timed(alt, plan_year)
}

/// `Thường xuyên`, `liên tục`; `Thường xuyên khi có thay đổi ...` is triggered by an event.
fn continuous(alt: &str) -> Option<Coded> {
    let word = ["thường xuyên", "liên tục"].iter().find_map(|w| alt.find(w).map(|i| i + w.len()))?;
    if alt[word..].trim_start().starts_with("khi ") {
        return Some(Coded::new("event"));
    }
    Some(Coded { recurrence: Some("continuous"), ..Coded::new("recurring") })
}

/// `Hàng tháng`, `Định kỳ hàng quý`, `06 tháng/ 01 lần`, bare `Định kỳ` (no cadence).
fn periodic(alt: &str) -> Option<Coded> {
    let recurring = |r: Option<&'static str>| Some(Coded { recurrence: r, ..Coded::new("recurring") });
    if let Some(c) = EVERY.captures(alt) {
        return recurring(Some(match c.get(1)? {
            "ngày" => "daily",
            "tuần" => "weekly",
            "tháng" => "monthly",
            "quý" => "quarterly",
            _ => "yearly",
        }));
    }
    if let Some(c) = EVERY_N_MONTHS.captures(alt) {
        return recurring(match c.get(1)?.parse::<u32>().ok()? {
            1 => Some("monthly"),
            3 => Some("quarterly"),
            6 => Some("semiannual"),
            12 => Some("yearly"),
            _ => None,
        });
    }
    if let Some(c) = NEXT_PERIOD.captures(alt) {
        return recurring(Some(match c.get(1)? {
            "tháng" => "monthly",
            "quý" => "quarterly",
            _ => "yearly",
        }));
    }
    if alt.contains("định kỳ") {
        return recurring(None);
    }
    None
}

/// Dates and periods: a by-date (`Chậm nhất ...`) keeps the end of its first time, a
/// bare day is a `date`, anything else the union of the periods named.
fn timed(alt: &str, plan_year: Option<i32>) -> Option<Coded> {
    let atoms: Vec<(Span, bool)> = ATOM.captures_iter(alt).filter_map(|c| atom(&c, plan_year)).collect();
    let (first, first_is_day) = *atoms.first()?;
    if let Some(m) = BY_DATE.captures(alt) {
        if ATOM.captures(alt).is_some_and(|a| a.whole().start >= m.whole().start) {
            return Some(Coded { span: Some(first), by_date: true, ..Coded::new("date") });
        }
    }
    if atoms.len() == 1 && OPEN_START.captures(alt.trim()).is_some() && !alt.contains("đến") {
        return Some(Coded { span: Some(first), open_end: true, ..Coded::new("period") });
    }
    if atoms.len() == 1 && first_is_day {
        return Some(Coded { span: Some(first), ..Coded::new("date") });
    }
    let span = atoms.iter().map(|a| a.0).reduce(Span::union)?;
    Some(Coded { span: Some(span), ..Coded::new("period") })
}

/// One time expression as a span of days, and whether it is a single day.
fn atom(c: &grammar::Caps, plan_year: Option<i32>) -> Option<(Span, bool)> {
    // the groups of ATOM_PATTERN by number: d 1, dm 2, dy 3, d2 4, dm2 5, dy2 6, d3 7, dm3 8,
    // d4 9, dm4 10, half 11, hy 12, q 13, qy 14, m 15, my 16, ya 17, yb 18, y 19
    let n = |i: usize| c.get(i).and_then(|g| g.parse::<u32>().ok());
    let year = |i: usize| n(i).map(|y| y as i32).or(plan_year);
    if let (Some(d), Some(m), Some(y)) = (n(1).or(n(4)), n(2).or(n(5)), n(3).or(n(6))) {
        return valid(y as i32, m, d).then(|| (Span::day(y as i32, m, d), true));
    }
    if let (Some(d), Some(m), Some(y)) = (n(7).or(n(9)), n(8).or(n(10)), plan_year) {
        return valid(y, m, d).then(|| (Span::day(y, m, d), true));
    }
    if let Some(h) = c.get(11) {
        let (a, b) = if h == "đầu" { (1, 6) } else { (7, 12) };
        return Some((Span::months(year(12)?, a, b), false));
    }
    if let Some(q) = c.get(13).and_then(quarter_number) {
        return Some((Span::months(year(14)?, q * 3 - 2, q * 3), false));
    }
    if let Some(m) = n(15).filter(|m| (1..=12).contains(m)) {
        return Some((Span::months(year(16)?, m, m), false));
    }
    if let (Some(a), Some(b)) = (n(17), n(18)) {
        let (a, b) = (a as i32, b as i32);
        return (a <= b && valid(b, 1, 1)).then(|| (Span::months(a, 1, 12).union(Span::months(b, 1, 12)), false));
    }
    n(19).map(|y| (Span::months(y as i32, 1, 12), false))
}

/// The whole year a recurring deadline is bounded by (`Thường xuyên trong năm 2024`).
fn year_span(part: &str) -> Option<Span> {
    let y: i32 = YEAR.captures(part)?.get(1)?.parse().ok()?;
    valid(y, 1, 1).then(|| Span::months(y, 1, 12))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::check::{check_long, check_same, long_texts};
    use regex::Regex;

    #[test]
    fn long_lines_answer_as_the_patterns_without_overflowing() {
        let pieces =
            ["(", "(a", " ", " -", "1", "a", "1 tháng ", "quý i", "năm ", "hằng ", " hoặc", "sau ", "thực hiện "];
        let grammars = [
            &PARENS,
            &PART_SPLIT,
            &LABEL,
            &OR_WORD,
            &EVERY,
            &EVERY_N_MONTHS,
            &EVENT,
            &BY_DATE,
            &ATOM,
            &NEXT_PERIOD,
            &OPEN_START,
            &YEAR,
        ];
        for grammar in grammars {
            for text in long_texts(&pieces) {
                check_long(grammar, text);
            }
        }
        let cell = format!("{}2025", "quý i/".repeat(100_000));
        assert!(code(&cell, Some(2025)).is_some());
    }

    #[test]
    fn the_grammars_are_their_patterns() {
        let pieces = [
            "12",
            "5",
            "2025",
            "/",
            ".",
            "-",
            "–",
            " ",
            "tháng",
            "năm",
            ",",
            "6",
            "06",
            "sáu",
            "đầu",
            "cuối",
            "quý",
            "iv",
            "i",
            "ii",
            "3",
            "giai đoạn",
            "\u{A0}",
            "x",
            "ngày",
            "Năm",
            "ı",
            "0",
            "quý iii/2025",
            "tháng 5 năm 2025",
            "năm 2024 - 2025",
            "12/5/2025",
            "6 tháng đầu năm",
            " 2026",
            "5 tháng 6",
        ];
        assert!(check_same(&ATOM, &pieces, 31) > 30000);
        let pieces = [
            "theo dõi",
            ":",
            " ",
            "thường xuyên",
            "1",
            "a",
            "\n",
            "\u{A0}",
            "x:",
            "hàng",
            "hằng",
            "mỗi",
            "ngày",
            "tuần",
            "tháng",
            "quý",
            "năm",
            "3",
            "/",
            "một",
            "01",
            "lần",
            "trước",
            "sau",
            "liền",
            "kề",
            "bắt",
            "đầu",
            "khởi động",
            "thực hiện",
            "từ",
            "_",
            "hằng tháng",
            "mỗi quý ",
            "3 tháng/1 lần",
            "06 tháng 01 lần",
            "tháng trước liền kề",
            "quý liền kề ",
            "bắt đầu ",
            "thực hiện từ năm",
            "theo dõi: ",
            "từ quý",
        ];
        assert!(check_same(&LABEL, &pieces, 32) > 2000);
        assert!(check_same(&EVERY, &pieces, 33) > 2000);
        assert!(check_same(&EVERY_N_MONTHS, &pieces, 34) > 5000);
        assert!(check_same(&NEXT_PERIOD, &pieces, 35) > 1500);
        assert!(check_same(&OPEN_START, &pieces, 36) > 500);
        let pieces = [
            "ngay",
            "sau",
            "khi",
            " ",
            "theo",
            "yêu cầu",
            "đột xuất",
            "trong",
            "thời gian",
            "vòng",
            "15",
            "ngày",
            "kể từ",
            "sau khi",
            "chậm nhất",
            "muộn nhất",
            "trước",
            "hạn chót",
            "hạn cuối",
            "không muộn hơn",
            "không quá",
            "x",
            "\u{A0}",
            "_",
            "ngay khi ",
            "sau 15 ngày",
            "trong vòng 7 ngày",
            "kể từ ",
        ];
        assert!(check_same(&EVENT, &pieces, 37) > 4000);
        assert!(check_same(&BY_DATE, &pieces, 38) > 1400);
    }

    #[test]
    fn brackets_and_parts_are_those_of_their_patterns() {
        let pieces = ["(", ")", "a", " ", "-", ";", "\n", "\u{A0}", "quý", "năm", "2025", "hoặc", "\t-", "x)"];
        assert!(check_same(&PARENS, &pieces, 51) > 5000);
        assert!(check_same(&PART_SPLIT, &pieces, 52) > 5000);
        assert!(check_same(&OR_WORD, &pieces, 53) > 1000);
        assert!(check_same(&YEAR, &pieces, 54) > 50);
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let parens = Regex::new(r"\([^()]*\)?").expect("a test pattern");
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let split = Regex::new(r";|\s-\s*|^\s*-|\n").expect("a test pattern");
        for text in sohoa_doc::sample::texts(55, &pieces, 20_000, 59) {
            assert_eq!(without_brackets(&text), parens.replace_all(&text.to_lowercase(), " "), "{text:?}");
            assert_eq!(parts(&text), split.split(&text).collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn alternative_cuts_are_those_of_the_one_pattern() {
        let one = Regex::new(r"\s+hoặc\s+|(?:\p{L})\s*/\s*(?:\p{L})").expect("a test pattern");
        let pieces = ["tháng", "/", " ", "hoặc", "quý", "a", "1", "\u{A0}", "Ⅻ", "ǅ", "\t", "/ ", " hoặc ", "-"];
        let mut found = 0;
        for text in sohoa_doc::sample::texts(9, &pieces, 40_000, 60) {
            let theirs: Vec<_> = one.find_iter(&text).map(|m| m.range()).collect();
            found += theirs.len();
            assert_eq!(alternative_cuts(&text), theirs, "{text:?}");
        }
        assert!(found > 1000, "{found}");
    }
}
