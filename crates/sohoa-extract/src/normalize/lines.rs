//! Joining hard-wrapped lines and folding white space.

use once_cell::sync::Lazy;
use regex::Regex;

/// Joins hard-wrapped lines into one paragraph with single spaces. A
/// reference broken after its hyphen (`02/NQ-` + `CP`) is joined without a
/// space; a dash standing alone (`Độc lập -` + `Tự do`) keeps it.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let glued = (ends_in_broken_reference(&out) && starts_reference_tail(line))
            || (ends_in_ascii_hyphenated(&out) && starts_ascii_word(line));
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(line);
    }
    repair_references(&out)
}

/// A document number that layout split with a spurious space (`18/2015/Q Đ-UBND`,
/// `766/QĐ- TTg`, justified text in PDF) is written back whole.
pub fn repair_references(s: &str) -> String {
    static SPLIT: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"([0-9]{1,5}/(?:[0-9]{4}/)?(?:[A-ZĐ]{1,8}-)*[A-ZĐ]{0,8}-?) ([A-ZĐ][A-ZĐa-z]{0,8}(?:-|\b))")
            .expect("static regex") // invariant: valid literal
    });
    let mut cur = s.to_string();
    // A number split twice (`Q Đ- UBND`) needs two passes; each pass removes a space, so this ends.
    loop {
        let next = SPLIT.replace_all(&cur, |c: &regex::Captures| {
            let head = &c[1];
            let glue = head.ends_with('-')
                || head.ends_with('/')
                || (head.chars().last().is_some_and(char::is_uppercase) && c[2].contains('-'));
            format!("{head}{}{}", if glue { "" } else { " " }, &c[2])
        });
        if next == cur {
            return cur;
        }
        cur = next.into_owned();
    }
}

/// `...02/NQ-`, `QĐ-`, `59/2022/`: a hyphen or slash glued to an upper-case letter or digit.
fn ends_in_broken_reference(s: &str) -> bool {
    let mut rev = s.chars().rev();
    matches!(rev.next(), Some('-' | '/')) && rev.next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `CP`, `UBND`, `BGDĐT`: the next line starts with a capital or a digit.
fn starts_reference_tail(line: &str) -> bool {
    let first_word = line.split_whitespace().next().unwrap_or("");
    first_word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !first_word.chars().any(char::is_lowercase)
}

/// `snv-`, `e-`: an ASCII word (an address, a code) broken after its hyphen.
/// Vietnamese words carry diacritics or stand apart from a dash (`kinh tế -`).
fn ends_in_ascii_hyphenated(s: &str) -> bool {
    let last = s.rsplit(char::is_whitespace).next().unwrap_or("");
    last.len() > 1 && last.ends_with('-') && last[..last.len() - 1].chars().all(|c| c.is_ascii_alphanumeric())
}

/// `cchc@lamdong.gov.vn`, `mail`: the next line goes on with an ASCII word.
fn starts_ascii_word(line: &str) -> bool {
    let first_word = line.split_whitespace().next().unwrap_or("");
    first_word.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && first_word.chars().all(|c| c.is_ascii_graphic())
}

/// Folds runs of white space into one space and trims; a run holding a
/// line break becomes one `'\n'`.
pub fn single_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<char> = None;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            if c == '\n' || pending.is_none() {
                pending = Some(if c == '\n' { '\n' } else { pending.unwrap_or(' ') });
            }
            continue;
        }
        if let Some(p) = pending.take() {
            out.push(p);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_join_without_space() {
        assert_eq!(join_lines(["số 02/NQ-", "CP ngày 5"]), "số 02/NQ-CP ngày 5");
        assert_eq!(join_lines(["Độc lập -", "Tự do"]), "Độc lập - Tự do");
        assert_eq!(join_lines(["Nghị định số 59/2022/", "NĐ-CP ngày"]), "Nghị định số 59/2022/NĐ-CP ngày");
        assert_eq!(join_lines(["tỷ lệ 20/", "năm"]), "tỷ lệ 20/ năm");
        assert_eq!(join_lines(["email: snv-", "cchc@lamdong.gov.vn)"]), "email: snv-cchc@lamdong.gov.vn)");
        assert_eq!(join_lines(["kinh tế -", "xã hội"]), "kinh tế - xã hội");
        assert_eq!(join_lines(["giai đoạn 2026-", "2030"]), "giai đoạn 2026-2030");
    }

    #[test]
    fn references_split_by_layout_are_repaired() {
        assert_eq!(repair_references("Quyết định số 18/2015/Q Đ-UBND ngày"), "Quyết định số 18/2015/QĐ-UBND ngày");
        assert_eq!(repair_references("Thông tư số 02/2017/T T-VPCP ngày"), "Thông tư số 02/2017/TT-VPCP ngày");
        assert_eq!(repair_references("Quyết định số 766/QĐ- TTg năm"), "Quyết định số 766/QĐ-TTg năm");
        assert_eq!(repair_references("số 11/QĐ-UBND Về việc"), "số 11/QĐ-UBND Về việc");
        assert_eq!(repair_references("tỷ lệ 20/2024 Trong đó"), "tỷ lệ 20/2024 Trong đó");
        assert_eq!(join_lines(["  a ", "", "b"]), "a b");
    }

    #[test]
    fn single_space_keeps_line_breaks() {
        assert_eq!(single_space("  a \t b \n  c  "), "a b\nc");
        assert_eq!(single_space("a  \n\n b"), "a\nb");
    }
}
