//! numbering.xml: list definitions and the running counters that render
//! Word's automatic numbers (`I.`, `1.2.`, `a)`, bullets) as printed.
//!
//! Counters live on the abstract list, so two `w:num` instances of one
//! abstract list continue each other unless a `startOverride` restarts them
//! (Word's behaviour). Bullet glyphs are all printed as `"-"` except a `+`
//! glyph, which stays `"+"`: the text path uses the same two labels.

use super::format::format_number;
use super::styles::Styles;
use super::xml::Node;
use std::collections::{HashMap, HashSet};

const LEVELS: usize = 9;

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
pub(crate) struct Level {
    pub start: u32,
    pub fmt: String,
    pub text: Option<String>,
    /// `lvlRestart`: 0 never restarts; `n` restarts after level `n` (1-based).
    pub restart: Option<u8>,
    pub is_lgl: bool,
    pub pstyle: Option<String>,
}

#[derive(Debug, Default)]
struct Abstract {
    levels: Vec<Option<Level>>,
    num_style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    start_overrides: Vec<(usize, u32)>,
    level_overrides: HashMap<usize, Level>,
}

/// The list definitions and counters of one document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    /// Start values currently in force per abstract list (overrides applied).
    starts: HashMap<String, [Option<u32>; LEVELS]>,
    seen_nums: HashSet<String>,
}

fn parse_level(lvl: &Node) -> Level {
    Level {
        start: lvl.child_val("w:start").and_then(|v| v.trim().parse().ok()).unwrap_or(0),
        fmt: lvl.child_val("w:numFmt").unwrap_or("decimal").to_string(),
        text: lvl.child_val("w:lvlText").map(str::to_string),
        restart: lvl.child_val("w:lvlRestart").and_then(|v| v.trim().parse().ok()),
        is_lgl: lvl.child("w:isLgl").is_some_and(super::props::on_off),
        pstyle: lvl.child_val("w:pStyle").map(str::to_string),
    }
}

fn level_index(lvl: &Node) -> Option<usize> {
    lvl.attr("ilvl").and_then(|v| v.trim().parse::<usize>().ok()).filter(|&i| i < LEVELS)
}

fn parse_abstract(node: &Node) -> Abstract {
    let mut levels = vec![None; LEVELS];
    for lvl in node.children_named("w:lvl") {
        if let Some(i) = level_index(lvl) {
            levels[i] = Some(parse_level(lvl));
        }
    }
    Abstract { levels, num_style_link: node.child_val("w:numStyleLink").map(str::to_string) }
}

fn parse_num(node: &Node) -> Option<Num> {
    let mut num = Num { abstract_id: node.child_val("w:abstractNumId")?.to_string(), ..Num::default() };
    for o in node.children_named("w:lvlOverride") {
        let Some(i) = level_index(o) else { continue };
        if let Some(start) = o.child_val("w:startOverride").and_then(|v| v.trim().parse().ok()) {
            num.start_overrides.push((i, start));
        }
        if let Some(lvl) = o.child("w:lvl") {
            num.level_overrides.insert(i, parse_level(lvl));
        }
    }
    Some(num)
}

impl Numbering {
    /// Reads numbering.xml (`None`: no lists in the document).
    pub fn parse(root: Option<&Node>) -> Self {
        let mut out = Numbering::default();
        let Some(root) = root else { return out };
        for a in root.children_named("w:abstractNum") {
            if let Some(id) = a.attr("abstractNumId") {
                out.abstracts.insert(id.to_string(), parse_abstract(a));
            }
        }
        for n in root.children_named("w:num") {
            if let (Some(id), Some(num)) = (n.attr("numId"), parse_num(n)) {
                out.nums.insert(id.to_string(), num);
            }
        }
        out
    }

    /// The abstract list of a num, following one `numStyleLink` hop.
    fn abstract_id(&self, num_id: &str, styles: &Styles) -> Option<String> {
        let num = self.nums.get(num_id)?;
        let abs = self.abstracts.get(&num.abstract_id)?;
        if let Some(link) = &abs.num_style_link {
            let linked = styles.linked_num_id(link).and_then(|id| self.nums.get(&id));
            if let Some(target) = linked.filter(|t| self.abstracts.contains_key(&t.abstract_id)) {
                return Some(target.abstract_id.clone());
            }
        }
        Some(num.abstract_id.clone())
    }

