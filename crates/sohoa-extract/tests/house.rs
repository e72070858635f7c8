//! The house rule of the readers: a reader imports the kit (`src/kit/`), the
//! model, the normalizer and the engines, never another reader; the kit and
//! the OCR engine import no reader. Every `.rs` file under each folder is read
//! and every path through `crate::` or a chain of `super::` is checked.

use std::path::{Path, PathBuf};

/// The format readers, one folder each under `src/`.
const READERS: [&str; 6] = ["doc", "docx", "pdf", "rtf", "sheet", "text"];

/// Shared code the readers use, which must use no reader: the reader kit and
/// the OCR engine (page images to words; the PDF reader drives it).
const SHARED: [&str; 2] = ["kit", "ocr"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// The first segment of every path in a `{a::b, c, d::{e, f}}` group opening `s`.
fn group_heads(s: &str) -> Vec<&str> {
    let (mut heads, mut depth, mut expect_head) = (Vec::new(), 0usize, false);
    for (i, c) in s.char_indices() {
        match c {
            '{' => {
                depth += 1;
                expect_head = depth == 1;
            }
            '}' if depth <= 1 => break,
            '}' => depth -= 1,
            ',' if depth == 1 => expect_head = true,
            c if expect_head && (c.is_alphanumeric() || c == '_') => {
                heads.push(ident(&s[i..]));
                expect_head = false;
            }
            _ => {}
        }
    }
    heads
}

/// The module each `crate::` or `super::` path in `source` names first
/// (after the whole `super::` chain), with its line number.
fn path_heads(source: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        for prefix in ["crate::", "super::"] {
            let mut from = 0;
            while let Some(at) = line[from..].find(prefix) {
                let start = from + at;
                from = start + prefix.len();
                let before = line[..start].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue; // inside a longer path (`super::super::`, `x::crate::`)
                }
                let mut rest = &line[from..];
                while let Some(r) = rest.strip_prefix("super::") {
                    rest = r;
                }
                if rest.starts_with('{') {
                    // a group may run over several lines: read on in the source
                    let offset = source.lines().take(n).map(|l| l.len() + 1).sum::<usize>() + (line.len() - rest.len());
                    out.extend(group_heads(&source[offset..]).into_iter().map(|h| (n + 1, h)));
                } else {
                    out.push((n + 1, ident(rest)));
                }
            }
        }
    }
    out
}

/// The lines of `source` that reach a reader other than `own` (`""` for shared code).
fn arrows(source: &str, own: &str) -> Vec<String> {
    path_heads(source)
        .into_iter()
        .filter(|(_, head)| *head != own && READERS.contains(head))
        .map(|(line, head)| format!("line {line}: uses the {head} reader"))
        .collect()
}

/// Every arrow from the files under `src/<folder>`, each named by its file.
fn arrows_from(folder: &str, own: &str) -> Vec<String> {
    let dir = src().join(folder);
    assert!(dir.is_dir(), "{} is missing", dir.display());
    let files = rust_files(&dir);
    assert!(!files.is_empty(), "no source under {}", dir.display());
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        out.extend(arrows(&text, own).into_iter().map(|a| format!("{}: {a}", file.display())));
    }
    out
}

#[test]
fn no_reader_imports_another_reader() {
    let found: Vec<String> = READERS.iter().flat_map(|r| arrows_from(r, r)).collect();
    assert!(found.is_empty(), "readers import each other; share it through src/kit/ instead:\n{}", found.join("\n"));
}

#[test]
fn the_kit_and_the_ocr_engine_import_no_reader() {
    let found: Vec<String> = SHARED.iter().flat_map(|s| arrows_from(s, "")).collect();
    assert!(found.is_empty(), "shared code imports a reader:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_every_way_of_naming_a_reader() {
    let bad = [
        "use crate::docx::SafeZip;",
        "use crate::{docx::{Deadline, SafeZip}, error::ExtractError};",
        "use crate::{\n    error::ExtractError,\n    doc::sink::BlockSink,\n};",
        "    crate::doc::furniture::distinct(stories)",
        "use super::super::rtf::Lexer;",
        "let x = crate::pdf::read(b, o);",
    ];
    for line in bad {
        assert_eq!(arrows(line, "sheet").len(), 1, "not caught: {line}");
    }
    let fine = [
        "use crate::kit::{Budget, SafeZip};",
        "use crate::sheet::grid::MAX_CELLS;",
        "use super::super::quality;",
        "use crate::{error::ExtractError, model::Block};",
        "// the docx reader shares this with the sheet reader",
        "use crate::ocr::{self, OcrPage};",
    ];
    for line in fine {
        assert_eq!(arrows(line, "sheet"), Vec::<String>::new(), "wrongly caught: {line}");
    }
}
