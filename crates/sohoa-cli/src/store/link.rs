//! Citations linked to the archive's own documents: a citation whose number,
//! symbol and year match a document's number (`528/QĐ-UBND`, `12/2024/NQ-HĐND`)
//! and year, and whose issuer agrees with the document's (one contains the other
//! once folded; a citation naming no issuer links only to a single candidate),
//! gets `target_doc_id` and `target_path`.

use super::fold::search_fold;
use rusqlite::{params, Connection};
use std::collections::HashMap;

/// The parts of a document number: `528/QĐ-UBND` → (`528`, None, `qd-ubnd`).
#[derive(Debug, PartialEq, Eq)]
pub struct NumberKey {
    pub number: String,
    pub year: Option<i64>,
    pub symbol: String,
}

/// Splits a document number; `None` when it has no number or no symbol.
pub fn parse_number(text: &str) -> Option<NumberKey> {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let number = parts.first().filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))?;
    let symbol = parts.last().filter(|s| parts.len() >= 2 && !s.is_empty())?;
    let year = if parts.len() == 3 { parts[1].parse().ok() } else { None };
    Some(NumberKey { number: number.trim_start_matches('0').to_string(), year, symbol: search_fold(symbol) })
}

/// A document of the archive, as a citation may name it.
struct Candidate {
    path: String,
    doc_id: String,
    /// The years a citation may give it: of its number, of its date, its own `year`.
    years: Vec<i64>,
    issuer: Option<String>,
}

/// A citation to resolve.
struct Cite {
    path: String,
    seq: i64,
    number: String,
    symbol: String,
    year: Option<i64>,
    issuer: Option<String>,
}

/// Recomputes every link; returns how many citations are linked.
pub fn link_all(conn: &mut Connection) -> anyhow::Result<usize> {
    let docs = candidates(conn)?;
    let cites = citations(conn)?;
    let tx = conn.transaction()?;
    tx.execute("UPDATE citations SET target_doc_id = NULL, target_path = NULL WHERE target_path IS NOT NULL", [])?;
    let mut linked = 0;
    for c in &cites {
        let key = (c.number.trim_start_matches('0').to_string(), search_fold(&c.symbol));
        let Some(list) = docs.get(&key) else { continue };
        if let Some(target) = resolve(c, list) {
            tx.execute(
                "UPDATE citations SET target_doc_id = ?1, target_path = ?2 WHERE path = ?3 AND seq = ?4",
                params![target.doc_id, target.path, c.path, c.seq],
            )?;
            linked += 1;
        }
    }
    tx.execute("INSERT OR REPLACE INTO meta VALUES ('links_stale', '0')", [])?;
    tx.commit()?;
    Ok(linked)
}

/// The document a citation names among those with its number and symbol.
fn resolve<'a>(c: &Cite, list: &'a [Candidate]) -> Option<&'a Candidate> {
    let fits: Vec<&Candidate> = list
        .iter()
        .filter(|d| d.path != c.path)
        .filter(|d| c.year.is_none_or(|y| d.years.is_empty() || d.years.contains(&y)))
        .filter(|d| issuers_agree(c.issuer.as_deref(), d.issuer.as_deref()))
        .collect();
    let first = *fits.first()?;
    let one_document = fits.iter().all(|d| d.doc_id == first.doc_id);
    (c.issuer.is_some() || one_document).then_some(first)
}

fn issuers_agree(cited: Option<&str>, doc: Option<&str>) -> bool {
    match (cited, doc) {
        (Some(a), Some(b)) => {
            let (a, b) = (search_fold(a), search_fold(b));
            a.contains(&b) || b.contains(&a)
        }
        _ => true,
    }
}

/// Documents with a parseable number, by (number, folded symbol), in path order.
fn candidates(conn: &Connection) -> rusqlite::Result<HashMap<(String, String), Vec<Candidate>>> {
    let mut stmt = conn.prepare(
        "SELECT path, doc_id, number, year, issuer, date FROM documents WHERE number IS NOT NULL ORDER BY path",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out: HashMap<(String, String), Vec<Candidate>> = HashMap::new();
    for row in rows {
        let (path, doc_id, number, year, issuer, date) = row?;
        let Some(key) = parse_number(&number) else { continue };
        let date_year = date.and_then(|d| d.get(..4).and_then(|y| y.parse().ok()));
        let years = [key.year, date_year, year].into_iter().flatten().collect();
        out.entry((key.number, key.symbol)).or_default().push(Candidate { path, doc_id, years, issuer });
    }
    Ok(out)
}

fn citations(conn: &Connection) -> rusqlite::Result<Vec<Cite>> {
    let mut stmt = conn.prepare("SELECT path, seq, number, symbol, year, issuer FROM citations WHERE number IS NOT NULL AND symbol IS NOT NULL ORDER BY path, seq")?;
    let rows = stmt.query_map([], |r| {
        Ok(Cite {
            path: r.get(0)?,
            seq: r.get(1)?,
            number: r.get(2)?,
            symbol: r.get(3)?,
            year: r.get(4)?,
            issuer: r.get(5)?,
        })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_split_into_number_year_symbol() {
        assert_eq!(
            parse_number("528/QĐ-UBND"),
            Some(NumberKey { number: "528".into(), year: None, symbol: "qd-ubnd".into() })
        );
        assert_eq!(parse_number("12/2024/NQ-HĐND").map(|k| k.year), Some(Some(2024)));
        assert_eq!(parse_number("/KH-UBND"), None);
        assert_eq!(parse_number("Không số"), None);
    }

    #[test]
    fn issuers_agree_when_one_names_the_other() {
        assert!(issuers_agree(Some("UBND huyện Ân Thi"), Some("UBND huyện Ân Thi")));
        assert!(!issuers_agree(Some("UBND huyện"), Some("Ủy ban nhân dân huyện Ân Thi")));
        assert!(issuers_agree(Some("UBND huyện"), Some("UBND huyện Ân Thi")));
        assert!(!issuers_agree(Some("UBND tỉnh Lâm Đồng"), Some("UBND huyện Ân Thi")));
    }
}
