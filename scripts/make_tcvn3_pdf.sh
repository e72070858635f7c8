#!/bin/sh
# A long PDF whose text layer is TCVN3 (ABC) in fonts named .VnTime / .VnTimeH,
# as Word + Acrobat made them from legacy-font documents: corpus/docx-tcvn3/<stem>.docx
# (scripts/legacy_docx.py) printed by LibreOffice with fonts of those names
# installed (copies of Liberation Serif / DejaVu Serif renamed by
# scripts/rename_font.py: the glyphs are Latin-1, so the text layer holds the
# cp1252 reading of the TCVN3 bytes, as a real .VnTime PDF does).
# Output: crates/sohoa-extract/tests/data/legacy_pdf/<stem>.tcvn3.pdf.
# Fixture-making only; needs LibreOffice, fontconfig and fontTools (pip install fonttools).
# Usage: scripts/make_tcvn3_pdf.sh [STEM]   (default 003_76f9b4deebc8deb5, 61 pages)
set -eu
cd "$(dirname "$0")/.."
stem=${1:-003_76f9b4deebc8deb5}
out=crates/sohoa-extract/tests/data/legacy_pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" "$tmp/fonts"
serif=$(fc-match -f '%{file}' 'Liberation Serif')
bold=$(fc-match -f '%{file}' 'Liberation Serif:bold')
python3 scripts/rename_font.py "$serif" ".VnTime" "$tmp/fonts/vntime.ttf"
python3 scripts/rename_font.py "$bold" ".VnTime" "$tmp/fonts/vntimeb.ttf"
python3 scripts/rename_font.py "$serif" ".VnTimeH" "$tmp/fonts/vntimeh.ttf"
python3 scripts/rename_font.py "$bold" ".VnTimeH" "$tmp/fonts/vntimehb.ttf"
cat > "$tmp/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>$tmp/fonts</dir><cachedir>$tmp/cache</cachedir></fontconfig>
CONF
export FONTCONFIG_FILE="$tmp/fonts.conf"
fc-list | grep -q VnTimeH || { echo "the renamed fonts are not seen by fontconfig" >&2; exit 1; }
for _ in 1 2 3; do
    [ -f "$tmp/$stem.pdf" ] && break
    libreoffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to pdf --outdir "$tmp" "corpus/docx-tcvn3/$stem.docx" >/dev/null 2>&1 || true
done
[ -f "$tmp/$stem.pdf" ] || { echo "LibreOffice could not convert corpus/docx-tcvn3/$stem.docx" >&2; exit 1; }
mv "$tmp/$stem.pdf" "$out/$stem.tcvn3.pdf"
pdffonts "$out/$stem.tcvn3.pdf" | sed -n '3,$p' | awk '{print $1}' | sort -u | tr '\n' ' '
echo "$out/$stem.tcvn3.pdf ($(pdfinfo "$out/$stem.tcvn3.pdf" | awk '/^Pages:/ {print $2}') pages)"
