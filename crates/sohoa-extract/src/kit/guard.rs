//! Panics turned into errors: a reader's own panic (a bug, reported on stderr
//! by the panic hook) becomes [`ExtractError::Panic`]; a panic of a parser
//! library on a damaged file is caught quietly by [`catch`].
//!
//! pdf-extract, lopdf and calamine panic on some damaged files; their callers
//! catch those panics and report them as diagnostics or damage. A process-wide
//! panic hook is installed once: it stays silent for a panic raised inside
//! [`catch`] on the current thread (the panic is handled there) and hands every
//! other panic to the hook that was installed before.

use crate::error::ExtractError;
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Whether this thread is inside [`catch`].
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it becomes `Err(message)`, quietly.
pub(crate) fn catch<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    let outer = CATCHING.with(|c| c.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(outer));
    result.map_err(|p| panic_text(&p))
}

/// Runs a reader; its panic becomes [`ExtractError::Panic`] (and is reported
/// by the panic hook, as a reader's panic is a bug).
pub(crate) fn contain<T>(read: impl FnOnce() -> Result<T, ExtractError>) -> Result<T, ExtractError> {
    catch_unwind(AssertUnwindSafe(read)).map_err(|p| ExtractError::Panic(panic_text(&p)))?
}

/// The message of a caught panic.
pub fn panic_text(payload: &Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(std::string::ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_becomes_an_error_and_the_flag_is_restored() {
        let got: Result<u8, String> = catch(|| panic!("bad page"));
        assert_eq!(got, Err("bad page".to_string()));
        assert_eq!(catch(|| 7), Ok(7));
        assert!(!CATCHING.with(Cell::get));
    }

    #[test]
    fn a_reader_panic_becomes_a_panic_error() {
        let got: Result<u8, ExtractError> = contain(|| panic!("reader bug {}", 7));
        assert!(matches!(&got, Err(ExtractError::Panic(m)) if m == "reader bug 7"), "{got:?}");
        assert_eq!(contain(|| Ok(3)).ok(), Some(3));
    }
}
