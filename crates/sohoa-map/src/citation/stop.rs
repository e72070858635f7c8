//! Where a law's name or a document's title stops: the first place where one of the forms
//! that end it begins (`;`, `. `, `, Nghị định`, ` ngày 5`, ` và các `, ...), what `find`
//! of a `(?i)` alternation of those forms gives, by lookups (the alternation costs a process
//! about half a millisecond to build).

use once_cell::sync::Lazy;
use sohoa_doc::classes::is_space;

use super::kind::{kind_word_lengths, starts_with_kind};
use super::lex::{boundaries, opens, some_spaces, spaces, word_ends, CaseWords};

/// The words of the stop forms, each list as `(?i)` matches it.
struct Words {
    day: CaseWords,
    year: CaseWords,
    number: CaseWords,
    about: CaseWords,
    and: CaseWords,
    /// `các`, `những`, `một` after `và`.
    many: CaseWords,
    /// Words that go on with a sentence rather than a name (`hiện hành`, `để`, `được`).
    verbs: CaseWords,
}

static WORDS: Lazy<Words> = Lazy::new(|| Words {
    day: CaseWords::new(&["ngày"]),
    year: CaseWords::new(&["năm"]),
    number: CaseWords::new(&["số"]),
    about: CaseWords::new(&["về"]),
    and: CaseWords::new(&["và"]),
    many: CaseWords::new(&["các", "những", "một"]),
    verbs: CaseWords::new(&["hiện hành", "để", "nhằm", "đối với", "được", "đã", "sẽ", "thì", "là"]),
});

/// Where a law's name in `s` stops (`s.len()` when nothing stops it): the start of the first
/// match of
/// `(?i)\s+ngày\s+[0-9]|\s+năm\s+[0-9]{4}|\s+số\s+[0-9]|\s+về\s|[;:()“”\t\n]|\.(?:\s|$)|,\s*{kind}\b|\s+và\s+(?:các|những|một)\s|\s+và\s+{kind}\s+số\b|\s+(?:hiện\s+hành|để|nhằm|đối\s+với|được|đã|sẽ|thì|là)\b|$`.
pub(super) fn law_name_end(s: &str) -> usize {
    first_stop(s, law_stop_at)
}

/// Where a title in `s` stops (`s.len()` when nothing stops it): the start of the first match
/// of `(?i)[;()\t\n]|:\s|\.(?:\s|$)|,\s*{kind}\b|\s+và\s+{kind}\s+số|$`.
pub(super) fn title_end(s: &str) -> usize {
    first_stop(s, title_stop_at)
}

fn first_stop(s: &str, stop_at: fn(&str, bool) -> bool) -> usize {
    // inside a run of spaces the forms that open with `\s+` read as from the run's start, which
    // did not stop (asking them again would make the scan quadratic)
    let mut after_space = false;
    for p in boundaries(s) {
        if stop_at(&s[p..], after_space) {
            return p;
        }
        after_space = s[p..].starts_with(is_space);
    }
    // invariant: `$` stops at `s.len()`, the last boundary
    s.len()
}

/// Whether a stop form of a law's name opens `rest` (`in_spaces`: a space before it, so that
/// the forms opening with spaces were asked already).
fn law_stop_at(rest: &str, in_spaces: bool) -> bool {
    let Some(c) = rest.chars().next() else { return true };
    match c {
        ';' | ':' | '(' | ')' | '“' | '”' | '\t' | '\n' => true,
        '.' => period_ends(rest),
        ',' => comma_then_kind(rest),
        c if is_space(c) => !in_spaces && spaced_law_stop(&rest[spaces(rest)..]),
        _ => false,
    }
}

/// Whether a stop form of a title opens `rest` (`in_spaces` as for [`law_stop_at`]).
fn title_stop_at(rest: &str, in_spaces: bool) -> bool {
    let Some(c) = rest.chars().next() else { return true };
    match c {
        ';' | '(' | ')' | '\t' | '\n' => true,
        ':' => rest[1..].starts_with(is_space),
        '.' => period_ends(rest),
        ',' => comma_then_kind(rest),
        c if is_space(c) => !in_spaces && and_kind_number(&rest[spaces(rest)..], false),
        _ => false,
    }
}

/// `\.(?:\s|$)` on a text opening with `.`.
fn period_ends(rest: &str) -> bool {
    let after = &rest[1..];
    after.is_empty() || after.starts_with(is_space)
}

/// `,\s*{kind}\b` on a text opening with `,`.
fn comma_then_kind(rest: &str) -> bool {
    let after = &rest[1..];
    starts_with_kind(&after[spaces(after)..])
}

