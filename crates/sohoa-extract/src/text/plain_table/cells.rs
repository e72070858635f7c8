//! Putting one row's blocks into columns. The converter wrote the cells column
//! after column: the content first (wide lines), then each narrow column's
//! blocks in order (several when the row has sub-rows), and after a page
//! break each column goes on. Deadline phrases anchor the deadline column;
//! a line holding two cells is split before/after its deadline phrase.

use super::cell_text::goes_on;
use super::merged::{is_deadline, raw_text, split_merged};
use super::rows::{Piece, RawRow};
use crate::normalize::fold_key;

/// Similarity above which a narrow block is a copy of the row's content.
const COPY_SIMILARITY: f64 = 0.95;
/// The same when the row has more blocks than columns (some are surely copies).
const LOOSE_COPY_SIMILARITY: f64 = 0.8;
/// Length (characters) a block needs before "the content starts with it" counts as a copy.
const MIN_COPY_PREFIX: usize = 20;

/// Where a row's text goes: the content column, the other columns in order,
/// and which of those (an index into `others`) is the deadline.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    pub content: usize,
    pub others: Vec<usize>,
    pub deadline: Option<usize>,
    /// Lines at least this long belong to the content column (0: none do).
    pub wide: usize,
    pub columns: usize,
}

/// The blocks of each column of one row, indexed by column.
pub(super) type Columns = Vec<Vec<Piece>>;

/// Per-row state while its page parts are read.
struct RowState<'a> {
    layout: &'a Layout,
    cols: Columns,
    /// A narrow copy of the content was dropped (its continuation is dropped too).
    ghost: bool,
}

/// Puts the blocks of a (non-group) row into columns.
pub(super) fn assign(row: &RawRow, layout: &Layout) -> Columns {
    let mut st = RowState { layout, cols: vec![Vec::new(); layout.columns], ghost: false };
    for (p, part) in row.parts.iter().enumerate() {
        let mut take = usize::from(st.cols[layout.content].is_empty() && !part.is_empty());
        while take < part.len() && is_wide(&part[take], layout.wide) {
            take += 1;
        }
        st.cols[layout.content].extend(part[..take].iter().cloned());
        let narrow = part[take..].to_vec();
        if p == 0 || st.others_empty() {
            st.first_part(narrow);
        } else {
            st.continuation(narrow);
        }
    }
    st.cols
}

/// Whether a block has content-width lines.
fn is_wide(piece: &Piece, wide: usize) -> bool {
    wide > 0 && piece.width() >= wide
}

