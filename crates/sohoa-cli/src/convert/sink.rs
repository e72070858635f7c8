//! Where a document's JSON Lines go: a file per document, written atomically
//! (temp file in the same folder, then rename), or stdout, one document at a time.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Mutex;

/// The destination of a `convert` run.
pub enum Sink {
    /// `DIR/<name>.jsonl` per document.
    Dir(PathBuf),
    /// All documents on stdout; the lock keeps one document's lines together.
    Stdout(Mutex<()>),
}

impl Sink {
    /// Writes one document's lines (each ending in `\n`) under `name`.
    pub fn write(&self, name: &str, lines: &str) -> io::Result<()> {
        match self {
            Sink::Dir(dir) => write_atomically(dir, &format!("{name}.jsonl"), lines.as_bytes()),
            Sink::Stdout(lock) => {
                let _guard = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let mut out = io::stdout().lock();
                out.write_all(lines.as_bytes())?;
                out.flush()
            }
        }
    }
}

/// Writes `bytes` to a hidden temp file beside `dir/name`, then renames it into
/// place: readers (and a killed run) never see a partial file.
fn write_atomically(dir: &std::path::Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sohoa-").suffix(".partial");
    #[cfg(unix)]
    {
        // an ordinary output file (rw-r--r--), not the temp file's private 0600
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.persist(dir.join(name)).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dir_sink_writes_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sink = Sink::Dir(dir.path().to_path_buf());
        sink.write("a", "{\"type\":\"x\"}\n").expect("write");
        sink.write("a", "{\"type\":\"y\"}\n").expect("overwrite");
        let names: Vec<String> =
            std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a.jsonl"]);
        assert_eq!(std::fs::read_to_string(dir.path().join("a.jsonl")).expect("read"), "{\"type\":\"y\"}\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("a.jsonl")).expect("stat").permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
