//! The document's own header fields: kind, number, place and date, title, issuer, year.

use once_cell::sync::Lazy;
use sohoa_doc::classes;
use sohoa_doc::fold_key;
use sohoa_doc::vocab::units::{BODY_TYPES, LEVELS};

use crate::grammar::{self, digits, Grammar, G, SPACE, SPACES};

/// Document type titles and their `kind` codes.
pub const KINDS: &[(&str, &str)] = &[
    ("QUYẾT ĐỊNH", "quyet_dinh"),
    ("KẾ HOẠCH", "ke_hoach"),
    ("BÁO CÁO", "bao_cao"),
    ("CÔNG VĂN", "cong_van"),
    ("THÔNG BÁO", "thong_bao"),
    ("TỜ TRÌNH", "to_trinh"),
    ("CHỈ THỊ", "chi_thi"),
    ("NGHỊ QUYẾT", "nghi_quyet"),
];

/// The folded type titles, each with its kind (the first listed for a key), and the most words in one.
static KIND_KEYS: Lazy<(std::collections::HashMap<String, &'static str>, usize)> = Lazy::new(|| {
    let mut keys = std::collections::HashMap::new();
    for (t, k) in KINDS {
        keys.entry(fold_key(t)).or_insert(*k);
    }
    (keys, KINDS.iter().map(|(t, _)| t.split_whitespace().count()).max().unwrap_or(0))
});

/// The `kind` code of a type title line (`KẾ HOẠCH`, `QUYẾT ĐỊNH:`), if it is one.
pub fn kind_of_title(text: &str) -> Option<&'static str> {
    let line = text.trim().trim_end_matches(':');
    let (keys, most_words) = &*KIND_KEYS;
    // a key has as many words as its line: a longer line is no title, unfolded
    if line.split_whitespace().nth(*most_words).is_some() {
        return None;
    }
    keys.get(&crate::folded::fold_words(line)).copied()
}

/// A type title and its trích yếu printed on one line (`BÁO CÁO Công tác cải cách ...`,
/// `TỜ TRÌNH Về việc ...`): the kind and the trích yếu.
pub fn kind_and_title_inline(line: &str) -> Option<(&'static str, String)> {
    let line = line.trim();
    KINDS.iter().find_map(|(t, k)| {
        let rest = line.strip_prefix(t)?.strip_prefix(' ')?.trim();
        let sentence = rest.chars().next().is_some_and(char::is_uppercase) && rest.chars().any(char::is_lowercase);
        sentence.then(|| (*k, crate::words::one_line(rest)))
    })
}

/// The `kind` a number's symbol implies (`QĐ-UBND` → `quyet_dinh`).
pub fn kind_of_symbol(number: &str) -> Option<&'static str> {
    let sym = number.rsplit('/').next()?.split('-').next()?.trim();
    Some(match sym {
        "QĐ" => "quyet_dinh",
        "KH" => "ke_hoach",
        "BC" => "bao_cao",
        "TB" => "thong_bao",
        "TTr" => "to_trinh",
        "CT" => "chi_thi",
        "NQ" => "nghi_quyet",
        // Other types of Nghị định 30/2020 (Phụ lục III): not kinds of the contract.
        "TT" | "TTLT" | "NĐ" | "HD" | "QC" | "QyĐ" | "CTr" | "ĐA" | "PA" | "KL" | "CĐ" | "GM" | "BB" | "HĐ" | "GUQ"
        | "GGT" | "PC" | "L" | "PL" | "SL" => "other",
        _ if sym.chars().all(char::is_uppercase) && number.contains('/') => "cong_van",
        _ => return None,
    })
}

