//! `sohoa links`: for each document of a store, the archive documents it cites
//! and those citing it (from `citations.target_path`, set by `sohoa convert --db`).

use crate::args::LinksArgs;
use crate::store;
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeMap;

/// One citation between two documents of the archive.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub from: String,
    pub from_number: Option<String>,
    pub to: String,
    pub to_number: Option<String>,
    /// The citation's text.
    pub text: String,
    pub line: Option<i64>,
}

/// The printed lines of one document: what it cites, what cites it.
struct DocLinks<'a> {
    number: Option<&'a str>,
    cites: Vec<String>,
    cited_by: Vec<String>,
}

impl<'a> DocLinks<'a> {
    fn new(number: Option<&'a str>) -> Self {
        DocLinks { number, cites: vec![], cited_by: vec![] }
    }
}

/// Every link, in citing-file order.
pub fn all(conn: &rusqlite::Connection) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare(
        "SELECT c.path, c.doc_number, c.target_path, d.number, c.text, c.line FROM citations c \
         LEFT JOIN documents d ON d.path = c.target_path WHERE c.target_path IS NOT NULL ORDER BY c.path, c.seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Link {
            from: r.get(0)?,
            from_number: r.get(1)?,
            to: r.get(2)?,
            to_number: r.get(3)?,
            text: r.get(4)?,
            line: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Prints, per document with links, what it cites (`->`) and what cites it (`<-`).
pub fn run(a: &LinksArgs) -> Result<()> {
    let conn = store::open_existing(&a.db)?;
    let links = all(&conn)?;
    if a.json {
        for l in &links {
            println!("{}", serde_json::to_string(l)?);
        }
        return Ok(());
    }
    let mut by_doc: BTreeMap<&str, DocLinks> = BTreeMap::new();
    for l in &links {
        let from = by_doc.entry(&l.from).or_insert_with(|| DocLinks::new(l.from_number.as_deref()));
        from.cites.push(format!(
            "  -> {} ({}) line {}",
            l.to,
            l.to_number.as_deref().unwrap_or("no number"),
            l.line.unwrap_or(0)
        ));
        let to = by_doc.entry(&l.to).or_insert_with(|| DocLinks::new(l.to_number.as_deref()));
        to.cited_by.push(format!("  <- {} ({})", l.from, l.from_number.as_deref().unwrap_or("no number")));
    }
    for (doc, d) in &by_doc {
        println!("{doc} ({})", d.number.unwrap_or("no number"));
        d.cites.iter().chain(&d.cited_by).for_each(|l| println!("{l}"));
    }
    eprintln!("sohoa: {} link(s) between {} document(s)", links.len(), by_doc.len());
    Ok(())
}
