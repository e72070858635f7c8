//! A small element tree built from quick-xml events, with namespace-resolved
//! element names (`w:p` whatever prefix the file uses). DOCTYPEs are refused,
//! so no entity expansion can happen; nesting depth is capped.

use crate::error::ExtractError;
use crate::kit::Budget;
use quick_xml::escape::unescape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// Deepest element nesting accepted (the tree is walked recursively).
const MAX_DEPTH: usize = 256;

/// One element: canonical name (`w:p`, `mc:Choice`, `?:foo` for unknown
/// namespaces), attributes by local name, children in order.
#[derive(Debug, Default)]
pub(crate) struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
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
        self.attrs.iter().find(|(k, _)| k == local).map(|(_, v)| v.as_str())
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

fn element_name(reader: &NsReader<&[u8]>, e: &BytesStart) -> String {
    let (res, local) = reader.resolver().resolve_element(e.name());
    let local = local.as_ref();
    match res {
        ResolveResult::Bound(ns) => format!("{}:{local}", prefix_for(ns.as_ref())),
        _ => local.to_string(),
    }
}

fn make_node(reader: &NsReader<&[u8]>, e: &BytesStart) -> Result<Node, quick_xml::Error> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a?;
        let key = a.key.local_name().as_ref().to_string();
        let value = unescape(&a.value)?.into_owned();
        attrs.push((key, value));
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
        let text = unescape(&raw).map_err(|e| (self.start, quick_xml::Error::from(e)))?;
        Ok(Some(text.into_owned()))
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
        let node = root("<r a=\"x &lt; y\"><t>A &amp; B&#x41;\r\nC</t><![CDATA[<d>]]></r>").expect("well-formed");
        assert_eq!(node.attr("a"), Some("x < y"));
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
}