/// What [`NUMBER_PATTERN`] matches (group 1 is `n`).
static NUMBER: Grammar = Grammar::new(
    NUMBER_PATTERN,
    1,
    &[
        G::Start,
        SPACES,
        G::Fold("số"),
        SPACES,
        G::Lit(":"),
        SPACES,
        G::Group(
            1,
            &G::Seq(&[
                G::Rep { class: symbol_char, min: 0, max: usize::MAX, lazy: false },
                SPACES,
                G::Lit("/"),
                SPACES,
                G::Rep { class: symbol_char, min: 1, max: usize::MAX, lazy: false },
                G::Star(&G::Seq(&[
                    SPACES,
                    G::Rep { class: dash, min: 1, max: 1, lazy: false },
                    SPACES,
                    G::Rep { class: symbol_char_or_ampersand, min: 1, max: usize::MAX, lazy: false },
                ])),
                G::Opt(&G::Seq(&[
                    SPACES,
                    G::Lit("/"),
                    SPACES,
                    G::Rep { class: symbol_char_or_hyphen, min: 1, max: usize::MAX, lazy: false },
                ])),
            ]),
        ),
    ],
);
const NUMBER_PATTERN: &str = r"(?i)^\s*Số\s*:\s*(?P<n>[0-9A-Za-zĐđ]*\s*/\s*[0-9A-Za-zĐđ]+(?:\s*[-–]\s*[0-9A-Za-zĐđ&]+)*(?:\s*/\s*[0-9A-Za-zĐđ-]+)?)";

/// `(?i)[0-9A-Za-zĐđ]`: with the Kelvin sign and the long s, which fold to `k` and `s`.
fn symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ' | '\u{212A}' | '\u{17F}')
}

/// `(?i)[0-9A-Za-zĐđ&]`
fn symbol_char_or_ampersand(c: char) -> bool {
    symbol_char(c) || c == '&'
}

/// `(?i)[0-9A-Za-zĐđ-]`
fn symbol_char_or_hyphen(c: char) -> bool {
    symbol_char(c) || c == '-'
}

/// `[-–]`
fn dash(c: char) -> bool {
    matches!(c, '-' | '–')
}

/// `Số: 11 /QĐ-UBND` → `11/QĐ-UBND`; `Số: /KH - UBND` → `/KH-UBND`.
pub fn number(line: &str) -> Option<String> {
    let caps = NUMBER.captures(line)?;
    Some(caps.get(1)?.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace('–', "-"))
}

/// The date after a place, from the spaces that end the place: `, ngày 07 tháng 01 năm 2025`;
/// what `^\s*,\s*ngày\s*(?P<d>[0-9]{1,2})?\s*(?:tháng\s*)?(?P<m>[0-9]{1,2})?\s*(?:năm\s*)?(?P<y>[0-9]{4})`
/// matches (`d`, `m`, `y`: groups 1 to 3).
static DATE_AFTER_PLACE: Grammar = Grammar::new(
    r"^\s*,\s*ngày\s*(?P<d>[0-9]{1,2})?\s*(?:tháng\s*)?(?P<m>[0-9]{1,2})?\s*(?:năm\s*)?(?P<y>[0-9]{4})",
    3,
    &[
        G::Start,
        SPACES,
        G::Lit(","),
        SPACES,
        G::Lit("ngày"),
        SPACES,
        G::Opt(&G::Group(1, &digits(1, 2))),
        SPACES,
        G::Opt(&G::Seq(&[G::Lit("tháng"), SPACES])),
        G::Opt(&G::Group(2, &digits(1, 2))),
        SPACES,
        G::Opt(&G::Seq(&[G::Lit("năm"), SPACES])),
        G::Group(3, &digits(4, 4)),
    ],
);

/// The first place and the date after it on a line: what
/// `(?P<place>[\p{Lu}][\p{L}'’. -]*?)` followed by [`DATE_AFTER_PLACE`] matches, the place
/// scanned back from each comma rather than compiled (its letter classes cost a process more
/// to build than every scan of a document). A place cannot hold a comma, so the place before
/// the first comma that has one and a date after it is the leftmost match; the lazy place
/// ends where the spaces before its comma start, and starts at the first capital of the run
/// of place characters before that.
fn place_and_date(line: &str) -> Option<(&str, grammar::Caps<'_>)> {
    let place_char = |c: char| matches!(c, '\'' | '’' | '.' | ' ' | '-') || classes::is_letter(c);
    line.match_indices(',').find_map(|(comma, _)| {
        let end = line[..comma].trim_end_matches(classes::is_space).len();
        let run = line[..end].char_indices().rev().take_while(|&(_, c)| place_char(c)).last()?.0;
        let start = run + line[run..end].find(classes::is_upper)?;
        Some((&line[start..end], DATE_AFTER_PLACE.captures(&line[end..])?))
    })
}

