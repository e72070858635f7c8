//! The `document` record: header fields, signer, recipients and attachments.

use crate::header;
use crate::record::{Attachment, DocumentRecord, Signer, SourceRecord, TextQualityRecord};
use crate::signature;
use sohoa_doc::Source;
use sohoa_segment::{Item, Outline};

/// Every paragraph and heading as one line of text, in reading order.
pub fn lines(outline: &Outline) -> Vec<String> {
    outline
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Paragraph { para, .. } => Some(with_label(para.label.as_deref(), &para.text)),
            Item::Heading(s) => {
                let sec = &outline.sections[*s];
                Some(with_label(sec.printed.as_deref(), &sec.title))
            }
            Item::Row { .. } => None,
        })
        .collect()
}

fn with_label(label: Option<&str>, text: &str) -> String {
    match label {
        Some(l) => format!("{l} {text}"),
        None => text.to_string(),
    }
}

/// The document record of `src`'s outline: the letterhead and signature blocks first, the
/// running lines where the document has none (text dumps without a letterhead).
pub fn build(src: &Source, outline: &Outline) -> DocumentRecord {
    let lines = lines(outline);
    let head = &lines[..lines.len().min(40)];
    let lh = outline.letterhead.as_ref().map(|l| header::read_letterhead(&l.lines)).unwrap_or_default();
    let number = lh.number.clone().or_else(|| head.iter().find_map(|l| header::number(l)));
    let place_date = lh
        .place
        .clone()
        .map(|p| (p, lh.date.clone(), lh.year))
        .or_else(|| head.iter().find_map(|l| header::place_date_year(l)).map(|(p, d, y)| (p, d, Some(y))));
    let titles: Vec<(usize, &'static str)> =
        lines.iter().enumerate().filter_map(|(i, l)| header::kind_of_title(l).map(|k| (i, k))).collect();
    let inline = if titles.is_empty() { head.iter().find_map(|l| header::kind_and_title_inline(l)) } else { None };
    let kind = titles
        .first()
        .map(|(_, k)| *k)
        .or_else(|| inline.as_ref().map(|(k, _)| *k))
        .or_else(|| lh.subject.as_ref().map(|_| "cong_van"))
        .or_else(|| number.as_deref().and_then(header::kind_of_symbol))
        .unwrap_or("other");
    let title = titles
        .first()
        .and_then(|(i, _)| title_after(&lines, *i))
        .or_else(|| inline.map(|(_, t)| t))
        .or_else(|| lh.subject.clone())
        .or_else(|| subject_line(head));
    let year = title.as_deref().and_then(header::year_in).or_else(|| place_date.as_ref().and_then(|(_, _, y)| *y));
    let block = outline.signatures.first();
    DocumentRecord {
        doc_id: src.doc_id().to_string(),
        source: source(src),
        kind: kind.to_string(),
        number,
        issuer: lh.issuer.clone().or_else(|| lines.iter().take(60).find_map(|l| header::issuer(l))),
        place: place_date.as_ref().map(|(p, _, _)| p.clone()),
        date: place_date.and_then(|(_, d, _)| d),
        title,
        year,
        signer: block.and_then(|b| signature::signer_of_block(&b.signer)).or_else(|| signer(&lines)),
        recipients: block
            .map(|b| signature::recipients_of_block(&b.recipients))
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| recipients(&lines)),
        attachments: attachments(&lines, kind, &titles),
    }
}

fn source(src: &Source) -> SourceRecord {
    let q = &src.text_quality;
    SourceRecord {
        path: src.path.clone(),
        format: src.format.name().to_string(),
        sha256: src.sha256.clone(),
        pages: src.pages,
        text_quality: TextQualityRecord {
            encodings: q.encodings.clone(),
            converted_chars: q.converted_chars,
            repaired_chars: q.repaired_chars,
            unreadable_share: q.unreadable_share,
            confidence: q.confidence,
            ocr: q.ocr,
            undecoded_legacy_runs: q.undecoded_legacy_runs,
        },
    }
}

/// The trích yếu: the line after a type title (skipping an enacting `QUYẾT ĐỊNH:`).
fn title_after(lines: &[String], i: usize) -> Option<String> {
    let next = lines.get(i + 1)?;
    if header::kind_of_title(next).is_some() || next.trim().is_empty() {
        return None;
    }
    Some(crate::words::one_line(next))
}

/// A `V/v ...` subject line, for letters without a type title.
fn subject_line(head: &[String]) -> Option<String> {
    head.iter().find(|l| l.trim_start().starts_with("V/v")).map(|l| crate::words::one_line(l))
}

/// The signature block: title lines then a name, searched after `Nơi nhận` first.
fn signer(lines: &[String]) -> Option<Signer> {
    let start = lines.iter().position(|l| signature::is_recipients_head(l)).unwrap_or(0);
    let order = (start..lines.len()).chain((0..start).rev());
    for i in order {
        if signature::is_title_line(&lines[i]) {
            let end = (i + 6).min(lines.len());
            let block: Vec<String> = lines[i..end]
                .iter()
                .take_while(|l| signature::is_title_line(l) || signature::is_name(l))
                .cloned()
                .collect();
            if let Some(s) = signature::signer(&block) {
                return Some(s);
            }
        }
    }
    None
}

/// The lines of the first `Nơi nhận` list.
fn recipients(lines: &[String]) -> Vec<String> {
    let Some(start) = lines.iter().position(|l| signature::is_recipients_head(l)) else { return Vec::new() };
    let head = &lines[start];
    let inline = head.split_once(':').map(|(_, r)| r.trim()).filter(|r| !r.is_empty());
    let mut out: Vec<String> = inline.into_iter().filter_map(signature::recipient).collect();
    for l in &lines[start + 1..] {
        let t = l.trim_start();
        if !(t.starts_with('-') || t.starts_with('•') || t.starts_with('+')) {
            break;
        }
        out.extend(signature::recipient(t));
    }
    out
}

/// A decision that issues a plan lists it: every later type title that is not another decision.
fn attachments(lines: &[String], kind: &str, titles: &[(usize, &'static str)]) -> Vec<Attachment> {
    if kind != "quyet_dinh" {
        return Vec::new();
    }
    titles
        .iter()
        .skip(1)
        .filter(|(_, k)| *k != "quyet_dinh")
        .map(|(i, k)| Attachment { kind: k.to_string(), title: title_after(lines, *i) })
        .collect()
}
