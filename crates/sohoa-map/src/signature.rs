//! The signature block (`TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name`) and `Nơi nhận`.

use crate::record::Signer;
use once_cell::sync::Lazy;
use regex::Regex;

/// Lines of quyền hạn: `TM.`, `KT.`, `TL.`, `Q.`, `TUQ.`.
static AUTHORITY: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:TM|KT|TL|TUQ|Q)\s*\.").expect("static regex")); // invariant: valid literal
static AUTHORITY_ANYWHERE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?:TM|KT|TL|TUQ|Q)\s*\.\s").expect("static regex")); // invariant: valid literal

/// Position words a signer's title line holds.
const POSITIONS: &[&str] = &[
    "CHỦ TỊCH",
    "GIÁM ĐỐC",
    "TRƯỞNG",
    "CHÁNH",
    "BÍ THƯ",
    "THỦ TRƯỞNG",
    "TỔNG",
    "VIỆN TRƯỞNG",
    "HIỆU TRƯỞNG",
    "CHỦ NHIỆM",
    "KT.",
    "TM.",
    "TL.",
];

/// Whether `line` can be part of a signer's authority/title block.
pub fn is_title_line(line: &str) -> bool {
    let caps = is_caps(line);
    caps && (AUTHORITY.is_match(line.trim()) || POSITIONS.iter().any(|p| line.contains(p))) && line.chars().count() < 90
}

fn is_caps(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// A person's name: two to six capitalized words, no digits, not all capitals of a title.
pub fn is_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        && !POSITIONS.iter().any(|p| line.contains(p))
}

/// The signer from the lines of a signature block: authority lines, the title
/// line, then the name. `block` holds the block's lines in order.
pub fn signer(block: &[String]) -> Option<Signer> {
    let name_at = block.iter().position(|l| is_name(l))?;
    let lines: Vec<String> = block[..name_at].iter().flat_map(|l| split_authority(l)).collect();
    let (auth, title): (Vec<&String>, Vec<&String>) = lines.iter().partition(|l| AUTHORITY.is_match(l));
    Some(Signer {
        name: Some(crate::words::one_line(&block[name_at])),
        title: title.last().map(|t| crate::words::one_line(t)),
        authority: (!auth.is_empty())
            .then(|| auth.iter().map(|a| crate::words::one_line(a)).collect::<Vec<_>>().join(" ")),
    })
}

/// The signer of a signature block's signer lines (quyền hạn, title, `(Đã ký)`, name):
/// `authority` every TM./KT./TL./Q. line joined, `title` the last other line in
/// capitals above the name, `name` `None` for an unsigned draft.
pub fn signer_of_block(lines: &[String]) -> Option<Signer> {
    let read: Vec<String> = lines.iter().map(|l| mend_scanned(l)).collect();
    let lines = &join_fragments(&read);
    let name_at = lines.iter().rposition(|l| sohoa_segment::is_person_name(l));
    let above = &lines[..name_at.unwrap_or(lines.len())];
    let parts: Vec<String> =
        above.iter().filter(|l| sohoa_segment::is_signer_title(l)).flat_map(|l| split_authority(l)).collect();
    let (auth, title): (Vec<&String>, Vec<&String>) = parts.iter().partition(|l| AUTHORITY.is_match(l));
    let name = name_at.map(|i| crate::words::one_line(&lines[i]));
    if name.is_none() && title.is_empty() {
        return None;
    }
    Some(Signer {
        name,
        title: title.last().map(|t| crate::words::one_line(t)),
        authority: (!auth.is_empty())
            .then(|| auth.iter().map(|a| crate::words::one_line(a)).collect::<Vec<_>>().join(" ")),
    })
}

/// Positions of a signer's title, as Nghị định 30/2020 writes them.
const POSITIONS_WRITTEN: &[&str] = &[
    "PHÓ CHỦ TỊCH",
    "CHỦ TỊCH",
    "PHÓ GIÁM ĐỐC",
    "GIÁM ĐỐC",
    "PHÓ TRƯỞNG BAN",
    "TRƯỞNG BAN",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
];

