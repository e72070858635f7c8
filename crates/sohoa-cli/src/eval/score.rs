//! Matching gold to predicted records and counting hits, per type: tasks and
//! KPIs by greedy best-score pairing, citations by aligning their keys. A port
//! of `score_doc()` and its helpers in `shared/tools/score`.

use super::difflib::{counts, quick_ratio, SequenceMatcher};
use super::fields::{same_exact, same_path, FieldSpec, CITE_FIELDS, DOC_FIELDS, KPI_FIELDS, TASK_FIELDS};
use super::fold::{fold, sim};
use super::pyvalue::{get, py_float, py_str};
use serde_json::Value;

/// The record types scored, in report order.
pub const TYPES: [&str; 4] = ["document", "task", "citation", "kpi"];

/// Counts for one record type.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub gold: usize,
    pub pred: usize,
    pub hit: usize,
    /// Field name → (agreeing, compared), in first-seen order.
    pub fields: Vec<(&'static str, (usize, usize))>,
}

impl Tally {
    fn add_fields(&mut self, spec: FieldSpec, g: &Value, p: &Value) {
        for &(name, same) in spec {
            let ok = usize::from(same(get(Some(g), name), get(Some(p), name)));
            match self.fields.iter_mut().find(|(n, _)| *n == name) {
                Some((_, (k, n))) => {
                    *k += ok;
                    *n += 1;
                }
                None => self.fields.push((name, (ok, 1))),
            }
        }
    }

    /// Precision, recall, F1 (Python's conventions for empty sides).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred > 0 {
            self.hit as f64 / self.pred as f64
        } else if self.gold == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.gold > 0 { self.hit as f64 / self.gold as f64 } else { 1.0 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

/// The running totals over all documents, plus the gold records that found no match.
#[derive(Debug, Default)]
pub struct Scores {
    /// One tally per entry of [`TYPES`].
    pub tallies: [Tally; 4],
    /// Missed gold records per type (`task`, `citation`, `kpi`), as the report lists them.
    pub misses: [Vec<String>; 3],
}

fn by_type<'r>(recs: &'r [Value], t: &str) -> Vec<&'r Value> {
    recs.iter().filter(|r| get(Some(r), "type").and_then(Value::as_str) == Some(t)).collect()
}

/// Pairs scoring at least `threshold`, best first (ties: higher gold index, then
/// higher predicted index, as Python's reverse tuple sort does), each record used once.
/// `score(i, j)` may answer `None` for a pair it knows to be below the threshold.
fn greedy(
    (n_gold, n_pred): (usize, usize),
    score: impl Fn(usize, usize) -> Option<f64>,
    threshold: f64,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for i in 0..n_gold {
        for j in 0..n_pred {
            match score(i, j) {
                Some(s) if s >= threshold => pairs.push((s, i, j)),
                _ => {}
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(y.1.cmp(&x.1)).then(y.2.cmp(&x.2)));
    let (mut used_g, mut used_p) = (vec![false; n_gold], vec![false; n_pred]);
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if !used_g[i] && !used_p[j] {
            used_g[i] = true;
            used_p[j] = true;
            out.push((i, j));
        }
    }
    out
}

/// Citations paired by the difflib alignment of their folded keys.
fn align_keys(gold: &[&Value], pred: &[&Value]) -> Vec<(usize, usize)> {
    let gk: Vec<String> = gold.iter().map(|g| fold(get(Some(g), "key"))).collect();
    let pk: Vec<String> = pred.iter().map(|p| fold(get(Some(p), "key"))).collect();
    let sm = SequenceMatcher::new(&gk, &pk);
    sm.get_matching_blocks().iter().flat_map(|b| (0..b.size).map(move |k| (b.a + k, b.b + k))).collect()
}

/// Tasks paired by content similarity (threshold 0.85).
fn match_tasks(gold: &[&Value], pred: &[&Value]) -> Vec<(usize, usize)> {
    let folds = |recs: &[&Value]| -> Vec<Vec<char>> {
        recs.iter().map(|r| fold(get(Some(r), "content")).chars().collect()).collect()
    };
    let (gf, pf) = (folds(gold), folds(pred));
    let (gc, pc): (Vec<_>, Vec<_>) = (gf.iter().map(|x| counts(x)).collect(), pf.iter().map(|x| counts(x)).collect());
    let score = |i: usize, j: usize| {
        // quick_ratio bounds the ratio: a pair it puts below the threshold never matches
        if quick_ratio(&gc[i], &pc[j], gf[i].len() + pf[j].len()) < TASK_THRESHOLD {
            return None;
        }
        Some(task_score(gold[i], pred[j], SequenceMatcher::new(&gf[i], &pf[j]).ratio()))
    };
    greedy((gold.len(), pred.len()), score, TASK_THRESHOLD)
}

/// Least content similarity of a task match.
const TASK_THRESHOLD: f64 = 0.85;

/// `task_score` of the scorer, given the content similarity `s`.
fn task_score(g: &Value, p: &Value, s: f64) -> f64 {
    if s < TASK_THRESHOLD {
        return s;
    }
    let section = f64::from(u8::from(same_path(get(Some(g), "section"), get(Some(p), "section"))));
    let label = f64::from(u8::from(same_exact(get(Some(g), "label"), get(Some(p), "label"))));
    s + 0.01 * section + 0.01 * label
}

fn kpi_score(g: &Value, p: &Value) -> f64 {
    let same_value = match (py_float(get(Some(g), "value")), py_float(get(Some(p), "value"))) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    };
    if !same_value || fold(get(Some(g), "unit")) != fold(get(Some(p), "unit")) {
        return 0.0;
    }
    sim(get(Some(g), "indicator"), get(Some(p), "indicator"))
}

