//! The progress bar (on stderr, only when it is a terminal) and warnings
//! printed above it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Progress of a run plus a channel for warnings.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar over `total` documents, hidden unless stderr is a terminal.
    pub fn new(total: usize) -> Self {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} {wide_msg}") {
                bar.set_style(style);
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress { bar }
    }

    /// No bar at all (`-q`).
    pub fn hidden() -> Self {
        Progress { bar: ProgressBar::hidden() }
    }

    /// Prints a warning on stderr without breaking the bar.
    pub fn warn(&self, msg: &str) {
        let line = format!("sohoa: warning: {msg}");
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }

    /// One more document done.
    pub fn done(&self, name: &str) {
        self.bar.set_message(name.to_string());
        self.bar.inc(1);
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
