//! A deadline stated in a task's own text (`chậm nhất là ngày 30/01/2026`, `xong trong quý
//! II/2026`, `trước ngày 18 hằng tháng`), as opposed to a deadline cell or field line.
//!
//! Only phrases that say when the work must be done count: a completion or by-word before the
//! time, or a day that repeats. Dates of cited documents, years in names, cadence words alone
//! and conditions are left alone.

use crate::grammar::{self, digits, Grammar, G, SPACE, SPACES};

use super::{calendar, phrase, DeadlineContext};
use crate::record::Deadline;

/// `[^.;:]`: the characters a gap within a clause may hold.
fn in_clause(c: char) -> bool {
    !matches!(c, '.' | ';' | ':')
}

/// `(?i)i`
fn fold_i(c: char) -> bool {
    grammar::fold_eq('i', c)
}

/// `trước ngày 18 hằng tháng`, `chậm nhất vào ngày 17 của tháng cuối quý`: what
/// `(?i)\b(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?)\s+ngày\s+[0-9]{1,2}\s+(?:của\s+)?(?:(?:hằng|hàng|mỗi)\s+(?P<c1>tháng|quý|năm)|tháng\s+(?:cuối|đầu)\s+(?P<c2>quý|năm))`
/// matches.
static REPEATING_DAY: Grammar = Grammar::new(
    r"(?i)\b(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?)\s+ngày\s+[0-9]{1,2}\s+(?:của\s+)?(?:(?:hằng|hàng|mỗi)\s+(?P<c1>tháng|quý|năm)|tháng\s+(?:cuối|đầu)\s+(?P<c2>quý|năm))",
    2,
    &[
        G::Boundary,
        G::Alt(&[
            G::Fold("trước"),
            G::Seq(&[
                G::Fold("chậm nhất"),
                G::Opt(&G::Seq(&[SPACE, G::Fold("là")])),
                G::Opt(&G::Seq(&[SPACE, G::Fold("vào")])),
            ]),
        ]),
        SPACE,
        G::Fold("ngày"),
        SPACE,
        digits(1, 2),
        SPACE,
        G::Opt(&G::Seq(&[G::Fold("của"), SPACE])),
        G::Alt(&[
            G::Seq(&[
                G::Alt(&[G::Fold("hằng"), G::Fold("hàng"), G::Fold("mỗi")]),
                SPACE,
                G::Group(1, &G::Alt(&[G::Fold("tháng"), G::Fold("quý"), G::Fold("năm")])),
            ]),
            G::Seq(&[
                G::Fold("tháng"),
                SPACE,
                G::Alt(&[G::Fold("cuối"), G::Fold("đầu")]),
                SPACE,
                G::Group(2, &G::Alt(&[G::Fold("quý"), G::Fold("năm")])),
            ]),
        ]),
    ],
);

/// `vào ... thứ Sáu tuần thứ 2 ... hằng tháng`, `vào ngày 25 hằng tháng`: a slot that repeats;
/// what `(?i)\bvào\s+(?P<gap>[^.;:]{0,160}?)\b(?:hằng|hàng|mỗi)\s+(?P<c>tuần|tháng|quý|năm)` matches.
static REPEATING_SLOT: Grammar = Grammar::new(
    r"(?i)\bvào\s+(?P<gap>[^.;:]{0,160}?)\b(?:hằng|hàng|mỗi)\s+(?P<c>tuần|tháng|quý|năm)",
    2,
    &[
        G::Boundary,
        G::Fold("vào"),
        SPACE,
        G::Group(1, &G::Rep { class: in_clause, min: 0, max: 160, lazy: true }),
        G::Boundary,
        G::Alt(&[G::Fold("hằng"), G::Fold("hàng"), G::Fold("mỗi")]),
        SPACE,
        G::Group(2, &G::Alt(&[G::Fold("tuần"), G::Fold("tháng"), G::Fold("quý"), G::Fold("năm")])),
    ],
);

