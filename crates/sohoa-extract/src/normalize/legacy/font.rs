//! What a font name says about a run's encoding.
//!
//! A hint only: Unicode documents often still name `.VnTime`, so the
//! normalizer checks the text before it decodes.

use super::Legacy;

/// The encoding a font name suggests, and whether it draws only capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FontHint {
    /// The legacy encoding the font name says, if any.
    pub encoding: Option<Legacy>,
    /// An `...H` TCVN3 font (`.VnTimeH`): every letter shows as a capital.
    pub capitals: bool,
}

/// Charset suffixes Word appends to font names (`.VnTimeH Tur`).
const CHARSET_SUFFIXES: [&str; 8] =
    [" Tur", " CE", " Cyr", " Greek", " Baltic", " (Vietnamese)", " Vietnamese", " Western"];

/// The hint for a font name (`None` or an unknown family: no hint).
pub fn font_hint(font: Option<&str>) -> FontHint {
    let Some(name) = font.map(str::trim) else {
        return FontHint::default();
    };
    let mut name = name;
    for suffix in CHARSET_SUFFIXES {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    let lower = name.to_ascii_lowercase();
    if lower.starts_with(".vn") || (lower.starts_with("vn") && !lower.starts_with("vni")) {
        return FontHint { encoding: Some(Legacy::Tcvn3), capitals: is_caps_family(name) };
    }
    if lower.starts_with("vni") || lower.starts_with("vn-") {
        return FontHint { encoding: Some(Legacy::Vni), capitals: false };
    }
    if lower.contains("viscii") {
        return FontHint { encoding: Some(Legacy::Viscii), capitals: false };
    }
    FontHint::default()
}

/// `.VnTimeH`, `.VnArialH`, `.VnArial NarrowH`, `.VnTimeH Bold`, and PDF
/// base fonts such as `VnTimeH,Bold` or `VnArialH-BoldItalic`: the family
/// name (before a style word) ends in a capital `H`.
fn is_caps_family(name: &str) -> bool {
    let mut family = name.split(',').next().unwrap_or(name).trim_end();
    for _ in 0..3 {
        for style in ["Bold", "Italic", "Regular", "Oblique", "Book", "Normal", "Roman", "MT", "PS"] {
            family = family.strip_suffix(style).unwrap_or(family);
        }
        family = family.trim_end_matches([' ', '-']);
    }
    family.ends_with('H')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_families() {
        assert_eq!(font_hint(Some(".VnTime")).encoding, Some(Legacy::Tcvn3));
        assert!(!font_hint(Some(".VnTime")).capitals);
        assert!(font_hint(Some(".VnTimeH")).capitals);
        assert!(font_hint(Some(".VnTimeH Tur")).capitals);
        assert!(font_hint(Some(".VnArial NarrowH")).capitals);
        assert!(font_hint(Some("VnTimeH,Bold")).capitals);
        assert!(font_hint(Some("VnArialH-BoldItalic")).capitals);
        assert!(!font_hint(Some("VnTime-Bold")).capitals);
        assert!(font_hint(Some(".VnTimeH-Book")).capitals, "LibreOffice's style name");
        assert!(font_hint(Some("VnArialH,BoldMT")).capitals);
        assert_eq!(font_hint(Some("VnTime")).encoding, Some(Legacy::Tcvn3));
        assert_eq!(font_hint(Some("VNI-Times")).encoding, Some(Legacy::Vni));
        assert_eq!(font_hint(Some("Times New Roman")), FontHint::default());
        assert_eq!(font_hint(None), FontHint::default());
    }
}
