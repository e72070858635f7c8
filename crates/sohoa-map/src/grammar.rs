//! Small phrase grammars written as static trees and matched by backtracking, with nothing to
//! build: what the `regex` crate's leftmost-first search finds for the same pattern (its
//! preference order is a backtracker's), without the process paying a fraction of a
//! millisecond per pattern to compile the Unicode classes, `(?i)` words and literal
//! prefilters. For short texts (cells, lines, task sentences) with a few phrases each.
//!
//! A grammar is a slice of [`G`] nodes; groups are numbered as the pattern it replaces numbers
//! them (group 0 is the whole match), so a test can compare every group with the old pattern.
//!
//! The backtracker is bounded: past [`MAX_DEPTH`] nested calls or a step budget linear in the
//! text searched ([`budget`]) it gives up, and the search is answered by the pattern the
//! grammar replaces, compiled the first time it is needed. A hostile text (a number of
//! 300,000 `-B` parts) so costs linear time and a bounded stack, as `regex` alone would.

use once_cell::sync::OnceCell;
use regex::Regex;
use sohoa_doc::classes::{is_space, is_word};

/// The most nested calls of the backtracker before it gives up. One nesting (a frame of
/// [`Run::seq`] and of `step`, `rep` or an `Alt`'s closure) measured about 255 bytes of stack
/// in a release build and 1,240 in a debug one, so 1,000 of them take 0.25 MiB (1.2 MiB in a
/// debug test, which searches on a 2 MiB thread): safe on the 8 MiB main thread and the 32 MiB
/// pipeline thread alike. A real line nests far less (a part of a number `-UBND` costs 11, a
/// date of `ATOM` about 30); past the limit only the pattern answers, not a wrong one.
const MAX_DEPTH: usize = 1_000;

/// The steps (calls of [`Run::seq`] and characters scanned by a repetition) a search of
/// `len` bytes may take before the backtracker gives up: 64 per byte, and 4,096 for short
/// texts. A real cell or line takes a few steps per character (starts are skipped unless their
/// letter can open a match, and most alternatives fail at their first node); the regex it falls
/// back to is linear, so a search never costs more than a constant times its text.
fn budget(len: usize) -> usize {
    len.saturating_add(1).saturating_mul(64).saturating_add(4_096)
}

/// A grammar, the pattern it replaces (and answers for when the backtracker gives up), and
/// that pattern compiled the first time it is needed.
pub(crate) struct Grammar {
    nodes: &'static [G],
    groups: usize,
    pub(crate) pattern: &'static str,
    fallback: OnceCell<Regex>,
}

/// How a bounded search of the backtracker ended.
enum Outcome<'t> {
    Found(Caps<'t>),
    NotFound,
    /// The depth limit or the step budget was reached.
    GaveUp,
}

impl Grammar {
    /// The grammar `nodes` with `groups` groups besides the whole match, which matches as `pattern`.
    pub(crate) const fn new(pattern: &'static str, groups: usize, nodes: &'static [G]) -> Grammar {
        Grammar { nodes, groups, pattern, fallback: OnceCell::new() }
    }

    /// The first match starting at or after `start`, the text before `start` still counting
    /// for `\b` (as `Regex::captures_at`).
    pub(crate) fn captures_at<'t>(&self, text: &'t str, start: usize) -> Option<Caps<'t>> {
        let mut steps = budget(text.len() - start);
        self.search(text, start, &mut steps)
    }

    /// The first match in `text`.
    pub(crate) fn captures<'t>(&self, text: &'t str) -> Option<Caps<'t>> {
        self.captures_at(text, 0)
    }

    /// The successive non-overlapping matches of a grammar that never matches empty text, as
    /// `Regex::captures_iter`; the searches share one budget for the whole text.
    pub(crate) fn captures_iter<'g, 't: 'g>(&'g self, text: &'t str) -> impl Iterator<Item = Caps<'t>> + 'g {
        let mut steps = budget(text.len());
        let mut at = Some(0);
        std::iter::from_fn(move || {
            let c = self.search(text, at?, &mut steps)?;
            let m = c.whole();
            // a grammar of this kind never matches empty text; were it to, the search moves on
            at = if m.is_empty() { text[m.end..].chars().next().map(|ch| m.end + ch.len_utf8()) } else { Some(m.end) };
            Some(c)
        })
    }

    /// The first match at or after `start` by the backtracker within `steps`, else by the pattern.
    fn search<'t>(&self, text: &'t str, start: usize, steps: &mut usize) -> Option<Caps<'t>> {
        if *steps > 0 {
            match backtrack(self.nodes, self.groups, text, start, steps) {
                Outcome::Found(c) => return Some(c),
                Outcome::NotFound => return None,
                Outcome::GaveUp => *steps = 0,
            }
        }
        self.by_pattern(text, start)
    }

    /// The first match at or after `start` by the pattern, as the backtracker's captures.
    fn by_pattern<'t>(&self, text: &'t str, start: usize) -> Option<Caps<'t>> {
        // invariant: every pattern compiles, with as many groups as its grammar (tested in `check`)
        let re = self.fallback.get_or_init(|| Regex::new(self.pattern).expect("a grammar's pattern compiles"));
        let c = re.captures_at(text, start)?;
        let slots = (0..=self.groups)
            .flat_map(|i| {
                let m = c.get(i);
                [m.map(|m| m.start()), m.map(|m| m.end())]
            })
            .collect();
        Some(Caps { text, slots })
    }

    /// Whether the backtracker alone gives up on the first search of `text`.
    #[cfg(test)]
    pub(crate) fn gives_up(&self, text: &str) -> bool {
        matches!(backtrack(self.nodes, self.groups, text, 0, &mut budget(text.len())), Outcome::GaveUp)
    }
}

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
    /// Nested calls of [`Run::seq`] now.
    depth: usize,
    /// Steps left before the search gives up.
    steps: usize,
    /// Whether the depth limit or the step budget was reached: then every call fails at once.
    gave_up: bool,
}

