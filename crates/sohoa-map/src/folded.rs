//! Folded text, computed once: the `fold_key` of each word memoized per thread, a text's folded
//! view ([`Folded`]) reused by every phrase test on it, and vocabularies folded once into a set
//! ([`Vocabulary`]) that a text's first words are looked up in, instead of folding the text and
//! every phrase again on each comparison. Results equal `fold_key` of the whole string.

use sohoa_doc::fold_key;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Distinct words memoized per thread before the memo starts over (a document has a few thousand).
const MEMO_LIMIT: usize = 1 << 16;

thread_local! {
    /// `fold_key` of each word seen on this thread.
    static MEMO: RefCell<HashMap<Box<str>, Rc<str>>> = RefCell::new(HashMap::new());
}

/// One folded word: the word itself when folding leaves it unchanged (lower-case ASCII),
/// else its memoized key.
pub enum Word<'a> {
    Same(&'a str),
    Folded(Rc<str>),
}

impl std::ops::Deref for Word<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Word::Same(s) => s,
            Word::Folded(s) => s,
        }
    }
}

/// `fold_key(word)` for a word without white space.
pub fn fold_word(word: &str) -> Word<'_> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Word::Same(word);
    }
    MEMO.with(|memo| {
        if let Some(k) = memo.borrow().get(word) {
            return Word::Folded(Rc::clone(k));
        }
        let key: Rc<str> = Rc::from(fold_key(word));
        let mut memo = memo.borrow_mut();
        if memo.len() >= MEMO_LIMIT {
            memo.clear();
        }
        memo.insert(Box::from(word), Rc::clone(&key));
        Word::Folded(key)
    })
}

/// `fold_key(text)`, word by word through the memo.
pub fn fold_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&fold_word(w));
    }
    out
}

/// The words of `text` once every character that is not a letter or digit is a space.
pub fn letter_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The folded view of a text (`words::key`: letters and digits only), padded with a space on
/// each side so that whole-word tests are substring tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// ` w1 w2 … wn `; two spaces for a text of no words.
    padded: String,
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let mut padded = String::with_capacity(text.len() + 2);
        padded.push(' ');
        for (i, w) in letter_words(text).enumerate() {
            if i > 0 {
                padded.push(' ');
            }
            padded.push_str(&fold_word(w));
        }
        padded.push(' ');
        Folded { padded }
    }

    /// The key without padding (`words::key`).
    pub fn key(&self) -> &str {
        &self.padded[1..self.padded.len() - 1]
    }

    /// Whether the text starts with the words of `phrase`.
    pub fn starts_with(&self, phrase: &Folded) -> bool {
        self.padded.starts_with(&phrase.padded)
    }

    /// Whether the text holds the words of `phrase` as whole words.
    pub fn contains(&self, phrase: &Folded) -> bool {
        self.padded.contains(&phrase.padded)
    }

    /// Whether the text ends with the words of `phrase` after at least one other word.
    pub fn ends_after_other_words(&self, phrase: &Folded) -> bool {
        self.padded.len() > phrase.padded.len() && self.padded.ends_with(&phrase.padded)
    }
}

/// Whether `text` starts with the words of `phrase`, folding only as many of its words as
/// `phrase` has.
pub fn starts_with_words(text: &str, phrase: &str) -> bool {
    let mut t = letter_words(text);
    let mut empty = true;
    for p in letter_words(phrase) {
        empty = false;
        match t.next() {
            Some(w) if *fold_word(w) == *fold_word(p) => {}
            _ => return false,
        }
    }
    // a phrase of no words starts only a text of no words
    !empty || t.next().is_none()
}

/// A fixed list of phrases folded once: which of them a text starts with, looking up the
/// text's first words (folded once) instead of testing each phrase.
#[derive(Debug)]
pub struct Vocabulary {
    /// Folded phrase (words joined by one space) → index of its first occurrence in the list.
    keys: HashMap<String, usize>,
    /// Words in the longest phrase.
    longest: usize,
    /// Whether a phrase of no words is listed (it starts only a text of no words).
    has_empty: Option<usize>,
}

