//! Document-level evidence per legacy-named font: whether the runs of a font
//! (and, failing that, of its encoding) are legacy-encoded in this document.
//!
//! A short run such as `Sè:` (TCVN3 for `Số:`) is valid Vietnamese both as
//! given and decoded; only the document's other runs of that font can tell.
//! A first reading of the document fills a [`Ledger`]; when a tie was decided
//! against the font's final verdict, the reader reads the document again with
//! a ledger settled on those verdicts (see `Normalizer::replay`).

use std::collections::HashMap;

use super::detect::Score;
use super::legacy::Legacy;

/// Syllables of evidence a verdict needs at least.
const MIN_EVIDENCE: u32 = 3;
/// A verdict needs this many times the evidence of the other side.
const MAJORITY: u32 = 4;

/// What the runs of one font (or one encoding) showed.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// Syllables of runs whose legacy reading was clearly better.
    legacy: u32,
    /// Syllables of runs that are Vietnamese as given and not better decoded.
    unicode: u32,
    /// Runs valid both ways, decoded on the font's word alone.
    ties_decoded: u32,
    /// Runs valid both ways, left as given.
    ties_kept: u32,
}

impl Tally {
    fn verdict(self) -> Verdict {
        if self.legacy >= MIN_EVIDENCE && self.legacy >= MAJORITY * self.unicode {
            Verdict::Legacy
        } else if self.unicode >= MIN_EVIDENCE && self.unicode >= MAJORITY * self.legacy {
            Verdict::Unicode
        } else {
            Verdict::Open
        }
    }

    /// Whether a tie of this tally went against `verdict`.
    fn contradicts(self, verdict: Verdict) -> bool {
        match verdict {
            Verdict::Legacy => self.ties_kept > 0,
            Verdict::Unicode => self.ties_decoded > 0,
            Verdict::Open => false,
        }
    }
}

/// The document-level decision for the runs of one font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verdict {
    /// The font's runs are legacy-encoded: a tie goes to the legacy reading.
    Legacy,
    /// The font's runs are Unicode: only a strictly better reading is taken.
    Unicode,
    /// Not enough evidence either way: decided as the runs come.
    #[default]
    Open,
}

/// How one run in a legacy-named font compared with its legacy reading.
#[derive(Debug, Clone, Copy)]
pub struct Observation {
    pub given: Score,
    /// Score of the legacy reading; `None` when the run cannot be one.
    pub decoded: Option<Score>,
    /// Whether the run was decoded.
    pub was_decoded: bool,
}

/// Evidence per font name and per encoding, and the verdicts of an earlier
/// reading of the same document, if any.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// Per font key: the index of the encoding it names, and its tally.
    fonts: HashMap<String, (usize, Tally)>,
    encodings: [Tally; 4],
    settled: Option<Settled>,
}

/// Verdicts fixed from a whole first reading.
#[derive(Debug, Clone, Default)]
struct Settled {
    fonts: HashMap<String, Verdict>,
    encodings: [Verdict; 4],
}

impl Settled {
    /// The font's own verdict, else its encoding's.
    fn verdict(&self, key: &str, encoding: usize) -> Verdict {
        match self.fonts.get(key) {
            Some(&v) if v != Verdict::Open => v,
            _ => self.encodings[encoding],
        }
    }
}

impl Ledger {
    /// Adds what one run in `font` (naming `encoding`) showed.
    pub fn observe(&mut self, font: &str, encoding: Legacy, seen: Observation) {
        let (_, tally) = self.fonts.entry(font_key(font)).or_insert((index(encoding), Tally::default()));
        add(tally, seen);
        add(&mut self.encodings[index(encoding)], seen);
    }

    /// The verdict for runs of `font`: the settled one of the font, else of
    /// its encoding; `Open` during a first reading.
    pub fn verdict(&self, font: &str, encoding: Legacy) -> Verdict {
        match &self.settled {
            Some(settled) => settled.verdict(&font_key(font), index(encoding)),
            None => Verdict::Open,
        }
    }

