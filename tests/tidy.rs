//! Habits as checks over the source tree (rust-analyzer's `tidy`): every Rust
//! file opens with a `//!` line, every `#[ignore]` gives its reason, and every
//! `#[test]` asserts something that can fail. `cargo fmt --check` and clippy
//! (with the workspace's lint table) run beside it in `make test`.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The project's own Rust files: crates, workspace tests, fuzz targets.
fn rust_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for top in ["crates", "tests", "fuzz/fuzz_targets"] {
        walk(&repo().join(top), &mut out);
    }
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name == "target" || name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

fn shown(path: &Path) -> String {
    path.strip_prefix(repo()).unwrap_or(path).display().to_string()
}

/// `None` when the first non-blank line is a `//!` line, else a complaint.
fn module_doc_problem(path: &Path, text: &str) -> Option<String> {
    let first = text.lines().find(|l| !l.trim().is_empty());
    (!first.is_some_and(|l| l.starts_with("//!"))).then(|| format!("{}: no `//!` line at the top", shown(path)))
}

/// Every bare `#[ignore]` (one without `= "reason"`).
fn ignore_problems(path: &Path, text: &str) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "#[ignore]")
        .map(|(i, _)| format!("{}:{}: `#[ignore]` without a reason (write `#[ignore = \"why\"]`)", shown(path), i + 1))
        .collect()
}

/// Words that make a test body able to fail: assertions, panics, expected
/// errors, and the golden checks of `sohoa_golden` or a local `check_*` helper.
const FAILING_WORDS: &[&str] = &["assert", "panic!", "unreachable!", "expect_err", "check"];

/// Every `#[test]` function whose body holds none of [`FAILING_WORDS`]. The
/// body is the lines up to the closing brace at the `fn` line's indentation
/// (rustfmt'd code).
fn weak_test_problems(path: &Path, text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, _) in lines.iter().enumerate().filter(|(_, l)| l.trim() == "#[test]") {
        let Some((f, fn_line)) =
            lines.iter().enumerate().skip(i + 1).find(|(_, l)| l.trim_start().starts_with("fn ") || l.contains(" fn "))
        else {
            continue;
        };
        let indent = &fn_line[..fn_line.len() - fn_line.trim_start().len()];
        let close = format!("{indent}}}");
        let end = lines.iter().skip(f + 1).position(|l| *l == close).map_or(lines.len(), |p| f + 1 + p);
        let body = lines[f..end].join("\n");
        if !FAILING_WORDS.iter().any(|w| body.contains(w)) {
            let name = fn_line.trim().split(['(', '<']).next().unwrap_or(fn_line);
            out.push(format!("{}:{}: `{name}` asserts nothing that can fail", shown(path), i + 1));
        }
    }
    out
}

#[test]
fn the_source_tree_keeps_its_habits() {
    let files = rust_files();
    assert!(files.len() > 100, "only {} Rust files found under {}", files.len(), repo().display());
    let mut problems = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", shown(path)));
        problems.extend(module_doc_problem(path, &text));
        problems.extend(ignore_problems(path, &text));
        problems.extend(weak_test_problems(path, &text));
    }
    assert!(problems.is_empty(), "{} tidy problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn tidy_catches_each_habit_broken() {
    let p = Path::new("x.rs");
    assert!(module_doc_problem(p, "// plain comment\nfn a() {}\n").is_some());
    assert!(module_doc_problem(p, "\n//! Doc.\nfn a() {}\n").is_none());
    assert_eq!(ignore_problems(p, "#[test]\n#[ignore]\nfn a() {}\n").len(), 1);
    assert!(ignore_problems(p, "#[test]\n#[ignore = \"slow\"]\nfn a() {}\n").is_empty());
    let weak = "#[test]\nfn a() {\n    let x = 1 + 1;\n    println!(\"{x}\");\n}\n\n#[test]\nfn b() {\n    assert_eq!(1, 1);\n}\n";
    let found = weak_test_problems(p, weak);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("fn a"), "{found:?}");
    let nested = "mod t {\n    #[test]\n    fn c() {\n        if true {\n        }\n    }\n}\n";
    assert_eq!(weak_test_problems(p, nested).len(), 1);
}
