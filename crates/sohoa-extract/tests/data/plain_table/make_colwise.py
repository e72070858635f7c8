#!/usr/bin/env python3
"""Writes a plain dump whose table cells come column after column, like seed 004's
converter, from a markdown-like seed's tab table (the cells' text stays as printed).

    make_colwise.py SEED.txt OUT.txt

Rows: the Stt block, the content wrapped at 55 characters, then each other cell
wrapped at 14 in column order; empty cells write nothing. Every third row is cut
by a page break (each column goes on after it); a short deadline that carries a
year shares its line with the next cell's first line.
"""
import re
import sys
import textwrap

TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def table_rows(lines):
    header, rows = None, []
    for line in lines:
        heading = line.lstrip("#").replace("**", "").strip()
        if header is not None and line.startswith("#") and re.match(r"^[IVX]+\.\s", heading):
            label, title = heading.split(None, 1)
            rows.append([label, title] + [""] * (len(header) - 2))
            continue
        if "\t" not in line:
            continue
        cells = [TAG.sub("", c).strip() for c in line.rstrip("\n").split("\t")]
        if header is None:
            header = cells
            continue
        if cells == header or all(set(c) <= set("-: ") for c in cells):
            continue
        cells += [""] * (len(header) - len(cells))
        if not cells[0] and rows:
            rows[-1] = [(a + " " + b).strip() for a, b in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    return header, rows


def wrap(text, width):
    out = []
    for part in re.split(r"\s(?=- )", text):
        lines = textwrap.wrap(part, width, break_long_words=False) or []
        out += [l + " " for l in lines[:-1]] + lines[-1:]
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    lines = open(src, encoding="utf-8").read().splitlines()
    header, rows = table_rows(lines)
    out = ["KẾ HOẠCH", "", "Bảng phân công nhiệm vụ (dựng lại từ bảng của bản gốc)", ""]
    words = " ".join(header).split()
    head = textwrap.wrap(" ".join(words), 30)
    for i, l in enumerate(head):
        out.append(l)
        if i % 2 == 0:
            out.append("")
    out.append("")
    for n, r in enumerate(rows):
        if re.match(r"^[IVX]+\.", r[0]) and not any(r[2:]):
            out += [r[0] + " " + r[1], ""]
            continue
        cols = [wrap(r[1], 55)] + [wrap(c, 14) for c in r[2:]]
        if len(cols) > 1 and cols[1] and re.search(r"\d{4}$", cols[1][-1]) and len(cols) > 2 and cols[2] and len(cols[1]) == 1:
            cols[1] = [cols[1][0] + " " + cols[2][0]] + cols[2][1:]
            cols[2] = []
        out += [r[0], ""]
        if n % 3 == 2:
            first = [c[: (len(c) + 1) // 2] for c in cols]
            second = [c[(len(c) + 1) // 2 :] for c in cols]
            for c in first:
                if c:
                    out += c + [""]
            out += ["", "", ""]
            for c in second:
                if c:
                    out += c + [""]
        else:
            for c in cols:
                if c:
                    out += c + [""]
    out += ["", "", "", "Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    open(dst, "w", encoding="utf-8").write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
