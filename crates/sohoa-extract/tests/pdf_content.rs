//! The content-stream tokenizer (`sohoa_extract::decode_pdf_content`) returns what
//! lopdf's `Content::decode` returns (the same operations, or an error for both) on
//! every stream of every PDF in the repository, on hand-written malformed streams and
//! on generated token soup; it does not overflow the stack on deep nesting.

#[path = "support/pdf_streams.rs"]
mod pdf_streams;

use pdf_extract::content::Content;
use sohoa_extract::decode_pdf_content;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// How the two decoders compare on one input.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Same,
    /// lopdf panics (its known bugs); ours returned without panicking.
    LopdfPanics,
    Differ(String),
}

/// Silences the panics raised inside lopdf (counted by [`compare`]); others print as usual.
fn quiet_lopdf_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info.location().is_some_and(|l| l.file().contains("lopdf")) {
                default(info);
            }
        }));
    });
}

fn compare(input: &[u8]) -> Verdict {
    quiet_lopdf_panics();
    let ours = decode_pdf_content(input);
    let Ok(theirs) = catch_unwind(AssertUnwindSafe(|| Content::decode(input))) else {
        return Verdict::LopdfPanics;
    };
    match (theirs, ours) {
        (Ok(a), Ok(b)) if pdf_streams::same_content(&a.operations, &b.operations) => Verdict::Same,
        (Err(_), Err(_)) => Verdict::Same,
        (a, b) => {
            let show = |c: Result<Content, String>| match c {
                Ok(c) => format!("Ok({:?})", c.operations.iter().take(40).collect::<Vec<_>>()),
                Err(e) => format!("Err({e})"),
            };
            Verdict::Differ(format!(
                "lopdf {}\nsohoa {}",
                show(a.map_err(|e| e.to_string())),
                show(b.map_err(|e| e.to_string()))
            ))
        }
    }
}

/// Compares every input; returns how many lopdf panicked on, and fails on any difference.
fn check_all(kind: &str, inputs: &[Vec<u8>]) -> usize {
    let mut panics = 0;
    let mut problems = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        match compare(input) {
            Verdict::Same => {}
            Verdict::LopdfPanics => panics += 1,
            Verdict::Differ(why) => {
                let head = String::from_utf8_lossy(&input[..input.len().min(200)]).into_owned();
                problems.push(format!("{kind} #{i} ({} bytes, starts {head:?}):\n{why}", input.len()));
            }
        }
    }
    assert!(problems.is_empty(), "{} of {} {kind} differ:\n{}", problems.len(), inputs.len(), problems.join("\n\n"));
    panics
}

#[test]
fn every_stream_of_the_repository_pdfs_decodes_as_lopdf_decodes_it() {
    let found = pdf_streams::collect();
    let panics = check_all("page contents", &found.pages)
        + check_all("form XObjects", &found.forms)
        + check_all("other streams", &found.other)
        + check_all("whole files", &found.files);
    eprintln!(
        "{} PDFs ({} lopdf cannot load): {} page contents, {} form XObjects, {} other streams, {} whole files \
         compared; lopdf panicked on {panics}",
        found.pdfs,
        found.unloadable,
        found.pages.len(),
        found.forms.len(),
        found.other.len(),
        found.files.len()
    );
    // The corpus has hundreds of text pages; far fewer means the walk found no PDFs.
    assert!(found.pdfs >= 30 && found.pages.len() >= 200, "{} PDFs, {} pages", found.pdfs, found.pages.len());
    assert_eq!(panics, 0, "lopdf panicked on a repository stream");
}

