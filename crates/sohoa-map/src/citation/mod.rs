//! Mentions of legal and administrative documents (`Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 ...`).
//!
//! A paragraph or cell is scanned for anchors (a số ký hiệu, a short `Quyết định số 766`, a
//! law by name, a standard); each anchor reads its date, issuer and title forward, its
//! pinpoint and any issuer named before it backward. Items of a list share what the list
//! says once: a header's kind and issuer (`các Nghị định của Chính phủ: số ...; số ...`), a
//! trailing year (`01/NQ-CP, 02/NQ-CP năm 2024`), an issuer before (`Chính phủ giao tại ...`).

mod anchor;
mod context;
mod fields;
mod issuer;
mod kind;

use anchor::{Anchor, Named};
use fields::Fields;

/// A citation found in one text, before provenance and short-mention resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct CitationMention {
    pub kind: String,
    pub number: Option<String>,
    pub year: Option<i32>,
    pub symbol: Option<String>,
    /// The canonical id; a short mention holds its bare number until [`resolve_short_keys`].
    pub key: String,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub title: Option<String>,
    pub pinpoint: Option<String>,
    /// `basis` or `reference`.
    pub role: String,
    /// The mention as written.
    pub text: String,
    /// Byte offset of the mention in the scanned text.
    pub offset: usize,
}

/// What a citation scan may lean on besides the text.
#[derive(Debug, Clone, Default)]
pub struct CitationContext {
    /// The document's own number (`11/QĐ-UBND`), so that self-references are skipped.
    pub own_number: Option<String>,
    /// The paragraph sits in the `Căn cứ ...` / `Thực hiện ...` preamble.
    pub preamble: bool,
}

/// One mention while the list it belongs to is still being read.
struct Draft {
    mention: CitationMention,
    /// Joined to the previous mention only by `,`, `;` or `và`.
    chained: bool,
    year_word: Option<i32>,
}

/// The citations in one paragraph or cell, in order.
pub fn scan(text: &str, ctx: &CitationContext) -> Vec<CitationMention> {
    if context::is_own_annex_line(text) {
        return Vec::new();
    }
    let header = context::header(text);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for a in anchor::find(text, ctx.preamble) {
        let prefix = &text[..a.prefix_end];
        let f = fields::after(text, a.core_end);
        let chained = prev_end.is_some_and(|e| e <= a.start && is_separator(&text[e..a.start]));
        let inherited = chained.then(|| drafts.last().map(|d| d.mention.kind.clone())).flatten();
        let Some(kind) = kind_of(&a, prefix, header.as_ref(), inherited) else { continue };
        let mention = build(text, &a, &f, kind, ctx);
        prev_end = Some(prev_end.map_or(f.end, |e| e.max(f.end)));
        drafts.push(Draft { mention, chained, year_word: f.year_word });
    }
    share_list_fields(text, &mut drafts, header.as_ref());
    let own = ctx.own_number.as_deref().map(fold_key);
    drafts
        .into_iter()
        .map(|d| d.mention)
        .filter(|m| own.as_deref() != Some(fold_key(&m.key).as_str()))
        .collect()
}

fn is_separator(gap: &str) -> bool {
    matches!(gap.trim(), "" | "," | ";" | "và" | ", và")
}

fn fold_key(k: &str) -> String {
    k.split_whitespace().collect::<String>().to_uppercase()
}

/// The kind of an anchor: its own word, the list header's (`số ...` items), the previous
/// item's in a list, or the type code of its symbol. `None` drops the anchor (a form number,
/// a bare number with no type code).
fn kind_of(a: &Anchor, prefix: &str, header: Option<&context::Header>, inherited: Option<String>) -> Option<String> {
    if let Some(k) = a.word_kind {
        return Some(k.to_string());
    }
    let (Named::Numbered { symbol, .. } | Named::Party { symbol, .. }) = &a.named else { return None };
    if context::is_form(prefix) {
        return None;
    }
    let after_so = prefix.trim_end().to_lowercase().ends_with("số");
    if let Some(h) = header.filter(|h| a.start >= h.end && after_so) {
        return Some(h.kind.to_string());
    }
    inherited.or_else(|| kind::of_symbol(symbol).map(str::to_string))
}