/// Place, ISO date and the year printed on a date line: `Hòa Bình, ngày 07 tháng 01 năm 2025`
/// → (`Hòa Bình`, `2025-01-07`, 2025); the date is `None` when the day or month is blank.
pub fn place_date_year(line: &str) -> Option<(String, Option<String>, i32)> {
    let (place, caps) = place_and_date(line)?;
    let place = crate::words::one_line(place);
    let place = place.rsplit("  ").next().unwrap_or(&place).trim().to_string();
    let y: i32 = caps.get(3)?.parse().ok()?;
    let date = match (caps.get(1), caps.get(2)) {
        (Some(d), Some(m)) => iso(y, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    };
    Some((strip_number_prefix(&place), date, y))
}

/// A place that shares its line with the number (`/QĐ-UBND Tân Lập`) loses it:
/// leading words with digits, `/`, `-`, or in capitals (`UBND`) go.
fn strip_number_prefix(place: &str) -> String {
    let words: Vec<&str> = place.split_whitespace().collect();
    let symbolic = |w: &&str| {
        w.contains(['/', '-', ':'])
            || w.chars().any(|c| c.is_ascii_digit())
            || (w.chars().count() > 1 && w.chars().all(char::is_uppercase))
    };
    let keep = words.iter().rposition(symbolic).map_or(0, |i| i + 1);
    words[keep..].join(" ")
}

/// An ISO day, or `None` when it is not a real date.
pub fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    let days = [
        31,
        if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m).then_some(())?;
    (d >= 1 && d <= days[m as usize - 1]).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// What `(?i)(?:ỦY|UỶ) BAN NHÂN DÂN|UBND` matches (its spaces single spaces).
static ISSUER: Grammar = Grammar::new(
    r"(?i)(?:ỦY|UỶ) BAN NHÂN DÂN|UBND",
    0,
    &[G::Alt(&[
        G::Seq(&[
            G::Alt(&[G::Fold("ủy"), G::Fold("uỷ")]),
            G::Lit(" "),
            G::Fold("ban"),
            G::Lit(" "),
            G::Fold("nhân"),
            G::Lit(" "),
            G::Fold("dân"),
        ]),
        G::Fold("ubnd"),
    ])],
);

/// `ỦY BAN NHÂN DÂN XÃ HÒA BÌNH` / `Ủy ban nhân dân thị trấn An Thạnh xây dựng ...` → `UBND xã Hòa Bình`.
pub fn issuer(text: &str) -> Option<String> {
    let m = ISSUER.captures(text)?.whole();
    let rest = text[m.end..].trim_start();
    let lower = rest.to_lowercase();
    let level = LEVELS.iter().find(|l| lower.starts_with(*l))?;
    let after = rest[level.len()..].trim_start();
    let name: Vec<String> = after
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(title_case)
        .collect();
    if name.is_empty() {
        return None;
    }
    Some(format!("UBND {} {}", level, name.join(" ")))
}

/// `ĐA` → `Đa`, `Lộc` stays.
fn title_case(word: &str) -> String {
    let mut cs = word.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    }
}

/// What `(?i)(?:(đến|tới)\s+(?:hết\s+)?)?năm\s+([0-9]{4})` matches.
static YEAR: Grammar = Grammar::new(
    r"(?i)(?:(đến|tới)\s+(?:hết\s+)?)?năm\s+([0-9]{4})",
    2,
    &[
        G::Opt(&G::Seq(&[
            G::Group(1, &G::Alt(&[G::Fold("đến"), G::Fold("tới")])),
            SPACE,
            G::Opt(&G::Seq(&[G::Fold("hết"), SPACE])),
        ])),
        G::Fold("năm"),
        SPACE,
        G::Group(2, &digits(4, 4)),
    ],
);
/// What `\b((?:19|20)[0-9]{2})\s*[-–]\s*(?:19|20)[0-9]{2}\b` matches.
static SPAN: Grammar = Grammar::new(
    r"\b((?:19|20)[0-9]{2})\s*[-–]\s*(?:19|20)[0-9]{2}\b",
    1,
    &[
        G::Boundary,
        G::Group(1, &G::Seq(&[G::Alt(&[G::Lit("19"), G::Lit("20")]), digits(2, 2)])),
        SPACES,
        G::Rep { class: dash, min: 1, max: 1, lazy: false },
        SPACES,
        G::Alt(&[G::Lit("19"), G::Lit("20")]),
        digits(2, 2),
        G::Boundary,
    ],
);

