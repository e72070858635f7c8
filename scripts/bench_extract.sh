#!/bin/sh
# Extraction bench: documents per second and peak memory (max RSS) per format,
# over the corpus files of each format (extraction only: `sohoa text`).
#   scripts/bench_extract.sh [REPEAT]        (default REPEAT=3)
# BIN overrides the binary (default: target/release/sohoa if built, else target/debug/sohoa).
# OCR is off so scanned PDFs measure the text path only.
set -eu
cd "$(dirname "$0")/.."
repeat=${1:-3}
bin=${BIN:-}
if [ -z "$bin" ]; then
    if [ -x target/release/sohoa ]; then bin=target/release/sohoa; else bin=target/debug/sohoa; fi
fi
[ -x "$bin" ] || { echo "build sohoa first: cargo build -p sohoa-cli" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
echo "binary: $bin, repeat: $repeat"
printf '%-6s %6s %10s %12s %14s\n' format files runs docs/sec "peak RSS MiB"
for ext in docx xlsx xls doc rtf pdf txt; do
    files=$(find corpus -type f -name "*.$ext" ! -name '*.transcript.txt' | sort)
    [ -n "$files" ] || continue
    n=$(echo "$files" | wc -l)
    peak=0
    start=$(date +%s.%N)
    i=0
    while [ "$i" -lt "$repeat" ]; do
        for f in $files; do
            /usr/bin/time -f '%M' -o "$tmp" "$bin" text --ocr off "$f" >/dev/null 2>&1 || true
            rss=$(tail -1 "$tmp")
            case $rss in ''|*[!0-9]*) rss=0 ;; esac
            [ "$rss" -gt "$peak" ] && peak=$rss
        done
        i=$((i + 1))
    done
    end=$(date +%s.%N)
    runs=$((n * repeat))
    awk -v f="$ext" -v n="$n" -v r="$runs" -v s="$start" -v e="$end" -v p="$peak" \
        'BEGIN { printf "%-6s %6d %10d %12.1f %14.1f\n", f, n, r, r / (e - s), p / 1024 }'
done
