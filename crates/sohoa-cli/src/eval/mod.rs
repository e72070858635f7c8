//! `sohoa eval`: scores predicted records against gold files, a faithful port
//! of `shared/tools/score` (same matching, same figures, same printed table).

mod difflib;
mod fields;
mod fold;
mod pyvalue;
mod report;
mod scope;
mod score;

pub use scope::Scope;

use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What `sohoa eval` was asked.
#[derive(Debug, Clone)]
pub struct EvalConfig {
    pub gold: PathBuf,
    pub pred: PathBuf,
    /// Print one JSON summary line last.
    pub json: bool,
    /// List up to this many missed gold records per type.
    pub show: usize,
    /// Which records of each prediction the gold annotates.
    pub scope: Scope,
    /// `--fail-under`: the lowest task, citation and KPI F1 that passes.
    pub fail_under: Option<f64>,
}

/// Scores every `GOLD/<stem>.gold.jsonl` against `PRED/<stem>.jsonl` and prints the report;
/// `Ok(false)` when an F1 is under `--fail-under`.
pub fn run(cfg: &EvalConfig) -> Result<bool> {
    let docs = gold_files(&cfg.gold)?;
    let mut scores = score::Scores::default();
    let mut missing = Vec::new();
    for (stem, gold_path) in &docs {
        let pred_path = cfg.pred.join(format!("{stem}.jsonl"));
        let pred = if pred_path.exists() {
            scope::restrict(load(&pred_path)?, cfg.scope)
        } else {
            missing.push(stem.clone());
            vec![]
        };
        scores.add_doc(&load(gold_path)?, &pred);
    }
    print!("{}", report::table(docs.len(), &missing, &scores));
    print!("{}", report::misses(&scores, cfg.show));
    if cfg.json {
        println!("{}", report::summary_json(&scores));
    }
    Ok(passes(&scores, cfg.fail_under))
}

/// Whether every F1 of tasks, citations and KPIs reaches `floor` (says which does not).
fn passes(scores: &score::Scores, floor: Option<f64>) -> bool {
    let Some(floor) = floor else { return true };
    let mut ok = true;
    for (name, tally) in score::TYPES.iter().zip(&scores.tallies).skip(1) {
        let f1 = tally.prf().2;
        if f1 < floor {
            eprintln!("sohoa: {name} F1 {f1:.3} is under --fail-under {floor}");
            ok = false;
        }
    }
    ok
}

/// `(stem, path)` of every `*.gold.jsonl` in `dir`, sorted by name.
fn gold_files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("no *.gold.jsonl under {}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if let Some(stem) = name.strip_suffix(".gold.jsonl") {
            out.push((stem.to_string(), path.clone()));
        }
    }
    out.sort();
    if out.is_empty() {
        bail!("no *.gold.jsonl under {}", dir.display());
    }
    Ok(out)
}

/// The records of a JSON Lines file; blank lines skipped.
fn load(path: &Path) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut recs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        recs.push(v);
    }
    Ok(recs)
}

#[cfg(test)]
mod fail_under_tests {
    use super::*;

    #[test]
    fn fail_under_gates_on_the_lowest_f1() {
        let mut scores = score::Scores::default();
        assert!(passes(&scores, Some(0.9)), "no records anywhere scores 1.0");
        scores.tallies[2] = score::Tally { gold: 2, pred: 2, hit: 1, fields: vec![] };
        assert!(passes(&scores, None));
        assert!(passes(&scores, Some(0.5)));
        assert!(!passes(&scores, Some(0.6)));
    }
}
