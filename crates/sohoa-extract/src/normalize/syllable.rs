//! Vietnamese syllable validity from phonotactics: initial consonant, rime
//! (glide, nucleus, final) and tone, with the spelling rules c/k/q, g/gh,
//! ng/ngh and the rule that a syllable ending in p/t/c/ch takes only the
//! sắc or nặng tone. Not a word list: any syllable the language allows passes.

use once_cell::sync::Lazy;
use unicode_normalization::char::decompose_canonical;

const ACUTE: char = '\u{0301}';
const DOT: char = '\u{0323}';
const TONES: [char; 5] = ['\u{0300}', ACUTE, '\u{0303}', '\u{0309}', DOT];

/// Longest syllable, in letters (`nghiêng` has 7).
const MAX_LETTERS: usize = 8;

const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu",
    "r", "s", "t", "th", "tr", "v", "x",
];

const RIMES: &str = "a ai ao au ay ac ach am an ang anh ap at \
    ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây \
    e ec em en eng eo ep et ê êch êm ên ênh êp êt êu \
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu \
    o oc oi om on ong op ot oa oac oach oai oam oan oang oanh oao oap oat oay \
    oăc oăm oăn oăng oăt oe oen oeo oet ooc oong \
    ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt \
    u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uơ uy uya uych uyn uynh \
    uyp uyt uyu uyên uyêt uôc uôi uôm uôn uông uôt \
    ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu \
    y yêm yên yêt yêu";

/// One letter as a byte: ASCII for plain letters, a private code for the
/// six modified vowels and đ.
fn code(base: char, quality: char) -> Option<u8> {
    let b = match (base, quality) {
        ('a', '\u{0306}') => b'A',
        ('a', '\u{0302}') => b'B',
        ('e', '\u{0302}') => b'E',
        ('o', '\u{0302}') => b'O',
        ('o', '\u{031B}') => b'P',
        ('u', '\u{031B}') => b'U',
        ('đ', '\0') => b'D',
        (c, '\0') if c.is_ascii_lowercase() && !matches!(c, 'f' | 'j' | 'w' | 'z') => {
            u8::try_from(u32::from(c)).ok()?
        }
        _ => return None,
    };
    Some(b)
}

fn encode_word(s: &str) -> Vec<u8> {
    s.chars()
        .filter_map(|c| {
            let mut letter = Letter::default();
            decompose_canonical(c, |d| letter.push(d));
            letter.code()
        })
        .collect()
}

