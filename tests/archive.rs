//! The archive: a run killed (SIGKILL) at several points and run again ends
//! with the outputs and store of an undisturbed run; the README's three
//! questions answered from the store of `corpus/` (text folders, so it is fast);
//! `sohoa links` shows the commune → district → province chain; CLI manners.

mod common;

use common::{read_outputs, sohoa};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Text folders of the corpus converted together (their relative paths do not collide).
const INPUTS: [&str; 2] = ["corpus/seeds", "corpus/archive"];

fn convert(out: &Path, db: &Path) -> Command {
    let mut cmd = sohoa();
    cmd.arg("convert").args(INPUTS).arg("-o").arg(out).arg("--db").arg(db).args(["-j", "1", "-q"]);
    cmd
}

/// Every table of a store, as `sohoa export --format jsonl` writes it (rows in key order).
fn dump(db: &Path, dir: &Path) -> Vec<(String, String)> {
    let status = sohoa()
        .args(["export", "--format", "jsonl", "--db"])
        .arg(db)
        .arg(dir)
        .stderr(Stdio::null())
        .status()
        .expect("sohoa runs");
    assert!(status.success(), "export of {} failed", db.display());
    read_outputs(dir)
}

/// Lines of the manifest journal (documents finished so far).
fn finished(out: &Path) -> usize {
    std::fs::read_to_string(out.join(".sohoa/manifest.jsonl")).map_or(0, |t| t.lines().count())
}

#[test]
fn a_killed_run_run_again_equals_an_undisturbed_run() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (ref_out, ref_db) = (tmp.path().join("ref"), tmp.path().join("ref.sqlite"));
    let status = convert(&ref_out, &ref_db).status().expect("sohoa runs");
    assert_eq!(status.code(), Some(0));
    let want_outputs = read_outputs(&ref_out);
    assert_eq!(want_outputs.len(), 7);
    let want_store = dump(&ref_db, &tmp.path().join("ref-dump"));

    // kill points: at once, after 1, 3 and 6 of the 7 documents are finished, and
    // after the last (while citations are linked and the manifest rewritten, or after)
    for (k, after) in [0usize, 1, 3, 6, 7].into_iter().enumerate() {
        let (out, db) = (tmp.path().join(format!("run{k}")), tmp.path().join(format!("run{k}.sqlite")));
        let mut child = convert(&out, &db).spawn().expect("sohoa starts");
        let start = Instant::now();
        while finished(&out) < after && start.elapsed() < Duration::from_secs(120) {
            if child.try_wait().expect("waits").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let _ = child.kill(); // SIGKILL; the run may already have ended
        let _ = child.wait();
        let status = convert(&out, &db).status().expect("sohoa runs again");
        assert_eq!(status.code(), Some(0), "re-run after a kill at {after} documents");
        assert!(read_outputs(&out) == want_outputs, "outputs differ after a kill at {after} documents");
        let got_store = dump(&db, &tmp.path().join(format!("run{k}-dump")));
        assert!(got_store == want_store, "store differs after a kill at {after} documents");
        assert_eq!(std::fs::read_dir(out.join(".sohoa/tmp")).expect("temp folder").count(), 0);
    }
}

