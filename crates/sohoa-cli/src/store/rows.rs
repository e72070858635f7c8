//! One document's records (as the JSON of its output lines) into the rows of
//! the store: nested fields flattened into typed columns, units one row each,
//! the document's number, issuer and year copied onto the rows users filter by,
//! folded text into the search index.

use super::fold::search_fold;
use rusqlite::{params, Transaction};
use serde_json::Value;

/// The document fields copied onto task, citation and KPI rows.
#[derive(Default)]
struct DocKeys {
    number: Option<String>,
    issuer: Option<String>,
    year: Option<i64>,
}

/// Inserts the rows of the file `path` (its old rows already deleted).
pub fn insert(tx: &Transaction, path: &str, records: &[Value]) -> rusqlite::Result<()> {
    let mut keys = DocKeys::default();
    let (mut citation, mut kpi) = (0, 0);
    for r in records {
        match r["type"].as_str().unwrap_or("") {
            "document" => keys = document(tx, path, r)?,
            "section" => section(tx, path, r)?,
            "task" => task(tx, path, r, &keys)?,
            "citation" => {
                citation += 1;
                cite(tx, path, r, &keys, citation)?;
            }
            "kpi" => {
                kpi += 1;
                target(tx, path, r, &keys, kpi)?;
            }
            "error" => error(tx, path, r)?,
            _ => {}
        }
    }
    Ok(())
}

fn s(v: &Value) -> Option<&str> {
    v.as_str()
}

fn json(v: &Value) -> String {
    v.to_string()
}

fn document(tx: &Transaction, path: &str, r: &Value) -> rusqlite::Result<DocKeys> {
    let src = &r["source"];
    let signer = &r["signer"];
    tx.prepare_cached(
        "INSERT INTO documents VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)",
    )?
    .execute(params![
        path,
        s(&r["doc_id"]),
        s(&r["kind"]),
        s(&r["number"]),
        s(&r["issuer"]),
        s(&r["place"]),
        s(&r["date"]),
        r["year"].as_i64(),
        s(&r["title"]),
        s(&signer["name"]),
        s(&signer["title"]),
        s(&signer["authority"]),
        json(&r["recipients"]),
        json(&r["attachments"]),
        s(&src["format"]),
        src["pages"].as_i64(),
        src["text_quality"]["ocr"].as_bool(),
        src["text_quality"]["confidence"].as_f64(),
        s(&src["sha256"]),
    ])?;
    if let Some(title) = s(&r["title"]) {
        index(tx, &Indexed { kind: "document", path, id: "", source: &r["source"], text: title })?;
    }
    Ok(DocKeys {
        number: s(&r["number"]).map(str::to_owned),
        issuer: s(&r["issuer"]).map(str::to_owned),
        year: r["year"].as_i64(),
    })
}

fn section(tx: &Transaction, path: &str, r: &Value) -> rusqlite::Result<()> {
    let src = &r["source"];
    tx.prepare_cached("INSERT INTO sections VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")?.execute(params![
        path,
        s(&r["doc_id"]),
        s(&r["id"]),
        s(&r["parent"]),
        s(&r["label"]),
        json(&r["path"]),
        s(&r["title"]),
        src["page"].as_i64(),
        src["line"].as_i64()
    ])?;
    let id = s(&r["id"]).unwrap_or("");
    index(tx, &Indexed { kind: "section", path, id, source: src, text: s(&r["title"]).unwrap_or("") })
}

