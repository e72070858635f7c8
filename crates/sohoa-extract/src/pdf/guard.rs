//! Running pdf-extract and lopdf under `catch_unwind`, quietly.
//!
//! Both crates panic on some damaged files; the PDF reader catches those panics
//! per page and reports them as diagnostics. A process-wide panic hook is
//! installed once: it stays silent for a panic raised inside [`catch`] on the
//! current thread (the panic is handled there) and hands every other panic to
//! the hook that was installed before.

use crate::panic_text;
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

/// Runs `f`; a panic inside it becomes `Err(message)`.
pub(crate) fn catch<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    let outer = CATCHING.with(|c| c.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(outer));
    result.map_err(|p| panic_text(&p))
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
}