/// The store of the text folders of the corpus, made once per test.
fn corpus_store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("corpus.sqlite");
    let status = convert(&dir.join("out"), &db).status().expect("sohoa runs");
    assert_eq!(status.code(), Some(0));
    db
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("sohoa runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn readme_questions_are_answered_by_the_store() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let db = corpus_store(tmp.path());

    // 1. Which tasks are about drug prevention ("phòng, chống ma túy"), and who leads them?
    let text = stdout_of(sohoa().args(["search", "phong chong ma tuy", "--type", "task", "--json", "--db"]).arg(&db));
    let hits: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    let paths: Vec<&str> = hits.iter().filter_map(|h| h["path"].as_str()).collect();
    assert!(paths.contains(&"hungyen/anthi/2025/QD528_kiemsoat_TTHC_huyen.txt"), "{paths:?}");
    assert!(paths.contains(&"hungyen/2024/KH215_kiemsoat_TTHC_tinh.txt"), "{paths:?}");
    assert!(hits.iter().all(|h| h["line"].as_i64().is_some_and(|l| l > 0)));
    let led = stdout_of(sohoa().args(["search", "ma tuy", "--lead", "cong an huyen", "--json", "--db"]).arg(&db));
    assert_eq!(led.lines().count(), 1, "{led}");

    // 2. Which units lead tasks due in the first quarter of 2025, and how many? (the README's SQL)
    let conn = rusqlite::Connection::open(&db).expect("opens");
    let mut stmt = conn
        .prepare(
            "SELECT u.unit, COUNT(*) FROM tasks t JOIN task_units u ON u.path = t.path AND u.task_id = t.id AND u.role = 'lead' \
             WHERE t.deadline_end BETWEEN '2025-01-01' AND '2025-03-31' GROUP BY u.unit ORDER BY 2 DESC, 1",
        )
        .expect("prepares");
    let rows: Vec<(String, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("runs").map(|r| r.expect("row")).collect();
    assert!(rows.iter().any(|(u, n)| u == "Công an huyện" && *n == 1), "{rows:?}");
    assert!(rows.iter().any(|(u, _)| u == "UBND các xã, thị trấn"), "{rows:?}");

    // 3. Which documents of the archive does each one cite? (sohoa links)
    let links = stdout_of(sohoa().args(["links", "--json", "--db"]).arg(&db));
    let pairs: Vec<(String, String)> = links
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON"))
        .map(|v| (v["from"].as_str().unwrap_or("").to_string(), v["to"].as_str().unwrap_or("").to_string()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("000_1565e888bd593adb.txt".to_string(), "hungyen/anthi/2025/QD528_kiemsoat_TTHC_huyen.txt".to_string()),
            (
                "hungyen/anthi/2025/QD528_kiemsoat_TTHC_huyen.txt".to_string(),
                "hungyen/2024/KH215_kiemsoat_TTHC_tinh.txt".to_string()
            ),
        ]
    );

    // ... and the README's DuckDB query over the CSVs, here over the same tables of the store
    let mut stmt = conn
        .prepare(
            "SELECT c.path AS cites, c.target_path AS cited, d.number, d.issuer, count(t.id) AS tasks_of_cited \
             FROM citations c JOIN documents d ON d.path = c.target_path LEFT JOIN tasks t ON t.path = c.target_path \
             WHERE c.target_path IS NOT NULL GROUP BY c.path, c.target_path, d.number, d.issuer ORDER BY cites",
        )
        .expect("prepares");
    let rows: Vec<(String, String, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(2)?, r.get(4)?))).expect("runs").map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!((rows[0].1.as_str(), rows[1].1.as_str()), ("528/QĐ-UBND", "215/KH-UBND"));
    assert!(rows.iter().all(|(_, _, tasks)| *tasks >= 3), "{rows:?}");

    // the CSV export the README reads with DuckDB: one file per table, a header row
    let csv = tmp.path().join("csv");
    let status = sohoa()
        .args(["export", "--format", "csv", "--db"])
        .arg(&db)
        .arg(&csv)
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    assert!(status.success());
    let tasks = std::fs::read_to_string(csv.join("tasks.csv")).expect("tasks.csv");
    assert!(tasks.starts_with("path,doc_id,id,doc_number,doc_issuer,doc_year,"), "{}", &tasks[..80.min(tasks.len())]);
}

#[test]
fn reruns_skip_unchanged_inputs_and_notice_changes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let src = tmp.path().join("src");
    std::fs::create_dir_all(src.join("2025/sonv")).expect("mkdir");
    let plan =
        std::fs::read(common::repo_root().join("corpus/archive/hungyen/anthi/2025/QD528_kiemsoat_TTHC_huyen.txt"))
            .expect("fixture");
    std::fs::write(src.join("2025/sonv/KH.txt"), &plan).expect("write");
    std::fs::write(src.join("KH.txt"), &plan).expect("write");
    let out = tmp.path().join("out");
    let run = |extra: &[&str]| {
        let o = sohoa().arg("convert").arg(&src).arg("-o").arg(&out).args(extra).output().expect("runs");
        (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let (code, _) = run(&[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        read_outputs(&out).iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["2025/sonv/KH.jsonl", "KH.jsonl"]
    );
    let (_, log) = run(&[]);
    assert!(log.contains("0 documents") && log.contains("2 unchanged"), "{log}");
    std::fs::write(src.join("KH.txt"), [plan.as_slice(), b"\n"].concat()).expect("change");
    std::fs::remove_file(src.join("2025/sonv/KH.txt")).expect("remove");
    let (_, log) = run(&[]);
    assert!(log.contains("1 documents") && log.contains("1 gone"), "{log}");
    let (_, log) = run(&["--force", "--prune"]);
    assert!(log.contains("1 documents") && log.contains("1 gone (pruned)"), "{log}");
    assert_eq!(read_outputs(&out).len(), 1);
}

#[test]
fn usage_errors_exit_2_with_a_clear_message() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = sohoa().args(["convert", "corpus/no-such-folder", "-o"]).arg(tmp.path()).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file or folder"));
    // two roots whose files would write the same outputs
    let out = sohoa().args(["convert", "corpus/seeds", "corpus/tcvn3", "-o"]).arg(tmp.path()).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let help = sohoa().args(["--help"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit status"));
    let completions = sohoa().args(["completions", "bash"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&completions.stdout).contains("sohoa"));
    let man = sohoa().args(["man"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH"));
}

#[test]
fn a_second_run_on_one_folder_is_refused_while_the_first_holds_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    std::fs::create_dir_all(out.join(".sohoa")).expect("mkdir");
    // hold the lock the way a run does (flock), from a child process that sleeps
    let lock = out.join(".sohoa/lock");
    let mut holder = Command::new("flock").arg(&lock).args(["sleep", "30"]).spawn().expect("flock(1) runs");
    let start = Instant::now();
    let mut refused = None;
    while start.elapsed() < Duration::from_secs(10) {
        let o = sohoa().args(["convert", "corpus/archive", "-o"]).arg(&out).output().expect("runs");
        if o.status.code() == Some(2) {
            refused = Some(String::from_utf8_lossy(&o.stderr).into_owned());
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = holder.kill();
    let _ = holder.wait();
    let msg = refused.expect("the second run was refused");
    assert!(msg.contains("another sohoa run"), "{msg}");
}
