//! The layout blocks of Nghị định 30/2020: the letterhead (bodies, `Số:`, motto, place and
//! date) and the signature block (`Nơi nhận` beside the signer), recognized by content
//! whether they arrive as a borderless table or as paragraphs, and kept out of the items.

use once_cell::sync::Lazy;
use regex::Regex;
use sohoa_doc::classes;
use sohoa_doc::fold::toneless_key;
use sohoa_doc::fold_key;
use sohoa_doc::{Span, Table};

/// The letterhead: the issuing side's lines (bodies, `Số: ...`, `V/v ...`) and the
/// national side's (motto, `Place, ngày ...`). A table gives its columns left to
/// right, each top to bottom; paragraphs give their lines in reading order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Letterhead {
    /// The lines in reading order.
    pub lines: Vec<String>,
    /// Where the letterhead starts.
    pub span: Span,
}

/// The signature block: the `Nơi nhận` lines (head included) and the signer's
/// lines (quyền hạn, title, `(Đã ký)`, name), each in reading order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SignatureBlock {
    /// The `Nơi nhận` lines, the head included.
    pub recipients: Vec<String>,
    /// The signer's lines: quyền hạn, title, `(Đã ký)`, name.
    pub signer: Vec<String>,
    /// Where the block starts.
    pub span: Span,
    /// The last line was a purpose note (`Để`): a lower-case line after it wraps the note.
    pub(crate) in_note: bool,
}

static MOTTO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)C[ỘO]NG\s+H(?:OÀ|ÒA|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc")
        .expect("static regex") // invariant: valid literal
});
static NUMBER: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^\s*Số\s*:").expect("static regex")); // invariant: valid literal
/// The `, ngày` of a place and date (`Hà Nội, ngày 20 ...`), after a place [`ends_with_place`]
/// finds. Two patterns rather than `\p{Lu}[\p{L}. ]*,\s*ngày\b`, which costs a process more
/// than twice as much to build (its inner literal has the place compiled again, reversed).
static DATE_WORD: Lazy<Regex> = Lazy::new(|| Regex::new(r",\s*ngày\b").expect("static regex")); // invariant: valid literal
static AUTHORITY: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:TM|KT|TL|TUQ|Q)\s*\.").expect("static regex")); // invariant: valid literal
/// The number part of `Số:` on a line of its own (`/TTr-SNV`, `09/2009/CT-UBND`).
static NUMBER_TAIL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[0-9]*\s*/\s*[0-9A-Za-zĐđ]+(?:\s*[-/–]\s*[0-9A-Za-zĐđ&]+)*$").expect("static regex")); // invariant: valid literal
/// The end of a date line that wrapped (`2025`, `tháng 12 năm 2025`).
static DATE_TAIL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:(?:ngày|tháng|năm)\b[\s0-9.…]*)*[0-9]{4}$").expect("static regex")); // invariant: valid literal
static RULE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[-_=.*…–— ]+$").expect("static regex")); // invariant: valid literal

/// A letterhead line holds a few words (`Số: 15/KH-UBND  Hà Nội, ngày 20 tháng 02 năm 2006`);
/// a longer one is running text that happens to start like one.
const MAX_FIELD_WORDS: usize = 24;

/// Type titles that open a document part (a plan after its decision); with [`OTHER_TITLES`],
/// the type titles where the letterhead ends.
pub(crate) const PART_TITLES: &[&str] = &[
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "CHỈ THỊ",
    "BÁO CÁO",
    "QUY ĐỊNH",
    "QUY CHẾ",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "HƯỚNG DẪN",
    "TỜ TRÌNH",
    "THÔNG BÁO",
];
/// Type titles that end a letterhead but open no new part.
const OTHER_TITLES: &[&str] = &["CÔNG VĂN", "NGHỊ QUYẾT", "PHỤ LỤC"];

/// Every type title's [`fold_key`], folded once.
static TITLE_KEYS: Lazy<Vec<String>> =
    Lazy::new(|| PART_TITLES.iter().chain(OTHER_TITLES).map(|t| fold_key(t)).collect());

