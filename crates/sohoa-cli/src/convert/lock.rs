//! One run at a time per output folder: an advisory lock on `DIR/.sohoa/lock`,
//! released by the kernel when the process ends, however it ends (a killed run
//! leaves no stale lock behind).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Held for the length of a run.
pub struct Lock {
    _file: File,
}

/// Why the lock was not taken.
pub enum LockError {
    /// Another run holds it; the text says which (its process id).
    Busy(String),
    Io(io::Error),
}

/// Takes the lock of `out` without waiting.
pub fn acquire(out: &Path) -> Result<Lock, LockError> {
    let dir = out.join(".sohoa");
    std::fs::create_dir_all(&dir).map_err(LockError::Io)?;
    let path = dir.join("lock");
    let mut file =
        OpenOptions::new().create(true).truncate(false).read(true).write(true).open(&path).map_err(LockError::Io)?;
    if !try_lock(&file) {
        let holder = std::fs::read_to_string(&path).unwrap_or_default();
        let holder = holder.trim();
        let who = if holder.is_empty() { String::new() } else { format!(" (process {holder})") };
        return Err(LockError::Busy(format!(
            "another sohoa run{who} is writing to {}: wait for it to finish, or choose another --out folder",
            out.display()
        )));
    }
    file.set_len(0).map_err(LockError::Io)?;
    write!(file, "{}", std::process::id()).map_err(LockError::Io)?;
    Ok(Lock { _file: file })
}

#[cfg(unix)]
fn try_lock(file: &File) -> bool {
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock on a descriptor this function borrows; no memory is shared.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) == 0 }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_one_folder_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = acquire(dir.path()).ok().expect("first lock");
        match acquire(dir.path()) {
            Err(LockError::Busy(msg)) => assert!(msg.contains("another sohoa run"), "{msg}"),
            _ => panic!("second lock taken"),
        }
        drop(first);
        assert!(acquire(dir.path()).is_ok());
    }
}