/// Malformed and unusual streams, each checked against lopdf.
const EDGE_CASES: &[&[u8]] = &[
    b"",
    b"   \r\n\t ",
    b"q 1 0 0 1 72 720 cm BT /F1 12 Tf (Hello) Tj ET Q",
    b"BT [(A) -250 (B) 120.5 (C)] TJ ET",
    // comments: right before a token, before space, at the end with and without an end of line
    b"q\n% note\nBT ET",
    b"q\n% note\n  BT ET",
    b"q % note",
    b"q % note\n",
    b"q % note\r\nQ",
    b"%a\n%b\rQ",
    b"1 0 % in operands\n0 1 0 0 cm",
    b"[1 % in an array\n 2] 0 d",
    // numbers
    b"-.5 1. --5 +3 +.25 -0 -0.0 .5.5 1.5.3 007 m",
    b"- 1 m",
    b"+ l",
    b". l",
    b"99999999999999999999 0 m",
    b"9223372036854775807 -9223372036854775808 9223372036854775808 m",
    b"123456789.123456789 0.1 16777215.5 16777216.0 1.00000000001 m",
    b"3.4028236e38 1e5 Tz",
    b"340282356779733661637539395458142568448.0 999999999999999999999999999999999999999999.9 m",
    b"0.000000000000000000000000000000000000000000001 m",
    // keywords glued to what follows
    b"nullTj truefalse null true false n",
    b"nul Tj",
    b"fals f",
    // names
    b"/F#31 12 Tf",
    b"/A#2 Tf",
    b"/A#zz Tf",
    b"/A#4 Tf",
    b"/ Tf",
    b"/A/B/C#20D Do",
    b"/A\x00B Tf",
    b"/\xc3\xa9 Tf",
    // literal strings
    b"(a\\(b\\)c) Tj",
    b"(a(b(c)d)e) Tj",
    b"(unbalanced (x) Tj",
    b"(\\101\\1012\\7777\\8\\q\\n\\r\\t\\b\\f\\\\) Tj",
    b"(line\\\ncontinued\\\r\nand\\\rmore) Tj",
    b"(raw\r\nends\rkept\n) Tj",
    b"(ends with a backslash\\",
    b"(\\",
    b"() Tj",
    // hex strings
    b"<48 65 6c6C 6f> Tj",
    b"<486> Tj",
    b"<4 8\x0c6\x005> Tj",
    b"<48g5> Tj",
    b"<> Tj",
    b"<48",
    // arrays and dictionaries
    b"[1 0 R 2 0 obj] TJ",
    b"[1 0 R] TJ",
    b"[1 0 % c\n R 4294967296 0 R 1 65536 R 1 2R] TJ",
    b"/P <</MCID 0 /A [1 2 <</B null>>] /C (x)>> BDC EMC",
    b"<</A>> BDC",
    b"<<>> BDC",
    b"<< /A 1 /A 2 >> BDC",
    b"[ ] TJ [(a)(b)] TJ",
    b"[\x00(a)\x0c] TJ",
    b"1\x0c2 m",
    b"]",
    b"}",
    b"{ q }",
    // operators
    b"T* ' \" '\"",
    b"1 2 3",
    b"q 1 2",
    b"BT ET\x80 q",
    // inline images: data measured, skipped to EI, malformed
    b"q BI /W 2 /H 2 /BPC 8 /CS /G ID abcd EI Q",
    b"BI /Width 4 /Height 1 /BitsPerComponent 1 /ImageMask true ID \xff EI q",
    b"BI /W 1 /H 1 /BPC 8 /CS /RGB ID \x00\x00\x00\nEI Q",
    b"BI /W 1 /H 1 /BPC 8 /CS /CMYK ID abcd EI",
    b"BI /W 1 /H 1 /BPC 8 /CS /Indexed ID xyz EI Q",
    b"BI /W 1 /H 1 /BPC 8 /CS /G /F /AHx ID 00> EI Q",
    b"BI /W 1 /H 1 /BPC 8 /CS /G /F [/AHx] ID 00> EI Q",
    b"BI /W 1 /H 1 /BPC 8 /CS /G /F 5 ID 00> EI Q",
    b"BI /W 1 /H 1 /BPC 8 /CS /Pattern ID x EI Q",
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID x Q",
    b"BI /W 9 /H 9 /BPC 8 /CS /G ID short EI Q",
    b"BI /W 9 /H 9 /BPC 8 /CS /G ID short",
    b"BI /W 1.5 /H 1 /BPC 8 /CS /G ID x EI Q",
    b"BI /H 1 /BPC 8 /CS /G ID x EI Q",
    b"BI /W 1 /H 1 /BPC 8 /CS /G /IM false ID x EI Q",
    b"BI /W 1 /H 1 /BPC 8 /CS 7 ID x EI Q",
    b"BI ID EI",
    b"BI",
    b"BIx",
    b"BI /W 1 /H 1 /BPC 8 /CS /G",
    b"BI /W 1 /H 1 /BPC 8 /CS /G IDx EI",
    b"BI /W -1 /H 1 /BPC 8 /CS /G ID x EI Q",
    b"1 2 BI 3 ID",
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00\tEI\tQ",
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00\nEIx EI Q",
    b"BI /W [1 [2]] /H 1 /BPC 8 /CS /G ID x EI Q",
];

#[test]
fn malformed_streams_decode_as_lopdf_decodes_them() {
    let inputs: Vec<Vec<u8>> = EDGE_CASES.iter().map(|c| c.to_vec()).collect();
    assert_eq!(check_all("edge cases", &inputs), 0);
}

/// `n` times `open`, a `1`, `n` times `close`, as the operand of `op`.
fn nested(open: &str, close: &str, n: usize, op: &str) -> Vec<u8> {
    format!("q {}1{} {op} Q", open.repeat(n), close.repeat(n)).into_bytes()
}

