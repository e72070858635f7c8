//! A small element tree built from quick-xml events, with namespace-resolved
//! element names (`w:p` whatever prefix the file uses). DOCTYPEs are refused,
//! so no entity expansion can happen; nesting depth is capped.
//!
//! Built for speed on large parts: the element names the readers meet most are
//! shared static strings, and only the attributes some reader asks for
//! ([`KEPT_ATTRS`]) are stored (the others are still checked for bad escapes).

use crate::error::ExtractError;
use crate::kit::Budget;
use once_cell::sync::Lazy;
use quick_xml::escape::unescape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Deref;

/// Deepest element nesting accepted (the tree is walked recursively).
const MAX_DEPTH: usize = 256;

/// Attribute local names some reader looks up with [`Node::attr`]; every
/// other attribute (`rsidR`, `paraId`, ...) is dropped while parsing.
/// A lookup of a name missing here fails a debug assertion.
const KEPT_ATTRS: [&str; 19] = [
    "val",
    "type",
    "id",
    "styleId",
    "default",
    "ascii",
    "hAnsi",
    "asciiTheme",
    "hAnsiTheme",
    "left",
    "start",
    "typeface",
    "fldCharType",
    "abstractNumId",
    "numId",
    "ilvl",
    "Type",
    "Target",
    "TargetMode",
];

/// Element names shared as static strings: the ones the readers match on and
/// the ones WordprocessingML uses most. Others get a name of their own.
const SHARED_NAMES: &[&str] = &[
    "a:latin",
    "a:majorFont",
    "a:minorFont",
    "mc:AlternateContent",
    "mc:Choice",
    "mc:Fallback",
    "w:abstractNum",
    "w:abstractNumId",
    "w:b",
    "w:basedOn",
    "w:body",
    "w:br",
    "w:cr",
    "w:customXml",
    "w:del",
    "w:drawing",
    "w:endnote",
    "w:endnoteReference",
    "w:fldChar",
    "w:footnote",
    "w:footnoteReference",
    "w:gridBefore",
    "w:gridSpan",
    "w:hMerge",
    "w:ilvl",
    "w:ind",
    "w:ins",
    "w:isLgl",
    "w:jc",
    "w:lvl",
    "w:lvlOverride",
    "w:lvlRestart",
    "w:lvlText",
    "w:moveFrom",
    "w:moveTo",
    "w:name",
    "w:noBreakHyphen",
    "w:num",
    "w:numFmt",
    "w:numId",
    "w:numPr",
    "w:numStyleLink",
    "w:object",
    "w:outlineLvl",
    "w:p",
    "w:pPr",
    "w:pStyle",
    "w:pict",
    "w:ptab",
    "w:r",
    "w:rFonts",
    "w:rPr",
    "w:rPrDefault",
    "w:rStyle",
    "w:sdt",
    "w:sdtContent",
    "w:sdtEndPr",
    "w:sdtPr",
    "w:start",
    "w:startOverride",
    "w:style",
    "w:sz",
    "w:t",
    "w:tab",
    "w:tbl",
    "w:tblHeader",
    "w:tc",
    "w:tcPr",
    "w:tr",
    "w:trPr",
    "w:txbxContent",
    "w:vMerge",
    "w:vanish",
    // Frequent, never matched on.
    "w:szCs",
    "w:spacing",
    "w:lsdException",
    "w:tcW",
    "w:lang",
    "w:vAlign",
    "w:i",
    "w:iCs",
    "w:color",
    "w:top",
    "w:left",
    "w:bCs",
    "w:right",
    "w:bottom",
    "w:tcBorders",
    "w:hideMark",
    "w:trHeight",
    "w:gridCol",
    "w:tblPr",
    "w:shd",
    "w:tblStylePr",
    "w:uiPriority",
    "w:rsid",
    "w:tabs",
    "w:widowControl",
    "w:multiLevelType",
    "w:lastRenderedPageBreak",
    "w:tmpl",
    "w:nsid",
    "w:semiHidden",
    "w:link",
    "w:unhideWhenUsed",
    "w:tblBorders",
    "w:insideV",
    "w:insideH",
    "w:next",
    "w:tblW",
    "w:tblGrid",
    "w:tblCellMar",
    "w:qFormat",
    "w:suff",
    "w:pBdr",
    "w:textAlignment",
    "w:tblLook",
    "w:tblInd",
    "w:sectPr",
    "w:pgSz",
    "w:pgMar",
    "w:proofErr",
    "w:bookmarkStart",
    "w:bookmarkEnd",
    "w:u",
    "w:kern",
    "w:noProof",
    "w:keepNext",
    "w:keepLines",
    "w:snapToGrid",
    "w:contextualSpacing",
    "w:tblLayout",
    "w:cols",
    "w:docGrid",
    "w:end",
];

static SHARED: Lazy<HashSet<&'static str>> = Lazy::new(|| SHARED_NAMES.iter().copied().collect());

/// Longest name looked up in [`SHARED`] (longer ones are never shared).
const MAX_SHARED_LEN: usize = 32;

