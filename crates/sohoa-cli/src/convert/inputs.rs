//! Which files a `convert` run reads, and the output file name of each.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The files to convert, in command-line order (folders walked in name order).
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    /// Files inside folders whose extension names no format sohoa reads.
    pub skipped: Vec<PathBuf>,
}

/// Expands folders recursively. Hidden entries inside folders are ignored and
/// symlinked folders are not followed; a path named on the command line is
/// always converted, whatever its extension (a missing one gives an error record).
pub fn collect(paths: &[PathBuf]) -> Inputs {
    let mut inputs = Inputs::default();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut inputs);
        } else {
            inputs.files.push(path.clone());
        }
    }
    inputs
}

fn walk(dir: &Path, inputs: &mut Inputs) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        inputs.files.push(dir.to_path_buf());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let is_link = path.symlink_metadata().map(|m| m.file_type().is_symlink()).unwrap_or(false);
        if path.is_dir() {
            if !is_link {
                walk(&path, inputs);
            }
        } else if sohoa_extract::detect::detect(&name, b"").is_some() {
            inputs.files.push(path);
        } else {
            inputs.skipped.push(path);
        }
    }
}

/// One output name per input: `<file stem>`, or `<file stem>-N` for the Nth
/// input of the run with an already used stem (`warnings` say so).
pub fn output_names(files: &[PathBuf]) -> (Vec<String>, Vec<String>) {
    let mut used = HashSet::new();
    let mut names = Vec::with_capacity(files.len());
    let mut warnings = Vec::new();
    for file in files {
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "input".into());
        let mut name = stem.clone();
        let mut n = 1;
        while !used.insert(name.clone()) {
            n += 1;
            name = format!("{stem}-{n}");
        }
        if name != stem {
            warnings.push(format!("{} has the same name as an earlier input; written to {name}.jsonl", file.display()));
        }
        names.push(name);
    }
    (names, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_stems_get_numbered_suffixes() {
        let files: Vec<PathBuf> = ["a/x.pdf", "b/x.docx", "y.txt", "c/x.txt"].iter().map(PathBuf::from).collect();
        let (names, warnings) = output_names(&files);
        assert_eq!(names, ["x", "x-2", "y", "x-3"]);
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn folders_skip_hidden_and_unknown_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["b.txt", "a.pdf", ".hidden.txt", "notes.tsv", "sub/c.docx"] {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
            std::fs::write(p, b"x").expect("write");
        }
        let inputs = collect(&[dir.path().to_path_buf()]);
        let names: Vec<String> = inputs.files.iter().map(|p| p.strip_prefix(dir.path()).expect("inside").display().to_string()).collect();
        assert_eq!(names, ["a.pdf", "b.txt", "sub/c.docx"]);
        assert_eq!(inputs.skipped.len(), 1);
    }
}
