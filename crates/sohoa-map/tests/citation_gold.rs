//! Citations of the seed texts against the gold files: the sequence of keys (matched in order,
//! as the scorer does) and the accuracy of every compared field.

mod common;

use serde_json::Value;
use sohoa_map::citation::{resolve_short_keys, scan, CitationContext, CitationMention};

const FIELDS: [&str; 8] = ["kind", "number", "year", "symbol", "date", "issuer", "pinpoint", "role"];

fn pred_field(m: &CitationMention, f: &str) -> Value {
    match f {
        "kind" => Value::from(m.kind.clone()),
        "number" => m.number.clone().into(),
        "year" => m.year.into(),
        "symbol" => m.symbol.clone().into(),
        "date" => m.date.clone().into(),
        "issuer" => m.issuer.clone().into(),
        "pinpoint" => m.pinpoint.clone().into(),
        _ => Value::from(m.role.clone()),
    }
}

/// Longest common subsequence of two key lists, as index pairs.
fn align(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i][j] = if a[i] == b[j] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn scan_seed(stem: &str) -> Vec<CitationMention> {
    let text = common::seed_text(stem);
    let own = common::own_number(&text);
    let mut out = Vec::new();
    for p in common::pieces(&text) {
        out.extend(scan(
            &p.text,
            &CitationContext { own_number: own.clone(), preamble: p.preamble, ..Default::default() },
        ));
    }
    resolve_short_keys(&mut out);
    out
}

#[test]
fn seed_citations_match_gold() {
    let (mut gold_n, mut pred_n, mut hit) = (0, 0, 0);
    let mut field_ok = [0usize; 8];
    let mut report = Vec::new();
    for doc in common::gold_docs() {
        let gold: Vec<&Value> = doc.records.iter().filter(|r| r["type"] == "citation").collect();
        let pred = scan_seed(&doc.stem);
        let gk: Vec<String> = gold.iter().map(|g| g["key"].as_str().unwrap_or_default().to_lowercase()).collect();
        let pk: Vec<String> = pred.iter().map(|p| p.key.to_lowercase()).collect();
        let pairs = align(&gk, &pk);
        gold_n += gold.len();
        pred_n += pred.len();
        hit += pairs.len();
        for &(i, j) in &pairs {
            for (n, f) in FIELDS.iter().enumerate() {
                let (g, p) = (&gold[i][*f], pred_field(&pred[j], f));
                if *g == p || g.as_str().zip(p.as_str()).is_some_and(|(a, b)| a.to_lowercase() == b.to_lowercase()) {
                    field_ok[n] += 1;
                } else {
                    report.push(format!("{} {} {f}: gold {g}, got {p}", doc.stem, gk[i]));
                }
            }
        }
        let (gi, pj): (Vec<usize>, Vec<usize>) = pairs.iter().copied().unzip();
        report.extend((0..gk.len()).filter(|i| !gi.contains(i)).map(|i| format!("{} missed {}", doc.stem, gk[i])));
        report.extend(
            (0..pk.len())
                .filter(|j| !pj.contains(j))
                .map(|j| format!("{} extra {} ({})", doc.stem, pk[j], pred[j].text)),
        );
    }
    let (p, r) = (hit as f64 / pred_n.max(1) as f64, hit as f64 / gold_n.max(1) as f64);
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    eprintln!("{}", report.join("\n"));
    eprintln!("citations: gold {gold_n}, found {pred_n}, matched {hit}: P {p:.3} R {r:.3} F1 {f1:.3}");
    for (n, f) in FIELDS.iter().enumerate() {
        eprintln!("  {f}: {:.3}", field_ok[n] as f64 / hit.max(1) as f64);
    }
    assert!(f1 >= 0.95, "citation F1 {f1:.3} below 0.95");
    assert!(field_ok.iter().all(|&ok| ok as f64 >= 0.9 * hit as f64), "a field below 0.90");
}

#[test]
fn lists_headers_and_self_references() {
    let ctx = CitationContext { own_number: Some("169/KH-UBND".into()), preamble: false, ..Default::default() };
    let keys = |t: &str| scan(t, &ctx).into_iter().map(|m| m.key).collect::<Vec<_>>();
    assert_eq!(keys("giao tại Nghị quyết số 01/NQ-CP, 02/NQ-CP năm 2024 và"), ["01/NQ-CP", "02/NQ-CP"]);
    assert!(keys("(Kèm theo Kế hoạch số 169/KH-UBND ngày 04 tháng 03 năm 2024)").is_empty());
    assert!(keys("Thực hiện Kế hoạch số 169/KH-UBND của UBND").is_empty());
    assert!(keys("biểu mẫu 02/RS-KSTT tại Phụ lục").is_empty());
    let m = scan("Chính phủ giao tại Nghị quyết số 01/NQ-CP, 02/NQ-CP năm 2024", &ctx);
    assert!(m.iter().all(|m| m.year == Some(2024) && m.issuer.as_deref() == Some("Chính phủ")));
}
