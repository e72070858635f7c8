//! Legacy tables against glibc iconv, and every Vietnamese letter through
//! every legacy encoding that can write it (property tests included).

use proptest::prelude::*;
use sohoa_extract::normalize::legacy::{encode_tcvn3_caps, Legacy};
use sohoa_extract::normalize::Normalizer;
use std::process::Command;
use unicode_normalization::UnicodeNormalization;

const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES: [&str; 6] = ["", "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"];

/// All 146 letters: 12 vowels × 6 tone forms + đ, lower and upper case
/// (the 134 marked ones and the 12 plain vowels).
fn letters() -> Vec<char> {
    let mut lower: Vec<char> =
        VOWELS.iter().flat_map(|v| TONES.iter().map(move |t| format!("{v}{t}").nfc().next().unwrap_or(*v))).collect();
    lower.push('đ');
    let upper: Vec<char> = lower.iter().flat_map(|c| c.to_uppercase()).collect();
    lower.into_iter().chain(upper).collect()
}

/// A syllable carrying `letter` that takes all six tones (final `n`).
fn carrier(letter: char) -> String {
    let lower = letter.to_lowercase().next().unwrap_or(letter);
    let word = match lower.to_string().nfd().next() {
        Some('y') => format!("l{lower}"),
        Some('đ') => "đan".to_owned(),
        _ => format!("b{lower}n"),
    };
    if letter.is_uppercase() {
        word.to_uppercase()
    } else {
        word
    }
}

#[test]
fn letter_list_has_all_134_marked_letters() {
    let marked = letters().into_iter().filter(|c| !c.is_ascii()).count();
    assert_eq!(marked, 134);
}

#[test]
fn every_letter_round_trips_through_every_encoding() {
    for c in letters() {
        let one = c.to_string();
        for e in [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii, Legacy::Cp1258] {
            let bytes = e.encode(&one).unwrap_or_else(|| panic!("{} cannot write {c}", e.name()));
            let word = carrier(c);
            let word_bytes = e.encode(&word).unwrap_or_default();
            assert_eq!(e.decode(&word_bytes), word, "{} {c} in {word}", e.name());
            if !(e == Legacy::Tcvn3 && (0x80..=0x9F).contains(&bytes[0])) {
                assert_eq!(e.decode(&bytes), one, "{} {c} alone", e.name());
            }
        }
    }
}

#[test]
fn tcvn3_capitals_round_trip_through_the_h_font_path() {
    for c in letters().into_iter().filter(|c| c.is_uppercase()) {
        let word = carrier(c);
        let bytes = encode_tcvn3_caps(&word).unwrap_or_else(|| panic!("cannot write {word}"));
        assert!(bytes.iter().all(|&b| b >= 0xA0 || b.is_ascii()), "{word}: ABC bytes only");
        let mut n = Normalizer::new();
        assert_eq!(n.bytes(&bytes, Some(".VnTimeH")), word, "{word}");
    }
}

fn iconv_decode(codec: &str, byte: u8) -> Option<Option<String>> {
    let mut child = Command::new("iconv")
        .args(["-f", codec, "-t", "UTF-8"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    use std::io::Write;
    child.stdin.take()?.write_all(&[byte]).ok()?;
    let out = child.wait_with_output().ok()?;
    Some(out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned()))
}

fn iconv_has(codec: &str) -> bool {
    let Ok(out) = Command::new("iconv").arg("-l").output() else { return false };
    String::from_utf8_lossy(&out.stdout).split([' ', ',', '\n']).any(|n| n.trim_end_matches('/') == codec)
}

#[test]
fn table_entries_match_iconv() {
    for (e, codec) in [(Legacy::Tcvn3, "TCVN5712-1"), (Legacy::Viscii, "VISCII"), (Legacy::Cp1258, "CP1258")] {
        if !iconv_has(codec) {
            eprintln!("!!!!! SKIPPED: iconv lacks {codec}; {} table NOT checked !!!!!", e.name());
            continue;
        }
        let mut checked = 0;
        for b in (0x01..=0xFFu8).filter(|b| !b.is_ascii() || *b < 0x20) {
            let Some(Some(expected)) = iconv_decode(codec, b) else { continue };
            let ours = e.table_char(b).map(String::from).unwrap_or_default();
            assert_eq!(ours, expected, "{} byte {b:#04x}", e.name());
            checked += 1;
        }
        assert!(checked >= 128, "{}: only {checked} entries checked", e.name());
    }
}

#[test]
fn encoders_agree_with_iconv_on_all_letters() {
    let text: String = letters().into_iter().map(|c| format!("{c} ")).collect();
    for (e, codec) in [(Legacy::Tcvn3, "TCVN5712-1"), (Legacy::Viscii, "VISCII")] {
        if !iconv_has(codec) {
            eprintln!("!!!!! SKIPPED: iconv lacks {codec} !!!!!");
            continue;
        }
        let Some(ours) = e.encode(&text) else { panic!("{} cannot write a letter", e.name()) };
        let out = Command::new("sh")
            .args(["-c", &format!("printf '%s' \"$0\" | iconv -f UTF-8 -t {codec}"), &text])
            .output()
            .expect("sh runs: iconv is present (checked above)");
        assert_eq!(ours, out.stdout, "{} encoder vs iconv", e.name());
    }
}

#[test]
fn vni_known_words() {
    let cases = [
        ("Vieät Nam", "Việt Nam"),
        ("ngöôøi", "người"),
        ("Ñoäc laäp", "Độc lập"),
        ("nghæ", "nghỉ"),
        ("NGHÓA", "NGHĨA"),
        ("Tyû leä", "Tỷ lệ"),
        ("AÅm öôùt", "Ẩm ướt"),
        ("ñaêng kyù", "đăng ký"),
        ("naëng", "nặng"),
        ("UÛY BAN", "ỦY BAN"),
        ("thuôû", "thuở"),
        ("yù kieán", "ý kiến"),
        ("Quyeát ñònh", "Quyết định"),
    ];
    for (vni, unicode) in cases {
        let bytes: Vec<u8> = vni.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect();
        assert_eq!(Legacy::Vni.decode(&bytes), unicode, "{vni}");
        assert_eq!(Legacy::Vni.encode(unicode).as_deref(), Some(bytes.as_slice()), "{unicode}");
    }
}

proptest! {
    #[test]
    fn any_letter_in_a_syllable_round_trips(i in 0usize..146, enc in 0usize..4) {
        let c = letters()[i];
        let e = Legacy::ALL[enc];
        let word = carrier(c);
        let bytes = e.encode(&word).expect("every encoding writes every letter");
        prop_assert_eq!(e.decode(&bytes), word);
    }
}
