//! Fuzz target: the content-stream tokenizer against lopdf's `Content::decode` on
//! arbitrary bytes: the same operations or an error for both, and never a panic of
//! ours. Inputs lopdf panics on (an inline image without colour space, an image size
//! past `usize` under debug assertions) only check that ours returns.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pdf_extract::content::{Content, Operation};
use pdf_extract::Object;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

static QUIET: Once = Once::new();

/// libFuzzer's hook aborts on any panic; lopdf's are expected, so they only mark the input.
fn quiet_lopdf_panics() {
    QUIET.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info.location().is_some_and(|l| l.file().contains("lopdf")) {
                default(info);
            }
        }));
    });
}

fn same_ops(a: &[Operation], b: &[Operation]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.operator == y.operator && same_all(&x.operands, &y.operands))
}

fn same_all(a: &[Object], b: &[Object]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
}

fn same_dict(a: &pdf_extract::Dictionary, b: &pdf_extract::Dictionary) -> bool {
    a.len() == b.len() && a.iter().zip(b.iter()).all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
}

fn same(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::Real(x), Object::Real(y)) => x.to_bits() == y.to_bits(),
        (Object::Array(x), Object::Array(y)) => same_all(x, y),
        (Object::Dictionary(x), Object::Dictionary(y)) => same_dict(x, y),
        (Object::Stream(x), Object::Stream(y)) => same_dict(&x.dict, &y.dict) && x.content == y.content,
        _ => a == b,
    }
}

fuzz_target!(|data: &[u8]| {
    quiet_lopdf_panics();
    let ours = sohoa_extract::decode_pdf_content(data);
    let Ok(theirs) = catch_unwind(AssertUnwindSafe(|| Content::decode(data))) else { return };
    match (theirs, ours) {
        (Ok(a), Ok(b)) => assert!(same_ops(&a.operations, &b.operations), "operations differ"),
        (Err(_), Err(_)) => {}
        (a, b) => panic!("lopdf ok={} sohoa ok={}", a.is_ok(), b.is_ok()),
    }
});
