//! Small phrase grammars written as static trees and matched by backtracking, with nothing to
//! build: what the `regex` crate's leftmost-first search finds for the same pattern (its
//! preference order is a backtracker's), without the process paying a fraction of a
//! millisecond per pattern to compile the Unicode classes, `(?i)` words and literal
//! prefilters. For short texts (cells, lines, task sentences) with a few phrases each.
//!
//! A grammar is a slice of [`G`] nodes; groups are numbered as the pattern it replaces numbers
//! them (group 0 is the whole match), so a test can compare every group with the old pattern.

use sohoa_doc::classes::{is_space, is_word};

/// One node of a grammar.
#[derive(Debug)]
pub(crate) enum G {
    /// This exact text.
    Lit(&'static str),
    /// Words as `(?i)` matches them; written in lower case, a space standing for `\s+`.
    Fold(&'static str),
    /// These exact words, a space standing for `\s+`.
    Words(&'static str),
    /// From `min` to `max` characters `class` accepts, as many as fit (or as few, when lazy).
    Rep { class: fn(char) -> bool, min: usize, max: usize, lazy: bool },
    /// `\b`: a word character on one side only (Unicode `\w`, as `regex` reads it).
    Boundary,
    /// `^`: the start of the text.
    Start,
    /// `$`: the end of the text.
    End,
    /// Alternatives, the first that lets the rest match winning.
    Alt(&'static [G]),
    /// Nodes one after the other (an alternative of several nodes).
    Seq(&'static [G]),
    /// `(?:...)?`, greedy.
    Opt(&'static G),
    /// `(?:...)*`, greedy; its node never matches empty text.
    Star(&'static G),
    /// A numbered capture group.
    Group(usize, &'static G),
    /// Where group `i` closes (placed by the matcher, never written).
    Close(usize),
}

/// `\s*`
pub(crate) const SPACES: G = G::Rep { class: is_space, min: 0, max: usize::MAX, lazy: false };
/// `\s+`
pub(crate) const SPACE: G = G::Rep { class: is_space, min: 1, max: usize::MAX, lazy: false };

/// `[0-9]{min,max}`, greedy.
pub(crate) const fn digits(min: usize, max: usize) -> G {
    G::Rep { class: is_digit, min, max, lazy: false }
}

/// `[0-9]`
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Whether `c` is what a `(?i)` pattern's lower-case letter `p` matches: `p`, and the letters
/// of its case folding orbit. `p` is a lower-case letter of the Vietnamese alphabet (the
/// grammar's words are written in it); checked against `regex` on every code point.
pub(crate) fn fold_eq(p: char, c: char) -> bool {
    if c == p {
        return true;
    }
    match (p.is_ascii(), c.is_ascii()) {
        (true, true) => c.eq_ignore_ascii_case(&p),
        // the Kelvin sign and the long s fold to k and s; no other letter beyond ASCII folds to one in it
        (true, false) => matches!((p, c), ('k', '\u{212A}') | ('s', '\u{17F}')),
        (false, true) => false,
        // the dotless i capitalizes to I but Unicode's simple case folding keeps it apart from i
        (false, false) => {
            single(c.to_lowercase()) == Some(p)
                || single(c.to_uppercase()).is_some_and(|u| single(p.to_uppercase()) == Some(u))
        }
    }
}

fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

/// The length of the words `word` at the start of `text` (a space standing for `\s+`, which
/// takes every space: the character after it is none), each letter compared by `same`.
fn words_prefix(text: &str, word: &str, same: fn(char, char) -> bool) -> Option<usize> {
    let mut rest = text;
    for p in word.chars() {
        rest = if p == ' ' {
            Some(rest.trim_start_matches(is_space)).filter(|r| r.len() < rest.len())?
        } else {
            rest.strip_prefix(|c| same(p, c))?
        };
    }
    Some(text.len() - rest.len())
}

/// A match: where each group starts and ends (`None` when it took no part).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Caps<'t> {
    text: &'t str,
    slots: Vec<Option<usize>>,
}

impl<'t> Caps<'t> {
    /// Group `i`'s range, if it took part.
    pub(crate) fn range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        Some(self.slots.get(2 * i).copied()??..self.slots.get(2 * i + 1).copied()??)
    }

    /// Group `i`'s text, if it took part.
    pub(crate) fn get(&self, i: usize) -> Option<&'t str> {
        self.range(i).map(|r| &self.text[r])
    }

    /// The whole match's range.
    pub(crate) fn whole(&self) -> std::ops::Range<usize> {
        // invariant: a match always sets group 0
        self.range(0).expect("group 0 of a match")
    }
}

/// The nodes still to match after the current ones.
struct Cont<'a> {
    nodes: &'a [G],
    next: Option<&'a Cont<'a>>,
}

struct Run<'t> {
    text: &'t str,
    slots: Vec<Option<usize>>,
}

impl Run<'_> {
    /// Matches `nodes` then the continuation from `pos`: the end of the first way that fits.
    fn seq(&mut self, pos: usize, nodes: &[G], next: Option<&Cont>) -> Option<usize> {
        let Some((g, rest)) = nodes.split_first() else {
            return match next {
                Some(c) => self.seq(pos, c.nodes, c.next),
                None => Some(pos),
            };
        };
        let after = Cont { nodes: rest, next };
        match g {
            G::Lit(s) => {
                let end = pos + s.len();
                self.text[pos..].starts_with(s).then_some(())?;
                self.seq(end, rest, next)
            }
            G::Fold(w) => {
                let len = words_prefix(&self.text[pos..], w, fold_eq)?;
                self.seq(pos + len, rest, next)
            }
            G::Words(w) => {
                let len = words_prefix(&self.text[pos..], w, |p, c| p == c)?;
                self.seq(pos + len, rest, next)
            }
            G::Rep { class, min, max, lazy } => self.rep(pos, (*class, *min, *max, *lazy), &after),
            G::Boundary => {
                let before = self.text[..pos].chars().next_back().is_some_and(is_word);
                let behind = self.text[pos..].chars().next().is_some_and(is_word);
                (before != behind).then_some(())?;
                self.seq(pos, rest, next)
            }
            G::Start => (pos == 0).then(|| self.seq(pos, rest, next))?,
            G::End => (pos == self.text.len()).then(|| self.seq(pos, rest, next))?,
            G::Alt(alts) => alts.iter().find_map(|a| self.seq(pos, std::slice::from_ref(a), Some(&after))),
            G::Seq(inner) => self.seq(pos, inner, Some(&after)),
            G::Opt(inner) => {
                self.seq(pos, std::slice::from_ref(*inner), Some(&after)).or_else(|| self.seq(pos, rest, next))
            }
            G::Star(inner) => {
                let again = Cont { nodes: std::slice::from_ref(g), next: Some(&after) };
                self.seq(pos, std::slice::from_ref(*inner), Some(&again)).or_else(|| self.seq(pos, rest, next))
            }
            G::Group(i, inner) => {
                let old = self.slots[2 * i];
                self.slots[2 * i] = Some(pos);
                let close = [G::Close(*i)];
                let closing = Cont { nodes: &close, next: Some(&after) };
                let found = self.seq(pos, std::slice::from_ref(*inner), Some(&closing));
                if found.is_none() {
                    self.slots[2 * i] = old;
                }
                found
            }
            G::Close(i) => {
                let old = self.slots[2 * i + 1];
                self.slots[2 * i + 1] = Some(pos);
                let found = self.seq(pos, rest, next);
                if found.is_none() {
                    self.slots[2 * i + 1] = old;
                }
                found
            }
        }
    }

    /// A repetition of one class: every count it can take, in the order of preference.
    fn rep(
        &mut self,
        pos: usize,
        (class, min, max, lazy): (fn(char) -> bool, usize, usize, bool),
        after: &Cont,
    ) -> Option<usize> {
        let text = self.text;
        let (mut most, mut end) = (0, pos);
        for c in text[pos..].chars() {
            if most == max || !class(c) {
                break;
            }
            most += 1;
            end += c.len_utf8();
        }
        if most < min {
            return None;
        }
        let mut taken = text[pos..end].chars();
        if lazy {
            let (mut count, mut at) = (0, pos);
            loop {
                if count >= min {
                    if let Some(found) = self.seq(at, after.nodes, after.next) {
                        return Some(found);
                    }
                }
                at += taken.next()?.len_utf8();
                count += 1;
            }
        } else {
            let (mut count, mut at) = (most, end);
            loop {
                if let Some(found) = self.seq(at, after.nodes, after.next) {
                    return Some(found);
                }
                if count == min {
                    return None;
                }
                at -= taken.next_back()?.len_utf8();
                count -= 1;
            }
        }
    }
}

/// The first match of `grammar` (with `groups` groups besides the whole match) starting at or
/// after `start`, the text before `start` still counting for `\b` (as `Regex::captures_at`).
pub(crate) fn captures_at<'t>(grammar: &[G], groups: usize, text: &'t str, start: usize) -> Option<Caps<'t>> {
    let mut firsts = Vec::new();
    let filtered = first_letters(grammar, &mut firsts);
    let mut run = Run { text, slots: vec![None; 2 * (groups + 1)] };
    let starts =
        text[start..].char_indices().map(|(i, c)| (start + i, Some(c))).chain(std::iter::once((text.len(), None)));
    for (s, c) in starts {
        if filtered && !c.is_some_and(|c| firsts.iter().any(|f| f.accepts(c))) {
            continue;
        }
        if let Some(end) = run.seq(s, grammar, None) {
            run.slots[0] = Some(s);
            run.slots[1] = Some(end);
            return Some(Caps { text, slots: run.slots });
        }
    }
    None
}

