//! Repairs on Unicode text: invisible and no-break characters, decomposed
//! marks, `ð` written for `đ`, and syllables split by a spurious space.
//! Runs after legacy detection (TCVN3 uses U+00AD for `ư`).

use super::detect::well_cased;
use super::syllable::is_syllable;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Repairs made before legacy detection, which they cannot mislead:
/// zero-width chars dropped, no-break spaces made spaces, NFC. Soft hyphens
/// stay (TCVN3 `ư`). `None` when nothing changes.
pub fn prepare(s: &str, repaired: &mut u64) -> Option<String> {
    let stripped = strip_invisible(s, repaired);
    let text = stripped.as_deref().unwrap_or(s);
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return stripped;
    }
    let nfc: String = text.nfc().collect();
    let before = text.chars().count();
    *repaired += before.saturating_sub(nfc.chars().count()).max(usize::from(nfc != text)) as u64;
    Some(nfc)
}

/// Repairs made on Unicode text after detection: soft hyphens dropped, `ð`
/// for `đ`, syllables split by a space joined.
pub fn finish(s: &str, repaired: &mut u64) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut text = if s.contains('\u{AD}') {
        *repaired += s.matches('\u{AD}').count() as u64;
        // A mark that followed the soft hyphen now follows a letter.
        s.replace('\u{AD}', "").nfc().collect()
    } else {
        s.to_owned()
    };
    if text.contains(['ð', 'Ð']) {
        text = eth_to_dstroke(&text, repaired);
    }
    for _ in 0..3 {
        match join_split_syllables(&text) {
            Some((joined, n)) => {
                *repaired += n;
                text = joined;
            }
            None => break,
        }
    }
    text
}

/// Every repair, for text known to be Unicode.
pub fn repair(s: &str, repaired: &mut u64) -> String {
    match prepare(s, repaired) {
        Some(p) => finish(&p, repaired),
        None => finish(s, repaired),
    }
}

/// Zero-width chars removed, no-break spaces made spaces; `None` if none.
fn strip_invisible(s: &str, repaired: &mut u64) -> Option<String> {
    let zero_width = |c: char| matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}');
    if !s.contains(|c| zero_width(c) || is_nbsp(c)) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_nbsp(c) {
            out.push(' ');
        } else if !zero_width(c) {
            out.push(c);
            continue;
        }
        *repaired += 1;
    }
    Some(out)
}

fn is_nbsp(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
}

/// `ð`/`Ð` become `đ`/`Đ` in words that are then Vietnamese syllables.
fn eth_to_dstroke(s: &str, repaired: &mut u64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for piece in split_keep(s) {
        if !piece.contains(['ð', 'Ð']) {
            out.push_str(piece);
            continue;
        }
        word.clear();
        word.extend(piece.chars().map(|c| match c {
            'ð' => 'đ',
            'Ð' => 'Đ',
            _ => c,
        }));
        if is_syllable(&word) && well_cased(&word) {
            *repaired += piece.chars().filter(|c| matches!(c, 'ð' | 'Ð')).count() as u64;
            out.push_str(&word);
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// Alternating letter words and the non-letter text between them.
fn split_keep(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let letter = first.is_alphabetic();
        let end = rest.find(|c: char| c.is_alphabetic() != letter).unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// Joins two letter words separated by one space when one of them is no
/// syllable on its own and together they are one (`ĐIỀ U` → `ĐIỀU`).
/// Returns the new text and the number of spaces removed, or `None`.
fn join_split_syllables(s: &str) -> Option<(String, u64)> {
    let pieces: Vec<&str> = split_keep(s).collect();
    let joinable = |i: usize| {
        pieces.get(i + 1) == Some(&" ")
            && pieces.get(i + 2).is_some_and(|right| should_join(pieces[i], right))
            && pieces[i].chars().next().is_some_and(char::is_alphabetic)
    };
    // most lines join nothing: find the first join before building a new text
    let first = (0..pieces.len()).find(|&i| joinable(i))?;
    let mut out = String::with_capacity(s.len());
    pieces[..first].iter().for_each(|p| out.push_str(p));
    let mut joined = 0;
    let mut i = first;
    while i < pieces.len() {
        out.push_str(pieces[i]);
        if joinable(i) {
            out.push_str(pieces[i + 2]);
            joined += 1;
            i += 3;
        } else {
            i += 1;
        }
    }
    Some((out, joined))
}

fn should_join(left: &str, right: &str) -> bool {
    // A lone ASCII letter (`điểm b`) is a word of its own, never a fragment.
    let broken = |w: &str| !is_syllable(w) && (w.len() != 1 || !w.is_ascii());
    if left.is_ascii() && right.is_ascii() {
        return false;
    }
    let left_caps = left.chars().count() > 1 && !left.chars().any(char::is_lowercase);
    let right_ok_case =
        if left_caps { !right.chars().any(char::is_lowercase) } else { !right.chars().any(char::is_uppercase) };
    if !right_ok_case || !(broken(left) || broken(right)) {
        return false;
    }
    let mut both = String::with_capacity(left.len() + right.len());
    both.push_str(left);
    both.push_str(right);
    is_syllable(&both)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        repair(s, &mut 0)
    }

    #[test]
    fn joins_split_syllables_only_when_broken() {
        assert_eq!(fix("Căn cứ ĐIỀ U 5"), "Căn cứ ĐIỀU 5");
        assert_eq!(fix("Điề u khoản"), "Điều khoản");
        assert_eq!(fix("ĐI ỀU"), "ĐI ỀU");
        assert_eq!(fix("điểm b ảnh"), "điểm b ảnh");
        assert_eq!(fix("Điều hành"), "Điều hành");
    }

    #[test]
    fn eth_becomes_d_stroke_in_vietnamese_words() {
        assert_eq!(fix("Ðiều 5 ðược"), "Điều 5 được");
        assert_eq!(fix("suður"), "suður");
    }

    #[test]
    fn invisible_chars_and_decomposed_marks() {
        let mut n = 0;
        assert_eq!(repair("Vie\u{0302}\u{0323}t\u{200B}\u{A0}Nam\u{AD}", &mut n), "Việt Nam");
        assert!(n >= 3);
    }
}