/// A signer's line as a scan gives it, mended: the stroke debris OCR reads
/// at its end (`KT. CHỦ TỊCH -`) dropped, and a position whose tone OCR
/// misread (`CHÚ TỊCH`) written as it is spelled. Lines not in capitals are left as they are.
fn mend_scanned(line: &str) -> String {
    let t = line
        .trim()
        .trim_end_matches(|c: char| matches!(c, '-' | '–' | '—' | '_' | '~' | '|' | ',') || c.is_whitespace());
    if !is_caps(t) {
        return t.to_string();
    }
    let mut words: Vec<String> = t.split_whitespace().map(str::to_string).collect();
    for position in POSITIONS_WRITTEN {
        let want: Vec<&str> = position.split_whitespace().collect();
        let key = sohoa_doc::fold::toneless_key(position);
        let mut i = 0;
        while i + want.len() <= words.len() {
            let here = sohoa_doc::fold::toneless_key(&words[i..i + want.len()].join(" "));
            if here == key && words[i..i + want.len()].iter().zip(&want).any(|(w, p)| w != p) {
                words.splice(i..i + want.len(), want.iter().map(std::string::ToString::to_string));
            }
            i += 1;
        }
    }
    words.join(" ")
}

/// A quyền hạn line a PDF broke word by word (`TM.` / `ỦY` / `BAN` / `NHÂN` / `DÂN`) joined
/// back: words that are no title of their own go onto the quyền hạn line before them.
fn join_fragments(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let t = l.trim();
        if let Some(deputy) = out.last().and_then(|p| misread_deputy(p, t)) {
            out.push(deputy);
            continue;
        }
        let onto_authority = out.last().is_some_and(|p| AUTHORITY.is_match(p))
            && is_caps(t)
            && !sohoa_segment::is_signer_title(t)
            && t.split_whitespace().count() <= 2;
        match out.last_mut() {
            Some(p) if onto_authority => *p = format!("{p} {t}"),
            _ => out.push(t.to_string()),
        }
    }
    out
}

/// The deputy's title under `KT. <position>` (ký thay: a deputy signs, Nghị định
/// 30/2020), when OCR garbled the line (`PHÓOCHÚIỊCH`): `PHÓ <position>`
/// if `line` is capitals within a few letters of it.
fn misread_deputy(authority: &str, line: &str) -> Option<String> {
    let position = authority.trim().strip_prefix("KT")?.trim_start().strip_prefix('.')?.trim();
    let deputy = format!("PHÓ {position}");
    if position.is_empty() || !is_caps(line) || line.trim() == deputy || AUTHORITY.is_match(line.trim()) {
        return None;
    }
    let letters =
        |s: &str| sohoa_doc::fold::toneless_key(s).chars().filter(|c| c.is_alphabetic()).collect::<Vec<char>>();
    let (want, got) = (letters(&deputy), letters(line));
    (edit_distance(&want, &got) * 3 <= want.len()).then_some(deputy)
}

/// Levenshtein distance between two letter sequences.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

static NEXT_ITEM: Lazy<Regex> = Lazy::new(|| Regex::new(r";\s*[-–•]\s+").expect("static regex")); // invariant: valid literal

/// Every recipient of a `Nơi nhận` block's lines: the head's own text after `:` too,
/// several `- a; - b` items on one line split.
pub fn recipients_of_block(lines: &[String]) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line = if i == 0 && is_recipients_head(line) {
            line.split_once(':').map_or("", |(_, r)| r).trim()
        } else {
            line.trim()
        };
        match items.last_mut() {
            Some(prev) if wraps(prev, line) => *prev = format!("{prev} {line}"),
            _ if !line.is_empty() => items.push(line.to_string()),
            _ => {}
        }
    }
    items.iter().flat_map(|l| NEXT_ITEM.split(l).filter_map(recipient).collect::<Vec<_>>()).collect()
}

/// Whether `line` wraps the recipient line `prev` (a cell line broken by width):
/// no bullet of its own, and `prev` unfinished (ends in `,` or `-`) or `line` in lower case.
fn wraps(prev: &str, line: &str) -> bool {
    let bullet = line.starts_with(['-', '–', '•', '+']) || crate::words::starts_with(line, "Lưu");
    let open = !prev.trim_end().ends_with([';', '.', ':']);
    !bullet && open && (prev.trim_end().ends_with([',', '-']) || line.chars().next().is_some_and(char::is_lowercase))
}