/// An element's canonical name: `w:p`, `mc:Choice`, `?:foo` for unknown namespaces.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Name(Cow<'static, str>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

/// One element: canonical name, the kept attributes by local name, children in order.
#[derive(Debug, Default)]
pub(crate) struct Node {
    pub name: Name,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Child>,
}

/// Element content.
#[derive(Debug)]
pub(crate) enum Child {
    Node(Node),
    Text(String),
}

impl Node {
    /// An attribute by local name (`val` for `w:val`).
    pub fn attr(&self, local: &str) -> Option<&str> {
        debug_assert!(KEPT_ATTRS.contains(&local), "attribute {local} is dropped while parsing: add it to KEPT_ATTRS");
        self.attrs.iter().find(|(k, _)| *k == local).map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Node(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The first child element of that name.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.elements().find(|n| n.name == name)
    }

    /// Child elements of that name.
    pub fn children_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Node> {
        self.elements().filter(move |n| n.name == name)
    }

    /// `w:val` of a child, e.g. `child_val("w:pStyle")`.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|n| n.attr("val"))
    }

    /// The concatenated text directly inside this element.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            if let Child::Text(t) = c {
                out.push_str(t);
            }
        }
        out
    }

    /// First descendant (depth-first) of that name.
    pub fn find(&self, name: &str) -> Option<&Node> {
        for n in self.elements() {
            if n.name == name {
                return Some(n);
            }
            if let Some(found) = n.find(name) {
                return Some(found);
            }
        }
        None
    }
}

/// Short prefix for the namespaces the readers care about.
fn prefix_for(ns: &str) -> &'static str {
    match ns {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | "http://purl.oclc.org/ooxml/wordprocessingml/main" => "w",
        "http://schemas.openxmlformats.org/markup-compatibility/2006" => "mc",
        "http://schemas.openxmlformats.org/drawingml/2006/main" | "http://purl.oclc.org/ooxml/drawingml/main" => "a",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" => "wp",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape" => "wps",
        "urn:schemas-microsoft-com:vml" => "v",
        _ => "?",
    }
}

fn element_name(reader: &NsReader<&[u8]>, e: &BytesStart) -> Name {
    let (res, local) = reader.resolver().resolve_element(e.name());
    let local = local.as_ref();
    let prefix = match res {
        ResolveResult::Bound(ns) => prefix_for(ns.as_ref()),
        _ => return Name(Cow::Owned(local.to_string())),
    };
    Name(shared_name(prefix, local).map_or_else(|| Cow::Owned(format!("{prefix}:{local}")), Cow::Borrowed))
}

/// `prefix:local` as a shared static string, if it is one.
fn shared_name(prefix: &str, local: &str) -> Option<&'static str> {
    let len = prefix.len() + 1 + local.len();
    if len > MAX_SHARED_LEN {
        return None;
    }
    let mut buf = [0u8; MAX_SHARED_LEN];
    buf[..prefix.len()].copy_from_slice(prefix.as_bytes());
    buf[prefix.len()] = b':';
    buf[prefix.len() + 1..len].copy_from_slice(local.as_bytes());
    // Invariant: built from two `str`s and an ASCII colon.
    let full = std::str::from_utf8(&buf[..len]).ok()?;
    SHARED.get(full).copied()
}

fn make_node(reader: &NsReader<&[u8]>, e: &BytesStart) -> Result<Node, quick_xml::Error> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a?;
        let key = a.key.local_name();
        match KEPT_ATTRS.iter().find(|k| **k == key.as_ref()) {
            Some(kept) => attrs.push((*kept, unescape(&a.value)?.into_owned())),
            // Dropped, but a bad escape in it is still damage.
            None if a.value.contains('&') => {
                unescape(&a.value)?;
            }
            None => {}
        }
    }
    Ok(Node { name: element_name(reader, e), attrs, children: Vec::new() })
}

/// Character data between two pieces of markup, kept raw until the markup
/// that ends it: quick-xml reports each entity reference as an event of its
/// own, and the text node is the whole run, unescaped once.
#[derive(Default)]
struct PendingText {
    raw: String,
    /// Where the run starts, for the error message.
    start: u64,
}

impl PendingText {
    fn push(&mut self, raw: &str, pos: u64) {
        if self.raw.is_empty() {
            self.start = pos;
        }
        self.raw.push_str(raw);
    }

    /// An entity or character reference, written back as it stood.
    fn push_ref(&mut self, name: &str, pos: u64) {
        self.push("&", pos);
        self.raw.push_str(name);
        self.raw.push(';');
    }

    /// The unescaped run, if any; the buffer is left empty.
    fn take(&mut self) -> Result<Option<String>, (u64, quick_xml::Error)> {
        if self.raw.is_empty() {
            return Ok(None);
        }
        let raw = std::mem::take(&mut self.raw);
        let text = match unescape(&raw).map_err(|e| (self.start, quick_xml::Error::from(e)))? {
            Cow::Borrowed(_) => raw,
            Cow::Owned(text) => text,
        };
        Ok(Some(text))
    }
}

