//! The house's layering, as Cargo manifests state it: segment and map know no file
//! format (no reader crate among their dependencies), and sohoa-doc depends on no sohoa crate.

use std::path::Path;

/// The `sohoa-*` crates named in the `[dependencies]` table of a crate's manifest.
fn sohoa_dependencies(krate: &str) -> Vec<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(krate).join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
    let mut in_deps = false;
    let mut found = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        let name = line.split(['.', '=', ' ']).next().unwrap_or_default();
        if in_deps && name.starts_with("sohoa-") {
            found.push(name.to_string());
        }
    }
    found
}

#[test]
fn segment_and_map_stand_on_sohoa_doc_alone() {
    assert_eq!(sohoa_dependencies("sohoa-doc"), Vec::<String>::new());
    assert_eq!(sohoa_dependencies("sohoa-segment"), ["sohoa-doc"]);
    assert_eq!(sohoa_dependencies("sohoa-map"), ["sohoa-doc", "sohoa-segment"]);
    assert!(sohoa_dependencies("sohoa-extract").contains(&"sohoa-doc".to_string()));
}
