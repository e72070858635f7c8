//! A light walk over a page's content stream, before pdf-extract runs on it.
//!
//! pdf-extract does not tell its `OutputDev` which font a glyph uses, but it calls
//! `begin_word` once per shown string (`Tj`, each string of `TJ`, also inside form
//! XObjects). This walk lists the BaseFont of every shown string in the same order,
//! notes whether the page shows text or images at all, its `/Rotate`, collects
//! the ruling lines of its painted paths, and refuses form XObjects that call
//! themselves (pdf-extract would recurse forever). The page's content stream is
//! decoded once, here, and handed to pdf-extract with the plan.

use super::device::PageFrame;
use super::paths::{concat, Matrix, Rule, RuleCollector, IDENTITY};
use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// Deepest nesting of form XObjects followed.
const MAX_DEPTH: usize = 12;
/// Largest number of operators walked on one page.
const MAX_OPS: usize = 2_000_000;

/// The content-stream decoder of the walk and of pdf-extract (page contents here,
/// form XObjects in both): our tokenizer, lopdf's answer where it fails.
pub(crate) const DECODE: pdf_extract::DecodeContent = super::content::decode_or_lopdf;

/// What the walk learned about one page.
#[derive(Debug, Default)]
pub(crate) struct PagePlan {
    /// BaseFont of each shown string, in drawing order.
    pub fonts: Vec<Option<Rc<str>>>,
    /// Image XObjects or inline images drawn.
    pub images: usize,
    /// Page rotation (0, 90, 180, 270).
    pub rotate: i64,
    /// Media box, where readable.
    pub media: Option<[f32; 4]>,
    /// Why pdf-extract must not run on this page, if it must not.
    pub unsafe_reason: Option<String>,
    /// Ruling lines painted on the page.
    pub rules: Vec<Rule>,
    /// The page's decoded content stream, for pdf-extract (none when unsafe).
    pub content: Option<Content>,
}

/// Walks the page `id`.
pub(crate) fn plan(doc: &Document, id: ObjectId) -> PagePlan {
    let mut plan = PagePlan::default();
    let Ok(page) = doc.get_dictionary(id) else {
        plan.unsafe_reason = Some("page object is not a dictionary".into());
        return plan;
    };
    if !parents_end(doc, page) {
        plan.unsafe_reason = Some("the page tree loops (/Parent)".into());
        return plan;
    }
    plan.rotate = inherited(doc, page, b"Rotate").and_then(|o| o.as_i64().ok()).map_or(0, |r| r.rem_euclid(360));
    plan.rotate = (plan.rotate / 90) * 90;
    plan.media = inherited(doc, page, b"MediaBox").and_then(|o| media_box(doc, o));
    if plan.media.is_none() {
        plan.unsafe_reason = Some("page has no MediaBox".into());
        return plan;
    }
    let Some(resources) = inherited(doc, page, b"Resources").and_then(|o| as_dict(doc, o)) else {
        return plan;
    };
    let content = match doc.get_page_content(id) {
        Ok(c) => c,
        Err(e) => {
            plan.unsafe_reason = Some(format!("page content unreadable: {e}"));
            return plan;
        }
    };
    let content = match decode(&content) {
        Ok(c) => c,
        Err(reason) => {
            plan.unsafe_reason = Some(reason);
            return plan;
        }
    };
    let frame = PageFrame { media: plan.media.unwrap_or_default(), rotate: plan.rotate };
    let mut walk = Walk {
        doc,
        plan: &mut plan,
        stack: Vec::new(),
        ops: 0,
        names: HashMap::new(),
        paths: RuleCollector::new(frame),
        gs: Gs::default(),
        saved: Vec::new(),
    };
    let result = walk.stream(&content, resources);
    let rules = std::mem::take(&mut walk.paths.rules);
    plan.rules = rules;
    match result {
        Ok(()) => plan.content = Some(content),
        Err(reason) => plan.unsafe_reason = Some(reason),
    }
    plan
}

