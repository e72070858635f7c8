//! Vietnamese text normalization: NFC, repairs, legacy encodings, the folding key.
//!
//! Every reader passes its text through a [`Normalizer`] once (a second
//! time, with a fresh one, when [`Normalizer::replay`] asks for it: legacy
//! decoding is decided per font over the whole document); later stages never
//! re-normalize, they compare with [`fold_key`].

pub mod accuracy;
mod capitals;
mod detect;
mod file;
pub use sohoa_doc::fold;
pub mod garbage;
mod ledger;
pub mod legacy;
mod lines;
mod repair;
pub mod syllable;

pub use accuracy::diacritic_accuracy;
pub use fold::{fold_key, toneless_key};
pub use garbage::garbage_share;
pub use legacy::Legacy;
pub use lines::{join_lines, single_space};

use crate::model::TextQuality;
use detect::{prefer_decoded, score, Evidence, Score};
use ledger::{Ledger, Observation, Verdict};
use legacy::{cp1252, font_hint, FontHint};

/// Encodings statistics try on a run of chars without a legacy font: office
/// formats show VISCII or CP1258 text only with a font or charset naming it.
const CHAR_CANDIDATES: &[Legacy] = &[Legacy::Tcvn3, Legacy::Vni];

/// Normalizes the runs of one document and keeps its text-quality report.
#[derive(Debug, Default)]
pub struct Normalizer {
    quality: TextQuality,
    garbage: u64,
    undecoded_chars: u64,
    /// Per legacy encoding: runs decoded minus runs that proved to be Unicode.
    votes: [i32; 4],
    /// Per legacy-named font: what its runs showed, and the verdicts of an
    /// earlier reading of the document when this is a replay.
    ledger: Ledger,
    /// Scratch buffer for the bytes behind a run.
    bytes: Vec<u8>,
}

/// What legacy detection made of a run.
enum Outcome {
    /// Decoded from a legacy encoding (NFC).
    Decoded(String),
    /// Unicode text, to be repaired.
    Unicode,
    /// Looks legacy-encoded but no reading is good enough: left as it was.
    LegacyKept,
}

/// A run's font: its name (the ledger's key) and what the name suggests.
#[derive(Debug, Clone, Copy)]
struct RunFont<'a> {
    name: Option<&'a str>,
    hint: FontHint,
}

/// The best legacy reading of a run.
struct Reading {
    encoding: Legacy,
    text: String,
    score: Score,
}

impl Normalizer {
    /// A normalizer with empty counts.
    pub fn new() -> Self {
        Self::default()
    }

    /// A run of text as the format gives it (`font`: the run's font name, where the
    /// format carries one). Legacy-encoded runs are decoded; the result is NFC
    /// with repairs applied. Line breaks (`'\n'`) are kept.
    pub fn run(&mut self, text: &str, font: Option<&str>) -> String {
        self.run_from(text, font, CHAR_CANDIDATES)
    }

    /// [`Normalizer::run`] with the encodings statistics may try without a font.
    fn run_from(&mut self, text: &str, font: Option<&str>, unhinted: &[Legacy]) -> String {
        self.account(text);
        let font = RunFont { name: font, hint: font_hint(font) };
        if text.is_ascii() {
            return if font.hint.capitals { text.to_uppercase() } else { text.to_owned() };
        }
        let prepared = repair::prepare(text, &mut self.quality.repaired_chars);
        let text = prepared.as_deref().unwrap_or(text);
        match self.decode_legacy(text, font, unhinted) {
            Outcome::Decoded(decoded) => repair::finish(&decoded, &mut self.quality.repaired_chars),
            Outcome::Unicode => repair::finish(text, &mut self.quality.repaired_chars),
            Outcome::LegacyKept => text.to_owned(),
        }
    }

