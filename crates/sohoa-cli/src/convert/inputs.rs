//! Which files a `convert` run reads, and where each one's output goes: the
//! output mirrors the input's path relative to the root it was found under.

use crate::UsageError;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as given or found (what `source.path` records).
    pub path: PathBuf,
    /// The path relative to its root (`/` separated): the key of the manifest and the store.
    pub rel: String,
    /// The output key: the path relative to its root, extension replaced by
    /// `.jsonl` (`/` separated); a folder's own name is not part of it.
    pub out: String,
}

/// The files to convert, in command-line order (folders walked in name order).
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<Input>,
    /// Files inside folders whose extension names no format sohoa reads.
    pub skipped: Vec<PathBuf>,
    /// Notes about output names (same stems in one folder).
    pub warnings: Vec<String>,
}

/// `--include` / `--exclude` globs, matched against the path relative to its root
/// and against the file name.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// Compiled [`Filters`].
struct Matcher {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Matcher {
    fn new(f: &Filters) -> Result<Self, UsageError> {
        let include = if f.include.is_empty() { None } else { Some(glob_set(&f.include)?) };
        Ok(Matcher { include, exclude: glob_set(&f.exclude)? })
    }

    /// Whether a file (relative path `rel`) is converted.
    fn wants(&self, rel: &Path) -> bool {
        let name = rel.file_name().map_or(rel, Path::new);
        let hit = |set: &GlobSet| set.is_match(rel) || set.is_match(name);
        self.include.as_ref().is_none_or(hit) && !hit(&self.exclude)
    }
}

fn glob_set(globs: &[String]) -> Result<GlobSet, UsageError> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| UsageError(format!("bad glob {g:?}: {e}")))?);
    }
    b.build().map_err(|e| UsageError(format!("bad globs: {e}")))
}

/// Expands folders recursively. Hidden entries inside folders are ignored and
/// symlinked folders are not followed; a file named on the command line is
/// always converted, whatever its extension. A path that does not exist is a
/// usage error, and so are two inputs that would write the same output.
pub fn collect(paths: &[PathBuf], filters: &Filters) -> Result<Inputs, UsageError> {
    let matcher = Matcher::new(filters)?;
    let mut inputs = Inputs::default();
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, path, &matcher, &mut found, &mut inputs.skipped);
        } else if path.exists() {
            let name = path.file_name().map_or_else(|| path.clone(), PathBuf::from);
            found.push((path.clone(), name));
        } else {
            return Err(UsageError(format!("{}: no such file or folder", path.display())));
        }
    }
    let (files, warnings) = name_outputs(found)?;
    inputs.files = files;
    inputs.warnings = warnings;
    Ok(inputs)
}

fn walk(root: &Path, dir: &Path, matcher: &Matcher, found: &mut Vec<(PathBuf, PathBuf)>, skipped: &mut Vec<PathBuf>) {
    let rel_of = |p: &Path| p.strip_prefix(root).map_or_else(|_| p.to_path_buf(), Path::to_path_buf);
    let Ok(entries) = std::fs::read_dir(dir) else {
        found.push((dir.to_path_buf(), rel_of(dir)));
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let is_link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() {
            if !is_link {
                walk(root, &path, matcher, found, skipped);
            }
        } else if !matcher.wants(&rel_of(&path)) {
            continue;
        } else if sohoa_extract::detect::detect(&name, b"").is_some() {
            let rel = rel_of(&path);
            found.push((path, rel));
        } else {
            skipped.push(path);
        }
    }
}