impl Run<'_> {
    /// Matches `nodes` then the continuation from `pos`: the end of the first way that fits
    /// (`None` too once the search gave up).
    fn seq(&mut self, pos: usize, nodes: &[G], next: Option<&Cont>) -> Option<usize> {
        if self.gave_up || self.depth >= MAX_DEPTH || self.steps == 0 {
            self.gave_up = true;
            return None;
        }
        self.steps -= 1;
        self.depth += 1;
        let found = self.step(pos, nodes, next);
        self.depth -= 1;
        found
    }

    /// One node of [`Run::seq`].
    fn step(&mut self, pos: usize, nodes: &[G], next: Option<&Cont>) -> Option<usize> {
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
        self.steps = self.steps.saturating_sub(most);
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
                if self.gave_up {
                    return None;
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
                if count == min || self.gave_up {
                    return None;
                }
                at -= taken.next_back()?.len_utf8();
                count -= 1;
            }
        }
    }
}

/// The first match of `grammar` (with `groups` groups besides the whole match) starting at or
/// after `start` within `steps` (what is left of them is written back), or that it gave up.
fn backtrack<'t>(grammar: &[G], groups: usize, text: &'t str, start: usize, steps: &mut usize) -> Outcome<'t> {
    let mut firsts = Vec::new();
    let filtered = first_letters(grammar, &mut firsts);
    let mut run = Run { text, slots: vec![None; 2 * (groups + 1)], depth: 0, steps: *steps, gave_up: false };
    let starts =
        text[start..].char_indices().map(|(i, c)| (start + i, Some(c))).chain(std::iter::once((text.len(), None)));
    let mut outcome = Outcome::NotFound;
    for (s, c) in starts {
        if filtered && !c.is_some_and(|c| firsts.iter().any(|f| f.accepts(c))) {
            continue;
        }
        if let Some(end) = run.seq(s, grammar, None) {
            run.slots[0] = Some(s);
            run.slots[1] = Some(end);
            outcome = Outcome::Found(Caps { text, slots: std::mem::take(&mut run.slots) });
            break;
        }
        if run.gave_up {
            outcome = Outcome::GaveUp;
            break;
        }
    }
    *steps = run.steps;
    outcome
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

#[cfg(test)]
pub(crate) mod check {
    //! Comparing a grammar with the pattern it replaces.
    use super::*;
    use regex::Regex;

    /// Every match of `captures_iter` of the pattern and the grammar agree, group by group, on
    /// the sample texts made of `pieces`, the backtracker never giving up on them; returns how
    /// many matches there were.
    pub(crate) fn check_same(grammar: &Grammar, pieces: &[&str], seed: u64) -> usize {
        let re = check_pattern(grammar);
        let groups = grammar.groups;
        let mut found = 0;
        let texts = sohoa_doc::sample::texts(seed, pieces, 30_000, 59).chain(TARGETED.iter().map(|s| (*s).to_owned()));
        for text in texts {
            let pattern = grammar.pattern;
            let theirs: Vec<Vec<_>> =
                re.captures_iter(&text).map(|c| (0..=groups).map(|i| c.get(i).map(|m| m.range())).collect()).collect();
            let ours: Vec<Vec<_>> =
                grammar.captures_iter(&text).map(|c| (0..=groups).map(|i| c.range(i)).collect()).collect();
            found += theirs.len();
            assert_eq!(ours, theirs, "{pattern} on {text:?}");
            let first = re.captures(&text).map(|c| c.get(0).map(|m| m.range()));
            assert_eq!(grammar.captures(&text).map(|c| Some(c.whole())), first, "{pattern} on {text:?}");
            assert!(!grammar.gives_up(&text), "{pattern} gives up on {text:?}");
        }
        found
    }

