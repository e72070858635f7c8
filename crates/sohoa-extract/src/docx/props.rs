//! Paragraph and run properties as read from `w:pPr` / `w:rPr`, before style
//! inheritance is applied.

use super::xml::Node;
use crate::model::Align;

/// A numbering reference (`w:numPr`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NumRef {
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
}

/// Direct paragraph properties.
#[derive(Debug, Clone, Default)]
pub(crate) struct ParaProps {
    pub style: Option<String>,
    pub num: Option<NumRef>,
    pub outline: Option<u8>,
    pub align: Option<Align>,
    pub indent: Option<f32>,
}

/// Direct run properties.
#[derive(Debug, Clone, Default)]
pub(crate) struct RunProps {
    pub style: Option<String>,
    pub bold: Option<bool>,
    pub font: Option<FontRef>,
    pub size: Option<f32>,
    pub hidden: Option<bool>,
}

/// A run font: a face name, or a theme slot to look up.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FontRef {
    Name(String),
    Theme { major: bool },
}

/// A `w:b`-style on/off element: present without `val` means on.
pub(crate) fn on_off(node: &Node) -> bool {
    !matches!(node.attr("val"), Some("0" | "false" | "off" | "none"))
}

fn parse_align(val: &str) -> Option<Align> {
    match val {
        "left" | "start" => Some(Align::Left),
        "center" => Some(Align::Center),
        "right" | "end" => Some(Align::Right),
        "both" | "distribute" | "mediumKashida" | "highKashida" | "lowKashida" | "thaiDistribute" => {
            Some(Align::Justify)
        }
        _ => None,
    }
}

/// Twentieths of a point to points.
fn twips(val: &str) -> Option<f32> {
    val.trim().parse::<f32>().ok().filter(|v| v.is_finite()).map(|v| v / 20.0)
}

/// Reads a `w:numPr` element.
pub(crate) fn num_ref(node: &Node) -> NumRef {
    NumRef {
        num_id: node.child_val("w:numId").map(str::to_string),
        ilvl: node.child_val("w:ilvl").and_then(|v| v.trim().parse::<u8>().ok()).map(|v| v.min(8)),
    }
}

/// Reads a `w:pPr` element.
pub(crate) fn para_props(ppr: &Node) -> ParaProps {
    ParaProps {
        style: ppr.child_val("w:pStyle").map(str::to_string),
        num: ppr.child("w:numPr").map(num_ref),
        outline: ppr.child_val("w:outlineLvl").and_then(|v| v.trim().parse::<u8>().ok()),
        align: ppr.child_val("w:jc").and_then(parse_align),
        indent: ppr.child("w:ind").and_then(|i| i.attr("left").or_else(|| i.attr("start"))).and_then(twips),
    }
}

/// Reads a `w:rPr` element.
pub(crate) fn run_props(rpr: &Node) -> RunProps {
    RunProps {
        style: rpr.child_val("w:rStyle").map(str::to_string),
        bold: rpr.child("w:b").map(on_off),
        font: rpr.child("w:rFonts").and_then(font_ref),
        size: rpr
            .child_val("w:sz")
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|v| v.is_finite())
            .map(|v| v / 2.0),
        hidden: rpr.child("w:vanish").map(on_off),
    }
}

/// The Latin font of a `w:rFonts` element.
fn font_ref(fonts: &Node) -> Option<FontRef> {
    if let Some(name) = fonts.attr("ascii").or_else(|| fonts.attr("hAnsi")) {
        return Some(FontRef::Name(name.to_string()));
    }
    fonts
        .attr("asciiTheme")
        .or_else(|| fonts.attr("hAnsiTheme"))
        .map(|t| FontRef::Theme { major: t.starts_with("major") })
}

impl RunProps {
    /// Fills unset fields from a less specific layer.
    pub fn inherit(&mut self, base: &RunProps) {
        self.bold = self.bold.or(base.bold);
        self.font = self.font.take().or_else(|| base.font.clone());
        self.size = self.size.or(base.size);
        self.hidden = self.hidden.or(base.hidden);
    }
}