fn build(text: &str, a: &Anchor, f: &Fields, kind: String, ctx: &CitationContext) -> CitationMention {
    let (number, num_year, symbol, key) = match &a.named {
        Named::Numbered { number, year, symbol } => {
            let key = match year {
                Some(y) => format!("{number}/{y}/{symbol}"),
                None => format!("{number}/{symbol}"),
            };
            (Some(number.clone()), *year, Some(symbol.clone()), key)
        }
        Named::Party { number, symbol } => (Some(number.clone()), None, Some(symbol.clone()), format!("{number}-{symbol}")),
        Named::Short { number } => (Some(number.clone()), None, None, number.clone()),
        Named::Law { name } => (None, None, None, name.clone()),
        Named::Standard { symbol, number, year } => {
            let key = match year {
                Some(y) => format!("{symbol} {number}:{y}"),
                None => format!("{symbol} {number}"),
            };
            (Some(number.clone()), *year, Some(symbol.clone()), key)
        }
    };
    let date_year = f.date.map(|d| d.0);
    CitationMention {
        kind,
        number,
        year: num_year.or(date_year).or(f.year_word),
        symbol,
        key,
        date: f.date.map(crate::deadline::calendar::iso),
        issuer: f.issuer.clone().or_else(|| context::issuer_before(&text[..a.prefix_end])),
        title: f.title.clone(),
        pinpoint: context::pinpoint(&text[..a.prefix_end]),
        role: if ctx.preamble { "basis" } else { "reference" }.to_string(),
        text: text[a.start..f.end.max(a.core_end)].trim_end().to_string(),
        offset: a.start,
    }
}

/// Gives list items what the list says once: a year written after the last item, an
/// issuer named before the first, the header's issuer to items of its kind.
fn share_list_fields(text: &str, drafts: &mut [Draft], header: Option<&context::Header>) {
    for i in (1..drafts.len()).rev() {
        if drafts[i].chained && drafts[i - 1].mention.year.is_none() && drafts[i - 1].year_word.is_none() {
            let (head, tail) = drafts.split_at_mut(i);
            if tail[0].mention.date.is_none() {
                head[i - 1].mention.year = tail[0].year_word;
                head[i - 1].year_word = tail[0].year_word;
            }
        }
    }
    for i in 1..drafts.len() {
        let (head, tail) = drafts.split_at_mut(i);
        let (prev, cur) = (&head[i - 1].mention, &mut tail[0]);
        if cur.chained && cur.mention.issuer.is_none() && cur.mention.kind == prev.kind {
            let before = context::issuer_before(&text[..first_of_chain(head)]);
            cur.mention.issuer = before;
        }
    }
    if let Some(h) = header {
        for d in drafts.iter_mut().filter(|d| d.mention.offset >= h.end && d.mention.kind == h.kind) {
            if d.mention.issuer.is_none() {
                d.mention.issuer = h.issuer.clone();
            }
        }
    }
}

/// The offset of the first mention of the chain that ends the slice.
fn first_of_chain(head: &[Draft]) -> usize {
    let mut i = head.len() - 1;
    while i > 0 && head[i].chained {
        i -= 1;
    }
    head[i].mention.offset
}

/// Gives each short mention (`Quyết định số 766`) the `key` of the full mention
/// of the same document elsewhere in the file. Without one, the key stays the bare
/// number: a key is never guessed from outside the document.
pub fn resolve_short_keys(mentions: &mut [CitationMention]) {
    let full: Vec<(String, String, String)> = mentions
        .iter()
        .filter(|m| m.symbol.is_some())
        .filter_map(|m| Some((m.kind.clone(), m.number.clone()?, m.key.clone())))
        .collect();
    for m in mentions.iter_mut().filter(|m| m.symbol.is_none()) {
        let Some(number) = m.number.as_deref() else { continue };
        let same = |n: &str| n.trim_start_matches('0') == number.trim_start_matches('0');
        let found = full.iter().find(|(k, n, _)| *k == m.kind && same(n)).map(|x| x.2.clone());
        if let Some(key) = found {
            m.key = key;
        }
    }
}
