//! The one golden-file harness of sohoa's tests (the record goldens, the
//! per-stage outline goldens, the reader dumps): a rendering is compared with
//! its reviewed copy, and `UPDATE_EXPECT=1` rewrites the copy instead.
//!
//! The rule is the same everywhere: only the exact value `1` rewrites, any other
//! value (or none) compares. Score baselines are not goldens: they move only
//! with `UPDATE_BASELINE=1` (see `tests/gold_gate.rs`), never through this crate.

mod render;

pub use render::{plain_text, render, PlainText, TableText};
use similar::TextDiff;
use std::path::Path;

/// Lines of diff shown per file before the rest is cut.
pub const MAX_DIFF_LINES: usize = 80;

/// Whether goldens are to be rewritten instead of compared (`UPDATE_EXPECT=1`).
pub fn updating() -> bool {
    std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1")
}

/// Compares `actual` with the golden file at `path`; under [`updating`] writes
/// it instead (creating its folder). Returns a message with a unified diff when
/// they differ, or when the golden is missing.
///
/// # Errors
/// The message, with a unified diff, when `actual` differs from the golden or the golden
/// is missing; when updating, a write error.
pub fn check(path: &Path, actual: &str) -> Result<(), String> {
    if updating() {
        return write(path, actual);
    }
    match std::fs::read_to_string(path) {
        Ok(want) if want == actual => Ok(()),
        Ok(want) => Err(diff(&shown(path), &want, actual)),
        Err(e) => {
            Err(format!("{}: no golden yet ({e}); run with UPDATE_EXPECT=1 and review the new file", path.display()))
        }
    }
}

/// `path` from its `fixtures/` folder on, for short diff headers.
fn shown(path: &Path) -> String {
    let full = path.display().to_string();
    full.find("fixtures/").map_or(full.clone(), |i| full[i..].to_string())
}

/// Writes `actual` to `path`, creating its folder.
fn write(path: &Path, actual: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, actual).map_err(|e| format!("{}: {e}", path.display()))
}

/// A unified diff of `want` against `got`, cut after [`MAX_DIFF_LINES`] lines.
pub fn diff(name: &str, want: &str, got: &str) -> String {
    let text = TextDiff::from_lines(want, got)
        .unified_diff()
        .context_radius(1)
        .header(&format!("expected/{name}"), &format!("actual/{name}"))
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= MAX_DIFF_LINES {
        return text;
    }
    format!("{}\n... {} more diff lines\n", lines[..MAX_DIFF_LINES].join("\n"), lines.len() - MAX_DIFF_LINES)
}

/// Panics with every problem, one block each, when there is any; `what` names
/// the goldens and `refresh` the command that rewrites them.
///
/// # Panics
/// When `problems` is not empty: that is the test failing.
pub fn assert_no_problems(problems: &[String], what: &str, refresh: &str) {
    assert!(
        problems.is_empty(),
        "{} {what} differ from their goldens:\n\n{}\n\nIf the change is intended, review it and run `{refresh}`.",
        problems.len(),
        problems.join("\n")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_differing_golden_gives_a_diff_naming_the_file() {
        let dir = std::env::temp_dir().join(format!("sohoa-golden-{}", std::process::id()));
        let path = dir.join("a.txt");
        write(&path, "one\ntwo\n").expect("temp dir is writable");
        if !updating() {
            let err = check(&path, "one\nthree\n").expect_err("a different text is a problem");
            assert!(err.contains("a.txt") && err.contains("-two") && err.contains("+three"), "{err}");
            assert!(check(&path, "one\ntwo\n").is_ok());
            assert!(check(&dir.join("missing.txt"), "x").is_err());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_long_diff_is_cut() {
        let want: String = (0..200).map(|i| format!("{i}\n")).collect();
        let got: String = (0..200).map(|i| format!("x{i}\n")).collect();
        let d = diff("f", &want, &got);
        assert!(d.lines().count() <= MAX_DIFF_LINES + 2 && d.contains("more diff lines"), "{d}");
    }
}