/// The year a title names for the plan: the first year of a span (`giai đoạn 2026-2030`),
/// else its last `năm YYYY` that is not an end point (`đến năm 2030` is when it ends).
pub fn year_in(text: &str) -> Option<i32> {
    if let Some(c) = SPAN.captures(text) {
        return c.get(1)?.parse().ok();
    }
    YEAR.captures_iter(text).filter(|c| c.get(1).is_none()).last().and_then(|c| c.get(2)?.parse().ok())
}

/// A letterhead read: its fields, each `None` when not printed.
#[derive(Debug, Default, PartialEq)]
pub struct LetterheadFields {
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub year: Option<i32>,
    /// The `V/v ...` trích yếu of a công văn, wrapped lines joined.
    pub subject: Option<String>,
}

/// The fields of a letterhead's lines (the motto dropped first).
pub fn read_letterhead(lines: &[String]) -> LetterheadFields {
    let lines = sohoa_segment::strip_motto_lines(lines);
    let mut out =
        LetterheadFields { issuer: letterhead_issuer(&lines), subject: subject(&lines), ..LetterheadFields::default() };
    for (i, l) in lines.iter().enumerate() {
        let joined = lines.get(i + 1).map(|n| format!("{l} {n}"));
        if out.number.is_none() && sohoa_segment::is_number_line(l) {
            out.number = number(l).or_else(|| joined.as_deref().and_then(number));
        }
        if out.place.is_none() {
            if let Some((p, d, y)) = place_date_year(l).or_else(|| joined.as_deref().and_then(place_date_year)) {
                (out.place, out.date, out.year) = (Some(p), d, Some(y));
            }
        }
    }
    out
}

/// `V/v ...` and the lower-case lines that continue it.
fn subject(lines: &[String]) -> Option<String> {
    let at = lines.iter().position(|l| sohoa_segment::is_subject(l))?;
    let more = lines[at + 1..].iter().take_while(|l| l.chars().next().is_some_and(char::is_lowercase));
    Some(crate::words::one_line(&std::iter::once(&lines[at]).chain(more).cloned().collect::<Vec<_>>().join(" ")))
}

/// Bodies named on a line without their place (`ỦY BAN NHÂN DÂN` over `TỈNH LÂM ĐỒNG`).
const BARE_BODIES: &[&str] = &["ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG NHÂN DÂN", "HĐND"];

/// Words that carry a body's name on to the next line (`ĐOÀN KIỂM TRA` / `THEO QUYẾT ĐỊNH`).
const CONTINUING: &[&str] = &["THEO", "CỦA", "VỀ", "TẠI", "SỐ", "VÀ"];

/// The issuing body of a letterhead: the last body line above `Số:`, under its governing
/// body (`UBND TỈNH LÀO CAI` / `SỞ CÔNG THƯƠNG` → `Sở Công thương tỉnh Lào Cai`).
fn letterhead_issuer(lines: &[String]) -> Option<String> {
    // Without a number or a date line it is no letterhead of an issuing body (a form's title).
    if !lines.iter().any(|l| sohoa_segment::is_number_line(l) || sohoa_segment::is_place_date(l)) {
        return None;
    }
    let mut units: Vec<String> = Vec::new();
    for l in lines.iter().take_while(|l| !sohoa_segment::is_number_line(l)) {
        let t = l.trim().trim_end_matches(['_', '-', '–', '.', ':', ' ']);
        if !is_body_line(t) {
            continue;
        }
        let after_bare = units.last().is_some_and(|u| BARE_BODIES.iter().any(|b| fold_key(u) == fold_key(b)));
        let continues = CONTINUING.iter().any(|w| t.starts_with(&format!("{w} ")));
        match units.last_mut() {
            Some(u) if after_bare && starts_with_level(t) || continues => *u = format!("{u} {t}"),
            _ => units.push(t.to_string()),
        }
    }
    let issuing = units.last()?;
    let governing = units.len().checked_sub(2).map(|i| units[i].as_str());
    let own = expand_body(issuing);
    if starts_with_level(issuing)
        || own.to_lowercase().split_whitespace().any(|w| LEVELS.contains(&w))
        || issuer(issuing).is_some()
    {
        return Some(own);
    }
    let Some(gov) = governing.and_then(issuer) else { return Some(own) };
    if fold_key(issuing) == fold_key("VĂN PHÒNG") {
        return Some(format!("{own} {gov}"));
    }
    let place = gov.trim_start_matches("UBND ").to_string();
    Some(format!("{own} {place}"))
}

