//! `sohoa eval` against the reference scorer `../shared/tools/score`: on the
//! same predictions both must print the same report, byte for byte. Skipped,
//! loudly, where `../shared` is absent (a newcomer's clone).

mod common;

use common::{converted, repo_root, sohoa};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn reference_scorer() -> Option<PathBuf> {
    let p = repo_root().join("../shared/tools/score");
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "\n******** SKIP eval_parity: {} is absent; sohoa eval not compared with the reference scorer ********\n",
            p.display()
        );
        None
    }
}

/// Both reports of `--gold fixtures/gold --pred <pred> --json --show 1000`.
fn both_reports(score: &Path, pred: &Path) -> (String, String) {
    let args = |c: &mut Command| {
        c.current_dir(repo_root()).args(["--gold", "fixtures/gold", "--json", "--show", "1000", "--pred"]).arg(pred);
    };
    let mut ours = sohoa();
    ours.arg("eval");
    args(&mut ours);
    let mut theirs = Command::new("python3");
    theirs.arg(score);
    args(&mut theirs);
    let run = |mut c: Command| {
        let out = c.output().expect("scorer runs");
        assert!(out.status.success(), "{c:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("report is UTF-8")
    };
    (run(ours), run(theirs))
}

fn assert_same(ours: &str, theirs: &str) {
    if ours != theirs {
        let diff =
            similar::TextDiff::from_lines(theirs, ours).unified_diff().header("tools/score", "sohoa eval").to_string();
        panic!("sohoa eval disagrees with ../shared/tools/score:\n{diff}");
    }
}

#[test]
fn same_report_on_converted_seeds() {
    let Some(score) = reference_scorer() else { return };
    let (ours, theirs) = both_reports(&score, &converted("seeds"));
    assert_same(&ours, &theirs);
}

#[test]
fn same_report_on_perturbed_gold() {
    let Some(score) = reference_scorer() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let gold_dir = repo_root().join("fixtures/gold");
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&gold_dir)
        .expect("fixtures/gold is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.jsonl"))
        .collect();
    golds.sort();
    assert!(golds.len() >= 2, "fixtures/gold holds gold files");
    // the last gold file gets no prediction at all
    for path in &golds[..golds.len() - 1] {
        let name = path.file_name().expect("named").to_string_lossy().replace(".gold.jsonl", ".jsonl");
        let text = std::fs::read_to_string(path).expect("gold is readable");
        let lines: Vec<String> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .filter_map(|(i, l)| perturb(i, serde_json::from_str(l).expect("gold is JSON")))
            .map(|v| v.to_string())
            .collect();
        std::fs::write(dir.path().join(name), lines.join("\n") + "\n").expect("writable");
    }
    let (ours, theirs) = both_reports(&score, dir.path());
    assert!(ours.contains("1 without output"), "{ours}");
    assert_same(&ours, &theirs);
}

/// A deterministic mix of the mistakes a converter makes: records dropped,
/// text edited, fields changed, numbers retyped.
fn perturb(i: usize, mut v: Value) -> Option<Value> {
    if i % 7 == 3 {
        return None;
    }
    let edit = |v: &mut Value, key: &str, f: &dyn Fn(&Value) -> Value| {
        if let Some(x) = v.get(key).cloned() {
            v[key] = f(&x);
        }
    };
    match i % 5 {
        0 => {
            edit(&mut v, "content", &|x| Value::String(format!("{} và các việc khác", x.as_str().unwrap_or_default())));
        }
        1 => edit(&mut v, "lead", &|x| {
            Value::Array(x.as_array().cloned().unwrap_or_default().into_iter().rev().collect())
        }),
        2 => edit(&mut v, "value", &|x| serde_json::json!(x.as_f64().unwrap_or(0.0))),
        3 => edit(&mut v, "key", &|x| Value::String(x.as_str().unwrap_or_default().to_uppercase())),
        _ => edit(
            &mut v,
            "deadline",
            &|_| serde_json::json!({"raw": null, "kind": null, "start": null, "end": null, "recurrence": null}),
        ),
    }
    if i.is_multiple_of(3) {
        edit(&mut v, "title", &|x| Value::String(x.as_str().unwrap_or_default().chars().rev().collect()));
        edit(&mut v, "year", &|x| serde_json::json!(x.as_f64()));
    }
    Some(v)
}
