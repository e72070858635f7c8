//! What a `convert` run did: documents, records by type, failed files, time.

use sohoa_map::Record;
use std::time::Duration;

/// Record type names in contract order.
const TYPES: [&str; 6] = ["document", "section", "task", "citation", "kpi", "error"];

/// Running totals of a run.
#[derive(Debug, Default)]
pub struct Summary {
    pub documents: usize,
    /// Counts per entry of `TYPES`.
    pub records: [usize; 6],
    /// Files that gave an error record or could not be written.
    pub failed: usize,
}

/// The type name of a record, as its `type` field says.
pub fn type_index(r: &Record) -> usize {
    match r {
        Record::Document(_) => 0,
        Record::Section(_) => 1,
        Record::Task(_) => 2,
        Record::Citation(_) => 3,
        Record::Kpi(_) => 4,
        Record::Error(_) => 5,
    }
}

impl Summary {
    /// Counts one document by its records per type; `failed` when it ended in an error.
    pub fn add_counts(&mut self, counts: &[usize; 6], failed: bool) {
        self.documents += 1;
        self.records.iter_mut().zip(counts).for_each(|(n, c)| *n += c);
        self.failed += usize::from(failed);
    }

    /// The summary line.
    pub fn line(&self, skipped: usize, elapsed: Duration) -> String {
        let by_type: Vec<String> = TYPES.iter().zip(self.records).map(|(t, n)| format!("{n} {t}")).collect();
        let skipped = if skipped > 0 { format!(", {skipped} skipped (unknown type)") } else { String::new() };
        format!(
            "sohoa: {} documents{skipped}; records: {}; {} failed; {:.1} s",
            self.documents,
            by_type.join(", "),
            self.failed,
            elapsed.as_secs_f64()
        )
    }
}

/// The archive line of a run into a folder: what was skipped, loaded, gone and linked.
pub fn archive_line(unchanged: usize, loaded: usize, gone: usize, pruned: bool, linked: Option<usize>) -> String {
    let mut parts = vec![format!("{unchanged} unchanged (skipped)")];
    if loaded > 0 {
        parts.push(format!("{loaded} loaded into the store from their outputs"));
    }
    if gone > 0 {
        parts.push(if pruned {
            format!("{gone} gone (pruned)")
        } else {
            format!("{gone} gone (outputs kept; --prune removes them)")
        });
    }
    if let Some(n) = linked {
        parts.push(format!("{n} citations linked to documents of the archive"));
    }
    // `None`: no store, or nothing changed since the last linking
    format!("sohoa: {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sohoa_map::ErrorRecord;

    #[test]
    fn counts_records_and_failures() {
        let mut s = Summary::default();
        let err =
            Record::Error(ErrorRecord { doc_id: None, path: "x".into(), stage: "read".into(), cause: "gone".into() });
        s.add_counts(&crate::convert::protocol::Converted::from_records(&[err]).counts, true);
        assert_eq!((s.documents, s.records[5], s.failed), (1, 1, 1));
        let line = s.line(2, Duration::from_millis(1500));
        assert_eq!(archive_line(3, 0, 1, false, Some(2)), "sohoa: 3 unchanged (skipped), 1 gone (outputs kept; --prune removes them), 2 citations linked to documents of the archive");
        assert_eq!(line, "sohoa: 1 documents, 2 skipped (unknown type); records: 0 document, 0 section, 0 task, 0 citation, 0 kpi, 1 error; 1 failed; 1.5 s");
    }
}
