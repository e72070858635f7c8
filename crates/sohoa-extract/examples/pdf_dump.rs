//! Dumps the blocks of PDF files (one line per paragraph or table row), for
//! debugging and for `scripts/bench_pdf.sh`: `pdf_dump [--quiet] [--no-ocr] FILE...`.

use sohoa_extract::{extract_file, Block, ExtractOptions, OcrMode};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let ocr = if args.iter().any(|a| a == "--no-ocr") { OcrMode::Off } else { OcrMode::Auto };
    let opts = ExtractOptions { ocr, ..ExtractOptions::default() };
    let mut pages = 0;
    for file in args.iter().filter(|a| !a.starts_with("--")) {
        match extract_file(Path::new(file), &opts) {
            Ok(doc) => {
                pages += doc.source.pages.unwrap_or(0);
                if !quiet {
                    print_doc(&doc);
                }
            }
            Err(e) => eprintln!("{file}: {e}"),
        }
    }
    eprintln!("pages: {pages}");
}

fn print_doc(doc: &sohoa_extract::Document) {
    for d in &doc.diagnostics {
        println!("# diagnostic: {}", d.message);
    }
    println!("# quality: {:?}", doc.source.text_quality);
    for b in &doc.blocks {
        match b {
            Block::PageBreak { page } => println!("---- page {page}"),
            Block::Paragraph(p) => {
                let b = if p.style.bold { "**" } else { "" };
                println!(
                    "[{}] {}{b}{}{b}",
                    p.span.line,
                    p.label.as_deref().map(|l| format!("{l} ")).unwrap_or_default(),
                    p.text
                );
            }
            Block::Table(t) => {
                println!("<table rows={}>", t.rows.len());
                for r in &t.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| {
                            format!(
                                "{}{}",
                                if c.colspan > 1 || c.rowspan > 1 {
                                    format!("({}x{})", c.rowspan, c.colspan)
                                } else {
                                    String::new()
                                },
                                c.text.replace('\n', "⏎")
                            )
                        })
                        .collect();
                    println!("  {}| {}", if r.header { "H" } else { " " }, cells.join(" | "));
                }
                println!("</table>");
            }
        }
    }
}