    /// The grammar's pattern compiled, checked to number as many groups as the grammar.
    pub(crate) fn check_pattern(grammar: &Grammar) -> Regex {
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let re = Regex::new(grammar.pattern).expect("a grammar's pattern");
        assert_eq!(re.captures_len(), grammar.groups + 1, "{}", grammar.pattern);
        re
    }

    /// The stack of the thread [`check_long`] searches on: the std default (2 MiB), smaller
    /// than the main thread's (8 MiB) and the pipeline's (32 MiB).
    pub(crate) const SMALL_STACK: usize = 2 << 20;

    /// On a long (hostile) `text`, the grammar answers as its pattern in every search, on a
    /// thread of [`SMALL_STACK`] in a debug build too; returns whether the backtracker gave up.
    pub(crate) fn check_long(grammar: &'static Grammar, text: String) -> bool {
        let run = move || {
            let re = check_pattern(grammar);
            let pattern = grammar.pattern;
            let groups = grammar.groups;
            let all = |c: regex::Captures| (0..=groups).map(|i| c.get(i).map(|m| m.range())).collect::<Vec<_>>();
            let ours = |c: Caps| (0..=groups).map(|i| c.range(i)).collect::<Vec<_>>();
            let theirs: Vec<_> = re.captures_iter(&text).map(all).collect();
            assert_eq!(grammar.captures_iter(&text).map(ours).collect::<Vec<_>>(), theirs, "{pattern}");
            assert_eq!(grammar.captures(&text).map(ours), re.captures(&text).map(all), "{pattern}");
            grammar.gives_up(&text)
        };
        let thread = std::thread::Builder::new().stack_size(SMALL_STACK).spawn(run);
        // invariant: a test thread can be spawned; a failed assertion in it fails the test here
        thread.expect("a test thread").join().unwrap_or_else(|e| std::panic::resume_unwind(e))
    }

    /// Each of `pieces` repeated to a line of 300,000 bytes or more.
    pub(crate) fn long_texts(pieces: &[&str]) -> Vec<String> {
        pieces.iter().map(|p| p.repeat(300_000 / p.len().max(1) + 1)).collect()
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
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            let re = Regex::new(&format!("(?i)^{p}$")).expect("a test pattern");
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                let theirs = re.is_match(c.encode_utf8(&mut buf));
                assert_eq!(fold_eq(p, c), theirs, "{p} {:X}", c as u32);
                matched += usize::from(theirs);
            }
        }
        assert!(matched > 2 * alphabet.chars().count(), "{matched}");
    }

    static SAMPLE: Grammar = Grammar::new(
        r"\b((?i:quý)|xy?)\s*([0-9]{1,2})?(?:-([0-9]{1,3}))*",
        3,
        &[
            G::Boundary,
            G::Group(1, &G::Alt(&[G::Fold("quý"), G::Seq(&[G::Lit("x"), G::Opt(&G::Lit("y"))])])),
            SPACES,
            G::Opt(&G::Group(2, &digits(1, 2))),
            G::Star(&G::Seq(&[G::Lit("-"), G::Group(3, &digits(1, 3))])),
        ],
    );

    #[test]
    fn a_sample_grammar_gives_up_on_a_long_repetition_and_answers_as_its_pattern() {
        assert!(check::check_long(&SAMPLE, format!("x{}", "-1".repeat(300_000))));
        assert!(check::check_long(&SAMPLE, format!("a x {}", "-12".repeat(MAX_DEPTH / 4))));
        // short repetitions stay on the backtracker
        assert!(!check::check_long(&SAMPLE, format!("x{} ", "-1".repeat(MAX_DEPTH / 40)).repeat(1_000)));
        assert!(!check::check_long(&SAMPLE, " ".repeat(300_000)));
        assert!(!check::check_long(&SAMPLE, "quý 1 ".repeat(50_000)));
    }

    #[test]
    fn a_sample_grammar_is_its_pattern() {
        let pieces = ["quý", "QUÝ", "x", "y", " ", "1", "23", "-", "-4", "a", "\u{A0}", "ý"];
        let found = check::check_same(&SAMPLE, &pieces, 3);
        assert!(found > 1000, "{found}");
    }
}