/// A letter a match can open with.
enum First {
    Exact(char),
    Folded(char),
}

impl First {
    fn accepts(&self, c: char) -> bool {
        match *self {
            First::Exact(p) => p == c,
            First::Folded(p) => fold_eq(p, c),
        }
    }
}

/// Collects the letters a match of `nodes` can open with; `false` when it could open with
/// anything (or with nothing), so that no start may be skipped.
fn first_letters(nodes: &[G], out: &mut Vec<First>) -> bool {
    for g in nodes {
        match g {
            // zero-width: what follows opens the match
            G::Boundary | G::Start => continue,
            G::Lit(w) | G::Words(w) => return w.chars().next().map(|c| out.push(First::Exact(c))).is_some(),
            G::Fold(w) => return w.chars().next().map(|c| out.push(First::Folded(c))).is_some(),
            G::Alt(alts) => return alts.iter().all(|a| first_letters(std::slice::from_ref(a), out)),
            G::Seq(inner) => return first_letters(inner, out),
            G::Group(_, inner) => return first_letters(std::slice::from_ref(*inner), out),
            _ => return false,
        }
    }
    false
}

/// The first match of `grammar` in `text`.
pub(crate) fn captures<'t>(grammar: &[G], groups: usize, text: &'t str) -> Option<Caps<'t>> {
    captures_at(grammar, groups, text, 0)
}

