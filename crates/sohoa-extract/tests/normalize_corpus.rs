//! The seeds re-encoded by sohoa's own encoder into TCVN3 and VNI
//! (`corpus/tcvn3/`, `corpus/vni/`, made by `scripts/reencode_corpus.sh`)
//! decode back with diacritic accuracy ≥ 0.999.

use sohoa_extract::normalize::{diacritic_accuracy, Normalizer};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn check(folder: &str) {
    let seeds = corpus().join("seeds");
    let mut names: Vec<_> =
        std::fs::read_dir(&seeds).expect("corpus/seeds exists").filter_map(Result::ok).map(|e| e.file_name()).collect();
    names.sort();
    assert!(!names.is_empty(), "no seeds");
    for name in names {
        let original = std::fs::read_to_string(seeds.join(&name)).expect("seed is UTF-8");
        let path = corpus().join(folder).join(&name);
        let bytes =
            std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (run scripts/reencode_corpus.sh)", path.display()));
        let mut n = Normalizer::new();
        let decoded = n.decode_file(&bytes);
        let accuracy = diacritic_accuracy(&original, &decoded);
        eprintln!("{folder}/{}: diacritic accuracy {accuracy:.5}", name.to_string_lossy());
        assert!(accuracy >= 0.999, "{folder}/{}: {accuracy}", name.to_string_lossy());
        assert_eq!(n.quality().encodings, vec![folder.to_owned()]);
    }
}

#[test]
fn tcvn3_text_files_decode() {
    check("tcvn3");
}

#[test]
fn vni_text_files_decode() {
    check("vni");
}
