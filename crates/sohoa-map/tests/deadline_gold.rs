//! Every task deadline of the gold files, and the extra cases of `fixtures/map/deadlines.tsv`,
//! parsed by `deadline::parse` with the plan year of their document.

mod common;

use serde_json::Value;
use sohoa_map::deadline::{in_text, parse, DeadlineContext};

fn field(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

/// A gold deadline's `raw` reads as `want` either as a deadline cell or line
/// (`parse`) or, since v1.1, as a deadline stated in a task's own text (`in_text`).
fn check(raw: &str, year: Option<i32>, want: [Option<String>; 4], bad: &mut Vec<String>) {
    let ctx = DeadlineContext { plan_year: year };
    let d = parse(raw, &ctx);
    let got = [d.kind, d.start, d.end, d.recurrence];
    let own = in_text(raw, &ctx).map(|d| [d.kind, d.start, d.end, d.recurrence]);
    if got != want && own.as_ref() != Some(&want) {
        bad.push(format!("{raw:?} (year {year:?}): got {got:?}, want {want:?}"));
    }
}

#[test]
fn gold_deadlines_parse() {
    let mut bad = Vec::new();
    let mut n = 0;
    for doc in common::gold_docs() {
        for t in doc.records.iter().filter(|r| r["type"] == "task") {
            let d = &t["deadline"];
            let Some(raw) = field(d, "raw") else { continue };
            n += 1;
            let want = ["kind", "start", "end", "recurrence"].map(|k| field(d, k));
            check(&raw, doc.year, want, &mut bad);
        }
    }
    eprintln!("gold deadlines: {} of {n} parse right", n - bad.len());
    assert!(n > 100, "the gold files hold {n} deadlines");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn extra_deadline_cases() {
    let text = std::fs::read_to_string(common::repo().join("fixtures/map/deadlines.tsv")).expect("fixture");
    let mut bad = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "six columns in {line:?}");
        let opt = |s: &str| (s != "-").then(|| s.to_string());
        let want = [opt(cols[2]), opt(cols[3]), opt(cols[4]), opt(cols[5])];
        check(cols[0], cols[1].parse().ok(), want, &mut bad);
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn empty_deadline_is_all_null() {
    let d = parse("  ", &DeadlineContext::default());
    assert_eq!(d, sohoa_map::Deadline::default());
}