/// What `(?i)\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy)\b|\bngày\s+[0-9]{1,2}\b|[0-9]{1,2}\s*giờ` matches.
static DAY_MARK: Grammar = Grammar::new(
    r"(?i)\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy)\b|\bngày\s+[0-9]{1,2}\b|[0-9]{1,2}\s*giờ",
    0,
    &[G::Alt(&[
        G::Seq(&[
            G::Boundary,
            G::Fold("thứ"),
            SPACE,
            G::Alt(&[G::Fold("hai"), G::Fold("ba"), G::Fold("tư"), G::Fold("năm"), G::Fold("sáu"), G::Fold("bảy")]),
            G::Boundary,
        ]),
        G::Seq(&[G::Boundary, G::Fold("ngày"), SPACE, digits(1, 2), G::Boundary]),
        G::Seq(&[digits(1, 2), SPACES, G::Fold("giờ")]),
    ])],
);

/// A completion or by-word, then (within the clause) the time it is due: what
/// [`BY_TIME_PATTERN`] matches.
static BY_TIME: Grammar = Grammar::new(
    BY_TIME_PATTERN,
    2,
    &[
        G::Boundary,
        G::Alt(&[
            G::Fold("hoàn thành"),
            G::Fold("xong"),
            G::Fold("chậm nhất"),
            G::Fold("trước ngày"),
            G::Fold("hạn chót"),
            G::Fold("không muộn hơn"),
        ]),
        G::Boundary,
        G::Group(1, &G::Rep { class: in_clause, min: 0, max: 60, lazy: true }),
        G::Group(
            2,
            &G::Alt(&[
                G::Seq(&[
                    digits(1, 2),
                    SPACES,
                    G::Lit("/"),
                    SPACES,
                    digits(1, 2),
                    SPACES,
                    G::Lit("/"),
                    SPACES,
                    digits(4, 4),
                ]),
                G::Seq(&[
                    G::Fold("ngày"),
                    SPACE,
                    digits(1, 2),
                    SPACE,
                    G::Fold("tháng"),
                    SPACE,
                    digits(1, 2),
                    SPACE,
                    G::Fold("năm"),
                    SPACE,
                    digits(4, 4),
                ]),
                G::Seq(&[
                    G::Fold("quý"),
                    SPACE,
                    // `IV|I{1,3}|iv|i{1,3}` under `(?i)`: the lower-case two add nothing
                    G::Alt(&[
                        G::Fold("iv"),
                        G::Rep { class: fold_i, min: 1, max: 3, lazy: false },
                        G::Rep { class: quarter_digit, min: 1, max: 1, lazy: false },
                    ]),
                    SPACES,
                    G::Alt(&[G::Lit("/"), G::Fold("năm")]),
                    SPACES,
                    digits(4, 4),
                ]),
                G::Seq(&[
                    G::Alt(&[G::Lit("6"), G::Lit("06"), G::Fold("sáu")]),
                    SPACE,
                    G::Fold("tháng"),
                    SPACE,
                    G::Alt(&[G::Fold("đầu"), G::Fold("cuối")]),
                    SPACE,
                    G::Fold("năm"),
                    SPACE,
                    digits(4, 4),
                ]),
                G::Seq(&[
                    G::Fold("tháng"),
                    SPACE,
                    digits(1, 2),
                    SPACES,
                    G::Alt(&[G::Lit("/"), G::Fold("năm")]),
                    SPACES,
                    digits(4, 4),
                ]),
                G::Seq(&[
                    G::Alt(&[G::Fold("trong"), G::Fold("trước"), G::Fold("cuối")]),
                    SPACE,
                    G::Fold("năm"),
                    SPACE,
                    digits(4, 4),
                ]),
            ]),
        ),
    ],
);

