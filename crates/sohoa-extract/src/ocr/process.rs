//! Running an external program within the document's time budget.

use crate::error::ExtractError;
use crate::kit::Budget;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Runs `program args`, killing it when the budget runs out; fails on a non-zero exit.
pub(super) fn run(program: &str, args: &[&str], budget: &Budget) -> Result<(), ExtractError> {
    let mut child = Command::new(program)
        .args(args)
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ExtractError::OcrUnavailable(format!("cannot run {program}: {e}; {}", super::INSTALL_HINT)))?;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(ExtractError::Unreadable(format!("{program} failed ({status})"))),
            Ok(None) if budget.expired() => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ExtractError::Unreadable(format!("{program} did not finish within the time budget")));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(ExtractError::Unreadable(format!("{program}: {e}"))),
        }
    }
}

/// Standard output of a quick command (`--version`-like), `None` if it cannot run.
pub(super) fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).stdin(Stdio::null()).output().ok()?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success() || !text.is_empty()).then_some(text)
}
