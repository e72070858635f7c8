#!/usr/bin/env python3
"""Legacy-font versions of the DOCX corpus: corpus/docx/*.docx rewritten with
their run texts in TCVN3 (fonts .VnTime / .VnTimeH) and in VNI (VNI-Times),
as old Word files hold them: each run's text is the cp1252 reading of the
legacy bytes. Output: corpus/docx-tcvn3/<same name>, corpus/docx-vni/<same name>.

The bytes come from sohoa's own encoder (`cargo run --example legacy_encode
-- --runs ENC`). An ABC font has no toned capitals: a run in capitals
throughout is set in .VnTimeH whole (lower-case bytes, the font draws
capitals); elsewhere each toned capital is its own .VnTimeH run.

Usage: python3 scripts/legacy_docx.py      (needs cargo; deterministic output)
"""
import html
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
FONTS = {"N": {"tcvn3": ".VnTime", "vni": "VNI-Times"}, "H": {"tcvn3": ".VnTimeH"}}
RUN = re.compile(r"<w:r>(?:<w:rPr>(.*?)</w:rPr>)?(.*?)</w:r>", re.S)
PART = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>|<w:t(?: [^>]*)?/>|<[^>]+/>", re.S)


def encoder(enc):
    exe = ROOT / "target/debug/examples/legacy_encode"
    subprocess.run(["cargo", "build", "-q", "-p", "sohoa-extract", "--example", "legacy_encode"],
                   cwd=ROOT, check=True)
    return lambda texts: encode_all(exe, enc, texts)


def encode_all(exe, enc, texts):
    data = "".join(t + "\n" for t in texts)
    out = subprocess.run([str(exe), "--runs", enc], input=data, capture_output=True,
                         text=True, encoding="utf-8", check=True).stdout
    lines = out.split("\n")[: len(texts)]
    return [[(f[0], f[1:]) for f in line.split("\t") if f] for line in lines]


def run_xml(rpr, font, content):
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>' if font else ""
    return f"<w:r><w:rPr>{fonts}{rpr}</w:rPr>{content}</w:r>"


def rewrite(xml, enc, encode):
    runs = list(RUN.finditer(xml))
    texts = [html.unescape(m.group(1) or "") for r in runs for m in PART.finditer(r.group(2))
             if m.group(0).startswith("<w:t") and not m.group(0).endswith("/>")]
    encoded = iter(encode(texts))
    out, last = [], 0
    for r in runs:
        out.append(xml[last:r.start()])
        rpr = r.group(1) or ""
        for m in PART.finditer(r.group(2)):
            part = m.group(0)
            if not part.startswith("<w:t") or part.endswith("/>"):
                out.append(run_xml(rpr, FONTS["N"][enc], part))
                continue
            pieces = next(encoded) or [("N", "")]
            for kind, text in pieces:
                t = f'<w:t xml:space="preserve">{escape(text)}</w:t>'
                out.append(run_xml(rpr, FONTS[kind][enc], t))
        last = r.end()
    out.append(xml[last:])
    return "".join(out)


def convert(src, dst, enc, encode):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = rewrite(data.decode("utf-8"), enc, encode).encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)


def main():
    sources = sorted((ROOT / "corpus/docx").glob("*.docx"))
    if not sources:
        sys.exit("no corpus/docx/*.docx (run scripts/make_docx.py first)")
    for enc in ("tcvn3", "vni"):
        encode = encoder(enc)
        out_dir = ROOT / f"corpus/docx-{enc}"
        out_dir.mkdir(exist_ok=True)
        for src in sources:
            convert(src, out_dir / src.name, enc, encode)
            print(f"{src.relative_to(ROOT)} -> {(out_dir / src.name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
