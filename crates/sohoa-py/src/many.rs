//! `convert_many`: documents converted on a pool of Rust threads, handed to
//! Python one at a time in input order while the rest go on converting.

use sohoa_pipeline::{Input, Settings};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

/// One converted input: its index in the list, its name, its records as a JSON array.
pub type Done = (usize, String, String);

/// A running batch. Dropping it stops the threads after their current document.
pub struct Batch {
    rx: Mutex<mpsc::Receiver<Done>>,
    /// Converted out of order, waiting for their turn.
    waiting: BTreeMap<usize, (String, String)>,
    next: usize,
    total: usize,
    stop: Arc<AtomicBool>,
}

impl Batch {
    /// Starts `jobs` threads (at least one) over `inputs`.
    pub fn start(inputs: Vec<Input>, settings: Settings, jobs: usize) -> Batch {
        let total = inputs.len();
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let inputs = Arc::new(inputs);
        let cursor = Arc::new(AtomicUsize::new(0));
        for _ in 0..jobs.clamp(1, total.max(1)) {
            let (tx, stop, inputs, cursor, settings) =
                (tx.clone(), Arc::clone(&stop), Arc::clone(&inputs), Arc::clone(&cursor), settings.clone());
            std::thread::spawn(move || loop {
                let i = cursor.fetch_add(1, Ordering::SeqCst);
                if stop.load(Ordering::SeqCst) || i >= inputs.len() {
                    break;
                }
                let records = sohoa_pipeline::convert(&inputs[i], &settings, None).records;
                if tx.send((i, inputs[i].display(), crate::to_json(&records))).is_err() {
                    break;
                }
            });
        }
        Batch { rx: Mutex::new(rx), waiting: BTreeMap::new(), next: 0, total, stop }
    }

    /// The next input in order (name, records as JSON), blocking until it is
    /// converted; `None` at the end.
    pub fn next_in_order(&mut self) -> Option<(String, String)> {
        if self.next >= self.total {
            return None;
        }
        while !self.waiting.contains_key(&self.next) {
            let rx = self.rx.lock().unwrap_or_else(|p| p.into_inner());
            let (i, name, json) = rx.recv().ok()?;
            drop(rx);
            self.waiting.insert(i, (name, json));
        }
        let out = self.waiting.remove(&self.next);
        self.next += 1;
        out
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}
