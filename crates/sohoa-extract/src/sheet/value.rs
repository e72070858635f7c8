//! Cell values as a person sees them: integers without `.0`, floats without
//! binary noise, dates as dd/mm/yyyy (with hh:mm when there is a time),
//! times of day as hh:mm, longer durations as hh:mm:ss. ODS dates and times
//! (ISO 8601 text) show the same as the xlsx serials they stand for.

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
        Data::DurationIso(s) => iso_duration(s).unwrap_or_else(|| s.clone()),
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

/// `2025-01-07` or `2025-01-07T00:00:00` → `07/01/2025`,
/// `2025-01-07T10:30:00` → `07/01/2025 10:30`; other strings as they are.
fn iso_date(s: &str) -> String {
    let date = s.get(..10).unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return s.to_string() };
    if !(y.len() == 4 && m.len() == 2 && d.len() == 2) {
        return s.to_string();
    }
    let time = s.get(10..).and_then(|t| t.strip_prefix('T')).and_then(|t| t.get(..5)).filter(|t| *t != "00:00");
    match time {
        Some(hm) => format!("{d}/{m}/{y} {hm}"),
        None => format!("{d}/{m}/{y}"),
    }
}

/// `PT08H30M00S` → `08:30` (a time of day, as xlsx shows one);
/// `PT36H00M00S` → `36:00:00`; `None` when it is not of that form.
fn iso_duration(s: &str) -> Option<String> {
    let rest = s.strip_prefix("PT")?;
    let mut seconds = 0f64;
    let mut number = String::new();
    for ch in rest.chars() {
        let unit = match ch {
            'H' => 3600.0,
            'M' => 60.0,
            'S' => 1.0,
            _ => {
                number.push(ch);
                continue;
            }
        };
        seconds += number.parse::<f64>().ok()? * unit;
        number.clear();
    }
    if !number.is_empty() || !seconds.is_finite() || seconds > 1e9 {
        return None;
    }
    let total = seconds.round() as u64;
    let (h, m, sec) = (total / 3600, (total / 60) % 60, total % 60);
    Some(if h < 24 { format!("{h:02}:{m:02}") } else { format!("{h:02}:{m:02}:{sec:02}") })
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
        assert_eq!(display(&Data::DateTimeIso("2025-01-07T00:00:00".into())), "07/01/2025");
        assert_eq!(display(&Data::DateTimeIso("2025-01-07T10:30:00".into())), "07/01/2025 10:30");
        assert_eq!(display(&Data::DateTimeIso("yesterday".into())), "yesterday");
    }

    #[test]
    fn ods_times_as_shown() {
        assert_eq!(display(&Data::DurationIso("PT08H30M00S".into())), "08:30");
        assert_eq!(display(&Data::DurationIso("PT14H00M29.6S".into())), "14:00");
        assert_eq!(display(&Data::DurationIso("PT36H05M00S".into())), "36:05:00");
        assert_eq!(display(&Data::DurationIso("P1D".into())), "P1D");
        assert_eq!(display(&Data::DurationIso("PT1X".into())), "PT1X");
    }
}
