//! Gold gate: every corpus folder made from the seeds (text, re-encoded,
//! DOCX, PDF, scans) and the real documents with gold (`corpus/real` against
//! `fixtures/gold/real/`, and real 12's annex against
//! `fixtures/gold/real/annex-only/` with `sohoa eval --scope annex`) converted
//! and scored with `sohoa eval`. No F1 and no field accuracy may fall below
//! `fixtures/gold/baseline/<set>.json`; baselines move only with
//! `UPDATE_BASELINE=1` (never with `UPDATE_EXPECT=1`), so the diff of a
//! baseline file is always a deliberate change. The targets the issues set
//! hold too: PDF within 0.03 of the text, DOCX within 0.02, re-encoded copies
//! within 0.01 of their originals, scans at tasks F1 ≥ 0.80 and citations F1 ≥ 0.85,
//! grey and colour JPEG scans (`corpus/scan-gray`, `corpus/scan-color`: some
//! seeds only, scored on their gold) at the floors of `JPEG_SCAN_FLOORS`, every
//! document field of theirs at `JPEG_SCAN_DOCUMENT_FIELD_FLOOR`.

mod common;

use common::{converted, repo_root, sohoa};
use serde_json::Value;

/// Rounding slack when comparing to the baseline.
const EPSILON: f64 = 1e-9;

/// The folders whose files are the seeds in another form (same gold).
const FOLDERS: [&str; 12] = [
    "seeds",
    "tcvn3",
    "vni",
    "docx",
    "docx-tcvn3",
    "docx-vni",
    "pdf",
    "scan",
    "docx-layout",
    "pdf-layout",
    "scan-gray",
    "scan-color",
];

/// Floors of the JPEG scans (grey, colour with stamps): F1 per record type, as
/// the scans issue asks.
const JPEG_SCAN_FLOORS: [(&str, f64); 3] = [("task", 0.90), ("citation", 0.90), ("kpi", 0.85)];

/// Floor of every document field (number, issuer, date, signer, recipients...)
/// on the JPEG scans.
const JPEG_SCAN_DOCUMENT_FIELD_FLOOR: f64 = 0.8;

/// Record types whose F1 the closeness targets compare.
const TYPES: [&str; 3] = ["task", "citation", "kpi"];

/// One scored set: a corpus folder, the gold it is scored against, the
/// `--scope` of `sohoa eval`, and the name of its baseline file.
struct GoldSet {
    folder: &'static str,
    gold: &'static str,
    scope: &'static str,
    baseline: String,
}

/// Every set the gate scores: each form of the seeds, the real documents, real 12's annex.
fn gold_sets() -> Vec<GoldSet> {
    let seeds =
        FOLDERS.iter().map(|f| GoldSet { folder: f, gold: "fixtures/gold", scope: "whole", baseline: f.to_string() });
    let real = [
        GoldSet { folder: "real", gold: "fixtures/gold/real", scope: "whole", baseline: "real".into() },
        GoldSet {
            folder: "real",
            gold: "fixtures/gold/real/annex-only",
            scope: "annex",
            baseline: "real-annex".into(),
        },
        GoldSet { folder: "real-pdf", gold: "fixtures/gold/real", scope: "whole", baseline: "real-pdf".into() },
        GoldSet {
            folder: "real-pdf",
            gold: "fixtures/gold/real/annex-only",
            scope: "annex",
            baseline: "real-pdf-annex".into(),
        },
    ];
    seeds.chain(real).collect()
}

/// Whether baselines are to be rewritten with the current scores.
fn updating_baselines() -> bool {
    std::env::var("UPDATE_BASELINE").is_ok_and(|v| v == "1")
}

