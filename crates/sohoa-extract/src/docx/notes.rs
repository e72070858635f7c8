//! footnotes.xml / endnotes.xml: note bodies by id (separator notes skipped).

use super::xml::Node;
use std::collections::HashMap;

/// Which notes part a reference points into.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NoteKind {
    Foot,
    End,
}

/// The notes of a document, by id.
#[derive(Debug, Default)]
pub(crate) struct Notes<'a> {
    foot: HashMap<String, &'a Node>,
    end: HashMap<String, &'a Node>,
}

fn index<'a>(root: Option<&'a Node>, element: &'static str) -> HashMap<String, &'a Node> {
    let mut out = HashMap::new();
    let Some(root) = root else { return out };
    for n in root.children_named(element) {
        let separator = matches!(n.attr("type"), Some("separator" | "continuationSeparator" | "continuationNotice"));
        if let (false, Some(id)) = (separator, n.attr("id")) {
            out.insert(id.to_string(), n);
        }
    }
    out
}

impl<'a> Notes<'a> {
    pub fn new(footnotes: Option<&'a Node>, endnotes: Option<&'a Node>) -> Self {
        Notes { foot: index(footnotes, "w:footnote"), end: index(endnotes, "w:endnote") }
    }

    pub fn get(&self, kind: NoteKind, id: &str) -> Option<&'a Node> {
        match kind {
            NoteKind::Foot => self.foot.get(id).copied(),
            NoteKind::End => self.end.get(id).copied(),
        }
    }
}
