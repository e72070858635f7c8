//! KPIs of the seed texts against the gold files: every gold KPI must be found (same value,
//! unit and comparator, a similar indicator) in some paragraph or cell of its seed, and the
//! targets found that no gold KPI explains are listed (duplicates of a task's own target in
//! its outputs cell are removed by the caller, not here).

mod common;

use serde_json::Value;
use sohoa_map::kpi::{from_table_row, scan, KpiContext, KpiMention};

/// 2·LCS / (|a| + |b|) over the lowercased characters.
fn similarity(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.to_lowercase().chars().collect(), b.to_lowercase().chars().collect());
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        prev = cur;
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// Every target of a seed: scanned paragraphs and cells, and indicator-table rows (a `%` cell).
fn seed_kpis(stem: &str, ctx: &KpiContext) -> Vec<KpiMention> {
    let text = common::seed_text(stem);
    let mut out = Vec::new();
    for line in text.lines().filter(|l| l.contains('\t')) {
        let cells: Vec<String> = line.split('\t').map(|c| c.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        if let Some(k) = cells.iter().position(|c| c == "%").filter(|&k| k >= 1 && k + 1 < cells.len()) {
            out.extend(from_table_row(&cells[k - 1], "%", &cells[k + 1], ctx));
        }
    }
    for p in common::pieces(&text) {
        out.extend(scan(&p.text, ctx));
    }
    out
}

#[test]
fn seed_kpis_match_gold() {
    let (mut gold_n, mut hit, mut cmp_ok, mut ind_ok, mut period_ok) = (0, 0, 0, 0, 0);
    let (mut found_n, mut unexplained) = (0, Vec::new());
    let mut report = Vec::new();
    for doc in common::gold_docs() {
        let ctx = KpiContext { plan_year: doc.year, ..Default::default() };
        let mut pred = seed_kpis(&doc.stem, &ctx);
        found_n += pred.len();
        let gold: Vec<&Value> = doc.records.iter().filter(|r| r["type"] == "kpi").collect();
        gold_n += gold.len();
        let mut pairs = Vec::new();
        for (i, g) in gold.iter().enumerate() {
            for (j, p) in pred.iter().enumerate() {
                let same = Some(p.value) == g["value"].as_f64() && p.unit.as_deref() == g["unit"].as_str();
                let s = similarity(g["indicator"].as_str().unwrap_or_default(), &p.indicator);
                if same && s >= 0.3 {
                    pairs.push((s, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut used, mut matched) = (vec![false; pred.len()], vec![false; gold.len()]);
        for (s, i, j) in pairs {
            if used[j] || matched[i] {
                continue;
            }
            (used[j], matched[i]) = (true, true);
            hit += 1;
            let (g, p) = (gold[i], &pred[j]);
            let gi = g["indicator"].as_str().unwrap_or_default();
            cmp_ok += usize::from(g["comparator"].as_str() == Some(p.comparator.as_str()));
            period_ok += usize::from(g["period"].as_str() == p.period.as_deref());
            if s >= 0.8 {
                ind_ok += 1;
            } else {
                report.push(format!("{} indicator {s:.2}\n   gold {gi}\n   got  {}", doc.stem, p.indicator));
            }
            if g["comparator"].as_str() != Some(p.comparator.as_str()) {
                report.push(format!("{} comparator {} vs {} for {gi}", doc.stem, g["comparator"], p.comparator));
            }
        }
        for (i, g) in gold.iter().enumerate().filter(|(i, _)| !matched[*i]) {
            report.push(format!("{} MISSED #{i} {} {} {}", doc.stem, g["value"], g["unit"], g["indicator"]));
        }
        let rest: Vec<KpiMention> = pred.drain(..).zip(used).filter(|(_, u)| !u).map(|(p, _)| p).collect();
        unexplained.extend(rest.into_iter().map(|p| format!("{} {}{:?} {}", doc.stem, p.value, p.unit, p.indicator)));
    }
    eprintln!("{}", report.join("\n"));
    eprintln!("not in gold (a task's restated target, or a false target):\n  {}", unexplained.join("\n  "));
    let pct = |n: usize| n as f64 / f64::from(hit.max(1));
    eprintln!(
        "kpis: gold {gold_n}, found {found_n}, gold hit {hit} ({:.3}); comparator {:.3}, indicator>=0.8 {:.3}, period {:.3}",
        f64::from(hit) / gold_n as f64,
        pct(cmp_ok),
        pct(ind_ok),
        pct(period_ok)
    );
    assert!(f64::from(hit) >= 0.9 * gold_n as f64, "gold KPI hit rate below 0.90");
    assert!(cmp_ok as f64 >= 0.95 * f64::from(hit), "comparator accuracy below 0.95");
}

#[test]
fn non_targets_give_nothing() {
    let ctx = KpiContext { plan_year: Some(2024), ..Default::default() };
    for text in [
        "Trong thời gian 10 ngày kể từ ngày tiếp nhận",
        "Phát động mỗi cán bộ, công chức là 01 tuyên truyền viên",
        "Tài khoản định danh điện tử VNeID mức 2",
        "Rà soát thủ tục hành chính (1)",
        "đảm bảo đạt và vượt chỉ tiêu của UBND tỉnh giao",
    ] {
        assert!(scan(text, &ctx).is_empty(), "{text}");
    }
}
