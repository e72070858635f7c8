//! `sohoa convert --shard i/4`: four slices together write exactly the files
//! of one unsharded run, each input in exactly one slice.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const SOHOA: &str = env!("CARGO_BIN_EXE_sohoa");

/// `{path under the folder: content}` of every output of a folder (the
/// archive's own `.sohoa/` aside).
fn outputs(dir: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for p in std::fs::read_dir(&d).expect("output folder").map(|e| e.expect("entry").path()) {
            let rel = p.strip_prefix(dir).expect("under the folder").to_string_lossy().into_owned();
            if rel == ".sohoa" {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                found.insert(rel, std::fs::read_to_string(&p).expect("output file"));
            }
        }
    }
    found
}

/// The input paths a folder's manifest lists, sorted.
fn manifest_paths(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join(".sohoa/manifest.jsonl")).expect("manifest");
    let mut paths: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("manifest line")["path"]
                .as_str()
                .expect("path")
                .to_string()
        })
        .collect();
    paths.sort();
    paths
}

fn convert(cwd: &Path, out: &Path, shard: Option<&str>) {
    let mut cmd = Command::new(SOHOA);
    cmd.current_dir(cwd).args(["convert", "archive", "loose.txt", "--jobs", "1", "--out"]).arg(out);
    if let Some(s) = shard {
        cmd.args(["--shard", s]);
    }
    let done = cmd.output().expect("sohoa runs");
    assert!(matches!(done.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&done.stderr));
}

/// An archive of the seeds in two folders (same stems twice: numbered names), a damaged file and a loose file.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/seeds");
    for sub in ["archive/2025", "archive/2026"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        for entry in std::fs::read_dir(&seeds).expect("corpus/seeds") {
            let p = entry.expect("entry").path();
            std::fs::copy(&p, dir.path().join(sub).join(p.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::write(dir.path().join("archive/broken.docx"), b"PK\x03\x04 cut short").expect("write");
    std::fs::write(dir.path().join("loose.txt"), "KẾ HOẠCH\nCải cách hành chính năm 2026\n").expect("write");
    dir
}

#[test]
fn four_shards_write_what_one_run_writes() {
    let dir = archive();
    let whole = dir.path().join("out-whole");
    convert(dir.path(), &whole, None);
    let expected = outputs(&whole);
    assert!(expected.len() >= 12, "{:?}", expected.keys());
    assert!(
        expected.contains_key("2025/000_1565e888bd593adb.jsonl")
            && expected.contains_key("2026/000_1565e888bd593adb.jsonl"),
        "same stems in two folders: two outputs"
    );

    let mut merged = BTreeMap::new();
    let mut listed = Vec::new();
    for i in 1..=4 {
        let out = dir.path().join(format!("out-{i}"));
        convert(dir.path(), &out, Some(&format!("{i}/4")));
        for (name, content) in outputs(&out) {
            assert!(merged.insert(name.clone(), content).is_none(), "{name} written by two shards");
        }
        listed.extend(manifest_paths(&out));
    }
    assert_eq!(merged, expected);
    listed.sort();
    assert_eq!(listed, manifest_paths(&whole), "the shards' manifests together list what one run's lists");
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    let done =
        Command::new(SOHOA).args(["convert", "x.txt", "--out", "-", "--shard", "5/4"]).output().expect("sohoa runs");
    assert_eq!(done.status.code(), Some(2));
}