/// A content stream decoded by [`DECODE`].
fn decode(bytes: &[u8]) -> Result<Content, String> {
    DECODE(bytes).map_err(|e| format!("content stream unreadable: {e}"))
}

struct Walk<'a, 'p> {
    doc: &'a Document,
    plan: &'p mut PagePlan,
    /// Form XObjects being walked (cycle detection).
    stack: Vec<ObjectId>,
    ops: usize,
    names: HashMap<ObjectId, Option<Rc<str>>>,
    paths: RuleCollector,
    gs: Gs,
    saved: Vec<Gs>,
}

/// The graphics state the walk follows: transformation and whether paint shows.
#[derive(Debug, Clone, Copy)]
struct Gs {
    ctm: Matrix,
    fill_visible: bool,
    stroke_visible: bool,
}

impl Default for Gs {
    fn default() -> Self {
        Gs { ctm: IDENTITY, fill_visible: true, stroke_visible: true }
    }
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// The first `N` operands as numbers.
fn nums<const N: usize>(op: &Operation) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    for (slot, o) in out.iter_mut().zip(op.operands.iter()) {
        *slot = num(o).filter(|v| v.is_finite())?;
    }
    (op.operands.len() >= N).then_some(out)
}

/// Whether a colour operator sets white (paint that does not show on paper).
fn visible_color(op: &Operation) -> bool {
    let v: Vec<f64> = op.operands.iter().filter_map(num).collect();
    let white = match op.operator.as_str() {
        "g" | "G" | "rg" | "RG" => !v.is_empty() && v.iter().all(|&c| c > 0.95),
        "k" | "K" => !v.is_empty() && v.iter().all(|&c| c < 0.05),
        _ => false,
    };
    !white
}