/// The pattern [`BY_TIME`] matches as.
const BY_TIME_PATTERN: &str = concat!(
    r"(?i)\b(?:hoàn\s+thành|xong|chậm\s+nhất|trước\s+ngày|hạn\s+chót|không\s+muộn\s+hơn)\b(?P<gap>[^.;:]{0,60}?)",
    r"(?P<t>[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*[0-9]{4}",
    r"|ngày\s+[0-9]{1,2}\s+tháng\s+[0-9]{1,2}\s+năm\s+[0-9]{4}",
    r"|quý\s+(?:IV|I{1,3}|iv|i{1,3}|[1-4])\s*(?:/|năm)\s*[0-9]{4}",
    r"|(?:6|06|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm\s+[0-9]{4}",
    r"|tháng\s+[0-9]{1,2}\s*(?:/|năm)\s*[0-9]{4}",
    r"|(?:trong|trước|cuối)\s+năm\s+[0-9]{4})",
);

/// `[1-4]`
fn quarter_digit(c: char) -> bool {
    matches!(c, '1'..='4')
}

/// The deadline a task's own text states, or `None`.
pub fn in_text(text: &str, ctx: &DeadlineContext) -> Option<Deadline> {
    // a repeating day and a due time both hold a number: a text without a digit has neither
    let digits = text.bytes().any(|b| b.is_ascii_digit());
    let candidates = [
        digits.then(|| repeating_day(text)).flatten(),
        repeating_slot(text),
        digits.then(|| by_time(text, ctx)).flatten(),
    ];
    candidates.into_iter().flatten().min_by_key(|(at, _)| *at).map(|(_, d)| d)
}

fn recurring(raw: &str, cadence: &str) -> Deadline {
    let recurrence = match cadence.to_lowercase().as_str() {
        "tuần" => "weekly",
        "tháng" => "monthly",
        "quý" => "quarterly",
        _ => "yearly",
    };
    Deadline {
        raw: Some(raw.to_string()),
        kind: Some("recurring".into()),
        start: None,
        end: None,
        recurrence: Some(recurrence.into()),
    }
}

fn repeating_day(text: &str) -> Option<(usize, Deadline)> {
    let c = REPEATING_DAY.captures(text)?;
    let m = c.whole();
    let cadence = c.get(1).or(c.get(2))?;
    Some((m.start, recurring(&text[m], cadence)))
}

fn repeating_slot(text: &str) -> Option<(usize, Deadline)> {
    REPEATING_SLOT.captures_iter(text).find_map(|c| {
        let m = c.whole();
        let slot = &text[m.clone()];
        DAY_MARK.captures(slot)?;
        Some((m.start, recurring(slot, c.get(2)?)))
    })
}