impl RowState<'_> {
    fn others_empty(&self) -> bool {
        self.layout.others.iter().all(|&c| self.cols[c].is_empty())
    }

    /// The page part holding the Stt mark: split merged cells, drop copies, distribute.
    fn first_part(&mut self, narrow: Vec<Piece>) {
        let blocks = if self.layout.deadline.is_some() { split_merged(narrow) } else { narrow };
        let content = self.column_text(self.layout.content);
        let before = blocks.len();
        let min = if before > self.layout.others.len() { LOOSE_COPY_SIMILARITY } else { COPY_SIMILARITY };
        let blocks: Vec<Piece> = blocks.into_iter().filter(|b| !is_copy(b, &content, min)).collect();
        self.ghost |= blocks.len() < before;
        self.distribute_first(blocks);
    }

    fn distribute_first(&mut self, blocks: Vec<Piece>) {
        let others = self.layout.others.clone();
        let k = others.len();
        if k == 0 {
            self.cols[self.layout.content].extend(blocks);
            return;
        }
        if blocks.len() >= k && blocks.len().checked_rem(k) == Some(0) && self.even_fits(&blocks) {
            self.spread(&blocks, &others);
            return;
        }
        let anchor = blocks.iter().position(is_deadline);
        let (Some(dk), Some(a)) = (self.layout.deadline, anchor) else {
            self.spread(&blocks, &others);
            return;
        };
        let b = a + blocks[a..].iter().take_while(|p| is_deadline(p)).count();
        self.spread(&blocks[..a], &others[..dk]);
        self.cols[others[dk]].extend(blocks[a..b].iter().cloned());
        let after = self.drop_repeats(&blocks[b..], k - dk - 1);
        self.spread(&after, &others[dk + 1..]);
    }

    /// An even split (each column the same number of blocks) agrees with the deadline anchor.
    fn even_fits(&self, blocks: &[Piece]) -> bool {
        let Some(dk) = self.layout.deadline else { return true };
        let s = blocks.len() / self.layout.others.len();
        !blocks.iter().any(is_deadline) || blocks.get(dk * s).is_some_and(is_deadline)
    }

    /// Gives `blocks` to `cols` in order: one each while they last, or an equal
    /// share each with the remainder to the last columns. Without columns the
    /// blocks join the column before (or the content).
    fn spread(&mut self, blocks: &[Piece], cols: &[usize]) {
        if blocks.is_empty() {
            return;
        }
        if cols.is_empty() {
            let target = self.fallback_column(blocks);
            self.cols[target].extend(blocks.iter().cloned());
            return;
        }
        let m = cols.len();
        let n = blocks.len();
        let (base, rem) = if n <= m { (1, 0) } else { (n / m, n % m) };
        let mut at = 0;
        for (j, &c) in cols.iter().enumerate() {
            let share = base + usize::from(j >= m - rem);
            let end = (at + share).min(n);
            self.cols[c].extend(blocks[at..end].iter().cloned());
            at = end;
        }
    }

    /// The column that takes blocks no column was left for: the last filled non-content one.
    fn fallback_column(&self, _blocks: &[Piece]) -> usize {
        let others = &self.layout.others;
        others
            .iter()
            .rev()
            .find(|&&c| !self.cols[c].is_empty())
            .or(others.last())
            .copied()
            .unwrap_or(self.layout.content)
    }

    /// When more blocks than columns are left, drops those repeating a cell already read.
    fn drop_repeats(&self, blocks: &[Piece], room: usize) -> Vec<Piece> {
        if blocks.len() <= room {
            return blocks.to_vec();
        }
        let seen: Vec<String> = self.cols.iter().flatten().map(|p| key_of(&raw_text(p))).collect();
        blocks.iter().filter(|b| !seen.contains(&key_of(&raw_text(b)))).cloned().collect()
    }

    /// A page part after a page break: each column goes on where it stopped.
    fn continuation(&mut self, blocks: Vec<Piece>) {
        let others = self.layout.others.clone();
        let k = others.len();
        if k == 0 {
            self.cols[self.layout.content].extend(blocks);
            return;
        }
        if blocks.len() >= k && blocks.len().checked_rem(k) == Some(0) {
            self.spread(&blocks, &others);
            return;
        }
        let blocks: Vec<Piece> = blocks.into_iter().filter(|b| !self.rest_of_copy(b)).collect();
        if blocks.len() <= k {
            for (b, j) in blocks.iter().zip(self.best_columns(&blocks)) {
                self.cols[others[j]].push(b.clone());
            }
            return;
        }
        let mut ptr = 0;
        for b in blocks {
            let j = self.continuation_column(&b, ptr);
            self.cols[others[j]].push(b);
            ptr = j;
        }
    }

    /// The rest of a dropped copy of the content (the content ends with it).
    fn rest_of_copy(&self, b: &Piece) -> bool {
        self.ghost && goes_on(b) && fold_key(&self.column_text(self.layout.content)).ends_with(&fold_key(&raw_text(b)))
    }

    /// Columns (indices into `others`, strictly increasing) for at most as many
    /// blocks as columns, with the best total [`RowState::fit`]; ties go to earlier columns.
    fn best_columns(&self, blocks: &[Piece]) -> Vec<usize> {
        let (m, k) = (blocks.len(), self.layout.others.len());
        // best[i][j]: the best score of blocks[..i] in columns[..j].
        let mut best = vec![vec![0u32; k + 1]; m + 1];
        // Scores are never negative, so the impossible cells (j < i) can stay 0:
        // the walk back below never enters them.
        for i in 1..=m {
            for j in i..=k {
                best[i][j] = best[i][j - 1].max(best[i - 1][j - 1] + self.fit(&blocks[i - 1], j - 1));
            }
        }
        let mut out = vec![0; m];
        let (mut i, mut j) = (m, k);
        while i > 0 && j > 0 {
            if j > i && best[i][j] == best[i][j - 1] {
                j -= 1;
            } else {
                out[i - 1] = j - 1;
                i -= 1;
                j -= 1;
            }
        }
        out
    }

    /// How well a page-continuation block fits column `others[j]`: the rest of
    /// its open cell (a deadline goes on only with a number), or a new entry,
    /// best in an empty column or the deadline column for a deadline.
    fn fit(&self, b: &Piece, j: usize) -> u32 {
        let col = self.layout.others[j];
        let is_dl = self.layout.deadline == Some(j);
        if goes_on(b) {
            let digit = raw_text(b).chars().any(|c| c.is_ascii_digit());
            return if is_dl && !digit { 0 } else { self.openness(col) };
        }
        if self.cols[col].is_empty() || (is_dl && is_deadline(b)) {
            3
        } else {
            1
        }
    }

    /// Which of `others[ptr..]` a continuation block belongs to, one block at a time.
    fn continuation_column(&self, b: &Piece, ptr: usize) -> usize {
        let others = &self.layout.others;
        let range = ptr..others.len();
        range.max_by_key(|&j| (self.fit(b, j), std::cmp::Reverse(j))).unwrap_or(ptr)
    }

    /// How surely a column's last block goes on: 0 empty or ended (`.`, `…`),
    /// 1 after `;`, `:` or `,` (another entry may follow), 2 unpunctuated;
    /// one more when the line was wrapped (trailing space).
    fn openness(&self, col: usize) -> u32 {
        let Some(last) = self.cols[col].last().and_then(|p| p.lines.last()) else { return 0 };
        let t = last.trim_end();
        let wrapped = u32::from(last.len() > t.len());
        if t.ends_with(['.', '!', '?', '…']) {
            0
        } else if t.ends_with([';', ':', ',']) {
            1 + wrapped
        } else {
            2 + wrapped
        }
    }

    /// The text of a column so far, lines joined with spaces.
    fn column_text(&self, col: usize) -> String {
        self.cols[col].iter().map(raw_text).collect::<Vec<_>>().join(" ")
    }
}

