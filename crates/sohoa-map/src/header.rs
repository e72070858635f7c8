//! The document's own header fields: kind, number, place and date, title, issuer, year.

use once_cell::sync::Lazy;
use regex::Regex;
use sohoa_extract::normalize::fold_key;

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

/// The `kind` code of a type title line (`KẾ HOẠCH`, `QUYẾT ĐỊNH:`), if it is one.
pub fn kind_of_title(text: &str) -> Option<&'static str> {
    let key = fold_key(text.trim().trim_end_matches(':'));
    KINDS.iter().find(|(t, _)| fold_key(t) == key).map(|(_, k)| *k)
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
        _ if sym.chars().all(|c| c.is_uppercase()) && number.contains('/') => "cong_van",
        _ => return None,
    })
}

static NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*Số\s*:\s*(?P<n>[0-9A-Za-zĐđ]*\s*/\s*[0-9A-Za-zĐđ]+(?:\s*[-–]\s*[0-9A-Za-zĐđ&]+)*(?:\s*/\s*[0-9A-Za-zĐđ-]+)?)")
        .expect("static regex") // invariant: valid literal
});

/// `Số: 11 /QĐ-UBND` → `11/QĐ-UBND`; `Số: /KH - UBND` → `/KH-UBND`.
pub fn number(line: &str) -> Option<String> {
    let caps = NUMBER.captures(line)?;
    Some(caps["n"].chars().filter(|c| !c.is_whitespace()).collect::<String>().replace('–', "-"))
}

static PLACE_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?P<place>[\p{Lu}][\p{L}'’. -]*?)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*(?:tháng\s*)?(?P<m>\d{1,2})?\s*(?:năm\s*)?(?P<y>\d{4})")
        .expect("static regex") // invariant: valid literal
});

/// `Hòa Bình, ngày 07 tháng 01 năm 2025` → (`Hòa Bình`, `2025-01-07`); the date is
/// `None` when the day or month is blank.
pub fn place_date(line: &str) -> Option<(String, Option<String>)> {
    let caps = PLACE_DATE.captures(line)?;
    let place = crate::words::one_line(&caps["place"]);
    let place = place.rsplit("  ").next().unwrap_or(&place).trim().to_string();
    let y: i32 = caps["y"].parse().ok()?;
    let date = match (caps.name("d"), caps.name("m")) {
        (Some(d), Some(m)) => iso(y, m.as_str().parse().ok()?, d.as_str().parse().ok()?),
        _ => None,
    };
    Some((strip_number_prefix(&place), date))
}

/// A place that shares its line with the number (`/QĐ-UBND Tân Lập`) loses it:
/// leading words with digits, `/`, `-`, or in capitals (`UBND`) go.
fn strip_number_prefix(place: &str) -> String {
    let words: Vec<&str> = place.split_whitespace().collect();
    let symbolic = |w: &&str| {
        w.contains(['/', '-', ':']) || w.chars().any(|c| c.is_ascii_digit()) || (w.chars().count() > 1 && w.chars().all(char::is_uppercase))
    };
    let keep = words.iter().rposition(symbolic).map_or(0, |i| i + 1);
    words[keep..].join(" ")
}

/// An ISO day, or `None` when it is not a real date.
pub fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    let days = [31, if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m).then_some(())?;
    (d >= 1 && d <= days[m as usize - 1]).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

static ISSUER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:ỦY|UỶ) BAN NHÂN DÂN|UBND")
        .expect("static regex") // invariant: valid literal
});

/// Administrative levels, longest first so that `thị trấn` wins over `thị`.
const LEVELS: &[&str] = &["thành phố", "thị trấn", "thị xã", "huyện", "tỉnh", "quận", "phường", "xã"];

/// `ỦY BAN NHÂN DÂN XÃ HÒA BÌNH` / `Ủy ban nhân dân thị trấn An Thạnh xây dựng ...` → `UBND xã Hòa Bình`.
pub fn issuer(text: &str) -> Option<String> {
    let m = ISSUER.find(text)?;
    let rest = text[m.end()..].trim_start();
    let lower = rest.to_lowercase();
    let level = LEVELS.iter().find(|l| lower.starts_with(*l))?;
    let after = rest[level.len()..].trim_start();
    let name: Vec<String> = after.split_whitespace().take_while(|w| w.chars().next().is_some_and(char::is_uppercase)).map(title_case).collect();
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

static YEAR: Lazy<Regex> = Lazy::new(|| Regex::new(r"năm\s+(\d{4})").expect("static regex")); // invariant: valid literal

/// The last `năm YYYY` of a title, the year the plan is for.
pub fn year_in(text: &str) -> Option<i32> {
    YEAR.captures_iter(text).last().and_then(|c| c[1].parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number("Số: 11 /QĐ-UBND").as_deref(), Some("11/QĐ-UBND"));
        assert_eq!(number("Số: /KH - UBND").as_deref(), Some("/KH-UBND"));
        assert_eq!(number(" Số:        /QĐ-UBND Tân Lập, ngày 23").as_deref(), Some("/QĐ-UBND"));
        assert_eq!(number("Số: 169/KH-UBND").as_deref(), Some("169/KH-UBND"));
    }

    #[test]
    fn places_and_dates() {
        assert_eq!(place_date("Hòa Bình, ngày 07 tháng 01 năm 2025"), Some(("Hòa Bình".into(), Some("2025-01-07".into()))));
        assert_eq!(place_date("Kim Sơn, ngày tháng 02 năm 2023"), Some(("Kim Sơn".into(), None)));
        assert_eq!(place_date("Số:        /QĐ-UBND Tân Lập, ngày 23 tháng 01 năm 2024"), Some(("Tân Lập".into(), Some("2024-01-23".into()))));
    }

    #[test]
    fn issuers() {
        assert_eq!(issuer("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH").as_deref(), Some("UBND xã Hòa Bình"));
        assert_eq!(issuer("Ủy ban nhân dân thị trấn An Thạnh xây dựng Kế hoạch").as_deref(), Some("UBND thị trấn An Thạnh"));
        assert_eq!(issuer("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN LẬP").as_deref(), Some("UBND xã Tân Lập"));
    }
}
