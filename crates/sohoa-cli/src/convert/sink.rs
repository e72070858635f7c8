//! Where a document's JSON Lines go: a file per document at its mirrored path,
//! written atomically (temp file under `DIR/.sohoa/tmp`, then rename), or
//! stdout, one document at a time.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The destination of a `convert` run.
pub enum Sink {
    /// `DIR/<output key>` per document (the key ends in `.jsonl`).
    Dir(PathBuf),
    /// All documents on stdout; the lock keeps one document's lines together.
    Stdout(Mutex<()>),
}

impl Sink {
    /// Writes one document's lines (each ending in `\n`) under the output key `out`.
    pub fn write(&self, out: &str, lines: &str) -> io::Result<()> {
        match self {
            Sink::Dir(dir) => write_atomically(dir, out, lines.as_bytes()),
            Sink::Stdout(lock) => {
                let _guard = lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                let mut out = io::stdout().lock();
                out.write_all(lines.as_bytes())?;
                out.flush()
            }
        }
    }
}

/// Where temp files of `dir` are written: one folder, emptied by every run
/// (what a killed run left there is never an output).
pub fn temp_dir(dir: &Path) -> PathBuf {
    dir.join(".sohoa").join("tmp")
}

/// Empties the temp folder of `dir` (under the run's lock).
pub fn clear_temp(dir: &Path) -> io::Result<()> {
    let tmp = temp_dir(dir);
    match std::fs::remove_dir_all(&tmp) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    std::fs::create_dir_all(tmp)
}

/// Removes an output file (a pruned input) and its folders left empty.
pub fn remove_output(dir: &Path, out: &str) -> io::Result<()> {
    let path = dir.join(out);
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut parent = path.parent();
    while let Some(p) = parent.filter(|p| *p != dir) {
        if std::fs::remove_dir(p).is_err() {
            break;
        }
        parent = p.parent();
    }
    Ok(())
}

/// Writes `bytes` to a temp file under `dir/.sohoa/tmp`, then renames it to
/// `dir/name` (folders created): readers (and a killed run) never see a partial file.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sohoa-").suffix(".partial");
    #[cfg(unix)]
    {
        // an ordinary output file (rw-r--r--), not the temp file's private 0600
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let target = dir.join(name);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp_dir = temp_dir(dir);
    std::fs::create_dir_all(&tmp_dir)?;
    let mut tmp = builder.tempfile_in(&tmp_dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dir_sink_writes_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sink = Sink::Dir(dir.path().to_path_buf());
        sink.write("a.jsonl", "{\"type\":\"x\"}\n").expect("write");
        sink.write("a.jsonl", "{\"type\":\"y\"}\n").expect("overwrite");
        sink.write("sub/b.jsonl", "{}\n").expect("write nested");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".sohoa", "a.jsonl", "sub"]);
        assert_eq!(std::fs::read_dir(temp_dir(dir.path())).expect("tmp").count(), 0);
        remove_output(dir.path(), "sub/b.jsonl").expect("removes");
        assert!(!dir.path().join("sub").exists());
        assert_eq!(std::fs::read_to_string(dir.path().join("a.jsonl")).expect("read"), "{\"type\":\"y\"}\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("a.jsonl")).expect("stat").permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
