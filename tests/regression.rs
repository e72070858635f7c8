//! Regression gate: the output of every corpus file equals its reviewed copy in
//! `fixtures/expected/<corpus folder>/<path in the folder>.jsonl`. `UPDATE_EXPECT=1` rewrites them.

mod common;

use common::{converted, corpus_folders, read_outputs, repo_root, updating};
use std::collections::BTreeMap;
use std::path::Path;

#[test]
fn corpus_output_matches_fixtures() {
    let mut problems = Vec::new();
    for folder in corpus_folders() {
        let got = read_outputs(&converted(&folder));
        assert!(!got.is_empty(), "corpus/{folder} gave no output at all");
        let expected_dir = repo_root().join("fixtures/expected").join(&folder);
        if updating() {
            rewrite(&expected_dir, &got);
            continue;
        }
        let expected = if expected_dir.is_dir() { read_outputs(&expected_dir) } else { vec![] };
        problems.extend(compare(&folder, &expected, &got));
    }
    sohoa_golden::assert_no_problems(&problems, "output file(s)", "make fixtures");
}

/// One message per differing, new or vanished file.
fn compare(folder: &str, expected: &[(String, String)], got: &[(String, String)]) -> Vec<String> {
    let expected: BTreeMap<&str, &str> = expected.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let got: BTreeMap<&str, &str> = got.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let mut out = Vec::new();
    for (name, text) in &got {
        match expected.get(name) {
            None => out.push(format!("fixtures/expected/{folder}/{name}: new output, no fixture yet")),
            Some(want) if want != text => out.push(sohoa_golden::diff(&format!("{folder}/{name}"), want, text)),
            Some(_) => {}
        }
    }
    for name in expected.keys().filter(|n| !got.contains_key(*n)) {
        out.push(format!("fixtures/expected/{folder}/{name}: no longer produced"));
    }
    out
}

/// Replaces the fixtures of one folder with `got`, removing stale files.
fn rewrite(dir: &Path, got: &[(String, String)]) {
    std::fs::create_dir_all(dir).expect("fixtures folder is writable");
    for (name, _) in read_outputs(dir) {
        if !got.iter().any(|(n, _)| *n == name) {
            std::fs::remove_file(dir.join(&name)).expect("stale fixture is removable");
        }
    }
    for (name, text) in got {
        let path = dir.join(name);
        // invariant: a fixture path joined to the fixtures folder has a parent
        std::fs::create_dir_all(path.parent().expect("fixture has a folder")).expect("fixtures folder is writable");
        std::fs::write(path, text).expect("fixture is writable");
    }
    eprintln!("UPDATE_EXPECT=1: rewrote {} fixture(s) in {}", got.len(), dir.display());
}

#[test]
fn diff_names_the_file_and_shows_changed_lines() {
    let msgs = compare("seeds", &[("a.jsonl".into(), "x\ny\n".into())], &[("a.jsonl".into(), "x\nz\n".into())]);
    assert_eq!(msgs.len(), 1);
    assert!(msgs[0].contains("--- expected/seeds/a.jsonl"), "{}", msgs[0]);
    assert!(msgs[0].contains("-y\n") && msgs[0].contains("+z\n"), "{}", msgs[0]);
    let msgs = compare("seeds", &[("gone.jsonl".into(), String::new())], &[("new.jsonl".into(), String::new())]);
    assert_eq!(msgs.len(), 2);
}
