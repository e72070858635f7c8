//! `--shard I/N`: the I-th of N deterministic slices of a run's inputs, so job
//! arrays (Kubernetes Indexed Jobs, Slurm arrays, GNU parallel) can split an
//! archive. A file's slice comes from a stable hash of its path relative to
//! the input it was found under, so the split does not depend on where the
//! archive is mounted, on the machine or on the sohoa build; output names are
//! chosen over the whole list first, so N slices write what one run writes.

#[cfg(test)]
use super::inputs::Input;
use super::inputs::Inputs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// One slice: `index` in `1..=count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let usage = || format!("{s:?} is not I/N with 1 <= I <= N (e.g. 2/4)");
        let (i, n) = s.split_once('/').ok_or_else(usage)?;
        let (index, count) =
            (i.trim().parse::<u32>().map_err(|_| usage())?, n.trim().parse::<u32>().map_err(|_| usage())?);
        if index == 0 || index > count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the file named `relative` (its path under its input root) is in this slice.
    pub fn holds(&self, relative: &str) -> bool {
        fnv1a(relative.as_bytes()) % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// Keeps the files of `shard` (all of them without one); output names were
/// chosen over the whole list, so slices never collide.
pub fn select(inputs: Inputs, roots: &[PathBuf], shard: Option<Shard>) -> Inputs {
    let Some(shard) = shard else {
        return inputs;
    };
    let files = inputs.files.into_iter().filter(|f| shard.holds(&f.rel)).collect();
    let skipped = inputs.skipped.into_iter().filter(|f| shard.holds(&relative(f, roots))).collect();
    Inputs { files, skipped, warnings: inputs.warnings }
}

/// `file` relative to the input folder it was found under (`/`-separated), or
/// its file name when it was named itself.
fn relative(file: &Path, roots: &[PathBuf]) -> String {
    let under = roots
        .iter()
        .filter(|r| r.is_dir())
        .filter_map(|r| file.strip_prefix(r).ok())
        .min_by_key(|rest| rest.components().count());
    let rest = under
        .filter(|rest| rest.components().next().is_some())
        .unwrap_or_else(|| Path::new(file.file_name().unwrap_or(file.as_os_str())));
    rest.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// 64-bit FNV-1a: small, fixed forever, the same on every platform.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_i_of_n_and_refuses_the_rest() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "4", "a/4", "1/4/2", "-1/4"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn hash_is_pinned() {
        // FNV-1a test vectors: a changed hash would move files between shards of a running archive.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn every_file_is_in_exactly_one_shard() {
        let files: Vec<String> = (0..200).map(|i| format!("sub/{i}.pdf")).collect();
        let mut seen = vec![0; files.len()];
        for index in 1..=4 {
            let shard = Shard { index, count: 4 };
            files.iter().enumerate().filter(|(_, f)| shard.holds(f)).for_each(|(i, _)| seen[i] += 1);
        }
        assert!(seen.iter().all(|&n| n == 1));
        let first = Shard { index: 1, count: 4 };
        let share = files.iter().filter(|f| first.holds(f)).count();
        assert!((25..=75).contains(&share), "a quarter of 200 files, roughly: {share}");
    }

    #[test]
    fn path_is_taken_relative_to_its_input_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("a")).expect("mkdir");
        assert_eq!(relative(&root.join("a/x.pdf"), std::slice::from_ref(&root)), "a/x.pdf");
        assert_eq!(relative(Path::new("/elsewhere/y.docx"), &[root]), "y.docx");
    }

    #[test]
    fn select_keeps_the_files_of_its_slice_and_their_output_names() {
        let input = |i: usize| Input {
            path: PathBuf::from(format!("{i}.txt")),
            rel: format!("{i}.txt"),
            out: format!("{i}.jsonl"),
        };
        let inputs = Inputs { files: (0..20).map(input).collect(), skipped: Vec::new(), warnings: Vec::new() };
        let shard = Shard { index: 2, count: 3 };
        let kept = select(inputs, &[], Some(shard));
        assert!(!kept.files.is_empty() && kept.files.len() < 20);
        for f in &kept.files {
            assert!(shard.holds(&f.rel));
            assert_eq!(f.out, f.rel.replace(".txt", ".jsonl"));
        }
        let all = select(
            Inputs { files: (0..20).map(input).collect(), skipped: Vec::new(), warnings: Vec::new() },
            &[],
            None,
        );
        assert_eq!(all.files.len(), 20);
    }
}
