//! A port of Python's `difflib.SequenceMatcher` (no junk, `autojunk=False`):
//! the same longest-match search and tie-breaking, so `ratio()` agrees with
//! Python's to the last bit.

use std::collections::HashMap;
use std::hash::Hash;

/// A matching block: `a[a..a+size] == b[b..b+size]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    pub a: usize,
    pub b: usize,
    pub size: usize,
}

/// Compares two sequences the way `difflib.SequenceMatcher(None, a, b, autojunk=False)` does.
pub struct SequenceMatcher<'s, T: Eq + Hash> {
    a: &'s [T],
    b: &'s [T],
    /// For every element of `b`, the ascending positions where it occurs.
    b2j: HashMap<&'s T, Vec<usize>>,
}

impl<'s, T: Eq + Hash> SequenceMatcher<'s, T> {
    pub fn new(a: &'s [T], b: &'s [T]) -> Self {
        let mut b2j: HashMap<&T, Vec<usize>> = HashMap::new();
        for (j, elt) in b.iter().enumerate() {
            b2j.entry(elt).or_default().push(j);
        }
        SequenceMatcher { a, b, b2j }
    }

    /// The longest matching block in `a[alo..ahi]`, `b[blo..bhi]`; among equals
    /// the one starting earliest in `a`, then earliest in `b` (Python's rule).
    pub fn find_longest_match(&self, alo: usize, ahi: usize, blo: usize, bhi: usize) -> Match {
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0usize);
        // Dense form of Python's `j2len` dict: `prev[j + 1]` is the length of the
        // match ending at a[i-1], b[j]; entries not set in a row are zero.
        let mut prev = vec![0usize; self.b.len() + 1];
        let mut cur = vec![0usize; self.b.len() + 1];
        let (mut prev_set, mut cur_set) = (Vec::new(), Vec::new());
        for i in alo..ahi {
            let positions = self.b2j.get(&self.a[i]).map_or(&[][..], Vec::as_slice);
            for &j in positions {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                let k = prev[j] + 1;
                cur[j + 1] = k;
                cur_set.push(j + 1);
                if k > bestsize {
                    (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                }
            }
            for &x in &prev_set {
                prev[x] = 0;
            }
            prev_set.clear();
            std::mem::swap(&mut prev, &mut cur);
            std::mem::swap(&mut prev_set, &mut cur_set);
        }
        self.extend(Match { a: besti, b: bestj, size: bestsize }, (alo, ahi, blo, bhi))
    }

    /// Python's extension of the best match over equal neighbours (a no-op
    /// without junk, kept so the port stays line-for-line comparable).
    fn extend(&self, mut m: Match, (alo, ahi, blo, bhi): (usize, usize, usize, usize)) -> Match {
        while m.a > alo && m.b > blo && self.a[m.a - 1] == self.b[m.b - 1] {
            m = Match { a: m.a - 1, b: m.b - 1, size: m.size + 1 };
        }
        while m.a + m.size < ahi && m.b + m.size < bhi && self.a[m.a + m.size] == self.b[m.b + m.size] {
            m.size += 1;
        }
        m
    }

    /// All matching blocks in order, adjacent ones collapsed, ending with the
    /// sentinel `(len(a), len(b), 0)`.
    pub fn get_matching_blocks(&self) -> Vec<Match> {
        let (la, lb) = (self.a.len(), self.b.len());
        let mut queue = vec![(0, la, 0, lb)];
        let mut blocks = Vec::new();
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let x = self.find_longest_match(alo, ahi, blo, bhi);
            if x.size > 0 {
                blocks.push(x);
                if alo < x.a && blo < x.b {
                    queue.push((alo, x.a, blo, x.b));
                }
                if x.a + x.size < ahi && x.b + x.size < bhi {
                    queue.push((x.a + x.size, ahi, x.b + x.size, bhi));
                }
            }
        }
        blocks.sort();
        let mut out = collapse(&blocks);
        out.push(Match { a: la, b: lb, size: 0 });
        out
    }

    /// `2 * matches / (len(a) + len(b))`, or 1 when both are empty.
    pub fn ratio(&self) -> f64 {
        let matches: usize = self.get_matching_blocks().iter().map(|m| m.size).sum();
        calculate_ratio(matches, self.a.len() + self.b.len())
    }
}

