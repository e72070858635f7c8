//! The folding key of a line's first words only: a test of how a folded line starts needs
//! no more words than the phrase it looks for, so long paragraphs are not folded whole.

use sohoa_doc::fold_key;

/// `fold_key` of the first `n` words of `text`, words split at white space and at any of `seps`.
fn head_key(text: &str, n: usize, seps: &[char]) -> String {
    let words: Vec<&str> =
        text.split(|c: char| c.is_whitespace() || seps.contains(&c)).filter(|w| !w.is_empty()).take(n).collect();
    fold_key(&words.join(" "))
}

/// Whether `fold_key(text)` (with each of `seps` read as a space) starts with `prefix`,
/// itself a `fold_key` (single spaces, none at either end).
pub(crate) fn starts_with(text: &str, seps: &[char], prefix: &str) -> bool {
    prefix.is_empty() || head_key(text, prefix.split(' ').count(), seps).starts_with(prefix)
}

/// `fold_key(text)` when `text` has at most `n` words; `None` (it equals no key of `n` words
/// or fewer) when it has more.
pub(crate) fn short_key(text: &str, n: usize) -> Option<String> {
    text.split_whitespace().nth(n).is_none().then(|| fold_key(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_test_equals_the_test_on_the_whole_key() {
        let texts = [
            "",
            "Nơi nhận:",
            "NƠI NHẬN: - Như trên;",
            "Nơi:nhận",
            "Nơi nhậnx y",
            "Trên đây là Kế hoạch",
            "PHỤ LỤC I",
            "Phụ lụcx",
            "Phụ",
        ];
        let prefixes = ["", "nơi", "nơi nhận", "trên đây là", "phụ lục", "lưu"];
        for t in texts {
            for p in prefixes {
                let p = fold_key(p);
                assert_eq!(starts_with(t, &[':'], &p), fold_key(&t.replace(':', " ")).starts_with(&p), "{t:?} {p:?}");
                assert_eq!(starts_with(t, &[], &p), fold_key(t).starts_with(&p), "{t:?} {p:?}");
            }
            assert_eq!(short_key(t, 2).is_some(), t.split_whitespace().count() <= 2);
            assert!(short_key(t, 2).is_none_or(|k| k == fold_key(t)));
        }
    }
}
