#!/bin/sh
# PDF versions of the seeds: converts corpus/docx/*.docx (made by scripts/make_docx.py)
# with LibreOffice into corpus/pdf/<same stem>.pdf. Fixture-making only; sohoa never
# calls LibreOffice. Usage: scripts/make_pdf.sh [DOCX...]
set -eu
cd "$(dirname "$0")/.."
out=${OUT:-corpus/pdf}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
[ $# -gt 0 ] || set -- corpus/docx/*.docx
for f in "$@"; do
    [ -f "$f" ] || { echo "no DOCX at $f (run scripts/make_docx.py first)" >&2; exit 1; }
    stem=$(basename "$f"); stem=${stem%.*}  # .docx or .doc
    # LibreOffice now and then exits without writing the file: try up to three times.
    for _ in 1 2 3; do
        [ -f "$tmp/$stem.pdf" ] && break
        libreoffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to pdf --outdir "$tmp" "$f" >/dev/null 2>&1 || true
    done
    [ -f "$tmp/$stem.pdf" ] || { echo "LibreOffice could not convert $f" >&2; exit 1; }
    mv "$tmp/$stem.pdf" "$out/$stem.pdf"
    echo "$out/$stem.pdf ($(pdfinfo "$out/$stem.pdf" | awk '/^Pages:/ {print $2}') pages)"
done