fn units(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

fn task(tx: &Transaction, path: &str, r: &Value, keys: &DocKeys) -> rusqlite::Result<()> {
    let (src, dl) = (&r["source"], &r["deadline"]);
    let id = s(&r["id"]).unwrap_or("");
    let (lead, partners) = (units(&r["lead"]), units(&r["partners"]));
    tx.prepare_cached(
        "INSERT INTO tasks VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22)",
    )?
    .execute(params![
        path,
        s(&r["doc_id"]),
        id,
        keys.number,
        keys.issuer,
        keys.year,
        json(&r["section"]),
        s(&r["label"]),
        s(&r["content"]),
        lead.join("; "),
        partners.join("; "),
        s(&dl["raw"]),
        s(&dl["kind"]),
        s(&dl["start"]),
        s(&dl["end"]),
        s(&dl["recurrence"]),
        s(&r["outputs"]),
        s(&r["notes"]),
        src["page"].as_i64(),
        src["line"].as_i64(),
        src["table"].as_i64(),
        src["row"].as_i64(),
    ])?;
    let mut unit_row = tx.prepare_cached("INSERT INTO task_units VALUES (?1,?2,?3,?4,?5,?6)")?;
    for (role, list) in [("lead", &lead), ("partner", &partners)] {
        for (k, unit) in list.iter().enumerate() {
            unit_row.execute(params![path, id, role, k as i64, unit, search_fold(unit)])?;
        }
    }
    let content = s(&r["content"]).unwrap_or("");
    let text = [content.to_string(), lead.join("; "), partners.join("; ")].join(" | ");
    index(tx, &Indexed { kind: "task", path, id, source: src, text: &text })
}

fn cite(tx: &Transaction, path: &str, r: &Value, keys: &DocKeys, seq: i64) -> rusqlite::Result<()> {
    let src = &r["source"];
    tx.prepare_cached(
        "INSERT INTO citations VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,NULL,NULL)",
    )?
    .execute(params![
        path,
        s(&r["doc_id"]),
        seq,
        keys.number,
        keys.issuer,
        s(&r["kind"]),
        s(&r["number"]),
        r["year"].as_i64(),
        s(&r["symbol"]),
        s(&r["key"]),
        s(&r["date"]),
        s(&r["issuer"]),
        s(&r["title"]),
        s(&r["pinpoint"]),
        s(&r["role"]),
        s(&r["text"]),
        src["page"].as_i64(),
        src["line"].as_i64(),
    ])?;
    index(tx, &Indexed { kind: "citation", path, id: &seq.to_string(), source: src, text: s(&r["text"]).unwrap_or("") })
}

fn target(tx: &Transaction, path: &str, r: &Value, keys: &DocKeys, seq: i64) -> rusqlite::Result<()> {
    let src = &r["source"];
    tx.prepare_cached("INSERT INTO kpis VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)")?.execute(
        params![
            path,
            s(&r["doc_id"]),
            seq,
            keys.number,
            keys.issuer,
            keys.year,
            s(&r["indicator"]),
            s(&r["comparator"]),
            r["value"].as_f64(),
            r["value_max"].as_f64(),
            s(&r["unit"]),
            s(&r["period"]),
            s(&r["task"]),
            s(&r["text"]),
            src["page"].as_i64(),
            src["line"].as_i64(),
        ],
    )?;
    index(tx, &Indexed { kind: "kpi", path, id: &seq.to_string(), source: src, text: s(&r["text"]).unwrap_or("") })
}

fn error(tx: &Transaction, path: &str, r: &Value) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO errors VALUES (?1,?2,?3,?4)")?.execute(params![
        path,
        s(&r["doc_id"]),
        s(&r["stage"]),
        s(&r["cause"])
    ])?;
    Ok(())
}

/// One row of the search index.
struct Indexed<'a> {
    kind: &'a str,
    path: &'a str,
    id: &'a str,
    /// The record's `source` (`{page, line}`; a document's has neither).
    source: &'a Value,
    text: &'a str,
}

fn index(tx: &Transaction, row: &Indexed) -> rusqlite::Result<()> {
    let mut which =
        tx.prepare_cached("INSERT INTO search_rows (type, path, ref, page, line) VALUES (?1,?2,?3,?4,?5)")?;
    which.execute(params![row.kind, row.path, row.id, row.source["page"].as_i64(), row.source["line"].as_i64()])?;
    let mut folded = tx.prepare_cached("INSERT INTO search (rowid, folded) VALUES (?1, ?2)")?;
    folded.execute(params![tx.last_insert_rowid(), search_fold(row.text)])?;
    Ok(())
}
