//! Every record the corpus produces validates against `schemas/` (JSON Schema
//! draft 2020-12) and keeps the ordering and id rules of the record contract;
//! the schemas accept every shape `sohoa_map::Record` serializes to and
//! reject records that break the contract.

mod common;

use common::{converted, corpus_folders, read_outputs, repo_root};
use jsonschema::{Draft, Resource, Validator};
use serde_json::{json, Value};
use sohoa_map::*;

/// The validators of `schemas/`: `record.schema.json` and one per record type,
/// every schema registered so their `$ref`s resolve offline.
struct Schemas {
    record: Validator,
    by_type: Vec<(String, Validator)>,
}

fn load_schemas() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo_root().join("schemas")).expect("schemas/ is readable") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("named").to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".schema.json") {
            let schema =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("schema is JSON");
            out.push((stem.to_string(), schema));
        }
    }
    out
}

fn validator() -> Schemas {
    let schemas = load_schemas();
    let build = |schema: &Value| {
        let mut opts = jsonschema::options();
        opts.with_draft(Draft::Draft202012);
        for (_, s) in &schemas {
            let id = s["$id"].as_str().expect("every schema has an $id").to_string();
            opts.with_resource(id, Resource::from_contents(s.clone()).expect("schema is a resource"));
        }
        opts.build(schema).expect("schemas compile")
    };
    let record =
        schemas.iter().find(|(n, _)| n == "record").map(|(_, s)| build(s)).expect("schemas/record.schema.json exists");
    let by_type =
        schemas.iter().filter(|(n, _)| n != "record" && n != "common").map(|(n, s)| (n.clone(), build(s))).collect();
    Schemas { record, by_type }
}

/// Why `record` is invalid (empty when valid). The record schema decides;
/// the schema of the record's own type explains.
fn errors(v: &Schemas, record: &Value) -> Vec<String> {
    if v.record.is_valid(record) {
        return vec![];
    }
    let own = v.by_type.iter().find(|(n, _)| record["type"] == json!(n));
    let explained: Vec<String> = match own {
        Some((_, validator)) => {
            validator.iter_errors(record).map(|e| format!("{}: {}", e.instance_path, cut(&e.to_string()))).collect()
        }
        None => vec![],
    };
    if explained.is_empty() {
        vec![format!("not a valid record (type {})", record["type"])]
    } else {
        explained
    }
}

/// A message cut to a readable length.
fn cut(s: &str) -> String {
    if s.chars().count() > 160 {
        format!("{}…", s.chars().take(160).collect::<String>())
    } else {
        s.to_string()
    }
}

#[test]
fn every_corpus_record_validates_and_keeps_the_contract() {
    let v = validator();
    let mut problems = Vec::new();
    let mut checked = 0;
    for folder in corpus_folders() {
        for (name, text) in read_outputs(&converted(&folder)) {
            let records: Vec<Value> =
                text.lines().map(|l| serde_json::from_str(l).expect("output line is JSON")).collect();
            for (n, r) in records.iter().enumerate() {
                checked += 1;
                for e in errors(&v, r) {
                    problems.push(format!("{folder}/{name}:{}: {e}", n + 1));
                }
            }
            problems.extend(contract(&records).into_iter().map(|e| format!("{folder}/{name}: {e}")));
        }
    }
    assert!(checked > 0, "the corpus produced no records");
    let shown: Vec<&String> = problems.iter().take(40).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s), first ones:\n{}",
        problems.len(),
        shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
}

/// Contract rules a schema cannot express: the document (or one error) comes
/// first, sections before the rest, one `doc_id`, `sN`/`tN` ids in order,
/// parents and KPI tasks that exist.
fn contract(records: &[Value]) -> Vec<String> {
    let mut out = Vec::new();
    let types: Vec<&str> = records.iter().map(|r| r["type"].as_str().unwrap_or("")).collect();
    match types.first() {
        Some(&"error") if types.len() == 1 => return out,
        Some(&"document") => {}
        _ => return vec![format!("must start with a document record or be one error record, got {types:?}")],
    }
    let doc_id = &records[0]["doc_id"];
    if let Some(n) = records.iter().position(|r| &r["doc_id"] != doc_id) {
        out.push(format!("record {} has another doc_id", n + 1));
    }
    if let Some(last_section) = types.iter().rposition(|t| *t == "section") {
        if let Some(first_other) = types.iter().position(|t| ["task", "citation", "kpi"].contains(t)) {
            if first_other < last_section {
                out.push("a section follows a task, citation or kpi".into());
            }
        }
    }
    out.extend(ids_in_order(records, "section", "s"));
    out.extend(ids_in_order(records, "task", "t"));
    let sections: Vec<&Value> = records.iter().filter(|r| r["type"] == "section").map(|r| &r["id"]).collect();
    for (k, s) in records.iter().filter(|r| r["type"] == "section").enumerate() {
        if !s["parent"].is_null() && !sections[..k].contains(&&s["parent"]) {
            out.push(format!("section {} has parent {} that is not an earlier section", s["id"], s["parent"]));
        }
    }
    let tasks: Vec<&Value> = records.iter().filter(|r| r["type"] == "task").map(|r| &r["id"]).collect();
    for k in records.iter().filter(|r| r["type"] == "kpi" && !r["task"].is_null()) {
        if !tasks.contains(&&k["task"]) {
            out.push(format!("kpi names task {} that does not exist", k["task"]));
        }
    }
    out
}

