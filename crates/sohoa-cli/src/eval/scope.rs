//! What part of a predicted document a gold file annotates: the whole
//! document, or only its annex (`PHỤ LỤC`), as the annotators' `annex-only/`
//! gold does for a plan whose body was not annotated.

use serde_json::Value;

/// `sohoa eval --scope`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Scope {
    /// Every record of the prediction.
    #[default]
    Whole,
    /// The document record, the tasks under a `PHỤ LỤC` section, and the
    /// citations and KPIs from the annex's first line on (KPIs of annex tasks
    /// wherever they stand).
    Annex,
}

/// The records of `pred` that `scope` scores.
pub fn restrict(pred: Vec<Value>, scope: Scope) -> Vec<Value> {
    match scope {
        Scope::Whole => pred,
        Scope::Annex => annex_records(pred),
    }
}

fn annex_records(pred: Vec<Value>) -> Vec<Value> {
    let start = pred.iter().filter(|r| kind(r) == "section" && in_annex(&r["path"])).filter_map(line).min();
    let tasks: Vec<String> = pred
        .iter()
        .filter(|r| kind(r) == "task" && in_annex(&r["section"]))
        .filter_map(|r| r["id"].as_str().map(str::to_string))
        .collect();
    let after_start = |r: &Value| start.is_some_and(|s| line(r).is_some_and(|l| l >= s));
    pred.into_iter()
        .filter(|r| match kind(r) {
            "document" => true,
            "task" => in_annex(&r["section"]),
            "citation" => after_start(r),
            "kpi" => match r["task"].as_str() {
                Some(id) => tasks.iter().any(|t| t == id),
                None => after_start(r),
            },
            _ => false,
        })
        .collect()
}

fn kind(r: &Value) -> &str {
    r["type"].as_str().unwrap_or_default()
}

fn line(r: &Value) -> Option<u64> {
    r["source"]["line"].as_u64()
}

/// Whether a section path starts in an annex (`PHỤ LỤC`, `PHỤ LỤC I`, `Phụ lục số 01`).
fn in_annex(path: &Value) -> bool {
    path.get(0).and_then(Value::as_str).is_some_and(|first| first.to_uppercase().starts_with("PHỤ LỤC"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Vec<Value> {
        vec![
            json!({"type": "document"}),
            json!({"type": "section", "path": ["I"], "source": {"line": 5}}),
            json!({"type": "section", "path": ["PHỤ LỤC", "I"], "source": {"line": 40}}),
            json!({"type": "task", "id": "t1", "section": ["I"], "source": {"line": 6}}),
            json!({"type": "task", "id": "t2", "section": ["PHỤ LỤC", "I"], "source": {"line": 41}}),
            json!({"type": "citation", "source": {"line": 7}}),
            json!({"type": "citation", "source": {"line": 42}}),
            json!({"type": "kpi", "task": "t1", "source": {"line": 6}}),
            json!({"type": "kpi", "task": "t2", "source": {"line": 41}}),
            json!({"type": "kpi", "task": null, "source": {"line": 3}}),
            json!({"type": "kpi", "task": null, "source": {"line": 45}}),
        ]
    }

    #[test]
    fn whole_keeps_everything() {
        assert_eq!(restrict(sample(), Scope::Whole).len(), 11);
    }

    #[test]
    fn annex_keeps_the_document_and_what_stands_in_the_annex() {
        let kept = restrict(sample(), Scope::Annex);
        let lines: Vec<(String, Option<u64>)> = kept.iter().map(|r| (kind(r).to_string(), line(r))).collect();
        assert_eq!(
            lines,
            vec![
                ("document".into(), None),
                ("task".into(), Some(41)),
                ("citation".into(), Some(42)),
                ("kpi".into(), Some(41)),
                ("kpi".into(), Some(45)),
            ]
        );
    }

    #[test]
    fn annex_of_a_document_without_one_is_the_document_record_alone() {
        let body: Vec<Value> =
            sample().into_iter().filter(|r| !in_annex(&r["path"]) && !in_annex(&r["section"])).collect();
        assert_eq!(restrict(body, Scope::Annex).len(), 1);
    }
}