/// The output key of each `(path, relative path)`: `<rel without extension>.jsonl`,
/// or `<rel>.jsonl` (extension kept) for every file of a folder whose stem another
/// file of that folder shares. Two inputs with one key (the same relative path
/// under two roots) are a usage error: one would overwrite the other.
fn name_outputs(found: Vec<(PathBuf, PathBuf)>) -> Result<(Vec<Input>, Vec<String>), UsageError> {
    // distinct relative paths per stem (one path under two roots is a collision, not a shared stem)
    let mut stems: HashMap<String, HashSet<String>> = HashMap::new();
    for (_, rel) in &found {
        stems.entry(slash(&rel.with_extension(""))).or_default().insert(slash(rel));
    }
    let mut warnings = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut files = Vec::with_capacity(found.len());
    for (path, rel) in found {
        let stem = slash(&rel.with_extension(""));
        let out = if stems[&stem].len() > 1 {
            warnings.push(format!(
                "{} shares its stem with another file of its folder: written to {}.jsonl",
                path.display(),
                slash(&rel)
            ));
            format!("{}.jsonl", slash(&rel))
        } else {
            format!("{stem}.jsonl")
        };
        if let Some(first) = seen.insert(out.clone(), path.clone()) {
            if first != path {
                return Err(UsageError(format!(
                    "{} and {} would both be written to {out}: convert them into different --out folders, or name their common parent folder",
                    first.display(),
                    path.display()
                )));
            }
            continue;
        }
        files.push(Input { path, rel: slash(&rel), out });
    }
    Ok((files, warnings))
}

/// A relative path with `/` separators.
fn slash(p: &Path) -> String {
    p.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in names {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
            std::fs::write(p, b"x").expect("write");
        }
        dir
    }

    fn outs(inputs: &Inputs) -> Vec<&str> {
        inputs.files.iter().map(|i| i.out.as_str()).collect()
    }

    #[test]
    fn folders_mirror_and_skip_hidden_and_unknown_files() {
        let dir = tree(&["b.txt", "a.pdf", ".hidden.txt", "notes.tsv", "sub/c.docx", "sub/deeper/b.txt"]);
        let inputs = collect(&[dir.path().to_path_buf()], &Filters::default()).expect("collects");
        assert_eq!(outs(&inputs), ["a.jsonl", "b.jsonl", "sub/c.jsonl", "sub/deeper/b.jsonl"]);
        assert_eq!(inputs.skipped.len(), 1);
        assert!(inputs.warnings.is_empty());
    }

    #[test]
    fn same_stem_in_one_folder_keeps_extensions() {
        let dir = tree(&["x.pdf", "x.docx", "y.txt"]);
        let inputs = collect(&[dir.path().to_path_buf()], &Filters::default()).expect("collects");
        assert_eq!(outs(&inputs), ["x.docx.jsonl", "x.pdf.jsonl", "y.jsonl"]);
        assert_eq!(inputs.warnings.len(), 2);
    }

    #[test]
    fn a_file_gives_its_stem_and_a_missing_path_is_a_usage_error() {
        let dir = tree(&["2024/sonv/KH.txt", "2025/sonv/KH.txt"]);
        let file = dir.path().join("2024/sonv/KH.txt");
        let inputs = collect(std::slice::from_ref(&file), &Filters::default()).expect("collects");
        assert_eq!(outs(&inputs), ["KH.jsonl"]);
        assert!(collect(&[dir.path().join("nope.txt")], &Filters::default()).is_err());
        let both = [dir.path().join("2024"), dir.path().join("2025")];
        let err = collect(&both, &Filters::default()).expect_err("same outputs");
        assert!(err.0.contains("sonv/KH.jsonl"), "{}", err.0);
        let parent = collect(&[dir.path().to_path_buf()], &Filters::default()).expect("collects");
        assert_eq!(outs(&parent), ["2024/sonv/KH.jsonl", "2025/sonv/KH.jsonl"]);
    }

    #[test]
    fn include_and_exclude_globs() {
        let dir = tree(&["a.pdf", "b.txt", "sub/c.txt", "sub/draft/d.txt"]);
        let filters = Filters { include: vec!["*.txt".into()], exclude: vec!["**/draft/**".into()] };
        let inputs = collect(&[dir.path().to_path_buf()], &filters).expect("collects");
        assert_eq!(outs(&inputs), ["b.jsonl", "sub/c.jsonl"]);
    }
}
