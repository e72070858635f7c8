//! The scorer's text fold: markup stripped, white space folded, tone marks
//! moved to the end of each word (old and new placement compare equal), NFC,
//! casefolded. A port of `fold()` in `shared/tools/score`.

use super::difflib::str_ratio;
use super::pyvalue::py_str;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The five Vietnamese tone marks as combining characters.
const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    // invariant: a constant, valid pattern
    Regex::new(r"</?[a-zA-Z][^>]*>|\*\*|__|\t").expect("valid markup pattern")
});

/// `fold(v)`: `None` folds to the empty string, anything else to its folded `str()`.
pub fn fold(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(v) => fold_str(&py_str(Some(v))),
    }
}

/// The fold of a string.
pub fn fold_str(s: &str) -> String {
    let s = MARKUP.replace_all(s, " ");
    let nfd: String = s.nfd().collect();
    let words: Vec<String> = nfd.split(is_py_space).filter(|w| !w.is_empty()).map(tone_to_end).collect();
    casefold(&words.join(" ").nfc().collect::<String>())
}

/// Python's `str.split()` separators: Unicode white space plus the ASCII
/// information separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn tone_to_end(word: &str) -> String {
    let mut base: String = word.chars().filter(|c| !TONES.contains(c)).collect();
    base.extend(word.chars().filter(|c| TONES.contains(c)));
    base
}

/// Python `str.casefold()`: full case folding where it differs from lower-casing
/// one character at a time.
fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ſ' => out.push('s'),
            'ς' => out.push('σ'),
            'µ' => out.push('μ'),
            'ŉ' => out.push_str("ʼn"),
            'ǰ' => out.push_str("j\u{30c}"),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            'ͅ' => out.push('ι'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `sim(a, b)`: the difflib ratio of the folds, 1 when both are empty.
pub fn sim(a: Option<&Value>, b: Option<&Value>) -> f64 {
    let (a, b) = (fold(a), fold(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    str_ratio(&a, &b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn folds_markup_space_tones_and_case() {
        assert_eq!(fold_str("**Kế  hoạch**\t<b>số</b> 11"), "kế hoacḥ số 11"); // as Python folds it: the dot below moves to the end
        assert_eq!(fold_str("hoà"), fold_str("hòa"));
        assert_eq!(fold_str("Thủy"), fold_str("thuỷ"));
        assert_eq!(fold_str("Straße"), "strasse");
        assert_eq!(fold(None), "");
        assert_eq!(fold(Some(&json!(2018))), "2018");
    }

    #[test]
    fn sim_of_empties_is_one() {
        assert_eq!(sim(None, Some(&json!(""))), 1.0);
        assert_eq!(sim(Some(&json!("abcd")), Some(&json!("bcde"))), 0.75);
    }
}
