//! The per-field comparisons of the scorer (`TASK_FIELDS`, `CITE_FIELDS`,
//! `KPI_FIELDS`, `DOC_FIELDS` of `shared/tools/score`), in the same order.

use super::fold::{fold, sim};
use super::pyvalue::{get, py_eq, py_str, truthy};
use serde_json::Value;

/// Whether the gold and the predicted value of one field agree.
pub type SameFn = fn(Option<&Value>, Option<&Value>) -> bool;

/// Field name and comparison, in report order.
pub type FieldSpec = &'static [(&'static str, SameFn)];

/// The items Python iterates in `for x in (v or [])`.
fn items(v: Option<&Value>) -> Vec<Value> {
    if !truthy(v) {
        return vec![];
    }
    match v {
        Some(Value::Array(a)) => a.clone(),
        Some(Value::String(s)) => s.chars().map(|c| Value::String(c.to_string())).collect(),
        Some(Value::Object(o)) => o.keys().map(|k| Value::String(k.clone())).collect(),
        _ => vec![],
    }
}

fn folded_items(v: Option<&Value>) -> Vec<String> {
    items(v).iter().map(|x| fold(Some(x))).collect()
}

/// Same elements after folding, order ignored.
pub fn same_list(a: Option<&Value>, b: Option<&Value>) -> bool {
    let (mut x, mut y) = (folded_items(a), folded_items(b));
    x.sort();
    y.sort();
    x == y
}

/// Same elements after folding, in the same order (`task.section`).
pub fn same_path(a: Option<&Value>, b: Option<&Value>) -> bool {
    folded_items(a) == folded_items(b)
}

/// Similar text: ratio at least 0.9.
pub fn same_text(a: Option<&Value>, b: Option<&Value>) -> bool {
    sim(a, b) >= 0.9
}

/// Equal after folding.
pub fn same_exact(a: Option<&Value>, b: Option<&Value>) -> bool {
    fold(a) == fold(b)
}

/// Python `==`.
pub fn same_value(a: Option<&Value>, b: Option<&Value>) -> bool {
    py_eq(a, b)
}

fn same_deadline(a: Option<&Value>, b: Option<&Value>) -> bool {
    let (a, b) = (a.filter(|_| truthy(a)), b.filter(|_| truthy(b)));
    ["kind", "start", "end", "recurrence"].iter().all(|k| py_eq(get(a, k), get(b, k)))
}

fn same_indicator(a: Option<&Value>, b: Option<&Value>) -> bool {
    sim(a, b) >= 0.8
}

fn same_period(a: Option<&Value>, b: Option<&Value>) -> bool {
    if a.is_some() || b.is_some() {
        py_str(a) == py_str(b)
    } else {
        true
    }
}

fn same_signer(a: Option<&Value>, b: Option<&Value>) -> bool {
    let (a, b) = (a.filter(|_| truthy(a)), b.filter(|_| truthy(b)));
    ["name", "title", "authority"].iter().all(|k| same_exact(get(a, k), get(b, k)))
}

pub const TASK_FIELDS: FieldSpec = &[
    ("section", same_path),
    ("label", same_exact),
    ("lead", same_list),
    ("partners", same_list),
    ("deadline", same_deadline),
    ("outputs", same_text),
    ("notes", same_text),
];

pub const CITE_FIELDS: FieldSpec = &[
    ("kind", same_exact),
    ("number", same_exact),
    ("year", same_exact),
    ("symbol", same_exact),
    ("date", same_exact),
    ("issuer", same_exact),
    ("pinpoint", same_exact),
    ("role", same_exact),
];

pub const KPI_FIELDS: FieldSpec = &[
    ("indicator", same_indicator),
    ("comparator", same_exact),
    ("value_max", same_value),
    ("unit", same_exact),
    ("period", same_period),
];

pub const DOC_FIELDS: FieldSpec = &[
    ("kind", same_exact),
    ("number", same_exact),
    ("issuer", same_exact),
    ("place", same_exact),
    ("date", same_exact),
    ("title", same_text),
    ("year", same_value),
    ("signer", same_signer),
    ("recipients", same_list),
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_ignore_order_and_case() {
        assert!(same_list(Some(&json!(["B", "a"])), Some(&json!(["a", "b"]))));
        assert!(same_list(None, Some(&json!([]))));
        assert!(!same_path(Some(&json!(["I", "1"])), Some(&json!(["1", "I"]))));
    }

    #[test]
    fn deadline_compares_four_keys() {
        let g =
            json!({"raw": "Quý II", "kind": "period", "start": "2024-04-01", "end": "2024-06-30", "recurrence": null});
        let p = json!({"raw": "other", "kind": "period", "start": "2024-04-01", "end": "2024-06-30"});
        assert!(same_deadline(Some(&g), Some(&p)));
        assert!(!same_deadline(Some(&g), None));
        assert!(same_deadline(None, Some(&json!({"kind": null}))));
    }

    #[test]
    fn period_compares_str() {
        assert!(same_period(Some(&json!(2024)), Some(&json!("2024"))));
        assert!(!same_period(None, Some(&json!("2024"))));
        assert!(same_period(None, None));
    }
}
