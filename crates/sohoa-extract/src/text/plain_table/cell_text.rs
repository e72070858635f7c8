//! A column's blocks as one cell text: wrapped lines joined, entries and bullets on lines of their own.

use super::rows::Piece;

/// Whether a block reads as the rest of a cell: it starts in lower case, with a
/// number, or with an acronym (`TTHC, cán bộ ...`).
pub(super) fn goes_on(b: &Piece) -> bool {
    let first_word = b.lines.iter().flat_map(|l| l.split_whitespace()).next().unwrap_or("");
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    acronym || b.first_char().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// A column's blocks as cell text: lines joined with a space, except that a
/// bulleted line (`- `, `+ `) starts a new line, and so does a new block of a
/// narrow column that starts in upper case (another entry of the cell) and not
/// with an acronym (`TTHC`, the rest of the entry before).
pub(super) fn cell_text(pieces: &[Piece], narrow: bool) -> String {
    let mut out = String::new();
    for piece in pieces {
        for (li, line) in piece.lines.iter().enumerate() {
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            if !out.is_empty() {
                let new_entry =
                    li == 0 && narrow && t.chars().next().is_some_and(char::is_uppercase) && !goes_on(piece);
                if is_bullet(t) || new_entry {
                    out.push('\n');
                } else if !out.ends_with('-') || out.ends_with(" -") {
                    out.push(' ');
                }
            }
            out.push_str(t);
        }
    }
    out
}

/// A line that starts with a bullet (`- `, `+ `, `• `).
fn is_bullet(line: &str) -> bool {
    let mut cs = line.chars();
    let first = cs.next();
    let second = cs.next();
    matches!(first, Some('-' | '+' | '•')) && second.is_some_and(|c| c.is_whitespace() || c.is_uppercase())
}