/// Python `s[:n]` on code points.
fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn str_or_empty(v: Option<&Value>) -> String {
    v.map(|v| py_str(Some(v))).unwrap_or_default()
}

impl Scores {
    /// Adds one document's gold and predicted records.
    pub fn add_doc(&mut self, gold: &[Value], pred: &[Value]) {
        self.add_matched(1, gold, pred, "task", match_tasks);
        self.add_matched(2, gold, pred, "citation", align_keys);
        self.add_matched(3, gold, pred, "kpi", |g, p| {
            greedy((g.len(), p.len()), |i, j| Some(kpi_score(g[i], p[j])), 0.3)
        });
        let (gd, pd) = (by_type(gold, "document"), by_type(pred, "document"));
        if let Some(g) = gd.first() {
            let t = &mut self.tallies[0];
            t.gold += 1;
            t.pred += usize::from(!pd.is_empty());
            t.hit += usize::from(!pd.is_empty());
            let empty = Value::Object(Default::default());
            t.add_fields(DOC_FIELDS, g, pd.first().copied().unwrap_or(&empty));
        }
    }

    fn add_matched(
        &mut self,
        slot: usize,
        gold: &[Value],
        pred: &[Value],
        kind: &str,
        pair: impl Fn(&[&Value], &[&Value]) -> Vec<(usize, usize)>,
    ) {
        let (g, p) = (by_type(gold, kind), by_type(pred, kind));
        let m = pair(&g, &p);
        let spec = match kind {
            "task" => TASK_FIELDS,
            "citation" => CITE_FIELDS,
            _ => KPI_FIELDS,
        };
        let t = &mut self.tallies[slot];
        t.gold += g.len();
        t.pred += p.len();
        t.hit += m.len();
        for &(i, j) in &m {
            t.add_fields(spec, g[i], p[j]);
        }
        let matched: Vec<usize> = m.iter().map(|&(i, _)| i).collect();
        let missed = g.iter().enumerate().filter(|(k, _)| !matched.contains(k)).map(|(_, x)| miss_line(kind, x));
        self.misses[slot - 1].extend(missed);
    }
}

/// How the report names a missed gold record.
fn miss_line(kind: &str, x: &Value) -> String {
    match kind {
        "task" => head(&str_or_empty(get(Some(x), "content")), 90),
        "citation" => str_or_empty(get(Some(x), "key")),
        _ => format!(
            "{}{} {}",
            py_str(get(Some(x), "value")),
            py_str(get(Some(x), "unit")),
            head(&str_or_empty(get(Some(x), "indicator")), 70)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn task(content: &str, section: &[&str]) -> Value {
        json!({"type": "task", "content": content, "section": section, "label": null, "lead": [], "partners": []})
    }

    #[test]
    fn tasks_match_on_content_and_count() {
        let gold =
            vec![task("Rà soát thủ tục hành chính", &["I"]), task("Công khai kết quả giải quyết hồ sơ", &["II"])];
        let pred = vec![task("Rà soát các thủ tục hành chính", &["I"]), task("Một việc khác hẳn", &["II"])];
        let mut s = Scores::default();
        s.add_doc(&gold, &pred);
        let t = &s.tallies[1];
        assert_eq!((t.gold, t.pred, t.hit), (2, 2, 1));
        assert_eq!(t.fields[0], ("section", (1, 1)));
        assert_eq!(s.misses[0], vec!["Công khai kết quả giải quyết hồ sơ".to_string()]);
    }

    #[test]
    fn citations_align_by_key_order() {
        let c = |k: &str| json!({"type": "citation", "key": k, "kind": "luat"});
        let gold = vec![c("a/1"), c("b/2"), c("c/3")];
        let pred = vec![c("b/2"), c("c/3"), c("a/1")];
        let mut s = Scores::default();
        s.add_doc(&gold, &pred);
        assert_eq!(s.tallies[2].hit, 2);
        let (p, r, f) = s.tallies[2].prf();
        assert_eq!((p, r), (2.0 / 3.0, 2.0 / 3.0));
        assert!((f - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn kpis_need_same_value_and_unit() {
        let k =
            |v: Value, u: &str| json!({"type": "kpi", "value": v, "unit": u, "indicator": "Tỷ lệ hồ sơ trực tuyến"});
        let mut s = Scores::default();
        s.add_doc(&[k(json!(45), "%"), k(json!(10), "%")], &[k(json!(45.0), "%"), k(json!(10), "hồ sơ")]);
        assert_eq!(s.tallies[3].hit, 1);
    }

    #[test]
    fn empty_sides_follow_python() {
        let t = Tally::default();
        assert_eq!(t.prf(), (1.0, 1.0, 1.0));
        let t = Tally { gold: 3, ..Tally::default() };
        assert_eq!(t.prf(), (0.0, 0.0, 0.0));
    }
}
