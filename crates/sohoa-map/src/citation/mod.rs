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
mod lex;
mod pinpoint;
mod stop;
mod symbol;

use anchor::{Anchor, Named};
use fields::Fields;

/// A citation found in one text, before provenance and short-mention resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct CitationMention {
    /// The document kind (`nghi_dinh`, ...), as in `CitationRecord::kind`.
    pub kind: String,
    /// The number part of the số ký hiệu, as printed.
    pub number: Option<String>,
    /// The year, from the number, date or `năm YYYY`.
    pub year: Option<i32>,
    /// The symbol part (`NĐ-CP`).
    pub symbol: Option<String>,
    /// The canonical id; a short mention holds its bare number until [`resolve_short_keys`].
    pub key: String,
    /// ISO date of issue.
    pub date: Option<String>,
    /// The issuer as written.
    pub issuer: Option<String>,
    /// What it is about, when the text says.
    pub title: Option<String>,
    /// `khoản 5 Điều 14`, `Phụ lục VII`.
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
    /// The document's own kind (`ke_hoach`), from its type title: an annex line naming a
    /// document of another kind (`(Ban hành kèm theo Nghị quyết số 35-NQ/TU ...)` under a
    /// Kế hoạch) cites that document rather than naming the document itself.
    pub own_kind: Option<String>,
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
    let own_annex = context::is_own_annex_line(text);
    let header = context::header(text);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for a in anchor::find(text) {
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
        .filter(|m| !(own_annex && names_itself(m, ctx)))
        .collect()
}

