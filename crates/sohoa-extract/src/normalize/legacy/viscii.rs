//! VISCII (RFC 1456): one byte a letter, capitals on six C0 control codes.

/// 0x80..=0xFF.
const HIGH: [char; 128] = [
    'Ạ', 'Ắ', 'Ằ', 'Ặ', 'Ấ', 'Ầ', 'Ẩ', 'Ậ', 'Ẽ', 'Ẹ', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ', 'Ố', 'Ồ', 'Ổ', 'Ỗ', 'Ộ', 'Ợ', 'Ớ', 'Ờ',
    'Ở', 'Ị', 'Ỏ', 'Ọ', 'Ỉ', 'Ủ', 'Ũ', 'Ụ', 'Ỳ', 'Õ', 'ắ', 'ằ', 'ặ', 'ấ', 'ầ', 'ẩ', 'ậ', 'ẽ', 'ẹ', 'ế', 'ề', 'ể', 'ễ',
    'ệ', 'ố', 'ồ', 'ổ', 'ỗ', 'Ỡ', 'Ơ', 'ộ', 'ờ', 'ở', 'ị', 'Ự', 'Ứ', 'Ừ', 'Ử', 'ơ', 'ớ', 'Ư', 'À', 'Á', 'Â', 'Ã', 'Ả',
    'Ă', 'ẳ', 'ẵ', 'È', 'É', 'Ê', 'Ẻ', 'Ì', 'Í', 'Ĩ', 'ỳ', 'Đ', 'ứ', 'Ò', 'Ó', 'Ô', 'ạ', 'ỷ', 'ừ', 'ử', 'Ù', 'Ú', 'ỹ',
    'ỵ', 'Ý', 'ỡ', 'ư', 'à', 'á', 'â', 'ã', 'ả', 'ă', 'ữ', 'ẫ', 'è', 'é', 'ê', 'ẻ', 'ì', 'í', 'ĩ', 'ỉ', 'đ', 'ự', 'ò',
    'ó', 'ô', 'õ', 'ỏ', 'ọ', 'ụ', 'ù', 'ú', 'ũ', 'ủ', 'ý', 'ợ', 'Ữ',
];

/// Capitals on C0 control codes.
const LOW: [(u8, char); 6] = [(0x02, 'Ẳ'), (0x05, 'Ẵ'), (0x06, 'Ẫ'), (0x14, 'Ỷ'), (0x19, 'Ỹ'), (0x1E, 'Ỵ')];

/// The char of one VISCII byte.
pub fn char_of(b: u8) -> char {
    match b {
        0x80..=0xFF => HIGH[usize::from(b - 0x80)],
        _ => LOW.iter().find(|(k, _)| *k == b).map_or(char::from(b), |&(_, c)| c),
    }
}

/// The VISCII byte of an NFC char.
pub fn encode_char(c: char) -> Option<u8> {
    if c.is_ascii() {
        let b = u8::try_from(u32::from(c)).ok()?;
        return (!LOW.iter().any(|(k, _)| *k == b)).then_some(b);
    }
    if let Some(i) = HIGH.iter().position(|&h| h == c) {
        return u8::try_from(0x80 + i).ok();
    }
    LOW.iter().find(|(_, l)| *l == c).map(|&(b, _)| b)
}