/// Folded text without trailing punctuation: the key two repeated cells share.
fn key_of(text: &str) -> String {
    fold_key(text).trim_end_matches(['.', ';', ',', ':', ' ']).to_string()
}

/// Whether a narrow block repeats the row's content (the converter wrote it twice).
fn is_copy(b: &Piece, content: &str, min: f64) -> bool {
    let (b, c) = (fold_key(&raw_text(b)), fold_key(content));
    if b.is_empty() || c.is_empty() {
        return false;
    }
    if b.chars().count() >= MIN_COPY_PREFIX && c.starts_with(&b) {
        return true;
    }
    // The ratio cannot reach the threshold when one text is much longer (and LCS is quadratic).
    let (lb, lc) = (b.chars().count() as f64, c.chars().count() as f64);
    2.0 * lb.min(lc) / (lb + lc) >= min && similarity(&b, &c) >= min
}

/// `2·LCS / (|a| + |b|)` over characters, like difflib's ratio.
pub(super) fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for &x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        prev = cur;
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::super::cell_text::cell_text;
    use super::*;

    fn piece(text: &str, line: u32) -> Piece {
        Piece { lines: text.split('\n').map(str::to_string).collect(), line }
    }

    fn layout() -> Layout {
        Layout { content: 1, others: vec![2, 3, 4, 5], deadline: Some(2), wide: 40, columns: 6 }
    }

    fn texts(cols: &Columns) -> Vec<String> {
        cols.iter().enumerate().map(|(i, p)| cell_text(p, i != 1)).collect()
    }

    #[test]
    fn splits_a_deadline_merged_with_the_output() {
        let row = RawRow {
            label: "2".into(),
            group: false,
            line: 1,
            parts: vec![vec![
                piece("Xây dựng, ban hành Đề án Kiện toàn, đổi mới hoạt động \ncủa Bộ phận Một cửa xã.", 2),
                piece("Văn phòng \nHĐND-UBND", 5),
                piece("Công chức \nchuyên môn có \nliên quan", 8),
                piece("Quý II/2024 Đề án được \nban hành", 12),
            ]],
        };
        let t = texts(&assign(&row, &layout()));
        assert_eq!(
            t[2..],
            ["Văn phòng HĐND-UBND", "Công chức chuyên môn có liên quan", "Quý II/2024", "Đề án được ban hành"]
        );
    }

    #[test]
    fn sub_rows_split_by_a_page_break_go_on_per_column() {
        let row = RawRow {
            label: "2".into(),
            group: false,
            line: 1,
            parts: vec![
                vec![
                    piece("Tổ chức thực hiện các nhiệm vụ kiểm soát thủ tục hành chính, gồm: ", 2),
                    piece("- Văn phòng HĐND", 4),
                    piece("- Công chức phụ ", 5),
                    piece("UBND xã", 6),
                    piece("- Văn phòng ", 7),
                    piece("Thường xuyên", 8),
                    piece("- Chậm nhất ", 9),
                    piece("Văn bản", 10),
                    piece("- Báo cáo và ", 11),
                ],
                vec![
                    piece("trách các lĩnh vực", 20),
                    piece("- Văn phòng xã", 21),
                    piece("xã", 22),
                    piece("- Công chức", 23),
                    piece("15/9/2024", 24),
                    piece("- Chậm nhất ngày 15/9/2024", 25),
                    piece("phương án", 26),
                    piece("- Văn bản", 27),
                ],
            ],
        };
        let t = texts(&assign(&row, &layout()));
        assert_eq!(t[2], "- Văn phòng HĐND\n- Công chức phụ trách các lĩnh vực\n- Văn phòng xã");
        assert_eq!(t[4], "Thường xuyên\n- Chậm nhất 15/9/2024\n- Chậm nhất ngày 15/9/2024");
    }

    #[test]
    fn stacked_cells_and_copies_of_the_content_are_sorted_out() {
        let content = "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc \ngia (Đạt tỷ lệ tối thiểu 45%).";
        let row = RawRow {
            label: "6".into(),
            group: false,
            line: 1,
            parts: vec![vec![
                piece(content, 2),
                piece("Tổ chức, cá nhân \ncó liên quan.", 5),
                piece("Văn phòng \nHĐND&UBND. \nThường xuyên \ntrong năm 2024. \nTối thiểu đạt 45%", 8),
                piece("Tỷ lệ thanh \ntoán trực tuyến trên Cổng Dịch \nvụ công quốc gia (Đạt tỷ lệ tối thiểu 45%).", 14),
                piece("Tổ chức, cá \nnhân có liên quan", 18),
            ]],
        };
        let t = texts(&assign(&row, &layout()));
        assert_eq!(
            t[2..],
            [
                "Tổ chức, cá nhân có liên quan.",
                "Văn phòng HĐND&UBND.",
                "Thường xuyên trong năm 2024.",
                "Tối thiểu đạt 45%"
            ]
        );
    }

    #[test]
    fn similarity_is_a_ratio() {
        assert!((similarity("abcd", "abcd") - 1.0).abs() < 1e-9);
        assert!((similarity("ab", "cd")).abs() < 1e-9);
    }
}
