//! styles.xml and the theme fonts: paragraph/character styles with their
//! `basedOn` chains, document defaults, and font lookup for runs.

use super::props::{para_props, run_props, FontRef, NumRef, ParaProps, RunProps};
use super::xml::Node;
use crate::model::Align;
use std::collections::HashMap;

/// Longest `basedOn` chain followed (guards against cycles).
const MAX_CHAIN: usize = 16;

/// One style definition.
#[derive(Debug, Default)]
pub(crate) struct StyleDef {
    pub name: Option<String>,
    pub based_on: Option<String>,
    pub ppr: ParaProps,
    pub rpr: RunProps,
}

/// The major/minor Latin fonts of theme1.xml.
#[derive(Debug, Default)]
pub(crate) struct ThemeFonts {
    pub major: Option<String>,
    pub minor: Option<String>,
}

impl ThemeFonts {
    pub fn parse(theme: &Node) -> Self {
        let latin = |slot: &str| {
            theme.find(slot).and_then(|n| n.child("a:latin")).and_then(|l| l.attr("typeface")).map(str::to_string)
        };
        ThemeFonts { major: latin("a:majorFont"), minor: latin("a:minorFont") }
    }
}

/// All styles of a document.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    by_id: HashMap<String, StyleDef>,
    default_para: Option<String>,
    defaults: RunProps,
    theme: ThemeFonts,
}

impl Styles {
    /// Reads styles.xml (`None`: the part is missing).
    pub fn parse(root: Option<&Node>, theme: ThemeFonts) -> Self {
        let mut styles = Styles { theme, ..Styles::default() };
        let Some(root) = root else { return styles };
        if let Some(rpr) = root.find("w:rPrDefault").and_then(|d| d.child("w:rPr")) {
            styles.defaults = run_props(rpr);
        }
        for s in root.children_named("w:style") {
            let Some(id) = s.attr("styleId") else { continue };
            if s.attr("type") == Some("paragraph") && s.attr("default").is_some_and(|d| d == "1" || d == "true") {
                styles.default_para = Some(id.to_string());
            }
            let def = StyleDef {
                name: s.child_val("w:name").map(str::to_string),
                based_on: s.child_val("w:basedOn").map(str::to_string),
                ppr: s.child("w:pPr").map(para_props).unwrap_or_default(),
                rpr: s.child("w:rPr").map(run_props).unwrap_or_default(),
            };
            styles.by_id.insert(id.to_string(), def);
        }
        styles
    }

    /// The paragraph style in effect: the named one or the default.
    pub fn para_style_id<'a>(&'a self, named: Option<&'a str>) -> Option<&'a str> {
        named.or(self.default_para.as_deref())
    }

    /// The style and its ancestors, most specific first.
    pub fn chain(&self, id: Option<&str>) -> Vec<&StyleDef> {
        let mut out = Vec::new();
        let mut next = id;
        while let Some(id) = next {
            let Some(def) = self.by_id.get(id) else { break };
            if out.len() >= MAX_CHAIN {
                break;
            }
            out.push(def);
            next = def.based_on.as_deref();
        }
        out
    }

    /// The numbering a paragraph style gives (first style in the chain with a `numPr`).
    pub fn num_ref(&self, id: Option<&str>) -> Option<NumRef> {
        let mut merged = NumRef::default();
        for def in self.chain(id) {
            if let Some(n) = &def.ppr.num {
                merged.num_id = merged.num_id.or_else(|| n.num_id.clone());
                merged.ilvl = merged.ilvl.or(n.ilvl);
            }
        }
        (merged.num_id.is_some() || merged.ilvl.is_some()).then_some(merged)
    }

    /// The numbering id a numbering style (`numStyleLink` target) points to.
    pub fn linked_num_id(&self, id: &str) -> Option<String> {
        self.num_ref(Some(id)).and_then(|n| n.num_id)
    }

    pub fn outline(&self, id: Option<&str>) -> Option<u8> {
        self.chain(id).iter().find_map(|d| d.ppr.outline)
    }

    pub fn align(&self, id: Option<&str>) -> Option<Align> {
        self.chain(id).iter().find_map(|d| d.ppr.align)
    }

    pub fn indent(&self, id: Option<&str>) -> Option<f32> {
        self.chain(id).iter().find_map(|d| d.ppr.indent)
    }

    /// The style's display name, falling back to its id.
    pub fn name(&self, id: Option<&str>) -> Option<String> {
        let id = id?;
        Some(self.by_id.get(id).and_then(|d| d.name.clone()).unwrap_or_else(|| id.to_string()))
    }

    /// Run properties a run inherits: its character style chain, then the
    /// paragraph style chain, then the document defaults.
    pub fn run_base(&self, para_style: Option<&str>, run_style: Option<&str>) -> RunProps {
        let mut out = RunProps::default();
        for def in self.chain(run_style).into_iter().chain(self.chain(para_style)) {
            out.inherit(&def.rpr);
        }
        out.inherit(&self.defaults);
        out
    }

    /// The face name of a font reference.
    pub fn font_name(&self, font: &FontRef) -> Option<String> {
        match font {
            FontRef::Name(n) => Some(n.clone()),
            FontRef::Theme { major: true } => self.theme.major.clone(),
            FontRef::Theme { major: false } => self.theme.minor.clone(),
        }
    }
}

/// Heading level from an outline level (0-based, 9 = body text) or a
/// `heading N` style name.
pub(crate) fn heading_level(outline: Option<u8>, style_name: Option<&str>) -> Option<u8> {
    if let Some(o) = outline {
        return (o < 9).then_some(o + 1);
    }
    let name = style_name?.to_ascii_lowercase();
    let rest = name.strip_prefix("heading")?.trim();
    rest.parse::<u8>().ok().filter(|l| (1..=9).contains(l))
}
