//! Inline markup of markdown-like dumps: `**bold**`, `*italic*`, `<b>`, `<i>`, `<p>`, `<ul><li>`, `<a href>`.

use once_cell::sync::Lazy;
use regex::Regex;
use std::borrow::Cow;

/// Text with its markup removed, and whether all of its words were bold.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Clean {
    pub text: String,
    pub bold: bool,
}

static TAG: Lazy<Regex> = Lazy::new(|| {
    // invariant: valid literal pattern
    Regex::new(r"(?i)</?(?:b|strong|i|em|u|span|a|ul|ol|li|p|br|div|sup|sub)\b[^>]*>").expect("static regex")
});
static LINE_BREAK_TAG: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)<(?:li|p|br|div)\b[^>]*>").expect("static regex")); // invariant: valid literal
static BOLD_SPAN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?s)\*\*(.+?)\*\*|<b>(.+?)</b>|<strong>(.+?)</strong>").expect("static regex")); // invariant: valid literal
static STARS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\*\*|__|(?:^|\s)\*|\*(?:\s|$|[;.,:])").expect("static regex")); // invariant: valid literal

/// Removes markup from one line or cell. Block tags (`<li>`, `<p>`, `<br>`)
/// become line breaks; a space that markup left inside a bracket (`( <i>x</i> )`) goes.
pub(super) fn clean(raw: &str) -> Clean {
    let bold = is_all_bold(raw);
    let broken = without_tags(&LINE_BREAK_TAG, raw, "\n");
    let tight = tighten_brackets(&broken);
    let no_tags = without_tags(&TAG, &tight, "");
    let no_stars = if no_tags.contains(['*', '_']) {
        STARS.replace_all(&no_tags, |c: &regex::Captures| keep_outer(&c[0]))
    } else {
        // every branch of STARS holds `*` or `_`
        Cow::Borrowed(no_tags.as_ref())
    };
    Clean { text: tidy_lines(&no_stars), bold }
}

/// Each line's white space made single spaces, empty lines dropped.
fn tidy_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `( <i>x</i> )` → `(<i>x</i>)`: only spaces that touch a tag next to a bracket.
fn tighten_brackets(s: &str) -> String {
    if !s.contains('<') {
        // both patterns hold a tag
        return s.to_string();
    }
    static OPEN: Lazy<Regex> = Lazy::new(|| Regex::new(r"\(\s+(<[a-zA-Z])").expect("static regex")); // invariant: valid literal
    static CLOSE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(</(?:i|b|em|strong)>)\s+\)").expect("static regex")); // invariant: valid literal
    let s = OPEN.replace_all(s, "($1");
    CLOSE.replace_all(&s, "$1)").into_owned()
}

/// Keeps the white space or punctuation a star pattern matched around the star.
fn keep_outer(m: &str) -> String {
    m.chars().filter(|&c| c != '*' && c != '_').collect()
}

/// `re` (a pattern of tags, which all open with `<`) replaced by `with` in `s`; a
/// text with no `<` is returned as it is, without building the pattern.
fn without_tags<'s>(re: &Lazy<Regex>, s: &'s str, with: &str) -> Cow<'s, str> {
    if s.contains('<') {
        re.replace_all(s, with)
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether the visible text of `raw` lies entirely inside bold spans.
fn is_all_bold(raw: &str) -> bool {
    if !raw.contains(['*', '<']) {
        // every bold span opens with `**` or a tag: none, so nothing is inside one
        return false;
    }
    let inside: usize = BOLD_SPAN
        .captures_iter(raw)
        .filter_map(|c| c.get(1).or(c.get(2)).or(c.get(3)))
        .map(|m| visible_len(m.as_str()))
        .sum();
    let total = visible_len(&BOLD_SPAN.replace_all(raw, "$1$2$3"));
    inside > 0 && inside * 10 >= total * 9
}

fn visible_len(s: &str) -> usize {
    without_tags(&TAG, s, "").chars().filter(|c| c.is_alphanumeric()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markdown_and_html() {
        let c = clean("**Điều 1.** Ban hành *kèm theo*");
        assert_eq!(c.text, "Điều 1. Ban hành kèm theo");
        assert!(!c.bold);
        let c = clean("<b>I. Ban hành văn bản</b>");
        assert_eq!(c.text, "I. Ban hành văn bản");
        assert!(c.bold);
    }

    #[test]
    fn list_items_become_lines() {
        let c = clean(r#"<ul style="x"><li>- Kế hoạch;</li><li>- Văn bản</li></ul>"#);
        assert_eq!(c.text, "- Kế hoạch;\n- Văn bản");
    }

    #[test]
    fn bracket_spaces_left_by_markup_go() {
        assert_eq!(clean("danh mục ( <i>thông qua việc</i> )").text, "danh mục (thông qua việc)");
        assert_eq!(clean(r#"(tại <a href="u">u</a> ), lấy"#).text, "(tại u ), lấy");
    }

    /// `clean` as it was before its patterns were guarded by the marks they need.
    fn clean_unguarded(raw: &str) -> Clean {
        let inside: usize = BOLD_SPAN
            .captures_iter(raw)
            .filter_map(|c| c.get(1).or(c.get(2)).or(c.get(3)))
            .map(|m| TAG.replace_all(m.as_str(), "").chars().filter(|c| c.is_alphanumeric()).count())
            .sum();
        let total =
            TAG.replace_all(&BOLD_SPAN.replace_all(raw, "$1$2$3"), "").chars().filter(|c| c.is_alphanumeric()).count();
        let bold = inside > 0 && inside * 10 >= total * 9;
        let broken = LINE_BREAK_TAG.replace_all(raw, "\n");
        let open = Regex::new(r"\(\s+(<[a-zA-Z])").expect("valid"); // invariant: a literal pattern
        let close = Regex::new(r"(</(?:i|b|em|strong)>)\s+\)").expect("valid"); // invariant: a literal pattern
        let tight = close.replace_all(&open.replace_all(&broken, "($1"), "$1)").into_owned();
        let no_tags = TAG.replace_all(&tight, "");
        let no_stars = STARS.replace_all(&no_tags, |c: &regex::Captures| keep_outer(&c[0]));
        Clean { text: tidy_lines(&no_stars), bold }
    }

    #[test]
    fn guarded_patterns_clean_as_the_unguarded_ones() {
        let pieces = [
            "Điều 1",
            " ",
            "\u{a0}",
            "**",
            "*",
            "__",
            "_",
            "<b>",
            "</b>",
            "<strong>",
            "</strong>",
            "<i>",
            "</i>",
            "<li>",
            "<p class=\"x\">",
            "<br/>",
            "</p>",
            "<",
            ">",
            "( ",
            " )",
            "(",
            ")",
            ";",
            ".",
            ",",
            ":",
            "\n",
            "kèm theo",
            "Ủy ban",
            "ĐƠN VỊ",
            "x",
            "1",
        ];
        let mut with_marks = 0;
        for raw in sohoa_doc::sample::texts(41, &pieces, 4_000, 60) {
            with_marks += usize::from(raw.contains(['<', '*', '_']));
            assert_eq!(clean(&raw), clean_unguarded(&raw), "{raw:?}");
        }
        assert!(with_marks > 500 && with_marks < 4_000, "texts with and without marks: {with_marks}");
    }
}
