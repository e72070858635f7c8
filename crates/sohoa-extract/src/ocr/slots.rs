//! How many pages are OCRed at once in the whole process: one Tesseract per
//! thread of the caller's rayon pool (the CLI's `--jobs`), shared by every
//! document being read, so parallel documents and their pages never run more
//! Tesseracts than that.
//!
//! Each document OCRs its pages on threads of its own that wait for a slot;
//! unlike a rayon task, a waiting document never picks up another document's
//! pages, so a short document is not held back behind a long one.

use crate::kit::Budget;
use std::sync::{Condvar, Mutex};

/// Slots in use, and the condition a freed slot signals.
static IN_USE: Mutex<usize> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

/// A held slot; freed when dropped.
pub(crate) struct Slot(());

impl Drop for Slot {
    fn drop(&mut self) {
        let mut used = IN_USE.lock().unwrap_or_else(|p| p.into_inner());
        *used = used.saturating_sub(1);
        FREED.notify_one();
    }
}

/// Threads a document may OCR its pages on: the slot `limit`, at most 4.
pub(crate) fn workers(limit: usize, pages: usize) -> usize {
    limit.clamp(1, 4).min(pages.max(1))
}

/// Waits for one of `limit` slots; `None` once the budget runs out first.
pub(crate) fn acquire(limit: usize, budget: &Budget) -> Option<Slot> {
    let mut used = IN_USE.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        if *used < limit.max(1) {
            *used += 1;
            return Some(Slot(()));
        }
        if budget.expired() {
            return None;
        }
        used = FREED.wait_timeout(used, budget.remaining()).unwrap_or_else(|p| p.into_inner()).0;
    }
}

/// Tesseracts at once: the threads of the caller's rayon pool (`--jobs`);
/// to be called on the caller's thread, not on a document's own OCR threads.
pub(crate) fn limit() -> usize {
    rayon::current_num_threads().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn slots_are_limited_and_freed() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool of one thread");
        let limit = pool.install(limit);
        assert_eq!(limit, 1);
        let first = acquire(limit, &Budget::new(Duration::from_secs(1), "pdf"));
        assert!(first.is_some());
        assert!(acquire(limit, &Budget::new(Duration::from_millis(20), "pdf")).is_none(), "one slot only");
        drop(first);
        assert!(acquire(limit, &Budget::new(Duration::from_millis(20), "pdf")).is_some(), "freed on drop");
        assert_eq!(workers(2, 10), 2);
    }
}
