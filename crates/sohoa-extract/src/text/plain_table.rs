//! Tables in plain dumps, where a converter wrote each cell as its own block, column after column.

use super::plain::Chunk;
use crate::model::Table;

/// A table starting at chunk `i`, and the index of the first chunk after it;
/// `None` when chunk `i` does not start a table.
pub(super) fn read(chunks: &[Chunk], i: usize) -> Option<(Table, usize)> {
    let _ = (chunks, i);
    None
}
