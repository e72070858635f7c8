#!/usr/bin/env bash
# OCR speed and memory: `sohoa convert` on the scans of the seeds (bilevel
# corpus/scan, grey JPEG corpus/scan-gray, colour JPEG with seals corpus/scan-color)
# with --jobs 1 and --jobs 2. Prints pages, wall seconds, pages per second and
# peak RSS (/usr/bin/time -v: the largest resident set of sohoa or one of its
# children; pdftoppm and tesseract run as children).
# Usage: scripts/bench_ocr.sh [FOLDER...]   (default: the three scan folders)
# Env: SOHOA (binary, default target/release/sohoa), JOBS (default "1 2").
set -euo pipefail
cd "$(dirname "$0")/.."
SOHOA=${SOHOA:-target/release/sohoa}
[ -x "$SOHOA" ] || cargo build --release -p sohoa-cli >&2
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
JOBS=${JOBS:-1 2}
[ $# -gt 0 ] || set -- corpus/scan corpus/scan-gray corpus/scan-color
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-20s %5s %6s %8s %8s %10s\n' folder jobs pages seconds pages/s peak_MB
for folder in "$@"; do
    pages=0
    for f in "$folder"/*.pdf; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
    for jobs in $JOBS; do
        rm -rf "$tmp/out"
        start=$(date +%s.%N)
        /usr/bin/time -v "$SOHOA" convert --jobs "$jobs" "$folder" --out "$tmp/out" >/dev/null 2>"$tmp/time" || true
        end=$(date +%s.%N)
        peak=$(awk -F: '/Maximum resident set size/ {print $2}' "$tmp/time" | tr -d ' ')
        awk -v f="$folder" -v j="$jobs" -v p="$pages" -v s="$start" -v e="$end" -v k="$peak" \
            'BEGIN { t = e - s; printf "%-20s %5d %6d %8.1f %8.2f %10.0f\n", f, j, p, t, p / t, k / 1024 }'
    done
done