impl<'a> Walk<'a, '_> {
    fn stream(&mut self, content: &Content, resources: &'a Dictionary) -> Result<(), String> {
        let mut font: Option<Rc<str>> = None;
        for op in &content.operations {
            self.ops += 1;
            if self.ops > MAX_OPS {
                return Err("too many content operators".into());
            }
            match op.operator.as_str() {
                "Tf" => font = self.font_of(resources, op.operands.first()),
                "Tj" => self.plan.fonts.push(font.clone()),
                "TJ" => {
                    if let Some(Object::Array(items)) = op.operands.first() {
                        let strings = items.iter().filter(|o| matches!(o, Object::String(..))).count();
                        self.plan.fonts.extend(std::iter::repeat_n(font.clone(), strings));
                    }
                }
                "BI" => self.plan.images += 1,
                "Do" => self.xobject(resources, op.operands.first())?,
                _ => self.graphics(op),
            }
        }
        Ok(())
    }

    /// State, path and paint operators.
    fn graphics(&mut self, op: &Operation) {
        let ctm = self.gs.ctm;
        match op.operator.as_str() {
            "q" if self.saved.len() < 256 => self.saved.push(self.gs),
            "Q" => self.gs = self.saved.pop().unwrap_or(self.gs),
            "cm" => {
                if let Some(m) = nums::<6>(op) {
                    self.gs.ctm = concat(&m, &ctm);
                }
            }
            "g" | "rg" | "k" | "sc" | "scn" => self.gs.fill_visible = visible_color(op),
            "G" | "RG" | "K" | "SC" | "SCN" => self.gs.stroke_visible = visible_color(op),
            "m" | "c" | "v" | "y" => {
                let v: Vec<f64> = op.operands.iter().filter_map(num).collect();
                if let [.., x, y] = v[..] {
                    self.paths.move_to(&ctm, x, y);
                }
            }
            "l" => {
                if let Some([x, y]) = nums::<2>(op) {
                    self.paths.line_to(&ctm, x, y);
                }
            }
            "re" => {
                if let Some([x, y, w, h]) = nums::<4>(op) {
                    self.paths.rect(&ctm, x, y, w, h);
                }
            }
            "S" | "s" => self.paths.paint(false, self.gs.stroke_visible),
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => self.paths.paint(true, self.gs.fill_visible),
            "n" => self.paths.clear(),
            _ => {}
        }
    }

    fn xobject(&mut self, resources: &'a Dictionary, name: Option<&Object>) -> Result<(), String> {
        let Some(name) = name.and_then(|n| n.as_name().ok()) else { return Ok(()) };
        let Some(xobjects) = resources.get(b"XObject").ok().and_then(|o| as_dict(self.doc, o)) else {
            return Ok(());
        };
        let Ok(Object::Reference(id)) = xobjects.get(name) else { return Ok(()) };
        let Ok(Object::Stream(stream)) = self.doc.get_object(*id) else { return Ok(()) };
        let subtype = stream.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok());
        if subtype != Some(b"Form".as_slice()) {
            self.plan.images += 1;
            return Ok(());
        }
        if self.stack.contains(id) || self.stack.len() >= MAX_DEPTH {
            return Err("form XObjects nest too deep or call themselves".into());
        }
        let inner = stream.dict.get(b"Resources").ok().and_then(|o| as_dict(self.doc, o)).unwrap_or(resources);
        let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        let matrix = stream.dict.get(b"Matrix").ok().and_then(|o| o.as_array().ok()).and_then(|a| {
            let v: Vec<f64> = a.iter().filter_map(num).collect();
            <[f64; 6]>::try_from(v).ok()
        });
        let outer = (self.gs, self.saved.len());
        self.gs.ctm = concat(&matrix.unwrap_or(IDENTITY), &self.gs.ctm);
        self.stack.push(*id);
        let result = decode(&content).and_then(|content| self.stream(&content, inner));
        self.stack.pop();
        self.gs = outer.0;
        self.saved.truncate(outer.1);
        result
    }

    fn font_of(&mut self, resources: &Dictionary, name: Option<&Object>) -> Option<Rc<str>> {
        let name = name?.as_name().ok()?;
        let fonts = as_dict(self.doc, resources.get(b"Font").ok()?)?;
        let entry = fonts.get(name).ok()?;
        let key = entry.as_reference().ok();
        if let Some(cached) = key.and_then(|k| self.names.get(&k)) {
            return cached.clone();
        }
        let base = as_dict(self.doc, entry)
            .and_then(|d| d.get(b"BaseFont").ok())
            .and_then(|o| o.as_name().ok())
            .map(|n| Rc::from(strip_subset(&String::from_utf8_lossy(n))));
        if let Some(k) = key {
            self.names.insert(k, base.clone());
        }
        base
    }
}

/// `ABCDEF+TimesNewRoman` → `TimesNewRoman`.
pub(crate) fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// Follows a reference (one level, as page attributes use them).
fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    match obj {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

fn as_dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    deref(doc, obj)?.as_dict().ok()
}

/// A page attribute, looked up through `/Parent` (bounded, so loops end).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut dict = page;
    for _ in 0..32 {
        if let Ok(v) = dict.get(key) {
            return deref(doc, v);
        }
        dict = dict.get(b"Parent").ok().and_then(|p| as_dict(doc, p))?;
    }
    None
}

/// Whether following `/Parent` from `page` ends (pdf-extract follows it without a bound).
fn parents_end(doc: &Document, page: &Dictionary) -> bool {
    let mut dict = page;
    for _ in 0..64 {
        match dict.get(b"Parent").ok().and_then(|p| as_dict(doc, p)) {
            Some(parent) => dict = parent,
            None => return true,
        }
    }
    false
}

fn media_box(doc: &Document, obj: &Object) -> Option<[f32; 4]> {
    let arr = obj.as_array().ok()?;
    if arr.len() != 4 {
        return None;
    }
    let mut out = [0f32; 4];
    for (slot, o) in out.iter_mut().zip(arr) {
        *slot = match deref(doc, o)? {
            Object::Integer(i) => *i as f32,
            Object::Real(r) => *r,
            _ => return None,
        };
    }
    let ok = out.iter().all(|v| v.is_finite()) && (out[2] - out[0]).abs() > 1.0 && (out[3] - out[1]).abs() > 1.0;
    ok.then_some(out)
}
