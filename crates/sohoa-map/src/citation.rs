//! Mentions of legal and administrative documents (`Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 ...`).

/// A citation found in one text, before provenance and short-mention resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct CitationMention {
    pub kind: String,
    pub number: Option<String>,
    pub year: Option<i32>,
    pub symbol: Option<String>,
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

/// The citations in one paragraph or cell, in order.
pub fn scan(text: &str, ctx: &CitationContext) -> Vec<CitationMention> {
    let _ = (text, ctx);
    Vec::new()
}

/// Gives each short mention (`Quyết định số 766`) the `key` of the full mention
/// of the same document elsewhere in the file.
pub fn resolve_short_keys(mentions: &mut [CitationMention]) {
    let _ = mentions;
}