fn ids_in_order(records: &[Value], kind: &str, prefix: &str) -> Vec<String> {
    records
        .iter()
        .filter(|r| r["type"] == kind)
        .enumerate()
        .filter(|(k, r)| r["id"] != json!(format!("{prefix}{}", k + 1)))
        .map(|(k, r)| format!("{kind} number {} has id {}, expected {prefix}{}", k + 1, r["id"], k + 1))
        .collect()
}

const DOC_ID: &str = "1565e888bd593adb";

fn at(line: u32) -> Provenance {
    Provenance { page: Some(2), line, table: None, row: None }
}

/// One record of every type, with optional fields both filled and empty.
fn samples() -> Vec<Record> {
    let quality = TextQualityRecord {
        encodings: vec!["tcvn3".into()],
        converted_chars: 10,
        repaired_chars: 2,
        unreadable_share: 0.0,
        confidence: 0.9,
        ocr: false,
        undecoded_legacy_runs: 0,
    };
    let source = SourceRecord {
        path: "corpus/seeds/000.txt".into(),
        format: "text".into(),
        sha256: format!("{DOC_ID}{}", "0".repeat(48)),
        pages: None,
        text_quality: quality,
    };
    let document = DocumentRecord {
        doc_id: DOC_ID.into(),
        source,
        kind: "quyet_dinh".into(),
        number: Some("11/QĐ-UBND".into()),
        issuer: Some("UBND xã Đa Lộc".into()),
        place: Some("Đa Lộc".into()),
        date: Some("2025-01-07".into()),
        title: Some("Về việc ban hành Kế hoạch".into()),
        year: Some(2025),
        signer: Some(Signer {
            name: Some("Nguyễn Văn Giã".into()), title: Some("CHỦ TỊCH".into()), authority: None
        }),
        recipients: vec!["Như Điều 3".into(), "Lưu: VT".into()],
        attachments: vec![Attachment { kind: "ke_hoach".into(), title: None }],
    };
    let mut bare = document.clone();
    (bare.number, bare.issuer, bare.place, bare.date, bare.title, bare.year, bare.signer) =
        (None, None, None, None, None, None, None);
    bare.kind = "other".into();
    let section = SectionRecord {
        doc_id: DOC_ID.into(),
        id: "s2".into(),
        parent: Some("s1".into()),
        label: Some("1".into()),
        path: vec!["II".into(), "1".into()],
        title: "Nhiệm vụ".into(),
        source: at(4),
    };
    let deadline = Deadline {
        raw: Some("Quý II/2024".into()),
        kind: Some("period".into()),
        start: Some("2024-04-01".into()),
        end: Some("2024-06-30".into()),
        recurrence: None,
    };
    let task = TaskRecord {
        doc_id: DOC_ID.into(),
        id: "t1".into(),
        section: vec!["II".into()],
        label: None,
        content: "Rà soát thủ tục hành chính".into(),
        lead: vec!["Văn phòng".into()],
        partners: vec![],
        deadline,
        outputs: None,
        notes: Some("x".into()),
        source: Provenance { page: None, line: 9, table: Some(1), row: Some(3) },
    };
    let mut no_time = task.clone();
    no_time.deadline = Deadline::default();
    let citation = CitationRecord {
        doc_id: DOC_ID.into(),
        kind: "nghi_dinh".into(),
        number: Some("61".into()),
        year: Some(2018),
        symbol: Some("NĐ-CP".into()),
        key: "61/2018/NĐ-CP".into(),
        date: Some("2018-04-23".into()),
        issuer: Some("Chính phủ".into()),
        title: None,
        pinpoint: Some("Điều 41".into()),
        role: "basis".into(),
        text: "Nghị định số 61/2018/NĐ-CP".into(),
        source: at(12),
    };
    let kpi = KpiRecord {
        doc_id: DOC_ID.into(),
        indicator: "Tỷ lệ thanh toán trực tuyến".into(),
        comparator: ">=".into(),
        value: 45.0,
        value_max: None,
        unit: Some("%".into()),
        period: Some("2024".into()),
        task: Some("t1".into()),
        text: "tối thiểu 45%".into(),
        source: at(20),
    };
    let range = KpiRecord {
        comparator: "range".into(),
        value: 80.0,
        value_max: Some(90.5),
        unit: Some("điểm".into()),
        task: None,
        ..kpi.clone()
    };
    let error = ErrorRecord {
        doc_id: None,
        path: "x.pdf".into(),
        stage: "extract".into(),
        cause: "damaged pdf file: no trailer".into(),
    };
    vec![
        Record::Document(document),
        Record::Document(bare),
        Record::Section(section),
        Record::Task(task),
        Record::Task(no_time),
        Record::Citation(citation),
        Record::Kpi(kpi),
        Record::Kpi(range),
        Record::Error(error),
    ]
}

