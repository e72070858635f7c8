//! The archive store (`--db FILE`): the records of every converted file in an
//! embedded SQLite database, a table per record type, typed columns, a folded
//! full-text index, and citations linked to the archive's own documents.
//! A file's rows are replaced in one transaction, so a killed run leaves each
//! file's rows either all old or all new.

pub mod fold;
pub mod link;
mod rows;
pub mod schema;

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

/// What the `files` table says of one input.
#[derive(Debug, Clone)]
pub struct FileRow {
    pub path: String,
    pub source: String,
    pub output: String,
    pub sha256: String,
    pub size: u64,
}

/// An open store, shared by the workers of a run.
pub struct Store {
    conn: Mutex<Connection>,
}

/// Opens (creating when missing) the store at `path` for reading and writing.
pub fn open_connection(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path).with_context(|| format!("cannot open the store {}", path.display()))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    // every insert and delete of a file's transaction stays prepared across files
    conn.set_prepared_statement_cache_capacity(64);
    let version: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'store_version'", [], |r| r.get(0))
        .optional()
        .unwrap_or(None);
    if version.as_deref().is_some_and(|v| v != schema::STORE_VERSION) {
        anyhow::bail!(
            "{} was written by another version of sohoa's store: remove it and convert again",
            path.display()
        );
    }
    conn.execute_batch(schema::SCHEMA).context("cannot create the store's tables")?;
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('store_version', ?1)", [schema::STORE_VERSION])?;
    Ok(conn)
}

/// Opens an existing store for queries (a missing file is an error, not a new store).
pub fn open_existing(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(crate::UsageError(format!(
            "{}: no such store (make one with sohoa convert ... --db FILE)",
            path.display()
        ))
        .into());
    }
    open_connection(path)
}

impl Store {
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store { conn: Mutex::new(open_connection(path)?) })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// sha256 per path of every file the store holds.
    pub fn known(&self) -> Result<HashMap<String, String>> {
        let conn = self.lock();
        let mut stmt = conn.prepare("SELECT path, sha256 FROM files")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces every row of `file` with its records (the JSON lines of its output), in one transaction.
    pub fn replace(&self, file: &FileRow, lines: &str) -> Result<()> {
        let records: Vec<Value> =
            lines.lines().map(serde_json::from_str).collect::<Result<_, _>>().context("output lines are JSON")?;
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        delete_rows(&tx, &file.path)?;
        let first = records.first();
        let status = if first.is_some_and(|r| r["type"] == "error") { "error" } else { "ok" };
        let doc_id = first.and_then(|r| r["doc_id"].as_str());
        tx.prepare_cached("INSERT INTO files VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")?.execute(params![
            file.path,
            file.source,
            file.output,
            doc_id,
            file.sha256,
            file.size as i64,
            status,
            sohoa_map::SOHOA_VERSION,
            sohoa_map::SCHEMA_VERSION
        ])?;
        rows::insert(&tx, &file.path, &records)?;
        mark_links_stale(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes every row of a file (pruned).
    pub fn remove(&self, path: &str) -> Result<()> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        delete_rows(&tx, path)?;
        mark_links_stale(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Links citations to the archive's documents (see [`link`]) when a file's
    /// rows changed since the last linking; `None` when nothing changed.
    pub fn link(&self) -> Result<Option<usize>> {
        let mut conn = self.lock();
        let stale: Option<String> =
            conn.query_row("SELECT value FROM meta WHERE key = 'links_stale'", [], |r| r.get(0)).optional()?;
        if stale.as_deref() == Some("0") {
            return Ok(None);
        }
        link::link_all(&mut conn).map(Some)
    }
}

/// Notes, in a file's transaction, that citations must be linked again: a run
/// killed before linking leaves the mark for the next run.
fn mark_links_stale(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT OR REPLACE INTO meta VALUES ('links_stale', '1')")?.execute([])?;
    Ok(())
}

/// Deletes a file's rows from every table (the search index only when the file was there).
fn delete_rows(tx: &rusqlite::Transaction, path: &str) -> rusqlite::Result<()> {
    let existed: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM files WHERE path = ?1)", [path], |r| r.get(0))?;
    if !existed {
        return Ok(());
    }
    for (table, _) in schema::TABLES {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE path = ?1"))?.execute([path])?;
    }
    tx.prepare_cached("DELETE FROM search WHERE rowid IN (SELECT id FROM search_rows WHERE path = ?1)")?
        .execute([path])?;
    tx.prepare_cached("DELETE FROM search_rows WHERE path = ?1")?.execute([path])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: &str = concat!(
        r#"{"type":"document","doc_id":"aa","source":{"path":"x.txt","format":"text","sha256":"aa","pages":null,"text_quality":{"ocr":false,"confidence":1.0}},"kind":"ke_hoach","number":"5/KH-UBND","issuer":"UBND xã A","place":null,"date":"2025-01-02","title":"Kế hoạch phòng, chống ma túy","year":2025,"signer":null,"recipients":[],"attachments":[]}"#,
        "\n",
        r#"{"type":"task","doc_id":"aa","id":"t1","section":["I"],"label":"1","content":"Tuyên truyền Phòng, chống ma túy","lead":["Công an xã"],"partners":["Đoàn Thanh niên","Hội Phụ nữ"],"deadline":{"raw":"Quý I","kind":"period","start":"2025-01-01","end":"2025-03-31","recurrence":null},"outputs":null,"notes":null,"source":{"page":null,"line":9}}"#,
        "\n"
    );

    fn file(path: &str) -> FileRow {
        FileRow { path: path.into(), source: path.into(), output: "x.jsonl".into(), sha256: "aa".into(), size: 1 }
    }

    #[test]
    fn replacing_a_file_keeps_one_copy_of_its_rows() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("a.sqlite")).expect("opens");
        store.replace(&file("x.txt"), LINES).expect("inserts");
        store.replace(&file("x.txt"), LINES).expect("replaces");
        let conn = store.lock();
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).expect("counts");
        assert_eq!(count("SELECT COUNT(*) FROM tasks"), 1);
        assert_eq!(count("SELECT COUNT(*) FROM task_units WHERE role = 'partner'"), 2);
        assert_eq!(count("SELECT COUNT(*) FROM search WHERE search MATCH 'phong chong ma tuy'"), 2);
        assert_eq!(count("SELECT COUNT(*) FROM search_rows"), 2);
        assert_eq!(
            count("SELECT COUNT(*) FROM tasks WHERE deadline_end = '2025-03-31' AND doc_number = '5/KH-UBND'"),
            1
        );
    }
}