/// Parses a whole XML part into its root element.
pub(crate) fn parse(bytes: &[u8], part: &str, budget: &Budget) -> Result<Node, ExtractError> {
    let bad = |cause: String| ExtractError::damaged(budget.format(), format!("{part}: {cause}"));
    let mut reader = NsReader::from_reader(bytes);
    // A lone `&` stays in the text and fails there, as an unterminated entity.
    reader.config_mut().allow_dangling_amp = true;
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut text = PendingText::default();
    let mut events = 0u32;
    loop {
        events = events.wrapping_add(1);
        if events.is_multiple_of(4096) {
            budget.check()?;
        }
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| bad(format!("XML error near byte {pos}: {e}")))?;
        match event {
            Event::Text(t) => {
                text.push(&t, pos);
                continue;
            }
            Event::GeneralRef(r) => {
                text.push_ref(&r, pos);
                continue;
            }
            _ => {}
        }
        if let Some(t) = text.take().map_err(|(at, e)| bad(format!("bad text near byte {at}: {e}")))? {
            push_child(&mut stack, Child::Text(t));
        }
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(bad(format!("elements nested deeper than {MAX_DEPTH}")));
                }
                let node = make_node(&reader, &e).map_err(|e| bad(format!("bad attribute near byte {pos}: {e}")))?;
                stack.push(node);
            }
            Event::Empty(e) => {
                let node = make_node(&reader, &e).map_err(|e| bad(format!("bad attribute near byte {pos}: {e}")))?;
                push_child(&mut stack, Child::Node(node));
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(bad(format!("unbalanced end tag near byte {pos}")));
                }
                // Invariant: len >= 2 checked just above.
                let node = stack.pop().expect("stack has an open element");
                push_child(&mut stack, Child::Node(node));
            }
            Event::CData(t) => push_child(&mut stack, Child::Text(t.to_string())),
            Event::DocType(_) => return Err(bad("DOCTYPE declarations are refused (entity expansion)".into())),
            Event::Eof => break,
            Event::Text(_) | Event::GeneralRef(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(bad("document ends inside an open element".into()));
    }
    // Invariant: the loop only exits with exactly the synthetic root left.
    let root = stack.pop().expect("synthetic root");
    root.children
        .into_iter()
        .find_map(|c| match c {
            Child::Node(n) => Some(n),
            Child::Text(_) => None,
        })
        .ok_or_else(|| bad("no root element".into()))
}

fn push_child(stack: &mut [Node], child: Child) {
    if let Some(top) = stack.last_mut() {
        top.children.push(child);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn root(xml: &str) -> Result<Node, ExtractError> {
        parse(xml.as_bytes(), "word/document.xml", &Budget::new(Duration::from_secs(60), "docx"))
    }

    #[test]
    fn text_around_entity_references_is_one_text_node() {
        let node = root("<r val=\"x &lt; y\" rsidR=\"00AB\"><t>A &amp; B&#x41;\r\nC</t><![CDATA[<d>]]></r>")
            // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
            .expect("well-formed");
        assert_eq!(node.attr("val"), Some("x < y"));
        assert_eq!(node.attrs.len(), 1, "attributes no reader asks for are dropped");
        let t = node.child("t").expect("t element");
        assert_eq!(t.children.len(), 1, "{:?}", t.children);
        assert_eq!(t.text(), "A & BA\r\nC", "unescaped once, line ends as written");
        assert_eq!(node.text(), "<d>");
    }

    #[test]
    fn a_lone_ampersand_or_a_doctype_is_damage() {
        let err = root("<r><t>A & B</t></r>").expect_err("unterminated entity");
        assert!(err.to_string().contains("bad text near byte 6"), "{err}");
        assert!(root("<!DOCTYPE r [<!ENTITY x \"y\">]><r/>").is_err());
    }

    #[test]
    fn a_bad_escape_in_a_dropped_attribute_is_damage() {
        let err = root("<r rsidR=\"a &bogus; b\"/>").expect_err("unknown entity");
        assert!(err.to_string().contains("bad attribute"), "{err}");
    }

    #[test]
    fn names_resolve_through_any_prefix_shared_or_not() {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let xml = format!("<x:document xmlns:x=\"{w}\"><x:p/><x:fooBar/><y:p xmlns:y=\"urn:other\"/></x:document>");
        // invariant: test code; a literal pattern or a fixed input, so a failure is the test failing
        let node = root(&xml).expect("well-formed");
        let names: Vec<&str> = node.elements().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["w:p", "w:fooBar", "?:p"]);
        assert!(matches!(node.child("w:p").map(|n| &n.name.0), Some(Cow::Borrowed("w:p"))));
    }

    #[test]
    fn shared_names_are_all_under_the_length_cap() {
        assert!(SHARED_NAMES.iter().all(|n| n.len() <= MAX_SHARED_LEN && n.contains(':')));
    }
}
