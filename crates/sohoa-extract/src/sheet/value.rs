//! Cell values as a person sees them: integers without `.0`, floats without
//! binary noise, dates as dd/mm/yyyy, durations as hh:mm:ss.

use calamine::{Data, ExcelDateTime};

/// The displayed text of a cell value (before normalization).
pub(crate) fn display(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => date_time(d),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// `5280.0` → `5280`, `0.1 + 0.2` → `0.3`; at most 10 decimals.
pub(crate) fn number(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{f:.0}");
    }
    if f.abs() >= 1e15 || (f != 0.0 && f.abs() < 1e-10) {
        return f.to_string();
    }
    let s = format!("{f:.10}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn date_time(d: &ExcelDateTime) -> String {
    let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
    if d.is_duration() {
        let total = (d.as_f64() * 86400.0).round() as i64;
        return format!("{:02}:{:02}:{:02}", total / 3600, (total / 60) % 60, total % 60);
    }
    let serial = d.as_f64();
    let has_date = serial >= 1.0;
    let has_time = (h, mi, s) != (0, 0, 0);
    match (has_date, has_time) {
        (true, false) => format!("{day:02}/{mo:02}/{y:04}"),
        (false, _) => format!("{h:02}:{mi:02}"),
        (true, true) => format!("{day:02}/{mo:02}/{y:04} {h:02}:{mi:02}"),
    }
}

/// `2025-01-07` or `2025-01-07T10:00:00` → `07/01/2025`; other strings as they are.
fn iso_date(s: &str) -> String {
    let date = s.get(..10).unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}/{m}/{y}"),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn numbers_as_shown() {
        assert_eq!(number(5280.0), "5280");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-12.5), "-12.5");
        assert_eq!(display(&Data::Int(7)), "7");
    }

    #[test]
    fn dates_day_first() {
        let d = ExcelDateTime::new(45664.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(display(&Data::DateTime(d)), "07/01/2025");
        assert_eq!(display(&Data::DateTimeIso("2025-01-07".into())), "07/01/2025");
    }
}
