//! What Python does with a JSON value that the scorer touches: `str()`,
//! `==`, truthiness and `float()`, so the port gives the same verdicts on
//! odd predictions (a number where a string was expected, `1` vs `1.0`).

use serde_json::{Number, Value};

/// `dict.get` on a parsed record: JSON `null` and a missing key are both `None`.
pub fn get<'v>(v: Option<&'v Value>, key: &str) -> Option<&'v Value> {
    match v {
        Some(Value::Object(m)) => m.get(key).filter(|x| !x.is_null()),
        _ => None,
    }
}

/// Python truthiness.
pub fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Python `str(v)`, with `None` for a missing value.
pub fn py_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => py_repr(other),
    }
}

/// Python `repr(v)` of a JSON value as `json.loads` builds it.
pub fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => number_repr(n),
        Value::String(s) => string_repr(s),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => {
            let items: Vec<String> = o.iter().map(|(k, v)| format!("{}: {}", string_repr(k), py_repr(v))).collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

fn number_repr(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        // invariant: a serde_json number that is not an integer is an f64
        float_repr(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// Python `repr(float)`: shortest round-trip digits, positional for exponents
/// -4..16, scientific (`1e+16`, `1.5e-05`) outside.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let s = format!("{x}");
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

fn string_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python `==` between two JSON-loaded values (`1 == 1.0 == True`).
pub fn py_eq(a: Option<&Value>, b: Option<&Value>) -> bool {
    let a = a.filter(|v| !v.is_null());
    let b = b.filter(|v| !v.is_null());
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => value_eq(x, y),
        _ => false,
    }
}

fn value_eq(a: &Value, b: &Value) -> bool {
    match (as_number(a), as_number(b)) {
        (Some(x), Some(y)) => return x == y,
        (Some(_), None) | (None, Some(_)) => return false,
        (None, None) => {}
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| value_eq(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| value_eq(v, w)))
        }
        _ => false,
    }
}

/// Numbers and booleans as one numeric value: integers exactly, floats as floats.
#[derive(PartialEq)]
enum Num {
    Int(i128),
    Float(f64),
}

fn as_number(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::Int(i128::from(*b))),
        Value::Number(n) => Some(if let Some(i) = n.as_i64() {
            Num::Int(i128::from(i))
        } else if let Some(u) = n.as_u64() {
            Num::Int(i128::from(u))
        } else {
            Num::Float(n.as_f64().unwrap_or(f64::NAN))
        }),
        _ => None,
    }
    .map(|n| match n {
        // a float with an integral value compares like the integer, as in Python
        Num::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => Num::Int(f as i128),
        n => n,
    })
}

/// Python `float(v)`, `None` where Python raises.
pub fn py_float(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn str_matches_python() {
        assert_eq!(py_str(None), "None");
        assert_eq!(py_str(Some(&json!(2024))), "2024");
        assert_eq!(py_str(Some(&json!(45.0))), "45.0");
        assert_eq!(py_str(Some(&json!(1.5))), "1.5");
        assert_eq!(py_str(Some(&json!(1e20))), "1e+20");
        assert_eq!(py_str(Some(&json!(0.00001))), "1e-05");
        assert_eq!(py_str(Some(&json!(["a", "it's"]))), "['a', \"it's\"]");
        assert_eq!(py_str(Some(&json!(true))), "True");
    }

    #[test]
    fn equality_matches_python() {
        assert!(py_eq(Some(&json!(1)), Some(&json!(1.0))));
        assert!(py_eq(Some(&json!(true)), Some(&json!(1))));
        assert!(py_eq(None, Some(&Value::Null)));
        assert!(!py_eq(Some(&json!("1")), Some(&json!(1))));
        assert!(!py_eq(Some(&json!(1.5)), Some(&json!(1))));
    }

    #[test]
    fn float_matches_python() {
        assert_eq!(py_float(Some(&json!(" 45 "))), Some(45.0));
        assert_eq!(py_float(Some(&json!("1,5"))), None);
        assert_eq!(py_float(None), None);
        assert_eq!(py_float(Some(&json!(false))), Some(0.0));
    }
}