/// Up to eight letter codes as one number (codes are never 0, so lengths cannot collide).
fn pack(codes: &[u8]) -> Option<u64> {
    (codes.len() <= 8).then(|| codes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
}

static RIME_CODES: Lazy<Vec<Vec<u8>>> = Lazy::new(|| RIMES.split_whitespace().map(encode_word).collect());
static INITIAL_CODES: Lazy<Vec<Vec<u8>>> = Lazy::new(|| INITIALS.iter().map(|s| encode_word(s)).collect());

/// Every toneless syllable (an initial, then a rime the spelling rules allow
/// after it; `gi` alone), packed ([`pack`]) and sorted for binary search.
static SPELLINGS: Lazy<Vec<u64>> = Lazy::new(|| {
    let mut out = Vec::new();
    for initial in INITIAL_CODES.iter() {
        let gi_alone = (initial.as_slice() == b"gi").then_some(&[][..]);
        for rime in RIME_CODES.iter().map(Vec::as_slice).chain(gi_alone) {
            if spelling_ok(initial, rime) {
                out.extend(pack(&[initial.as_slice(), rime].concat()));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
});

/// The parts of one decomposed letter.
#[derive(Default)]
struct Letter {
    base: Option<char>,
    quality: char,
    tone: Option<char>,
    bad: bool,
}

impl Letter {
    fn push(&mut self, d: char) {
        if TONES.contains(&d) {
            self.bad |= self.tone.replace(d).is_some();
        } else if matches!(d, '\u{0302}' | '\u{0306}' | '\u{031B}') && self.quality == '\0' {
            self.quality = d;
        } else if self.base.is_none() {
            self.base = Some(d);
        } else {
            self.bad = true;
        }
    }

    fn code(&self) -> Option<u8> {
        if self.bad {
            return None;
        }
        code(self.base?, self.quality)
    }
}

/// Whether `word` (letters only, any case, NFC or not) is one Vietnamese syllable.
pub fn is_syllable(word: &str) -> bool {
    syllable_of(word.chars())
}

/// Whether `left` and `right` written together are one syllable ([`is_syllable`]).
pub fn is_syllable_pair(left: &str, right: &str) -> bool {
    syllable_of(left.chars().chain(right.chars()))
}

fn syllable_of(chars: impl Iterator<Item = char>) -> bool {
    let mut buf = [0u8; MAX_LETTERS];
    let mut len = 0;
    let mut tone = None;
    for c in chars {
        let b = if c.is_ascii() {
            // Decomposes to itself: a base letter, no mark.
            code(c.to_ascii_lowercase(), '\0')
        } else {
            let lower = if c.is_uppercase() { c.to_lowercase().next().unwrap_or(c) } else { c };
            let mut letter = Letter::default();
            decompose_canonical(lower, |d| letter.push(d));
            if let Some(t) = letter.tone {
                if tone.replace(t).is_some() {
                    return false;
                }
            }
            letter.code()
        };
        let Some(b) = b else { return false };
        if len == MAX_LETTERS {
            return false;
        }
        buf[len] = b;
        len += 1;
    }
    len > 0 && splits_validly(&buf[..len], tone)
}

/// Whether the letters spell a syllable and a stop final (p, t, c, ch) has
/// the sắc or nặng tone it needs. Every split of a word into initial and rime
/// ends the rime where the word ends, so the final is the word's.
fn splits_validly(letters: &[u8], tone: Option<char>) -> bool {
    let spelled = pack(letters).is_some_and(|key| SPELLINGS.binary_search(&key).is_ok());
    spelled && (!stop_final(letters) || matches!(tone, Some(ACUTE | DOT)))
}

fn stop_final(letters: &[u8]) -> bool {
    letters.ends_with(b"p") || letters.ends_with(b"t") || letters.ends_with(b"c") || letters.ends_with(b"ch")
}

/// c/k, g/gh and ng/ngh by the following vowel; `qu` takes no second `u`.
fn spelling_ok(initial: &[u8], rime: &[u8]) -> bool {
    let front = matches!(rime.first(), Some(b'i' | b'e' | b'E' | b'y'));
    let front_no_y = matches!(rime.first(), Some(b'i' | b'e' | b'E'));
    match initial {
        b"k" => front,
        b"c" => !front,
        b"gh" | b"ngh" => front_no_y,
        b"ng" => !front_no_y,
        b"g" => !matches!(rime.first(), Some(b'e' | b'E' | b'y')),
        b"qu" => !matches!(rime.first(), Some(b'u' | b'U' | b'o' | b'P')),
        b"gi" => !matches!(rime.first(), Some(b'i')),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_syllables() {
        for w in [
            "người", "nghiêng", "quyết", "định", "Quản", "lý", "ĐIỀU", "giữa", "gì", "hoặc", "khuỷu", "thuở", "rượu",
            "khoẻ", "khỏe", "thủy", "thuỷ", "hòa", "hoà", "ý", "ở", "kỳ", "quốc", "chuyển", "nguyễn", "Việt", "Nam",
            "xã", "giêng", "ươn", "oong", "Tây", "Ninh", "khuya", "uỷ", "ủy", "ban", "nhân", "dân",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn rejects_non_syllables() {
        for w in [
            "điề", "ng", "Tõy", "café", "ci", "ghu", "ngi", "cat", "hoặ", "quu", "Wifi", "¶n", "tiê", "xyz", "hoàá",
            "quyÕt",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn a_pair_is_the_two_words_written_together() {
        assert!(is_syllable_pair("ĐIỀ", "U"));
        assert!(is_syllable_pair("ngh", "iêng"));
        assert!(!is_syllable_pair("ĐI", "ỀU ") && !is_syllable_pair("Điề", "u khoản"));
        assert!(!is_syllable_pair("", ""));
    }

    #[test]
    fn packing_keeps_lengths_apart() {
        assert_ne!(pack(b"a"), pack(b"\x01a"));
        assert_eq!(pack(&[b'a'; 9]), None);
    }

    /// The rule as first written: some initial prefixes the letters and the rest is a
    /// rime allowed after it, with the tone a stop final needs.
    fn by_initials(letters: &[u8], tone: Option<char>) -> bool {
        INITIAL_CODES.iter().any(|initial| {
            let Some(rime) = letters.strip_prefix(initial.as_slice()) else { return false };
            let gi_alone = initial.as_slice() == b"gi" && rime.is_empty();
            let stop = rime.ends_with(b"p") || rime.ends_with(b"t") || rime.ends_with(b"c") || rime.ends_with(b"ch");
            (gi_alone || RIME_CODES.iter().any(|r| r.as_slice() == rime))
                && spelling_ok(initial, rime)
                && (!stop || matches!(tone, Some(ACUTE | DOT)))
        })
    }

    #[test]
    fn the_spelling_table_agrees_with_the_rule_on_every_short_word() {
        let alphabet = b"aABeEioOPuUybcdDghklmnpqrstvx";
        let tones = [None, Some(ACUTE), Some('\u{0300}'), Some(DOT)];
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut checked = 0;
        for _ in 0..4 {
            words = words.iter().flat_map(|w| alphabet.iter().map(move |&b| [w.as_slice(), &[b]].concat())).collect();
            for w in &words {
                for tone in tones {
                    assert_eq!(splits_validly(w, tone), by_initials(w, tone), "{:?} {tone:?}", String::from_utf8_lossy(w));
                    checked += 1;
                }
            }
        }
        // Longer words: every initial and rime, and each with one letter more.
        for initial in INITIAL_CODES.iter() {
            for rime in RIME_CODES.iter() {
                let word = [initial.as_slice(), rime].concat();
                for extra in [&b""[..], b"h", b"g", b"u"] {
                    let w = [word.as_slice(), extra].concat();
                    for tone in tones {
                        assert_eq!(splits_validly(&w, tone), by_initials(&w, tone), "{:?}", String::from_utf8_lossy(&w));
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1_000_000);
    }
}
