//! The scorer's printed table, list of misses and JSON summary, formatted
//! exactly as `shared/tools/score` prints them.

use super::pyvalue::float_repr;
use super::score::{Scores, TYPES};
use std::fmt::Write;

/// The header lines and one line per record type.
pub fn table(docs: usize, missing: &[String], scores: &Scores) -> String {
    let mut out = format!("{docs} gold documents, {} without output", missing.len());
    if !missing.is_empty() {
        let _ = write!(out, ": {}", missing.join(", "));
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<10} {:>5} {:>5} {:>6} {:>6} {:>6}  field accuracy over matched",
        "records", "gold", "out", "P", "R", "F1"
    );
    for (name, t) in TYPES.iter().zip(&scores.tallies) {
        let (p, r, f) = t.prf();
        let fields: Vec<String> =
            t.fields.iter().map(|(k, (ok, n))| format!("{k} {:.2}", *ok as f64 / *n as f64)).collect();
        let _ =
            writeln!(out, "{name:<10} {:>5} {:>5} {p:>6.3} {r:>6.3} {f:>6.3}  {}", t.gold, t.pred, fields.join("  "));
    }
    out
}

/// Up to `show` missed gold records per type.
pub fn misses(scores: &Scores, show: usize) -> String {
    let mut out = String::new();
    for (name, items) in ["task", "citation", "kpi"].iter().zip(&scores.misses) {
        for x in items.iter().take(show) {
            let _ = writeln!(out, "missed {name}: {x}");
        }
    }
    out
}

/// Python `round(x, 4)`: correctly rounded, ties to even, on the exact binary value.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// The one-line JSON summary, byte for byte as Python's `json.dumps` writes it.
pub fn summary_json(scores: &Scores) -> String {
    let num = |x: f64| float_repr(round4(x));
    let parts: Vec<String> = TYPES
        .iter()
        .zip(&scores.tallies)
        .map(|(name, t)| {
            let (p, r, f) = t.prf();
            let fields: Vec<String> =
                t.fields.iter().map(|(k, (ok, n))| format!("\"{k}\": {}", num(*ok as f64 / *n as f64))).collect();
            format!(
                "\"{name}\": {{\"p\": {}, \"r\": {}, \"f1\": {}, \"fields\": {{{}}}}}",
                num(p),
                num(r),
                num(f),
                fields.join(", ")
            )
        })
        .collect();
    format!("{{{}}}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_like_python() {
        assert_eq!(round4(1.0 / 32.0), 0.0312);
        assert_eq!(float_repr(round4(2.0 / 3.0)), "0.6667");
        assert_eq!(float_repr(round4(1.0)), "1.0");
        assert_eq!(float_repr(round4(0.0)), "0.0");
    }

    #[test]
    fn empty_scores_print_python_table() {
        let s = Scores::default();
        let t = table(1, &["x".into()], &s);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "1 gold documents, 1 without output: x");
        assert_eq!(lines[1], "records     gold   out      P      R     F1  field accuracy over matched");
        assert_eq!(lines[2], "document       0     0  1.000  1.000  1.000  ");
        assert_eq!(
            summary_json(&s),
            "{\"document\": {\"p\": 1.0, \"r\": 1.0, \"f1\": 1.0, \"fields\": {}}, \"task\": {\"p\": 1.0, \"r\": 1.0, \"f1\": 1.0, \"fields\": {}}, \"citation\": {\"p\": 1.0, \"r\": 1.0, \"f1\": 1.0, \"fields\": {}}, \"kpi\": {\"p\": 1.0, \"r\": 1.0, \"f1\": 1.0, \"fields\": {}}}"
        );
    }
}
