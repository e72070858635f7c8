//! Every stage's diagnostics reach the user: `sohoa convert -v` and `sohoa text -v` print
//! them as `path: stage code: message (span)` lines on stderr, and the document's manifest
//! entry counts them per code; the records themselves do not change.

use std::path::Path;
use std::process::{Command, Output};

const SOHOA: &str = env!("CARGO_BIN_EXE_sohoa");

/// A plan with a table that has no header row (segment reads it as text) and a task whose
/// deadline names no time (map keeps it raw).
const PLAN: &str = "KẾ HOẠCH\nCải cách hành chính năm 2026\n\n\
Hội nghị sơ kết\tQuý II\nHội nghị tổng kết\tQuý IV\n\n\
II. NHIỆM VỤ\n\n\
STT\tNội dung\tĐơn vị chủ trì\tThời gian hoàn thành\n\
1\tRà soát thủ tục hành chính\tSở Nội vụ\tTheo chỉ đạo của tỉnh\n\
2\tBan hành quy chế\tSở Tư pháp\tQuý II/2026\n";

fn run(args: &[&str], cwd: &Path) -> Output {
    let out = Command::new(SOHOA).args(args).current_dir(cwd).output().expect("sohoa runs");
    assert!(out.status.success(), "sohoa {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr).lines().map(str::to_string).collect()
}

const EXPECTED: [&str; 2] = [
    "plan.txt: segment segment.table_as_text: a table of 2 rows without a header row read as paragraphs (line 4)",
    "plan.txt: map map.deadline_uncoded: deadline \"Theo chỉ đạo của tỉnh\" of task t1 names no time (line 10)",
];

#[test]
fn convert_verbose_prints_them_and_the_manifest_counts_them() {
    let dir = tempfile::tempdir().expect("a temp dir"); // invariant: tests may fail loudly on a broken /tmp
    std::fs::write(dir.path().join("plan.txt"), PLAN).expect("a temp file");
    let out = run(&["convert", "-v", "--jobs", "1", "plan.txt", "-o", "out"], dir.path());
    let lines = stderr_lines(&out);
    let printed: Vec<&str> = lines.iter().map(String::as_str).filter(|l| l.starts_with("plan.txt: ")).collect();
    assert_eq!(printed, EXPECTED);

    let manifest = std::fs::read_to_string(dir.path().join("out/.sohoa/manifest.jsonl")).expect("a manifest");
    let entry: serde_json::Value =
        serde_json::from_str(manifest.lines().next().expect("one entry")).expect("a JSON line");
    assert_eq!(entry["diagnostics"], serde_json::json!({"map.deadline_uncoded": 1, "segment.table_as_text": 1}));
    assert_eq!(entry["status"], "ok");

    let quiet = run(&["convert", "--force", "--jobs", "1", "plan.txt", "-o", "out2"], dir.path());
    assert!(stderr_lines(&quiet).iter().all(|l| !l.starts_with("plan.txt: ")), "diagnostics only with -v");
    let a = std::fs::read_to_string(dir.path().join("out/plan.jsonl")).expect("output");
    let b = std::fs::read_to_string(dir.path().join("out2/plan.jsonl")).expect("output");
    assert_eq!(a, b, "-v changes no record");
    assert!(a.lines().all(|l| !l.contains("diagnostic")), "records carry no diagnostics field");
}

#[test]
fn text_verbose_prints_them() {
    let dir = tempfile::tempdir().expect("a temp dir"); // invariant: tests may fail loudly on a broken /tmp
    std::fs::write(dir.path().join("plan.txt"), PLAN).expect("a temp file");
    let out = run(&["text", "-v", "plan.txt"], dir.path());
    assert_eq!(stderr_lines(&out), EXPECTED);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("KẾ HOẠCH\n"));
    let plain = run(&["text", "plan.txt"], dir.path());
    assert!(plain.stderr.is_empty(), "nothing on stderr without -v");
}

#[test]
fn a_manifest_without_diagnostics_reads_and_writes_none() {
    let dir = tempfile::tempdir().expect("a temp dir"); // invariant: tests may fail loudly on a broken /tmp
    std::fs::write(dir.path().join("clean.txt"), "KẾ HOẠCH\nCải cách hành chính năm 2026\n").expect("a temp file");
    run(&["convert", "--jobs", "1", "clean.txt", "-o", "out"], dir.path());
    let manifest = std::fs::read_to_string(dir.path().join("out/.sohoa/manifest.jsonl")).expect("a manifest");
    assert!(!manifest.contains("\"diagnostics\""), "{manifest}");
    // a re-run reads that manifest back and skips the unchanged input
    let again = run(&["convert", "--jobs", "1", "clean.txt", "-o", "out"], dir.path());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("1 unchanged"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}
