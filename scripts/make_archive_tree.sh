#!/bin/sh
# Synthetic province archive for the benches: COUNT files copied from the corpus
# (text, DOCX, PDF with a text layer, XLSX; no scans) into nested
# DIR/tinhNN/huyenNN/YEAR/ folders, the pool taken round-robin.
#   scripts/make_archive_tree.sh DIR COUNT
# Used by scripts/bench_archive.sh and scripts/bench_speed.sh.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 DIR COUNT" >&2; exit 2; }
dir=$1 count=$2
cd "$(dirname "$0")/.."

# the pool of source files, by format
pool() {
    for f in corpus/seeds/*.txt corpus/tcvn3/*.txt corpus/vni/*.txt corpus/archive/*/*/*.txt corpus/archive/*/*/*/*.txt; do echo "$f"; done
    for f in corpus/docx/*.docx corpus/real/*.docx; do echo "$f"; done
    for f in corpus/pdf/*.pdf corpus/real/20_*.pdf corpus/real/22_*.pdf; do echo "$f"; done
    for f in corpus/real/*.xlsx; do echo "$f"; done
}

mkdir -p "$dir"
list=$(mktemp)
trap 'rm -f "$list"' EXIT
pool > "$list"
total=$(wc -l < "$list")
awk -v count="$count" -v total="$total" -v dir="$dir" '
    { src[NR - 1] = $0 }
    END {
        for (i = 0; i < count; i++) {
            f = src[i % total]
            n = split(f, parts, "/"); name = parts[n]
            ext = name; sub(/^.*\./, "", ext); stem = name; sub(/\.[^.]*$/, "", stem)
            p = sprintf("tinh%02d/huyen%02d/%d", i % 7, int(i / 7) % 13, 2020 + int(i / 91) % 6)
            printf "%s\t%s/%s/%s_%05d.%s\n", f, dir, p, stem, i, ext
        }
    }' "$list" | while IFS="$(printf '\t')" read -r src dst; do
    mkdir -p "$(dirname "$dst")"
    cp "$src" "$dst"
done
