//! The manifest of an output folder: one entry per input (relative path, size,
//! mtime, sha256, status, record counts, versions, seconds), kept in
//! `DIR/.sohoa/manifest.jsonl` beside the outputs it describes, so it works with
//! or without `--db` and reads with `jq`. It is a journal: a line is appended once
//! a document's output (and store rows) are in place, the last line of a path
//! wins, a torn last line (a killed run) is ignored, and a finished run rewrites
//! it compactly. So a re-run trusts exactly what was finished.

use super::inputs::Input;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sohoa_map::{SCHEMA_VERSION, SOHOA_VERSION};
use std::collections::{BTreeMap, HashMap};
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

/// Records per type of one input, in contract order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub document: usize,
    pub section: usize,
    pub task: usize,
    pub citation: usize,
    pub kpi: usize,
    pub error: usize,
}

/// What the manifest knows of one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the input's root: the key.
    pub path: String,
    /// The path as it was given or found.
    pub source: String,
    /// The output file, relative to the output folder.
    pub output: String,
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime_ns: u128,
    pub sha256: String,
    /// `ok` or `error` (the output is one error record).
    pub status: String,
    pub records: Counts,
    /// The stages' diagnostics per code (`pdf.page_failed`, `segment.table_as_text`...);
    /// left out when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub diagnostics: BTreeMap<String, usize>,
    pub sohoa_version: String,
    pub schema_version: String,
    pub seconds: f64,
}

/// Size and modification time of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: u128,
}

impl Stamp {
    pub fn of(path: &Path) -> io::Result<Stamp> {
        let meta = std::fs::metadata(path)?;
        let mtime_ns = meta.modified()?.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        Ok(Stamp { size: meta.len(), mtime_ns })
    }
}

/// The SHA-256 of a file, in hex.
pub fn sha256_of(path: &Path) -> io::Result<String> {
    let mut hasher = Sha256::new();
    io::copy(&mut File::open(path)?, &mut hasher)?;
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// What a run does with one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// New, changed, forced or never finished: convert it.
    Convert,
    /// Unchanged and its output in place, but missing from the store: load the output.
    Load,
    /// Unchanged everywhere.
    Skip,
}

/// The manifest of one output folder, open for the length of a run.
pub struct Manifest {
    file: PathBuf,
    entries: Mutex<BTreeMap<String, Entry>>,
    journal: Mutex<File>,
}

/// Where the manifest of `out` lives.
pub fn manifest_path(out: &Path) -> PathBuf {
    out.join(".sohoa").join("manifest.jsonl")
}

impl Manifest {
    /// Reads the manifest of `out` (none yet: empty) and opens it for appending.
    pub fn open(out: &Path) -> io::Result<Manifest> {
        let file = manifest_path(out);
        std::fs::create_dir_all(file.parent().unwrap_or(out))?;
        let entries = read_entries(&file)?;
        let journal = OpenOptions::new().create(true).append(true).open(&file)?;
        Ok(Manifest { file, entries: Mutex::new(entries), journal: Mutex::new(journal) })
    }

    /// The entry of a relative path.
    pub fn get(&self, path: &str) -> Option<Entry> {
        self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(path).cloned()
    }

    /// Entries whose path is not among `inputs`.
    pub fn missing(&self, inputs: &[Input]) -> Vec<Entry> {
        let present: std::collections::HashSet<&str> = inputs.iter().map(|i| i.rel.as_str()).collect();
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.values().filter(|e| !present.contains(e.path.as_str())).cloned().collect()
    }

    /// Appends one finished input.
    pub fn record(&self, entry: Entry) -> io::Result<()> {
        let mut line = serde_json::to_string(&entry).map_err(io::Error::other)?;
        line.push('\n');
        {
            let mut journal = self.journal.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            journal.write_all(line.as_bytes())?;
            journal.flush()?;
        }
        self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(entry.path.clone(), entry);
        Ok(())
    }

    /// Forgets an input (pruned).
    pub fn forget(&self, path: &str) {
        self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(path);
    }

    /// Rewrites the manifest with one line per input, sorted by path (atomically).
    pub fn compact(&self) -> io::Result<()> {
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut text = String::new();
        for e in entries.values() {
            text.push_str(&serde_json::to_string(e).map_err(io::Error::other)?);
            text.push('\n');
        }
        let dir = self.file.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::Builder::new().prefix(".manifest-").tempfile_in(dir)?;
        tmp.write_all(text.as_bytes())?;
        tmp.persist(&self.file).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The entries of a journal, the last line of each path winning; lines that do
/// not parse (a torn last line) are ignored.
fn read_entries(file: &Path) -> io::Result<BTreeMap<String, Entry>> {
    let mut entries = BTreeMap::new();
    let f = match File::open(file) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(entries),
        Err(e) => return Err(e),
    };
    for line in BufReader::new(f).lines() {
        if let Ok(entry) = serde_json::from_str::<Entry>(&line?) {
            entries.insert(entry.path.clone(), entry);
        }
    }
    Ok(entries)
}

/// What to know to decide about one input.
pub struct Check<'a> {
    pub input: &'a Input,
    pub out_dir: &'a Path,
    /// `--force`.
    pub force: bool,
    /// sha256 per path of the store, when there is one.
    pub store: Option<&'a HashMap<String, String>>,
}

