#!/bin/sh
# PDF renderings of the real documents with gold (and real 12, whose annex has gold):
# converts ../shared/real/<stem>.docx|.doc with LibreOffice into corpus/real-pdf/<stem>.pdf,
# so the PDF reader is scored on the form archives mostly hold. Fixture-making only;
# sohoa never calls LibreOffice. Usage: scripts/make_real_pdf.sh [SHARED_DIR]
set -eu
cd "$(dirname "$0")/.."
shared=${1:-../shared}
out=${OUT:-corpus/real-pdf}
mkdir -p "$out"
stems=$(for g in "$shared"/gold/real/*.gold.jsonl "$shared"/gold/real/annex-only/*.gold.jsonl; do
    basename "$g" .gold.jsonl
done | sort -u)
sources=""
for stem in $stems; do
    for ext in docx doc; do
        [ -f "$shared/real/$stem.$ext" ] && { sources="$sources $shared/real/$stem.$ext"; break; }
    done
done
[ -n "$sources" ] || { echo "no real sources under $shared/real" >&2; exit 1; }
# scripts/make_pdf.sh holds the LibreOffice call (own profile folder, retries).
# shellcheck disable=SC2086
OUT="$out" scripts/make_pdf.sh $sources