/// Merges blocks that touch in both sequences.
fn collapse(blocks: &[Match]) -> Vec<Match> {
    let mut out = Vec::new();
    let mut acc = Match { a: 0, b: 0, size: 0 };
    for &m in blocks {
        if acc.a + acc.size == m.a && acc.b + acc.size == m.b {
            acc.size += m.size;
        } else {
            if acc.size > 0 {
                out.push(acc);
            }
            acc = m;
        }
    }
    if acc.size > 0 {
        out.push(acc);
    }
    out
}

/// `2 * matches / total`, or 1 for two empty sequences (Python's `_calculate_ratio`).
fn calculate_ratio(matches: usize, length: usize) -> f64 {
    if length == 0 {
        1.0
    } else {
        2.0 * matches as f64 / length as f64
    }
}

/// Element counts of a sequence, for [`quick_ratio`].
pub fn counts<T: Eq + Hash>(seq: &[T]) -> HashMap<&T, usize> {
    let mut out = HashMap::new();
    for x in seq {
        *out.entry(x).or_insert(0) += 1;
    }
    out
}

/// Python's `quick_ratio()` from precomputed [`counts`]: an upper bound of
/// `ratio()` (the matches can never exceed the shared elements).
pub fn quick_ratio<T: Eq + Hash>(a: &HashMap<&T, usize>, b: &HashMap<&T, usize>, length: usize) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let matches = small.iter().map(|(x, n)| (*n).min(large.get(x).copied().unwrap_or(0))).sum();
    calculate_ratio(matches, length)
}

/// The ratio of two strings compared code point by code point, as Python does.
pub fn str_ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    SequenceMatcher::new(&a, &b).ratio()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(a: &str, b: &str) -> Vec<(usize, usize, usize)> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        SequenceMatcher::new(&a, &b).get_matching_blocks().iter().map(|m| (m.a, m.b, m.size)).collect()
    }

    // Expected values computed with Python 3.11:
    // difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() / .get_matching_blocks()
    #[test]
    fn ratios_agree_with_python() {
        assert_eq!(str_ratio("abcd", "bcde"), 0.75);
        assert_eq!(str_ratio("", "abc"), 0.0);
        assert_eq!(str_ratio("", ""), 1.0);
        assert_eq!(str_ratio("xyz", "abc"), 0.0);
        assert_eq!(str_ratio("kế hoạch cải cách hành chính", "kế hoạch cải cách thủ tục hành chính"), 0.875);
        assert_eq!(str_ratio("aaaaabbbbbaaaa", "abababababab"), 0.5384615384615384);
        assert_eq!(str_ratio("the quick brown fox", "the quack brown fax jumps"), 0.7727272727272727);
        let a = format!("{}c", "ab".repeat(150));
        let b = format!("{}cc", "ba".repeat(140));
        assert_eq!(str_ratio(&a, &b), 0.9639794168096055);
    }

    #[test]
    fn matching_blocks_agree_with_python() {
        assert_eq!(blocks("abcd", "bcde"), vec![(1, 0, 3), (4, 4, 0)]);
        assert_eq!(
            blocks("aaaaabbbbbaaaa", "abababababab"),
            vec![(4, 0, 2), (9, 3, 2), (11, 6, 1), (12, 8, 1), (13, 10, 1), (14, 12, 0)]
        );
        assert_eq!(
            blocks("the quick brown fox", "the quack brown fax jumps"),
            vec![(0, 0, 6), (7, 7, 10), (18, 18, 1), (19, 25, 0)]
        );
    }

    #[test]
    fn quick_ratio_bounds_ratio() {
        let pairs = [("abcd", "bcde"), ("the quick brown fox", "the quack brown fax jumps"), ("abc", "cba"), ("", "")];
        for (a, b) in pairs {
            let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let q = quick_ratio(&counts(&x), &counts(&y), x.len() + y.len());
            assert!(q >= str_ratio(a, b), "{a} / {b}");
        }
        let (x, y): (Vec<char>, Vec<char>) = ("abc".chars().collect(), "cba".chars().collect());
        assert_eq!(quick_ratio(&counts(&x), &counts(&y), 6), 1.0);
    }

    #[test]
    fn works_on_string_lists() {
        let a = ["61/2018/nđ-cp", "92/2017/nđ-cp", "x", "y", "x"];
        let b = ["92/2017/nđ-cp", "x", "61/2018/nđ-cp", "x", "y"];
        let got: Vec<_> =
            SequenceMatcher::new(&a, &b).get_matching_blocks().iter().map(|m| (m.a, m.b, m.size)).collect();
        assert_eq!(got, vec![(1, 0, 2), (3, 4, 1), (5, 5, 0)]);
    }
}