    /// Raw 8-bit bytes of a run (RTF `\'xx`, an 8-bit `.doc` piece), in whatever
    /// single-byte encoding `font` suggests; decoded, then as [`Normalizer::run`].
    pub fn bytes(&mut self, bytes: &[u8], font: Option<&str>) -> String {
        let text: String = bytes.iter().map(|&b| cp1252::char_of(b)).collect();
        self.run_from(&text, font, &Legacy::ALL)
    }

    /// The whole bytes of a text file: UTF-8 (BOM or not), UTF-16 with BOM,
    /// or a legacy 8-bit encoding chosen by statistics, line by line.
    /// Line breaks become `'\n'`.
    pub fn decode_file(&mut self, bytes: &[u8]) -> String {
        file::decode(self, bytes)
    }

    /// Once a whole document has been read: a fresh normalizer for reading
    /// it again, when a run that reads as Vietnamese both as given and
    /// decoded was decided against what the document's other runs in its
    /// font showed (a first run `Sè:` in `.VnTime` left as given, though the
    /// font's later runs are plainly TCVN3). The replay decides such runs by
    /// the font's document-level verdict. `None`: the reading stands.
    pub fn replay(&self) -> Option<Normalizer> {
        self.ledger.contradicted().then(|| Normalizer { ledger: self.ledger.settled(), ..Normalizer::default() })
    }

    /// The report so far.
    pub fn quality(&self) -> TextQuality {
        let mut q = self.quality.clone();
        let total = q.total_chars.max(1) as f64;
        q.unreadable_share = (self.garbage as f64 / total).min(1.0);
        let undecoded = (self.undecoded_chars as f64 / total).min(1.0);
        q.confidence = ((1.0 - q.unreadable_share) * (1.0 - undecoded)).clamp(0.0, 1.0);
        q
    }

    /// Counts the chars of an input run.
    fn account(&mut self, text: &str) {
        let chars = if text.is_ascii() { text.len() } else { text.chars().count() };
        self.quality.total_chars += chars as u64;
        self.garbage += garbage::count(text);
    }

    fn repair(&mut self, text: &str) -> String {
        repair::repair(text, &mut self.quality.repaired_chars)
    }

    /// The legacy reading of a run, if one is clearly better than the text as given.
    fn decode_legacy(&mut self, text: &str, font: RunFont, unhinted: &[Legacy]) -> Outcome {
        let mut bytes = std::mem::take(&mut self.bytes);
        let representable = cp1252::bytes_of(text, &mut bytes);
        let result = if representable {
            self.choose(text, &bytes, font, unhinted)
        } else {
            self.vote_unicode(text, font);
            self.decode_mixed(text, font, &mut bytes, unhinted)
        };
        self.bytes = bytes;
        result
    }

    /// The legacy encoding that decoded runs of this document by a clear
    /// margin over runs proven Unicode, if any.
    fn proven_encoding(&self) -> Option<Legacy> {
        const PROOF: i32 = 1;
        let (i, &votes) = self.votes.iter().enumerate().max_by_key(|&(_, v)| *v)?;
        (votes >= PROOF).then(|| Legacy::ALL[i])
    }

    /// Unicode Vietnamese in a legacy font is evidence that the document
    /// only names the font: later ties in that font stay as given.
    fn vote_unicode(&mut self, text: &str, font: RunFont) {
        if font.hint.encoding.is_none() {
            return;
        }
        let given = score(text);
        self.observe(font, Observation { given, decoded: None, was_decoded: false });
        if let Some(e) = font.hint.encoding.filter(|_| given.mostly_valid()) {
            self.votes[vote_index(e)] -= 1;
        }
    }

    /// Adds a run in a legacy-named font to the ledger.
    fn observe(&mut self, font: RunFont, seen: Observation) {
        if let (Some(name), Some(e)) = (font.name, font.hint.encoding) {
            self.ledger.observe(name, e, seen);
        }
    }

