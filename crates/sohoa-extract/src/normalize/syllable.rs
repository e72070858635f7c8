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

/// The rimes, packed ([`pack`]) and sorted for a binary search.
static RIME_SET: Lazy<Vec<u64>> = Lazy::new(|| {
    let mut rimes: Vec<u64> = RIMES.split_whitespace().map(|r| pack(&encode_word(r))).collect();
    rimes.sort_unstable();
    rimes
});

/// Letters (at most [`MAX_LETTERS`], codes never 0) as one number: a set lookup without hashing a vector.
fn pack(letters: &[u8]) -> u64 {
    letters.iter().fold(0, |n, &b| (n << 8) | u64::from(b))
}
static INITIAL_CODES: Lazy<Vec<Vec<u8>>> = Lazy::new(|| INITIALS.iter().map(|s| encode_word(s)).collect());

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
    let mut buf = [0u8; MAX_LETTERS];
    let mut len = 0;
    let mut tone = None;
    for c in word.chars() {
        let Some((b, letter_tone)) = letter_of(c) else { return false };
        if let Some(t) = letter_tone {
            if tone.replace(t).is_some() {
                return false;
            }
        }
        if len == MAX_LETTERS {
            return false;
        }
        buf[len] = b;
        len += 1;
    }
    len > 0 && splits_validly(&buf[..len], tone)
}

/// Characters below this are looked up in [`LETTERS`]; the rest are decomposed on each call.
const TABLE_END: u32 = 0x2000;

/// One character's letter code and tone mark, or `None` when it is no Vietnamese letter.
type LetterOf = Option<(u8, Option<char>)>;

/// [`decompose_letter`] of every character below [`TABLE_END`], worked out once:
/// the same answer as decomposing each time, without the Unicode lookups.
static LETTERS: Lazy<Vec<LetterOf>> =
    Lazy::new(|| (0..TABLE_END).map(|u| char::from_u32(u).and_then(decompose_letter)).collect());

fn letter_of(c: char) -> LetterOf {
    match LETTERS.get(c as usize) {
        Some(known) => *known,
        None => decompose_letter(c),
    }
}

/// Lower-cases and decomposes `c` into a letter code and its tone mark.
fn decompose_letter(c: char) -> LetterOf {
    let lower = if c.is_uppercase() { c.to_lowercase().next().unwrap_or(c) } else { c };
    let mut letter = Letter::default();
    decompose_canonical(lower, |d| letter.push(d));
    Some((letter.code()?, letter.tone))
}

/// Tries every initial that prefixes `letters`.
fn splits_validly(letters: &[u8], tone: Option<char>) -> bool {
    INITIAL_CODES
        .iter()
        .any(|initial| begins_with(letters, initial) && rime_ok(initial, &letters[initial.len()..], tone))
}

/// `letters.starts_with(initial)` for a few bytes, without a call to `memcmp`.
fn begins_with(letters: &[u8], initial: &[u8]) -> bool {
    initial.len() <= letters.len() && initial.iter().zip(letters).all(|(a, b)| a == b)
}

fn rime_ok(initial: &[u8], rime: &[u8], tone: Option<char>) -> bool {
    let gi_alone = initial == b"gi" && rime.is_empty();
    if !gi_alone && RIME_SET.binary_search(&pack(rime)).is_err() {
        return false;
    }
    if !spelling_ok(initial, rime) {
        return false;
    }
    let stop = rime.ends_with(b"p") || rime.ends_with(b"t") || rime.ends_with(b"c") || rime.ends_with(b"ch");
    !stop || matches!(tone, Some(ACUTE | DOT))
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
}