/// Whether the document an annex line (`(Ban hành kèm theo ...)`) names may be the document
/// itself: a decision (which issues plans) or a document of its own kind, from an issuing
/// body that the document's own number does not contradict (`QĐ-UBND` under `/KH-UBND`).
fn names_itself(m: &CitationMention, ctx: &CitationContext) -> bool {
    let own_kind = ctx.own_kind.as_deref();
    if m.kind != "quyet_dinh" && own_kind.is_some_and(|k| k != m.kind) {
        return false;
    }
    let organ = |symbol: &str| symbol.rsplit(['-', '/']).next().map(str::to_uppercase);
    let own_organ = ctx.own_number.as_deref().and_then(|n| organ(n.rsplit('/').next().unwrap_or(n)));
    match (m.symbol.as_deref().and_then(organ), own_organ) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
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
        Named::Party { number, symbol } => {
            (Some(number.clone()), None, Some(symbol.clone()), format!("{number}-{symbol}"))
        }
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

/// Gives list items what the list says once: a year or an issuer (`của Chính phủ`) written
/// after the last item, an issuer named before the first, the header's issuer to items of its kind.
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
    for i in (1..drafts.len()).rev() {
        let (head, tail) = drafts.split_at_mut(i);
        let (prev, cur) = (&mut head[i - 1].mention, &tail[0].mention);
        if tail[0].chained && prev.issuer.is_none() && prev.kind == cur.kind {
            prev.issuer = cur.issuer.clone();
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

/// The document-level pass over the mentions of a file, each with what the caller ties to it:
/// a law named in lower case (`Luật phòng, chống ...`) is kept only when it repeats a law named
/// properly in the file, whose name (as first printed) becomes its key; short mentions take
/// the key of their full mention ([`resolve_short_keys`]).
pub fn resolve<T>(found: Vec<(CitationMention, T)>) -> Vec<(CitationMention, T)> {
    let proper: Vec<String> = found
        .iter()
        .filter(|(m, _)| m.kind == "luat" && m.number.is_none() && !lower_case_law(&m.key))
        .map(|(m, _)| m.key.clone())
        .collect();
    // a repeat may run on past the name (`theo Luật du lịch, bảo đảm ...`): a name it opens with counts
    let first_printed = |key: &str| {
        let k = crate::words::key(key);
        proper
            .iter()
            .find(|p| k == crate::words::key(p) || k.starts_with(&format!("{} ", crate::words::key(p))))
            .cloned()
    };
    let (mut mentions, tags): (Vec<CitationMention>, Vec<T>) = found
        .into_iter()
        .filter_map(|(mut m, t)| {
            if m.kind == "luat" && m.number.is_none() {
                match first_printed(&m.key) {
                    Some(key) => m.key = key,
                    None if lower_case_law(&m.key) => return None,
                    None => {}
                }
            }
            Some((m, t))
        })
        .unzip();
    resolve_short_keys(&mut mentions);
    mentions.into_iter().zip(tags).collect()
}

/// A law's name whose first word after `Luật` is in lower case (`Luật phòng, chống ...`), other
/// than an amending law's own name (`Luật sửa đổi, bổ sung ...`).
fn lower_case_law(name: &str) -> bool {
    let mut words = name.split_whitespace().skip_while(|w| w.to_lowercase() != "luật");
    let _ = words.next();
    let first = words.next().unwrap_or_default();
    first != "sửa" && first.chars().next().is_some_and(char::is_lowercase)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(preamble: bool) -> CitationContext {
        CitationContext { own_number: Some("/KH-SXD".into()), preamble, own_kind: Some("ke_hoach".into()) }
    }

    fn keys(found: &[(CitationMention, ())]) -> Vec<String> {
        found.iter().map(|(m, _)| m.key.clone()).collect()
    }

    #[test]
    fn laws_by_name_and_their_lower_case_repeats() {
        let mut found: Vec<(CitationMention, ())> = Vec::new();
        for t in
            ["bảo đảm theo Luật Thủy lợi; trên 50% hồ chứa", "theo quy định của Luật thủy lợi.", "theo Luật sư tư vấn."]
        {
            found.extend(scan(t, &ctx(false)).into_iter().map(|m| (m, ())));
        }
        let found = resolve(found);
        assert_eq!(keys(&found), ["Luật Thủy lợi", "Luật Thủy lợi"]);
        assert!(found.iter().all(|(m, _)| m.kind == "luat" && m.number.is_none() && m.role == "reference"));
    }

    #[test]
    fn project_mentions_short_and_full() {
        let mut found: Vec<(CitationMention, ())> = Vec::new();
        for (t, pre) in [
            ("Căn cứ Kế hoạch số 15-KH/TU của Tỉnh ủy Hà Nam ngày 02/3/2025 thực hiện Đề án 04-ĐA/TU;", true),
            ("Bám sát Đề án số 04 và Phương án số 12/PA-UBND ngày 01/4/2025 của UBND tỉnh;", false),
        ] {
            found.extend(scan(t, &ctx(pre)).into_iter().map(|m| (m, ())));
        }
        let found = resolve(found);
        assert_eq!(keys(&found), ["15-KH/TU", "04-ĐA/TU", "04-ĐA/TU", "12/PA-UBND"]);
        let kh = &found[0].0;
        assert_eq!(
            (kh.issuer.as_deref(), kh.date.as_deref(), kh.year),
            (Some("Tỉnh ủy Hà Nam"), Some("2025-03-02"), Some(2025))
        );
        let short = &found[2].0;
        assert_eq!((short.kind.as_str(), short.symbol.as_deref(), short.role.as_str()), ("van_ban", None, "reference"));
        assert_eq!(found[3].0.kind, "van_ban");
    }

    #[test]
    fn annex_lines_of_another_kind_are_citations() {
        let other = scan("(Ban hành kèm theo Nghị quyết số 12-NQ/TU ngày 05/5/2025 của Tỉnh ủy)", &ctx(false));
        assert_eq!(other.len(), 1);
        assert!(scan("(Ban hành kèm theo Quyết định số 30/QĐ-SXD ngày 05/5/2025)", &ctx(false)).is_empty());
        assert!(scan("(Kèm theo Kế hoạch số /KH-SXD ngày 05/5/2025)", &ctx(false)).is_empty());
    }

    #[test]
    fn a_trailing_issuer_is_shared() {
        let m =
            scan("theo Quyết định số 10/QĐ-TTg, Quyết định số 11/QĐ-TTg năm 2024 của Thủ tướng Chính phủ", &ctx(false));
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|m| m.issuer.as_deref() == Some("Thủ tướng Chính phủ") && m.year == Some(2024)), "{m:?}");
    }
}
