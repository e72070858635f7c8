//! How many pages are OCRed at once: the [`OcrBudget`] of the caller (the
//! CLI's `--jobs`). A page holds one slot while `pdftoppm` renders it and
//! `tesseract` (single-threaded) reads it, so no more of them run than slots.
//!
//! Slots are counted in this process, or, when the budget names a shared
//! folder, as lock files in it (`flock`), so the CLI's worker processes share
//! one budget: pages of one document spread over the slots other documents
//! leave free, and a lock dies with its holder.
//!
//! Each document OCRs its pages on threads of its own that wait for a slot;
//! unlike a rayon task, a waiting document never picks up another document's
//! pages, so a short document is not held back behind a long one.

use crate::kit::Budget;
use crate::options::OcrBudget;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Slots in use in this process, and the condition a freed slot signals.
static IN_USE: Mutex<usize> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

/// How often a page waiting for a shared slot tries the locks again.
const RETRY: Duration = Duration::from_millis(40);

/// A held slot; freed when dropped.
pub(crate) enum Slot {
    /// Counted in [`IN_USE`].
    Local,
    /// A locked file of the shared folder (unlocked when closed).
    Shared(#[allow(dead_code)] File),
}

impl Drop for Slot {
    fn drop(&mut self) {
        if matches!(self, Slot::Local) {
            let mut used = IN_USE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            *used = used.saturating_sub(1);
            FREED.notify_one();
        }
    }
}

/// The slots of one document's OCR: how many, and where they are counted.
#[derive(Debug, Clone)]
pub(crate) struct Slots {
    limit: usize,
    shared: Option<PathBuf>,
}

impl Slots {
    /// The slots of `budget`; to be called on the caller's thread (a budget
    /// without `jobs` takes the caller's rayon pool size).
    pub fn of(budget: &OcrBudget) -> Slots {
        let limit = budget.jobs.unwrap_or_else(rayon::current_num_threads).max(1);
        let shared = budget.shared_dir.clone().filter(|d| std::fs::create_dir_all(d).is_ok());
        Slots { limit, shared }
    }

    /// Threads a document may OCR its pages on: the slot limit, at most 4.
    pub fn workers(&self, pages: usize) -> usize {
        self.limit.clamp(1, 4).min(pages.max(1))
    }

    /// Waits for a slot; `None` once the budget runs out first.
    pub fn acquire(&self, budget: &Budget) -> Option<Slot> {
        match &self.shared {
            Some(dir) => acquire_shared(dir, self.limit, budget),
            None => acquire_local(self.limit, budget),
        }
    }
}

fn acquire_local(limit: usize, budget: &Budget) -> Option<Slot> {
    let mut used = IN_USE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    loop {
        if *used < limit {
            *used += 1;
            return Some(Slot::Local);
        }
        if budget.expired() {
            return None;
        }
        used = FREED.wait_timeout(used, budget.remaining()).unwrap_or_else(std::sync::PoisonError::into_inner).0;
    }
}

/// The first free lock file `slot-<i>` of `dir`, `i < limit`; a folder that
/// cannot hold them falls back to this process's own count.
fn acquire_shared(dir: &Path, limit: usize, budget: &Budget) -> Option<Slot> {
    loop {
        let mut usable = false;
        for i in 0..limit {
            let Ok(file) = File::options().create(true).truncate(false).write(true).open(dir.join(format!("slot-{i}")))
            else {
                continue;
            };
            usable = true;
            if file.try_lock().is_ok() {
                return Some(Slot::Shared(file));
            }
        }
        if !usable {
            return acquire_local(limit, budget);
        }
        if budget.expired() {
            return None;
        }
        std::thread::sleep(RETRY.min(budget.remaining()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_limited_and_freed() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool of one thread");
        let slots = pool.install(|| Slots::of(&OcrBudget::default()));
        assert_eq!(slots.limit, 1);
        let first = slots.acquire(&Budget::new(Duration::from_secs(1), "pdf"));
        assert!(first.is_some());
        assert!(slots.acquire(&Budget::new(Duration::from_millis(20), "pdf")).is_none(), "one slot only");
        drop(first);
        assert!(slots.acquire(&Budget::new(Duration::from_millis(20), "pdf")).is_some(), "freed on drop");
        let two = Slots::of(&OcrBudget { jobs: Some(2), shared_dir: None });
        assert_eq!(two.workers(10), 2);
        assert_eq!(two.workers(1), 1);
    }

    #[test]
    fn shared_slots_bind_every_holder_of_the_folder() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let budget = OcrBudget { jobs: Some(2), shared_dir: Some(dir.path().to_path_buf()) };
        // two budgets over one folder stand for two worker processes
        let (a, b) = (Slots::of(&budget), Slots::of(&budget));
        let soon = || Budget::new(Duration::from_millis(100), "pdf");
        let first = a.acquire(&soon()).expect("a first slot");
        let second = b.acquire(&soon()).expect("a second slot");
        assert!(matches!(first, Slot::Shared(_)));
        assert!(a.acquire(&soon()).is_none() && b.acquire(&soon()).is_none(), "two slots in all");
        drop(second);
        assert!(a.acquire(&soon()).is_some(), "freed when its holder lets go");
        drop(first);
    }
}