    /// Whether some tie of this reading went against its font's final
    /// verdict, so that reading the document again would change it.
    pub fn contradicted(&self) -> bool {
        let settled = self.settle();
        self.fonts.iter().any(|(key, &(encoding, tally))| tally.contradicts(settled.verdict(key, encoding)))
    }

    /// A fresh ledger carrying this reading's verdicts.
    pub fn settled(&self) -> Ledger {
        Ledger { settled: Some(self.settle()), ..Ledger::default() }
    }

    fn settle(&self) -> Settled {
        let fonts = self.fonts.iter().map(|(key, (_, tally))| (key.clone(), tally.verdict())).collect();
        Settled { fonts, encodings: self.encodings.map(Tally::verdict) }
    }
}

fn add(tally: &mut Tally, seen: Observation) {
    let Observation { given, decoded, was_decoded } = seen;
    let Some(decoded) = decoded else {
        if given.mostly_valid() {
            tally.unicode += given.valid;
        }
        return;
    };
    let fair = decoded.valid >= decoded.invalid;
    if fair && decoded.net() > given.net() {
        tally.legacy += decoded.valid;
    } else if fair && decoded.net() == given.net() {
        if was_decoded {
            tally.ties_decoded += 1;
        } else {
            tally.ties_kept += 1;
        }
    } else if given.mostly_valid() {
        tally.unicode += given.valid;
    }
}

/// Font names compare trimmed and case-folded (`.VnTime`, `.vntime `).
fn font_key(font: &str) -> String {
    font.trim().to_lowercase()
}

fn index(e: Legacy) -> usize {
    Legacy::ALL.iter().position(|&x| x == e).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(given: (u32, u32), decoded: (u32, u32), was_decoded: bool) -> Observation {
        let score = |(valid, invalid)| Score { valid, invalid };
        Observation { given: score(given), decoded: Some(score(decoded)), was_decoded }
    }

    #[test]
    fn a_kept_tie_in_a_legacy_font_calls_for_a_second_reading() {
        let mut l = Ledger::default();
        l.observe(".VnTime", Legacy::Tcvn3, seen((1, 0), (1, 0), false));
        assert!(!l.contradicted(), "one tie is no evidence");
        l.observe(".VnTime", Legacy::Tcvn3, seen((2, 8), (10, 0), true));
        assert!(l.contradicted());
        let settled = l.settled();
        assert_eq!(settled.verdict(".VnTime", Legacy::Tcvn3), Verdict::Legacy);
        // Another TCVN3 font without evidence of its own follows the encoding.
        assert_eq!(settled.verdict(".VnArial", Legacy::Tcvn3), Verdict::Legacy);
        assert_eq!(settled.verdict("VNI-Times", Legacy::Vni), Verdict::Open);
        assert_eq!(l.verdict(".VnTime", Legacy::Tcvn3), Verdict::Open, "first reading: no verdict");
    }

    #[test]
    fn unicode_runs_in_a_legacy_font_settle_on_unicode() {
        let mut l = Ledger::default();
        l.observe(".VnTime", Legacy::Tcvn3, seen((1, 0), (1, 0), true));
        l.observe(
            ".VnTime",
            Legacy::Tcvn3,
            Observation { given: Score { valid: 6, invalid: 0 }, decoded: None, was_decoded: false },
        );
        assert!(l.contradicted());
        assert_eq!(l.settled().verdict(".VNTIME", Legacy::Tcvn3), Verdict::Unicode);
    }

    #[test]
    fn mixed_evidence_leaves_the_font_open() {
        let mut l = Ledger::default();
        l.observe(".VnTime", Legacy::Tcvn3, seen((0, 5), (5, 0), true));
        l.observe(".VnTime", Legacy::Tcvn3, seen((5, 0), (1, 4), false));
        l.observe(".VnTime", Legacy::Tcvn3, seen((1, 0), (1, 0), false));
        assert!(!l.contradicted());
        assert_eq!(l.settled().verdict(".VnTime", Legacy::Tcvn3), Verdict::Open);
    }
}