impl Vocabulary {
    pub fn new(phrases: &[&str]) -> Self {
        let mut keys = HashMap::new();
        let (mut longest, mut has_empty) = (0, None);
        for (i, p) in phrases.iter().enumerate() {
            let words: Vec<String> = letter_words(p).map(|w| fold_word(w).to_string()).collect();
            if words.is_empty() {
                has_empty.get_or_insert(i);
            }
            longest = longest.max(words.len());
            keys.entry(words.join(" ")).or_insert(i);
        }
        Vocabulary { keys, longest, has_empty }
    }

    /// The index (in the list given to [`Vocabulary::new`]) of the first phrase `text` starts
    /// with, as `phrases.iter().position(|p| starts_with_words(text, p))` would find it.
    pub fn first_at_start(&self, text: &str) -> Option<usize> {
        let mut prefix = String::new();
        let mut best: Option<usize> = None;
        let mut words = 0;
        for w in letter_words(text).take(self.longest) {
            if words > 0 {
                prefix.push(' ');
            }
            prefix.push_str(&fold_word(w));
            words += 1;
            if let Some(&i) = self.keys.get(&prefix) {
                best = Some(best.map_or(i, |b| b.min(i)));
            }
        }
        if words == 0 {
            return self.has_empty;
        }
        best
    }

    /// Whether `text` starts with any of the phrases.
    pub fn any_at_start(&self, text: &str) -> bool {
        self.first_at_start(text).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference definitions these functions must agree with.
    fn key(text: &str) -> String {
        let letters: String = text.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
        fold_key(&letters)
    }

    const TEXTS: &[&str] = &[
        "",
        " ",
        ":",
        "Nơi nhận:",
        "NƠI NHẬN",
        "**Trên đây là** Kế hoạch",
        "Nơi nhậnx",
        "công tác hoà giải",
        "Hòa  giải, UỶ ban",
        "Thuỷ lợi",
        "ĐỀ CƯƠNG BÁO CÁO",
        "a) Các sở, ban, ngành:",
        "Giao cho Sở Nội vụ",
        "\u{212A}elvin 5%",
        "x",
    ];

    #[test]
    fn folded_words_equal_fold_key() {
        for t in TEXTS {
            assert_eq!(fold_words(t), fold_key(t), "{t:?}");
            assert_eq!(Folded::new(t).key(), key(t), "{t:?}");
        }
    }

    #[test]
    fn phrase_tests_equal_the_string_definitions() {
        for t in TEXTS {
            for p in TEXTS {
                let (k, q) = (key(t), key(p));
                let starts = k == q || k.starts_with(&format!("{q} "));
                let contains = format!(" {k} ").contains(&format!(" {q} "));
                let ends = k.ends_with(&format!(" {q}"));
                assert_eq!(starts_with_words(t, p), starts, "{t:?} starts with {p:?}");
                assert_eq!(Folded::new(t).starts_with(&Folded::new(p)), starts, "{t:?} starts with {p:?}");
                assert_eq!(Folded::new(t).contains(&Folded::new(p)), contains, "{t:?} contains {p:?}");
                assert_eq!(Folded::new(t).ends_after_other_words(&Folded::new(p)), ends, "{t:?} ends with {p:?}");
            }
        }
    }

    #[test]
    fn a_vocabulary_finds_the_first_listed_phrase_a_text_starts_with() {
        let list = ["Giao cho", "Giao", "Đề nghị", "Sở", "Sở Nội vụ"];
        let v = Vocabulary::new(&list);
        for t in TEXTS.iter().chain(&["GIAO CHO Sở", "giao việc", "Sở nội vụ tỉnh", "Đề  nghị:"]) {
            let want = list.iter().position(|p| starts_with_words(t, p));
            assert_eq!(v.first_at_start(t), want, "{t:?}");
        }
        assert_eq!(v.first_at_start("Sở Nội vụ"), Some(3));
        assert!(!v.any_at_start("Phòng Nội vụ"));
    }
}