/// `sohoa eval`'s JSON summary for the converted `folder` against `gold`.
fn eval(folder: &str, gold: &str, scope: &str) -> Value {
    let pred = converted(folder);
    let gold_dir = if gold == "fixtures/gold" { gold_of(folder) } else { repo_root().join(gold) };
    let output = sohoa()
        .args(["eval", "--scope", scope, "--json", "--gold"])
        .arg(&gold_dir)
        .arg("--pred")
        .arg(&pred)
        .output()
        .expect("sohoa runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "sohoa eval failed:\n{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    eprintln!("== {folder} against {gold} ({scope})\n{stdout}");
    serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("last line is the JSON summary")
}

/// The summary of a form of the seeds.
fn scores(folder: &str) -> Value {
    eval(folder, "fixtures/gold", "whole")
}

/// The gold of the seeds `corpus/<folder>` holds: `fixtures/gold` itself, or for
/// a folder holding some seeds only (the JPEG scans), a copy of their gold files.
fn gold_of(folder: &str) -> std::path::PathBuf {
    let gold = repo_root().join("fixtures/gold");
    let held = |stem: &str| {
        repo_root()
            .join(format!("corpus/{folder}"))
            .read_dir()
            .expect("corpus folder")
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(stem))
    };
    let files: Vec<_> = gold
        .read_dir()
        .expect("fixtures/gold")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.jsonl"))
        .collect();
    let stem = |p: &std::path::Path| {
        p.file_name().map(|n| n.to_string_lossy().trim_end_matches(".gold.jsonl").to_string()).unwrap_or_default()
    };
    if files.iter().all(|p| held(&stem(p))) {
        return gold;
    }
    // One folder per call: the gate's tests run in parallel and each builds its own subsets.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let subset =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("gold-{folder}-{}-{call}", std::process::id()));
    let _ = std::fs::remove_dir_all(&subset);
    std::fs::create_dir_all(&subset).expect("gold subset folder is writable");
    for p in files.iter().filter(|p| held(&stem(p))) {
        std::fs::copy(p, subset.join(p.file_name().expect("a gold file has a name"))).expect("gold file copies");
    }
    subset
}

fn f1(summary: &Value, kind: &str) -> f64 {
    summary[kind]["f1"].as_f64().unwrap_or(0.0)
}

#[test]
fn every_gold_set_scores_at_least_its_baseline() {
    let mut drops = Vec::new();
    let mut rises = Vec::new();
    for set in gold_sets() {
        let summary = eval(set.folder, set.gold, set.scope);
        let path = repo_root().join(format!("fixtures/gold/baseline/{}.json", set.baseline));
        if updating_baselines() {
            let text = serde_json::to_string_pretty(&summary).expect("summary serializes") + "\n";
            std::fs::write(&path, text).expect("baseline is writable");
            eprintln!("UPDATE_BASELINE=1: rewrote {}", path.display());
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_BASELINE=1 writes it)", path.display()));
        let baseline: Value = serde_json::from_str(&text).expect("baseline is JSON");
        drops.extend(regressions(&baseline, &summary).into_iter().map(|d| format!("{}: {d}", set.baseline)));
        rises.extend(regressions(&summary, &baseline).into_iter().map(|d| format!("{}: {d}", set.baseline)));
    }
    if !rises.is_empty() {
        eprintln!("figures above their baseline (raise it with UPDATE_BASELINE=1):\n{}", rises.join("\n"));
    }
    assert!(drops.is_empty(), "scores fell below fixtures/gold/baseline/:\n{}", drops.join("\n"));
}

#[test]
fn every_form_of_the_seeds_meets_its_target() {
    let all: Vec<(&str, Value)> = FOLDERS.iter().map(|f| (*f, scores(f))).collect();
    let of = |name: &str| &all.iter().find(|(f, _)| *f == name).expect("folder scored").1;
    let mut misses = Vec::new();
    let pairs = [
        ("pdf", "seeds", 0.03),
        ("docx", "seeds", 0.02),
        ("tcvn3", "seeds", 0.01),
        ("vni", "seeds", 0.01),
        ("docx-tcvn3", "docx", 0.01),
        ("docx-vni", "docx", 0.01),
    ];
    for (copy, original, within) in pairs {
        misses.extend(
            not_within(of(copy), of(original), within).into_iter().map(|m| format!("{copy} vs {original}: {m}")),
        );
    }
    // Letterhead and signature as borderless tables (scripts/make_layout.py): every document field and task section as the text.
    for copy in ["docx-layout", "pdf-layout"] {
        misses.extend(
            fields_not_within(of(copy), of("seeds"), &[("document", None), ("task", Some("section"))], 0.01)
                .into_iter()
                .map(|m| format!("{copy} vs seeds: {m}")),
        );
    }
    for (kind, floor) in [("task", 0.80), ("citation", 0.85)] {
        let got = f1(of("scan"), kind);
        if got < floor {
            misses.push(format!("scan: {kind} F1 {got:.4} < {floor}"));
        }
    }
    for folder in ["scan-gray", "scan-color"] {
        for (kind, floor) in JPEG_SCAN_FLOORS {
            let got = f1(of(folder), kind);
            if got < floor {
                misses.push(format!("{folder}: {kind} F1 {got:.4} < {floor}"));
            }
        }
        let fields = of(folder)["document"]["fields"].as_object().cloned().unwrap_or_default();
        assert!(!fields.is_empty(), "{folder}: no document fields scored");
        for (field, got) in fields {
            let got = got.as_f64().unwrap_or(0.0);
            if got < JPEG_SCAN_DOCUMENT_FIELD_FLOOR {
                misses.push(format!("{folder}: document {field} {got:.4} < {JPEG_SCAN_DOCUMENT_FIELD_FLOOR}"));
            }
        }
    }
    assert!(misses.is_empty(), "targets missed:\n{}", misses.join("\n"));
}

/// The record types whose F1 in `copy` is more than `within` below `original`'s.
fn not_within(copy: &Value, original: &Value, within: f64) -> Vec<String> {
    TYPES
        .iter()
        .filter(|k| f1(copy, k) < f1(original, k) - within - EPSILON)
        .map(|k| format!("{k} F1 {:.4} vs {:.4}", f1(copy, k), f1(original, k)))
        .collect()
}

/// The field accuracies of `copy` more than `within` below `original`'s: every field of a
/// record type (`None`) or the one named.
fn fields_not_within(copy: &Value, original: &Value, which: &[(&str, Option<&str>)], within: f64) -> Vec<String> {
    let mut out = Vec::new();
    for (kind, only) in which {
        let Some(fields) = original[kind]["fields"].as_object() else { continue };
        for (field, v) in fields.iter().filter(|(f, _)| only.is_none_or(|o| o == f.as_str())) {
            let (was, now) = (v.as_f64().unwrap_or(0.0), copy[kind]["fields"][field].as_f64().unwrap_or(0.0));
            if now < was - within - EPSILON {
                out.push(format!("{kind}.{field} {now:.4} vs {was:.4}"));
            }
        }
    }
    out
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

/// A floor: a record type, its F1 floor, and fields (over matched records) with theirs.
type Target<'a> = (&'a str, f64, &'a [(&'a str, f64)]);