/// One line holding several block lines (`TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH`)
/// split before each authority mark and before the final position.
fn split_authority(line: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for seg in line.split('\n') {
        let mut starts: Vec<usize> = AUTHORITY_ANYWHERE.find_iter(seg).map(|m| m.start()).filter(|&s| s > 0).collect();
        starts.insert(0, 0);
        starts.push(seg.len());
        parts.extend(starts.windows(2).map(|w| seg[w[0]..w[1]].trim().to_string()).filter(|s| !s.is_empty()));
    }
    split_last_position(parts)
}

/// `KT. CHỦ TỊCH PHÓ CHỦ TỊCH` → `KT. CHỦ TỊCH` + `PHÓ CHỦ TỊCH`; `TM. ỦY BAN NHÂN DÂN CHỦ TỊCH` → two lines too.
fn split_last_position(mut parts: Vec<String>) -> Vec<String> {
    let Some(last) = parts.pop() else { return parts };
    if !AUTHORITY.is_match(&last) {
        parts.push(last);
        return parts;
    }
    let body_start = last.find('.').map_or(0, |i| i + 1);
    let found = POSITIONS_WRITTEN
        .iter()
        .filter_map(|p| last[body_start..].rfind(p).map(|i| (i + body_start, *p)))
        .max_by_key(|(i, p)| (*i, p.len()));
    match found {
        Some((i, p)) if i + p.len() == last.trim_end().len() && last[body_start..i].trim().len() > 1 => {
            parts.push(last[..i].trim().to_string());
            parts.push(last[i..].trim().to_string());
        }
        _ => parts.push(last),
    }
    parts
}

/// Whether `line` opens the recipients list.
pub fn is_recipients_head(line: &str) -> bool {
    crate::words::starts_with(line, "Nơi nhận")
}

static NOTE_GAP: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s{2,}").expect("static regex")); // invariant: valid literal
/// A purpose note that a converter left one space from the name: `, Để báo cáo`
/// (capital `Để` starts the note; a lower-case `(để BC)` belongs to the name).
static NOTE_AFTER_COMMA: Lazy<Regex> = Lazy::new(|| Regex::new(r",\s*Để\s").expect("static regex")); // invariant: valid literal

