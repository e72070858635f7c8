//! The per-document time budget, checked inside reader loops.

use crate::error::ExtractError;
use std::time::{Duration, Instant};

/// Started when a reader starts; `check` fails once the budget is spent.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clock {
    start: Instant,
    budget: Duration,
    format: &'static str,
}

impl Clock {
    pub(crate) fn new(budget: Duration, format: &'static str) -> Self {
        Clock { start: Instant::now(), budget, format }
    }

    /// `Timeout` once the budget is spent.
    pub(crate) fn check(&self) -> Result<(), ExtractError> {
        if self.start.elapsed() > self.budget {
            return Err(ExtractError::Timeout { format: self.format, seconds: self.budget.as_secs() });
        }
        Ok(())
    }
}
