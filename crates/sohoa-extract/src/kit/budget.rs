//! The per-document time budget: started when a reader starts, checked inside
//! its loops, and handed to the programs OCR runs. The one clock of every reader.

use crate::error::ExtractError;
use crate::options::ExtractOptions;
use std::time::{Duration, Instant};

/// When the current document must be done by.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    /// `None` when the budget reaches past what an `Instant` can hold.
    end: Option<Instant>,
    seconds: u64,
    format: &'static str,
}

impl Budget {
    /// The options' budget, from now, for a reader of `format`.
    pub fn start(opts: &ExtractOptions, format: &'static str) -> Self {
        Budget::new(opts.time_budget, format)
    }

    /// A budget of `limit` from now.
    pub fn new(limit: Duration, format: &'static str) -> Self {
        Budget { end: Instant::now().checked_add(limit), seconds: limit.as_secs(), format }
    }

    /// The format named in the errors this budget gives.
    pub fn format(&self) -> &'static str {
        self.format
    }

    /// Whether the budget is spent.
    pub fn expired(&self) -> bool {
        self.end.is_some_and(|end| Instant::now() >= end)
    }

    /// Time left (`Duration::MAX` for a budget without an end).
    pub fn remaining(&self) -> Duration {
        self.end.map_or(Duration::MAX, |end| end.saturating_duration_since(Instant::now()))
    }

    /// `Timeout` once the budget is spent.
    pub fn check(&self) -> Result<(), ExtractError> {
        if self.expired() {
            return Err(self.timeout());
        }
        Ok(())
    }

    /// The error of a document out of time.
    pub fn timeout(&self) -> ExtractError {
        ExtractError::Timeout { format: self.format, seconds: self.seconds }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spent_budget_fails_with_its_format_and_seconds() {
        let spent = Budget::new(Duration::ZERO, "docx");
        assert!(spent.expired());
        assert_eq!(spent.remaining(), Duration::ZERO);
        let err = spent.check().expect_err("spent");
        assert!(matches!(err, ExtractError::Timeout { format: "docx", seconds: 0 }), "{err:?}");
        let open = Budget::new(Duration::from_secs(3600), "pdf");
        assert!(open.check().is_ok() && open.remaining() > Duration::from_secs(3500));
        assert!(!Budget::new(Duration::MAX, "rtf").expired(), "a budget past what Instant holds never ends");
    }
}
