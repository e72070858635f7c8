//! `sohoa search`: folded full-text search of a store, each match printed with
//! its file, page and line (or as one JSON object per match).

use crate::args::{SearchArgs, SearchType};
use crate::store::{self, fold::search_fold};
use crate::UsageError;
use anyhow::Result;
use rusqlite::types::Value as Sql;
use serde::Serialize;

/// One match.
#[derive(Debug, Serialize)]
pub struct Hit {
    #[serde(rename = "type")]
    pub kind: String,
    pub path: String,
    /// Task id, section id, or the citation's / KPI's number within its file.
    #[serde(rename = "ref")]
    pub id: String,
    pub page: Option<i64>,
    pub line: Option<i64>,
    pub text: String,
}

/// Runs a search and prints the matches.
pub fn run(a: &SearchArgs) -> Result<()> {
    let conn = store::open_existing(&a.db)?;
    let hits = find(&conn, a)?;
    for h in &hits {
        if a.json {
            println!("{}", serde_json::to_string(h)?);
        } else {
            let page = h.page.map(|p| format!("p{p}:")).unwrap_or_default();
            println!("{}:{page}{}: [{} {}] {}", h.path, h.line.unwrap_or(0), h.kind, h.id, h.text);
        }
    }
    if !a.json {
        eprintln!("sohoa: {} match(es)", hits.len());
    }
    Ok(())
}

/// The FTS5 query of the user's words: each folded word quoted, all required.
fn match_query(query: &str) -> Option<String> {
    let folded = search_fold(query);
    let words: Vec<String> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| format!("\"{w}\"")).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The text of the record an index row stands for (the index keeps none).
const TEXT: &str = "CASE s.type \
    WHEN 'task' THEN (SELECT t.content || ' | ' || t.lead || ' | ' || t.partners FROM tasks t WHERE t.path = s.path AND t.id = s.ref) \
    WHEN 'citation' THEN (SELECT c.text FROM citations c WHERE c.path = s.path AND c.seq = CAST(s.ref AS INTEGER)) \
    WHEN 'kpi' THEN (SELECT k.text FROM kpis k WHERE k.path = s.path AND k.seq = CAST(s.ref AS INTEGER)) \
    WHEN 'section' THEN (SELECT x.title FROM sections x WHERE x.path = s.path AND x.id = s.ref) \
    ELSE (SELECT d.title FROM documents d WHERE d.path = s.path) END";

/// Matches, best first (ties in path and reference order).
pub fn find(conn: &rusqlite::Connection, a: &SearchArgs) -> Result<Vec<Hit>> {
    let Some(q) = match_query(&a.query) else { return Err(UsageError("the query has no words".into()).into()) };
    let kind = a.kind.or(a.lead.as_ref().map(|_| SearchType::Task));
    let mut sql = format!(
        "SELECT s.type, s.path, s.ref, s.page, s.line, {TEXT} FROM search JOIN search_rows s ON s.id = search.rowid"
    );
    let mut args: Vec<Sql> = vec![Sql::Text(q)];
    sql.push_str(" WHERE search MATCH ?1");
    if let Some(k) = kind {
        sql.push_str(&format!(" AND s.type = '{}'", type_name(k)));
    }
    if let Some(year) = a.year {
        args.push(Sql::Integer(year));
        sql.push_str(&format!(" AND s.path IN (SELECT path FROM documents WHERE year = ?{})", args.len()));
    }
    if let Some(lead) = &a.lead {
        args.push(Sql::Text(format!("%{}%", search_fold(lead))));
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM task_units u WHERE u.path = s.path AND u.task_id = s.ref AND u.role = 'lead' AND u.unit_folded LIKE ?{})",
            args.len()
        ));
    }
    args.push(Sql::Integer(a.limit as i64));
    sql.push_str(&format!(" ORDER BY search.rank, s.path, s.ref LIMIT ?{}", args.len()));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
        Ok(Hit { kind: r.get(0)?, path: r.get(1)?, id: r.get(2)?, page: r.get(3)?, line: r.get(4)?, text: r.get(5)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn type_name(k: SearchType) -> &'static str {
    match k {
        SearchType::Task => "task",
        SearchType::Citation => "citation",
        SearchType::Kpi => "kpi",
        SearchType::Section => "section",
        SearchType::Document => "document",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_folded_and_quoted() {
        assert_eq!(match_query("Phòng, chống MA TÚY").as_deref(), Some("\"phong\" \"chong\" \"ma\" \"tuy\""));
        assert_eq!(match_query("Đề án \"x\"").as_deref(), Some("\"de\" \"an\" \"x\""));
        assert_eq!(match_query(" , "), None);
    }
}
