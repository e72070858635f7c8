//! Locating the parts of a DOCX package through its relationships
//! (`_rels/.rels`, `word/_rels/document.xml.rels`), with the conventional
//! names as fallback.

use super::xml::{self, Node};
use crate::error::ExtractError;
use crate::kit::{Budget, SafeZip};

/// The parts the reader uses besides the main document.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Part {
    Styles,
    Numbering,
    Footnotes,
    Endnotes,
    Theme,
}

impl Part {
    /// The last segment of the relationship type URI, and the usual file name.
    fn rel_and_default(self) -> (&'static str, &'static str) {
        match self {
            Part::Styles => ("/styles", "word/styles.xml"),
            Part::Numbering => ("/numbering", "word/numbering.xml"),
            Part::Footnotes => ("/footnotes", "word/footnotes.xml"),
            Part::Endnotes => ("/endnotes", "word/endnotes.xml"),
            Part::Theme => ("/theme", "word/theme/theme1.xml"),
        }
    }
}

/// Resolved part names inside the archive.
#[derive(Debug)]
pub(crate) struct PartMap {
    pub main: String,
    rels: Vec<(String, String)>,
    present: Vec<String>,
}

/// `(Type, Target)` pairs of a .rels part.
fn relationships(root: &Node) -> Vec<(String, String)> {
    root.elements()
        .filter(|n| n.name.ends_with("Relationship"))
        .filter(|n| n.attr("TargetMode") != Some("External"))
        .filter_map(|n| Some((n.attr("Type")?.to_string(), n.attr("Target")?.to_string())))
        .collect()
}

/// Resolves a relationship target against the directory of its source part.
fn resolve(base_dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if base_dir.is_empty() => target.to_string(),
        None => format!("{base_dir}/{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

fn read_rels(zip: &mut SafeZip, name: &str, budget: &Budget) -> Result<Vec<(String, String)>, ExtractError> {
    match zip.read(name)? {
        Some(bytes) => Ok(xml::parse(&bytes, name, budget).map(|r| relationships(&r)).unwrap_or_default()),
        None => Ok(Vec::new()),
    }
}

impl PartMap {
    pub fn read(zip: &mut SafeZip, budget: &Budget) -> Result<Self, ExtractError> {
        let package = read_rels(zip, "_rels/.rels", budget)?;
        let main = package
            .iter()
            .find(|(t, _)| t.ends_with("/officeDocument"))
            .map(|(_, target)| resolve("", target))
            .filter(|m| zip.contains(m))
            .unwrap_or_else(|| "word/document.xml".to_string());
        let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
        let rels_name = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
        let rels =
            read_rels(zip, &rels_name, budget)?.into_iter().map(|(t, target)| (t, resolve(dir, &target))).collect();
        Ok(PartMap { main, rels, present: zip.names() })
    }

    /// The header parts, then the footer parts, each sorted by name, those the package has.
    pub fn headers_and_footers(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for suffix in ["/header", "/footer"] {
            let mut names: Vec<&str> =
                self.rels.iter().filter(|(t, _)| t.ends_with(suffix)).map(|(_, n)| n.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            out.extend(names.into_iter().filter(|n| self.present.iter().any(|p| p == n)));
        }
        out
    }

    /// The archive name of a part, if the package has it.
    pub fn get(&self, part: Part) -> Option<&str> {
        let (suffix, default) = part.rel_and_default();
        let by_rel = self.rels.iter().find(|(t, _)| t.ends_with(suffix)).map(|(_, n)| n.as_str());
        by_rel.or(Some(default)).filter(|n| self.present.iter().any(|p| p == n))
    }
}
