//! `sohoa text`: the extracted, normalized text of one document, for readers
//! who want clean text and no records: the body, then (where the format keeps
//! them apart) the running headers and footers after a separator line
//! ([`sohoa_doc::render`]); with `-v`, what each stage noticed.

use anyhow::{Context, Result};
use sohoa_doc::render::render_document;
use sohoa_extract::{Document, ExtractOptions};
use std::io::Write;
use std::path::Path;

/// Extracts `file` and prints its text on stdout; `verbose`: each stage's diagnostics on stderr.
pub fn run(file: &Path, opts: &ExtractOptions, verbose: bool) -> Result<()> {
    let doc = sohoa_extract::extract_file(file, opts).with_context(|| format!("cannot extract {}", file.display()))?;
    let mut out = std::io::stdout().lock();
    out.write_all(render_document(&doc).as_bytes())?;
    out.flush()?;
    if verbose {
        diagnostic_lines(&doc).iter().for_each(|l| eprintln!("{}: {l}", file.display()));
    }
    Ok(())
}

/// What each stage noticed in `doc`, one `stage code: message (span)` line each
/// (segment and map run for it, as `sohoa convert` runs them).
pub fn diagnostic_lines(doc: &Document) -> Vec<String> {
    let outline = sohoa_segment::outline(doc);
    let mapped = sohoa_map::map(&doc.source, &outline);
    let staged = [("extract", &doc.diagnostics), ("segment", &outline.diagnostics), ("map", &mapped.diagnostics)];
    staged.iter().flat_map(|(stage, ds)| ds.iter().map(move |d| format!("{stage} {d}"))).collect()
}
