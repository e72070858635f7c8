//! The label grammar: printed labels at the start of a paragraph (`II.`, `1.`, `1.1`, `a)`,
//! `-`, `+`, `Điều 3.`), their kinds and their fixed ranks in a Vietnamese plan
//! (`PHỤ LỤC` > `I.`/`Điều` > `1.` > `1.1` > `a)`).
//!
//! Readers whose format types the number into the text (text dumps, PDF, OCR)
//! split it off with [`split_label`], so that every reader hands segment a
//! paragraph whose `label` holds the number as printed; segment ranks it with [`kind`].

use once_cell::sync::Lazy;
use regex::Regex;

/// Label at the start of a line: roman, dotted, arabic, letter, article, bullets.
static LABEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"(?P<article>Điều\s+[0-9]+[a-zđ]?\s*[.:]?)",
        r"|(?P<roman>(?:X{0,3})(?:IX|IV|V?I{0,3})[.)])",
        r"|(?P<dotted>[0-9]{1,2}(?:\.[0-9]{1,2}){1,4}\.?)",
        r"|(?P<arabic>[0-9]{1,2}[.)])",
        r"|(?P<letter>[a-zđ]\))",
        r"|(?P<bullet>[-–—•●▪◦*+](?:\s|$|[^\s0-9.,-]))",
        r")"
    ))
    .expect("static regex") // invariant: the pattern above is a valid regex literal
});

/// Splits a printed label off the front of `text`.
/// Returns the label as printed (`"1."`, `"a)"`, `"-"`) and the rest, trimmed.
/// A bullet glued to its word (`-Công bố`) is split too.
pub fn split_label(text: &str) -> (Option<String>, &str) {
    let trimmed = text.trim_start();
    let Some(caps) = LABEL.captures(trimmed) else {
        return (None, trimmed);
    };
    let whole = caps.get(0).map_or("", |m| m.as_str());
    if whole.is_empty() || whole == "." || whole == ")" {
        return (None, trimmed);
    }
    if caps.name("bullet").is_some() {
        let sym = &whole[..whole.chars().next().map_or(0, char::len_utf8)];
        let rest = trimmed[sym.len()..].trim_start();
        if rest.is_empty() {
            return (None, trimmed);
        }
        return (Some(normalize_bullet(sym)), rest);
    }
    let rest = &trimmed[whole.len()..];
    // A label must be followed by white space or the end ("1.Tổ chức" is still a label; "1.5%" is not).
    if let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() || c == '%' || c == '/' {
            return (None, trimmed);
        }
    }
    (Some(whole.split_whitespace().collect::<Vec<_>>().join(" ")), rest.trim_start())
}

/// All dash-like bullets print as `-`; `+` stays `+`.
fn normalize_bullet(sym: &str) -> String {
    match sym {
        "+" => "+".into(),
        _ => "-".into(),
    }
}

/// The kind of a printed label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// `I.`, `II.`: a Roman numeral.
    Roman,
    /// `Điều 1.`: an article of a decision.
    Article,
    /// `1.`: an Arabic number.
    Arabic,
    /// `1.1` has depth 2, `2.1.11` depth 3.
    Dotted(usize),
    /// `a)`: a letter.
    Letter,
    /// `-`, `•`: a bullet.
    Bullet,
    /// `+`: a sub-bullet.
    Plus,
}

impl LabelKind {
    /// Nesting rank: a label nests under every open label of a smaller rank.
    pub fn rank(self) -> usize {
        match self {
            LabelKind::Roman | LabelKind::Article => 1,
            LabelKind::Arabic => 2,
            LabelKind::Dotted(d) => d + 1,
            LabelKind::Letter => 8,
            LabelKind::Bullet => 9,
            LabelKind::Plus => 10,
        }
    }

    /// Whether a paragraph with this label opens a section.
    pub fn is_section(self) -> bool {
        !matches!(self, LabelKind::Bullet | LabelKind::Plus)
    }
}

static ROMAN: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$").expect("static regex")); // invariant: valid literal
static DOTTED: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[0-9]{1,2}(?:\.[0-9]{1,2})+$").expect("static regex")); // invariant: valid literal

/// The kind of a printed label, `None` for something that is no label.
pub fn kind(printed: &str) -> Option<LabelKind> {
    let bare = bare(printed);
    if printed == "-" {
        return Some(LabelKind::Bullet);
    }
    if printed == "+" {
        return Some(LabelKind::Plus);
    }
    if bare.starts_with("Điều") {
        return Some(LabelKind::Article);
    }
    if bare.is_empty() {
        return None;
    }
    if ROMAN.is_match(&bare) {
        return Some(LabelKind::Roman);
    }
    if DOTTED.is_match(&bare) {
        return Some(LabelKind::Dotted(bare.split('.').count()));
    }
    if bare.chars().all(|c| c.is_ascii_digit()) {
        return Some(LabelKind::Arabic);
    }
    if bare.chars().count() == 1 && bare.chars().all(char::is_lowercase) {
        return Some(LabelKind::Letter);
    }
    None
}

/// The label without trailing punctuation and inner spaces folded: `II.` → `II`, `a)` → `a`, `Điều 1.` → `Điều 1`.
pub fn bare(printed: &str) -> String {
    let t = printed.trim().trim_end_matches(['.', ')', ':']).trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> (Option<String>, String) {
        let (l, r) = split_label(s);
        (l, r.to_string())
    }

    #[test]
    fn splits_each_label_kind() {
        assert_eq!(split("II. NỘI DUNG"), (Some("II.".into()), "NỘI DUNG".into()));
        assert_eq!(split("1. Mục đích"), (Some("1.".into()), "Mục đích".into()));
        assert_eq!(split("2.1.11 Rà soát"), (Some("2.1.11".into()), "Rà soát".into()));
        assert_eq!(split("a) Sở Nội vụ"), (Some("a)".into()), "Sở Nội vụ".into()));
        assert_eq!(split("- Tổ chức"), (Some("-".into()), "Tổ chức".into()));
        assert_eq!(split("-Công bố"), (Some("-".into()), "Công bố".into()));
        assert_eq!(split("+ Thời gian"), (Some("+".into()), "Thời gian".into()));
        assert_eq!(split("Điều 2. Tổ chức"), (Some("Điều 2.".into()), "Tổ chức".into()));
    }

    #[test]
    fn leaves_numbers_that_are_not_labels() {
        assert_eq!(split("100% hồ sơ").0, None);
        assert_eq!(split("2024 là năm").0, None);
        assert_eq!(split("1.5% tăng").0, None);
        assert_eq!(split("Tổ chức").0, None);
        assert_eq!(split("-").0, None);
    }

    #[test]
    fn kinds_and_ranks() {
        assert_eq!(kind("II."), Some(LabelKind::Roman));
        assert_eq!(kind("1."), Some(LabelKind::Arabic));
        assert_eq!(kind("2.1.11"), Some(LabelKind::Dotted(3)));
        assert_eq!(kind("a)"), Some(LabelKind::Letter));
        assert_eq!(kind("Điều 2."), Some(LabelKind::Article));
        assert_eq!(kind("-"), Some(LabelKind::Bullet));
        assert!(LabelKind::Roman.rank() < LabelKind::Arabic.rank());
        assert!(LabelKind::Arabic.rank() < LabelKind::Dotted(2).rank());
        assert_eq!(bare("Điều  1."), "Điều 1");
    }
}
