#!/usr/bin/env bash
# The Python package's checks (`make python-test`, run by .ci/run after `make test`):
# a fresh virtual environment, the sohoa wheel built from crates/sohoa-py and
# installed in it, the test tools from PyPI (pytest, ray[data], pyarrow, pandas),
# clippy on the binding crate (not a workspace member), then pytest, which
# compares against the CLI built here. Exit 5 of pytest (no test ran) fails.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-target/py-venv}
PYTHON=${PYTHON:-python3}
export CARGO_TARGET_DIR="$PWD/target"
command -v "$PYTHON" >/dev/null || { echo "python-test: $PYTHON is missing" >&2; exit 2; }
t0=$SECONDS

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q ./crates/sohoa-py
t1=$SECONDS
"$VENV/bin/python" -m pip install -q pytest "ray[data]" pyarrow pandas
t2=$SECONDS
(cd crates/sohoa-py && cargo clippy --all-targets -- -D warnings)
cargo build -p sohoa-cli
t3=$SECONDS

set +e
(cd crates/sohoa-py && SOHOA_BIN="$CARGO_TARGET_DIR/debug/sohoa" "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider tests)
status=$?
set -e
t4=$SECONDS
printf 'python-test: wheel build+install %ds, ray/pyarrow/pandas/pytest install %ds, clippy+CLI %ds, pytest %ds, total %ds\n' \
    $((t1 - t0)) $((t2 - t1)) $((t3 - t2)) $((t4 - t3)) $((t4 - t0))
if [ "$status" = 5 ]; then
    echo "python-test: pytest collected no test" >&2
    exit 1
fi
exit "$status"
