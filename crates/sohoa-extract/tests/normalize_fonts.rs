//! Legacy decoding decided per font over the whole document: a short run that
//! reads as Vietnamese both as given and decoded follows what the document's
//! other runs of its font showed ([`normalize::two_pass`]), and a Unicode
//! document that only names legacy fonts stays untouched.

use sohoa_extract::normalize::legacy::Legacy;
use sohoa_extract::normalize::{self, Normalizer};

/// The cp1252 reading of `text` encoded in `e`: what a DOCX run in a legacy font holds.
fn legacy_run(e: Legacy, text: &str) -> String {
    let bytes = e.encode(text).expect("test text is Vietnamese letters and ASCII");
    bytes.iter().map(|&b| normalize::legacy::cp1252::char_of(b)).collect()
}

/// Every run through one normalizer, in order.
fn read(norm: &mut Normalizer, runs: &[(String, &str)]) -> Result<Vec<String>, ()> {
    Ok(runs.iter().map(|(text, font)| norm.run(text, Some(font))).collect())
}

/// The document read once, and read as `two_pass` reads it.
fn one_and_two_passes(runs: &[(String, &str)]) -> (Vec<String>, Vec<String>) {
    let once = read(&mut Normalizer::new(), runs).unwrap_or_default();
    let (twice, _) = normalize::two_pass(|n| read(n, runs)).unwrap_or_default();
    (once, twice)
}

const PLAN: [&str; 3] = [
    "Phú Mỹ, ngày 04 tháng 03 năm 2024",
    "Tổ chức hoạt động kiểm soát thủ tục hành chính trên địa bàn thị trấn",
    "Căn cứ Quyết định số 354/QĐ-UBND ngày 20 tháng 02 năm 2024 của UBND huyện",
];

#[test]
fn a_short_first_run_follows_its_fonts_legacy_runs() {
    for (e, font) in [(Legacy::Tcvn3, ".VnTime"), (Legacy::Vni, "VNI-Times")] {
        let number = legacy_run(e, "Số: 169/KH-UBND");
        // Both readings are Vietnamese (`Sè:` / `Soá:`): the run alone cannot tell.
        assert_ne!(Normalizer::new().run(&number, Some(font)), "Số: 169/KH-UBND");
        let mut runs = vec![(number, font)];
        runs.extend(PLAN.iter().map(|t| (legacy_run(e, t), font)));
        let (once, twice) = one_and_two_passes(&runs);
        assert_ne!(once[0], "Số: 169/KH-UBND", "{font}: one pass cannot know");
        assert_eq!(twice[0], "Số: 169/KH-UBND", "{font}");
        assert_eq!(twice[1..], PLAN.map(str::to_owned), "{font}");
    }
}

#[test]
fn one_document_mixes_tcvn3_and_vni_fonts() {
    let runs = vec![
        (legacy_run(Legacy::Tcvn3, "Số: 12/KH-UBND"), ".VnTime"),
        (legacy_run(Legacy::Vni, "Số: 7/BC"), "VNI-Times"),
        (legacy_run(Legacy::Tcvn3, PLAN[1]), ".VnTime"),
        (legacy_run(Legacy::Vni, PLAN[2]), "VNI-Times"),
    ];
    let (_, twice) = one_and_two_passes(&runs);
    assert_eq!(twice, ["Số: 12/KH-UBND", "Số: 7/BC", PLAN[1], PLAN[2]]);
}

#[test]
fn a_unicode_document_naming_legacy_fonts_stays_untouched() {
    // Short runs that read as Vietnamese in TCVN3 too (`có` → `cú`), among
    // plain Unicode runs in the same fonts.
    let texts = ["có", "Số: 12/KH-UBND", PLAN[0], PLAN[1], "các", "bà má", PLAN[2], "Tây Ninh"];
    for font in [".VnTime", ".VnTimeH", "VNI-Times"] {
        let mut runs: Vec<(String, &str)> = texts.iter().map(|t| (t.to_string(), font)).collect();
        // An `...H` run first decides ties for the font; the document's
        // Unicode runs in its encoding overrule it.
        runs.insert(0, ("có".to_owned(), ".VnTimeH"));
        runs.push((PLAN[1].to_owned(), ".VnTime"));
        let (once, twice) = one_and_two_passes(&runs);
        assert_eq!(once[0], "CÚ", "one pass trusts the `...H` font on a tie");
        let given: Vec<&str> = runs.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(twice, given, "{font}");
    }
}

