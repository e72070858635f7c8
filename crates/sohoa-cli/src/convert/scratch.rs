//! Temp and partial files of `convert` runs: each run keeps its workers' temp
//! folders under `$TMPDIR/sohoa-run-<pid>` and removes it at the end; folders
//! of runs whose process is gone (killed with SIGKILL) and `.sohoa-*.partial`
//! output files they left are removed when the next run starts.

use std::path::{Path, PathBuf};

/// Prefix of a run's temp folder.
const RUN_PREFIX: &str = "sohoa-run-";

/// The temp folder of this run, removed on drop.
pub struct RunDir {
    path: PathBuf,
}

impl RunDir {
    /// Creates `$TMPDIR/sohoa-run-<pid>` after removing those of dead runs.
    pub fn create() -> std::io::Result<RunDir> {
        let tmp = std::env::temp_dir();
        remove_dead_runs(&tmp);
        let path = tmp.join(format!("{RUN_PREFIX}{}", std::process::id()));
        std::fs::create_dir_all(&path)?;
        Ok(RunDir { path })
    }

    /// The folder of OCR slot locks every worker of this run shares.
    pub fn ocr_slots(&self) -> PathBuf {
        self.path.join("ocr-slots")
    }

    /// The temp folder of worker `slot`.
    pub fn slot(&self, slot: usize) -> PathBuf {
        self.path.join(format!("w{slot}"))
    }
}

impl Drop for RunDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Empties a worker's temp folder (after its worker died).
pub fn clear(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

/// Removes `sohoa-run-<pid>` folders whose process no longer runs.
fn remove_dead_runs(tmp: &Path) {
    let Ok(entries) = std::fs::read_dir(tmp) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(RUN_PREFIX).and_then(|p| p.parse::<i32>().ok()) else { continue };
        if !alive(pid) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether process `pid` exists (signal 0 probes it).
fn alive(pid: i32) -> bool {
    // SAFETY: kill with signal 0 sends nothing; it only checks the pid
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Removes `.sohoa-*.partial` files in the output folder `dir` (left by a
/// killed run; a run writes each one for milliseconds); returns how many.
pub fn remove_stale_partials(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".sohoa-") && name.ends_with(".partial") && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Fails unless a file can be created in `dir`.
pub fn check_writable(dir: &Path) -> std::io::Result<()> {
    tempfile::Builder::new().prefix(".sohoa-").suffix(".partial").tempfile_in(dir).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_partials_go_and_outputs_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(".sohoa-abc.partial"), b"x").expect("write");
        std::fs::write(dir.path().join("a.jsonl"), b"x").expect("write");
        assert_eq!(remove_stale_partials(dir.path()), 1);
        assert!(dir.path().join("a.jsonl").exists());
        assert!(check_writable(dir.path()).is_ok());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn only_dead_runs_are_alive_checked_out() {
        assert!(alive(std::process::id() as i32));
        assert!(!alive(i32::MAX - 7));
    }
}
