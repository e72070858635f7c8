//! Tones Tesseract misreads on scans: the hook above (hỏi) of a vowel with a
//! circumflex or horn comes out as an acute (sắc) or a tilde (`tổ` → `tố`,
//! `bổ` → `bỗ`) once a scan blurs it. Both spellings are syllables, so the
//! syllable alone cannot tell; the collocations of administrative Vietnamese
//! can: `tố chức`, `sửa đối`, `kiếm soát` are no words, `tổ chức`, `sửa đổi`,
//! `kiểm soát` are among the commonest of the register.

/// Two words as OCR misreads them, and as they are written.
const MISREAD: &[(&str, &str)] = &[
    ("tố chức", "tổ chức"),
    ("sửa đối", "sửa đổi"),
    ("bố sung", "bổ sung"),
    ("bỗ sung", "bổ sung"),
    ("kiếm soát", "kiểm soát"),
    ("kiếm tra", "kiểm tra"),
    ("triến khai", "triển khai"),
    ("thấm quyền", "thẩm quyền"),
    ("thấm định", "thẩm định"),
    ("đối mới", "đổi mới"),
    ("phố biến", "phổ biến"),
    ("tống hợp", "tổng hợp"),
    ("tống kết", "tổng kết"),
    ("cống thông", "cổng thông"),
    ("cống dịch", "cổng dịch"),
    ("thế chế", "thể chế"),
    ("đoàn thế", "đoàn thể"),
];

/// Mends the misread pairs among `words` (one OCR line, in reading order), in place.
pub(super) fn mend(words: &mut [String]) {
    for i in 1..words.len() {
        let pair = format!("{} {}", bare(&words[i - 1]).to_lowercase(), bare(&words[i]).to_lowercase());
        if let Some((_, written)) = MISREAD.iter().find(|(misread, _)| *misread == pair) {
            let (first, second) = written.split_once(' ').unwrap_or((written, ""));
            words[i - 1] = respell(&words[i - 1], first);
            words[i] = respell(&words[i], second);
        }
    }
}

/// The word's letters without leading and trailing punctuation.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `word` with its letters replaced by `written` (lower case), keeping its
/// punctuation and its capital initial or all capitals.
fn respell(word: &str, written: &str) -> String {
    let core = bare(word);
    let Some(at) = word.find(core) else { return word.to_string() };
    let upper_all = core.chars().count() > 1 && core.chars().all(|c| !c.is_lowercase());
    let upper_first = core.chars().next().is_some_and(char::is_uppercase);
    let cased: String = if upper_all {
        written.to_uppercase()
    } else if upper_first {
        let mut c = written.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    } else {
        written.to_string()
    };
    format!("{}{cased}{}", &word[..at], &word[at + core.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mended(line: &str) -> String {
        let mut words: Vec<String> = line.split(' ').map(str::to_string).collect();
        mend(&mut words);
        words.join(" ")
    }

    #[test]
    fn misread_hooks_are_mended_by_their_collocation() {
        assert_eq!(mended("Luật Tố chức chính quyền"), "Luật Tổ chức chính quyền");
        assert_eq!(mended("Luật sửa đối, bỗ sung một số điều"), "Luật sửa đổi, bổ sung một số điều");
        assert_eq!(mended("(kiếm tra)"), "(kiểm tra)");
        assert_eq!(mended("TỐ CHỨC THỰC HIỆN"), "TỔ CHỨC THỰC HIỆN");
        assert_eq!(mended("tố cáo, đối với"), "tố cáo, đối với", "real words stay");
    }
}
