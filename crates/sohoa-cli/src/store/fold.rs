//! The search key of Vietnamese text: the project's `fold_key` (case, white
//! space, old/new tone placement), then every mark dropped and `đ` read as `d`,
//! so `phong chong ma tuy` finds `Phòng, chống ma túy`.

use sohoa_extract::normalize::fold_key;
use unicode_normalization::UnicodeNormalization;

/// `text` as the search index holds it.
pub fn search_fold(text: &str) -> String {
    let key = fold_key(text);
    if key.is_ascii() {
        return key; // no marks, no `đ`
    }
    key.nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_marks_and_d_bar() {
        assert_eq!(search_fold("Phòng, chống ma túy"), "phong, chong ma tuy");
        assert_eq!(search_fold("ĐỀ ÁN  hoà"), search_fold("đề án hòa"));
        assert_eq!(search_fold("Thuỷ lợi"), "thuy loi");
    }
}
