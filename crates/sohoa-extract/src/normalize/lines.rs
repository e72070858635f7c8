//! Joining hard-wrapped lines and folding white space.

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
        let glued = ends_in_broken_reference(&out) && starts_reference_tail(line);
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// `...02/NQ-`, `QĐ-`: a hyphen glued to an upper-case letter or digit.
fn ends_in_broken_reference(s: &str) -> bool {
    let mut rev = s.chars().rev();
    rev.next() == Some('-')
        && rev.next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `CP`, `UBND`, `BGDĐT`: the next line starts with a capital or a digit.
fn starts_reference_tail(line: &str) -> bool {
    let first_word = line.split_whitespace().next().unwrap_or("");
    first_word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !first_word.chars().any(char::is_lowercase)
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
        assert_eq!(join_lines(["  a ", "", "b"]), "a b");
    }

    #[test]
    fn single_space_keeps_line_breaks() {
        assert_eq!(single_space("  a \t b \n  c  "), "a b\nc");
        assert_eq!(single_space("a  \n\n b"), "a\nb");
    }
}