/// The forms opening with `\s+`, `w` the text after the spaces.
fn spaced_law_stop(w: &str) -> bool {
    let words = &*WORDS;
    let digit_after_spaces = |r: &str| some_spaces(r).is_some_and(|n| r[n..].starts_with(|c: char| c.is_ascii_digit()));
    let four_digits =
        |r: &str| some_spaces(r).is_some_and(|n| r[n..].bytes().take(4).filter(u8::is_ascii_digit).count() == 4);
    words.day.opening(w).any(|l| digit_after_spaces(&w[l..]))
        || words.year.opening(w).any(|l| four_digits(&w[l..]))
        || words.number.opening(w).any(|l| digit_after_spaces(&w[l..]))
        || words.about.opening(w).any(|l| w[l..].starts_with(is_space))
        || and_many(w)
        || and_kind_number(w, true)
        || words.verbs.opening(w).any(|l| word_ends(&w[l..]))
}

/// `và\s+(?:các|những|một)\s` opening `w`.
fn and_many(w: &str) -> bool {
    let words = &*WORDS;
    words.and.opening(w).any(|l| {
        let r = &w[l..];
        some_spaces(r).is_some_and(|n| words.many.opening(&r[n..]).any(|m| r[n + m..].starts_with(is_space)))
    })
}

/// `và\s+{kind}\s+số` opening `w`, followed by `\b` when `bounded`.
fn and_kind_number(w: &str, bounded: bool) -> bool {
    let words = &*WORDS;
    words.and.opening(w).any(|l| {
        let r = &w[l..];
        some_spaces(r).is_some_and(|n| {
            let r = &r[n..];
            kind_word_lengths(r).any(|k| {
                let r = &r[k..];
                some_spaces(r).is_some_and(|n| {
                    let r = &r[n..];
                    if bounded {
                        words.number.opening(r).any(|m| word_ends(&r[m..]))
                    } else {
                        opens(&words.number, r)
                    }
                })
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::kind::word_pattern;
    use super::*;
    use regex::Regex;

    const PIECES: &[&str] = &[
        " ",
        "\u{A0}",
        "  ",
        "ngày",
        "NGÀY",
        "5",
        "2024",
        "202",
        "năm",
        "Năm",
        "số",
        "SỐ",
        "\u{17F}ố",
        "về",
        "VỀ",
        "và",
        "các",
        "Những",
        "một",
        "quyết định",
        "Thông tư",
        " liên tịch",
        "Bộ luật",
        "hiện hành",
        "để",
        "đối với",
        "ĐỐI\u{A0}VỚI",
        "được",
        "là",
        "x",
        "_",
        ";",
        ":",
        "(",
        "“",
        "”",
        "\t",
        "\n",
        ".",
        ",",
        "Luật",
        "\u{301}",
        "sẽ",
        "thì",
    ];

    /// `ours` gives on every sample text what the start of `pattern`'s first match does.
    fn check_same_as(pattern: &str, ours: fn(&str) -> usize, seed: u64) {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let one = Regex::new(pattern).expect("a test pattern");
        let mut inside = 0;
        for text in sohoa_doc::sample::texts(seed, PIECES, 60_000, 60) {
            let theirs = one.find(&text).map_or(text.len(), |m| m.start());
            assert_eq!(ours(&text), theirs, "{text:?}");
            inside += usize::from(theirs < text.len());
        }
        assert!(inside > 10_000, "{inside}");
    }

    #[test]
    fn law_name_end_is_the_pattern() {
        let pattern = format!(
            r"(?i)\s+ngày\s+[0-9]|\s+năm\s+[0-9]{{4}}|\s+số\s+[0-9]|\s+về\s|[;:()“”\t\n]|\.(?:\s|$)|,\s*{k}\b|\s+và\s+(?:các|những|một)\s|\s+và\s+{k}\s+số\b|\s+(?:hiện\s+hành|để|nhằm|đối\s+với|được|đã|sẽ|thì|là)\b|$",
            k = word_pattern()
        );
        check_same_as(&pattern, law_name_end, 41);
        assert_eq!(law_name_end("Luật Đất đai ngày 5"), "Luật Đất đai".len());
    }

    #[test]
    fn title_end_is_the_pattern() {
        let pattern = format!(r"(?i)[;()\t\n]|:\s|\.(?:\s|$)|,\s*{k}\b|\s+và\s+{k}\s+số|$", k = word_pattern());
        check_same_as(&pattern, title_end, 43);
        assert_eq!(title_end("về việc x và Quyết định số 5"), "về việc x".len());
    }
}
