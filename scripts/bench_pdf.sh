#!/usr/bin/env bash
# PDF speed and memory: `sohoa text --ocr off` against `pdftotext -layout` on the same
# text-layer PDFs, in the same run. Prints pages per second and peak RSS per tool.
# Usage: scripts/bench_pdf.sh [PDF...]   (default: the text-layer PDFs of corpus/)
set -euo pipefail
cd "$(dirname "$0")/.."
SOHOA=${SOHOA:-target/release/sohoa}
[ -x "$SOHOA" ] || cargo build --release -p sohoa-cli >&2
ROUNDS=${ROUNDS:-3}

if [ $# -gt 0 ]; then files=("$@"); else
    files=()
    for f in corpus/real/*.pdf corpus/real/legacy/*.pdf corpus/pdf/*.pdf; do
        [ -f "$f" ] || continue
        # Text-layer PDFs only: pdffonts lists at least one font.
        [ "$(pdffonts "$f" 2>/dev/null | tail -n +3 | wc -l)" -gt 0 ] || continue
        case "$f" in *brokenToUnicode*) continue ;; esac
        files+=("$f")
    done
fi
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
echo "files: ${#files[@]}, pages: $pages, rounds: $ROUNDS"

# Runs "$@" once per file, ROUNDS times; prints "seconds peak_kb".
measure() {
    local out
    out=$( { /usr/bin/time -f "%e %M" bash -c '
        rounds=$1; shift; tool=$1; shift
        for r in $(seq "$rounds"); do for f in "$@"; do
            case "$tool" in
                sohoa) "'"$SOHOA"'" text --ocr off "$f" >/dev/null ;;
                pdftotext) pdftotext -layout "$f" - >/dev/null ;;
            esac
        done; done' _ "$ROUNDS" "$1" "${files[@]}" ; } 2>&1 >/dev/null | tail -n 1)
    echo "$out"
}

printf "%-10s %8s %10s %12s %12s\n" tool pages seconds pages/s peak_MB
for tool in sohoa pdftotext; do
    read -r secs kb < <(measure "$tool")
    total=$((pages * ROUNDS))
    awk -v t="$tool" -v p="$total" -v s="$secs" -v k="$kb" \
        'BEGIN { printf "%-10s %8d %10.2f %12.1f %12.1f\n", t, p, s, (s > 0 ? p / s : 0), k / 1024 }'
done