fn sample_json(kind: &str) -> Value {
    let r = samples()
        .into_iter()
        .find(|r| serde_json::to_value(r).expect("serializes")["type"] == kind)
        .expect("a sample of each type");
    serde_json::to_value(r).expect("serializes")
}

#[test]
fn schemas_accept_every_record_shape() {
    let v = validator();
    for r in samples() {
        let value = serde_json::to_value(&r).expect("record serializes");
        assert_eq!(errors(&v, &value), Vec::<String>::new(), "{value}");
    }
}

/// Turns a valid record into one the schema must reject.
type Breaker = Box<dyn Fn(&mut Value)>;

#[test]
fn schemas_reject_broken_records() {
    let v = validator();
    let broken: Vec<(&str, Breaker)> = vec![
        ("document", Box::new(|r| drop(r.as_object_mut().expect("object").remove("recipients")))),
        ("document", Box::new(|r| r["kind"] = json!("ke hoach"))),
        ("document", Box::new(|r| r["date"] = json!("07/01/2025"))),
        ("document", Box::new(|r| r["source"]["format"] = json!("odt"))),
        ("document", Box::new(|r| r["extra"] = json!(1))),
        ("document", Box::new(|r| r["title"] = json!("Về việc\nban hành"))),
        ("document", Box::new(|r| r["issuer"] = json!("**UBND xã**"))),
        ("document", Box::new(|r| r["recipients"] = json!(["Như  Điều 3"]))),
        ("section", Box::new(|r| r["id"] = json!("x1"))),
        ("task", Box::new(|r| r["deadline"]["recurrence"] = json!("hourly"))),
        ("task", Box::new(|r| r["deadline"]["kind"] = json!("soon"))),
        ("task", Box::new(|r| r["lead"] = json!("Văn phòng"))),
        ("task", Box::new(|r| drop(r["deadline"].as_object_mut().expect("object").remove("raw")))),
        ("citation", Box::new(|r| r["role"] = json!("basic"))),
        ("citation", Box::new(|r| r["year"] = json!("2018"))),
        ("citation", Box::new(|r| r["kind"] = json!("decree"))),
        ("kpi", Box::new(|r| r["comparator"] = json!(">"))),
        ("kpi", Box::new(|r| r["value"] = json!("45"))),
        ("kpi", Box::new(|r| r["value_max"] = json!(50))),
        ("error", Box::new(|r| r["stage"] = json!("parse"))),
        ("error", Box::new(|r| drop(r.as_object_mut().expect("object").remove("cause")))),
    ];
    for (kind, breaker) in broken {
        let mut r = sample_json(kind);
        assert!(errors(&v, &r).is_empty(), "the unbroken {kind} sample validates");
        breaker(&mut r);
        assert!(!errors(&v, &r).is_empty(), "schema accepted a broken {kind}: {r}");
    }
    assert!(!errors(&v, &json!({"type": "memo", "doc_id": DOC_ID})).is_empty());
}

#[test]
fn contract_rules_catch_disorder() {
    let doc = json!({"type": "document", "doc_id": DOC_ID});
    let s = |id: &str, parent: Value| json!({"type": "section", "doc_id": DOC_ID, "id": id, "parent": parent});
    assert!(contract(&[doc.clone(), s("s1", Value::Null), s("s2", json!("s1"))]).is_empty());
    assert_eq!(contract(&[doc.clone(), s("s2", Value::Null)]).len(), 1);
    assert_eq!(contract(&[doc.clone(), s("s1", json!("s5"))]).len(), 1);
    assert_eq!(contract(&[s("s1", Value::Null), doc]).len(), 1);
}
