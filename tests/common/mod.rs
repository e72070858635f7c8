//! Helpers shared by the corpus-wide tests: the repository root, running the
//! `sohoa` binary, and converting each corpus folder once per build.
#![allow(dead_code)] // each test binary uses a different subset

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

/// Per-document budget in tests: generous, so a loaded machine never turns a
/// slow OCR page into an error record (and a fixture difference).
const TEST_TIMEOUT_SECONDS: &str = "900";

/// The repository root (where `corpus/` and `fixtures/` live).
pub fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // invariant: the test crate lives at crates/sohoa-cli inside the repository
    root.canonicalize().expect("repository root exists")
}

/// `sohoa` run from the repository root, so paths in records are relative.
pub fn sohoa() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sohoa"));
    cmd.current_dir(repo_root());
    cmd
}

/// Whether expected files are to be rewritten instead of compared.
pub fn updating() -> bool {
    sohoa_golden::updating()
}

/// The subfolders of `corpus/`, sorted.
pub fn corpus_folders() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo_root().join("corpus"))
        .expect("corpus/ is readable")
        .filter_map(std::result::Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// The `.jsonl` files under `dir` (recursively, hidden entries such as the
/// manifest folder skipped) with their contents, named by their `/` separated
/// path relative to `dir`, sorted: the mirrored output layout.
pub fn read_outputs(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    collect_outputs(dir, "", &mut files);
    files.sort();
    files
}

fn collect_outputs(dir: &Path, prefix: &str, files: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("output folder is readable").filter_map(std::result::Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_outputs(&path, &format!("{prefix}{name}/"), files);
        } else if path.extension().is_some_and(|x| x == "jsonl") {
            files.push((format!("{prefix}{name}"), std::fs::read_to_string(&path).expect("output is UTF-8")));
        }
    }
}

static CONVERT: Mutex<()> = Mutex::new(());

/// The output folder of `sohoa convert corpus/<folder>`, converted once per
/// build of the binary and state of the folder (cached under the target dir).
pub fn converted(folder: &str) -> PathBuf {
    let _one_at_a_time = CONVERT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let input = format!("corpus/{folder}");
    let out =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-out").join(format!("{folder}-{:016x}", cache_key(&input)));
    if out.join(".complete").exists() {
        return out;
    }
    remove_stale(&out, folder);
    let output = run_convert(&input, &out);
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "sohoa convert {input} crashed ({code:?}):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::write(out.join(".complete"), b"").expect("marker is writable");
    out
}

/// Removes `out` and the cached outputs of `folder` from earlier builds.
fn remove_stale(out: &Path, folder: &str) {
    let _ = std::fs::remove_dir_all(out);
    let Some(parent) = out.parent() else { return };
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.filter_map(std::result::Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let key = name.strip_prefix(folder).and_then(|rest| rest.strip_prefix('-'));
        if key.is_some_and(|k| k.len() == 16 && k.chars().all(|c| c.is_ascii_hexdigit())) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Runs `sohoa convert <input> --out <out>` with the test time budget.
pub fn run_convert(input: &str, out: &Path) -> Output {
    sohoa()
        .args(["convert", input, "--out"])
        .arg(out)
        .args(["--timeout", TEST_TIMEOUT_SECONDS])
        .output()
        .expect("sohoa runs")
}

/// Changes whenever the binary or any file under `input` changes.
fn cache_key(input: &str) -> u64 {
    let mut h = DefaultHasher::new();
    stamp(Path::new(env!("CARGO_BIN_EXE_sohoa")), &mut h);
    let mut stack = vec![repo_root().join(input)];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> =
                std::fs::read_dir(&p).expect("readable").filter_map(|e| e.ok().map(|e| e.path())).collect();
            entries.sort();
            stack.extend(entries.into_iter().rev());
        } else {
            stamp(&p, &mut h);
        }
    }
    h.finish()
}

fn stamp(p: &Path, h: &mut DefaultHasher) {
    let meta = std::fs::metadata(p).expect("file is readable");
    p.hash(h);
    meta.len().hash(h);
    meta.modified().ok().hash(h);
}