/// Words a signer's title line ends with (`PHÓ CHỦ TỊCH`, `GIÁM ĐỐC`, `TRƯỞNG BAN`).
const POSITIONS: &[&str] = &[
    "CHỦ TỊCH",
    "GIÁM ĐỐC",
    "TRƯỞNG",
    "BÍ THƯ",
    "CHỦ NHIỆM",
    "CHÁNH VĂN PHÒNG",
    "THỦ TRƯỞNG",
    "TRƯỞNG BAN",
    "TRƯỞNG PHÒNG",
];

/// The motto of the national side, in any case and tone placement.
pub fn strip_motto(line: &str) -> String {
    MOTTO.replace_all(line, " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines without the motto, also where a narrow column broke it over two lines
/// (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA` / `VIỆT NAM`); lines left empty are dropped.
pub fn strip_motto_lines(lines: &[String]) -> Vec<String> {
    let joined = lines.join("\n");
    MOTTO
        .replace_all(&joined, "\n")
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

fn letters(line: &str) -> (usize, usize) {
    let all = line.chars().filter(|c| c.is_alphabetic()).count();
    let upper = line.chars().filter(|c| c.is_uppercase()).count();
    (all, upper)
}

/// A line in capitals (a body's name, a title), short.
fn is_caps(line: &str) -> bool {
    // the length first: a long paragraph is no such line, whatever its letters
    if line.chars().nth(90).is_some() {
        return false;
    }
    let (all, upper) = letters(line);
    all >= 2 && upper * 10 >= all * 9
}

fn is_title(line: &str) -> bool {
    let key = fold_key(line.trim().trim_end_matches(':'));
    TITLE_KEYS.iter().any(|t| key.strip_prefix(t.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(' ')))
}

/// A `Số: ...` line.
pub fn is_number_line(line: &str) -> bool {
    NUMBER.is_match(line)
}

/// A `Place, ngày ... tháng ... năm ...` line (or its start, when the date wraps).
pub fn is_place_date(line: &str) -> bool {
    let line = strip_motto(line);
    DATE_WORD.find_iter(&line).any(|m| ends_with_place(&line[..m.start()]))
}

/// A place name ends the text: a capital, then letters, dots and spaces (what
/// `\p{Lu}[\p{L}. ]*$` matches, scanned rather than compiled: the letter classes cost a
/// process more to build than every scan of a document).
fn ends_with_place(text: &str) -> bool {
    let place_char = |c: char| c == '.' || c == ' ' || classes::is_letter(c);
    text.chars().rev().take_while(|&c| place_char(c)).any(classes::is_upper)
}

/// A line of the letterhead: motto, bodies in capitals, `Số:`, place and date, a rule,
/// the `DỰ THẢO` mark or a `V/v` subject.
fn is_letterhead_line(line: &str) -> bool {
    let t = line.trim();
    if MOTTO.is_match(t) {
        let rest = strip_motto(t);
        return rest.is_empty() || is_letterhead_line(&rest);
    }
    let short = t.split_whitespace().count() <= MAX_FIELD_WORDS;
    if t.is_empty()
        || RULE.is_match(t)
        || DATE_TAIL.is_match(t)
        || NUMBER_TAIL.is_match(t)
        || short && (is_number_line(t) || is_place_date(t) || is_subject(t))
    {
        return true;
    }
    let (label, _) = sohoa_doc::label::split_label(t);
    label.is_none() && is_caps(t) && !is_title(t) && t.split_whitespace().count() <= 14
}

/// A `V/v ...` trích yếu of a công văn.
pub fn is_subject(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("V/v") || t.starts_with("V/V")
}

/// Whether these lines hold the letterhead's evidence: the motto, a `Số:` line or a place and date.
fn has_letterhead_evidence<'a>(lines: impl IntoIterator<Item = &'a str>) -> bool {
    lines.into_iter().any(|l| MOTTO.is_match(l) || is_number_line(l) || is_place_date(l))
}

/// Whether a paragraph's text can stand in the letterhead at the top of a document.
pub(crate) fn letterhead_paragraph(text: &str) -> bool {
    text.split('\n').all(is_letterhead_line) || (is_subject(text) && !text.contains('\n'))
}

/// Whether `lines` (the prefix gathered at the top) are a letterhead.
pub(crate) fn is_letterhead(lines: &[String]) -> bool {
    has_letterhead_evidence(lines.iter().map(String::as_str))
}

/// Lines of the table by column (left to right), each column top to bottom.
fn column_lines(t: &Table) -> Vec<(u16, Vec<String>)> {
    let mut cols: Vec<(u16, Vec<String>)> = Vec::new();
    for row in &t.rows {
        for cell in &row.cells {
            let lines: Vec<String> =
                cell.text.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
            if lines.is_empty() {
                continue;
            }
            match cols.iter_mut().find(|(c, _)| *c == cell.col) {
                Some((_, v)) => v.extend(lines),
                None => cols.push((cell.col, lines)),
            }
        }
    }
    cols.sort_by_key(|(c, _)| *c);
    cols
}

/// A borderless letterhead table: at most three filled columns holding the motto, or `Số:` and a place and date.
pub(crate) fn letterhead_table(t: &Table) -> Option<Letterhead> {
    let cols = column_lines(t);
    if cols.is_empty() || cols.len() > 3 {
        return None;
    }
    let lines: Vec<String> = cols.into_iter().flat_map(|(_, l)| l).collect();
    let motto = lines.iter().any(|l| MOTTO.is_match(l));
    let number_and_place = lines.iter().any(|l| is_number_line(l)) && lines.iter().any(|l| is_place_date(l));
    (motto || number_and_place).then_some(Letterhead { lines, span: t.span })
}

/// A borderless `Nơi nhận | signer` table: at most three filled columns, one opening
/// with `Nơi nhận` or holding a quyền hạn line (`KT. CHỦ TỊCH`).
pub(crate) fn signature_table(t: &Table) -> Option<SignatureBlock> {
    let cols = column_lines(t);
    if cols.is_empty() || cols.len() > 3 || cols.iter().map(|(_, l)| l.len()).sum::<usize>() > 60 || has_header(t) {
        return None;
    }
    let head = cols.iter().position(|(_, l)| l.first().is_some_and(|f| is_recipients_head(f)));
    let signer_col = cols.iter().position(|(_, l)| l.iter().any(|x| is_signer_title(x)));
    if head.is_none() && signer_col.is_none() {
        return None;
    }
    let mut block = SignatureBlock { span: t.span, ..SignatureBlock::default() };
    for (k, (_, lines)) in cols.into_iter().enumerate() {
        if Some(k) == head || head.is_none() && Some(k) != signer_col && lines.iter().any(|l| is_bullet(l)) {
            block.recipients.extend(lines);
        } else {
            for l in lines {
                block.absorb(&l);
            }
        }
    }
    Some(block)
}

/// A first row that names data columns (`STT | Nhiệm vụ`): a data table, not layout.
fn has_header(t: &Table) -> bool {
    let first: Vec<String> =
        t.rows.first().map(|r| r.cells.iter().map(|c| c.text.replace('\n', " ")).collect()).unwrap_or_default();
    crate::roles::header_roles(&first).is_some()
}

/// `Nơi nhận:` opens the recipients list (also with a tone OCR misread: `Nơi nhân:`).
pub fn is_recipients_head(line: &str) -> bool {
    // The head of the line is enough: a recipients head opens it.
    static HEAD: Lazy<String> = Lazy::new(|| toneless_key("Nơi nhận"));
    let head: String = line.chars().take(24).map(|c| if c == ':' { ' ' } else { c }).collect();
    toneless_key(&head).starts_with(HEAD.as_str())
}

fn is_bullet(line: &str) -> bool {
    line.trim_start().starts_with(['-', '–', '•', '+'])
}

/// A quyền hạn line (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`) or a signer's title in capitals (`PHÓ CHỦ TỊCH`).
pub fn is_signer_title(line: &str) -> bool {
    let t = line.trim();
    if !is_caps(t) || t.split_whitespace().count() > 8 {
        return false;
    }
    AUTHORITY.is_match(t)
        || POSITIONS.iter().any(|p| t.ends_with(p))
        || t.starts_with("PHÓ ")
        || t.starts_with("TRƯỞNG ")
}

/// A person's name: two to six capitalized words of letters.
pub fn is_person_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        && !is_caps(line)
        && !is_title(line)
}

/// `(Đã ký)`, `(Ký tên, đóng dấu)`: a mark of the signature.
fn is_sign_mark(line: &str) -> bool {
    let k = line.trim().to_lowercase();
    k.starts_with('(') && (k.contains("ký") || k.contains("dấu"))
}

/// One line met inside a signature block, and where it goes.
#[derive(Debug, PartialEq)]
pub(crate) enum SigLine {
    Recipient(String),
    Signer(String),
    /// A recipient with a signer's line beside it (`- Bộ Nội vụ; KT. CHỦ TỊCH`).
    Both(String, String),
    /// A wrapped recipient line (starts in lower case).
    Continuation(String),
    /// A purpose note beside a group of recipients (`Để báo cáo`): part of the block, no recipient.
    Note,
    Other,
}

/// Where `line` goes inside a signature block.
pub(crate) fn classify(line: &str) -> SigLine {
    let t = line.trim();
    if is_recipients_head(t) {
        return match t.split_once(':') {
            Some((h, tail)) if is_signer_part(tail) => SigLine::Both(format!("{h}:"), tail.trim().to_string()),
            _ => SigLine::Recipient(t.to_string()),
        };
    }
    if is_bullet(t) || crate::head_key::starts_with(t, &[], &fold_key("Lưu")) {
        return match t.rsplit_once(';') {
            Some((h, tail)) if is_signer_part(tail) => SigLine::Both(format!("{h};"), tail.trim().to_string()),
            _ => SigLine::Recipient(t.to_string()),
        };
    }
    if is_signer_part(t) || is_caps_fragment(t) {
        return SigLine::Signer(t.to_string());
    }
    if is_purpose_note(t) {
        return SigLine::Note;
    }
    if t.chars().next().is_some_and(char::is_lowercase) || t.ends_with([';', ',']) || t.contains('}') {
        return SigLine::Continuation(t.to_string());
    }
    SigLine::Other
}

/// A word or two in capitals: a signer's line that a PDF broke word by word (`TM.` / `ỦY` / `BAN`).
fn is_caps_fragment(t: &str) -> bool {
    let (all, upper) = letters(t);
    all >= 1
        && upper == all
        && t.split_whitespace().count() <= 2
        && !is_title(t)
        && t.chars().all(|c| c.is_alphabetic() || c == '.' || c == ' ')
}

/// `Để báo cáo`, `(để b/c)`: what a group of recipients receives the document for.
fn is_purpose_note(t: &str) -> bool {
    let k = t.trim_start_matches('(').to_lowercase();
    let first = k.split_whitespace().next().unwrap_or_default();
    is_de(first) && t.split_whitespace().count() <= 4
}

/// `để` whatever tone mark the scan or OCR left on its vowel (`đề`, `đế`, `đê`).
fn is_de(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next() == Some('đ') && chars.next().is_some_and(|c| "eéèẻẽẹêếềểễệ".contains(c)) && chars.next().is_none()
}

/// A recipient line that is complete (`- Bộ Nội vụ;`, `- Lưu: VT.`): what follows is no wrap of it.
fn ends_item(line: &str) -> bool {
    line.trim_end().ends_with([';', '.'])
}

fn is_signer_part(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && (is_signer_title(t) || is_person_name(t) || is_sign_mark(t))
}

impl SignatureBlock {
    /// Adds one line to the block; `false` when it does not belong (the block ends).
    pub(crate) fn absorb(&mut self, line: &str) -> bool {
        let class = classify(line);
        let after_note = std::mem::replace(&mut self.in_note, class == SigLine::Note);
        if after_note && matches!(class, SigLine::Continuation(_)) {
            self.in_note = true;
            return true;
        }
        match class {
            SigLine::Recipient(r) => self.recipients.push(r),
            SigLine::Signer(s) => {
                if self.has_name() && (is_person_name(&s) || is_caps_fragment(&s) && !is_signer_title(&s)) {
                    return false;
                }
                self.signer.push(s);
            }
            SigLine::Note => {}
            SigLine::Both(r, s) => {
                self.recipients.push(r);
                self.signer.push(s);
            }
            SigLine::Continuation(c) => match self.recipients.last_mut() {
                Some(last) if !ends_item(last) => *last = format!("{last} {c}"),
                _ => return false,
            },
            SigLine::Other => return false,
        }
        true
    }

    /// Whether the block has met its name (a later name-like line is not the signer's).
    pub fn has_name(&self) -> bool {
        self.signer.iter().any(|l| is_person_name(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sohoa_doc::{Cell, Row};

    #[test]
    fn place_date_lines_are_those_of_the_one_pattern() {
        let one = Regex::new(r"\p{Lu}[\p{L}. ]*,\s*ngày\b").expect("a test pattern");
        let lines = [
            "Hà Nội, ngày 20 tháng 02 năm 2006",
            "TP. Hồ Chí Minh,ngày 5 tháng 3 năm 2024",
            "Số: 15/KH-UBND Lâm Đồng, ngày 12 tháng 01 năm 2026",
            "hà nội, ngày 20",
            "Hà Nội, ngàyx 20",
            "Hà Nội 2, ngày 20",
            "Đà Lạt, , ngày 3",
            "Các đơn vị báo cáo trước, ngày 15 hằng tháng",
            "12, ngày 5, Hà Nội, ngày 6",
            ", ngày 20 tháng 02",
        ];
        for line in lines {
            assert_eq!(is_place_date(line), one.is_match(&strip_motto(line)), "{line}");
        }
        assert!(is_place_date("Hà Nội, ngày 20 tháng 02 năm 2006"));
        assert!(!is_place_date("hà nội, ngày 20"));
    }

    #[test]
    fn ends_with_place_is_the_place_pattern() {
        let one = Regex::new(r"\p{Lu}[\p{L}. ]*$").expect("a test pattern");
        let alphabet: Vec<char> = "HàNộiĐđ. ,\t1ǅⅫ\u{A0}-ǈꞫ".chars().collect();
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            assert_eq!(ends_with_place(&text), one.is_match(&text), "{text:?}");
        }
        assert!(ends_with_place("Số 5 Hà Nội") && !ends_with_place("hà nội "));
    }

    fn table(rows: &[&[&str]]) -> Table {
        let rows = rows
            .iter()
            .map(|r| Row {
                cells: r.iter().enumerate().map(|(i, t)| Cell::plain(*t, i as u16, Span::default())).collect(),
                header: false,
                span: Span::default(),
            })
            .collect();
        Table { rows, span: Span::default() }
    }

    #[test]
    fn letterhead_table_by_content() {
        let t = table(&[&[
            "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: /KH-SCT",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày tháng 4 năm 2026",
        ]]);
        let l = letterhead_table(&t).expect("a letterhead");
        assert_eq!(l.lines[..3], ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: /KH-SCT"]);
        assert_eq!(l.lines.last().map(String::as_str), Some("Lào Cai, ngày tháng 4 năm 2026"));
        let data = table(&[&["STT", "Nội dung"], &["1", "Số: 5 đơn vị"]]);
        assert!(letterhead_table(&data).is_none());
    }

    #[test]
    fn signature_table_splits_columns() {
        let t = table(&[
            &["Nơi nhận:", "", "KT. CHỦ TỊCH"],
            &["- Bộ Nội vụ;\n- Lưu: VT, NC.", "", "PHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Ngọc Phúc"],
        ]);
        let s = signature_table(&t).expect("a signature block");
        assert_eq!(s.recipients, ["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, NC."]);
        assert_eq!(s.signer, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Ngọc Phúc"]);
        assert!(signature_table(&table(&[&["TT", "Nhiệm vụ"], &["1", "Rà soát"]])).is_none());
    }

    #[test]
    fn interleaved_lines_are_sorted() {
        let mut b = SignatureBlock::default();
        for l in [
            "Nơi nhận: TM. UỶ BAN NHÂN DÂN",
            "- Bộ Khoa học và Công nghệ; KT.CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "- UBND các huyện, thị xã; Nguyễn Văn Hiệp",
            "- Lưu VT.",
        ] {
            assert!(b.absorb(l), "{l}");
        }
        assert_eq!(b.signer, ["TM. UỶ BAN NHÂN DÂN", "KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp"]);
        assert_eq!(
            b.recipients,
            ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- UBND các huyện, thị xã;", "- Lưu VT."]
        );
        assert!(!b.absorb("PHỤ LỤC"));
        assert!(!b.absorb("Phụ lục I"));
        assert!(!b.absorb("Trần Văn An"));
        let mut b = SignatureBlock::default();
        for l in [
            "Nơi nhận:",
            "- BTV Đảng uỷ,",
            "Để",
            "báo cáo",
            "- Lưu: VP.",
            "TM.",
            "ỦY",
            "BAN",
            "CHỦ TỊCH",
            "Đoàn Duy Việt",
        ] {
            assert!(b.absorb(l), "{l}");
        }
        assert_eq!(b.recipients.len(), 3);
        assert_eq!(b.signer, ["TM.", "ỦY", "BAN", "CHỦ TỊCH", "Đoàn Duy Việt"]);
        assert!(!b.absorb("KẾ HOẠCH"));
        assert_eq!(classify("TCT(HC, NV3)"), SigLine::Other);
        assert_eq!(classify("Đế thực hiện"), SigLine::Note, "OCR misread the tone of Để");
        assert_eq!(classify("Đến nay"), SigLine::Other);
        assert!(is_recipients_head("Nơi nhân:"), "OCR misread the tone of nhận");
        let mut b = SignatureBlock::default();
        for l in [
            "Nơi nhận:",
            "TM. ỦY BAN NHÂN DÂN",
            "- Văn phòng HĐND-",
            "CHỦ TỊCH",
            "UBND huyện ;",
            "Nguyễn Văn Giã",
            "- Chủ tịch, các PCT",
            "UBND xã;",
            "- Lưu: VT;",
        ] {
            assert!(b.absorb(l), "{l}");
        }
        assert_eq!(
            b.recipients,
            ["Nơi nhận:", "- Văn phòng HĐND- UBND huyện ;", "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT;"]
        );
        assert!(!b.absorb("thực hiện các nhiệm vụ"));
    }

    #[test]
    fn letterhead_lines() {
        assert!(letterhead_paragraph("ỦY BAN NHÂN DÂN"));
        assert!(letterhead_paragraph("Độc lập - Tự do - Hạnh phúc"));
        assert!(letterhead_paragraph("Lâm Đồng, ngày"));
        assert!(letterhead_paragraph("Số: /KH-UBND"));
        assert!(letterhead_paragraph("2025"));
        assert!(letterhead_paragraph("/TTr-SNV"));
        assert!(letterhead_paragraph("tháng 12 năm 2025"));
        assert_eq!(
            strip_motto_lines(&["CỘNG HÒA XÃ HỘI CHỦ NGHĨA".into(), "VIỆT NAM".into(), "Số: 5/KH".into()]),
            ["Số: 5/KH"]
        );
        assert!(!letterhead_paragraph("KẾ HOẠCH"));
        assert!(!letterhead_paragraph("I. MỤC ĐÍCH, YÊU CẦU"));
        assert!(!letterhead_paragraph("Căn cứ Luật Tổ chức chính quyền địa phương;"));
        assert!(is_letterhead(&["ỦY BAN NHÂN DÂN".into(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into()]));
        assert!(!is_letterhead(&["BIỂU MẪU THỐNG KÊ".into()]));
        let preamble = format!("cộng hoà xã hội chủ nghĩa việt nam Độc lập - Tự do - Hạnh phúc Số : 01/2006/TT-NHNN Hà Nội, ngày 20 tháng 02 năm 2006 Thông tư {}", "Hướng dẫn góp vốn ".repeat(10));
        assert!(!letterhead_paragraph(&preamble), "running text after the motto");
    }
}
