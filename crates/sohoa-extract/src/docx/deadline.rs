//! The per-document time budget, checked inside reader loops.

use crate::error::ExtractError;
use crate::options::ExtractOptions;
use std::time::Instant;

/// When the current document must be done by.
#[derive(Debug, Clone)]
pub(crate) struct Deadline {
    end: Option<Instant>,
    seconds: u64,
    pub format: &'static str,
}

impl Deadline {
    pub fn start(opts: &ExtractOptions, format: &'static str) -> Self {
        Deadline { end: Instant::now().checked_add(opts.time_budget), seconds: opts.time_budget.as_secs(), format }
    }

    /// `Timeout` once the budget is spent.
    pub fn check(&self) -> Result<(), ExtractError> {
        match self.end {
            Some(end) if Instant::now() > end => Err(ExtractError::Timeout { format: self.format, seconds: self.seconds }),
            _ => Ok(()),
        }
    }
}