    /// The definition of a level as a num sees it.
    fn level(&self, num_id: &str, abs_id: &str, ilvl: usize) -> Option<Level> {
        if let Some(l) = self.nums.get(num_id).and_then(|n| n.level_overrides.get(&ilvl)) {
            return Some(l.clone());
        }
        self.abstracts.get(abs_id)?.levels.get(ilvl)?.clone()
    }

    /// The level a style-numbered paragraph sits at: the level whose
    /// `w:pStyle` names the style, else 0.
    pub fn level_for_style(&self, num_id: &str, style: &str, styles: &Styles) -> u8 {
        let Some(abs_id) = self.abstract_id(num_id, styles) else { return 0 };
        let Some(abs) = self.abstracts.get(&abs_id) else { return 0 };
        abs.levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.pstyle.as_deref()) == Some(style))
            .map_or(0, |i| i as u8)
    }

    /// Advances the counters for one numbered paragraph and returns its label
    /// as printed (`None`: no visible number).
    pub fn next_label(&mut self, num_id: &str, ilvl: u8, styles: &Styles) -> Option<String> {
        let abs_id = self.abstract_id(num_id, styles)?;
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        self.apply_start_overrides(num_id, &abs_id);
        let levels: Vec<Option<Level>> = (0..LEVELS).map(|i| self.level(num_id, &abs_id, i)).collect();
        let current = levels[ilvl].clone()?;
        let starts = self.starts.get(&abs_id).copied().unwrap_or([None; LEVELS]);
        let start_of = |i: usize| starts[i].or_else(|| levels[i].as_ref().map(|l| l.start)).unwrap_or(0);
        let counters = self.counters.entry(abs_id).or_insert([None; LEVELS]);
        counters[ilvl] = Some(counters[ilvl].map_or(start_of(ilvl), |c| c.saturating_add(1)));
        for (deeper, slot) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            if restarts_after(levels[deeper].as_ref(), deeper, ilvl) {
                *slot = None;
            }
        }
        let values: Vec<u32> = (0..LEVELS).map(|i| counters[i].unwrap_or_else(|| start_of(i))).collect();
        render(&current, &levels, &values)
    }

    /// On the first paragraph of a num with `startOverride`s, restarts those levels.
    fn apply_start_overrides(&mut self, num_id: &str, abs_id: &str) {
        if !self.seen_nums.insert(num_id.to_string()) {
            return;
        }
        let Some(num) = self.nums.get(num_id) else { return };
        for &(i, start) in &num.start_overrides {
            self.counters.entry(abs_id.to_string()).or_insert([None; LEVELS])[i] = None;
            self.starts.entry(abs_id.to_string()).or_insert([None; LEVELS])[i] = Some(start);
        }
    }
}

/// Whether level `deeper` restarts when level `used` (shallower) is used.
fn restarts_after(level: Option<&Level>, deeper: usize, used: usize) -> bool {
    match level.and_then(|l| l.restart) {
        None => true,
        Some(0) => false,
        Some(n) => used < usize::from(n).min(deeper),
    }
}

/// Expands `lvlText` (`%1.%2.`) with the counter values.
fn render(current: &Level, levels: &[Option<Level>], values: &[u32]) -> Option<String> {
    let text = current.text.as_deref()?;
    if current.fmt == "bullet" {
        return bullet_label(text);
    }
    if current.fmt == "none" && !text.contains('%') {
        return non_empty(text.trim().to_string());
    }
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d));
        match (c, digit) {
            ('%', Some(d)) => {
                chars.next();
                let i = d as usize - 1;
                let fmt = levels[i].as_ref().map_or("decimal", |l| l.fmt.as_str());
                let fmt = if current.is_lgl && fmt != "none" { "decimal" } else { fmt };
                out.push_str(&format_number(values[i], fmt));
            }
            _ => out.push(c),
        }
    }
    non_empty(out.trim().to_string())
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// A bullet glyph as printed: `+` stays, every other glyph becomes `-`.
pub(crate) fn bullet_label(glyph: &str) -> Option<String> {
    let g = glyph.trim();
    if g.is_empty() {
        return None;
    }
    Some(if g == "+" { "+".to_string() } else { "-".to_string() })
}
