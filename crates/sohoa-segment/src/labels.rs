//! Label kinds and their fixed ranks in a Vietnamese plan: `PHỤ LỤC` > `I.`/`Điều` > `1.` > `1.1` > `a)`.

use once_cell::sync::Lazy;
use regex::Regex;

/// The kind of a printed label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Roman,
    Article,
    Arabic,
    /// `1.1` has depth 2, `2.1.11` depth 3.
    Dotted(usize),
    Letter,
    Bullet,
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
static DOTTED: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,2}(?:\.\d{1,2})+$").expect("static regex")); // invariant: valid literal

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
    if bare.chars().count() == 1 && bare.chars().all(|c| c.is_lowercase()) {
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
