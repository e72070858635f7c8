//! Plain-dump tables against the gold tasks of seed 004: every gold task should
//! find a table row whose content cell matches it, and its cells the gold fields.

use sohoa_extract::{extract_file, Block, ExtractOptions, Row, Table};
use std::path::{Path, PathBuf};

/// Content similarity from which a row matches a gold task (the scorer's threshold).
const MATCH: f64 = 0.85;
/// Text similarity from which an outputs/deadline cell equals the gold text.
const SAME: f64 = 0.9;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tables(path: &Path) -> Vec<Table> {
    let doc = extract_file(path, &ExtractOptions::default()).expect("the seed reads"); // invariant: committed fixture
    doc.blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// White space folded, lower case.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// `2·LCS / total` over characters, close to difflib's ratio.
fn sim(a: &str, b: &str) -> f64 {
    let a: Vec<char> = fold(a).chars().collect();
    let b: Vec<char> = fold(b).chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for &x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        prev = cur;
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// A list cell as RECORDS.md splits it: on `;` and on line-leading `- `.
fn entries(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = cell
        .split(['\n', ';'])
        .map(|e| e.trim().trim_start_matches(['-', '+']).trim().trim_end_matches(['.', ',', ';', ':']).trim())
        .filter(|e| !e.is_empty())
        .map(fold)
        .collect();
    out.sort();
    out
}

/// One gold task's fields (from the gold JSON line).
#[derive(Debug)]
struct Gold {
    content: String,
    lead: Vec<String>,
    partners: Vec<String>,
    deadline: String,
    outputs: String,
}

fn gold_tasks(path: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(path).expect("gold file"); // invariant: committed fixture
    text.lines()
        .filter(|l| l.contains("\"type\": \"task\""))
        .map(|l| {
            let v = json::parse(l);
            let list = |k: &str| {
                let mut l: Vec<String> =
                    v.get(k).map(json::Value::strings).unwrap_or_default().iter().map(|s| fold(s)).collect();
                l.sort();
                l
            };
            Gold {
                content: v.get("content").map(json::Value::text).unwrap_or_default(),
                lead: list("lead"),
                partners: list("partners"),
                deadline: v.get("deadline").and_then(|d| d.get("raw")).map(json::Value::text).unwrap_or_default(),
                outputs: v.get("outputs").map(json::Value::text).unwrap_or_default(),
            }
        })
        .collect()
}

/// Column index whose header title contains one of `words`.
fn column(header: &Row, words: &[&str]) -> Option<usize> {
    header.cells.iter().position(|c| words.iter().any(|w| c.text.to_lowercase().contains(w)))
}

#[derive(Default, Debug)]
struct Tally {
    matched: usize,
    lead: usize,
    partners: usize,
    deadline: usize,
    outputs: usize,
}

fn score(tables: &[Table], gold: &[Gold]) -> Tally {
    let mut rows: Vec<(&Row, &Row)> = Vec::new();
    for t in tables {
        let Some(header) = t.rows.first().filter(|r| r.header) else { continue };
        rows.extend(t.rows.iter().skip(1).map(|r| (header, r)));
    }
    let mut tally = Tally::default();
    for g in gold {
        let best = rows
            .iter()
            .map(|(h, r)| (sim(&g.content, r.cells.get(1).map_or("", |c| c.text.as_str())), h, r))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((s, h, r)) = best.filter(|b| b.0 >= MATCH) else {
            eprintln!("MISS {}", g.content.chars().take(80).collect::<String>());
            continue;
        };
        let _ = s;
        tally.matched += 1;
        let cell =
            |words: &[&str]| column(h, words).and_then(|c| r.cells.get(c)).map_or(String::new(), |c| c.text.clone());
        let (lead, partners) = (cell(&["tham mưu", "chủ trì"]), cell(&["phối hợp"]));
        let (deadline, outputs) = (cell(&["thời"]), cell(&["sản phẩm", "kết quả"]));
        let ok = |name: &str, good: bool, got: &str| {
            if !good {
                eprintln!("  {name} differs in {:?}: got {got:?}", g.content.chars().take(40).collect::<String>());
            }
            usize::from(good)
        };
        tally.lead += ok("lead", entries(&lead) == g.lead, &lead);
        tally.partners += ok("partners", entries(&partners) == g.partners, &partners);
        tally.deadline += ok("deadline", sim(&deadline, &g.deadline) >= SAME, &deadline);
        tally.outputs += ok("outputs", sim(&outputs, &g.outputs) >= SAME, &outputs);
    }
    tally
}

#[test]
fn seed_004_tables_match_the_gold_tasks() {
    let root = repo();
    let tables = tables(&root.join("corpus/seeds/004_7a78778d670c068a.txt"));
    let gold = gold_tasks(&root.join("fixtures/gold/004_7a78778d670c068a.gold.jsonl"));
    assert_eq!(gold.len(), 65);
    let t = score(&tables, &gold);
    eprintln!("tables {}, gold tasks {}: {t:?}", tables.len(), gold.len());
    assert_eq!(tables.len(), 2);
    assert!(t.matched >= 63, "content matches {} of 65", t.matched);
    assert!(t.lead >= 28 && t.partners >= 28, "{t:?}");
    assert!(t.deadline >= 60 && t.outputs >= 28, "{t:?}");
}

/// Seed 000's table rewritten column after column (`tests/data/plain_table/make_colwise.py`).
#[test]
fn seed_000_table_written_column_after_column_matches_its_gold() {
    let root = repo();
    let tables = tables(&root.join("crates/sohoa-extract/tests/data/plain_table/000_colwise.txt"));
    let gold = gold_tasks(&root.join("fixtures/gold/000_1565e888bd593adb.gold.jsonl"));
    let t = score(&tables, &gold);
    eprintln!("tables {}, gold tasks {}: {t:?}", tables.len(), gold.len());
    assert_eq!(tables.len(), 1);
    assert_eq!(t.matched, 19, "{t:?}");
    assert!(t.lead >= 18 && t.partners >= 18 && t.deadline >= 18 && t.outputs >= 18, "{t:?}");
}

/// Scores any column-after-column dump against a gold file: a tool, run by hand with
/// `PLAIN_TABLE_DUMP=... PLAIN_TABLE_GOLD=... cargo test --test plain_table -- --ignored`;
/// it fails when the variables are missing or when no gold task is matched.
#[test]
#[ignore = "a tool for a dump named in PLAIN_TABLE_DUMP / PLAIN_TABLE_GOLD"]
fn scores_a_dump_named_in_the_environment() {
    let dump = std::env::var("PLAIN_TABLE_DUMP").expect("PLAIN_TABLE_DUMP names a column-after-column dump");
    let gold = std::env::var("PLAIN_TABLE_GOLD").expect("PLAIN_TABLE_GOLD names a gold file");
    let tables = tables(Path::new(&dump));
    let t = score(&tables, &gold_tasks(Path::new(&gold)));
    eprintln!("tables {}: {t:?}", tables.len());
    assert!(t.matched > 0, "no gold task matched: {t:?}");
}

#[test]
fn seed_001_has_no_table() {
    let tables = tables(&repo().join("corpus/seeds/001_a3b877c4d28aa9a3.txt"));
    assert!(tables.is_empty(), "{} tables", tables.len());
}

/// Just enough JSON for the gold lines.
mod json {
    #[derive(Debug, Clone)]
    pub enum Value {
        Null,
        Bool(bool),
        Num(String),
        Str(String),
        Arr(Vec<Value>),
        Obj(Vec<(String, Value)>),
    }

    impl Value {
        pub fn get(&self, key: &str) -> Option<&Value> {
            match self {
                Value::Obj(kv) => kv.iter().find(|(k, _)| k == key).map(|(_, v)| v),
                _ => None,
            }
        }

        pub fn text(&self) -> String {
            match self {
                Value::Str(s) | Value::Num(s) => s.clone(),
                Value::Bool(b) => b.to_string(),
                _ => String::new(),
            }
        }

        pub fn strings(&self) -> Vec<String> {
            match self {
                Value::Arr(a) => a.iter().map(Value::text).collect(),
                _ => Vec::new(),
            }
        }
    }

    pub fn parse(s: &str) -> Value {
        let chars: Vec<char> = s.chars().collect();
        let mut at = 0;
        value(&chars, &mut at)
    }

    fn skip_ws(c: &[char], at: &mut usize) {
        while *at < c.len() && c[*at].is_whitespace() {
            *at += 1;
        }
    }

    fn value(c: &[char], at: &mut usize) -> Value {
        skip_ws(c, at);
        match c.get(*at) {
            Some('{') => object(c, at),
            Some('[') => array(c, at),
            Some('"') => Value::Str(string(c, at)),
            Some('n') => {
                *at += 4;
                Value::Null
            }
            Some('t') => {
                *at += 4;
                Value::Bool(true)
            }
            Some('f') => {
                *at += 5;
                Value::Bool(false)
            }
            _ => {
                let start = *at;
                while *at < c.len() && !matches!(c[*at], ',' | '}' | ']') && !c[*at].is_whitespace() {
                    *at += 1;
                }
                Value::Num(c[start..*at].iter().collect())
            }
        }
    }

    fn object(c: &[char], at: &mut usize) -> Value {
        let mut kv = Vec::new();
        *at += 1;
        loop {
            skip_ws(c, at);
            if c.get(*at) == Some(&'}') || *at >= c.len() {
                *at += 1;
                return Value::Obj(kv);
            }
            let k = string(c, at);
            skip_ws(c, at);
            *at += 1; // ':'
            let v = value(c, at);
            kv.push((k, v));
            skip_ws(c, at);
            if c.get(*at) == Some(&',') {
                *at += 1;
            }
        }
    }

    fn array(c: &[char], at: &mut usize) -> Value {
        let mut items = Vec::new();
        *at += 1;
        loop {
            skip_ws(c, at);
            if c.get(*at) == Some(&']') || *at >= c.len() {
                *at += 1;
                return Value::Arr(items);
            }
            items.push(value(c, at));
            skip_ws(c, at);
            if c.get(*at) == Some(&',') {
                *at += 1;
            }
        }
    }

    fn string(c: &[char], at: &mut usize) -> String {
        let mut out = String::new();
        *at += 1;
        while *at < c.len() && c[*at] != '"' {
            if c[*at] == '\\' {
                *at += 1;
                match c.get(*at) {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hex: String = c[*at + 1..*at + 5].iter().collect();
                        out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                        *at += 4;
                    }
                    Some(&other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c[*at]);
            }
            *at += 1;
        }
        *at += 1;
        out
    }
}

mod noise {
    use proptest::prelude::*;
    use sohoa_extract::{extract_bytes, Block, ExtractOptions};

    /// Lines a plain dump with tables is made of, to shuffle into noise.
    const PIECES: [&str; 16] = [
        "Số ",
        "TT Nội dung công việc Đơn vị chủ trì",
        "Thời gian",
        "hoàn thành",
        "Sản phẩm",
        "I Xây dựng",
        "1",
        "2.",
        "3",
        "Văn phòng UBND xã Thường",
        "xuyên trong năm 2024",
        "Quý II/2024 Đề án được",
        "- Chậm nhất ngày",
        "15/9/2024",
        "",
        "1 Lĩnh vực đất đai (1) Trước ngày 15/9/2024",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
        /// Any arrangement of table-like lines reads without panicking, and every
        /// table row has one cell per header title.
        #[test]
        fn table_like_noise_reads(picks in proptest::collection::vec(0usize..PIECES.len(), 0..80)) {
            let text: String = picks.iter().map(|&i| format!("{}\n", PIECES[i])).collect();
            let doc = extract_bytes("noise.txt", text.as_bytes(), &ExtractOptions::default());
            prop_assert!(doc.is_ok());
            for b in doc.map(|d| d.blocks).unwrap_or_default() {
                if let Block::Table(t) = b {
                    let width = t.rows.first().map_or(0, |r| r.cells.len());
                    prop_assert!(t.rows.iter().all(|r| r.cells.len() == width));
                }
            }
        }
    }
}
