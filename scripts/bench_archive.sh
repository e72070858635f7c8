#!/bin/sh
# Archive bench: builds a synthetic province archive from the corpus (nested
# province/district/year folders; text, DOCX, PDF with a text layer, XLSX; no
# scans), converts it with `--jobs 2 --db`, and prints files/s, total seconds,
# peak RSS and store size: for N files (default 10000), then for N/10 files,
# then a re-run of the unchanged N files; CPU ms per file counts the workers too.
#   scripts/bench_archive.sh [N]
# BIN overrides the binary (default target/release/sohoa); WORK the scratch
# folder (default a temp folder, removed at the end). OCR is off: the archive
# holds no scans, and a PDF that looks poor must not turn into minutes of OCR.
set -eu
cd "$(dirname "$0")/.."
n=${1:-10000}
bin=${BIN:-target/release/sohoa}
[ -x "$bin" ] || { echo "build sohoa first: cargo build --release -p sohoa-cli" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
work=${WORK:-$(mktemp -d)}
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT

# make_archive DIR COUNT: COUNT files under DIR/<province>/<district>/<year>/
make_archive() {
    sh scripts/make_archive_tree.sh "$1" "$2"
}

# run LABEL ARCHIVE OUT DB: one timed conversion
run() {
    label=$1 archive=$2 out=$3 db=$4
    files=$(find "$archive" -type f | wc -l)
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$bin" convert "$archive" -o "$out" --db "$db" --jobs 2 --ocr off -q || true
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    size=$(du -k "$db" | cut -f1)
    # CPU of the whole run (the workers included: GNU time counts waited-for children)
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
    printf '%-28s %7d files %9.1f s %8.1f files/s  CPU %6.1f ms/file  peak RSS %6.1f MiB  store %7.1f MiB\n' \
        "$label" "$files" "$secs" "$(echo "$files / $secs" | bc -l)" "$(echo "1000 * $cpu / $files" | bc -l)" \
        "$(echo "$rss / 1024" | bc -l)" "$(echo "$size / 1024" | bc -l)"
}

echo "binary: $bin ($("$bin" --version)), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
make_archive "$work/big" "$n"
small=$((n / 10))
make_archive "$work/small" "$small"
run "convert $n" "$work/big" "$work/big-out" "$work/big.sqlite"
run "convert $small" "$work/small" "$work/small-out" "$work/small.sqlite"
run "re-run unchanged $n" "$work/big" "$work/big-out" "$work/big.sqlite"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