    /// A run holding Unicode text and legacy stretches (a reader joined
    /// runs, a sheet cell mixes both): each stretch of whole words that have
    /// 8-bit bytes and include a broken word is decided on its own.
    fn decode_mixed(&mut self, text: &str, font: RunFont, bytes: &mut Vec<u8>, unhinted: &[Legacy]) -> Outcome {
        if !text.chars().any(|c| ('\u{80}'..='\u{FF}').contains(&c)) {
            return Outcome::Unicode;
        }
        let font = RunFont { hint: FontHint { capitals: false, ..font.hint }, ..font };
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut changed = false;
        for (stretch, legacy_like) in stretches(text) {
            let candidate = legacy_like && score(stretch).invalid > 0 && cp1252::bytes_of(stretch, bytes);
            match candidate.then(|| self.choose(stretch, bytes, font, unhinted)) {
                Some(Outcome::Decoded(d)) => {
                    out.push_str(&d);
                    changed = true;
                }
                _ => out.push_str(stretch),
            }
        }
        if changed {
            Outcome::Decoded(out)
        } else {
            Outcome::Unicode
        }
    }

    fn choose(&mut self, text: &str, bytes: &[u8], font: RunFont, unhinted: &[Legacy]) -> Outcome {
        let hint = font.hint;
        let given = score(text);
        let proven = self.proven_encoding();
        let evidence = self.evidence(font, proven);
        // Readable text needs a trusted font before any other reading is
        // taken; in a legacy font the reading is still tried for the ledger.
        let readable = given.invalid == 0 && evidence != Evidence::FontTrusted;
        if readable && hint.encoding.is_none() {
            return Outcome::Unicode;
        }
        let Some(best) = best_reading(bytes, hint.encoding, unhinted) else { return Outcome::Unicode };
        let evidence = match proven {
            Some(e) if hint.encoding.is_none() && e != best.encoding => Evidence::None,
            _ => evidence,
        };
        let decode = !readable && prefer_decoded(given, best.score, evidence);
        self.observe(font, Observation { given, decoded: Some(best.score), was_decoded: decode });
        match (readable, decode) {
            (true, _) => Outcome::Unicode,
            (false, true) => self.take_reading(best, hint),
            (false, false) if self.record_kept(text, given, &best, hint) => Outcome::LegacyKept,
            (false, false) => Outcome::Unicode,
        }
    }

    /// A legacy reading chosen for a run.
    fn take_reading(&mut self, best: Reading, hint: FontHint) -> Outcome {
        self.record_decoded(best.encoding, &best.text);
        let text = if hint.capitals { best.text.to_uppercase() } else { best.text };
        Outcome::Decoded(text)
    }

    /// How much backs a legacy reading of a run in `font` beyond its text.
    fn evidence(&self, font: RunFont, proven: Option<Legacy>) -> Evidence {
        let Some(e) = font.hint.encoding else {
            // The document has shown itself legacy-encoded: its runs need no font.
            return if proven.is_some() { Evidence::Font } else { Evidence::None };
        };
        match font.name.map_or(Verdict::Open, |name| self.ledger.verdict(name, e)) {
            Verdict::Legacy => Evidence::FontTrusted,
            Verdict::Unicode => Evidence::Font,
            // An `...H` font draws capitals whatever the chars: a tie goes to the font.
            Verdict::Open if font.hint.capitals || self.votes[vote_index(e)] > 0 => Evidence::FontTrusted,
            Verdict::Open => Evidence::Font,
        }
    }

    fn record_decoded(&mut self, encoding: Legacy, decoded: &str) {
        self.votes[vote_index(encoding)] += 1;
        let name = encoding.name();
        if !self.quality.encodings.iter().any(|e| e == name) {
            self.quality.encodings.push(name.to_owned());
        }
        self.quality.converted_chars += decoded.chars().filter(|c| !c.is_ascii()).count() as u64;
    }

