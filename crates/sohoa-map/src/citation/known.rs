//! National documents of administrative-procedure control that plans cite by number alone
//! (`Quyết định số 766`, `Nghị định 61`): the key a short mention takes when the file gives
//! no full mention of it. Only numbers that name one document of their kind are listed.

const KNOWN: &[(&str, &str, &str)] = &[
    ("quyet_dinh", "766", "766/QĐ-TTg"),
    ("quyet_dinh", "468", "468/QĐ-TTg"),
    ("quyet_dinh", "1291", "1291/QĐ-TTg"),
    ("nghi_dinh", "20", "20/2008/NĐ-CP"),
    ("nghi_dinh", "63", "63/2010/NĐ-CP"),
    ("nghi_dinh", "48", "48/2013/NĐ-CP"),
    ("nghi_dinh", "92", "92/2017/NĐ-CP"),
    ("nghi_dinh", "61", "61/2018/NĐ-CP"),
    ("nghi_dinh", "09", "09/2019/NĐ-CP"),
    ("nghi_dinh", "45", "45/2020/NĐ-CP"),
    ("nghi_dinh", "107", "107/2021/NĐ-CP"),
    ("nghi_quyet", "131", "131/NQ-CP"),
];

/// The key of a well-known document of `kind` numbered `number` (leading zeros ignored).
pub(super) fn key(kind: &str, number: &str) -> Option<&'static str> {
    let n = number.trim_start_matches('0');
    KNOWN.iter().find(|(k, num, _)| *k == kind && num.trim_start_matches('0') == n).map(|(_, _, key)| *key)
}
