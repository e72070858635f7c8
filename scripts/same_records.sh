#!/usr/bin/env bash
# Byte-identity check of two sohoa binaries on the text-layer corpus (OCR off):
# converts seeds, docx, pdf, real, tcvn3, vni, docx-layout, pdf-layout, archive,
# docx-tcvn3, docx-vni and real-pdf with each, keeping stdout, stderr and the exit
# code, and diffs the two output trees (the .sohoa manifest folders left out).
# Usage: scripts/same_records.sh OLD_BIN NEW_BIN   (exit 0 when identical)
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 OLD_BIN NEW_BIN" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert() {
    local bin=$1 out=$2
    for d in seeds docx pdf real tcvn3 vni docx-layout pdf-layout archive docx-tcvn3 docx-vni real-pdf; do
        "$bin" convert "corpus/$d" -o "$out/$d" --ocr off -j 2 -q >"$out/$d.stdout" 2>"$out/$d.stderr"
        echo "exit $?" >>"$out/$d.stdout"
    done
}
mkdir -p "$work/old" "$work/new"
convert "$1" "$work/old"
convert "$2" "$work/new"
if diff -r -x .sohoa "$work/old" "$work/new"; then
    echo "identical: $(find "$work/new" -name '*.jsonl' | wc -l) output files"
else
    echo "outputs differ" >&2
    exit 1
fi
