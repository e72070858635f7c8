//! `sohoa export`: every table of a store as one flat file, CSV (RFC 4180,
//! header row) or JSON Lines, rows in key order so two exports compare.

use crate::args::{ExportArgs, ExportFormat};
use crate::store::{self, schema::TABLES};
use anyhow::{Context, Result};
use rusqlite::types::ValueRef;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `DIR/<table>.csv` or `DIR/<table>.jsonl` for every table.
pub fn run(a: &ExportArgs) -> Result<()> {
    let conn = store::open_existing(&a.db)?;
    std::fs::create_dir_all(&a.dir).with_context(|| format!("cannot create {}", a.dir.display()))?;
    for (table, order) in TABLES {
        let rows = table_to(&conn, table, order, a.format, &a.dir)?;
        eprintln!("sohoa: {table}: {rows} rows");
    }
    Ok(())
}

fn table_to(conn: &rusqlite::Connection, table: &str, order: &str, format: ExportFormat, dir: &Path) -> Result<usize> {
    let ext = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Jsonl => "jsonl",
    };
    let path = dir.join(format!("{table}.{ext}"));
    let mut out =
        BufWriter::new(std::fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?);
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))?;
    let names: Vec<String> = stmt.column_names().iter().map(std::string::ToString::to_string).collect();
    if format == ExportFormat::Csv {
        writeln!(out, "{}", names.iter().map(|n| csv_field(n)).collect::<Vec<_>>().join(","))?;
    }
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let values: Vec<serde_json::Value> =
            (0..names.len()).map(|i| row.get_ref(i).map(json_value)).collect::<rusqlite::Result<_>>()?;
        match format {
            ExportFormat::Csv => writeln!(out, "{}", values.iter().map(csv_value).collect::<Vec<_>>().join(","))?,
            ExportFormat::Jsonl => {
                let object: serde_json::Map<String, serde_json::Value> = names.iter().cloned().zip(values).collect();
                writeln!(out, "{}", serde_json::Value::Object(object))?;
            }
        }
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

fn json_value(v: ValueRef) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => f.into(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => format!("<{} bytes>", b.len()).into(),
    }
}

/// A CSV cell: empty for null, the number or the text, quoted when needed.
fn csv_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => csv_field(s),
        other => other.to_string(),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("Phòng Tư pháp"), "Phòng Tư pháp");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_value(&serde_json::Value::Null), "");
        assert_eq!(csv_value(&serde_json::json!(2025)), "2025");
    }
}