#[test]
fn a_document_read_once_needs_no_replay_when_no_tie_was_overturned() {
    let mut n = Normalizer::new();
    let runs: Vec<(String, &str)> = PLAN.iter().map(|t| (legacy_run(Legacy::Tcvn3, t), ".VnTime")).collect();
    assert_eq!(read(&mut n, &runs).unwrap_or_default(), PLAN.map(str::to_owned));
    assert!(n.replay().is_none());
    let mut unicode = Normalizer::new();
    for t in PLAN {
        assert_eq!(unicode.run(t, Some(".VnTime")), t);
    }
    assert!(unicode.replay().is_none());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lower-case Vietnamese syllables (TCVN3's `.VnTime` has no toned capitals).
    fn words() -> impl Strategy<Value = Vec<String>> {
        let syllables = prop::sample::select(vec![
            "số", "kế", "hoạch", "và", "có", "các", "sè", "bà", "má", "tổ", "chức", "thực", "hiện", "năm", "ủy", "ban",
            "nhân", "dân", "quyết", "định", "về", "việc", "hà", "nội", "tây", "ninh", "là", "cà", "mau", "ngày",
            "tháng", "thủ", "tục", "hành", "chính", "trên", "địa",
        ]);
        prop::collection::vec(syllables.prop_map(str::to_owned), 1..30)
    }

    /// `words` cut into runs of `sizes` words each (the rest in one run).
    fn runs_of(words: &[String], sizes: &[usize]) -> Vec<String> {
        let mut runs = Vec::new();
        let mut rest = words;
        for &n in sizes {
            if rest.is_empty() {
                break;
            }
            let (run, tail) = rest.split_at(n.min(rest.len()));
            runs.push(run.join(" ") + " ");
            rest = tail;
        }
        if !rest.is_empty() {
            runs.push(rest.join(" "));
        }
        runs
    }

    proptest! {
        #[test]
        fn a_unicode_document_in_legacy_fonts_is_never_touched(
            words in words(),
            sizes in prop::collection::vec(1usize..4, 1..10),
            font in prop::sample::select(vec![".VnTime", "VNI-Times", ".VnArial"]),
        ) {
            let runs: Vec<(String, &str)> = runs_of(&words, &sizes).into_iter().map(|r| (r, font)).collect();
            let (twice, _) = normalize::two_pass(|n| read(n, &runs)).unwrap_or_default();
            let given: Vec<&str> = runs.iter().map(|(t, _)| t.as_str()).collect();
            prop_assert_eq!(twice, given);
        }

        #[test]
        fn a_legacy_document_decodes_every_run(
            words in words(),
            sizes in prop::collection::vec(1usize..4, 1..10),
            enc in 0usize..2,
        ) {
            let (e, font) = [(Legacy::Tcvn3, ".VnTime"), (Legacy::Vni, "VNI-Times")][enc];
            // The document needs a few words that are broken as given: a
            // text of ties alone (`Sè bà` / `Số bà`) cannot be told, and a
            // word that is the same in both (`ninh`) is no evidence.
            let clear = words
                .iter()
                .filter(|w| legacy_run(e, w) != **w && Normalizer::new().run(&legacy_run(e, w), Some(font)) == **w)
                .count();
            prop_assume!(clear >= 3);
            let unicode = runs_of(&words, &sizes);
            let runs: Vec<(String, &str)> = unicode.iter().map(|r| (legacy_run(e, r), font)).collect();
            let (twice, _) = normalize::two_pass(|n| read(n, &runs)).unwrap_or_default();
            prop_assert_eq!(twice, unicode);
        }
    }
}
