//! `Outline::dump`: the canonical text form of an outline, one line per
//! section, item, letterhead and signature line, for the per-stage goldens
//! (`fixtures/segment/`) and for reading what segment found.

use crate::outline::{Item, LogicalRow, Outline, ParaItem, Section};
use sohoa_doc::Span;
use std::fmt::Write;

impl Outline {
    /// Sections first (with parent, kind, label and path), then the items in
    /// reading order, the letterhead, the signature blocks and the diagnostics.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.sections.iter().enumerate() {
            section(&mut out, i, s);
        }
        for item in &self.items {
            match item {
                Item::Heading(i) => line(&mut out, format_args!("H s{i}")),
                Item::Paragraph { para, section } => paragraph(&mut out, para, *section),
                Item::Row { row, section } => table_row(&mut out, row, *section),
            }
        }
        if let Some(l) = &self.letterhead {
            line(&mut out, format_args!("LETTERHEAD {}", at(&l.span)));
            l.lines.iter().for_each(|t| line(&mut out, format_args!("  | {}", flat(t))));
        }
        for b in &self.signatures {
            line(&mut out, format_args!("SIGNATURE {}", at(&b.span)));
            b.recipients.iter().for_each(|t| line(&mut out, format_args!("  to | {}", flat(t))));
            b.signer.iter().for_each(|t| line(&mut out, format_args!("  by | {}", flat(t))));
        }
        for d in &self.diagnostics {
            line(&mut out, format_args!("DIAG {d}"));
        }
        out
    }
}

fn section(out: &mut String, i: usize, s: &Section) {
    let parent = s.parent.map_or("-".to_string(), |p| format!("s{p}"));
    line(
        out,
        format_args!(
            "s{i} {:?} parent={parent} label={:?} printed={:?} path={:?} {} bold={} | {}",
            s.kind,
            s.label,
            s.printed,
            s.path,
            at(&s.span),
            s.style.bold,
            flat(&s.title)
        ),
    );
}

fn paragraph(out: &mut String, p: &ParaItem, section: Option<usize>) {
    line(
        out,
        format_args!(
            "P {} {} label={:?} bold={} | {}",
            sec(section),
            at(&p.span),
            p.label,
            p.style.bold,
            flat(&p.text)
        ),
    );
}

fn table_row(out: &mut String, r: &LogicalRow, section: Option<usize>) {
    let flags = format!("{}{}", if r.bold { " bold" } else { "" }, if r.merged_above { " merged_above" } else { "" });
    line(out, format_args!("R {} {} t{}r{} label={:?}{flags}", sec(section), at(&r.span), r.table, r.row, r.label));
    for c in &r.cells {
        line(out, format_args!("  {:?} [{}] | {}", c.role, flat(&c.header), flat(&c.text)));
    }
}

fn sec(section: Option<usize>) -> String {
    section.map_or("s-".to_string(), |s| format!("s{s}"))
}

fn at(span: &Span) -> String {
    match span.page {
        Some(p) => format!("@{p}:{}", span.line),
        None => format!("@{}", span.line),
    }
}

fn flat(text: &str) -> String {
    text.replace('\n', "⏎")
}

fn line(out: &mut String, args: std::fmt::Arguments) {
    // Writing into a String cannot fail.
    let _ = out.write_fmt(args);
    out.push('\n');
}