#[test]
fn nesting_limits_are_lopdf_limits() {
    let mut inputs = Vec::new();
    for n in [1, 99, 100, 101, 102] {
        inputs.push(nested("[", "]", n, "TJ"));
        inputs.push(nested("[ ", " ]", n, "TJ"));
        inputs.push(nested("<</A ", ">>", n, "BDC"));
        inputs.push(nested("[<</A ", ">>]", n / 2, "BDC"));
        inputs.push(nested("<</A [", "]>>", n / 2, "BDC"));
        inputs.push(format!("q ({}x{}) Tj Q", "(".repeat(n), ")".repeat(n)).into_bytes());
        inputs
            .push(format!("BI /W 1 /H 1 /BPC 8 /CS /G /D {}1{} ID x EI Q", "[".repeat(n), "]".repeat(n)).into_bytes());
    }
    // A dictionary as deep as allowed with no key inside: lopdf's parser takes it.
    inputs.push(format!("q {}<< >>{} BDC", "[".repeat(100), "]".repeat(100)).into_bytes());
    inputs.push(format!("q {}<< >>{} BDC", "[".repeat(99), "]".repeat(99)).into_bytes());
    assert_eq!(check_all("nesting", &inputs), 0);
    // Where lopdf gives up, the whole stream is an error; a level less is fine.
    assert!(decode_pdf_content(&nested("[", "]", 101, "TJ")).is_err());
    assert!(decode_pdf_content(&nested("[", "]", 100, "TJ")).is_ok_and(|c| c.operations.len() == 3));
}

#[test]
fn fifty_thousand_levels_of_nesting_are_an_error_not_a_stack_overflow() {
    for (open, close) in [("[", "]"), ("<</K ", ">>"), ("[<</K ", ">>]")] {
        let deep = nested(open, close, 50_000, "TJ");
        assert!(decode_pdf_content(&deep).is_err(), "{open}");
    }
    // The hostile test's page: BT, 100,000 `[`, `] TJ ET`.
    let bomb = [b"BT ".to_vec(), b"[".repeat(100_000), b"] TJ ET".to_vec()].concat();
    assert!(decode_pdf_content(&bomb).is_err());
    assert_eq!(compare(&bomb), Verdict::Same);
    // Parentheses are no structure: 50,000 of them end the stream at the string.
    let parens = format!("q ({}x{}) Tj Q", "(".repeat(50_000), ")".repeat(50_000)).into_bytes();
    assert!(decode_pdf_content(&parens).is_ok_and(|c| c.operations.len() == 1));
}

#[test]
fn an_inline_image_without_colour_space_is_skipped_where_lopdf_panics() {
    let input = b"q BI /W 1 /H 1 /BPC 8 ID x EI Q";
    assert_eq!(compare(input), Verdict::LopdfPanics);
    // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
    let ops = decode_pdf_content(input).expect("the image is skipped to EI");
    let names: Vec<&str> = ops.operations.iter().map(|o| o.operator.as_str()).collect();
    assert_eq!(names, ["q", "BI", "Q"]);
    assert!(ops.operations[1].operands.is_empty());
}

/// A small deterministic generator (xorshift), so that the soup is the same each run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a [u8]]) -> &'a [u8] {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Pieces of content streams, glued at random: tokens, fragments and stray bytes.
#[rustfmt::skip]
const PIECES: &[&[u8]] = &[
    b" ", b"\n", b"\r", b"\r\n", b"\t", b"\x00", b"\x0c", b"%", b"% c\n", b"(", b")", b"\\", b"\\1", b"\\n", b"<",
    b">", b"<<", b">>", b"[", b"]", b"{", b"/", b"/Name", b"#", b"#4", b"#41", b"1", b"0", b"-", b"+", b".", b"1.5",
    b"-.5", b"R", b"0 R", b"null", b"true", b"false", b"n", b"Tj", b"TJ", b"BT", b"ET", b"q", b"Q", b"cm", b"'",
    b"\"", b"*", b"BI", b"ID", b"EI", b" EI ", b"/W 1", b"/H 1", b"/BPC 8", b"/CS /G", b"/IM true", b"/F /A",
    b"abc", b"(x)", b"<41>", b"\x80", b"\xff",
];

#[test]
fn generated_token_soup_decodes_as_lopdf_decodes_it() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut inputs = Vec::new();
    for _ in 0..20_000 {
        let len = 1 + rng.next() % 40;
        let mut s = Vec::new();
        for _ in 0..len {
            s.extend_from_slice(rng.pick(PIECES));
        }
        inputs.push(s);
    }
    let panics = check_all("token soup", &inputs);
    // lopdf panics only on inline images without a colour space; ours never does.
    assert!(panics < inputs.len() / 20, "{panics} panics");
}
