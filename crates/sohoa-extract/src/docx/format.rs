//! Number formats of Word lists (`numFmt`): decimal, roman, letters.

/// Renders `n` in a Word `numFmt`. Unknown formats print as decimal.
pub(crate) fn format_number(n: u32, fmt: &str) -> String {
    match fmt {
        "upperRoman" => roman(n).unwrap_or_else(|| n.to_string()),
        "lowerRoman" => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "decimalZero" if n < 10 => format!("0{n}"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// Roman numerals for 1..=3999.
fn roman(mut n: u32) -> Option<String> {
    if n == 0 || n >= 4000 {
        return None;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

/// Word's letter numbering: A..Z, then AA, BB, ... (the letter repeated).
fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = (base + ((n - 1) % 26) as u8) as char;
    let count = ((n - 1) / 26 + 1).min(100) as usize;
    std::iter::repeat_n(letter, count).collect()
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn formats() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(1, "lowerLetter"), "a");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(12, "decimal"), "12");
        assert_eq!(format_number(3, "ordinal"), "3");
    }
}
