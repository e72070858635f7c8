//! The header of a plain-dump table: its column titles and what each column holds.

use super::rows::{is_column_numbers, row_start_line};
use crate::normalize::{fold_key, join_lines};
use crate::text::plain::Chunk;
use sohoa_doc::vocab::roles;

/// Chunks a header may spread over (titles wrap into many short blocks).
const MAX_HEADER_CHUNKS: usize = 10;
/// Characters a header's text may have.
const MAX_HEADER_CHARS: usize = 400;
/// Characters a header line may have (a longer line is running text).
const MAX_HEADER_LINE: usize = 60;
/// Words a column title may have.
const MAX_TITLE_WORDS: usize = 10;

/// What a column holds, read from its title: the one column vocabulary ([`sohoa_doc::vocab::roles`]).
pub(super) use sohoa_doc::vocab::roles::Role;

/// A table header: one title per column.
#[derive(Debug, Clone)]
pub(super) struct Header {
    pub titles: Vec<String>,
    pub roles: Vec<Role>,
    /// Index of the first chunk after the header.
    pub next: usize,
}

impl Header {
    /// Index of the column of `role`, if the header has one.
    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|&r| r == role)
    }
}

/// The header starting at chunk `i`: a run of chunks whose text starts with the
/// Stt title (`STT`, `TT`, `Số TT`) and names at least two other known columns.
/// A row of column numbers under it (`1 2 3 4`) belongs to the header.
pub(super) fn read(chunks: &[Chunk], i: usize) -> Option<Header> {
    if !starts_with_stt(chunks[i].lines.first()?) {
        return None;
    }
    let mut lines: Vec<&str> = Vec::new();
    let mut next = i;
    while next < chunks.len() && next - i < MAX_HEADER_CHUNKS {
        let c = &chunks[next];
        let long = c.lines.iter().any(|l| l.trim().chars().count() > MAX_HEADER_LINE);
        if next > i && (long || is_column_numbers(c) || c.lines.first().is_some_and(|l| row_start_line(l).is_some())) {
            break;
        }
        lines.extend(chunks[next].lines.iter().copied());
        next += 1;
    }
    if chunks.get(next).is_some_and(is_column_numbers) {
        next += 1;
    }
    let text = join_lines(lines);
    if text.chars().count() > MAX_HEADER_CHARS || next >= chunks.len() {
        return None;
    }
    let titles = split_titles(&text);
    if titles.iter().any(|t| t.split_whitespace().count() > MAX_TITLE_WORDS) {
        return None;
    }
    let roles = roles_of(&titles)?;
    Some(Header { titles, roles, next })
}

/// Whether a line opens with the Stt column title (`Số` alone: the title wraps before `TT`).
pub(super) fn starts_with_stt(line: &str) -> bool {
    let key = fold_key(line);
    key == "số" || is_stt_title(&key)
}

/// A folded title that is, or starts with, the Stt title.
fn is_stt_title(key: &str) -> bool {
    roles::starts_with_label_header(key)
}

/// Splits the header text into titles: each title starts with a capital letter
/// (sentence case), acronyms (`TT`, `UBND`) and parenthesized words excepted.
/// An all-capitals header is split on known title words instead.
fn split_titles(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let all_caps = words.iter().all(|w| !starts_title(w) || is_acronym(w));
    let mut titles: Vec<Vec<&str>> = Vec::new();
    let mut depth = 0i32;
    for w in words {
        let new = match titles.last() {
            None => true,
            Some(cur) if all_caps => caps_split(cur, w),
            Some(_) => depth == 0 && starts_title(w) && !is_acronym(w),
        };
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        if new {
            titles.push(vec![w]);
        } else if let Some(cur) = titles.last_mut() {
            cur.push(w);
        }
    }
    titles.into_iter().map(|t| t.join(" ")).collect()
}

/// A word starting with an upper-case letter.
fn starts_title(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// An all-capitals word of two letters or more (`TT`, `UBND`, `HĐND-UBND`).
fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// In an all-capitals header: a known title word starts a new title once the current one has a role.
fn caps_split(cur: &[&str], w: &str) -> bool {
    const STARTERS: [&str; 12] =
        ["nội", "nhiệm", "cơ", "đơn", "thời", "tiến", "sản", "kết", "ghi", "kinh", "lĩnh", "chỉ"];
    let key = fold_key(w);
    let role = role_of(&cur.join(" "));
    STARTERS.iter().any(|s| fold_key(s) == key) && role != Role::Other && !(role == Role::Content && cur.len() < 2)
}

/// The roles of the titles; `None` unless the first is Stt and two more are known.
fn roles_of(titles: &[String]) -> Option<Vec<Role>> {
    let mut roles: Vec<Role> = titles.iter().map(|t| role_of(t)).collect();
    if roles.first() != Some(&Role::Label) || roles.len() < 3 {
        return None;
    }
    let known = roles.iter().skip(1).filter(|r| **r != Role::Other).count();
    if known < 2 && !(known == 1 && roles.len() == 3) {
        return None;
    }
    if !roles.contains(&Role::Content) {
        let first_other = roles.iter().position(|r| *r == Role::Other)?;
        roles[first_other] = Role::Content;
    }
    Some(roles)
}

/// The role a column title names, by the plan vocabulary shared with segment; a title that
/// starts with the Stt title is the number column (a dump wraps `Số TT` onto the next title).
pub(super) fn role_of(title: &str) -> Role {
    if is_stt_title(&fold_key(title)) {
        Role::Label
    } else {
        roles::role_of(title, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_sentence_case_header() {
        let t = split_titles("Số TT Nội dung công việc Công chức tham mưu Tổ chức, cá nhân phối hợp Thời hạn hoàn thành Sản phẩm dự kiến hoàn thành");
        assert_eq!(
            t,
            vec![
                "Số TT",
                "Nội dung công việc",
                "Công chức tham mưu",
                "Tổ chức, cá nhân phối hợp",
                "Thời hạn hoàn thành",
                "Sản phẩm dự kiến hoàn thành"
            ]
        );
        let roles = roles_of(&t).unwrap_or_default();
        assert_eq!(roles, vec![Role::Label, Role::Content, Role::Lead, Role::Partners, Role::Deadline, Role::Outputs]);
    }

    #[test]
    fn splits_an_all_capitals_header() {
        let t = split_titles("STT NỘI DUNG CÔNG VIỆC ĐƠN VỊ CHỦ TRÌ ĐƠN VỊ PHỐI HỢP THỜI GIAN THỰC HIỆN GHI CHÚ");
        assert_eq!(
            t,
            vec!["STT", "NỘI DUNG CÔNG VIỆC", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "THỜI GIAN THỰC HIỆN", "GHI CHÚ"]
        );
    }

    #[test]
    fn a_three_column_list_keeps_its_content_column() {
        let t = split_titles("Số TT Lĩnh vực Thời gian hoàn thành");
        assert_eq!(roles_of(&t), Some(vec![Role::Label, Role::Content, Role::Deadline]));
    }
}