/// `xong trong quý II/2026` → `date`, ending 2026-06-30.
fn by_time(text: &str, ctx: &DeadlineContext) -> Option<(usize, Deadline)> {
    BY_TIME.captures_iter(text).find_map(|c| {
        let gap = c.get(1).unwrap_or("");
        if gap.contains('/') || crate::words::contains(gap, "số") || crate::words::contains(gap, "của") {
            return None; // the date of a cited document, not the task's
        }
        let m = c.whole();
        let coded = phrase::code(c.get(2)?, ctx.plan_year)?;
        let end = coded.span.map(|s| calendar::iso(s.end))?;
        Some((
            m.start,
            Deadline {
                raw: Some(text[m].to_string()),
                kind: Some("date".into()),
                start: None,
                end: Some(end),
                recurrence: None,
            },
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::check::{check_long, check_same, long_texts};

    #[test]
    fn long_lines_answer_as_the_patterns_without_overflowing() {
        // a slot's lazy gap tries up to 160 ends at every `vào`: the budget runs out
        assert!(check_long(&REPEATING_SLOT, "vào ".repeat(100_000)));
        let pieces = ["vào ", "xong ", "trước ngày 5 ", "1", " ", "a", "thứ ", "quý i", "12/", "hằng tháng "];
        for grammar in [&REPEATING_DAY, &REPEATING_SLOT, &DAY_MARK, &BY_TIME] {
            for text in long_texts(&pieces) {
                check_long(grammar, text);
            }
        }
    }

    #[test]
    fn the_grammars_are_their_patterns() {
        let pieces = [
            "trước",
            " ",
            "ngày",
            "20",
            "5",
            "hằng",
            "tháng",
            "quý",
            "năm",
            "chậm nhất",
            "là",
            "vào",
            "của",
            "cuối",
            "đầu",
            "TRƯỚC",
            "Hàng",
            "mỗi",
            "\u{A0}",
            "x",
            ".",
            "thứ",
            "Sáu",
            "bảy",
            "giờ",
            "tuần",
            "trước ngày 20 ",
            "Chậm nhất là vào ngày 5 ",
            " hằng tháng",
            "của tháng cuối quý",
            " mỗi năm",
            "vào thứ hai ",
            "vào 9 giờ ",
            "vào ngày 12 ",
            " tháng đầu năm",
        ];
        assert!(check_same(&REPEATING_DAY, &pieces, 21) > 500);
        assert!(check_same(&REPEATING_SLOT, &pieces, 22) > 3000);
        assert!(check_same(&DAY_MARK, &pieces, 23) > 30000);
        let pieces = [
            "hoàn thành",
            "Xong",
            "chậm nhất",
            "trước ngày",
            "hạn chót",
            "không muộn hơn",
            " ",
            "12",
            "2025",
            "/",
            "ngày",
            "tháng",
            "năm",
            "quý",
            "IV",
            "ii",
            "I",
            "ı",
            "3",
            "6",
            "06",
            "sáu",
            "đầu",
            "cuối",
            "trong",
            "trước",
            "\u{A0}",
            ".",
            "x",
            "Năm",
            "0",
            "hoàn thành trong ",
            "xong trước ",
            "quý II/2025",
            "tháng 10/2025",
            "năm 2026",
            " 15/02/2025",
            "ngày 5 tháng 3 năm 2025",
            "6 tháng cuối năm 2025",
        ];
        assert!(check_same(&BY_TIME, &pieces, 24) > 2000);
    }

    fn dl(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        in_text(text, &DeadlineContext { plan_year: Some(2025) })
            .map(|d| (d.kind.unwrap_or_default(), d.end, d.recurrence))
    }

    #[test]
    fn completion_words_give_a_by_date() {
        assert_eq!(
            dl("Nạo vét kênh mương xong trong quý III/2025."),
            Some(("date".into(), Some("2025-09-30".into()), None))
        );
        assert_eq!(
            dl("Ban hành quy chế, chậm nhất là ngày 15/02/2025."),
            Some(("date".into(), Some("2025-02-15".into()), None))
        );
        assert_eq!(
            dl("Hoàn thành trước tháng 10/2025 việc lắp đặt."),
            Some(("date".into(), Some("2025-10-31".into()), None))
        );
    }

    #[test]
    fn repeating_days_are_recurring() {
        assert_eq!(
            dl("Các tổ gửi báo cáo trước ngày 20 hằng tháng."),
            Some(("recurring".into(), None, Some("monthly".into())))
        );
        assert_eq!(
            dl("gửi báo cáo chậm nhất vào ngày 10 của tháng cuối quý"),
            Some(("recurring".into(), None, Some("quarterly".into())))
        );
        assert_eq!(
            dl("Phát sóng vào 19 giờ tối thứ Ba tuần thứ nhất hàng tháng."),
            Some(("recurring".into(), None, Some("monthly".into())))
        );
    }

    #[test]
    fn names_citations_and_cadence_words_are_not_deadlines() {
        assert_eq!(dl("Hoàn thành Kế hoạch phát triển văn hóa năm 2025."), None);
        assert_eq!(dl("Hoàn thành theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của UBND tỉnh."), None);
        assert_eq!(dl("Định kỳ hằng tháng tổng hợp kết quả."), None);
        assert_eq!(dl("Báo cáo từ ngày 15 của tháng trước đến ngày 14 của tháng cuối quý."), None);
    }
}
