//! A small element tree built from quick-xml events, with namespace-resolved
//! element names (`w:p` whatever prefix the file uses). DOCTYPEs are refused,
//! so no entity expansion can happen; nesting depth is capped.

use super::deadline::Deadline;
use crate::error::ExtractError;
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
fn prefix_for(ns: &[u8]) -> &'static str {
    match ns {
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => "w",
        b"http://schemas.openxmlformats.org/markup-compatibility/2006" => "mc",
        b"http://schemas.openxmlformats.org/drawingml/2006/main" | b"http://purl.oclc.org/ooxml/drawingml/main" => "a",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" => "wp",
        b"http://schemas.microsoft.com/office/word/2010/wordprocessingShape" => "wps",
        b"urn:schemas-microsoft-com:vml" => "v",
        _ => "?",
    }
}

fn element_name(reader: &NsReader<&[u8]>, e: &BytesStart) -> String {
    let (res, local) = reader.resolve_element(e.name());
    let local = String::from_utf8_lossy(local.as_ref());
    match res {
        ResolveResult::Bound(ns) => format!("{}:{local}", prefix_for(ns.as_ref())),
        _ => local.into_owned(),
    }
}

fn make_node(reader: &NsReader<&[u8]>, e: &BytesStart) -> Result<Node, quick_xml::Error> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a?;
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        let value = a.unescape_value()?.into_owned();
        attrs.push((key, value));
    }
    Ok(Node { name: element_name(reader, e), attrs, children: Vec::new() })
}

/// Parses a whole XML part into its root element.
pub(crate) fn parse(bytes: &[u8], part: &str, deadline: &Deadline) -> Result<Node, ExtractError> {
    let bad = |cause: String| ExtractError::damaged(deadline.format, format!("{part}: {cause}"));
    let mut reader = NsReader::from_reader(bytes);
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut events = 0u32;
    loop {
        events = events.wrapping_add(1);
        if events.is_multiple_of(4096) {
            deadline.check()?;
        }
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| bad(format!("XML error near byte {pos}: {e}")))?;
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
            Event::Text(t) => {
                let text = t.unescape().map_err(|e| bad(format!("bad text near byte {pos}: {e}")))?;
                push_child(&mut stack, Child::Text(text.into_owned()));
            }
            Event::CData(t) => {
                push_child(&mut stack, Child::Text(String::from_utf8_lossy(&t).into_owned()));
            }
            Event::DocType(_) => return Err(bad("DOCTYPE declarations are refused (entity expansion)".into())),
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
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