/// The real-documents issue's floors.
const REAL_TARGETS: [Target; 4] = [
    (
        "document",
        0.0,
        &[
            ("kind", 0.9),
            ("number", 0.9),
            ("issuer", 0.9),
            ("place", 0.9),
            ("date", 0.9),
            ("title", 0.9),
            ("year", 0.9),
            ("signer", 0.9),
            ("recipients", 0.9),
        ],
    ),
    ("task", 0.93, &[("lead", 0.9), ("partners", 0.9), ("deadline", 0.9)]),
    ("citation", 0.93, &[]),
    ("kpi", 0.85, &[]),
];

/// The figures of `summary` under the floors of `targets`.
fn below_targets(summary: &Value, targets: &[Target]) -> Vec<String> {
    let mut out = Vec::new();
    for (kind, floor, fields) in targets {
        if f1(summary, kind) < floor - EPSILON {
            out.push(format!("{kind} F1 {:.4} < {floor}", f1(summary, kind)));
        }
        for (field, floor) in *fields {
            let got = summary[kind]["fields"][field].as_f64().unwrap_or(0.0);
            if got < floor - EPSILON {
                out.push(format!("{kind}.{field} {got:.4} < {floor}"));
            }
        }
    }
    out
}

/// The five real documents, as Word files and rendered to PDF: the floors;
/// real 12's annex at tasks F1 ≥ 0.95.
#[test]
fn real_documents_meet_their_targets() {
    let mut misses = Vec::new();
    for folder in ["real", "real-pdf"] {
        misses.extend(
            below_targets(&eval(folder, "fixtures/gold/real", "whole"), &REAL_TARGETS)
                .into_iter()
                .map(|m| format!("{folder}: {m}")),
        );
        let annex = eval(folder, "fixtures/gold/real/annex-only", "annex");
        misses
            .extend(below_targets(&annex, &[("task", 0.95, &[])]).into_iter().map(|m| format!("{folder} annex: {m}")));
    }
    assert!(misses.is_empty(), "targets missed:\n{}", misses.join("\n"));
}

#[test]
fn targets_name_every_figure_under_its_floor() {
    let summary = serde_json::json!({"task": {"f1": 0.92, "fields": {"lead": 0.95, "partners": 0.5}}});
    let misses = below_targets(&summary, &[("task", 0.93, &[("lead", 0.9), ("partners", 0.9)])]);
    assert_eq!(misses, vec!["task F1 0.9200 < 0.93".to_string(), "task.partners 0.5000 < 0.9".to_string()]);
}

#[test]
fn a_lower_figure_is_a_regression() {
    let base = serde_json::json!({"task": {"f1": 0.9, "fields": {"lead": 0.8}}});
    let same = serde_json::json!({"task": {"f1": 0.9, "fields": {"lead": 0.8, "notes": 0.1}}});
    let worse = serde_json::json!({"task": {"f1": 0.95, "fields": {}}});
    assert!(regressions(&base, &same).is_empty());
    assert_eq!(regressions(&base, &worse).len(), 1);
}

#[test]
fn closeness_is_measured_per_record_type() {
    let original = serde_json::json!({"task": {"f1": 1.0}, "citation": {"f1": 0.99}, "kpi": {"f1": 1.0}});
    let copy = serde_json::json!({"task": {"f1": 0.985}, "citation": {"f1": 0.95}, "kpi": {"f1": 1.0}});
    assert_eq!(not_within(&copy, &original, 0.02).len(), 1, "only citations are more than 0.02 lower");
    assert!(not_within(&copy, &original, 0.05).is_empty());
}

#[test]
fn field_closeness_names_the_fields_that_fell() {
    let original = serde_json::json!({"document": {"fields": {"signer": 1.0, "place": 1.0}}, "task": {"fields": {"section": 1.0, "lead": 1.0}}});
    let copy = serde_json::json!({"document": {"fields": {"signer": 0.75, "place": 1.0}}, "task": {"fields": {"section": 1.0, "lead": 0.5}}});
    let misses = fields_not_within(&copy, &original, &[("document", None), ("task", Some("section"))], 0.01);
    assert_eq!(misses, ["document.signer 0.7500 vs 1.0000"]);
}
