//! An output folder as an archive: the lock, the manifest deciding which
//! inputs to convert before the pool runs, and after each document the output
//! file, the store rows and the manifest line, in that order (what a killed run
//! finished is exactly what the manifest says).

use super::inputs::Input;
use super::lock::{self, Lock, LockError};
use super::manifest::{self, Action, Check, Counts, Entry, Manifest, Stamp};
use super::protocol::Converted;
use super::sink;
use crate::store::{FileRow, Store};
use crate::UsageError;
use anyhow::{Context, Result};
use sohoa_map::{SCHEMA_VERSION, SOHOA_VERSION};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How a run treats what an earlier run left.
#[derive(Debug, Clone, Default)]
pub struct ArchiveOptions {
    /// `--force`: convert every input again.
    pub force: bool,
    /// `--prune`: remove the outputs and rows of inputs that disappeared.
    pub prune: bool,
    /// `--db FILE`.
    pub db: Option<PathBuf>,
}

/// The archive state of a run into a folder.
pub struct Archive {
    dir: PathBuf,
    manifest: Manifest,
    pub store: Option<Store>,
    _lock: Lock,
}

/// Which inputs a run converts, loads or skips, and which disappeared.
#[derive(Default)]
pub struct Plan {
    pub convert: Vec<Input>,
    pub load: Vec<Input>,
    pub unchanged: usize,
    pub gone: Vec<Entry>,
}

impl Archive {
    /// Locks `dir`, clears what a killed run left in its temp folder, reads the manifest, opens the store.
    pub fn open(dir: &Path, opts: &ArchiveOptions) -> Result<Archive> {
        let lock = lock::acquire(dir).map_err(|e| match e {
            LockError::Busy(msg) => anyhow::Error::new(UsageError(msg)),
            LockError::Io(e) => anyhow::Error::new(e).context(format!("cannot lock {}", dir.display())),
        })?;
        sink::clear_temp(dir).with_context(|| format!("cannot clear {}", sink::temp_dir(dir).display()))?;
        let manifest = Manifest::open(dir).with_context(|| format!("cannot read the manifest of {}", dir.display()))?;
        let store = opts.db.as_deref().map(Store::open).transpose()?;
        Ok(Archive { dir: dir.to_path_buf(), manifest, store, _lock: lock })
    }

    /// Decides per input (refreshing the stamps of unchanged ones).
    pub fn plan(&self, inputs: &[Input], opts: &ArchiveOptions) -> Result<Plan> {
        if !opts.force {
            if let Some(msg) = manifest::conflict(&self.manifest, inputs) {
                return Err(UsageError(msg).into());
            }
        }
        let known = self.store.as_ref().map(Store::known).transpose()?;
        let mut plan = Plan { gone: self.manifest.missing(inputs), ..Plan::default() };
        for input in inputs {
            let check = Check { input, out_dir: &self.dir, force: opts.force, store: known.as_ref() };
            let (action, refreshed) = manifest::decide(&self.manifest, &check);
            if let Some(entry) = refreshed {
                self.manifest.record(entry)?;
            }
            match action {
                Action::Convert => plan.convert.push(input.clone()),
                Action::Load => plan.load.push(input.clone()),
                Action::Skip => plan.unchanged += 1,
            }
        }
        Ok(plan)
    }

    /// Loads an unchanged output into the store.
    pub fn load(&self, input: &Input) -> Result<()> {
        let (Some(store), Some(entry)) = (&self.store, self.manifest.get(&input.rel)) else { return Ok(()) };
        let lines = std::fs::read_to_string(self.dir.join(&entry.output))?;
        store.replace(&file_row(input, &entry.sha256, entry.size), &lines)
    }

    /// The size and mtime of an input, taken before it is read (a file changed
    /// while it converts then looks changed to the next run, never unchanged).
    pub fn stamp(input: &Input) -> Stamp {
        Stamp::of(&input.path).unwrap_or(Stamp { size: 0, mtime_ns: 0 })
    }

    /// After the output file of `input` is written: its store rows, then its manifest line.
    pub fn finish(&self, input: &Input, stamp: Stamp, converted: &Converted, elapsed: Duration) -> Result<()> {
        let sha256 =
            document_sha256(&converted.lines).or_else(|| manifest::sha256_of(&input.path).ok()).unwrap_or_default();
        if let Some(store) = &self.store {
            store.replace(&file_row(input, &sha256, stamp.size), &converted.lines)?;
        }
        self.manifest.record(Entry {
            path: input.rel.clone(),
            source: input.path.display().to_string(),
            output: input.out.clone(),
            size: stamp.size,
            mtime_ns: stamp.mtime_ns,
            sha256,
            status: if converted.failed { "error" } else { "ok" }.into(),
            records: counts(&converted.counts),
            diagnostics: converted.diagnostic_counts.clone(),
            sohoa_version: SOHOA_VERSION.into(),
            schema_version: SCHEMA_VERSION.into(),
            seconds: (elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
        })?;
        Ok(())
    }

    /// Removes a disappeared input's output, rows and manifest entry.
    pub fn prune(&self, entry: &Entry) -> Result<()> {
        sink::remove_output(&self.dir, &entry.output)?;
        if let Some(store) = &self.store {
            store.remove(&entry.path)?;
        }
        self.manifest.forget(&entry.path);
        Ok(())
    }

    /// End of a run: links citations, rewrites the manifest compactly.
    pub fn close(&self) -> Result<Option<usize>> {
        let linked = self.store.as_ref().map(Store::link).transpose()?.flatten();
        self.manifest.compact()?;
        Ok(linked)
    }
}

fn file_row(input: &Input, sha256: &str, size: u64) -> FileRow {
    FileRow {
        path: input.rel.clone(),
        source: input.path.display().to_string(),
        output: input.out.clone(),
        sha256: sha256.into(),
        size,
    }
}

/// `source.sha256` of the document record that opens a converted file's lines.
fn document_sha256(lines: &str) -> Option<String> {
    let first: serde_json::Value = serde_json::from_str(lines.lines().next()?).ok()?;
    (first["type"] == "document").then(|| first["source"]["sha256"].as_str().map(str::to_string)).flatten()
}

/// Records per type (`summary::TYPES` order) as the manifest writes them.
fn counts(n: &[usize; 6]) -> Counts {
    Counts { document: n[0], section: n[1], task: n[2], citation: n[3], kpi: n[4], error: n[5] }
}
