#!/usr/bin/env python3
"""A long PDF whose text layer is TCVN3 bytes behind a broken ToUnicode map,
as old producers wrote `.VnTime` fonts embedded as symbol fonts: every byte b
extracts as the private-use char U+F000+b. The text is the TCVN3 seeds
(corpus/tcvn3/*.txt, scripts/reencode_corpus.sh) one after the other, set line
by line in a font named `.VnTime` (not embedded; every glyph 0.5 em wide).
Judged raw, such a layer is garbage and would be OCRed; the legacy decoders
read it. Output: crates/sohoa-extract/tests/data/legacy_pdf/seeds.symbol-tcvn3.pdf.
Deterministic; needs nothing but Python.

Usage: scripts/make_symbol_tcvn3_pdf.py
"""
import glob
import os
import re
import textwrap
import zlib

SIZE, LEADING, LINES, WIDTH = 12, 17, 42, 78
OUT = "crates/sohoa-extract/tests/data/legacy_pdf/seeds.symbol-tcvn3.pdf"


def source_lines():
    """The seeds' lines (bytes), markdown marks dropped, wrapped to WIDTH."""
    out = []
    for path in sorted(glob.glob("corpus/tcvn3/*.txt")):
        for raw in open(path, "rb").read().split(b"\n"):
            line = re.sub(rb"^#+ |\*\*", b"", raw.rstrip(b"\r")).decode("latin-1")
            out.extend(textwrap.wrap(line, WIDTH) or [""])
        out.append("")
    return [l.encode("latin-1") for l in out]


def pdf_string(b):
    return b"(" + b"".join(bytes([c]) if 0x20 <= c < 0x7F and c not in b"()\\" else b"\\%03o" % c for c in b) + b")"


def to_unicode():
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Symbol-F0 def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <00> <FF> <F000> endbfrange "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return cmap


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    lines = source_lines()
    pages = [lines[i:i + LINES] for i in range(0, len(lines), LINES)]
    objects = {}
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 tounicode, 5 descriptor, then page/content pairs.
    kids = [6 + 2 * i for i in range(n_pages)]
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % n_pages
    widths = b" ".join([b"500"] * 256)
    objects[3] = (b"<< /Type /Font /Subtype /TrueType /BaseFont /.VnTime /FirstChar 0 /LastChar 255 /Widths [" + widths +
                  b"] /FontDescriptor 5 0 R /ToUnicode 4 0 R >>")
    objects[5] = b"<< /Type /FontDescriptor /FontName /.VnTime /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"
    cmap = to_unicode()
    objects[4] = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    for i, page in enumerate(pages):
        ops = [b"BT /F1 %d Tf %d TL 60 790 Td" % (SIZE, LEADING)]
        ops += [b"T* " + pdf_string(l) + b" Tj" for l in page]
        ops.append(b"ET")
        body = zlib.compress(b"\n".join(ops), 9)
        objects[kids[i]] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (kids[i] + 1)
        objects[kids[i] + 1] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[num]) if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    open(OUT, "wb").write(out)
    print(f"{OUT}: {n_pages} pages, {len(out) // 1024} KB")


if __name__ == "__main__":
    main()