    /// A run left as given: Unicode evidence against its font, or a run
    /// that looks legacy-encoded but could not be decoded.
    /// Returns whether the run looks legacy-encoded.
    fn record_kept(&mut self, text: &str, given: Score, best: &Reading, hint: FontHint) -> bool {
        if let Some(e) = hint.encoding {
            if given.mostly_valid() {
                self.votes[vote_index(e)] -= 1;
            }
        }
        let looks_legacy =
            given.invalid > 0 && !given.mostly_valid() && (hint.encoding.is_some() || best.score.mostly_valid());
        if looks_legacy {
            self.quality.undecoded_legacy_runs += 1;
            self.undecoded_chars += text.chars().count() as u64;
        }
        looks_legacy
    }
}

/// `text` cut into stretches of whole words, each flagged whether all its
/// chars have 8-bit bytes and one is outside ASCII.
fn stretches(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let (mut start, mut pos) = (0, 0);
    let mut kind: Option<bool> = None;
    for word in text.split_inclusive(char::is_whitespace) {
        // White space alone stays with the stretch before it.
        if !word.trim().is_empty() {
            let this = word.chars().all(|c| cp1252::byte_of(c).is_some());
            if kind.is_some_and(|k| k != this) {
                out.push((&text[start..pos], kind == Some(true)));
                start = pos;
            }
            kind = Some(this);
        }
        pos += word.len();
    }
    if pos > start {
        out.push((&text[start..pos], kind == Some(true)));
    }
    out.into_iter().map(|(s, k)| (s, k && !s.is_ascii())).collect()
}

fn vote_index(e: Legacy) -> usize {
    Legacy::ALL.iter().position(|&x| x == e).unwrap_or(0)
}

/// The best-scoring reading among the hinted encoding or the `unhinted` ones.
fn best_reading(bytes: &[u8], hinted: Option<Legacy>, unhinted: &[Legacy]) -> Option<Reading> {
    let hinted_only = hinted.map(|e| [e]);
    let candidates: &[Legacy] = match &hinted_only {
        Some(one) => one,
        None => unhinted,
    };
    // Reversed: on a tie `max_by_key` keeps the last, i.e. the first of `ALL`.
    candidates
        .iter()
        .rev()
        .map(|&encoding| {
            let mut text = encoding.decode(bytes);
            if encoding == Legacy::Tcvn3 {
                text = capitals::mend(&text);
            }
            let score = score(&text);
            Reading { encoding, text, score }
        })
        .max_by_key(|r| (r.score.net(), r.score.valid))
}

/// Reads a document through `read` with a fresh normalizer, and once more
/// with [`Normalizer::replay`]'s when the document-level evidence per font
/// overturns a decision of the first reading. Returns the last reading and
/// its normalizer (for the text-quality report).
///
/// # Errors
/// The first error `read` returns.
pub fn two_pass<T, E>(mut read: impl FnMut(&mut Normalizer) -> Result<T, E>) -> Result<(T, Normalizer), E> {
    let mut norm = Normalizer::new();
    let first = read(&mut norm)?;
    match norm.replay() {
        Some(mut again) => read(&mut again).map(|second| (second, again)),
        None => Ok((first, norm)),
    }
}

/// Stateless convenience: normalize one piece of Unicode text.
pub fn text(s: &str) -> String {
    Normalizer::new().run(s, None)
}

impl Normalizer {
    /// Records that a whole file was read in `encoding`.
    fn note_file_encoding(&mut self, encoding: Legacy) {
        let name = encoding.name();
        if !self.quality.encodings.iter().any(|e| e == name) {
            self.quality.encodings.push(name.to_owned());
        }
    }

    /// Accounts for and repairs one line decoded from bytes, appending it to `out`.
    fn finish_decoded(&mut self, line: &str, encoding: Option<Legacy>, out: &mut String) {
        self.account(line);
        if let Some(e) = encoding {
            self.record_decoded(e, line);
        }
        out.push_str(&self.repair(line));
    }
}
