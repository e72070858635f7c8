//! Blocks that hold two cells: the converter wrote a deadline and the next cell
//! on one line (`Quý II/2024 Đề án được`), a unit name and a deadline
//! (`UBND xã Thường xuyên ...`), or stacked several narrow cells in one block.

use super::deadline;
use super::rows::Piece;

/// The block's lines joined with `'\n'`.
pub(super) fn raw_text(piece: &Piece) -> String {
    piece.lines.join("\n")
}

/// Characters a deadline cell may have (a longer block starting `Thường xuyên ...` is a sentence).
const MAX_DEADLINE_CHARS: usize = 100;

/// Whether a block is a deadline: short, and starting with a deadline phrase.
pub(super) fn is_deadline(piece: &Piece) -> bool {
    let text = raw_text(piece);
    text.chars().count() <= MAX_DEADLINE_CHARS && deadline::starts_with_deadline(&text)
}

/// Splits blocks that hold two cells: a leading deadline phrase followed by
/// the next cell (`Quý II/2024 Đề án được`); and, when no block starts with a
/// deadline, the first block with a deadline phrase after other text
/// (`UBND xã Thường xuyên ...`, or cells stacked in one block).
pub(super) fn split_merged(blocks: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = blocks.into_iter().flat_map(split_leading).collect();
    if out.iter().any(is_deadline) {
        return out;
    }
    let Some((i, at)) = out.iter().enumerate().find_map(|(i, b)| deadline::inside(&raw_text(b)).map(|at| (i, at)))
    else {
        return out;
    };
    let b = out.remove(i);
    let (head, tail) = split_at(&b, at);
    let mut parts: Vec<Piece> = head.into_iter().collect();
    parts.extend(tail.into_iter().flat_map(split_leading));
    out.splice(i..i, parts);
    out
}

/// Splits a block after its leading deadline phrase when another cell follows.
fn split_leading(b: Piece) -> Vec<Piece> {
    let text = raw_text(&b);
    match deadline::end_of_leading(&text) {
        Some(at) => {
            let (head, tail) = split_at(&b, at);
            head.into_iter().chain(tail).collect()
        }
        None => vec![b],
    }
}

/// Cuts a block at a byte offset of its `'\n'`-joined text; empty halves are `None`.
fn split_at(b: &Piece, at: usize) -> (Option<Piece>, Option<Piece>) {
    let text = raw_text(b);
    let (head, tail) = text.split_at(at);
    let head_lines = head.matches('\n').count() as u32;
    (
        piece_of(head, b.line),
        piece_of(tail.trim_start_matches([' ', '\t']), b.line + head_lines + u32::from(tail.starts_with('\n'))),
    )
}

/// A block from `'\n'`-joined text, `None` when it is blank.
fn piece_of(text: &str, line: u32) -> Option<Piece> {
    let text = text.trim_start();
    let lines: Vec<String> = text.split('\n').filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    (!lines.is_empty()).then_some(Piece { lines, line })
}