/// The successive non-overlapping matches of a grammar that never matches empty text, as
/// `Regex::captures_iter`.
pub(crate) fn captures_iter<'g, 't: 'g>(
    grammar: &'g [G],
    groups: usize,
    text: &'t str,
) -> impl Iterator<Item = Caps<'t>> + 'g {
    let mut at = Some(0);
    std::iter::from_fn(move || {
        let c = captures_at(grammar, groups, text, at?)?;
        let m = c.whole();
        // a grammar of this kind never matches empty text; were it to, the search moves on
        at = if m.is_empty() { text[m.end..].chars().next().map(|ch| m.end + ch.len_utf8()) } else { Some(m.end) };
        Some(c)
    })
}

#[cfg(test)]
pub(crate) mod check {
    //! Comparing a grammar with the pattern it replaces.
    use super::*;
    use regex::Regex;

    /// Every match of `captures_iter` of the pattern and the grammar agree, group by group, on
    /// the sample texts made of `pieces`; returns how many matches there were.
    pub(crate) fn check_same(pattern: &str, grammar: &[G], pieces: &[&str], seed: u64) -> usize {
        let re = Regex::new(pattern).expect("a test pattern");
        let groups = re.captures_len() - 1;
        let mut found = 0;
        let texts = sohoa_doc::sample::texts(seed, pieces, 30_000, 59).chain(TARGETED.iter().map(|s| (*s).to_owned()));
        for text in texts {
            let theirs: Vec<Vec<_>> =
                re.captures_iter(&text).map(|c| (0..=groups).map(|i| c.get(i).map(|m| m.range())).collect()).collect();
            let ours: Vec<Vec<_>> =
                captures_iter(grammar, groups, &text).map(|c| (0..=groups).map(|i| c.range(i)).collect()).collect();
            found += theirs.len();
            assert_eq!(ours, theirs, "{pattern} on {text:?}");
            let first = re.captures(&text).map(|c| c.get(0).map(|m| m.range()));
            assert_eq!(captures(grammar, groups, &text).map(|c| Some(c.whole())), first, "{pattern} on {text:?}");
        }
        found
    }

    /// Texts every grammar is tried on besides the generated ones.
    const TARGETED: &[&str] = &["", " ", "\u{A0}", "a\u{301}", "Đ", "ı", "K", "ſ", "_", "\n"];
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn folding_is_the_patterns_on_every_code_point() {
        let alphabet = "abcdefghijklmnopqrstuvwxyzàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";
        let mut buf = [0u8; 4];
        let mut matched = 0;
        for p in alphabet.chars() {
            let re = Regex::new(&format!("(?i)^{p}$")).expect("a test pattern");
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                let theirs = re.is_match(c.encode_utf8(&mut buf));
                assert_eq!(fold_eq(p, c), theirs, "{p} {:X}", c as u32);
                matched += usize::from(theirs);
            }
        }
        assert!(matched > 2 * alphabet.chars().count(), "{matched}");
    }

    static SAMPLE: &[G] = &[
        G::Boundary,
        G::Group(1, &G::Alt(&[G::Fold("quý"), G::Seq(&[G::Lit("x"), G::Opt(&G::Lit("y"))])])),
        SPACES,
        G::Opt(&G::Group(2, &digits(1, 2))),
        G::Star(&G::Seq(&[G::Lit("-"), G::Group(3, &digits(1, 3))])),
    ];

    #[test]
    fn a_sample_grammar_is_its_pattern() {
        let pieces = ["quý", "QUÝ", "x", "y", " ", "1", "23", "-", "-4", "a", "\u{A0}", "ý"];
        let found = check::check_same(r"\b((?i:quý)|xy?)\s*([0-9]{1,2})?(?:-([0-9]{1,3}))*", SAMPLE, &pieces, 3);
        assert!(found > 1000, "{found}");
    }
}