/// One recipient line cleaned: no `-`, no trailing `;`/`.`/`,`, no grouping
/// brace and what follows it, no note set off by a wide gap or a comma (`Để báo cáo`).
pub fn recipient(line: &str) -> Option<String> {
    let line = line.trim().trim_start_matches(['-', '–', '•']).trim();
    let line = line.split(['}', ';']).next().unwrap_or(line);
    let line = NOTE_GAP.split(line).next().unwrap_or(line);
    let line = NOTE_AFTER_COMMA.split(line).next().unwrap_or(line);
    let cleaned = crate::words::one_line(line.trim().trim_end_matches([';', '.', ',', ' ']).trim());
    (!cleaned.is_empty()).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(std::string::ToString::to_string).collect()
    }

    #[test]
    fn signer_with_authority_on_one_line() {
        let s = signer(&lines(&["TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Đào Văn Soái"])).expect("a signer");
        assert_eq!(s.name.as_deref(), Some("Đào Văn Soái"));
        assert_eq!(s.title.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(s.authority.as_deref(), Some("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"));
        let s = signer(&lines(&["TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Nguyễn Văn Giã"])).expect("a signer");
        assert_eq!((s.title.as_deref(), s.authority.as_deref()), (Some("CHỦ TỊCH"), Some("TM. ỦY BAN NHÂN DÂN")));
        let s = signer(&lines(&["CHỦ TỊCH", "Tấn Văn Duẩn"])).expect("a signer");
        assert_eq!((s.title.as_deref(), s.authority), (Some("CHỦ TỊCH"), None));
    }

    #[test]
    fn signer_of_a_block() {
        let s = signer_of_block(&lines(&["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Ngọc Phúc"]))
            .expect("a signer");
        assert_eq!(
            (s.name.as_deref(), s.title.as_deref(), s.authority.as_deref()),
            (Some("Nguyễn Ngọc Phúc"), Some("PHÓ CHỦ TỊCH"), Some("KT. CHỦ TỊCH"))
        );
        let s = signer_of_block(&lines(&["TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp"]))
            .expect("a signer");
        assert_eq!(s.authority.as_deref(), Some("TM. ỦY BAN NHÂN DÂN KT.CHỦ TỊCH"));
        let s = signer_of_block(&lines(&["CHỦ TỊCH"])).expect("a draft's signer");
        assert_eq!((s.name, s.title.as_deref(), s.authority), (None, Some("CHỦ TỊCH"), None));
        assert!(signer_of_block(&[]).is_none());
        let s = signer_of_block(&lines(&["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓOCHÚIỊCH", "Đào Văn Soái"]))
            .expect("a signer");
        assert_eq!(
            (s.title.as_deref(), s.authority.as_deref()),
            (Some("PHÓ CHỦ TỊCH"), Some("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH")),
            "a garbled deputy line"
        );
        assert_eq!(misread_deputy("KT. GIÁM ĐỐC", "ĐÀO VĂN AN"), None);
        assert_eq!(misread_deputy("KT. CHỦ TỊCH", "PHÓ CHÚIỊCH").as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(misread_deputy("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC THƯỜNG TRỰC"), None);
        let s = signer_of_block(&lines(&["TM. ỦY BAN NHÂN DÂN", "KT. CHÚ TỊCH -", "PHÓ CHÚ TỊCH -", "Đào Văn Soái"]))
            .expect("a signer");
        assert_eq!(
            (s.title.as_deref(), s.authority.as_deref()),
            (Some("PHÓ CHỦ TỊCH"), Some("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH")),
            "tones and debris of a scan"
        );
        assert_eq!(mend_scanned("Đào Văn Soái -"), "Đào Văn Soái");
        let s = signer_of_block(&lines(&["TM.", "ỦY", "BAN", "NHÂN", "DÂN", "CHỦ TỊCH", "Nguyễn Văn Giã"]))
            .expect("a signer");
        assert_eq!((s.title.as_deref(), s.authority.as_deref()), (Some("CHỦ TỊCH"), Some("TM. ỦY BAN NHÂN DÂN")));
    }

    #[test]
    fn recipients_of_a_block() {
        let r =
            recipients_of_block(&lines(&["Nơi nhận: - Tỉnh ủy (B/c); - UBND tỉnh (B/c);", "- Lưu: VT, CN(Trung)."]));
        assert_eq!(r, ["Tỉnh ủy (B/c)", "UBND tỉnh (B/c)", "Lưu: VT, CN(Trung)"]);
        assert_eq!(recipients_of_block(&lines(&["Nơi nhận:", "- Như trên;"])), ["Như trên"]);
        let wrapped = recipients_of_block(&lines(&[
            "Nơi nhận:",
            "- Các Bộ, cơ quan ngang Bộ,",
            "cơ quan thuộc Chính phủ;",
            "- HĐND, UBND các tỉnh;",
        ]));
        assert_eq!(wrapped, ["Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "HĐND, UBND các tỉnh"]);
    }

    #[test]
    fn recipients_are_cleaned() {
        assert_eq!(recipient("- Văn phòng HĐND- UBND huyện ;").as_deref(), Some("Văn phòng HĐND- UBND huyện"));
        assert_eq!(
            recipient("- Phòng NC-KSTTHC-VP UBND tỉnh; } (để b/c)").as_deref(),
            Some("Phòng NC-KSTTHC-VP UBND tỉnh")
        );
        assert_eq!(recipient("- BTV Đảng uỷ,                    Để báo cáo").as_deref(), Some("BTV Đảng uỷ"));
        assert_eq!(recipient("- BTV Đảng uỷ, Để báo cáo").as_deref(), Some("BTV Đảng uỷ"));
        assert_eq!(recipient("- UBND huyện (để BC);").as_deref(), Some("UBND huyện (để BC)"));
        assert_eq!(recipient("- Lưu: VT.").as_deref(), Some("Lưu: VT"));
        assert_eq!(
            recipient("- Trưởng các ngành đoàn thể;  Để phối hợp").as_deref(),
            Some("Trưởng các ngành đoàn thể")
        );
    }
}