/// Decides what to do with one input; returns the refreshed entry when it is
/// unchanged but its stamp moved (touched, copied), so the next run is fast.
pub fn decide(manifest: &Manifest, c: &Check) -> (Action, Option<Entry>) {
    let Some(entry) = manifest.get(&c.input.rel) else { return (Action::Convert, None) };
    let current = entry.sohoa_version == SOHOA_VERSION && entry.schema_version == SCHEMA_VERSION;
    if c.force || !current || entry.output != c.input.out || !c.out_dir.join(&entry.output).is_file() {
        return (Action::Convert, None);
    }
    let Ok(stamp) = Stamp::of(&c.input.path) else { return (Action::Convert, None) };
    let mut refreshed = None;
    if stamp.size != entry.size || stamp.mtime_ns != entry.mtime_ns {
        match sha256_of(&c.input.path) {
            Ok(sha) if sha == entry.sha256 => {
                refreshed = Some(Entry {
                    size: stamp.size,
                    mtime_ns: stamp.mtime_ns,
                    source: c.input.path.display().to_string(),
                    ..entry.clone()
                });
            }
            _ => return (Action::Convert, None),
        }
    }
    let in_store = c.store.is_none_or(|known| known.get(&entry.path) == Some(&entry.sha256));
    (if in_store { Action::Skip } else { Action::Load }, refreshed)
}

/// An input whose path an entry of another, still existing source holds: a
/// second archive converted into the same folder would overwrite the first.
pub fn conflict(manifest: &Manifest, inputs: &[Input]) -> Option<String> {
    for input in inputs {
        let Some(entry) = manifest.get(&input.rel) else { continue };
        if entry.source == input.path.display().to_string() {
            continue;
        }
        let old = Path::new(&entry.source);
        let same = match (old.canonicalize(), input.path.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            (Err(_), _) => true, // the old source is gone: the archive moved
            _ => false,
        };
        if !same {
            return Some(format!(
                "{} holds the output of {}, which {} would overwrite: convert into another --out folder, name their common parent folder, or pass --force",
                entry.output,
                entry.source,
                input.path.display()
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> Entry {
        Entry {
            path: path.into(),
            source: path.into(),
            output: "a.jsonl".into(),
            size: 1,
            mtime_ns: 2,
            sha256: "ab".into(),
            status: "ok".into(),
            records: Counts::default(),
            diagnostics: BTreeMap::new(),
            sohoa_version: SOHOA_VERSION.into(),
            schema_version: SCHEMA_VERSION.into(),
            seconds: 0.5,
        }
    }

    #[test]
    fn journal_last_line_wins_and_torn_lines_are_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let m = Manifest::open(dir.path()).expect("opens");
        m.record(entry("a.txt")).expect("appends");
        m.record(Entry { status: "error".into(), ..entry("a.txt") }).expect("appends");
        drop(m);
        let mut f = OpenOptions::new().append(true).open(manifest_path(dir.path())).expect("journal");
        f.write_all(b"{\"path\":\"b.txt\",\"sour").expect("torn");
        let m = Manifest::open(dir.path()).expect("reopens");
        assert_eq!(m.get("a.txt").map(|e| e.status), Some("error".into()));
        assert!(m.get("b.txt").is_none());
        m.compact().expect("compacts");
        let text = std::fs::read_to_string(manifest_path(dir.path())).expect("reads");
        assert_eq!(text.lines().count(), 1);
    }

    #[test]
    fn unchanged_input_is_skipped_changed_one_converted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let src = dir.path().join("a.txt");
        std::fs::write(&src, b"hello").expect("write");
        std::fs::write(dir.path().join("a.jsonl"), b"{}\n").expect("write");
        let m = Manifest::open(dir.path()).expect("opens");
        let input = Input { path: src.clone(), rel: "a.txt".into(), out: "a.jsonl".into() };
        let stamp = Stamp::of(&src).expect("stat");
        let sha = sha256_of(&src).expect("hash");
        m.record(Entry { size: stamp.size, mtime_ns: stamp.mtime_ns, sha256: sha.clone(), ..entry("a.txt") })
            .expect("appends");
        let check = |force| Check { input: &input, out_dir: dir.path(), force, store: None };
        assert_eq!(decide(&m, &check(false)).0, Action::Skip);
        assert_eq!(decide(&m, &check(true)).0, Action::Convert);
        let other_store: HashMap<String, String> = HashMap::new();
        let with_store = Check { store: Some(&other_store), ..check(false) };
        assert_eq!(decide(&m, &with_store).0, Action::Load);
        std::fs::write(&src, b"hello, world").expect("rewrite");
        assert_eq!(decide(&m, &check(false)).0, Action::Convert);
    }
}