/// A line naming a body: in capitals, no `Số:`, no date, not the draft mark or a rule.
fn is_body_line(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && fold_key(t) != fold_key("DỰ THẢO")
        && fold_key(t) != fold_key("VIỆT NAM")
        && !sohoa_segment::is_place_date(t)
        && !t.to_uppercase().starts_with("V/V")
}

fn starts_with_level(t: &str) -> bool {
    let lower = t.to_lowercase();
    LEVELS.iter().any(|l| lower.starts_with(&format!("{l} ")))
}

/// A body's name in capitals written as a name: `UBND tỉnh Lào Cai`, `Sở Tài chính`,
/// `Sở Nông nghiệp và Môi trường` (one capital for the kind, one for each field).
pub fn expand_body(name: &str) -> String {
    if let Some(u) = issuer(name) {
        return u;
    }
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let lower = words.join(" ");
    let kind_len = BODY_TYPES
        .iter()
        .find(|t| lower == **t || lower.starts_with(&format!("{t} ")))
        .map_or(0, |t| t.split_whitespace().count());
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut capital_next = true;
    for (i, w) in words.iter().enumerate() {
        let rest = format!("{} ", words[i..].join(" "));
        if let Some(level) = LEVELS.iter().find(|l| i > 0 && rest.starts_with(&format!("{l} "))) {
            out.push(level.to_string());
            out.extend(words[i + level.split_whitespace().count()..].iter().map(|w| title_case(w)));
            break;
        }
        out.push(if capital_next || i == kind_len { title_case(w) } else { w.clone() });
        capital_next = w == "và" || w.ends_with(',') || w == "-";
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::check::{check_long, check_same, long_texts};
    use regex::Regex;

    #[test]
    fn long_lines_answer_as_the_patterns_without_overflowing() {
        let crafted = format!("Số: 1/A{}", "-B".repeat(300_000));
        assert!(check_long(&NUMBER, crafted.clone()));
        assert_eq!(number(&crafted).map(|n| n.len()), Some(3 + 2 * 300_000));
        let pieces =
            ["Số: 1/A - B", " ", "1", "a", "-B", "/ ", ", ngày ", "ủy ban ", "đến năm ", "2025 - ", "năm 2025"];
        for grammar in [&NUMBER, &DATE_AFTER_PLACE, &ISSUER, &YEAR, &SPAN] {
            for text in long_texts(&pieces) {
                check_long(grammar, text);
            }
        }
        check_same(&DATE_AFTER_PLACE, &[",", " ", "ngày", "tháng", "năm", "07", "2025", "1", "\u{A0}"], 45);
    }

    #[test]
    fn the_grammars_are_their_patterns() {
        let pieces = [
            "Số",
            "SỐ",
            "số",
            " ",
            ":",
            "11",
            "/",
            "QĐ",
            "UBND",
            "-",
            "–",
            "&",
            "kh",
            "\u{212A}",
            "\u{17F}",
            "ß",
            "\u{A0}",
            "x",
            "Đ",
            ".",
            "ủy",
            "ỦY",
            "UỶ",
            "BAN",
            "ban",
            "NHÂN",
            "nhân",
            "DÂN",
            "dân",
            "uBnD",
            "\t",
            "Số: ",
            "số:",
            "ỦY BAN NHÂN DÂN",
            "Uỷ ban nhân dân",
            "15/KH-UBND",
            " / ",
            "/QĐ",
        ];
        assert!(check_same(&NUMBER, &pieces, 41) > 100);
        assert!(check_same(&ISSUER, &pieces, 42) > 30000);
        let pieces =
            ["đến", "TỚI", "hết", " ", "năm", "NĂM", "2025", "1999", "20", "19", "-", "–", "x", "\u{A0}", "0", "_"];
        assert!(check_same(&YEAR, &pieces, 43) > 600);
        assert!(check_same(&SPAN, &pieces, 44) > 50);
    }

    #[test]
    fn symbol_characters_are_the_folded_class_on_every_code_point() {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(r"(?i)^[0-9A-Za-zĐđ]$").expect("a test pattern");
        let mut buf = [0u8; 4];
        let mut found = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let theirs = one.is_match(c.encode_utf8(&mut buf));
            assert_eq!(symbol_char(c), theirs, "{:X}", c as u32);
            found += usize::from(theirs);
        }
        assert_eq!(found, 10 + 52 + 2 + 2);
    }

    #[test]
    fn place_and_date_is_the_place_date_pattern() {
        let one = Regex::new(r"(?P<place>[\p{Lu}][\p{L}'’. -]*?)\s*,\s*ngày\s*(?P<d>[0-9]{1,2})?\s*(?:tháng\s*)?(?P<m>[0-9]{1,2})?\s*(?:năm\s*)?(?P<y>[0-9]{4})")
            .expect("a test pattern");
        let pieces = [
            "Hà",
            " ",
            "Nội",
            ",",
            " ngày ",
            "ngày",
            "07",
            " tháng ",
            "01",
            " năm ",
            "2025",
            "\t",
            "\u{A0}",
            "’",
            "-",
            ".",
            "hà",
            "Đ",
            "1",
            "ǅ",
            "x",
            "/QĐ-UBND",
            ", ngày ",
            "năm 2024",
            " Sơn",
        ];
        let mut seed = 11u64;
        let mut found = 0;
        for _ in 0..40_000 {
            let mut line = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            for _ in 0..(seed >> 60) + 2 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let ours = place_and_date(&line)
                .map(|(p, c)| (p.to_string(), [c.get(1), c.get(2), c.get(3)].map(|g| g.map(str::to_string))));
            let theirs = one.captures(&line).map(|c| {
                (
                    c["place"].to_string(),
                    [c.name("d"), c.name("m"), c.name("y")].map(|g| g.map(|m| m.as_str().to_string())),
                )
            });
            found += usize::from(theirs.is_some());
            assert_eq!(ours, theirs, "{line:?}");
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn numbers() {
        assert_eq!(number("Số: 11 /QĐ-UBND").as_deref(), Some("11/QĐ-UBND"));
        assert_eq!(number("Số: /KH - UBND").as_deref(), Some("/KH-UBND"));
        assert_eq!(number(" Số:        /QĐ-UBND Tân Lập, ngày 23").as_deref(), Some("/QĐ-UBND"));
        assert_eq!(number("Số: 169/KH-UBND").as_deref(), Some("169/KH-UBND"));
    }

    #[test]
    fn places_and_dates() {
        assert_eq!(
            place_date_year("Hòa Bình, ngày 07 tháng 01 năm 2025"),
            Some(("Hòa Bình".into(), Some("2025-01-07".into()), 2025))
        );
        assert_eq!(place_date_year("Kim Sơn, ngày tháng 02 năm 2023"), Some(("Kim Sơn".into(), None, 2023)));
        assert_eq!(
            place_date_year("Số:        /QĐ-UBND Tân Lập, ngày 23 tháng 01 năm 2024"),
            Some(("Tân Lập".into(), Some("2024-01-23".into()), 2024))
        );
    }

    #[test]
    fn issuers() {
        assert_eq!(issuer("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH").as_deref(), Some("UBND xã Hòa Bình"));
        assert_eq!(
            issuer("Ủy ban nhân dân thị trấn An Thạnh xây dựng Kế hoạch").as_deref(),
            Some("UBND thị trấn An Thạnh")
        );
        assert_eq!(issuer("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN LẬP").as_deref(), Some("UBND xã Tân Lập"));
    }

    fn v(lines: &[&str]) -> Vec<String> {
        lines.iter().map(std::string::ToString::to_string).collect()
    }

    #[test]
    fn letterhead_issuer_expands_under_its_governing_body() {
        let f = read_letterhead(&v(&[
            "UBND TỈNH LÀO CAI",
            "SỞ CÔNG THƯƠNG",
            "Số: /KH-SCT",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lào Cai, ngày tháng 4 năm 2026",
        ]));
        assert_eq!(f.issuer.map(|i| i.to_lowercase()).as_deref(), Some("sở công thương tỉnh lào cai"));
        assert_eq!(
            (f.number.as_deref(), f.place.as_deref(), f.date, f.year),
            (Some("/KH-SCT"), Some("Lào Cai"), None, Some(2026))
        );
        let f = read_letterhead(&v(&[
            "ỦY BAN NHÂN DÂN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH LÂM ĐỒNG",
            "Độc lập - Tự do - Hạnh phúc",
            "Số:",
            "/BC-UBND",
            "Lâm Đồng, ngày",
            "tháng 12 năm 2025",
        ]));
        assert_eq!(
            (f.issuer.as_deref(), f.number.as_deref(), f.place.as_deref(), f.year),
            (Some("UBND tỉnh Lâm Đồng"), Some("/BC-UBND"), Some("Lâm Đồng"), Some(2025))
        );
        let f = read_letterhead(&v(&[
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
            "Số: /UBND-KT",
            "V/v tăng cường công tác quản lý",
            "khoáng sản trên địa bàn",
            "Lào Cai, ngày tháng năm 2026",
        ]));
        assert_eq!(f.issuer.as_deref(), Some("UBND tỉnh Lào Cai"));
        assert_eq!(f.subject.as_deref(), Some("V/v tăng cường công tác quản lý khoáng sản trên địa bàn"));
        assert_eq!(expand_body("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"), "Sở Nông nghiệp và Môi trường");
        assert_eq!(
            expand_body("PHÒNG TÀI CHÍNH - KẾ HOẠCH HUYỆN VĨNH TƯỜNG"),
            "Phòng Tài chính - Kế hoạch huyện Vĩnh Tường"
        );
        let f = read_letterhead(&v(&["ỦY BAN NHÂN DÂN _", "TỈNH LÀO CAI", "Số: 11/2026/QĐ-UBND"]));
        assert_eq!(f.issuer.as_deref(), Some("UBND tỉnh Lào Cai"));
        assert_eq!(read_letterhead(&v(&["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐƠN ĐĂNG KÝ KINH DOANH"])).issuer, None);
        let f = read_letterhead(&v(&["UBND TỈNH LÀO CAI", "VĂN PHÒNG", "Số: 5/VP"]));
        assert_eq!(f.issuer.as_deref(), Some("Văn phòng UBND tỉnh Lào Cai"));
    }

    #[test]
    fn symbols_of_other_types() {
        assert_eq!(kind_of_symbol("01/2006/TT-NHNN"), Some("other"));
        assert_eq!(kind_of_symbol("/UBND-KT"), Some("cong_van"));
        assert_eq!(kind_of_symbol("/KH-UBND"), Some("ke_hoach"));
    }

    #[test]
    fn title_on_the_type_line() {
        assert_eq!(
            kind_and_title_inline("TỜ TRÌNH Về việc trình ký dự thảo Kế hoạch"),
            Some(("to_trinh", "Về việc trình ký dự thảo Kế hoạch".to_string()))
        );
        assert_eq!(kind_and_title_inline("KẾ HOẠCH"), None);
        assert_eq!(kind_and_title_inline("BÁO CÁO KẾT QUẢ"), None);
    }

    #[test]
    fn plan_years() {
        assert_eq!(year_in("Cải cách hành chính nhà nước giai đoạn 2026 - 2030 của tỉnh Lâm Đồng"), Some(2026));
        assert_eq!(year_in("Triển khai thực hiện Chương trình phòng, chống ma túy đến năm 2030"), None);
        assert_eq!(year_in("Kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn tỉnh"), Some(2026));
    }
}
