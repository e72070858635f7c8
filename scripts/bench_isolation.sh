#!/usr/bin/env bash
# Isolation overhead (issue 11): `sohoa convert` with its worker processes against
# `--in-process`, on the same folders in the same run, the two modes taken in turn
# (A B A B ...) so a drift of the machine's speed falls on both.
#   scripts/bench_isolation.sh [FOLDER...]      (default: corpus/real corpus/seeds)
# Prints, per folder, the median wall and CPU seconds of each mode and the overhead
# of workers in per cent. Knobs (environment): RUNS (default 15), BIN (default
# target/release/sohoa), JOBS (default: sohoa's own, the number of CPUs).
# OCR is off and `--force` converts every file on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/sohoa}
RUNS=${RUNS:-15}
[ -x "$BIN" ] || { echo "build sohoa first: cargo build --release -p sohoa-cli" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(corpus/real corpus/seeds)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs=()
[ -z "${JOBS:-}" ] || jobs=(--jobs "$JOBS")

# once MODE DIR: one timed conversion; appends "wall cpu" to $work/MODE.times
once() {
    local mode=$1 dir=$2 extra=()
    [ "$mode" = in-process ] && extra=(--in-process)
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/t" "$BIN" convert "$dir" -o "$work/out-$mode" --ocr off --force -q \
        "${jobs[@]}" "${extra[@]}" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    # wall from the clock in nanoseconds (GNU time's %e has 10 ms steps); CPU from GNU time
    awk -v ns=$((end - start)) '{ printf "%.4f %.3f\n", ns / 1e9, $1 + $2 }' "$work/t" >>"$work/$mode.times"
}

# median COLUMN FILE
median() { cut -d' ' -f"$1" "$2" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "binary: $BIN ($("$BIN" --version)); $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs each, medians"
printf '%-22s %6s %12s %12s %10s %10s %9s\n' folder files "in-proc s" "workers s" "in-proc cpu" "workers cpu" "overhead"
for dir in "${folders[@]}"; do
    rm -f "$work"/*.times
    once workers "$dir"
    once in-process "$dir" # warm the page cache, not counted
    rm -f "$work"/*.times
    for _ in $(seq "$RUNS"); do
        once in-process "$dir"
        once workers "$dir"
    done
    a=$(median 1 "$work/in-process.times") b=$(median 1 "$work/workers.times")
    ac=$(median 2 "$work/in-process.times") bc=$(median 2 "$work/workers.times")
    files=$(find "$dir" -type f | wc -l)
    awk -v d="$dir" -v f="$files" -v a="$a" -v b="$b" -v ac="$ac" -v bc="$bc" \
        'BEGIN { printf "%-22s %6d %12.4f %12.4f %10.3f %10.3f %+8.1f%%\n", d, f, a, b, ac, bc, 100 * (b - a) / a }'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
