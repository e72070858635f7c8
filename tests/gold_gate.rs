//! Gold gate: `corpus/seeds` converted and scored with `sohoa eval` against
//! `fixtures/gold/`; no F1 and no field accuracy may fall below
//! `fixtures/gold/baseline.json`. `UPDATE_EXPECT=1` rewrites the baseline.

mod common;

use common::{converted, repo_root, sohoa, updating};
use serde_json::Value;

/// Rounding slack when comparing to the baseline.
const EPSILON: f64 = 1e-9;

#[test]
fn seeds_score_at_least_the_baseline() {
    let pred = converted("seeds");
    let output = sohoa().args(["eval", "--gold", "fixtures/gold", "--json", "--pred"]).arg(&pred).output().expect("sohoa runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "sohoa eval failed:\n{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    eprintln!("{stdout}");
    let summary: Value = serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("last line is the JSON summary");
    let baseline_path = repo_root().join("fixtures/gold/baseline.json");
    if updating() {
        let text = serde_json::to_string_pretty(&summary).expect("summary serializes") + "\n";
        std::fs::write(&baseline_path, text).expect("baseline is writable");
        eprintln!("UPDATE_EXPECT=1: rewrote {}", baseline_path.display());
        return;
    }
    let baseline: Value = serde_json::from_str(&std::fs::read_to_string(&baseline_path).expect("fixtures/gold/baseline.json exists"))
        .expect("baseline is JSON");
    let drops = regressions(&baseline, &summary);
    assert!(drops.is_empty(), "scores fell below fixtures/gold/baseline.json:\n{}", drops.join("\n"));
}

/// Every F1 and field accuracy of `baseline` that `current` misses or undercuts.
fn regressions(baseline: &Value, current: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let Some(types) = baseline.as_object() else { return vec!["baseline is not an object".into()] };
    for (kind, base) in types {
        let now = &current[kind];
        let mut figures = vec![(format!("{kind} f1"), base["f1"].as_f64(), now["f1"].as_f64())];
        if let Some(fields) = base["fields"].as_object() {
            for (field, v) in fields {
                figures.push((format!("{kind}.{field} accuracy"), v.as_f64(), now["fields"][field].as_f64()));
            }
        }
        for (name, base, now) in figures {
            let (base, now) = (base.unwrap_or(0.0), now.unwrap_or(0.0));
            if now < base - EPSILON {
                out.push(format!("  {name}: {now:.4} < baseline {base:.4}"));
            }
        }
    }
    out
}

#[test]
fn a_lower_figure_is_a_regression() {
    let base = serde_json::json!({"task": {"f1": 0.9, "fields": {"lead": 0.8}}});
    let same = serde_json::json!({"task": {"f1": 0.9, "fields": {"lead": 0.8, "notes": 0.1}}});
    let worse = serde_json::json!({"task": {"f1": 0.95, "fields": {}}});
    assert!(regressions(&base, &same).is_empty());
    assert_eq!(regressions(&base, &worse).len(), 1);
}
