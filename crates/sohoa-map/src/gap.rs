//! Regexes with one bounded gap over a wide class (`(?P<gap>[^.;:]{0,160}?)`), cheap to build.
//!
//! A bounded repetition of a Unicode class compiles to one copy of the class per character
//! allowed, which costs every worker process a fraction of a millisecond per pattern at start-up.
//! Here the same pattern with the gap unbounded (`*?`, `+?`, `*`, `+`) is built; the exact
//! pattern is built (once) and asked only when a match's gap runs past the bound. The answers
//! are the exact pattern's: at each start, the exact pattern tries the unbounded one's choices
//! in the same order of preference, less those with a longer gap, so when the unbounded
//! pattern's first match has its gap within the bound it is the exact pattern's first match too.

use once_cell::sync::OnceCell;
use regex::{Captures, Regex};

/// A pattern whose group `gap` is one bounded repetition `{0,N}` or `{1,N}` (greedy or lazy).
pub(crate) struct GapRegex {
    loose: Regex,
    exact_pattern: String,
    exact: OnceCell<Regex>,
    max_chars: usize,
}

impl GapRegex {
    /// `exact` holds its group `gap` and, once, the bound `{0,max_chars}` or `{1,max_chars}`.
    ///
    /// # Panics
    /// On a pattern that breaks those rules or does not compile: every caller passes a literal
    /// pattern exercised by its module's tests.
    pub(crate) fn new(exact: &str, max_chars: usize) -> GapRegex {
        let loose = unbounded(exact, max_chars);
        // invariant: callers pass literal patterns exercised by their module's tests
        let loose = Regex::new(&loose).expect("valid regex");
        // invariant: as above, each caller's pattern names its gap
        assert!(loose.capture_names().flatten().any(|n| n == "gap"), "a group named gap");
        GapRegex { loose, exact_pattern: exact.to_string(), exact: OnceCell::new(), max_chars }
    }

    /// The exact pattern's first match in `hay`.
    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.captures_at(hay, 0)
    }

    /// The exact pattern's first match in `hay` starting at or after `start`, the text before
    /// `start` still counting for `\b` and `^` as in [`Regex::captures_at`].
    pub(crate) fn captures_at<'h>(&self, hay: &'h str, start: usize) -> Option<Captures<'h>> {
        let c = self.loose.captures_at(hay, start)?;
        if self.within(&c) {
            return Some(c);
        }
        self.exact().captures_at(hay, start)
    }

    fn within(&self, c: &Captures) -> bool {
        c.name("gap").is_none_or(|g| g.as_str().chars().count() <= self.max_chars)
    }

    fn exact(&self) -> &Regex {
        self.exact.get_or_init(|| {
            // invariant: the same literal pattern, whose loose form compiled in `new`
            Regex::new(&self.exact_pattern).expect("valid regex")
        })
    }
}

/// `exact` with its one bound `{0,max}` or `{1,max}` written `*` or `+` (a `?` after it stays).
fn unbounded(exact: &str, max_chars: usize) -> String {
    let from_zero = format!("{{0,{max_chars}}}");
    let from_one = format!("{{1,{max_chars}}}");
    let (bound, star) = if exact.contains(&from_zero) { (from_zero, "*") } else { (from_one, "+") };
    // invariant: each caller's literal pattern holds its bound exactly once
    assert_eq!(exact.matches(&bound).count(), 1, "one bound {bound} in {exact}");
    exact.replacen(&bound, star, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every start of `hay`: the first match of the gap regex and of the exact regex agree.
    fn check_agree(exact: &str, max: usize, hay: &str) {
        let gap = GapRegex::new(exact, max);
        let plain = Regex::new(exact).expect("a test pattern");
        for (start, _) in hay.char_indices() {
            let a =
                gap.captures_at(hay, start).map(|c| (c.get(0).map(|m| m.range()), c.name("gap").map(|m| m.range())));
            let b =
                plain.captures_at(hay, start).map(|c| (c.get(0).map(|m| m.range()), c.name("gap").map(|m| m.range())));
            assert_eq!(a, b, "{exact} on {hay:?} from {start}");
        }
    }

    #[test]
    fn the_bound_becomes_a_star_or_a_plus() {
        assert_eq!(unbounded(r"a(?P<gap>[^.]{0,60}?)b", 60), r"a(?P<gap>[^.]*?)b");
        assert_eq!(unbounded(r"a(?P<gap>[^.]{1,9})b", 9), r"a(?P<gap>[^.]+)b");
    }

    #[test]
    fn a_gap_past_the_bound_gives_the_exact_answer() {
        // the nearer `vào` is the exact pattern's match when the farther one's gap is too long
        let far = format!("vào {} vào ngày 5 hằng tháng", "x".repeat(20));
        check_agree(r"vào\s+(?P<gap>[^.;:]{0,10}?)\b(?:hằng|mỗi)\s+(?P<c>tháng|năm)", 10, &far);
        check_agree(r"vào\s+(?P<gap>[^.;:]{0,40}?)\b(?:hằng|mỗi)\s+(?P<c>tháng|năm)", 40, &far);
        // a greedy gap inside an optional group: skipped when too long
        check_agree(
            r"các\s+(quy định)(?:\s+của\s+(?P<gap>[^:;]{1,8}))?\s*:",
            8,
            "các quy định của Bộ Tài chính nước: x",
        );
        check_agree(
            r"các\s+(quy định)(?:\s+của\s+(?P<gap>[^:;]{1,8}))?\s*:",
            8,
            "các quy định của Bộ: x; các quy định:",
        );
        // end-anchored, lazy, from one
        check_agree(r"\bLuật\s+(?P<gap>[^;:()]{1,12}?)\s+số\s*$", 12, "Luật Đất đai và Luật Nhà ở năm nay số ");
        check_agree(r"\bLuật\s+(?P<gap>[^;:()]{1,40}?)\s+số\s*$", 40, "Luật Đất đai và Luật Nhà ở năm nay số ");
    }

    #[test]
    fn no_match_is_no_match() {
        let gap = GapRegex::new(r"a(?P<gap>[^.]{0,3}?)b", 3);
        assert!(gap.captures("a.b").is_none());
        assert!(gap.captures("axxxxb").is_none());
        assert_eq!(gap.captures("axxxb axb").and_then(|c| c.get(0)).map(|m| m.range()), Some(0..5));
    }
}
