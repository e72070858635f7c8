#!/usr/bin/env bash
# Speed bench (issue 15): in one run, sohoa against plain text extraction on the same files.
#   text PDFs (corpus/pdf + the text-layer PDFs of corpus/real): `sohoa convert --jobs 1` on a
#     folder against `pdftotext` run on each file;
#   DOCX (corpus/docx + corpus/real/*.docx): `sohoa convert --jobs 1` on a folder against
#     `sohoa text` run on each file, and `sohoa convert --jobs 2`;
#   a synthetic archive (scripts/make_archive_tree.sh): `sohoa convert --jobs 2`, CPU per file.
# Prints one table: wall seconds, pages/s, docs/s, CPU ms per file (user + sys, children
# included), peak RSS, and the ratios of wall time and of CPU time to the group's reference row
# (on a loaded machine the CPU ratio is the steadier one).
#   scripts/bench_speed.sh
# Knobs (environment): ROUNDS copies of each PDF/DOCX (default 4), ARCHIVE_FILES (default 390;
# 10000 for the archive issue's bench), BIN (default target/release/sohoa), COMPARE=OTHER_BIN
# adds that binary's rows to the same run (before/after), WORK keeps the scratch folder.
# OCR is off throughout; `--force` so every run converts every file.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/sohoa}
ROUNDS=${ROUNDS:-4}
ARCHIVE_FILES=${ARCHIVE_FILES:-390}
COMPARE=${COMPARE:-}
[ -x "$BIN" ] || { echo "build sohoa first: cargo build --release -p sohoa-cli" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "needs pdftotext (poppler-utils; make setup)" >&2; exit 1; }
work=${WORK:-$(mktemp -d)}
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

# The text-layer PDFs: pdffonts lists a font; a broken ToUnicode map is an OCR case, not this one.
pdfs=()
for f in corpus/pdf/*.pdf corpus/real/*.pdf; do
    [ "$(pdffonts "$f" 2>/dev/null | tail -n +3 | wc -l)" -gt 0 ] || continue
    case "$f" in *brokenToUnicode*) continue ;; esac
    pdfs+=("$f")
done
docxs=(corpus/docx/*.docx corpus/real/*.docx)

# copies SRC_DIR FILE...: ROUNDS copies of each file under SRC_DIR (r1/, r2/, ...), one folder to convert
copies() {
    local dir=$1; shift
    for r in $(seq "$ROUNDS"); do
        mkdir -p "$dir/r$r"
        cp "$@" "$dir/r$r/"
    done
}
copies "$work/pdf" "${pdfs[@]}"
copies "$work/docx" "${docxs[@]}"
sh scripts/make_archive_tree.sh "$work/archive" "$ARCHIVE_FILES"
pdf_files=$(find "$work/pdf" -type f | wc -l)
docx_files=$(find "$work/docx" -type f | wc -l)
archive_files=$(find "$work/archive" -type f | wc -l)
pages=0
for f in "$work"/pdf/*/*.pdf; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done

# each_file TOOL DIR: TOOL run once per file of DIR (one process per file)
each_file() {
    local tool=$1 dir=$2
    find "$dir" -type f | sort | while read -r f; do
        case "$tool" in
            pdftotext) pdftotext -layout "$f" - >/dev/null ;;
            text:*) "${tool#text:}" text --ocr off "$f" >/dev/null ;;
        esac
    done
}
export -f each_file

# row GROUP LABEL FILES PAGES REF CMD...: times CMD; prints one row; REF=ref makes it the group's reference
declare -A ref_secs ref_cpu
row() {
    local group=$1 label=$2 files=$3 pages=$4 ref=$5; shift 5
    local t="$work/time.txt"
    /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" >/dev/null 2>&1 || true
    read -r secs user sys kb < <(tail -n 1 "$t")
    if [ "$ref" = ref ]; then ref_secs[$group]=$secs; ref_cpu[$group]=$(echo "$user + $sys" | bc -l); fi
    awk -v l="$label" -v f="$files" -v p="$pages" -v s="$secs" -v u="$user" -v y="$sys" -v k="$kb" \
        -v r="${ref_secs[$group]:-0}" -v rc="${ref_cpu[$group]:-0}" 'BEGIN {
        pps = (p > 0 && s > 0) ? sprintf("%.1f", p / s) : "-"
        printf "%-40s %6d %8.2f %8s %8.1f %9.1f %8.1f %6s %6s\n", l, f, s, pps, (s > 0 ? f / s : 0), 1000 * (u + y) / f, k / 1024,
            (r > 0 ? sprintf("%.2f", s / r) : "-"), (rc > 0 ? sprintf("%.2f", (u + y) / rc) : "-")
    }'
}

# convert_rows GROUP BIN NAME DIR FILES PAGES: convert --jobs 1 and, for DOCX and the archive, --jobs 2
convert_rows() {
    local group=$1 bin=$2 name=$3 dir=$4 files=$5 pages=$6 jobs
    for jobs in 1 2; do
        [ "$group" = pdf ] && [ "$jobs" = 2 ] && continue
        row "$group" "$name convert --jobs $jobs" "$files" "$pages" - \
            "$bin" convert "$dir" -o "$work/out-$group" --jobs "$jobs" --ocr off --force -q
    done
}

bins=("$BIN")
[ -n "$COMPARE" ] && bins+=("$COMPARE")
echo "binary: $BIN ($("$BIN" --version))${COMPARE:+, compared with $COMPARE}; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rounds: $ROUNDS; text PDFs: ${#pdfs[@]} files, $((pages / ROUNDS)) pages; DOCX: ${#docxs[@]} files; archive: $archive_files files"
printf "%-40s %6s %8s %8s %8s %9s %8s %6s %6s\n" run files seconds pages/s docs/s "CPU ms/f" "RSS MiB" "wall x" "CPU x"
echo "-- text PDFs (ratios to pdftotext)"
row pdf "pdftotext -layout, a process per file" "$pdf_files" "$pages" ref bash -c 'each_file pdftotext "$1"' _ "$work/pdf"
for b in "${bins[@]}"; do convert_rows pdf "$b" "$(basename "$b")" "$work/pdf" "$pdf_files" "$pages"; done
echo "-- DOCX (ratios to sohoa text)"
row docx "sohoa text, a process per file" "$docx_files" 0 ref bash -c 'each_file "text:$1" "$2"' _ "$BIN" "$work/docx"
for b in "${bins[@]}"; do convert_rows docx "$b" "$(basename "$b")" "$work/docx" "$docx_files" 0; done
echo "-- archive, no --db (ratios to the first row)"
first=ref
for b in "${bins[@]}"; do
    row archive "$(basename "$b") convert --jobs 2" "$archive_files" 0 "$first" \
        "$b" convert "$work/archive" -o "$work/out-archive" --jobs 2 --ocr off --force -q
    first=-
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
