#!/bin/sh
# Renders the DOCX files whose printed numbers are checked (the seed DOCX of
# corpus/docx, real 03, 12, 13, 14, 18)
# to PDF with LibreOffice and keeps the `pdftotext -layout` text as fixtures:
# fixtures/docx/printed/<stem>.txt. Fixture-making only; sohoa never calls LibreOffice.
set -eu
cd "$(dirname "$0")/.."
out=fixtures/docx/printed
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
for f in corpus/docx/*.docx corpus/real/03_*.docx corpus/real/12_*.docx corpus/real/13_*.docx corpus/real/14_*.docx corpus/real/18_*.docx; do
    stem=$(basename "$f" .docx)
    libreoffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to pdf --outdir "$tmp" "$f" >/dev/null 2>&1
    pdftotext -layout "$tmp/$stem.pdf" "$out/$stem.txt"
    echo "$out/$stem.txt"
done
