#!/usr/bin/env python3
"""How many ruled-table rows the stream-table recovery gets back without the rules.

For every corpus/real/*.docx: a copy with all table and cell borders removed is
made, both versions are converted to PDF with LibreOffice (same layout, only the
rules differ), and `sohoa text --ocr off` reads both. The rows the lattice path
prints for the ruled PDF ("a | b | c" lines) are looked up, whitespace-normalized
and trailing empty cells dropped, among the rows printed for the unruled PDF.

Usage: python3 scripts/stream_recall.py [--sohoa target/release/sohoa] [--keep DIR]
Measurement only (LibreOffice is never used by sohoa itself).
"""
import argparse
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NIL = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))


def strip_borders(src, dst):
    """Copy of a DOCX whose tables and cells draw no border."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in ("word/document.xml", "word/styles.xml"):
                xml = data.decode("utf-8")
                xml = re.sub(r"<w:(tblBorders|tcBorders)>.*?</w:\1>", "", xml, flags=re.S)
                xml = re.sub(r"<w:(tblBorders|tcBorders)/>", "", xml)
                xml = xml.replace("<w:tblPr>", f"<w:tblPr><w:tblBorders>{NIL}</w:tblBorders>")
                data = xml.encode("utf-8")
            zout.writestr(item, data)


def to_pdf(docx, outdir, profile):
    for _ in range(3):  # LibreOffice now and then exits without writing the file
        subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                        "--outdir", str(outdir), str(docx)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        pdf = outdir / (docx.stem + ".pdf")
        if pdf.exists():
            return pdf
    return None


def table_rows(sohoa, pdf):
    out = subprocess.run([sohoa, "text", "--ocr", "off", str(pdf)], capture_output=True, text=True, check=False).stdout
    rows = []
    for line in out.splitlines():
        if "|" in line:
            cells = [re.sub(r"\s+", " ", c).strip() for c in line.split("|")]
            while cells and not cells[-1]:
                cells.pop()
            rows.append(" | ".join(cells))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sohoa", default=str(ROOT / "target/release/sohoa"))
    ap.add_argument("--keep", help="folder to keep the PDFs in")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        (work / "ruled").mkdir(parents=True, exist_ok=True)
        (work / "unruled").mkdir(parents=True, exist_ok=True)
        total = found = 0
        for docx in sorted((ROOT / "corpus/real").glob("*.docx")):
            bare = work / "unruled" / docx.name
            strip_borders(docx, bare)
            ruled = to_pdf(docx, work / "ruled", f"{tmp}/profile")
            unruled = to_pdf(bare, work / "unruled", f"{tmp}/profile")
            if not ruled or not unruled:
                print(f"{docx.name}: LibreOffice could not convert it")
                continue
            want = table_rows(args.sohoa, ruled)
            got = set(table_rows(args.sohoa, unruled))
            hits = sum(1 for r in want if r in got)
            total, found = total + len(want), found + hits
            print(f"{docx.stem[:40]:40} ruled rows {len(want):4}  recovered unruled {hits:4}")
        print(f"all: {found}/{total} rows ({found / max(total, 1):.2f})")


if __name__ == "__main__":
    main()
